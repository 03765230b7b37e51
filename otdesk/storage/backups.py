"""Automatic encrypted backups of the vault: made, verified, thinned, copied out, restored.

A backup is one folder in ``<data dir>/backups/``, named by the moment it was made
(UTC, ``2026-03-04T09-15-02Z``; a second one in the same second gets ``-2``)::

    otdesk.db       a complete, consistent copy of the database, encrypted with the
                    same data key (SQLite's online backup API from a read-only
                    connection: one snapshot, even while the storage worker writes;
                    PRAGMA user_version kept), rollback-journal mode: one closed file
    keyslots.json   the key slots as they were, so the recovery code or IT's escrow
                    key opens this backup alone
    backup.json     the manifest: when (UTC), why, schema version, vault id, rows per
                    table, size and SHA-256 of otdesk.db, verified and the problems
                    found — never any consultation content

It is written under a hidden temporary name (``.tmp-…``) and renamed into place only
when complete and checked, so a crash never leaves a half backup that looks good.
Checked: it opens with the key, ``PRAGMA cipher_integrity_check`` and ``PRAGMA
integrity_check`` are clean, the rows of every table (consultations, deliveries and
the audit log among them) are those of the snapshot it was taken from, and the key
slots beside it belong to the key.  One that fails is kept as *not verified* (the
newest such one, for a look) and :func:`make_backup` raises; it never counts as good.

Thinning (:func:`obsolete`, after Anki's ``rslib/src/collection/backup.rs``): every
backup of the last 2 days, then the newest of each day for 2 weeks, of each week for
2 months, of each month for a year; the rest is deleted, never the newest verified.

Where the organisation's policy names a ``backup_dir`` (a network home, a removable
drive), each verified backup is copied there too as closed files — copied under a
temporary name, flushed, checked by its SHA-256, renamed — into
``<backup_dir>/otdesk-<vault id>/<id>/``, and thinned by the same rule.  SQLite never
opens a file there.  A copy that fails is reported (:attr:`BackupInfo.copy_error`);
the local backup stays.

:func:`restore_backup` never deletes: the files it replaces are renamed into
``<data dir>/set-aside/<stamp>/``.  No Qt here; :mod:`otdesk.storage.backup_worker`
runs :func:`make_backup` on a thread for the desktop app.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core import dates
from otdesk.core.errors import UserError, message
from otdesk.files import fsync_dir, write_atomic
from otdesk.storage import keyslots, vault
from otdesk.storage.errors import storage_error

log = logging.getLogger(__name__)

BACKUPS_NAME = "backups"
SET_ASIDE_NAME = "set-aside"
DB_FILE = "otdesk.db"
SLOTS_FILE = "keyslots.json"
MANIFEST_FILE = "backup.json"
MANIFEST_FORMAT = 1
#: the files of one backup, in the order they are copied out
FILES = (DB_FILE, SLOTS_FILE, MANIFEST_FILE)
#: the tables whose rows must be those of the source (every table is counted and checked)
CHECKED_TABLES = ("consultations", "deliveries", "audit_log")
#: why a backup was made (the app's occasions; any short word is accepted)
REASONS = ("manual", "close", "lock", "interval", "delivery", "before-migration",
           "before-restore")

#: at most one backup per this much editing (see :func:`due`)
INTERVAL = dt.timedelta(hours=2)
#: thinning: everything this recent is kept …
KEEP_ALL = dt.timedelta(days=2)
#: … then the newest of each day, each week, each month, up to these ages
DAILY_UNTIL = dt.timedelta(days=14)
WEEKLY_UNTIL = dt.timedelta(days=61)
MONTHLY_UNTIL = dt.timedelta(days=365)

_ID_FORMAT = "%Y-%m-%dT%H-%M-%SZ"
_ID = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)(?:-(\d{1,4}))?$")
_TMP = ".tmp-"
_DELETING = ".del-"
#: a temporary folder this old is left over from a crash (removed by the next backup)
STALE_SECONDS = 3600
_INCOMING = DB_FILE + ".restoring"
_CHUNK = 1 << 20
#: one backup at a time in this process (the app's worker, a restore's own backup)
_LOCK = threading.Lock()


class Problem(str):
    """One thing wrong with a backup: a ``str`` (its English wording, for logs and
    tests) that carries its message key and parameters for the user's language."""

    key: str
    params: dict

    def __new__(cls, key: str, **params: object) -> Problem:
        self = super().__new__(cls, message(key, "en", **params))
        self.key = key
        self.params = params
        return self

    def message(self, lang: str) -> str:
        return message(self.key, lang, **self.params)

    def as_error(self) -> UserError:
        """As a message parameter (``{problem}``), shown in the message's language."""
        return UserError(self.key, **self.params)

    def to_dict(self) -> dict:
        return {"key": self.key, "params": self.params}

    @classmethod
    def from_dict(cls, data: object) -> Problem:
        if isinstance(data, dict) and isinstance(data.get("key"), str) and \
                data["key"].startswith("backup.problem_"):
            params = data.get("params") if isinstance(data.get("params"), dict) else {}
            return cls(data["key"], **params)
        return cls("backup.problem_manifest")


