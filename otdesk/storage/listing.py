"""The consultation list as the vault answers it: the ordered ids of a query, and rows by id.

The list never holds every consultation.  A :class:`ListQuery` (search words, status
filter, sort column and language) becomes one SQL query that returns only ids, in
order (sorted and filtered with the indexes of migration 0005); the rows' columns
are read for the lines on screen, a page at a time (:func:`rows`).  The overdue count
is counted in SQL from the stored due dates.  Status and category sort by what the
person reads, through the ``labels`` table.  No Qt here: the reader thread runs these.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from dataclasses import dataclass, field

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.domain import FINISHED_STATUSES
from otdesk.errors import LANGUAGES
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import SUMMARY_COLUMNS, ConsultationSummary, fts_query, summary_of

#: rows read with the ids, so the first screen is painted without another round trip
FIRST_SCREEN = 60
#: the most ids one rows() query names
_CHUNK = 400

#: the list's sort columns; "status" and "categories" sort by their label (the labels
#: table), the others by the stored value; ties by id, in the same direction
SORTS = ("reference", "organisation", "categories", "status", "due", "received")
_PLAIN = {"reference": "c.reference", "organisation": "c.organisation COLLATE NOCASE",
          "received": "c.received_at"}
_LABELLED = {"status": ("statuses", "c.status"), "categories": ("categories",
                                                               "c.first_category")}
#: the reader's page cache (KiB): the sort indexes of 100,000 consultations stay in memory
READER_CACHE_KIB = 16_000


@dataclass(frozen=True)
class ListQuery:
    """What the list asks for: ``status`` is "", "open" (not finished) or a status code."""

    search: str = ""
    status: str = ""
    sort: str = "received"
    descending: bool = True
    lang: str = "fi"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(self.sort)


@dataclass
class Listing:
    """The answer: every id in order, where each is, how many are overdue, and the
    rows of the first screen."""

    query: ListQuery
    ids: array  # of int64 ("q"): 800 kB for 100,000, no Python object per id
    overdue: int
    rows: dict[int, ConsultationSummary] = field(default_factory=dict)


def _filters(query: ListQuery) -> tuple[list[str], dict] | None:
    """The WHERE terms and their parameters; None when the search can match nothing."""
    terms, params = [], {"lang": query.lang}
    if query.search.strip():
        match = fts_query(query.search)
        if not match:
            return None
        terms.append("c.id IN (SELECT rowid FROM consultation_text"
                     " WHERE consultation_text MATCH :match)")
        params["match"] = match
    if query.status == "open":
        marks = ",".join(f"'{s}'" for s in FINISHED_STATUSES)
        terms.append(f"c.status NOT IN ({marks})")
    elif query.status:
        terms.append("c.status = :status")
        params["status"] = query.status
    return terms, params


def _selects(query: ListQuery, terms: list[str]) -> list[str]:
    """The SELECTs (id, overdue) whose rows, one after the other, are the list in order."""
    way = "DESC" if query.descending else "ASC"

    def where(*more: str) -> str:
        return " WHERE " + " AND ".join([*more, *terms]) if more or terms else ""

    columns = "c.id AS id, c.due_date < :today AS overdue"
    if query.sort in _LABELLED:
        kind, column = _LABELLED[query.sort]
        return [f"SELECT {columns} FROM labels l JOIN consultations c ON {column} = l.code"
                f"{where(f'l.kind = {kind!r}', 'l.lang = :lang')}"
                f" ORDER BY l.rank {way}, c.received_at {way}, c.id {way}"]
    if query.sort == "due":  # nothing due: after the rest going up, before it going down
        dated = (f"SELECT {columns} FROM consultations c{where('c.due_date IS NOT NULL')}"
                 f" ORDER BY c.due_date {way}, c.id {way}")
        undated = (f"SELECT {columns} FROM consultations c{where('c.due_date IS NULL')}"
                   f" ORDER BY c.id {way}")
        return [undated, dated] if query.descending else [dated, undated]
    return [f"SELECT {columns} FROM consultations c{where()}"
            f" ORDER BY {_PLAIN[query.sort]} {way}, c.id {way}"]


def listing(conn: sqlcipher.Connection, query: ListQuery, today: dt.date,
            first: int = FIRST_SCREEN) -> Listing:
    """The ordered ids of ``query``, the overdue count and the first ``first`` rows.

    SQLite writes the ids as one hexadecimal text (``group_concat`` over the ordered
    query, 16 digits each), which becomes an int64 array without a Python object per
    id: several times faster, and lighter, than a row per id at 100,000.
    """
    ids = array("q")
    found = _filters(query)
    if found is None:
        return Listing(query, ids, 0)
    terms, params = found
    params["today"] = today.isoformat()
    overdue = 0
    try:
        for select in _selects(query, terms):
            text, late = conn.execute(
                f"SELECT group_concat(printf('%016x', id), ''), sum(overdue) FROM ({select})",
                params).fetchone()
            if text:
                part = array("q", bytes.fromhex(text))
                if sys.byteorder == "little":  # the digits are big-endian
                    part.byteswap()
                ids.extend(part)
            overdue += late or 0
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    return Listing(query, ids, overdue, rows(conn, ids[:first]))


def rows(conn: sqlcipher.Connection, ids) -> dict[int, ConsultationSummary]:
    """The list's lines of ``ids`` (those still there)."""
    found: dict[int, ConsultationSummary] = {}
    try:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start:start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM consultations"
                                  f" WHERE id IN ({marks})", chunk):
                found[r[0]] = summary_of(r)
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    return found


def label_rows(conn: sqlcipher.Connection):
    """``(kind, lang, code, label)`` of every status and category in every language (and
    of codes in the vault this version does not know: they read as themselves), for
    :meth:`~otdesk.storage.repository.Repository.refresh_labels`."""
    from otdesk import vocabulary

    stored = {"statuses": {r[0] for r in conn.execute("SELECT DISTINCT status"
                                                      " FROM consultations")},
              "categories": {r[0] for r in conn.execute("SELECT DISTINCT first_category"
                                                        " FROM consultations")} | {""}}
    for kind, codes in stored.items():
        for lang in LANGUAGES:
            known = dict(vocabulary.labels(kind, lang))
            for code in sorted(codes - set(known)):
                known[code] = code
            for code, label in known.items():
                yield kind, lang, code, label
