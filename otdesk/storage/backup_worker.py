"""The backup worker: :func:`otdesk.storage.backups.make_backup` on a thread of its own.

The desktop app asks for a backup when it closes, after every two hours of editing
(:func:`otdesk.storage.backups.due`), after a delivery commits and before a migration
or a restore.  Asking never waits: :meth:`BackupWorker.request` notes the wish and
returns.  Wishes coalesce — one asked while a backup runs, or while one is already
waiting, makes at most one more backup after it (with the newest wish's reason) — so a
burst of deliveries costs one backup, not one each.

The backup reads the vault through a read-only connection of its own, so the storage
worker keeps writing meanwhile (WAL).  ``on_done(info, error)`` is called on this
thread after each one: ``(info, None)`` a verified backup, ``(info, error)`` the local
backup is good but its copy to the policy's backup folder failed, ``(None, error)``
no backup (the error is a :class:`~otdesk.core.errors.UserError` to show).  The UI
turns it into a queued signal.  No Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from otdesk.core import dates
from otdesk.core.errors import UserError
from otdesk.storage import backups
from otdesk.storage.background import yield_to_the_ui
from otdesk.storage.vault import VaultPaths

log = logging.getLogger(__name__)

OnDone = Callable[["backups.BackupInfo | None", "BaseException | None"], None]


class BackupWorker:
    """One daemon thread that makes the backups the app asks for, one at a time."""

    def __init__(self, paths: VaultPaths, data_key: bytes, *, backup_dir: Path | None = None,
                 on_done: OnDone | None = None) -> None:
        self._paths = paths
        self._key = bytearray(data_key)  # zeroed when the worker stops (close)
        self._backup_dir = Path(backup_dir) if backup_dir is not None else None
        self._on_done = on_done
        self._cond = threading.Condition()
        self._pending: str | None = None
        self._running = False
        self._closing = False
        #: when the newest good backup was made (aware); None until one is known
        self.last_success: dt.datetime | None = None
        #: the error of the last backup asked for, None after a good one
        self.last_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="otdesk-backup", daemon=True)
        self._thread.start()

    # -- the caller's side -------------------------------------------------------------

    def request(self, reason: str) -> bool:
        """Ask for a backup (``reason``: "close", "interval", "delivery", …).  Returns
        at once; False when the worker is closing and takes no more."""
        with self._cond:
            if self._closing:
                return False
            self._pending = reason  # a waiting one is replaced: they coalesce
            self._cond.notify()
        return True

    @property
    def busy(self) -> bool:
        """A backup runs or waits."""
        with self._cond:
            return self._running or self._pending is not None

    @property
    def closed(self) -> bool:
        """Closed: it takes no more backups (a new worker is needed)."""
        with self._cond:
            return self._closing

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until nothing runs or waits (tests, and the app before a restore)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._running and self._pending is None,
                                       timeout)

    def close(self, timeout: float = 60.0) -> bool:
        """Finish the backup running and the one waiting, then stop.  True when the
        thread ended within ``timeout`` seconds."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        if self._thread.is_alive():
            return False
        self._key[:] = bytes(len(self._key))
        return True

    # -- the worker's side -------------------------------------------------------------

    def _run(self) -> None:
        yield_to_the_ui()
        try:
            newest = backups.newest_good(self._paths)
            if newest is not None:
                self.last_success = newest.created
        except UserError as exc:
            log.warning("backup worker: backups not listed (%s)", exc.key)
        while True:
            with self._cond:
                while self._pending is None and not self._closing:
                    self._cond.wait()
                if self._pending is None:
                    return
                reason, self._pending = self._pending, None
                self._running = True
            info: backups.BackupInfo | None = None
            error: BaseException | None = None
            try:
                info = backups.make_backup(self._paths, bytes(self._key), reason=reason,
                                           backup_dir=self._backup_dir, now=dates.now())
                self.last_success = info.created
                error = info.copy_error
            except UserError as exc:
                error = exc
            except Exception as exc:  # never let the thread die: report and go on
                log.error("backup worker: unexpected %s", type(exc).__qualname__)
                error = exc
            self.last_error = error
            if self._on_done is not None:
                try:
                    self._on_done(info, error)
                except Exception as exc:  # a callback's fault must not stop the backups
                    log.error("backup worker: on_done raised %s", type(exc).__qualname__)
            with self._cond:
                self._running = False
                self._cond.notify_all()
