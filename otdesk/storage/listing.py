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

from otdesk.core.domain import FINISHED_STATUSES
from otdesk.core.texts import LANGUAGES
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import ROW_COLUMNS, ConsultationRow, row_of

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
#: the reader's page cache (KiB): about one sort index of 100,000 consultations (3–5 MB);
#: another sort reads its index from the OS's file cache (~10 ms of decryption)
READER_CACHE_KIB = 1_000
#: … and once it has searched: a search's pages of the terms index and of the date index
#: (with 1 MB a search read them again each time, decrypting: "perhe" at 10,000 took
#: 90 ms, with 4 MB 15, with 16 MB 8).  Raised at the first search, not at the start, so
#: the first screen's memory stays as it was (at 100,000 the start's reads filled 8 MB)
SEARCH_CACHE_KIB = 8_000
#: a search that finds fewer consultations than this is counted and paged in SQL
FEW_HITS = 2_000
#: ids handled at a time by one set operation on the reader (a set of 100,000 made in one
#: call held the interpreter, and the UI thread with it, for ~10 ms)
CHUNK = 8_192


@dataclass(frozen=True)
class ListQuery:
    """What the list asks for: ``status`` is "", "open" (not finished) or a status code;
    ``category`` "" or a situation category's code (any of the consultation's)."""

    search: str = ""
    status: str = ""
    category: str = ""
    sort: str = "received"
    descending: bool = True
    lang: str = "fi"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(self.sort)


@dataclass
class Listing:
    """The first answer to a query: how many lines it has and how many of them are
    overdue, and the ids and rows of the first screen (the rest: :func:`all_ids`)."""

    query: ListQuery
    total: int
    overdue: int
    ids: array  # of int64 ("q"): the first screen's
    rows: dict[int, ConsultationRow] = field(default_factory=dict)


_FINISHED = ",".join(f"'{s}'" for s in FINISHED_STATUSES)
#: the "open" filter: not finished
_OPEN = f"c.status NOT IN ({_FINISHED})"


def _filters(query: ListQuery, conn: sqlcipher.Connection) -> tuple[list[str], dict] | None:
    """The WHERE terms and their parameters; None when the search can match nothing."""
    terms, params = [], {"lang": query.lang}
    if query.search.strip():
        from otdesk.storage import search  # (not at start-up: the first list has no search)

        _search_cache(conn)
        found = search.conditions(query.search, column="c.id", indexed=search.indexed(conn))
        if found is None:
            return None
        terms += found[0]
        params.update(found[1])
    if query.category:  # (any of its categories: consultation_categories, migration 0006)
        from otdesk.storage.search import category_condition

        terms.append(category_condition("c.id"))
        params["category"] = query.category
    if query.status == "open":
        terms.append(_OPEN)
    elif query.status:
        terms.append("c.status = :status")
        params["status"] = query.status
    return terms, params


def _table(sort: str) -> str:
    """The consultations through the covering index of ``sort`` (named, so that the plan
    never depends on statistics: any other index would read the table row by row)."""
    return f"consultations c INDEXED BY consultations_by_{sort}"


def _where(terms: list[str], *more: str) -> str:
    return " WHERE " + " AND ".join([*more, *terms]) if more or terms else ""


def _selects(query: ListQuery, terms: list[str]) -> list[str]:
    """The SELECTs of ids whose rows, one after the other, are the list in order.

    A sort by label lists the codes the labels table knows: every status and category
    of this version and any other code found in the vault (stored by the storage worker
    as it starts)."""
    way = "DESC" if query.descending else "ASC"
    if query.sort in _LABELLED:
        kind, column = _LABELLED[query.sort]
        index = "status" if query.sort == "status" else "category"
        # labels first (CROSS JOIN keeps that order), then each code's lines from the index
        return [f"SELECT c.id AS id FROM labels l CROSS JOIN {_table(index)}"
                f" ON {column} = l.code{_where(terms, f'l.kind = {kind!r}', 'l.lang = :lang')}"
                f" ORDER BY l.rank {way}, c.received_at {way}, c.id {way}"]
    if query.sort == "due":  # nothing due: after the rest going up, before it going down
        dated = (f"SELECT c.id AS id FROM {_table('due')}"
                 f"{_where(terms, 'c.due_date IS NOT NULL')}"
                 f" ORDER BY c.due_date {way}, c.id {way}")
        undated = (f"SELECT c.id AS id FROM {_table('due')}{_where(terms, 'c.due_date IS NULL')}"
                   f" ORDER BY c.id {way}")
        return [undated, dated] if query.descending else [dated, undated]
    # one status by date: its range of the status index is in that order already (the
    # date index would be read to its end for a status with few lines, or none)
    index = "status" if query.sort == "received" and _one_status(query) else query.sort
    return [f"SELECT c.id AS id FROM {_table(index)}{_where(terms)}"
            f" ORDER BY {_PLAIN[query.sort]} {way}, c.id {way}"]


