"""The words a text is found by: Finnish base forms and compound parts, Swedish stems.

Finnish inflects and compounds: *huoltoriidassa* is a form of *huoltoriita*, a compound
of *huolto* and *riita*.  Searching by letters finds neither from the other.  So every
word of a consultation is also indexed by what it is (:func:`index_terms`), and every
word of a query is looked up by the same analysis (:func:`query_terms`):

- **Finnish**, through Voikko (``libvoikko`` over Debian's ``libvoikko1`` and the
  ``voikko-fi`` morphology, as LibreOffice and Finnish search engines use it): a word's
  base forms, and for a compound each part's base form and each run of adjacent parts
  (*lastensuojeluilmoitus* → *lapsi*, *suojelu*, *ilmoitus*, *lastensuojelu*,
  *suojeluilmoitus*), so a part or a shorter compound inside it finds it too.  A query
  word asks only for its base forms: *huolto* does not find every *huoltoriita*'s
  neighbour, only the texts that hold *huolto* itself or as a part.
- **Swedish** (and any word Voikko does not know as Finnish), through the Snowball
  stemmer (``PyStemmer``): *vårdnadstvisten* and *vårdnadstvist* meet at their stem.
- **Without Voikko** (a machine without ``libvoikko1``/``voikko-fi``): Snowball's Finnish
  stemmer instead, which is plainly weaker (*huoltoriita* → *huoltor*, but *huoltoriidan*
  → *huoltoriid*: consonant gradation defeats it) and knows no compound parts;
  ``otdesk doctor`` says which analysers are in use (:func:`analysers`).

Voikko is loaded on first use, never at start-up, and each word form is analysed once
per process (a cache).  No word leaves the process: the analysers are local libraries.
No Qt here.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import NamedTuple

#: a word as the search index's tokenizer (FTS5 unicode61) splits the text
WORD = re.compile(r"\w+")
#: how this module makes terms (another scheme: the index is made again)
SCHEME = 1
#: words shorter than this are not analysed (their letters are searched as typed)
MIN_LETTERS = 2
#: word forms kept analysed (a few MiB at most)
CACHE_WORDS = 50_000
#: one morpheme of Voikko's WORDBASES ("+lasten(lapsi)+suojel(suojella)+u(+u)…"): as
#: written in the base form, and its own base ("+u": a derivational ending; none: a
#: linking piece such as "+lli")
_MORPHEME = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")

_lock = threading.Lock()  # Voikko's handle is not shared between threads unguarded
_voikko = None  # (_finnish(): None until first use, False when there is none)
_stemmers: dict[str, object] = {}


class Terms(NamedTuple):
    """The index terms of a word: Finnish base forms and parts, Swedish stems."""

    fi: tuple[str, ...]
    sv: tuple[str, ...]


def _finnish():
    """Voikko with the Finnish morphology, or False when this machine has none."""
    global _voikko
    if _voikko is None:
        with _lock:
            if _voikko is None:
                try:
                    from libvoikko import Voikko

                    _voikko = Voikko("fi")
                except Exception:  # no library, no dictionary: the Snowball fallback
                    _voikko = False
    return _voikko


def _stem(word: str, language: str) -> str:
    stemmer = _stemmers.get(language)
    if stemmer is None:
        import Stemmer

        stemmer = _stemmers.setdefault(language, Stemmer.Stemmer(language))
    return stemmer.stemWord(word)


def compound_parts(wordbases: str) -> tuple[list[str], list[str]]:
    """The parts of a compound, each in its base form; a derivational ending belongs to
    the part before it (*suojel* + *u* is the part *suojelu*, not *suojella*).  Returns
    the parts' base forms and the parts as written in the compound's base form."""
    parts: list[list[str]] = []  # [written, base]
    for written, base in _MORPHEME.findall(wordbases):
        written = written.lower()
        if parts and (not base or base.startswith("+")):
            parts[-1][0] += written
            parts[-1][1] = parts[-1][0]  # (a derived word is a base form of its own)
        elif written:
            parts.append([written, base.lower() or written])
    return [base for _, base in parts], [written for written, _ in parts]


def _compound_terms(wordbases: str) -> set[str]:
    """Each part of a compound in its base form, and each run of adjacent parts (the
    last in its base form): *lastensuojeluilmoitus* → *lapsi*, *suojelu*, *ilmoitus*,
    *lastensuojelu*, *suojeluilmoitus*.  Nothing for a word of one part."""
    bases, written = compound_parts(wordbases)
    if len(bases) < 2:
        return set()
    out = set(bases)
    for start in range(len(bases)):
        for end in range(start + 1, len(bases)):
            out.add("".join(written[start:end]) + bases[end])
    return out


def _simplest(analyses: list[dict]) -> list[dict]:
    """The analyses with the fewest compound parts: *jyväskylä* is the town, not *jyväs*
    + *kylä*; *sairastavan* a form of *sairastaa*, not *sairas* + *tapa*."""
    sizes = [len(compound_parts(a.get("WORDBASES", ""))[0]) or 1 for a in analyses]
    fewest = min(sizes)
    return [a for a, n in zip(analyses, sizes) if n == fewest]


def _terms(word: str, parts: bool) -> Terms:
    """A word's Finnish base forms (and with ``parts`` its compound terms), or its
    Swedish stem when Voikko does not know it; Snowball's two stems without Voikko."""
    if len(word) < MIN_LETTERS or word.isdigit():
        return Terms((), ())
    voikko = _finnish()
    if not voikko:
        return Terms((_stem(word, "finnish"),), (_stem(word, "swedish"),))
    with _lock:
        analyses = voikko.analyze(word)
    if not analyses:
        return Terms((), (_stem(word, "swedish"),))
    fi: set[str] = set()
    for analysis in _simplest(analyses):
        fi.add(analysis.get("BASEFORM", "").lower())
        if parts:
            fi |= _compound_terms(analysis.get("WORDBASES", ""))
    return Terms(tuple(sorted(fi - {""})), ())


