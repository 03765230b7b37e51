"""The vault: one SQLCipher database per data dir, its key slots and its lock.

Files in a data dir::

    otdesk.db        the encrypted database (plus -wal/-shm while open)
    keyslots.json    wrapped copies of the data key (see keyslots.py)
    otdesk.lock      held by the one process that has the vault open

Rules kept here:

* never create an empty database over an existing one, and never overwrite
  ``keyslots.json``: a missing or wrong key is reported, with the way back;
* one writer per data dir: a second process is told the vault is open;
* every transaction is durable when ``commit`` returns (WAL, synchronous=FULL).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core.errors import UserError
from otdesk.core import deadlines
from otdesk.files import fsync_dir
from otdesk.storage import keyslots
from otdesk.storage.keyring_store import keyring_load, keyring_store, secure_keyring
from otdesk.storage.deliveries import Deliveries
from otdesk.storage.errors import storage_error
from otdesk.storage.file_lock import FileLock, LockHeld
from otdesk.storage.repository import Repository

log = logging.getLogger(__name__)

DB_NAME = "otdesk.db"
SLOTS_NAME = "keyslots.json"
LOCK_NAME = "otdesk.lock"
_NEW_SUFFIX = ".new"

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 2000",
)


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def db_new(self) -> Path:
        return self.data_dir / (DB_NAME + _NEW_SUFFIX)

    @property
    def slots(self) -> Path:
        return self.data_dir / SLOTS_NAME

    @property
    def wal(self) -> Path:
        return self.data_dir / (DB_NAME + "-wal")

    @property
    def lock(self) -> Path:
        return self.data_dir / LOCK_NAME

    def exists(self) -> bool:
        return self.db.exists() or self.slots.exists()


@dataclass
class InitResult:
    vault_id: str
    recovery_code: str
    in_keyring: bool
    has_passphrase: bool


# --- connection -------------------------------------------------------------------


def connect(path: Path, data_key: bytes, *, read_only: bool = False,
            immutable: bool = False) -> sqlcipher.Connection:
    """Open ``path`` with the raw ``data_key`` and set the pragmas.  A ``read_only``
    connection is opened read-only by SQLite itself (``mode=ro``): it never writes to
    the file or its WAL, not even when it is closed (a failed read-write open
    checkpoints a WAL it could not read into the file and deletes it).  An
    ``immutable`` one (read-only too) reads the file alone, without its WAL or locks.

    Raises UserError("error.db_damaged") when the key is right but the file
    does not decrypt (the caller has checked the key against the key slots).
    """
    read_only = read_only or immutable
    if read_only:
        conn = sqlcipher.connect(_read_only_uri(path, immutable=immutable), uri=True,
                                 isolation_level=None, check_same_thread=False)
    else:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        _key_connection(conn, data_key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS[1:] if read_only else PRAGMAS:  # (journal_mode is a write)
            conn.execute(pragma)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise storage_error(exc) from exc
    return conn


def _key_connection(conn: sqlcipher.Connection, data_key: bytes) -> None:
    """``PRAGMA key`` with the raw key; then the two strings that spelled it out are
    overwritten, so that the key is not left behind in freed memory (a str is immutable
    to Python, not to memory: CPython keeps a compact ASCII string's characters at the end
    of its object, which ``sys.getsizeof`` gives).  The statement is run uncached, so no
    cache keeps the string either.  What SQLCipher copies it wipes itself."""
    hex_key = data_key.hex()
    sql = f"PRAGMA key = \"x'{hex_key}'\""
    try:
        conn.executescript(sql)
    finally:
        for text in (sql, hex_key):  # (both made here, held by nothing else)
            ctypes.memset(id(text) + sys.getsizeof(text) - len(text) - 1, ord("0"), len(text))


def _read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return Path(path).resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")


def check_file(paths: VaultPaths) -> None:
    """Is the database there, a file and not empty?  (Nothing is opened.)

    Raises UserError: ``error.db_missing``, ``error.db_not_file``, ``error.db_empty``."""
    import stat

    try:
        info = paths.db.stat()
    except FileNotFoundError:
        raise UserError("error.db_missing", path=str(paths.db)) from None
    except OSError as exc:
        raise storage_error(exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise UserError("error.db_not_file", path=str(paths.db))
    if info.st_size == 0:
        raise UserError("error.db_empty", path=str(paths.db))


def prove(paths: VaultPaths, data_key: bytes) -> None:
    """Before anything opens the database for writing: is it there, a file, not empty,
    and does it (with its WAL) decrypt under ``data_key``?  Only read-only connections
    are used, so a file that fails here is left exactly as it was.

    Raises UserError: ``error.db_not_file``, ``error.db_empty``, ``error.wal_unreadable``
    (the database alone reads, the WAL beside it does not: a foreign or damaged WAL),
    ``error.db_damaged``.
    """
    check_file(paths)
    try:
        connect(paths.db, data_key, read_only=True).close()
        return
    except UserError as exc:
        if exc.key != "error.db_damaged" or not paths.wal.exists():
            raise
    # the database and its WAL do not read together: does the database alone?
    connect(paths.db, data_key, immutable=True).close()  # (error.db_damaged if not)
    raise UserError("error.wal_unreadable", path=str(paths.wal))


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("otdesk.storage.migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return sorted(found)


def _version(conn: sqlcipher.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _latest() -> int:
    return max((n for n, _ in _migrations()), default=0)


def migrate(conn: sqlcipher.Connection) -> int:
    """Bring the schema up to date; each migration is one transaction."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    latest = version
    for number, script in _migrations():
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        latest = number
        log.info("migrated schema to version %d", number)
    known = max((n for n, _ in _migrations()), default=0)
    if latest > known:
        raise UserError("error.db_newer", version=latest)
    return latest


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if sqlcipher.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements


# --- the lock ---------------------------------------------------------------------


def acquire_lock(paths: VaultPaths) -> FileLock:
    # taken on the app's unlock thread, let go on the UI thread
    lock = FileLock(paths.lock, mode=0o600)
    try:
        lock.acquire()
    except LockHeld as exc:
        raise UserError("error.vault_in_use") from exc
    except OSError as exc:
        raise storage_error(exc) from exc
    return lock


# --- create, open, recover ---------------------------------------------------------


def _prepare_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError("error.data_dir", path=str(data_dir)) from exc


def init_vault(
    data_dir: Path,
    *,
    passphrase: str | None = None,
    backend=None,
    escrow_public_pem: bytes | None = None,
) -> InitResult:
    """Create a new vault.  The data key goes to the OS keyring, or, when a
    passphrase is given or no secure keyring works, under the passphrase.

    Order matters for crash safety: the database is built under a temporary
    name, the key slots are written, and only then is the database renamed
    into place (a half-made vault is finished on the next open).
    """
    paths = VaultPaths(Path(data_dir))
    _prepare_dir(paths.data_dir)
    lock = acquire_lock(paths)
    try:
        if paths.exists():
            raise UserError("error.vault_exists", path=str(paths.data_dir))
        if passphrase is not None:
            keyslots.check_passphrase(passphrase)
        store = None if passphrase is not None else secure_keyring(backend)
        if passphrase is None and store is None:
            raise UserError("error.no_keyring_for_init")

        import uuid  # (only here: ~2 ms of every app start otherwise)

        data_key = keyslots.new_data_key()
        slots = keyslots.KeySlots(vault_id=str(uuid.uuid4()), check=keyslots.key_check(data_key))
        code = keyslots.new_recovery_code()
        slots.set_recovery(data_key, code)
        if passphrase is not None:
            slots.set_passphrase(data_key, passphrase)
        if escrow_public_pem:
            slots.set_escrow(data_key, escrow_public_pem)

        paths.db_new.unlink(missing_ok=True)
        try:
            # made here so it is private: SQLite gives -wal and -shm the same mode
            os.close(os.open(paths.db_new, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            conn = connect(paths.db_new, data_key)
            try:
                migrate(conn)
                repo = Repository(conn)
                repo.use_rules(deadlines.DEFAULT_RULES)  # the rules its due dates follow
                repo.index_terms_step()  # (nothing to index: the analysers recorded)
                repo.audit("vault.created")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        except (sqlcipher.Error, OSError) as exc:
            paths.db_new.unlink(missing_ok=True)
            raise storage_error(exc) from exc
        if store is not None:
            keyring_store(store, slots.vault_id, data_key)
        try:
            slots.save(paths.slots)
            os.replace(paths.db_new, paths.db)
            fsync_dir(paths.data_dir)
        except OSError as exc:
            raise storage_error(exc) from exc
        log.info("vault created (keyring=%s, passphrase=%s, escrow=%s)",
                 store is not None, passphrase is not None, bool(escrow_public_pem))
        return InitResult(slots.vault_id, code, store is not None, passphrase is not None)
    finally:
        lock.release()


def read_slots(paths: VaultPaths) -> keyslots.KeySlots:
    """The key slots of an existing vault, or a clear error about what is missing."""
    if not paths.slots.exists():
        if paths.db.exists():
            raise UserError("error.keyslots_missing", path=str(paths.slots))
        raise UserError("error.no_vault", path=str(paths.data_dir))
    slots = keyslots.KeySlots.load(paths.slots)
    if not paths.db.exists():
        if paths.db_new.exists():  # init was interrupted after writing the key slots
            os.replace(paths.db_new, paths.db)
            fsync_dir(paths.data_dir)
        else:
            raise UserError("error.db_missing", path=str(paths.db))
    return slots


def unlock_key(slots: keyslots.KeySlots, *, passphrase: str | None = None, backend=None) -> bytes:
    """The data key: from the passphrase when given, else from the OS keyring."""
    if passphrase is not None:
        return slots.unlock_passphrase(passphrase)
    store = secure_keyring(backend)
    if store is None:
        if slots.has_passphrase():
            raise UserError("error.passphrase_needed")
        raise UserError("error.no_keyring")
    key = keyring_load(store, slots.vault_id)
    if key is None:
        if slots.has_passphrase():
            raise UserError("error.passphrase_needed")
        raise UserError("error.key_missing")
    if keyslots.key_check(key) != slots.check:
        raise UserError("error.key_wrong")
    return key


class Vault:
    """An open vault: the locked data dir and its database connection."""

    def __init__(self, paths: VaultPaths, conn: sqlcipher.Connection,
                 lock: FileLock, slots: keyslots.KeySlots, data_key: bytes) -> None:
        self.paths = paths
        self.conn = conn
        self.slots = slots
        # a bytearray, zeroed on close (a bytes copy made for a connection cannot be)
        self._data_key: bytearray | None = bytearray(data_key)
        self._lock = lock
        self.read_only = False  # see hand_over_writing()
        self.opening_unrecorded = False  # the disk was full when it opened
        self.repository = Repository(conn)
        self.deliveries = Deliveries(self.repository)

    @property
    def vault_id(self) -> str:
        return self.slots.vault_id

    @property
    def data_key(self) -> bytes:
        """The raw key, for a connection of this vault's own (a backup, a salvage)."""
        if self._data_key is None:
            raise UserError("error.storage")
        return bytes(self._data_key)

    def renew_recovery_code(self) -> str:
        """A new recovery code replaces the old one (e.g. after IT's escrow recovery,
        when the old code is lost).  Returns the code, to be shown once."""
        code = keyslots.new_recovery_code()
        self.slots.set_recovery(self.data_key, code)
        try:
            self.slots.save(self.paths.slots)
        except OSError as exc:
            raise storage_error(exc) from exc
        self.repository.audit("vault.recovery_renewed")
        return code

    def open_connection(self, *, read_only: bool = False) -> sqlcipher.Connection:
        """Another connection to this vault: the storage worker's (the one that writes)
        or a reader's (``read_only``)."""
        if self.conn is None:
            raise UserError("error.storage")
        return connect(self.paths.db, self.data_key, read_only=read_only)

    @property
    def suspended(self) -> bool:
        """Locked behind the app's lock screen: no connection, no key (see suspend)."""
        return self._data_key is None and self._lock.is_locked

    def suspend(self) -> None:
        """The app locks (auto-lock): this connection closes and the key is zeroed; the
        data folder stays locked to this process.  Every other connection of the vault
        (the storage worker's, the reader's, a backup's) must be closed first.
        :meth:`resume` opens it again with the key."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._data_key is not None:
            self._data_key[:] = bytes(len(self._data_key))
            self._data_key = None

    def resume(self, data_key: bytes) -> None:
        """Unlocked again: ``data_key`` (from the keyring or the passphrase) must be this
        vault's; the connection opens as :meth:`hand_over_writing` left it, if it did."""
        if keyslots.key_check(data_key) != self.slots.check:
            raise UserError("error.key_wrong")
        conn = connect(self.paths.db, data_key, read_only=self.read_only)
        self.conn = conn
        self._data_key = bytearray(data_key)
        self.repository = Repository(conn)
        self.deliveries = Deliveries(self.repository)

    def hand_over_writing(self) -> None:
        """From now on the storage worker writes (the desktop app): this connection
        only reads, so the process has one writer."""
        self.conn.execute("PRAGMA query_only = ON")
        self.conn.execute("PRAGMA cache_size = -200")  # what it read opening is let go
        self.conn.execute("PRAGMA shrink_memory")
        self.read_only = True

    def close(self) -> None:
        if self.conn is not None:
            try:
                if not self.read_only:  # else the storage worker did this as it stopped
                    self.repository.tidy_index(steps=8)
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except (sqlcipher.Error, UserError):
                pass  # a full disk, say: the WAL stays and is replayed next time
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._data_key is not None:
            self._data_key[:] = bytes(len(self._data_key))
            self._data_key = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_vault(data_dir: Path, *, passphrase: str | None = None, backend=None,
               data_key: bytes | None = None) -> Vault:
    """Open an existing vault; never creates one."""
    paths = VaultPaths(Path(data_dir))
    if not paths.data_dir.is_dir():
        raise UserError("error.no_vault", path=str(paths.data_dir))
    lock = acquire_lock(paths)
    try:
        slots = read_slots(paths)
        if data_key is None:
            data_key = unlock_key(slots, passphrase=passphrase, backend=backend)
        elif keyslots.key_check(data_key) != slots.check:
            raise UserError("error.key_wrong")
        prove(paths, data_key)  # (read-only: a file that fails is left as it was)
        conn = connect(paths.db, data_key)
        try:
            if 0 < _version(conn) < _latest():
                _back_up_before_migrating(paths, data_key)
            migrate(conn)
        except sqlcipher.Error as exc:
            conn.close()
            raise storage_error(exc) from exc
        except BaseException:
            conn.close()
            raise
    except BaseException:
        lock.release()
        raise
    vault = Vault(paths, conn, lock, slots, data_key)
    try:
        vault.repository.audit("vault.opened")
    except UserError as exc:
        if exc.key != "error.disk_full":
            vault.close()
            raise
        # a full disk must not keep anyone from reading: the opening is recorded by the
        # storage worker's first write (writer.BackgroundWriter._start)
        log.warning("vault opened on a full disk; its opening is recorded later")
        vault.opening_unrecorded = True
    except BaseException:
        vault.close()
        raise
    return vault


def _back_up_before_migrating(paths: VaultPaths, data_key: bytes) -> None:
    """The vault as it was, before a new version changes its schema.  A backup that
    cannot be made (a full disk) does not keep the consultant out: each migration is one
    transaction, rolled back when it fails."""
    from otdesk.storage import backups

    try:
        backups.make_backup(paths, data_key, reason="before-migration")
    except UserError as exc:
        log.warning("no backup before migrating: %s", exc.key)


def recover(data_dir: Path, recovery_code: str, *, new_passphrase: str | None = None,
            backend=None) -> str:
    """Unlock with the recovery code, then put the key back in the keyring or
    under a new passphrase.  Returns "keyring" or "passphrase"."""
    return _unlock_and_rekey(data_dir, lambda slots: slots.unlock_recovery(recovery_code),
                             new_passphrase, backend)


def recover_with_passphrase(data_dir: Path, passphrase: str, *, backend=None) -> str:
    """The keyring lost the key of a vault that also has a passphrase: unlock with it
    and put the key back in the keyring.  Returns "keyring"."""
    return _unlock_and_rekey(data_dir, lambda slots: slots.unlock_passphrase(passphrase),
                             None, backend)


def escrow_recover(data_dir: Path, private_pem: bytes, *, new_passphrase: str | None = None,
                   backend=None, password: bytes | None = None) -> str:
    """IT's way back: unlock with the escrow private key, then as :func:`recover`."""
    return _unlock_and_rekey(
        data_dir, lambda slots: slots.unlock_escrow(private_pem, password), new_passphrase,
        backend)


def _unlock_and_rekey(data_dir: Path, unlock, new_passphrase: str | None, backend) -> str:
    """Under the vault's lock: the data key from one of its key slots (``unlock``), then
    :func:`_rekey`."""
    paths = VaultPaths(Path(data_dir))
    lock = acquire_lock(paths)
    try:
        slots = read_slots(paths)
        return _rekey(paths, slots, unlock(slots), new_passphrase, backend)
    finally:
        lock.release()


def _rekey(paths: VaultPaths, slots: keyslots.KeySlots, data_key: bytes,
           new_passphrase: str | None, backend) -> str:
    if new_passphrase is not None:
        slots.set_passphrase(data_key, new_passphrase)
        slots.save(paths.slots)
        _audit_offline(paths, data_key, "vault.passphrase_set")
        return "passphrase"
    store = secure_keyring(backend)
    if store is None:
        raise UserError("error.no_keyring_for_recover")
    keyring_store(store, slots.vault_id, data_key)
    _audit_offline(paths, data_key, "vault.key_restored")
    return "keyring"


def _audit_offline(paths: VaultPaths, data_key: bytes, action: str) -> None:
    """Record a key event in the audit log of a vault whose lock we hold."""
    prove(paths, data_key)
    conn = connect(paths.db, data_key)
    try:
        migrate(conn)
        Repository(conn).audit(action)
    finally:
        conn.close()