def _one_status(query: ListQuery) -> bool:
    return query.status not in ("", "open")


def _counts(conn: sqlcipher.Connection, query: ListQuery, terms: list[str], params: dict,
            today: dt.date, memo: dict | None) -> tuple[int, int]:
    """How many lines ``query`` has, and how many of them are overdue: two index scans
    at 100,000, so they are remembered (in ``memo``) until the vault changes — a sort by
    another column needs no count."""
    (version,) = conn.execute("PRAGMA data_version").fetchone()  # moves on every commit
    key = (query.search, query.status, query.category, today)
    if memo is not None and memo.get(key, (None,))[0] == version:
        return memo[key][1]
    def count(sql: str, values: dict) -> int:
        return conn.execute(sql, values).fetchone()[0]

    # a finished consultation has nothing due: "open" changes nothing here
    due_terms = [t for t in terms if t != _OPEN]
    if query.category and not (query.search.strip() or query.status):  # its range alone
        total = count("SELECT count(*) FROM consultation_categories WHERE category = :category",
                      params)
    elif query.search.strip() or query.category:  # (the date index holds id and status)
        total = count(f"SELECT count(*) FROM {_table('received')}{_where(terms)}", params)
    elif query.status == "open":  # all but the finished ones: an index range each
        total = count("SELECT count(*) FROM consultations", {}) - count(
            f"SELECT count(*) FROM {_table('status')} WHERE c.status IN ({_FINISHED})", {})
    else:
        total = count(f"SELECT count(*) FROM {_table('status')}{_where(terms)}", params)
    if query.status in FINISHED_STATUSES or total == 0:  # (nothing due among them)
        overdue = 0
    else:
        (overdue,) = conn.execute(
            f"SELECT count(*) FROM {_table('due')}{_where(due_terms, 'c.due_date < :today')}",
            {**params, "today": today.isoformat()}).fetchone()
    if memo is not None:
        if len(memo) > 32:
            memo.clear()
        memo[key] = (version, (total, overdue))
    return total, overdue


def listing(conn: sqlcipher.Connection, query: ListQuery, today: dt.date,
            first: int = FIRST_SCREEN, memo: dict | None = None) -> Listing:
    """The count, the overdue count and the first screen of ``query``: what the list
    needs to paint (the counts, see :func:`_counts`, and a short read)."""
    try:
        if query.search.strip() and not (query.status or query.category) \
                and query.sort == "received":
            answer = _search_by_date(conn, query, today, first)
            if answer is not None:
                return answer
        found = _filters(query, conn)
        if found is None:
            return Listing(query, 0, 0, array("q"))
        terms, params = found
        total, overdue = _counts(conn, query, terms, params, today, memo)
        ids = array("q")
        for select in _selects(query, terms):
            if len(ids) >= first:
                break
            ids.extend(r[0] for r in conn.execute(f"{select} LIMIT {first - len(ids)}",
                                                  params))
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    return Listing(query, total, overdue, ids, rows(conn, ids))


