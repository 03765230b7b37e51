"""``otdesk doctor``: what IT checks first when a consultant calls.

Each check prints one line: ``OK`` or ``FAIL`` (fi ``VIKA``, sv ``FEL``), what was checked, and what
was found.  The exit code is 0 only when every check passed, 1 otherwise.

Every check runs, whatever came before it: one that cannot (no key, no readable file)
says so on its own FAIL line, and one that meets a damaged file, a SQLCipher error or
anything else unexpected becomes a FAIL line too, never a traceback.  Doctor never
writes to the vault: the database is read through an ``immutable`` connection (nothing
written, not even a ``-shm``) while the vault's lock is held, or, when a log file
(``otdesk.db-wal``) holds commits, the read-only way ``open_vault`` reads it first.
When something is damaged, the last lines point to the backups and to
``otdesk salvage``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.config.policy import Policy, PolicyError, default_policy_path
from otdesk.core.errors import UserError, message
from otdesk.storage import keyring_store, keyslots
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import Repository
from otdesk.storage.vault import VaultPaths, _migrations, acquire_lock, connect, unlock_key

log = logging.getLogger(__name__)

PAGE_SIZE = 4096
#: refusals that mean the vault's files are damaged or missing (a backup may help)
_DAMAGE = {"error.keyslots_missing", "error.keyslots_damaged", "error.db_missing",
           "error.db_not_file", "error.db_empty", "error.db_damaged", "error.wal_unreadable",
           "error.io"}


class _Failed(Exception):
    """A check's FAIL with its own detail line."""

    def __init__(self, detail: str, *, damage: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.damage = damage


class _Doctor:
    def __init__(self, data: Path, passphrase: str | None, lang: str) -> None:
        self.data = data
        self.paths = VaultPaths(data)
        self.passphrase = passphrase
        self.lang = lang
        self.results: list[bool] = []
        self.damaged = False      # a backup may help
        self.salvageable = False  # …and there is a file salvage could read
        self.slots: keyslots.KeySlots | None = None
        self.file_ok = False
        self.key: bytes | None = None
        #: how the page checks read the database: "full" (with its WAL, read-only),
        #: "raw" (otdesk.db alone, immutable: there is no WAL), "alone" (otdesk.db without
        #: its unreadable WAL), or None (it does not open)
        self.mode: str | None = None
        self.raw_ok = False       # otdesk.db alone can be given to cipher_integrity_check
        self.wal_state = "none"   # none | readable | unreadable | unchecked
        self.lock = None

    def m(self, key: str, **params) -> str:
        return message(key, self.lang, **params)

    def line(self, ok: bool, label: str, detail: str) -> None:
        self.results.append(ok)
        mark = self.m("doctor.mark_ok" if ok else "doctor.mark_fail")
        print(f"{mark:<4}  {self.m('doctor.' + label)}: {detail}")

    def run(self, label: str, check: Callable[[], str], *, damage: bool = False) -> None:
        """One check: its detail on OK; any refusal or error a FAIL line (``damage``: a
        failure here means the file is damaged)."""
        try:
            detail = check()
        except _Failed as exc:
            self._fail(label, exc.detail, exc.damage)
        except UserError as exc:
            self._fail(label, exc.message(self.lang), damage or exc.key in _DAMAGE)
        except sqlcipher.Error as exc:
            err = storage_error(exc)
            self._fail(label, self.m("doctor.unreadable") if err.key == "error.db_damaged"
                       else err.message(self.lang), damage or err.key in _DAMAGE)
        except Exception as exc:  # doctor never ends in a traceback
            log.error("doctor: %s failed with %s.%s", label, type(exc).__module__,
                      type(exc).__qualname__)
            self._fail(label, self.m("doctor.unexpected", error=type(exc).__name__), damage)
        else:
            self.line(True, label, detail)

    def _fail(self, label: str, detail: str, damage: bool) -> None:
        self.damaged = self.damaged or damage
        self.line(False, label, detail)

    def not_checked(self, reason: str) -> _Failed:
        return _Failed(self.m("doctor.not_checked", reason=self.m(reason)))

    # -- the checks ------------------------------------------------------------------------

    def data_dir(self) -> str:
        if not (self.data.is_dir() and os.access(self.data, os.W_OK)):
            raise _Failed(str(self.data))
        return str(self.data)

    def keyring(self) -> str:
        backend = keyring_store.secure_keyring()
        name = keyring_store.keyring_name()
        detail = f"{name} ({self.m('doctor.secure' if backend else 'doctor.insecure')})"
        if backend is None and self.passphrase is None:
            raise _Failed(detail)
        return detail

    def sqlcipher(self) -> str:
        mem = sqlcipher.connect(":memory:")
        try:
            version = mem.execute("PRAGMA cipher_version").fetchone()
        finally:
            mem.close()
        detail = f"SQLCipher {version[0] if version else '?'}, SQLite {sqlcipher.sqlite_version}"
        if not version:
            raise _Failed(detail)
        return detail

    def key_slots(self) -> str:
        paths = self.paths
        if not paths.slots.exists():
            if paths.db.exists() or paths.db_new.exists():
                raise UserError("error.keyslots_missing", path=str(paths.slots))
            raise UserError("error.no_vault", path=str(paths.data_dir))
        self.slots = keyslots.KeySlots.load(paths.slots)
        return ", ".join(self.m(f"doctor.slot_{name}") for name in sorted(self.slots.slots))

    def db_file(self) -> str:
        paths = self.paths
        try:
            info = paths.db.lstat()
        except FileNotFoundError:
            if paths.db_new.exists():
                raise _Failed(self.m("doctor.db_pending", path=str(paths.db_new))) from None
            if not paths.slots.exists():
                raise UserError("error.no_vault", path=str(paths.data_dir)) from None
            raise UserError("error.db_missing", path=str(paths.db)) from None
        if stat.S_ISLNK(info.st_mode):
            info = paths.db.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UserError("error.db_not_file", path=str(paths.db))
        if info.st_size == 0:
            raise UserError("error.db_empty", path=str(paths.db))
        self.salvageable = True
        if info.st_size % PAGE_SIZE:
            raise _Failed(self.m("doctor.db_cut", bytes=info.st_size, page=PAGE_SIZE),
                          damage=True)
        self.file_ok = True
        return self.m("doctor.db_size", bytes=info.st_size, pages=info.st_size // PAGE_SIZE)

    def key_(self) -> str:
        if self.slots is None:
            raise self.not_checked("doctor.because_no_key")
        self.key = unlock_key(self.slots, passphrase=self.passphrase)
        return self.m("doctor.by_passphrase" if self.passphrase else "doctor.by_keyring")

    def vault(self) -> str:
        paths = self.paths
        if self.key is None:
            raise self.not_checked("doctor.because_no_key")
        if not self.file_ok:
            self.raw_ok = self.salvageable
            raise self.not_checked("doctor.because_no_file")
        if paths.lock.is_file():  # (never made here: a missing lock file is left missing)
            try:
                self.lock = acquire_lock(paths)
            except UserError as exc:
                if exc.key == "error.vault_in_use":
                    raise
        self.raw_ok = True
        with self._open("raw") as raw:
            alone_reads = _reads(raw)
        if _size(paths.wal):
            try:  # the database with its log, read as open_vault reads it first
                with self._open("full") as conn:
                    full_ok = _quick_ok(conn)
                if full_ok or not alone_reads:
                    self.mode, self.wal_state = "full", "readable"
                else:  # another vault's log may let the schema read, not the pages
                    with self._open("raw") as raw:
                        alone_ok = _quick_ok(raw)
                    self.mode, self.wal_state = (None, "unreadable") if alone_ok \
                        else ("full", "readable")
            except UserError:
                self.wal_state = "unreadable" if alone_reads else "unchecked"
        elif alone_reads:
            self.mode = "raw"
        if self.mode is None and alone_reads:
            self.mode = "alone"
            raise _Failed(self.m("doctor.vault_alone"), damage=True)
        if self.mode is None:
            raise UserError("error.db_damaged")
        with self._open(self.mode) as conn:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
        known = max((n for n, _ in _migrations()), default=0)
        if version > known:
            raise UserError("error.db_newer", version=version)
        how = self.m("doctor.by_passphrase" if self.passphrase else "doctor.by_keyring")
        return f"{paths.db} ({how}, {self.m('doctor.schema', version=version)})"

    def wal(self) -> str:
        size = _size(self.paths.wal)
        if not size:
            return self.m("doctor.wal_none")
        if self.wal_state == "readable":
            return self.m("doctor.wal_size", bytes=size)
        if self.wal_state == "unreadable":
            raise UserError("error.wal_unreadable", path=str(self.paths.wal))
        raise self.not_checked("doctor.because_no_key" if self.key is None
                               else "doctor.because_not_open")

    @contextlib.contextmanager
    def _open(self, mode: str) -> Iterator[sqlcipher.Connection]:
        """A connection of its own for one check (an immutable connection keeps the error
        of a page that failed to read for every later query)."""
        if mode == "full":
            conn = connect(self.paths.db, self.key, read_only=True)
        else:
            conn = _immutable(self.paths.db, self.key)
        try:
            yield conn
        finally:
            conn.close()

    def _page_check(self) -> tuple[str, str]:
        """The mode a page check reads in, and the note that goes with it."""
        if self.mode is None:
            raise self.not_checked("doctor.because_no_key" if self.key is None
                                   else "doctor.because_not_open")
        return self.mode, f" ({self.m('doctor.alone')})" if self.mode == "alone" else ""

    def cipher_integrity(self) -> str:
        # every page's HMAC, on the file as OT Desk reads it, else on otdesk.db alone
        # (this check needs no readable schema: it finds a damaged page 1 too)
        if self.mode is None and self.raw_ok and self.key is not None:
            mode, note = "raw", f" ({self.m('doctor.alone')})" if _size(self.paths.wal) else ""
        else:
            mode, note = self._page_check()
        with self._open(mode) as conn:
            problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        if problems:
            pages = sorted({int(n) for p in problems for n in re.findall(r"page (\d+)", p)})
            shown = ", ".join(str(p) for p in pages[:10]) + (", …" if len(pages) > 10 else "")
            raise _Failed(self.m("doctor.bad_pages", count=len(pages) or len(problems),
                                 pages=shown or "?") + note, damage=True)
        return "ok" + note

    def integrity(self) -> str:
        mode, note = self._page_check()
        with self._open(mode) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows == ["ok"]:
            return "ok" + note
        found = [line for r in rows for line in str(r).splitlines()
                 if line.strip() and not line.startswith("***")]
        raise _Failed(f"{len(found)} {self.m('doctor.errors')}{note}", damage=True)

    def audit(self) -> str:
        mode, note = self._page_check()
        with self._open(mode) as conn:
            check = Repository(conn).verify_audit()
        text = self.m("cli.audit_ok" if check.ok else "cli.audit_broken", count=check.entries,
                      seq=check.first_bad) + note
        if not check.ok:
            raise _Failed(text, damage=True)
        return text

    def count(self) -> str:
        mode, note = self._page_check()
        with self._open(mode) as conn:
            return str(conn.execute("SELECT count(*) FROM consultations").fetchone()[0]) + note

    def search(self) -> str:
        """Which analysers the search uses, and how far an existing vault's terms are
        indexed (the storage worker does it while the app is open)."""
        from otdesk.core import search_terms
        from otdesk.storage import search

        version = search_terms.voikko_version()
        text = self.m("doctor.search_voikko", version=version) if version \
            else self.m("doctor.search_weak")
        if self.mode is None:
            return text  # (the analysers are this machine's; the index waits for the vault)
        mode, note = self._page_check()
        with self._open(mode) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            upto = search.indexed_upto(conn) if "meta" in tables else 0
            total, done = conn.execute(
                "SELECT count(*), count(*) FILTER (WHERE id <= ?) FROM consultations",
                (upto,)).fetchone()
        if "consultation_terms" not in tables:
            done = 0
        if done < total:
            text += "; " + self.m("doctor.search_indexing", done=done, total=total)
        return text + note

    def spelling(self) -> str:
        """Which dictionary the spelling check uses for each language (this machine's)."""
        from otdesk.core import spelling

        found = spelling.dictionaries()
        if found is None:
            return self.m("doctor.spelling_none")
        return ", ".join(f"{lang}: {found[lang]}" if found.get(lang) else
                         f"{lang}: " + self.m("doctor.spelling_missing",
                                               package=spelling.PACKAGES[lang])
                         for lang in spelling.DICTIONARY_TAGS)

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()


def run_doctor(data: Path, passphrase: str | None, lang: str, policy=None) -> int:
    """Run every check; ``policy`` is the loaded Policy, or the PolicyError it raised."""
    doc = _Doctor(Path(data), passphrase, lang)
    try:
        doc.run("data_dir", doc.data_dir)
        doc.run("keyring", doc.keyring)
        doc.run("sqlcipher", doc.sqlcipher)
        doc.run("slots", doc.key_slots)
        doc.run("db_file", doc.db_file)
        doc.run("key", doc.key_)
        doc.run("vault", doc.vault)
        doc.run("wal", doc.wal)
        doc.run("cipher_integrity", doc.cipher_integrity, damage=True)
        doc.run("integrity", doc.integrity, damage=True)
        doc.run("audit", doc.audit, damage=True)
        doc.run("count", doc.count, damage=True)
        doc.run("search", doc.search)
        doc.run("spelling", doc.spelling)
    finally:
        doc.close()
    try:
        _check_policy(policy, lang, doc.line)
    except Exception as exc:  # (a policy that loaded is only printed; still, no traceback)
        log.error("doctor: policy failed with %s", type(exc).__qualname__)
        doc.line(False, "policy", message("doctor.unexpected", lang, error=type(exc).__name__))

    if doc.damaged:
        print()
        print(message("doctor.hint_backup", lang))
        if doc.salvageable:
            print(message("doctor.hint_salvage", lang))
    failed = doc.results.count(False)
    if failed:
        print(message("cli.doctor_bad", lang, count=failed), file=sys.stderr)
        return 1
    print(message("cli.doctor_ok", lang))
    return 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _immutable(path: Path, key: bytes) -> sqlcipher.Connection:
    """``path`` alone, read only: no lock, no WAL, no -shm, nothing written."""
    conn = sqlcipher.connect(path.resolve().as_uri() + "?immutable=1", uri=True,
                             isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _quick_ok(conn: sqlcipher.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlcipher.DatabaseError:
        return False


def _reads(conn: sqlcipher.Connection) -> bool:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False


def _check_policy(policy, lang: str, check) -> None:
    """The effective organisation policy: each value and where it came from."""
    if isinstance(policy, PolicyError):
        check(False, "policy", policy.message(lang))
        return
    if policy is None:
        policy = Policy(path=default_policy_path())
    if not policy.loaded:
        check(True, "policy", f"{message('doctor.no_policy', lang)} ({policy.path})")
    else:
        check(True, "policy", f"{policy.path} ({message('doctor.policy_file', lang)})")
    label = message("doctor.policy_value", lang)
    default = message("doctor.default", lang)
    for name, value, source in policy.describe():
        print(f"      {label} {name} = {value}  [{default if source == 'default' else source}]")
