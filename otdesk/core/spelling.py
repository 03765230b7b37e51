"""The spelling check: which words of a text to look at, which are unknown, what to suggest.

Words are checked with Enchant-2 through ``pyenchant``: Finnish by Voikko (Debian's
``libenchant-2-voikko``), Swedish and English by Hunspell (``hunspell-sv``,
``hunspell-en-us``).  Only :class:`enchant.Dict` is used, and only to *ask*: no word is
ever added to Enchant, so nothing the consultant types is written to Enchant's own
personal word list (``~/.config/enchant``).  The consultant's own words ("add to
dictionary") live in the vault (:mod:`otdesk.storage.personal_words`) and are checked
here, in Python, before Enchant is asked.

What is not a word to check: a chunk with a digit, ``@`` or ``://`` in it (a reference
OT-2026-0042, an address, a date), a single letter, an abbreviation in capitals (THL).
A hyphenated word (OT-keskuksen) is known when the whole is, or each of its parts is.

``pyenchant`` and the dictionaries load lazily (:meth:`Speller.open`, off the UI
thread): never at start-up.  Without Enchant, or without a dictionary for the
language, :meth:`Speller.open` gives None and the text is not checked.  No Qt here.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator

#: the app's language → Enchant's dictionary tags, the first found is used
#: (Finland-Swedish before Sweden's)
DICTIONARY_TAGS = {"fi": ("fi", "fi_FI"), "sv": ("sv_FI", "sv_SE", "sv"),
                   "en": ("en_GB", "en_US", "en")}
#: the Debian package that brings each language's dictionary (said by ``otdesk doctor``)
PACKAGES = {"fi": "libenchant-2-voikko", "sv": "hunspell-sv", "en": "hunspell-en-us"}
#: at most this many suggestions on the menu
MAX_SUGGESTIONS = 6
#: the longest word the consultant may add to the dictionary
MAX_WORD = 64

_CHUNK = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NOT_TEXT = re.compile(r"\d|@|://|^www\.", re.IGNORECASE)


def words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for every word of ``text`` the check looks at."""
    for chunk in _CHUNK.finditer(text):
        if _NOT_TEXT.search(chunk.group()):
            continue
        for match in _WORD.finditer(chunk.group()):
            word = match.group()
            if len(word) < 2 or word.isupper():
                continue
            yield chunk.start() + match.start(), word


def normal(word: str) -> str:
    """How a word is kept in the personal dictionary (and compared with it)."""
    return word.strip().replace("’", "'").casefold()


class Speller:
    """One language's dictionary and the consultant's own words."""

    def __init__(self, dictionary, own: Iterable[str] = ()) -> None:
        self._dict = dictionary  # an enchant.Dict; asked from one thread at a time
        self._lock = threading.Lock()
        self._own = {normal(w) for w in own}
        self.tag: str = getattr(dictionary, "tag", "")
        self._known = functools.lru_cache(maxsize=20_000)(self._ask)

    @classmethod
    def open(cls, lang: str, own: Iterable[str] = ()) -> Speller | None:
        """The speller for ``lang`` (fi, sv, en), or None when Enchant or its dictionary
        for the language is missing.  Slow (loads Enchant and the dictionary): call it
        off the UI thread."""
        try:
            import enchant
        except (ImportError, OSError):  # (no pyenchant, or no libenchant-2 on the machine)
            return None
        for tag in DICTIONARY_TAGS.get(lang, (lang,)):
            try:
                if enchant.dict_exists(tag):
                    return cls(enchant.Dict(tag), own)
            except enchant.errors.Error:
                continue
        return None

    def add(self, word: str) -> None:
        """The consultant's own word (the vault keeps it; see personal_words.add)."""
        self._own.add(normal(word))

    def own_words(self) -> set[str]:
        return set(self._own)

    def known(self, word: str) -> bool:
        if normal(word) in self._own:
            return True
        if self._known(word):
            return True
        parts = [part for part in re.split(r"[-'’]", word) if part]
        return len(parts) > 1 and all(
            part.isupper() or len(part) < 2 or normal(part) in self._own or self._known(part)
            for part in parts)

    def unknown(self, text: str) -> Iterator[tuple[int, int]]:
        """(offset, length) of every unknown word of ``text``."""
        for start, word in words(text):
            if not self.known(word):
                yield start, len(word)

    def suggest(self, word: str) -> list[str]:
        """What the word could have been meant as, best first (none for a known word)."""
        if self.known(word):
            return []
        with self._lock:
            try:
                found = self._dict.suggest(word)
            except Exception:  # (a provider's own failure: no suggestions, never a crash)
                return []
        return [s for s in dict.fromkeys(found) if s != word][:MAX_SUGGESTIONS]

    def _ask(self, word: str) -> bool:
        with self._lock:
            try:
                return bool(self._dict.check(word))
            except Exception:  # (a word the provider cannot take is not marked)
                return True


def dictionaries() -> dict[str, str | None] | None:
    """Each language's dictionary as "provider (tag)", None where there is none; None
    without Enchant at all."""
    try:
        import enchant
    except (ImportError, OSError):
        return None
    found: dict[str, str | None] = {}
    for lang, tags in DICTIONARY_TAGS.items():
        found[lang] = None
        for tag in tags:
            try:
                if enchant.dict_exists(tag):
                    found[lang] = f"{enchant.Dict(tag).provider.name} ({tag})"
                    break
            except enchant.errors.Error:
                continue
    return found


def addable(word: str) -> bool:
    """A word the consultant may add to the personal dictionary."""
    return 2 <= len(word) <= MAX_WORD and _WORD.fullmatch(word) is not None
