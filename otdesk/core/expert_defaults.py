"""The default expert directory (``templates/experts.toml``): read and checked.

A vault's directory is filled from it the first time it is used
(:mod:`otdesk.storage.experts`); the organisation's policy may name a file of the
same form instead (``expert_directory``).  Names are in one language, descriptions
in fi, sv and en.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from otdesk.core.domain import CATEGORIES
from otdesk.core.templates import TemplateError, read_template
from otdesk.core.texts import Text, TextProblem, language_text

TEMPLATE = "experts.toml"
SCHEMA = 1
#: what an entry of the directory is
KINDS = ("organisation", "person")


@dataclass(frozen=True)
class DefaultExpert:
    """An entry of ``templates/experts.toml``."""

    key: str
    kind: str
    name: str
    categories: tuple[str, ...]
    description: Text


@functools.cache
def load_defaults() -> tuple[DefaultExpert, ...]:
    """The packaged default directory (read and checked once)."""
    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    return parse_defaults(text)


def parse_defaults(text: str, source: str = TEMPLATE) -> tuple[DefaultExpert, ...]:
    """Build and check the default directory from TOML text."""
    data = read_template(text, source, SCHEMA)
    entries = data.get("experts")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise TemplateError(f"{source}: missing [[experts]]")
    out, keys = [], set()
    for i, e in enumerate(entries):
        where = f"{source}: experts[{i}]"
        key, name, kind = e.get("key"), e.get("name"), e.get("kind", "organisation")
        if not isinstance(key, str) or not key or key in keys:
            raise TemplateError(f"{where}.key: missing or repeated")
        keys.add(key)
        if not isinstance(name, str) or not name.strip():
            raise TemplateError(f"{where}.name: missing")
        if kind not in KINDS:
            raise TemplateError(f"{where}.kind: must be one of {KINDS}")
        cats = e.get("categories")
        if not isinstance(cats, list) or not cats:
            raise TemplateError(f"{where}.categories: missing")
        unknown = [c for c in cats if c not in CATEGORIES]
        if unknown:
            raise TemplateError(f"{where}.categories: unknown {unknown}")
        try:
            description = language_text(e.get("description"))
        except TextProblem as exc:
            raise TemplateError(f"{where}.description: needs fi, sv and en") from exc
        out.append(DefaultExpert(key, kind, name.strip(), tuple(dict.fromkeys(cats)),
                                 description))
    return tuple(out)
