"""How a consultation is found: its index rows, and a query typed into the list as SQL.

These tables hold every consultation (rowid or id = its id):

- ``consultation_text``: its reference and free texts, word by word, searched by the
  letters typed (every query word a prefix: *huolto* finds *huoltoriita*, a reference or a
  half-typed name finds as typed); what a vault made before the terms finds its
  consultations by until the storage worker has indexed their terms, and what
  ``otdesk salvage`` reads;
- ``consultation_terms``: the same words again, and what they are
  (:mod:`otdesk.core.search_terms`): Finnish base forms and compound parts, Swedish
  stems, and a token per code of its categories, sector, region and status — so that
  one query of one table answers a word (two tables, one answer merged from both, took
  twice as long at 10,000);
- ``consultation_sv_parts``: the Swedish stems again, by trigrams, so that a Swedish word
  is found inside a compound (Snowball knows no compound parts);
- ``consultation_categories``: each of its situation categories (the list's filter).

A query word matches a consultation that holds it either way (as written, or its
letters as a prefix when Voikko does not know it; one of its base forms or its stem; a
code whose label, in any language, it finds; its Swedish stem inside a longer one);
every word of the query must match.  So *huoltoriidassa* finds *huoltoriita*, *riita*
finds *huoltoriidoissa*, *eroriita* finds the consultations of that category.
"""

from __future__ import annotations

import functools
import re

from otdesk.core import search_terms, vocabulary
from otdesk.core.texts import LANGUAGES

#: meta keys of the background indexing of the terms (see migration 0006)
DONE_UPTO, ANALYSERS = "terms.done_upto", "terms.analysers"
#: a Swedish stem this long or longer is also found inside a compound (the trigram
#: table; a shorter one would be found inside too many words)
SV_PART_LETTERS = 4
#: an idle step of the storage worker indexes at most this many consultations, for at
#: most this long (a save typed meanwhile waits for it)
INDEX_BATCH, INDEX_SECONDS = 500, 0.05


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


#: what the labels table of the index holds: a token per code the consultation carries
#: (its categories, sector, region and status), not the labels' words in three languages
#: (that was half of the terms index); a query word is turned into the codes whose labels
#: it finds (:func:`label_tokens_for`)
_CODE_KINDS = {"categories": "zzc", "sectors": "zzs", "regions": "zzr", "statuses": "zzt"}


def _code_token(kind: str, code: str) -> str:
    return _CODE_KINDS[kind] + re.sub(r"[\W_]", "", str(code).lower())


def _codes(c) -> list[tuple[str, str]]:
    out = [("categories", code) for code in c.categories]
    if c.requester.sector:
        out.append(("sectors", c.requester.sector))
    if c.requester.region:
        out.append(("regions", c.requester.region))
    return [*out, ("statuses", c.status)]


def label_texts(c) -> list[str]:
    """The consultation's categories, sector, region and status as they read, in every
    language (what a consultant may type to find them)."""
    return [vocabulary.label(kind, code, lang) for lang in LANGUAGES for kind, code in _codes(c)]


@functools.lru_cache(maxsize=1)
def _label_words() -> dict[str, tuple[set[str], set[str]]]:
    """Per code token: the words of its labels in every language, and their terms."""
    out = {}
    for kind in _CODE_KINDS:
        for lang in LANGUAGES:
            for code, text in vocabulary.labels(kind, lang):
                words, terms = out.setdefault(_code_token(kind, code), (set(), set()))
                for word in search_terms.words(text):
                    words.add(word)
                    analysed = search_terms.word_terms(word)
                    terms.update(analysed.fi, analysed.sv)
    return out


@functools.lru_cache(maxsize=4096)
def label_tokens_for(word: str) -> tuple[str, ...]:
    """The codes whose labels (in any language) hold a word starting with ``word``, or a
    word of the same base form or stem, or (a Swedish word) a stem that holds its stem."""
    word = word.lower()
    asked = search_terms.query_terms(word)
    wanted = set(asked.fi) | set(asked.sv)
    parts = [t for t in asked.sv if len(t) >= SV_PART_LETTERS]  # (as the trigram table)

    def found(words: set[str], terms: set[str]) -> bool:
        return (any(w.startswith(word) for w in words) or bool(wanted & terms)
                or any(p in t for p in parts for t in terms))

    return tuple(sorted(token for token, (words, terms) in _label_words().items()
                        if found(words, terms)))


