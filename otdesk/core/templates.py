"""The packaged templates (``otdesk/templates/*.toml``): reading one, and what is wrong
with one.

Each template module (structure, vocabulary, the expert directory, the summary's
wording) checks its own content; the TOML and its ``schema`` number are checked here.
No Qt here.
"""

from __future__ import annotations

import tomllib


class TemplateError(ValueError):
    """A template file does not fit its schema (a packaging or policy error)."""


def read_template(text: str, source: str, schema: int) -> dict:
    """Parse a template's TOML and check its ``schema`` number (TemplateError otherwise)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{source}: not valid TOML: {exc}") from exc
    if data.get("schema") != schema:
        raise TemplateError(f"{source}: schema must be {schema}, not {data.get('schema')!r}")
    return data