@dataclass(frozen=True)
class BackupInfo:
    """One backup folder, as its manifest describes it."""

    id: str  # the folder's name
    path: Path
    created: dt.datetime  # aware (UTC)
    size: int  # bytes of otdesk.db
    reason: str
    verified: bool
    counts: dict[str, int] = field(default_factory=dict)
    schema: int = 0
    vault_id: str = ""
    sha256: str = ""
    problems: tuple[Problem, ...] = ()
    #: make_backup with a backup_dir: where the copy went, or why it did not
    copied_to: Path | None = None
    copy_error: UserError | None = None

    @property
    def db(self) -> Path:
        return self.path / DB_FILE

    @property
    def slots(self) -> Path:
        return self.path / SLOTS_FILE

    def to_dict(self) -> dict:
        """For ``otdesk backup list --json``."""
        return {"id": self.id, "created": self.created.isoformat(timespec="seconds"),
                "size": self.size, "reason": self.reason, "verified": self.verified,
                "schema": self.schema, "counts": self.counts, "path": str(self.path),
                "problems": [str(p) for p in self.problems]}


# --- where -----------------------------------------------------------------------------


def backups_folder(paths: vault.VaultPaths) -> Path:
    return paths.data_dir / BACKUPS_NAME


def set_aside_folder(paths: vault.VaultPaths) -> Path:
    return paths.data_dir / SET_ASIDE_NAME


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime(_ID_FORMAT)


def _parse_id(name: str) -> dt.datetime | None:
    m = _ID.match(name)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1), _ID_FORMAT).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def _utc(now: dt.datetime | None) -> dt.datetime:
    when = now if now is not None else dates.now()
    if when.tzinfo is None:
        when = dates.local(when).replace(tzinfo=dates.zone())
    return when.astimezone(dt.timezone.utc)


# --- when ------------------------------------------------------------------------------


def due(last: dt.datetime | None, edited_since: bool, now: dt.datetime) -> bool:
    """Whether the app should ask for a backup now: something was edited since the last
    one and that was at least :data:`INTERVAL` ago (or there is none)."""
    if not edited_since:
        return False
    return last is None or now - last >= INTERVAL


# --- listing ---------------------------------------------------------------------------


def list_backups(paths: vault.VaultPaths) -> list[BackupInfo]:
    """The vault's backups, newest first (also those not verified; see ``verified``)."""
    return _scan(backups_folder(paths))


def newest_good(paths: vault.VaultPaths) -> BackupInfo | None:
    """The newest verified backup, or None."""
    return next((b for b in list_backups(paths) if b.verified), None)


