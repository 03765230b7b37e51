"""Saving on a thread of its own, so that typing never waits for the disk.

The editor hands a snapshot of the consultation to :meth:`BackgroundWriter.submit`
after every change; the writer stores the newest snapshot of each consultation
on its own connection (WAL lets the UI's connection keep reading), and calls
back ``on_saved`` or ``on_error`` from its thread.  When the consultant pauses,
it tidies the search index.  A write that failed (a full disk, say) is tried
again every few seconds until it succeeds or a newer snapshot replaces it, so
what is on screen reaches the disk as soon as it can.  No Qt here: the UI turns
the callbacks into signals.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable

from otdesk.domain import Consultation
from otdesk.errors import UserError
from otdesk.storage.repository import Repository

log = logging.getLogger(__name__)

#: seconds of quiet after which the search index is tidied
IDLE_TIDY_SECONDS = 2.0
#: seconds between tries of a write that failed
RETRY_SECONDS = 5.0


class BackgroundWriter:
    def __init__(self, vault, *, on_saved: Callable[[Consultation], None] | None = None,
                 on_error: Callable[[int, UserError], None] | None = None) -> None:
        self._vault = vault
        self._on_saved = on_saved or (lambda c: None)
        self._on_error = on_error or (lambda cid, e: None)
        self._pending: dict[int, Consultation] = {}
        self._failed: dict[int, Consultation] = {}
        self._busy = False
        self._closing = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="otdesk-writer", daemon=True)
        self._thread.start()

    # -- the UI's side ------------------------------------------------------------------

    def submit(self, consultation: Consultation) -> None:
        """Queue a copy of ``consultation`` to be stored (replacing an older queued one)."""
        if consultation.id is None:
            raise ValueError("create the consultation first")
        snapshot = copy.deepcopy(consultation)
        with self._cond:
            self._pending[snapshot.id] = snapshot
            self._failed.pop(snapshot.id, None)
            self._cond.notify()

    def flush(self, timeout: float = 10.0) -> bool:
        """Store everything submitted now (failed writes are tried once more) and wait.

        True when everything is stored; False when something failed again or the
        time ran out (what failed stays queued and is tried again later).
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            for cid, c in self._failed.items():
                self._pending.setdefault(cid, c)
            self._failed.clear()
            self._cond.notify()
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return not self._failed

    def unsaved(self) -> set[int]:
        with self._cond:
            return set(self._pending) | set(self._failed)

    def close(self, timeout: float = 10.0) -> bool:
        """Store what is queued, then stop. True when nothing was left unsaved."""
        saved = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout)
        return saved

    # -- the writer's side -----------------------------------------------------------

    def _run(self) -> None:
        conn = self._vault.open_connection()
        repo = Repository(conn)
        tidy_due = False
        try:
            while True:
                with self._cond:
                    if not self._pending and not self._closing:
                        wait = RETRY_SECONDS if self._failed else (
                            IDLE_TIDY_SECONDS if tidy_due else None)
                        self._cond.wait(wait)
                    if self._closing and not self._pending:
                        return
                    if not self._pending and self._failed:
                        self._pending, self._failed = dict(self._failed), {}
                    batch, self._pending = self._pending, {}
                    self._busy = bool(batch)
                if not batch:
                    if tidy_due:
                        self._tidy(repo)
                        tidy_due = False
                    continue
                for cid, snapshot in batch.items():
                    try:
                        repo.update(snapshot)
                    except UserError as exc:
                        with self._cond:
                            if cid not in self._pending:
                                self._failed[cid] = snapshot
                        self._on_error(cid, exc)
                    except Exception as exc:  # keep the snapshot; tell the UI
                        log.error("writer: unexpected %s", type(exc).__name__)
                        with self._cond:
                            if cid not in self._pending:
                                self._failed[cid] = snapshot
                        self._on_error(cid, UserError("error.storage"))
                    else:
                        tidy_due = True
                        self._on_saved(snapshot)
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
        finally:
            conn.close()

    @staticmethod
    def _tidy(repo: Repository) -> None:
        try:
            repo.tidy_index(steps=4)
        except UserError:
            pass  # tidying can wait for the next pause