def category_condition(column: str = "id") -> str:
    """SQL that is true when the consultation ``column`` has the situation category
    ``:category`` among its categories."""
    return (f"{column} IN (SELECT id FROM consultation_categories"
            " WHERE category = :category)")


def write_index(conn, c, *, new: bool = False) -> None:
    """Index ``c`` in every search table (its old rows out first unless ``new``)."""
    if not new:
        delete_index(conn, c.id)
    texts = c.texts()
    conn.execute("INSERT INTO consultation_text (rowid, body) VALUES (?, ?)",
                 (c.id, _words(c, texts)))
    write_terms(conn, c, texts)
    conn.executemany("INSERT OR IGNORE INTO consultation_categories (category, id)"
                     " VALUES (?, ?)", [(code, c.id) for code in c.categories])
    if new:
        _keep_up(conn, c.id)


def _keep_up(conn, cid: int) -> None:
    """A new consultation in a vault whose terms are all indexed, as this process
    analyses them: the record of the indexing moves on with it (else the idle steps
    would index it again, and the search would look in both tables meanwhile)."""
    done, analysers = indexing_record(conn)
    if analysers != search_terms.analysers():
        return
    (before,) = conn.execute("SELECT max(id) FROM consultations WHERE id < ?",
                             (cid,)).fetchone()
    if done >= (before or 0):
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(cid), DONE_UPTO))


def _words(c, texts: list[str]) -> str:
    """What is searched by its letters: the reference and every free text."""
    return "\n".join([c.reference, *texts])


def write_terms(conn, c, texts: list[str] | None = None) -> None:
    """``c``'s rows of the two terms tables (none there before); ``texts``: its
    ``texts()``, when known."""
    texts = c.texts() if texts is None else texts
    terms = search_terms.index_terms(texts)
    sv = " ".join(terms.sv)
    codes = " ".join(_code_token(kind, code) for kind, code in _codes(c))
    conn.execute("INSERT INTO consultation_terms (rowid, words, fi, sv, labels)"
                 " VALUES (?, ?, ?, ?, ?)", (c.id, _words(c, texts), " ".join(terms.fi), sv,
                                             codes))
    if sv:
        conn.execute("INSERT INTO consultation_sv_parts (rowid, stems) VALUES (?, ?)",
                     (c.id, sv))


def delete_terms(conn, cid: int) -> None:
    conn.execute("DELETE FROM consultation_terms WHERE rowid=?", (cid,))
    conn.execute("DELETE FROM consultation_sv_parts WHERE rowid=?", (cid,))


def delete_index(conn, cid: int) -> None:
    """The consultation out of every search table."""
    conn.execute("DELETE FROM consultation_text WHERE rowid=?", (cid,))
    conn.execute("DELETE FROM consultation_categories WHERE id=?", (cid,))
    delete_terms(conn, cid)


def query_words(text: str) -> list[str]:
    return search_terms.words(text)


