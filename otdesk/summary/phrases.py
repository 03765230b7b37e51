"""The summary's own wording (``templates/summary.toml``): what the structure and the
vocabulary do not say, in fi, sv and en — titles, the page number, "klo", the contact
box, the feedback request …"""

from __future__ import annotations

import functools
import types
from collections.abc import Mapping
from importlib import resources

from otdesk.core.structure import TemplateError, read_template, tr
from otdesk.core.texts import TextProblem, language_text

TEMPLATE = "summary.toml"
SCHEMA = 1

_WORDING_KEYS = frozenset({
    "title", "doc_title", "doc_title_plain", "confidentiality", "default_organisation",
    "version", "generated", "page", "time", "minutes", "reference", "received", "session",
    "requester", "consultant", "consultants", "categories", "anonymous_note",
    "identified_note", "client", "consent", "consent_given_by", "consent_given_on", "consent_scope",
    "option_untitled", "experts_involved", "contact", "contact_intro", "addenda",
    "addenda_intro",
})


@functools.cache
def load_wording() -> Mapping[str, Mapping[str, str]]:
    """``templates/summary.toml``: key → {fi, sv, en} (read and checked once)."""
    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    return parse_wording(text)


def parse_wording(text: str, source: str = TEMPLATE) -> Mapping[str, Mapping[str, str]]:
    """Check the summary wording: every entry of ``[text]`` in fi, sv and en."""
    data = read_template(text, source, SCHEMA)
    table = data.get("text")
    if not isinstance(table, dict) or not table:
        raise TemplateError(f"{source}: missing table [text]")
    out = {}
    for key, value in table.items():
        try:
            out[key] = language_text(value)
        except TextProblem as problem:
            raise TemplateError(f"{source}: text.{key}: {problem}") from None
    missing = _WORDING_KEYS - set(out)
    if missing:
        raise TemplateError(f"{source}: [text] lacks {sorted(missing)}")
    return types.MappingProxyType(out)


def wording(key: str, lang: str, **params: object) -> str:
    """The summary wording ``key`` in ``lang``, with ``params`` filled in."""
    template = tr(load_wording()[key], lang)
    return template.format(**params) if params else template