@functools.lru_cache(maxsize=CACHE_WORDS)
def word_terms(word: str) -> Terms:
    """The index terms of one word (lower case)."""
    return _terms(word, parts=True)


@functools.lru_cache(maxsize=CACHE_WORDS)
def _query_word(word: str) -> Terms:
    return _terms(word, parts=False)


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case, as the index splits them."""
    return WORD.findall(text.lower())


def index_terms(texts) -> Terms:
    """Every term that ``texts`` (strings) are found by, each once."""
    fi: set[str] = set()
    sv: set[str] = set()
    for text in texts:
        for word in set(words(text)):
            terms = word_terms(word)
            fi.update(terms.fi)
            sv.update(terms.sv)
    return Terms(tuple(sorted(fi)), tuple(sorted(sv)))


def query_terms(word: str) -> Terms:
    """What one word of a query is looked up by: its base forms (Finnish), its stem
    (Swedish, or a word Voikko does not know)."""
    return _query_word(word.lower())


def voikko_version() -> str | None:
    """The version of the Voikko library in use, or None when there is none."""
    voikko = _finnish()
    if not voikko:
        return None
    return _version_of(voikko)


@functools.lru_cache(maxsize=2)
def _version_of(voikko) -> str:
    try:
        return str(type(voikko).getVersion())
    except Exception:
        return "?"


def analysers() -> str:
    """Which analysers make the terms, as the index records it: "terms 1: voikko 4.3.1 +
    snowball-sv", or "terms 1: snowball-fi + snowball-sv" without Voikko."""
    version = voikko_version()
    finnish = f"voikko {version}" if version else "snowball-fi"
    return f"terms {SCHEME}: {finnish} + snowball-sv"


def has_voikko() -> bool:
    """Whether the Finnish words are analysed by Voikko (else Snowball's weaker stems)."""
    return bool(_finnish())
