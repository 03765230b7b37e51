"""Consultations, full-text search and the audit log, over an open vault.

No Qt.  Every write is one transaction that is durable when the method
returns.  Errors from the database come out as :class:`UserError` with a
clear key (disk full, no write access, damaged file); the transaction is
rolled back and what was committed before stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core import dates, deadlines
from otdesk.core.domain import Addendum, Consultation, check_addendum
from otdesk.core.errors import Fields, UserError
from otdesk.core.profile import os_login
from otdesk.storage.changes import ChangeLog
from otdesk.storage.errors import storage_error

log = logging.getLogger(__name__)

#: one "consultation.changed" audit row per consultation per this many seconds
AUDIT_COALESCE_SECONDS = 600
GENESIS_HASH = "0" * 64

ROW_COLUMNS = ("id, reference, status, received_at, organisation, categories, intake_date,"
                   " session_date, follow_up_date, updated_at,"
                   " EXISTS (SELECT 1 FROM deliveries d WHERE d.consultation_id = consultations.id),"
                   " due_date, due_what")
_ORDER_COLUMNS = {"reference", "status", "received_at", "organisation", "updated_at"}
#: the search indexes (storage/search.py), merged when idle
_FTS_TABLES = ("consultation_text", "consultation_terms", "consultation_sv_parts")
#: pages of FTS merge work per tidy_index() step
_MERGE_PAGES = 64
#: meta key: the deadline rules and holiday data the stored due dates were computed with
DUE_RULES_KEY = "due.rules"


class ConsultationRow(NamedTuple):
    """What the list shows of a consultation, without loading the whole record."""

    id: int
    reference: str
    status: str
    received_at: str | None
    organisation: str
    categories: tuple[str, ...]
    intake_date: str | None
    session_date: str | None
    follow_up_date: str | None
    updated_at: str
    delivered: bool = False
    #: the next step and its day, as stored (see :meth:`Repository.use_rules`)
    due_what: str | None = None
    due_date: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "reference": self.reference, "status": self.status,
                "received": self.received_at, "organisation": self.organisation,
                "categories": list(self.categories), "intake_date": self.intake_date,
                "session_date": self.session_date, "follow_up_date": self.follow_up_date,
                "updated": self.updated_at, "delivered": self.delivered,
                "due": {"what": self.due_what, "date": self.due_date} if self.due_date else None}


class AuditEntry(NamedTuple):
    seq: int
    at: str
    actor: str
    action: str
    object: str
    outcome: str
    prev_hash: str
    hash: str


class AuditCheck(NamedTuple):
    ok: bool
    entries: int
    first_bad: int | None = None


def row_of(r: tuple) -> ConsultationRow:
    """A row of :data:`ROW_COLUMNS` as the list's line."""
    return ConsultationRow(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])), r[6], r[7],
                           r[8], r[9], bool(r[10]), r[12], r[11])


def _utc(moment: dt.datetime | None) -> str | None:
    """A sortable UTC timestamp; a time without a zone is taken as local time."""
    if moment is None:
        return None
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _stored_due(due: deadlines.Due | None) -> tuple[str | None, str | None]:
    """The (due_date, due_what) columns of a next step."""
    return (due.date.isoformat(), due.what) if due else (None, None)