def _search_by_date(conn: sqlcipher.Connection, query: ListQuery, today: dt.date,
                    first: int) -> Listing | None:
    """A search alone, newest (or oldest) first — what the list asks as a person types:
    each word's index read once (:func:`~otdesk.storage.search.matching_ids`), counted and
    paged from that set, the date index walked until the first screen is found.  Asking
    SQL instead read every word's index three times (count, overdue count, first screen):
    at 100,000 a very common word took 150–350 ms.  None: few matches, where SQL's way
    is as quick (and walks no index)."""
    from otdesk.storage import search

    _search_cache(conn)
    hits = search.matching_ids(conn, query.search, indexed=search.indexed(conn))
    if hits is None:
        return Listing(query, 0, 0, array("q"))
    if len(hits) < FEW_HITS:
        return None
    due = ids_of(conn, f"SELECT c.id AS id FROM {_table('due')} WHERE c.due_date < :today",
                 {"today": today.isoformat()})
    overdue = sum(len(hits.intersection(due[i:i + CHUNK])) for i in range(0, len(due), CHUNK))
    way = "DESC" if query.descending else "ASC"
    ids = array("q")
    walk = conn.execute(f"SELECT c.id FROM {_table('received')}"
                        f" ORDER BY c.received_at {way}, c.id {way}")
    for (cid,) in walk:
        if cid in hits:
            ids.append(cid)
            if len(ids) >= first:
                break
    walk.close()
    return Listing(query, len(hits), overdue, ids, rows(conn, ids))


def all_ids(conn: sqlcipher.Connection, query: ListQuery) -> array:
    """Every id of ``query`` in order, as int64s (:func:`ids_of`)."""
    ids = array("q")
    found = _filters(query, conn)
    if found is None:
        return ids
    terms, params = found
    try:
        for select in _selects(query, terms):
            ids.extend(ids_of(conn, select, params))
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    return ids


def _search_cache(conn: sqlcipher.Connection) -> None:
    """The reader's cache as a search wants it (:data:`SEARCH_CACHE_KIB`)."""
    if conn.execute("PRAGMA cache_size").fetchone()[0] > -SEARCH_CACHE_KIB:
        conn.execute(f"PRAGMA cache_size = -{SEARCH_CACHE_KIB}")


def ids_of(conn: sqlcipher.Connection, select: str, params: dict, column: str = "id") -> array:
    """The ``column`` of a SELECT's rows, in its order, as int64s: SQLite writes them as
    one hexadecimal text (16 digits each), which becomes the array without a Python
    object per id — several times faster than a row per id at 100,000."""
    (text,) = conn.execute(f"SELECT group_concat(printf('%016x', {column}), '')"
                           f" FROM ({select})", params).fetchone()
    ids = array("q", bytes.fromhex(text or ""))
    if sys.byteorder == "little":  # the digits are big-endian
        ids.byteswap()
    return ids


def rows(conn: sqlcipher.Connection, ids) -> dict[int, ConsultationRow]:
    """The list's lines of ``ids`` (those still there)."""
    found: dict[int, ConsultationRow] = {}
    try:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start:start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(f"SELECT {ROW_COLUMNS} FROM consultations"
                                  f" WHERE id IN ({marks})", chunk):
                found[r[0]] = row_of(r)
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    return found


def _distinct(conn: sqlcipher.Connection, column: str, sort: str) -> set[str]:
    """Every value of ``column``, hopping along the index that begins with it: one seek
    per value (a dozen), where ``SELECT DISTINCT`` read all of a 5 MB index at every
    start with 100,000 consultations and kept it in the page cache."""
    found: set[str] = set()
    (value,) = conn.execute(f"SELECT min(c.{column}) FROM {_table(sort)}").fetchone()
    while value is not None:
        found.add(value)
        (value,) = conn.execute(f"SELECT min(c.{column}) FROM {_table(sort)}"
                                f" WHERE c.{column} > ?", (value,)).fetchone()
    return found


def label_rows(conn: sqlcipher.Connection):
    """``(kind, lang, code, label)`` of every status and category in every language ("" is
    no category), and of the codes in the vault this version does not know (they read as
    themselves), for :meth:`~otdesk.storage.repository.Repository.refresh_labels`."""
    from otdesk.core import vocabulary

    found = {"statuses": _distinct(conn, "status", "status"),
             "categories": _distinct(conn, "first_category", "category")}
    for kind, codes in found.items():
        for lang in LANGUAGES:
            known = dict(vocabulary.labels(kind, lang))
            if kind == "categories":
                known[""] = ""
            for code in sorted(codes - set(known)):
                known[code] = code
            yield from ((kind, lang, code, label) for code, label in known.items())
