"""argparse's own words — "usage:", "options:", its error messages — in the user's language.

argparse passes every word it prints through gettext (its module's ``_`` and
``ngettext``): that is its hook for translations.  While :func:`speaking` is in effect,
the hook answers from the message catalogue (``[argparse]`` in
``otdesk/templates/messages.toml``), keyed by argparse's own English text, as a gettext
catalogue would be; argparse then fills in its ``%(name)s`` placeholders as usual.  A
text the catalogue does not hold stays as argparse wrote it (``tests/test_cli_language.py``
catches one that reaches a user).  No Qt here.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from otdesk.core.errors import message

#: argparse's English (its gettext message ids, Python 3.11) → the catalogue's key
WORDS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "unexpected option string: %s": "argparse.unexpected_option",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
}

#: the same for the one text argparse words by number: its singular → the key
PLURALS = {"expected %s argument": "argparse.expected_n"}


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse words what it prints in ``lang`` meanwhile (building a parser, parsing,
    printing its help)."""

    def words(text: str) -> str:
        key = WORDS.get(text)
        return message(key, lang) if key else text

    def plural(one: str, many: str, count: int) -> str:
        key = PLURALS.get(one)
        return message(key, lang) if key else (one if count == 1 else many)

    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = words, plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
