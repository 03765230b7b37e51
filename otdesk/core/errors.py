"""Errors a user sees, and their wording in Finnish, Swedish and English.

Core code raises :class:`UserError` with a message key and parameters; the
command line and the desktop app turn it into one clear sentence in the
user's language with :func:`message`.  The wording lives in
``otdesk/templates/messages.toml`` so it can be translated without touching
code.  Never put consultation content into a parameter: messages end up in
dialogs, and the key (not the text) is what goes into the log.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from otdesk.core.texts import DEFAULT_LANGUAGE, LANGUAGES


class Fields(tuple):
    """Field keys as a message parameter; the message shows their labels (see
    :func:`otdesk.core.labels.field_label`) in its own language, joined by commas."""

    def in_language(self, lang: str) -> str:
        from otdesk.core.labels import field_label

        return ", ".join(field_label(key, lang) for key in self)


class Term(tuple):
    """A code of a vocabulary as a message parameter, shown as its label:
    ``Term(("statuses", "held"))`` → "Konsultaatio pidetty" in a Finnish message."""

    def in_language(self, lang: str) -> str:
        from otdesk.core.vocabulary import label

        return label(self[0], self[1], lang)


class Phrase(str):
    """A message key as a parameter, shown as that message in the outer message's
    language: ``Phrase("policy.kind.integer")`` → "kokonaisluku" in a Finnish message."""

    def in_language(self, lang: str) -> str:
        return message(self, lang)


class UserError(Exception):
    """Something went wrong that the user can understand and act on."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return message(self.key, lang, **self.params)

    def __str__(self) -> str:  # English in tracebacks and logs of developers
        return self.message("en")


@functools.cache
def _catalog() -> dict[str, dict[str, str]]:
    text = resources.files("otdesk.templates").joinpath("messages.toml").read_text("utf-8")
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, table: dict) -> None:
        for k, v in table.items():
            if isinstance(v, dict) and not set(v) <= set(LANGUAGES):
                walk(f"{prefix}{k}.", v)
            else:
                flat[f"{prefix}{k}"] = v

    walk("", tomllib.loads(text))
    return flat


def message(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The wording of ``key`` in ``lang`` (falling back to Finnish, then English)."""
    entry = _catalog().get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or entry.get("en", key)
    params = {k: v.in_language(lang) if isinstance(v, (Fields, Term, Phrase))
              else v.message(lang) if isinstance(v, UserError) else v
              for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