def _due_of_row(row: tuple, rules: deadlines.DeadlineRules) -> deadlines.Due | None:
    """The next step of a row (id, status, received_at, intake, session, follow-up)."""
    def day(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    received = dt.datetime.fromisoformat(row[2]) if row[2] else None
    return deadlines.next_due(row[1], received, day(row[3]), day(row[4]), day(row[5]), rules)


def _chain_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, obj: str,
                outcome: str) -> str:
    payload = "\x1f".join([prev_hash, str(seq), at, actor, action, obj, outcome])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Repository:
    def __init__(self, conn: sqlcipher.Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor or os_login()
        self._last_change_audit: dict[int, float] = {}
        #: what this repository wrote since the storage worker last asked
        self.changes = ChangeLog()
        self._rules: deadlines.DeadlineRules | None = None

    # -- transactions ---------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher.Connection]:
        """BEGIN IMMEDIATE … COMMIT; on any error roll back and raise a UserError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlcipher.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlcipher.Error):
                raise storage_error(exc) from exc
            raise

    # -- consultations ---------------------------------------------------------------

    def create(self, consultation: Consultation) -> Consultation:
        """Store a new consultation; returns it with id, reference and timestamps."""
        return self.create_many([consultation])[0]

    def create_many(self, consultations: Iterable[Consultation]) -> list[Consultation]:
        """Store many new consultations in one transaction (demo data, imports)."""
        stored: list[Consultation] = []
        before = []
        try:
            with self.transaction():
                for c in consultations:
                    c.validate()
                    before.append((c, c.id, c.reference, c.created_at, c.updated_at,
                                   c.received_at))
                    now = dt.datetime.fromisoformat(dates.now_stamp())
                    c.created_at = c.updated_at = now
                    if c.received_at is None:
                        c.received_at = now.replace(microsecond=0)
                    if not c.reference:
                        c.reference = self._next_reference(c.received_at.year)
                    cur = self.conn.execute(
                        "INSERT INTO consultations (reference, status, received_at, organisation,"
                        " categories, intake_date, session_date, follow_up_date, created_at,"
                        " updated_at, due_date, due_what, first_category)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self._row(c))
                    c.id = cur.lastrowid
                    self.changes.consultation(c.id)
                    self.conn.execute("INSERT INTO consultation_docs (id, doc) VALUES (?, ?)",
                                      (c.id, self._doc(c)))
                    self._index(c, new=True)
                    self._append_audit("consultation.created", f"consultation:{c.id}")
                    stored.append(c)
        except BaseException:
            for c, *fields in before:  # nothing was stored: give the objects back as they were
                c.id, c.reference, c.created_at, c.updated_at, c.received_at = fields
            raise
        return stored

    def update(self, consultation: Consultation) -> Consultation:
        """Store every field of an existing consultation."""
        c = consultation
        if c.id is None:
            raise UserError("error.not_found")
        c.validate()
        if self.is_sealed(c.id):
            changed = c.sealed_changes(self.get(c.id))
            if changed:
                raise UserError("error.sealed", fields=Fields(changed))
        with self._coalesced_audit(c.id) as audit_now:
            previous = c.updated_at
            try:
                with self.transaction():
                    self.write(c, audit=audit_now)
            except BaseException:
                c.updated_at = previous
                raise
        return c

    @contextlib.contextmanager
    def _coalesced_audit(self, consultation_id: int) -> Iterator[bool]:
        """Whether this change gets a "changed" audit row (one per ten minutes), noted
        only once the row is really committed."""
        last = self._last_change_audit.get(consultation_id)
        audit_now = last is None or time.monotonic() - last > AUDIT_COALESCE_SECONDS
        yield audit_now
        if audit_now:
            self._last_change_audit[consultation_id] = time.monotonic()

    def write(self, c: Consultation, *, audit: bool = True) -> None:
        """Store every field of ``c`` inside the caller's transaction (no seal check:
        the caller decides; see :meth:`update` and ``Deliveries.record``)."""
        c.updated_at = dt.datetime.fromisoformat(dates.now_stamp())
        cur = self.conn.execute(
            "UPDATE consultations SET reference=?, status=?, received_at=?,"
            " organisation=?, categories=?, intake_date=?, session_date=?,"
            " follow_up_date=?, created_at=?, updated_at=?, due_date=?, due_what=?,"
            " first_category=? WHERE id=?",
            (*self._row(c), c.id))
        if cur.rowcount != 1:
            raise UserError("error.not_found")
        self.changes.consultation(c.id)
        self.conn.execute("UPDATE consultation_docs SET doc=? WHERE id=?",
                          (self._doc(c), c.id))
        self._index(c, new=False)
        if audit:
            self._append_audit("consultation.changed", f"consultation:{c.id}")

    def change_status(self, consultation_id: int, new: str, reason: str = "") -> Consultation:
        """Move a consultation along the status workflow, refusing invalid steps."""
        c = self.get(consultation_id)
        c.move_to(new, reason)
        return self.update(c)

    def find(self, text: str) -> int:
        """The id of the consultation named by ``text``: its number or its reference
        (``OT-2026-0042``, any letter case)."""
        text = text.strip()
        number = text.isascii() and text.isdigit()
        try:
            row = self.conn.execute(
                f"SELECT id FROM consultations WHERE {'id' if number else 'reference'}=?",
                (int(text) if number else text.upper(),)).fetchone()
        except OverflowError:  # a number beyond SQLite's integers names nothing
            row = None
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        if row is None:
            raise UserError("error.consultation_ref", ref=text[:40])
        return row[0]

    def get(self, consultation_id: int) -> Consultation:
        try:
            row = self.conn.execute(
                "SELECT d.doc, c.id, c.reference, c.created_at, c.updated_at"
                " FROM consultations c JOIN consultation_docs d ON d.id = c.id WHERE c.id=?",
                (consultation_id,)).fetchone()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        if row is None:
            raise UserError("error.not_found")
        c = Consultation.from_dict(json.loads(row[0]))
        c.id = row[1]
        c.reference = row[2]
        c.created_at = dt.datetime.fromisoformat(row[3])
        c.updated_at = dt.datetime.fromisoformat(row[4])
        return c

    def is_sealed(self, consultation_id: int) -> bool:
        """True once a summary of the consultation was delivered."""
        return self.conn.execute("SELECT EXISTS (SELECT 1 FROM deliveries"
                                 " WHERE consultation_id=?)", (consultation_id,)).fetchone()[0] == 1

    def add_addendum(self, consultation_id: int, text: str,
                     author: str | None = None) -> Consultation:
        """A dated addition by ``author`` (default: this user) to a (sealed) consultation.
        Addenda are never changed afterwards, so what must not be in one is refused now."""
        c = self.get(consultation_id)
        check_addendum(c, text)
        c.addenda.append(Addendum(at=dates.now().replace(microsecond=0),
                                  author=author or self.actor, text=text))
        return self.update(c)

    def view(self, consultation_id: int) -> Consultation:
        """Open a consultation for a person to read: recorded in the audit log."""
        c = self.get(consultation_id)
        self.audit("consultation.viewed", f"consultation:{consultation_id}")
        return c

    def delete(self, consultation_id: int) -> None:
        with self.transaction():
            cur = self.conn.execute("DELETE FROM consultations WHERE id=?", (consultation_id,))
            if cur.rowcount != 1:
                raise UserError("error.not_found")
            from otdesk.storage import search

            search.delete_index(self.conn, consultation_id)
            self._append_audit("consultation.deleted", f"consultation:{consultation_id}")
            self.changes.consultation(consultation_id, deleted=True)

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM consultations").fetchone()[0]

    def list(self, *, search: str = "", status: str | None = None, category: str | None = None,
             order_by: str = "received_at", descending: bool = True,
             limit: int | None = None) -> list[ConsultationRow]:
        """Summaries for the list, newest first; ``search`` finds words in any form
        (:mod:`otdesk.storage.search`), ``category`` is any of a consultation's."""
        if order_by not in _ORDER_COLUMNS:
            raise ValueError(order_by)
        from otdesk.storage import search as searching

        where, params = [], {}
        if search.strip():
            found = searching.conditions(search, indexed=self._terms_indexed())
            if found is None:
                return []
            where, params = found
        if status:
            where.append("status = :status")
            params["status"] = status
        if category:  # any of its categories (consultation_categories)
            where.append(searching.category_condition())
            params["category"] = category
        sql = f"SELECT {ROW_COLUMNS} FROM consultations"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order_by} {'DESC' if descending else 'ASC'}, id DESC"
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = int(limit)
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        return [row_of(r) for r in rows]

    def row(self, consultation_id: int) -> ConsultationRow:
        """The list's line of one consultation."""
        rows = self.conn.execute(f"SELECT {ROW_COLUMNS} FROM consultations WHERE id=?",
                                 (consultation_id,)).fetchall()
        if not rows:
            raise UserError("error.not_found")
        return row_of(rows[0])

    def search_ids(self, text: str) -> set[int]:
        """Ids of the consultations that a search for ``text`` finds (see
        :mod:`otdesk.storage.search`)."""
        from otdesk.storage import search

        try:
            return search.matching_ids(self.conn, text, indexed=self._terms_indexed()) or set()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc

    def _terms_indexed(self) -> bool:
        from otdesk.storage import search

        try:
            return search.indexed(self.conn)
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc

    def tidy_index(self, steps: int = 1) -> None:
        """Merge search-index segments: a few ms each step, for idle moments and closing."""
        for _ in range(steps):
            with self.transaction():
                before = self.conn.total_changes
                for table in _FTS_TABLES:
                    self.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)",
                                      (_MERGE_PAGES,))
                if self.conn.total_changes - before <= len(_FTS_TABLES):
                    break  # nothing left to merge

    def index_terms_step(self, seconds: float | None = None) -> bool:
        """Index the terms of consultations stored before migration 0006 (or analysed
        with other analysers) for about ``seconds``, in one transaction; True while more
        are left.  Resumes where it stopped, also after the app was closed."""
        from otdesk.core import search_terms
        from otdesk.storage import search

        analysers = search_terms.analysers()
        with self.transaction():
            done, recorded = search.indexing_record(self.conn)
            if recorded != analysers:
                done = 0  # (other analysers: everything again)
                self._set_meta(search.ANALYSERS, analysers)
            (last,) = self.conn.execute("SELECT max(id) FROM consultations").fetchone()
            if last is None or done >= last:
                self._set_meta(search.DONE_UPTO, str(max(done, last or 0)))
                return False
            rows = self.conn.execute(
                "SELECT id, doc FROM consultation_docs WHERE id > ? ORDER BY id LIMIT ?",
                (done, search.INDEX_BATCH)).fetchall()
            until = time.monotonic() + (search.INDEX_SECONDS if seconds is None else seconds)
            for cid, doc in rows:
                done = cid
                try:
                    c = Consultation.from_dict(json.loads(doc))
                except (ValueError, TypeError, KeyError):  # a damaged document: salvage's
                    log.warning("terms: consultation %d not readable", cid)
                    continue
                c.id = cid
                search.delete_terms(self.conn, cid)
                search.write_terms(self.conn, c)
                if time.monotonic() > until:
                    break
            else:
                if len(rows) < search.INDEX_BATCH:
                    done = last  # (no document beyond: the ids left were deleted)
            self._set_meta(search.DONE_UPTO, str(done))
            return done < last

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key)"
                          " DO UPDATE SET value = excluded.value", (key, value))

    # -- internals ------------------------------------------------------------------------

    def _row(self, c: Consultation) -> tuple:
        def day(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return (c.reference, c.status, _utc(c.received_at), c.requester.organisation,
                json.dumps(c.categories), day(c.intake_date), day(c.session.date),
                day(c.plan.follow_up_date), c.created_at.isoformat(), c.updated_at.isoformat(),
                *_stored_due(deadlines.next_due_for(c, self.rules)),
                c.categories[0] if c.categories else "")

    # -- stored due dates and labels (what the list sorts by) --------------------------------

    @property
    def rules(self) -> deadlines.DeadlineRules:
        """The deadline rules this vault's stored due dates follow (see :meth:`use_rules`)."""
        if self._rules is None:
            stored = self._due_basis() or {}
            self._rules = deadlines.DeadlineRules.from_mapping(stored.get("rules"))
        return self._rules

    def _due_basis(self) -> dict | None:
        """What the stored due dates were computed with (meta 'due.rules'), if known."""
        row = self.conn.execute("SELECT value FROM meta WHERE key=?",
                                (DUE_RULES_KEY,)).fetchone()
        return json.loads(row[0]) if row else None

    def use_rules(self, rules: deadlines.DeadlineRules) -> bool:
        """Store due dates by ``rules`` and today's holiday data from now on; when the
        stored ones were computed otherwise (or never), compute every one again.
        True when they were computed again."""
        from otdesk.core.workdays import calendar_version

        wanted = {"rules": {"intake_working_days": rules.intake_working_days,
                            "preparation_working_days": rules.preparation_working_days},
                  "holidays": calendar_version()}
        self._rules = rules
        if self._due_basis() == wanted:
            return False
        with self.transaction():
            rows = self.conn.execute(
                "SELECT id, status, received_at, intake_date, session_date, follow_up_date,"
                " due_date, due_what FROM consultations").fetchall()
            changed = []
            for r in rows:
                due = _stored_due(_due_of_row(r, rules))
                if due != (r[6], r[7]):
                    changed.append((*due, r[0]))
            self.conn.executemany("UPDATE consultations SET due_date=?, due_what=? WHERE id=?",
                                  changed)
            self._set_meta(DUE_RULES_KEY, json.dumps(wanted, sort_keys=True))
            self.changes.table("consultations")
        return True

    def refresh_labels(self, labels: Iterable[tuple[str, str, str, str]]) -> bool:
        """Store ``(kind, lang, code, label)`` for the list's sort by what a person reads,
        ranked in each language's order; True when they differed from the stored ones."""
        ranked = []
        groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for kind, lang, code, label in labels:
            groups.setdefault((kind, lang), []).append((code, label))
        for (kind, lang), items in groups.items():
            items.sort(key=lambda item: (item[1].casefold(), item[0]))
            ranked += [(kind, lang, code, label, rank) for rank, (code, label) in
                       enumerate(items)]
        stored = self.conn.execute(
            "SELECT kind, lang, code, label, rank FROM labels").fetchall()
        if sorted(stored) == sorted(ranked):
            return False
        with self.transaction():
            self.conn.execute("DELETE FROM labels")
            self.conn.executemany("INSERT INTO labels (kind, lang, code, label, rank)"
                                  " VALUES (?,?,?,?,?)", ranked)
            self.changes.table("labels")
        return True

    @staticmethod
    def _doc(c: Consultation) -> str:
        doc = c.to_dict()
        for key in ("id", "reference", "created_at", "updated_at"):
            doc.pop(key)
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))

    def _index(self, c: Consultation, *, new: bool) -> None:
        from otdesk.storage import search

        search.write_index(self.conn, c, new=new)

    def _next_reference(self, year: int) -> str:
        self.conn.execute(
            "INSERT INTO reference_counters (year, last) VALUES (?, 1)"
            " ON CONFLICT (year) DO UPDATE SET last = last + 1", (year,))
        (last,) = self.conn.execute(
            "SELECT last FROM reference_counters WHERE year=?", (year,)).fetchone()
        return f"OT-{year}-{last:04d}"

    # -- audit log -------------------------------------------------------------------------

    def audit(self, action: str, obj: str = "", outcome: str = "ok") -> None:
        """Append one audit entry in a transaction of its own."""
        with self.transaction():
            self._append_audit(action, obj, outcome)

    def _append_audit(self, action: str, obj: str = "", outcome: str = "ok") -> None:
        row = self.conn.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS_HASH)
        at = dates.now_stamp()
        digest = _chain_hash(prev, seq, at, self.actor, action, obj, outcome)
        self.conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, object, outcome, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?)", (seq, at, self.actor, action, obj, outcome, prev, digest))

    def audit_entries(self, obj: str | None = None) -> list[AuditEntry]:
        sql = "SELECT seq, at, actor, action, object, outcome, prev_hash, hash FROM audit_log"
        params: tuple = ()
        if obj is not None:
            sql += " WHERE object = ?"
            params = (obj,)
        return [AuditEntry(*r) for r in self.conn.execute(sql + " ORDER BY seq", params)]

    def verify_audit(self) -> AuditCheck:
        """Walk the chain; report the first entry whose hash does not hold."""
        prev, count, expected_seq = GENESIS_HASH, 0, 1
        for e in self.audit_entries():
            count += 1
            digest = _chain_hash(prev, e.seq, e.at, e.actor, e.action, e.object, e.outcome)
            if e.seq != expected_seq or e.prev_hash != prev or e.hash != digest:
                return AuditCheck(False, count, e.seq)
            prev, expected_seq = e.hash, e.seq + 1
        return AuditCheck(True, count)
