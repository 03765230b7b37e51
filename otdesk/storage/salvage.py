"""Salvage: copy what can still be read from a damaged vault into a new vault.

``otdesk salvage --out DIR`` is for the day a vault no longer opens, or opens but some
of its pages do not read (a failing disk, a file cut short, a copy gone wrong) and no
backup is recent enough.  It reads the damaged vault row by row and writes every row
that still reads into a *new* vault in ``DIR``; nothing is ever written to the damaged
one.

* **The source is only read.**  The database is opened with an ``immutable=1`` URI
  and the raw data key: SQLite then takes no lock, reads no ``-shm``, makes no
  ``-wal`` and writes nothing.  When a non-empty ``otdesk.db-wal`` lies beside it (a
  crash before the last checkpoint), the database and that log are *copied* into a
  scratch folder inside ``DIR`` and the copy is read, so the log's commits come too;
  a log that does not read with this key (another vault's, or damaged) is left out
  and the report says so.  The source's lock is taken when its lock file exists (so
  a running OT Desk is not read under its feet) but never created.
* **Row by row.**  Each table is read by rowid in ranges; a range that raises a
  DatabaseError (a page that fails its HMAC, a cut-off file) is split in halves down
  to single rows, and a row that still fails is skipped and counted.  The end of a
  table whose last pages are gone is found by probing beyond them.
* **What is copied**: the consultations (their list row and their document), the
  deliveries (PDF bytes and SHA-256 as they were), the audit log row for row — hashes
  and all, so its chain verifies wherever nothing is missing — the expert directory
  and the ``meta`` facts.  Derived data is made again: the search index from the
  documents, the reference counters from every reference seen (so none is ever given
  twice), the list's labels by the app.  A consultation whose list row is gone but
  whose document reads, and whose reference is still found (an index of the table,
  the search index), gets its list row back from the document, its timestamps from
  the audit log ("rebuilt").  A delivery whose consultation was lost cannot be kept
  (it belongs to a consultation): it counts as lost.
* **What was lost** is named by reference (``OT-2026-0042``), never by content: a
  consultation counts when any readable trace of it remains — its row, its
  document, an index entry, the search index, a delivery or its audit rows.
* **The new vault** has the same keys: ``keyslots.json`` is copied byte for byte, so
  the same keyring entry, passphrase, recovery code and escrow key open it.  It is
  built under a temporary name (not ``otdesk.db.new``, which opening would take for
  an interrupted ``init``), migrated, filled, checked, its audit log told of the
  salvage (``vault.salvaged``, with counts only), then the key slots are written and
  the database renamed into place and made durable.  A folder that already holds a
  vault is refused, as is the source's own data folder or one inside it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core import dates
from otdesk.core.domain import Consultation
from otdesk.core.errors import UserError, message
from otdesk.files import fsync_dir, write_atomic
from otdesk.storage import keyslots
from otdesk.storage.errors import storage_error
from otdesk.storage.file_lock import FileLock
from otdesk.storage.repository import Repository
from otdesk.storage.vault import (
    DB_NAME,
    VaultPaths,
    _migrations,
    acquire_lock,
    check_file,
    connect,
    migrate,
    unlock_key,
)

log = logging.getLogger(__name__)

#: the new database's name while it is being filled
BUILD_NAME = DB_NAME + ".salvage"
#: where a source database and its WAL are copied to be read together (inside DIR)
SCRATCH_NAME = ".otdesk-salvage-source"
#: rowids per range read (deliveries hold ~74 KB of PDF each: fewer at a time)
_CHUNK = 128
_DELIVERY_CHUNK = 8
_REFERENCE = re.compile(r"^OT-(\d{4})-(\d{4,})$")


@dataclass
class TableResult:
    """How many rows of a table were copied and how many are known to be lost."""

    copied: int = 0
    lost: int = 0
    #: the table's last pages did not read: more rows than ``lost`` may be gone
    tail_unknown: bool = False

    @property
    def total(self) -> int:
        return self.copied + self.lost


@dataclass
class SalvageReport:
    out_dir: Path
    consultations: TableResult = field(default_factory=TableResult)
    #: of the copied consultations, those whose list row was made again from the document
    rebuilt: int = 0
    #: references of the consultations that could not be read (never their content)
    lost_references: list[str] = field(default_factory=list)
    #: lost consultations of which not even the reference was found: their numbers
    lost_ids: list[int] = field(default_factory=list)
    deliveries: TableResult = field(default_factory=TableResult)
    audit: TableResult = field(default_factory=TableResult)
    #: every audit row from the first on was copied and its hash chain verifies
    audit_complete: bool = False
    experts: TableResult = field(default_factory=TableResult)
    meta: TableResult = field(default_factory=TableResult)
    #: the source's otdesk.db-wal: "none" (absent or empty), "used", "ignored" (unreadable)
    wal: str = "none"

    @property
    def complete(self) -> bool:
        """Nothing is known to be lost."""
        tables = (self.consultations, self.deliveries, self.audit, self.experts, self.meta)
        return (all(t.lost == 0 and not t.tail_unknown for t in tables)
                and self.audit_complete and self.wal != "ignored")

    def to_dict(self) -> dict:
        def table(t: TableResult) -> dict:
            return {"copied": t.copied, "lost": t.lost, "tail_unknown": t.tail_unknown}

        return {"out_dir": str(self.out_dir), "consultations": table(self.consultations),
                "rebuilt": self.rebuilt, "lost_references": list(self.lost_references),
                "lost_ids": list(self.lost_ids), "deliveries": table(self.deliveries),
                "audit": table(self.audit), "audit_complete": self.audit_complete,
                "experts": table(self.experts), "meta": table(self.meta), "wal": self.wal,
                "complete": self.complete}


# --- the command's entry points --------------------------------------------------------


def source_slots(paths: VaultPaths) -> keyslots.KeySlots:
    """The key slots of the vault to salvage, read without touching anything else (unlike
    ``vault.read_slots``, which finishes an interrupted ``init``)."""
    if not paths.data_dir.is_dir():
        raise UserError("error.no_vault", path=str(paths.data_dir))
    if not paths.slots.is_file():
        if paths.db.exists():
            raise UserError("error.keyslots_missing", path=str(paths.slots))
        raise UserError("error.no_vault", path=str(paths.data_dir))
    return keyslots.KeySlots.load(paths.slots)


def source_key(paths: VaultPaths, *, passphrase: str | None = None, backend=None) -> bytes:
    """The data key of the vault to salvage: from the passphrase, else the OS keyring.
    The database need not open for this."""
    return unlock_key(source_slots(paths), passphrase=passphrase, backend=backend)


def salvage(paths: VaultPaths, data_key: bytes, out_dir: Path, *,
            actor: str | None = None) -> SalvageReport:
    """Copy every row of the vault at ``paths`` that can still be read into a new vault
    in ``out_dir`` with the same keys, and say what was lost.  ``paths`` is only read.

    Raises UserError: the source has no vault or no database file
    (``error.no_vault``, ``error.keyslots_missing``, ``error.db_missing``,
    ``error.db_not_file``, ``error.db_empty``), ``error.key_wrong``,
    ``error.vault_in_use`` (OT Desk has it open), ``salvage.nothing_readable`` (not even
    its list of tables reads: page 1), ``error.db_newer``, or a refused ``out_dir``
    (``salvage.out_has_vault``, ``salvage.out_inside_source``, ``salvage.out_not_folder``,
    ``salvage.out_not_writable``).  On any error nothing is left in ``out_dir`` but
    what was there.
    """
    slots = source_slots(paths)
    if keyslots.key_check(data_key) != slots.check:
        raise UserError("error.key_wrong")
    check_file(paths)
    out = _check_out(paths, Path(out_dir))
    target = VaultPaths(out)
    created_dir = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError("salvage.out_not_writable", path=str(out)) from exc
    if not os.access(out, os.W_OK | os.X_OK):
        raise UserError("salvage.out_not_writable", path=str(out))
    build = out / BUILD_NAME
    scratch = out / SCRATCH_NAME
    lock_there = target.lock.exists()
    try:
        out_lock = acquire_lock(target)
    except UserError as exc:
        if created_dir:
            _remove_quietly(out)
        if exc.key == "error.vault_in_use":
            raise
        raise UserError("salvage.out_not_writable", path=str(out)) from exc
    source_lock = None
    done = False
    try:
        source_lock = _lock_source(paths)
        if target.exists():  # made meanwhile by another process
            raise UserError("salvage.out_has_vault", path=str(out))
        for leftover in (build, *_sidecars(build)):  # an earlier salvage that was cut off
            leftover.unlink(missing_ok=True)
        report = SalvageReport(out_dir=out)
        src, report.wal = _open_source(paths, data_key, scratch)
        try:
            _build(src, build, data_key, report, actor)
        finally:
            src.close()
        _finish(paths, target, build)
        done = True
        log.info("salvaged into a new vault: %d/%d consultations, %d/%d deliveries, "
                 "%d audit rows (complete=%s), wal=%s", report.consultations.copied,
                 report.consultations.total, report.deliveries.copied,
                 report.deliveries.total, report.audit.copied, report.audit_complete,
                 report.wal)
        return report
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not done:
            for leftover in (build, *_sidecars(build)):
                leftover.unlink(missing_ok=True)
        if source_lock is not None:
            source_lock.release()
        out_lock.release()
        if not done and not lock_there:
            target.lock.unlink(missing_ok=True)
        if not done and created_dir:
            _remove_quietly(out)


def describe(report: SalvageReport, source: Path, lang: str) -> list[str]:
    """What the command prints: where the new vault is, what came, what was lost and how
    to use it (references only, never content)."""
    m = report
    out = str(m.out_dir)
    lines = [message("salvage.done", lang, path=out)]
    if m.wal == "used":
        lines.append(message("salvage.wal_used", lang))
    elif m.wal == "ignored":
        lines.append(message("salvage.wal_ignored", lang))
    lines.append(message("salvage.consultations", lang, copied=m.consultations.copied,
                         total=m.consultations.total))
    if m.rebuilt:
        lines.append(message("salvage.rebuilt", lang, count=m.rebuilt))
    lines.append(message("salvage.deliveries", lang, copied=m.deliveries.copied,
                         total=m.deliveries.total))
    if m.audit.tail_unknown:
        lines.append(message("salvage.audit_tail_unknown", lang, copied=m.audit.copied))
    else:
        lines.append(message("salvage.audit_complete" if m.audit_complete
                             else "salvage.audit_broken", lang, copied=m.audit.copied,
                             total=m.audit.total))
    if m.experts.total:
        lines.append(message("salvage.experts", lang, copied=m.experts.copied,
                             total=m.experts.total))
    if m.lost_references:
        lines.append(message("salvage.lost", lang, references=", ".join(m.lost_references)))
    if m.lost_ids:
        lines.append(message("salvage.lost_unnamed", lang, count=len(m.lost_ids),
                             ids=", ".join(str(i) for i in m.lost_ids)))
    if any(t.tail_unknown for t in (m.consultations, m.deliveries, m.experts, m.meta)):
        lines.append(message("salvage.tail_unknown", lang))
    if m.complete:
        lines.append(message("salvage.nothing_lost", lang))
    lines.append(message("salvage.source_unchanged", lang, source=str(source)))
    lines.append(message("salvage.use", lang, path=out))
    lines.append(message("salvage.move", lang, path=out, source=str(source)))
    return lines


# --- checks before anything is made ------------------------------------------------------


def _check_out(paths: VaultPaths, out_dir: Path) -> Path:
    """``out_dir`` made absolute, or the reason it cannot take the new vault."""
    out = Path(os.path.abspath(out_dir.expanduser()))
    real = out.resolve()  # (links resolved: a link into the source is the source)
    source = paths.data_dir.resolve()
    if real == source or source in real.parents:
        raise UserError("salvage.out_inside_source", path=str(out), source=str(source))
    if out.exists() and not out.is_dir():
        raise UserError("salvage.out_not_folder", path=str(out))
    target = VaultPaths(out)
    if target.exists() or target.db_new.exists():
        raise UserError("salvage.out_has_vault", path=str(out))
    return out


def _lock_source(paths: VaultPaths) -> FileLock | None:
    """The source's lock, so that no OT Desk writes while it is read; only when its lock
    file is there (it is never created), and not at all on a folder that cannot be
    written (then no one writes it either)."""
    if not paths.lock.is_file():
        return None
    try:
        return acquire_lock(paths)
    except UserError as exc:
        if exc.key == "error.vault_in_use":
            raise
        return None


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove_quietly(folder: Path) -> None:
    """Take away a folder this salvage made, when nothing but its lock is in it."""
    try:
        (folder / VaultPaths(folder).lock.name).unlink(missing_ok=True)
        folder.rmdir()
    except OSError:
        pass


# --- reading the source ------------------------------------------------------------------


def _raw_connect(target: str, data_key: bytes, *, uri: bool,
                 lenient: bool = False) -> sqlcipher.Connection:
    conn = sqlcipher.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        if lenient:
            # a file cut short is still read: SQLite refuses a file shorter than its
            # header says unless the schema is "writable" (nothing is written: query_only)
            conn.execute("PRAGMA writable_schema = ON")
        conn.execute("PRAGMA query_only = ON")
    except sqlcipher.Error:
        conn.close()
        raise
    return conn


class _Source:
    """The damaged database, read only.  After a page fails to read, the connection is
    opened again: an ``immutable`` connection keeps the error of a failed page read
    for every later query otherwise."""

    def __init__(self, target: str, data_key: bytes, *, uri: bool,
                 lenient: bool = False) -> None:
        self._target, self._key, self._uri, self._lenient = target, data_key, uri, lenient
        self.conn = _raw_connect(target, data_key, uri=uri, lenient=lenient)

    def _reopen(self) -> None:
        self.conn.close()
        self.conn = _raw_connect(self._target, self._key, uri=self._uri, lenient=self._lenient)

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Every row of ``sql``; a DatabaseError when a page it needs does not read."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlcipher.DatabaseError:
            self._reopen()
            raise

    def scan(self, sql: str, params: tuple = ()) -> list[tuple]:
        """The rows ``sql`` gives before the first page that does not read."""
        out: list[tuple] = []
        try:
            cur = self.conn.execute(sql, params)
            while batch := cur.fetchmany(256):
                out += batch
        except sqlcipher.DatabaseError:
            self._reopen()
        return out

    def readable(self) -> bool:
        """Does the list of tables read, and is it an OT Desk vault's?"""
        try:
            names = {r[0] for r in self.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlcipher.DatabaseError:
            return False
        return "consultations" in names

    def close(self) -> None:
        self.conn.close()


def _try_source(target: str, data_key: bytes, *, uri: bool,
                lenient: bool = False) -> _Source | None:
    try:
        src = _Source(target, data_key, uri=uri, lenient=lenient)
    except sqlcipher.Error:
        return None
    if src.readable():
        return src
    src.close()
    return None


def _score(src: _Source) -> int:
    """How many rows of the main tables a reader reaches (rowids only: every leaf page
    is read, the documents' and PDFs' overflow pages not)."""
    total = 0
    for table in ("consultations", "consultation_docs", "deliveries", "audit_log"):
        try:
            end, _ = _upper_end(src, table, 0)
        except sqlcipher.DatabaseError:  # (no such table: an older schema)
            continue
        total += sum(1 for _ in _rows(src, table, ["rowid"], 1, end, []))
    return total


def _open_source(paths: VaultPaths, data_key: bytes, scratch: Path) -> tuple[_Source, str]:
    """A reader of the source that never writes it, and what became of its WAL: "none",
    "used" (read from a copy together with the database) or "ignored" (unreadable)."""
    immutable = paths.db.resolve().as_uri() + "?immutable=1"
    alone = (_try_source(immutable, data_key, uri=True)
             or _try_source(immutable, data_key, uri=True, lenient=True))
    try:
        wal_size = paths.wal.stat().st_size if paths.wal.is_file() else 0
    except OSError:
        wal_size = 0
    if not wal_size:
        if alone is None:
            raise UserError("salvage.nothing_readable", path=str(paths.db))
        return _checked_version(alone), "none"
    # the database and its log are read together from copies (SQLite would make a -shm
    # beside the source, and a failed open could even fold the log into it)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700)
    copy = scratch / DB_NAME
    try:
        shutil.copyfile(paths.db, copy)
        shutil.copyfile(paths.wal, scratch / paths.wal.name)
    except OSError as exc:
        if alone is not None:
            alone.close()
        raise storage_error(exc) from exc
    with_wal = _try_source(str(copy), data_key, uri=False)
    # a log of another vault (or stale) may still let the list of tables read: it is
    # kept only when it lets no fewer rows read than the database alone
    if with_wal is not None and (alone is None or _score(with_wal) >= _score(alone)):
        if alone is not None:
            alone.close()
        return _checked_version(with_wal), "used"
    if with_wal is not None:
        with_wal.close()
    log.warning("salvage: the WAL beside the database does not read; left out")
    if alone is None:
        raise UserError("salvage.nothing_readable", path=str(paths.db))
    return _checked_version(alone), "ignored"


def _checked_version(src: _Source) -> _Source:
    try:
        (version,) = src.execute("PRAGMA user_version")[0]
    except sqlcipher.DatabaseError:
        return src  # (page 1 read a moment ago; the copy goes by what the tables hold)
    known = max((n for n, _ in _migrations()), default=0)
    if version > known:
        src.close()
        raise UserError("error.db_newer", version=version)
    return src


def _columns(conn, table: str) -> list[str]:
    """The columns of ``table`` (in a _Source or a plain connection)."""
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlcipher.DatabaseError:
        return []


def _upper_end(src: _Source, table: str, known: int) -> tuple[int, bool]:
    """The highest rowid worth reading in ``table``, and whether it is exact.  When the
    last pages do not read (``max`` fails), probe beyond them: a probe that finds rows
    moves the end up, one that finds none ends the search."""
    try:
        (top,) = src.execute(f"SELECT max(rowid) FROM {table}")[0]
        return max(top or 0, known), True
    except sqlcipher.DatabaseError:
        pass
    probe = f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1"
    end, step = max(known, 0), 1
    while step <= 1 << 40:
        try:
            rows = src.execute(probe, (end + step,))
        except sqlcipher.DatabaseError:
            step *= 2
            continue
        if not rows:
            return end + step - 1, False
        end, step = rows[0][0], 1
    return end, False


def _rows(src: _Source, table: str, columns: list[str], low: int, high: int,
          failed: list[int], chunk: int = _CHUNK) -> Iterator[tuple]:
    """(rowid, *columns) of every row from ``low`` to ``high`` that reads, in order; the
    rowids that do not read even alone go to ``failed``."""
    select = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE"
    ranged = select + " rowid BETWEEN ? AND ? ORDER BY rowid"
    # one row alone is looked up, not scanned: a scan steps on past its last row, onto
    # the next page, which may be the damaged one
    single = select + " rowid = ?"
    start = low
    while start <= high:
        end = min(high, start + chunk - 1)
        stack = [(start, end)]
        while stack:
            a, b = stack.pop()
            try:
                rows = src.execute(single, (a,)) if a == b else src.execute(ranged, (a, b))
            except sqlcipher.DatabaseError:
                if a == b:
                    failed.append(a)
                else:
                    middle = (a + b) // 2
                    stack += [(middle + 1, b), (a, middle)]
                continue
            yield from rows
        start = end + 1


def _lost_rowids(copied: set[int], evidence: set[int], failed: list[int], end: int,
                 exact: bool) -> set[int]:
    """Rows known to have existed and not copied: seen elsewhere, or failing to read
    below the known end (past it, a failing rowid may never have existed)."""
    limit = end if exact else max(copied | evidence, default=0)
    return (evidence | {r for r in failed if r <= limit}) - copied


# --- building the new vault ----------------------------------------------------------------


class _Copier:
    def __init__(self, src: _Source, dst: sqlcipher.Connection,
                 report: SalvageReport, actor: str | None) -> None:
        self.src = src
        self.dst = dst
        self.report = report
        self.repo = Repository(dst, actor=actor)
        self.audit_columns = self.shared_columns("audit_log")
        #: consultation id -> [first, last] timestamp of its created/changed audit rows
        self.audit_times: dict[int, list[str]] = {}
        #: consultation id -> whether its last created/deleted audit row says deleted
        self.audit_deleted: dict[int, bool] = {}
        self.references: set[str] = set()

    # -- plain tables ----------------------------------------------------------------------

    def shared_columns(self, table: str) -> list[str]:
        have = set(_columns(self.src, table))
        return [c for c in _columns(self.dst, table) if c in have]

    def copy_table(self, table: str, result: TableResult, *, evidence: set[int] | None = None,
                   contiguous: bool = False, keep=None, chunk: int = _CHUNK) -> set[int]:
        """Copy ``table`` row for row, rowids kept; returns the rowids copied.  ``keep``
        may refuse a row (it then counts as lost); ``contiguous``: the rowids run from 1
        without gaps (the audit log), so every missing one below the end is lost."""
        evidence = evidence or set()
        columns = self.shared_columns(table)
        if not columns:
            result.tail_unknown = True
            return set()
        alias = _rowid_alias(self.dst, table)
        names = columns if alias in columns else ["rowid", *columns]
        skip_rowid = alias in columns
        end, exact = _upper_end(self.src, table, max(evidence, default=0))
        failed: list[int] = []
        copied: set[int] = set()
        refused: set[int] = set()
        insert = (f"INSERT INTO {table} ({', '.join(names)})"
                  f" VALUES ({', '.join('?' * len(names))})")
        self.dst.execute("BEGIN")
        for row in _rows(self.src, table, columns, 1, end, failed, chunk):
            if keep is not None and not keep(row):
                refused.add(row[0])
                continue
            self.dst.execute(insert, row[1:] if skip_rowid else row)
            copied.add(row[0])
        self.dst.execute("COMMIT")
        if contiguous and exact:
            lost = set(range(1, end + 1)) - copied
        else:
            lost = _lost_rowids(copied | refused, evidence, failed, end, exact) | refused
        result.copied, result.lost = len(copied), len(lost)
        result.tail_unknown = not exact
        return copied

    def audit_row(self, row: tuple) -> bool:
        """Note which consultations the audit log speaks of, and when; keep the row."""
        named = dict(zip(("rowid", *self.audit_columns), row))
        obj, action, at = named.get("object") or "", named.get("action") or "", named.get("at")
        if isinstance(obj, str) and obj.startswith("consultation:") and obj[13:].isdigit():
            cid = int(obj[13:])
            if action == "consultation.deleted":
                self.audit_deleted[cid] = True
                self.audit_times.pop(cid, None)
            elif action in ("consultation.created", "consultation.changed"):
                if action == "consultation.created":
                    self.audit_deleted[cid] = False
                    self.audit_times.pop(cid, None)  # (a number used again after a delete)
                else:
                    self.audit_deleted.setdefault(cid, False)
                if isinstance(at, str):
                    times = self.audit_times.setdefault(cid, [at, at])
                    times[0], times[1] = min(times[0], at), max(times[1], at)
        return True

    # -- consultations -----------------------------------------------------------------------

    def known_consultations(self) -> tuple[dict[int, str | None], dict[str, int]]:
        """Every consultation id any readable trace names, with its reference when one is
        found: indexes of the consultations table, the search index, deliveries, the
        audit log; and reference -> id."""
        src = self.src
        refs: dict[int, str | None] = {}
        by_ref: dict[str, int] = {}

        def note(cid, ref=None):
            if not isinstance(cid, int):
                return
            if ref and _REFERENCE.match(str(ref)):
                refs[cid] = ref
                by_ref.setdefault(ref, cid)
            else:
                refs.setdefault(cid, None)

        indexes = [r[0] for r in src.scan("SELECT name FROM sqlite_master WHERE"
                                            " type='index' AND tbl_name='consultations'")]
        ref_indexes = []
        for name in indexes:
            cols = [r[2] for r in src.scan(f"PRAGMA index_info({_quote(name)})")]
            if cols[:1] == ["reference"]:
                ref_indexes.append(name)
                for cid, ref in src.scan(f"SELECT id, reference FROM consultations"
                                           f" INDEXED BY {_quote(name)}"):
                    note(cid, ref)
            else:
                for (cid,) in src.scan(f"SELECT id FROM consultations INDEXED BY"
                                         f" {_quote(name)}"):
                    note(cid)
        fts = "consultation_text" in {r[0] for r in src.scan(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        if fts:
            for (cid,) in src.scan("SELECT rowid FROM consultation_text WHERE"
                                     " consultation_text MATCH '^\"ot\"'"):
                note(cid)
        for (cid,) in src.scan("SELECT consultation_id FROM deliveries"):
            note(cid)
        for (cid,) in src.scan("SELECT DISTINCT consultation_id FROM deliveries"
                                 " INDEXED BY deliveries_consultation"):
            note(cid)
        for cid, deleted in self.audit_deleted.items():
            if not deleted:
                note(cid)
        # references that were given out (the counters, the references seen) and are
        # not yet placed: look each up alone, so one damaged page hides only its own
        last: dict[int, int] = {}
        for year, n in src.scan("SELECT year, last FROM reference_counters"):
            if isinstance(year, int) and isinstance(n, int):
                last[year] = max(last.get(year, 0), n)
        for ref in by_ref:
            year, n = _REFERENCE.match(ref).groups()
            last[int(year)] = max(last.get(int(year), 0), int(n))
        for year, top in last.items():
            for n in range(1, min(top, 99_999) + 1):
                ref = f"OT-{year}-{n:04d}"
                if ref in by_ref:
                    continue
                found = None
                for name in ref_indexes:
                    rows = src.scan(f"SELECT id FROM consultations INDEXED BY {_quote(name)}"
                                      " WHERE reference = ?", (ref,))
                    if rows:
                        found = rows[0][0]
                        break
                if found is None and fts:
                    rows = src.scan("SELECT rowid FROM consultation_text WHERE"
                                      " consultation_text MATCH ?", (f'^"{ref}"',))
                    if len(rows) == 1:
                        found = rows[0][0]
                if found is not None:
                    note(found, ref)
        return refs, by_ref

    def copy_consultations(self) -> set[int]:
        report = self.report
        known, by_ref = self.known_consultations()
        columns = self.shared_columns("consultations")
        doc_columns = self.shared_columns("consultation_docs")
        if "reference" not in columns or "doc" not in doc_columns:
            columns = []
        end_rows, _ = _upper_end(self.src, "consultations", max(known, default=0))
        end_docs, exact_docs = _upper_end(self.src, "consultation_docs", max(known, default=0))
        end = max(end_rows, end_docs)
        failed_rows: list[int] = []
        failed_docs: list[int] = []
        copied: set[int] = set()
        seen_docs: set[int] = set()
        used_refs: set[str] = set()
        insert = (f"INSERT INTO consultations ({', '.join(columns)})"
                  f" VALUES ({', '.join('?' * len(columns))})")
        ref_at = columns.index("reference") if columns else 0
        start = 1
        while columns and start <= end:
            stop = min(end, start + _CHUNK - 1)
            rows = {r[0]: r[1:] for r in _rows(self.src, "consultations", columns, start,
                                                 stop, failed_rows)}
            docs = {r[0]: r[1] for r in _rows(self.src, "consultation_docs", ["doc"], start,
                                                stop, failed_docs)}
            seen_docs |= docs.keys()
            self.dst.execute("BEGIN")
            for cid in sorted(rows.keys() | docs.keys()):
                row, doc = rows.get(cid), docs.get(cid)
                if row is not None:
                    known[cid] = row[ref_at]
                c = _consultation(doc)
                if c is None:
                    continue  # no document: its content is lost
                if row is not None:
                    ref = row[ref_at]
                    if ref in used_refs:
                        continue
                    self.dst.execute(insert, row)
                else:
                    ref = known.get(cid)
                    if not ref or ref in used_refs or by_ref.get(ref, cid) != cid:
                        continue
                    self._rebuild(cid, ref, c)
                    report.rebuilt += 1
                self.dst.execute("INSERT INTO consultation_docs (id, doc) VALUES (?, ?)",
                                 (cid, doc))
                c.id, c.reference = cid, ref
                self.repo._index(c, new=True)  # (the one place the search text is made)
                used_refs.add(ref)
                copied.add(cid)
            self.dst.execute("COMMIT")
            start = stop + 1
        for cid in seen_docs:
            known.setdefault(cid, None)
        # (a rowid that fails to read and that nothing else names may never have existed:
        # it is not counted; the report says when the end of the table did not read)
        lost = sorted(set(known) - copied)
        report.consultations.copied = len(copied)
        report.consultations.lost = len(lost)
        # (the documents are the content: when their end read, every one was seen; a
        # list row without one is lost and counted, one with one is rebuilt)
        report.consultations.tail_unknown = not exact_docs
        report.lost_references = [known[c] for c in lost if known.get(c)]
        report.lost_ids = [c for c in lost if not known.get(c)]
        if "first_category" not in set(_columns(self.src, "consultations")):
            self.dst.execute("UPDATE consultations SET first_category ="
                             " coalesce(json_extract(categories, '$[0]'), '')")
        self.references = {*used_refs, *(r for r in known.values() if r)}
        return copied

    def _rebuild(self, cid: int, ref: str, c: Consultation) -> None:
        """The list row of a consultation whose own row is lost, from its document; its
        timestamps from the audit log (else when it was received, else now)."""
        times = self.audit_times.get(cid)
        fallback = c.received_at.isoformat() if c.received_at else dates.now_stamp()
        c.id, c.reference = cid, ref
        c.created_at = dt.datetime.fromisoformat(times[0] if times else fallback)
        c.updated_at = dt.datetime.fromisoformat(times[1] if times else fallback)
        self.dst.execute(
            "INSERT INTO consultations (id, reference, status, received_at, organisation,"
            " categories, intake_date, session_date, follow_up_date, created_at, updated_at,"
            " due_date, due_what, first_category) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (cid, *self.repo._row(c)))

    def copy_counters(self) -> None:
        """The reference counters: what the source says, and never below a reference seen
        (copied or lost), so no reference is given twice."""
        last: dict[int, int] = {}
        for year, n in self.src.scan("SELECT year, last FROM reference_counters"):
            if isinstance(year, int) and isinstance(n, int):
                last[year] = max(last.get(year, 0), n)
        for ref in self.references:
            m = _REFERENCE.match(ref)
            if m:
                last[int(m.group(1))] = max(last.get(int(m.group(1)), 0), int(m.group(2)))
        self.dst.execute("BEGIN")
        self.dst.executemany("INSERT INTO reference_counters (year, last) VALUES (?, ?)",
                             sorted(last.items()))
        self.dst.execute("COMMIT")


def _rowid_alias(conn: sqlcipher.Connection, table: str) -> str | None:
    """The column that is the rowid (``id INTEGER PRIMARY KEY``), if any."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    keys = [r for r in info if r[5]]
    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        return keys[0][1]
    return None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _consultation(doc) -> Consultation | None:
    if not isinstance(doc, str):
        return None
    try:
        return Consultation.from_dict(json.loads(doc))
    except Exception:  # (an HMAC-checked page is what was written; this is belt and braces)
        return None


def _build(src: _Source, build: Path, data_key: bytes, report: SalvageReport,
           actor: str | None) -> None:
    """Fill a new database at ``build`` with what reads from ``src``."""
    try:
        os.close(os.open(build, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        dst = connect(build, data_key)
    except OSError as exc:
        raise storage_error(exc) from exc
    try:
        migrate(dst)
        copier = _Copier(src, dst, report, actor)
        copier.copy_table("meta", report.meta)
        copier.copy_table("audit_log", report.audit, contiguous=True, keep=copier.audit_row)
        copier.copy_table("experts", report.experts)
        kept = copier.copy_consultations()
        delivery_ids = {r[0] for r in src.scan("SELECT id FROM deliveries"
                                                 " INDEXED BY deliveries_consultation")}
        dcols = copier.shared_columns("deliveries")
        cid_at = dcols.index("consultation_id") + 1 if "consultation_id" in dcols else None

        def keep_delivery(row: tuple) -> bool:  # a delivery of a lost consultation is lost
            return cid_at is not None and row[cid_at] in kept

        copier.copy_table("deliveries", report.deliveries, evidence=delivery_ids,
                          keep=keep_delivery, chunk=_DELIVERY_CHUNK)
        copier.copy_counters()
        dst.execute("INSERT INTO consultation_text (consultation_text) VALUES ('optimize')")
        check = copier.repo.verify_audit()
        report.audit_complete = (check.ok and report.audit.lost == 0
                                 and not report.audit.tail_unknown)
        problems = dst.execute("PRAGMA quick_check").fetchall()
        if problems != [("ok",)]:
            raise UserError("error.storage")
        m = report
        copier.repo.audit("vault.salvaged", "", (
            f"consultations {m.consultations.copied}/{m.consultations.total}"
            f" rebuilt {m.rebuilt}; deliveries {m.deliveries.copied}/{m.deliveries.total};"
            f" audit {m.audit.copied}/{m.audit.total}"
            f"{'+?' if m.audit.tail_unknown else ''}; wal {m.wal}"))
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc
    finally:
        dst.close()


def _finish(paths: VaultPaths, target: VaultPaths, build: Path) -> None:
    """Key slots copied byte for byte, then the database renamed into place; durable."""
    try:
        for side in _sidecars(build):
            side.unlink(missing_ok=True)  # (closed after a checkpoint: there are none)
        fd = os.open(build, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        write_atomic(target.slots, paths.slots.read_bytes())
        os.replace(build, target.db)
        fsync_dir(target.data_dir)
    except OSError as exc:
        raise storage_error(exc) from exc