def word_select(word: str, name: str,
                indexed: bool = True) -> tuple[list[str], dict[str, str]]:
    """SELECTs of the ids of the consultations that hold ``word`` (their union), and
    their parameters (named after ``name``).  Once every consultation is in the terms table
    (``indexed``) one query of it answers; before, the letters are looked up in
    ``consultation_text`` too (where the consultations not indexed yet are)."""
    terms = search_terms.query_terms(word)
    # a word Voikko knows is found by its base forms (its inflected forms and the
    # compounds it is a part of) and as written; one it does not know (a half-typed
    # word, a name, a reference) by every word that starts with it
    parts = [f"words : {_quoted(word)}" + ("" if terms.fi and search_terms.has_voikko() else "*")]
    codes = label_tokens_for(word)
    if codes:
        parts.append("labels : (" + " OR ".join(_quoted(t) for t in codes) + ")")
    if terms.fi:
        parts.append("fi : (" + " OR ".join(_quoted(t) for t in terms.fi) + ")")
    if terms.sv:
        parts.append("sv : (" + " OR ".join(_quoted(t) for t in terms.sv) + ")")
    params = {f"{name}_terms": " OR ".join(parts)}
    selects = [f"SELECT rowid FROM consultation_terms WHERE consultation_terms"
               f" MATCH :{name}_terms"]
    if not indexed:
        selects.append(f"SELECT rowid FROM consultation_text WHERE consultation_text"
                       f" MATCH :{name}_text")
        params[f"{name}_text"] = f"{_quoted(word)}*"
    stems = [t for t in terms.sv if len(t) >= SV_PART_LETTERS]
    if stems:  # a Swedish word inside a compound: *tvist* in *vårdnadstvisten*
        selects.append(f"SELECT rowid FROM consultation_sv_parts"
                       f" WHERE consultation_sv_parts MATCH :{name}_parts")
        params[f"{name}_parts"] = " OR ".join(_quoted(t) for t in stems)
    return selects, params


def word_condition(word: str, column: str, name: str,
                   indexed: bool = True) -> tuple[str, dict[str, str]]:
    """SQL that is true when the consultation ``column`` holds ``word`` (see
    :func:`word_select`), and its parameters."""
    selects, params = word_select(word, name, indexed)
    return f"{column} IN ({' UNION '.join(selects)})", params


def _common(a: set[int], b: set[int]) -> set[int]:
    """``a & b``, a chunk at a time (see listing.CHUNK)."""
    from otdesk.storage.listing import CHUNK

    small, big = (a, b) if len(a) <= len(b) else (b, a)
    items = list(small)
    out: set[int] = set()
    for i in range(0, len(items), CHUNK):
        out.update(big.intersection(items[i:i + CHUNK]))
    return out


def matching_ids(conn, text: str, *, indexed: bool = True) -> set[int] | None:
    """The ids of the consultations that hold every word of ``text``, each word's index
    read once (None: no word).  The list's search by date counts and pages from it."""
    from otdesk.storage.listing import CHUNK, ids_of

    found: set[int] | None = None
    for n, word in enumerate(dict.fromkeys(query_words(text))):
        selects, params = word_select(word, f"word{n}", indexed)
        ids: set[int] = set()
        for select in selects:  # (a union here is quicker than SQL's, at 100,000)
            part = ids_of(conn, select, params, column="rowid")
            for i in range(0, len(part), CHUNK):  # (the UI thread gets its turn between)
                ids.update(part[i:i + CHUNK])
        found = ids if found is None else _common(found, ids)
    return found


def indexing_record(conn) -> tuple[int, str | None]:
    """The record of the terms' indexing (meta, kept by ``index_terms_step``): the last
    id indexed (0: none) and the analysers it was done with (None: never)."""
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                             (DONE_UPTO, ANALYSERS)).fetchall())
    return int(meta.get(DONE_UPTO) or 0), meta.get(ANALYSERS)


def indexed_upto(conn) -> int:
    """The last id whose terms are indexed as this process analyses them (0: none)."""
    done, analysers = indexing_record(conn)
    return done if analysers == search_terms.analysers() else 0


def indexed(conn) -> bool:
    """Whether every consultation is in the terms table, analysed as this process would."""
    done, analysers = indexing_record(conn)
    if analysers != search_terms.analysers():
        return False
    (last,) = conn.execute("SELECT max(id) FROM consultations").fetchone()
    return done >= (last or 0)


def conditions(text: str, column: str = "id", *,
               indexed: bool = True) -> tuple[list[str], dict[str, str]] | None:
    """The WHERE terms (all required) of a search for ``text`` and their named
    parameters; None when ``text`` holds no word (quotes, brackets and operators are
    plain text).  ``indexed``: see :func:`word_condition`."""
    sqls, params = [], {}
    for n, word in enumerate(dict.fromkeys(query_words(text))):
        sql, more = word_condition(word, column, f"word{n}", indexed)
        sqls.append(sql)
        params.update(more)
    return (sqls, params) if sqls else None