def find_backup(paths: vault.VaultPaths, backup_id: str | None, *,
                good: bool = False) -> BackupInfo:
    """The backup named ``backup_id``; None: the newest (``good``: the newest verified).

    Raises UserError: ``backup.none``, ``backup.none_good``, ``backup.unknown_id``."""
    found = list_backups(paths)
    folder = backups_folder(paths)
    if not found:
        raise UserError("backup.none", path=str(folder))
    if backup_id is None:
        if not good:
            return found[0]
        for info in found:
            if info.verified:
                return info
        raise UserError("backup.none_good", path=str(folder))
    wanted = backup_id.strip()
    for info in found:
        if info.id == wanted:
            return info
    raise UserError("backup.unknown_id", id=wanted[:40])


def _scan(folder: Path) -> list[BackupInfo]:
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise UserError("backup.unreadable_folder", path=str(folder)) from exc
    found = []
    for entry in entries:
        created = _parse_id(entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if created is not None and is_dir:
            found.append(_load(Path(entry.path), created))
    found.sort(key=lambda b: (b.created, b.id), reverse=True)
    return found


def _read_manifest(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    return data


def _load(folder: Path, created: dt.datetime) -> BackupInfo:
    data = _read_manifest(folder)
    if data is None:
        try:
            size = (folder / DB_FILE).stat().st_size
        except OSError:
            size = 0
        return BackupInfo(folder.name, folder, created, size, "", False,
                          problems=(Problem("backup.problem_manifest"),))
    try:
        when = dt.datetime.fromisoformat(str(data.get("created")))
        if when.tzinfo is None:
            raise ValueError
        created = when.astimezone(dt.timezone.utc)
    except ValueError:
        pass
    counts = data.get("counts") if isinstance(data.get("counts"), dict) else {}
    problems = data.get("problems") if isinstance(data.get("problems"), list) else []
    return BackupInfo(
        id=folder.name, path=folder, created=created, size=_int(data.get("size")),
        reason=str(data.get("reason", ""))[:40], verified=data.get("verified") is True,
        counts={str(k): _int(v) for k, v in counts.items()}, schema=_int(data.get("schema")),
        vault_id=str(data.get("vault_id", "")), sha256=str(data.get("sha256", "")),
        problems=tuple(Problem.from_dict(p) for p in problems))


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# --- thinning --------------------------------------------------------------------------


def obsolete(backups: Iterable[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """The backups to delete at ``now`` (a pure function; Anki's thinning by age).

    Verified ones: all of the last :data:`KEEP_ALL`; older, the newest of each day (in
    the organisation's time zone) up to :data:`DAILY_UNTIL`, of each ISO week up to
    :data:`WEEKLY_UNTIL`, of each month up to :data:`MONTHLY_UNTIL`; none older.  The
    newest verified one is always kept, however old.  Not verified ones: only the
    newest, and only while it is recent (it is no backup, just evidence)."""
    ordered = sorted(backups, key=lambda b: (b.created, b.id), reverse=True)
    newest_ok = next((b for b in ordered if b.verified), None)
    newest_bad = next((b for b in ordered if not b.verified), None)
    drop: list[BackupInfo] = []
    last: tuple | None = None  # (day, week, month) of the last one kept
    for b in ordered:
        age = now - b.created
        if not b.verified:
            if not (b is newest_bad and age < KEEP_ALL):
                drop.append(b)
            continue
        day = dates.local_day(b.created)
        bucket = (day, day.isocalendar()[:2], (day.year, day.month))
        if b is newest_ok or age < KEEP_ALL:
            keep = True
        elif age < DAILY_UNTIL:
            keep = last is None or bucket[0] != last[0]
        elif age < WEEKLY_UNTIL:
            keep = last is None or bucket[1] != last[1]
        elif age < MONTHLY_UNTIL:
            keep = last is None or bucket[2] != last[2]
        else:
            keep = False
        if keep:
            last = bucket
        else:
            drop.append(b)
    return drop


def _prune(folder: Path, now: dt.datetime) -> None:
    """Delete what :func:`obsolete` says (each renamed away first, so that a half-deleted
    backup never looks like one); a failure is logged, never raised."""
    try:
        found = _scan(folder)
    except UserError:
        return
    for b in obsolete(found, now):
        doomed = folder / f"{_DELETING}{b.id}-{secrets.token_hex(4)}"
        try:
            os.rename(b.path, doomed)
        except OSError as exc:
            log.warning("backup thinning: %s not removed (%s)", b.id, type(exc).__name__)
            continue
        shutil.rmtree(doomed, ignore_errors=True)
        log.info("backup thinning: removed %s", b.id)


def _clear_stale(folder: Path) -> None:
    """Temporary folders left by a crash (older than STALE_SECONDS), and deletions that
    did not finish."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(_DELETING):
            shutil.rmtree(entry.path, ignore_errors=True)
        elif entry.name.startswith(_TMP):
            try:
                old = time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            except OSError:
                continue
            if old:
                shutil.rmtree(entry.path, ignore_errors=True)
                log.info("backup: removed a left-over temporary folder")


# --- making one ------------------------------------------------------------------------


def make_backup(paths: vault.VaultPaths, data_key: bytes, *, reason: str,
                backup_dir: Path | None = None, now: dt.datetime | None = None) -> BackupInfo:
    """Back up the vault in ``paths`` now: write, verify, thin, and copy it to
    ``backup_dir`` when given.  Reads the database through a read-only connection of
    its own (never the storage worker's), so it runs beside the open app.

    Returns the verified backup (``copied_to`` / ``copy_error`` tell how the copy to
    ``backup_dir`` went: a failed copy keeps the local backup and is not raised).

    Raises UserError: ``backup.disk_full``, ``backup.not_writable``, ``backup.io``
    (partial files removed, the vault untouched), ``backup.source_unreadable``,
    ``backup.not_verified`` (the backup is kept, marked not verified)."""
    when = _utc(now)
    with _LOCK:
        info = _write_backup(paths, data_key, reason=reason, when=when)
        _prune(backups_folder(paths), when)
        if not info.verified:
            problem = info.problems[0] if info.problems else Problem("backup.problem_manifest")
            raise UserError("backup.not_verified", id=info.id, problem=problem.as_error())
        if backup_dir is not None:
            try:
                info = replace(info, copied_to=_copy_out(info, Path(backup_dir), when))
            except UserError as exc:
                log.warning("backup %s not copied to the backup folder: %s", info.id, exc.key)
                info = replace(info, copy_error=UserError(
                    "backup.copy_failed", id=info.id, path=str(backup_dir), reason=exc))
        return info


def _write_backup(paths: vault.VaultPaths, data_key: bytes, *, reason: str,
                  when: dt.datetime) -> BackupInfo:
    """Write one backup into the local backups folder (no thinning, no copy out)."""
    root = backups_folder(paths)
    started = time.perf_counter()
    if not paths.db.is_file():
        raise UserError("error.db_missing", path=str(paths.db))
    if not paths.slots.is_file():
        raise UserError("error.keyslots_missing", path=str(paths.slots))
    tmp: Path | None = None
    try:
        _private_dir(root)
        _clear_stale(root)
        backup_id = _new_id(root, when)
        tmp = root / f"{_TMP}{backup_id}-{secrets.token_hex(4)}"
        _private_dir(tmp, new=True)
        counts, schema = _copy_database(paths.db, data_key, tmp / DB_FILE)
        _copy_file(paths.slots, tmp / SLOTS_FILE)
        digest, size = _sha256(tmp / DB_FILE)
        slots = keyslots.KeySlots.load(tmp / SLOTS_FILE)
        problems = _check_database(tmp / DB_FILE, data_key, counts, schema)
        problems += _check_slots(tmp / SLOTS_FILE, data_key)
        manifest = {
            "format": MANIFEST_FORMAT, "created": when.isoformat(timespec="seconds"),
            "reason": reason, "schema": schema, "vault_id": slots.vault_id,
            "counts": counts, "size": size, "sha256": digest,
            "verified": not problems, "problems": [p.to_dict() for p in problems],
        }
        _write_new(tmp / MANIFEST_FILE, json.dumps(manifest, indent=1, sort_keys=True)
                   .encode("utf-8"))
        fsync_dir(tmp)
        os.rename(tmp, root / backup_id)
        tmp = None
        fsync_dir(root)
    except UserError:
        _remove(tmp)
        raise
    except (OSError, sqlcipher.Error) as exc:
        _remove(tmp)
        raise _write_error(exc, root) from exc
    except BaseException:
        _remove(tmp)
        raise
    info = _load(root / backup_id, when)
    log.info("backup %s (%s): %d bytes in %.2f s, %s", backup_id, reason, size,
             time.perf_counter() - started,
             "verified" if info.verified else f"NOT verified: {[p.key for p in problems]}")
    return info


def _new_id(root: Path, when: dt.datetime) -> str:
    base = _stamp(when)
    backup_id, n = base, 1
    while (root / backup_id).exists():
        n += 1
        backup_id = f"{base}-{n}"
    return backup_id


def _private_dir(folder: Path, *, new: bool = False) -> None:
    """Make ``folder`` (mode 0700; an existing one is made private too)."""
    if new:
        folder.mkdir(mode=0o700)
    else:
        folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)


def _remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _write_error(exc: BaseException, folder: Path) -> UserError:
    """What a failed write into the backups folder means for the user."""
    number = getattr(exc, "errno", None)
    if number == errno.EROFS:
        return UserError("backup.not_writable", path=str(folder))
    if number in (errno.ENOTDIR, errno.EEXIST):
        return UserError("backup.not_a_folder", path=str(folder))
    error = storage_error(exc)  # type: ignore[arg-type]
    if error.key == "error.disk_full":
        return UserError("backup.disk_full", path=str(folder))
    if error.key == "error.no_write_access":
        return UserError("backup.not_writable", path=str(folder))
    if error.key in ("error.db_damaged", "error.vault_busy"):
        return UserError("backup.source_unreadable", error=error)
    return UserError("backup.io", path=str(folder))


def _keyed(path: Path, data_key: bytes) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _copy_database(source: Path, data_key: bytes, target: Path) -> tuple[dict[str, int], int]:
    """The online backup of ``source`` into the new file ``target`` (same key, rollback
    journal), from one read snapshot; returns that snapshot's rows per table and its
    schema version."""
    try:
        src = vault.connect(source, data_key, read_only=True)
    except UserError as exc:
        raise UserError("backup.source_unreadable", error=exc) from exc
    try:
        src.execute("BEGIN")  # one snapshot: what is counted is what is copied
        try:
            counts = _counts(src)
            (schema,) = src.execute("PRAGMA user_version").fetchone()
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            dest = _keyed(target, data_key)
            try:
                src.backup(dest)
                # the copied header says WAL (the vault's mode): a backup is one closed file
                dest.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                dest.close()
        finally:
            if src.in_transaction:
                src.execute("ROLLBACK")
    finally:
        src.close()
    _fsync(target)
    return counts, schema


def _counts(conn: sqlcipher.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name.replace(chr(34), chr(34) * 2)}"')
            .fetchone()[0] for name in names}


def _check_database(path: Path, data_key: bytes, expected: dict[str, int] | None,
                    schema: int | None) -> list[Problem]:
    """Open ``path`` with the key and check it: the cipher's HMACs, SQLite's integrity
    check, the schema version and every table's rows against ``expected``."""
    if not path.is_file():
        return [Problem("backup.problem_missing")]
    try:
        conn = vault.connect(path, data_key, read_only=True)
    except UserError:
        return [Problem("backup.problem_unreadable")]
    problems: list[Problem] = []
    try:
        try:
            bad = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
            if bad:
                problems.append(Problem("backup.problem_cipher", detail=_few(bad)))
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems.append(Problem("backup.problem_integrity", detail=_few(rows)))
            (found_schema,) = conn.execute("PRAGMA user_version").fetchone()
            if schema is not None and found_schema != schema:
                problems.append(Problem("backup.problem_schema", found=found_schema,
                                        expected=schema))
            counts = _counts(conn)
        except sqlcipher.DatabaseError as exc:
            problems.append(Problem("backup.problem_integrity",
                                    detail=getattr(exc, "sqlite_errorname", "") or "error"))
            return problems
        if expected is not None:
            for table in sorted(set(expected) | set(CHECKED_TABLES)):
                want, got = expected.get(table), counts.get(table)
                if want != got:
                    problems.append(Problem("backup.problem_count", table=table,
                                            found="-" if got is None else got,
                                            expected="-" if want is None else want))
    finally:
        conn.close()
    return problems


def _few(rows: list[str], limit: int = 3) -> str:
    """The first few of SQLite's findings, on one line (a row of ``integrity_check`` may
    hold several lines: "*** in database main ***" and a line per tree page)."""
    lines = [line.strip() for row in rows for line in row.splitlines()
             if line.strip() and not line.startswith("***")]
    text = "; ".join(lines[:limit]) + (f" (+{len(lines) - limit})" if len(lines) > limit
                                       else "")
    return text[:300]


def _check_slots(path: Path, data_key: bytes) -> list[Problem]:
    """The key slots beside a backup must be there and belong to its key."""
    try:
        slots = keyslots.KeySlots.load(path)
    except (OSError, UserError):
        return [Problem("backup.problem_keyslots")]
    if keyslots.key_check(data_key) != slots.check:
        return [Problem("backup.problem_keyslots")]
    return []


# --- files -----------------------------------------------------------------------------


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _copy_file(source: Path, target: Path) -> str:
    """Copy ``source`` into the new file ``target`` (0600), flushed to the disk; returns
    the SHA-256 of what was read."""
    digest = hashlib.sha256()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


def _sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _fsync_dir_quietly(folder: Path) -> None:
    """fsync_dir where the file system may not support it (a network share)."""
    try:
        fsync_dir(folder)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES):
            raise


# --- the copy in the organisation's backup folder ----------------------------------------


def copies_folder(backup_dir: Path, vault_id: str) -> Path:
    """Where a vault's copies go inside the policy's backup folder."""
    return Path(backup_dir) / f"otdesk-{vault_id}"


def list_copies(backup_dir: Path, vault_id: str) -> list[BackupInfo]:
    """The copies in the backup folder, newest first (their manifests only: SQLite
    never opens a file there)."""
    return _scan(copies_folder(backup_dir, vault_id))


def _copy_out(info: BackupInfo, backup_dir: Path, when: dt.datetime) -> Path:
    """Copy the verified backup ``info`` into ``backup_dir`` as closed files (temporary
    name, flushed, SHA-256 read back, renamed), then thin the copies there."""
    backup_dir = Path(backup_dir)
    if not backup_dir.is_dir():
        raise UserError("backup.copy_missing")
    if not os.access(backup_dir, os.W_OK):
        raise UserError("backup.copy_not_writable")
    folder = copies_folder(backup_dir, info.vault_id or "vault")
    tmp: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        _clear_stale(folder)
        target = folder / info.id
        if target.exists():
            raise UserError("backup.copy_exists")
        tmp = folder / f"{_TMP}{info.id}-{secrets.token_hex(4)}"
        tmp.mkdir()
        for name in FILES:
            written = _copy_file(info.path / name, tmp / name)
            if name == DB_FILE and (written != info.sha256 or _sha256(tmp / name)[0]
                                    != info.sha256):
                raise UserError("backup.copy_mismatch")
        _fsync_dir_quietly(tmp)
        os.rename(tmp, target)
        tmp = None
        _fsync_dir_quietly(folder)
    except UserError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise _copy_error(exc) from exc
    _prune(folder, when)
    log.info("backup %s copied to the backup folder", info.id)
    return target


def _copy_error(exc: OSError) -> UserError:
    if exc.errno == errno.EROFS:
        return UserError("backup.copy_not_writable")
    error = storage_error(exc)
    if error.key == "error.disk_full":
        return UserError("backup.copy_full")
    if error.key == "error.no_write_access":
        return UserError("backup.copy_not_writable")
    if isinstance(exc, FileNotFoundError):
        return UserError("backup.copy_missing")
    return UserError("backup.copy_io")


# --- verifying -------------------------------------------------------------------------


def verify_backup(info: BackupInfo, data_key: bytes) -> list[str]:
    """Check a backup again, as :func:`make_backup` did after writing it, and its file
    against the SHA-256 in its manifest.  Returns the problems (:class:`Problem`, a
    ``str``); empty: it is good.  A backup found damaged is marked not verified in its
    manifest (when that can be written), so it no longer counts as good."""
    data = _read_manifest(info.path)
    problems: list[Problem] = []
    if data is None:
        problems.append(Problem("backup.problem_manifest"))
    if not info.db.is_file():
        return [*problems, Problem("backup.problem_missing")]
    if data is not None:
        try:
            digest, _ = _sha256(info.db)
        except OSError:
            return [*problems, Problem("backup.problem_unreadable")]
        if digest != data.get("sha256"):
            problems.append(Problem("backup.problem_changed"))
    counts = data.get("counts") if data is not None and isinstance(data.get("counts"),
                                                                   dict) else None
    schema = data.get("schema") if data is not None else None
    problems += _check_database(info.db, data_key, counts,
                                schema if isinstance(schema, int) else None)
    problems += _check_slots(info.slots, data_key)
    if problems and data is not None and data.get("verified") is True:
        data["verified"] = False
        data["problems"] = [p.to_dict() for p in problems]
        try:
            write_atomic(info.path / MANIFEST_FILE,
                         json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        except OSError as exc:
            log.warning("backup %s: not marked damaged (%s)", info.id, type(exc).__name__)
    return list(problems)


# --- restoring -------------------------------------------------------------------------


def key_slots_for(paths: vault.VaultPaths, info: BackupInfo | None = None
                  ) -> keyslots.KeySlots:
    """The key slots that give the data key for restoring or verifying ``info``, without
    opening the database (it may be the damaged thing): the vault's own
    (:func:`vault.read_slots`), else — the database or the key slots gone or damaged —
    those beside the backup."""
    try:
        return vault.read_slots(paths)
    except UserError as exc:
        if exc.key not in ("error.db_missing", "error.keyslots_missing", "error.no_vault",
                           *keyslots.DAMAGED_KEYS):
            raise
        failure = exc
    try:
        return keyslots.KeySlots.load(paths.slots)
    except (FileNotFoundError, UserError):
        pass
    if info is None:
        raise failure
    try:
        return keyslots.KeySlots.load(info.slots)
    except FileNotFoundError:
        raise failure from None


def restore_backup(paths: vault.VaultPaths, backup_id: str | None, data_key: bytes
                   ) -> Path:
    """Put backup ``backup_id`` (None: the newest verified) in place of the vault's
    database.  The caller has no vault open: this takes the vault's lock.

    The backup is verified first.  A current database that still reads is backed up
    first (reason "before-restore").  The current ``otdesk.db`` (and -wal, -shm) are
    renamed into ``<data dir>/set-aside/<stamp>/``, never deleted, and so is
    ``keyslots.json`` when it is replaced: the current one stays when it loads and
    belongs to the key (it may hold a newer passphrase), else the backup's is put in
    place.  Returns the set-aside folder.

    Raises UserError: ``backup.none``/``none_good``/``unknown_id``, ``backup.restore_refused``
    (it does not verify; nothing changed), ``error.vault_in_use``, a storage error."""
    lock = vault.acquire_lock(paths)
    try:
        info = find_backup(paths, backup_id, good=True)
        problems = verify_backup(info, data_key)
        if not problems and not info.verified:
            problems = list(info.problems) or [Problem("backup.problem_manifest")]
        if problems:
            first = problems[0]
            raise UserError("backup.restore_refused", id=info.id, problem=first.as_error()
                            if isinstance(first, Problem) else Problem("backup.problem_manifest")
                            .as_error())
        when = _utc(None)
        _protect_current(paths, data_key, when)
        return _swap_in(paths, info, data_key, when)
    finally:
        lock.release()


def _protect_current(paths: vault.VaultPaths, data_key: bytes, when: dt.datetime) -> None:
    """A backup of the current database when it still reads (else the set-aside copy
    is the protection)."""
    try:
        vault.prove(paths, data_key)
    except UserError as exc:
        log.info("restore: the current database does not read (%s); set aside only", exc.key)
        return
    try:
        with _LOCK:
            before = _write_backup(paths, data_key, reason="before-restore", when=when)
        log.info("restore: the current database backed up as %s (verified %s)", before.id,
                 before.verified)
    except UserError as exc:
        log.warning("restore: no backup of the current database (%s); set aside only",
                    exc.key)


def _swap_in(paths: vault.VaultPaths, info: BackupInfo, data_key: bytes,
             when: dt.datetime) -> Path:
    incoming = paths.data_dir / _INCOMING
    moved: list[tuple[Path, Path]] = []
    try:
        incoming.unlink(missing_ok=True)
        if _copy_file(info.db, incoming) != info.sha256:  # the file just verified
            raise UserError("backup.restore_refused", id=info.id,
                            problem=UserError("backup.problem_changed"))
        keep_slots = _slots_match(paths.slots, data_key)
        aside = _new_aside(paths, when)
        current = [paths.db, paths.wal, paths.data_dir / (vault.DB_NAME + "-shm")]
        if not keep_slots:
            current.append(paths.slots)
        for path in current:
            if os.path.lexists(path):
                os.rename(path, aside / path.name)
                moved.append((path, aside / path.name))
        fsync_dir(aside)
        os.replace(incoming, paths.db)
        if not keep_slots:
            write_atomic(paths.slots, info.slots.read_bytes())
        fsync_dir(paths.data_dir)
    except BaseException as exc:
        for original, now_at in reversed(moved):  # put back what was moved
            try:
                os.replace(now_at, original)
            except OSError:
                log.error("restore: %s left in the set-aside folder", original.name)
        incoming.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise storage_error(exc) from exc
        raise
    log.info("restored backup %s; %d current files set aside", info.id, len(moved))
    _audit_restored(paths, data_key, info)
    return aside


def _slots_match(path: Path, data_key: bytes) -> bool:
    try:
        return keyslots.KeySlots.load(path).check == keyslots.key_check(data_key)
    except (OSError, UserError):
        return False


def new_aside_folder(paths: vault.VaultPaths, when: dt.datetime | None = None) -> Path:
    """A new, empty ``<data dir>/set-aside/<stamp>/`` for files that make way (restore,
    salvage, a WAL set aside): they are renamed into it, never deleted."""
    return _new_aside(paths, _utc(when))


def _new_aside(paths: vault.VaultPaths, when: dt.datetime) -> Path:
    parent = set_aside_folder(paths)
    _private_dir(parent)
    base = _stamp(when)
    name, n = base, 1
    while os.path.lexists(parent / name):
        n += 1
        name = f"{base}-{n}"
    aside = parent / name
    _private_dir(aside, new=True)
    fsync_dir(parent)
    return aside


def _audit_restored(paths: vault.VaultPaths, data_key: bytes, info: BackupInfo) -> None:
    """Record the restore in the restored database's audit log (best effort)."""
    from otdesk.storage.repository import Repository

    try:
        conn = vault.connect(paths.db, data_key)
        try:
            vault.migrate(conn)
            Repository(conn).audit("vault.restored", f"backup:{info.id}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (UserError, sqlcipher.Error) as exc:
        log.warning("restore: not recorded in the audit log (%s)",
                    getattr(exc, "key", type(exc).__name__))
