"""Texts in the app's three languages: the one rule for what counts as a text in fi, sv
and en, and the one way to pick a language from it.

Templates (structure, vocabulary, the summary's wording, the expert directory) must
give every text in all three languages; the organisation's policy may give one string
for all, or only some languages (:func:`pick` then falls back to Finnish).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

#: the languages of the app, Finnish first (the default)
LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"

#: a text in every language: {"fi": …, "sv": …, "en": …} (read-only)
Text = Mapping[str, str]


class TextProblem(ValueError):
    """What is wrong with a text, in words for the template's author ("no text in 'sv'");
    the caller adds where it was."""


def language_text(value: object) -> Text:
    """``value`` as a :data:`Text`: a table with a non-blank string in fi, sv and en
    (other keys are not allowed to slip through unnoticed: they are left out)."""
    if not isinstance(value, Mapping):
        raise TextProblem("missing {fi, sv, en} table")
    for lang in LANGUAGES:
        s = value.get(lang)
        if not isinstance(s, str) or not s.strip():
            raise TextProblem(f"no text in {lang!r}")
    return types.MappingProxyType({lang: value[lang] for lang in LANGUAGES})


def language_lists(value: object, what: str = "texts") -> Mapping[str, tuple[str, ...]]:
    """``value`` as {lang: (text, …)}: a non-empty list of non-blank strings in each
    language (a phase's guiding questions: ``what`` = "prompts")."""
    if not isinstance(value, Mapping):
        raise TextProblem("missing {fi = [...], sv = [...], en = [...]}")
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang)
        if not isinstance(items, list) or not items or \
                not all(isinstance(s, str) and s.strip() for s in items):
            raise TextProblem(f"no {what} in {lang!r}")
        out[lang] = tuple(items)
    return types.MappingProxyType(out)


def some_languages(value: object) -> str | dict[str, str]:
    """A text that may be one string for every language or a table of some of them
    (the policy's organisation name, marking, …), stripped."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping) and value and set(value) <= set(LANGUAGES) \
            and all(isinstance(v, str) for v in value.values()):
        return {k: v.strip() for k, v in value.items()}
    raise TextProblem("expected a string or { fi, sv, en }")


def pick(value: str | Mapping[str, str] | None, lang: str) -> str:
    """``value`` in ``lang``: a plain string as it is; a table in ``lang``, else in
    Finnish, else in any language it has a text in; nothing → ""."""
    if isinstance(value, Mapping):
        return (value.get(lang) or value.get(DEFAULT_LANGUAGE)
                or next((v for v in value.values() if v), ""))
    return value or ""


def tr(texts: Mapping[str, T], lang: str) -> T:
    """``texts`` in ``lang``, falling back to Finnish (then any language there is): the
    rule of :func:`pick`, for texts and lists of them alike."""
    return pick(texts, lang)  # type: ignore[arg-type, return-value]
