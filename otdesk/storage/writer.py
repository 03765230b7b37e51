"""The storage worker: the one connection that writes, on a thread of its own.

In the desktop app every write goes through here, in order, so typing never waits
for the disk and the process has one writer.  The editor hands a snapshot of the
consultation to :meth:`BackgroundWriter.submit` after every change; the writer
stores the newest snapshot of each consultation (WAL lets the reader's connection
keep reading), and calls back ``on_saved`` or ``on_error`` from its thread.  After
every write it tells ``on_changed`` what changed (:class:`~otdesk.storage.changes.Changes`).  When the consultant pauses,
it tidies the search index.  A write that failed (a full disk, say) is tried
again every few seconds until it succeeds or a newer snapshot replaces it, so
what is on screen reaches the disk as soon as it can.  No Qt here: the UI turns
the callbacks into signals.

Besides autosaves the writer runs *operations* (:meth:`BackgroundWriter.run`), in
the order they were asked for and each after every snapshot submitted before it:
an edit typed just before "Print" is in the printed summary.  An operation that
needs a consultation's edits on disk (``saved_first``) is refused while the disk
refuses them.
"""

from __future__ import annotations

import collections
import copy
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from otdesk.core.domain import Consultation
from otdesk.storage.background import yield_to_the_ui
from otdesk.core.errors import UserError
from otdesk.storage import listing
from otdesk.storage.changes import Changes
from otdesk.storage.deliveries import Deliveries
from otdesk.storage.experts import ExpertDirectory
from otdesk.storage.repository import Repository

log = logging.getLogger(__name__)

#: seconds of quiet after which the search index is tidied
IDLE_TIDY_SECONDS = 2.0
#: the pause between two idle steps that index an existing vault's search terms, and
#: before the first (the start-up, its paint and warm-ups, comes first; so does Voikko)
TERMS_PAUSE_SECONDS, TERMS_START_SECONDS = 0.1, 3.0
#: seconds between tries of a write that failed
RETRY_SECONDS = 5.0
#: the writer's page cache (KiB): a write touches a few pages of a few indexes (the
#: build's default, 8 MB, only kept what the start-up had read)
WRITER_CACHE_KIB = 2_000


@dataclass
class Store:
    """What an operation gets: the writer's own repository, deliveries and directory."""

    repository: Repository
    deliveries: Deliveries
    directory: ExpertDirectory


@dataclass
class _Operation:
    fn: Callable[[Store], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[UserError], None]
    saved_first: int | None


class BackgroundWriter:
    def __init__(self, vault, *, on_saved: Callable[[Consultation], None] | None = None,
                 on_error: Callable[[int, UserError], None] | None = None,
                 on_changed: Callable[[Changes], None] | None = None,
                 actor: str | None = None, rules=None, expert_defaults=None) -> None:
        self._vault = vault
        self._actor = actor
        self._rules = rules  # deadline rules for the stored due dates (None: as stored)
        self._expert_defaults = expert_defaults
        self._on_changed = on_changed or (lambda changes: None)
        self._ops: collections.deque[_Operation] = collections.deque()
        self._errors: dict[int, UserError] = {}
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

    def run(self, fn: Callable[[Store], Any], *, on_done: Callable[[Any], None],
            on_error: Callable[[UserError], None], saved_first: int | None = None) -> None:
        """Queue ``fn(store)`` after everything submitted so far; its result goes to
        ``on_done``, a refusal to ``on_error`` (both called on the writer's thread).

        ``saved_first``: a consultation whose edits must be on disk first; a write of
        it that failed is tried once more, and if it fails again ``fn`` is not run.
        """
        with self._cond:
            if saved_first is not None and saved_first in self._failed:
                self._pending.setdefault(saved_first, self._failed.pop(saved_first))
            self._ops.append(_Operation(fn, on_done, on_error, saved_first))
            self._cond.notify()

    def set_actor(self, actor: str) -> None:
        """Who the writer's audit rows and deliveries name from now on."""
        with self._cond:
            self._actor = actor
            self._cond.notify()

    def flush(self, timeout: float = 10.0) -> bool:
        """Store everything submitted now (failed writes are tried once more) and wait.

        True when everything is stored; False when something failed again or the
        time ran out (what failed stays queued and is tried again later).
        """
        deadline = time.monotonic() + timeout
        self.retry()
        with self._cond:
            while self._pending or self._busy or self._ops:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return not self._failed

    def retry(self) -> None:
        """Try every write that failed again now (closing, say)."""
        with self._cond:
            for cid, c in self._failed.items():
                self._pending.setdefault(cid, c)
            self._failed.clear()
            self._cond.notify()

    def unsaved(self) -> set[int]:
        with self._cond:
            return set(self._pending) | set(self._failed)

    def idle(self) -> bool:
        """Nothing queued, nothing being written (a failed write waits to be tried again:
        see :meth:`unsaved`)."""
        with self._cond:
            return not (self._pending or self._ops or self._busy)

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
        yield_to_the_ui()
        conn = None
        while conn is None:  # the vault is open, so this fails only with the disk or the OS
            try:
                conn = self._vault.open_connection()
                conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            except Exception as exc:
                error = exc if isinstance(exc, UserError) else UserError("error.storage")
                log.error("writer: no connection: %s", getattr(exc, "key", type(exc).__name__))
                if self._refuse_all(error):
                    return
        repo = Repository(conn, self._actor)
        store = Store(repo, Deliveries(repo),
                      ExpertDirectory(conn, defaults=self._expert_defaults, repository=repo))
        tidy_due = False
        terms_left = True  # (an existing vault's search terms: indexed in idle steps)
        terms_at = time.monotonic() + TERMS_START_SECONDS
        self._start(store)
        try:
            while True:
                with self._cond:
                    if not self._pending and not self._ops and not self._closing:
                        wait = RETRY_SECONDS if self._failed else (
                            max(0.0, terms_at - time.monotonic()) if terms_left else
                            IDLE_TIDY_SECONDS if tidy_due else None)
                        self._cond.wait(wait)
                    if self._closing and not self._pending and not self._ops:
                        return
                    if not self._pending and not self._ops and self._failed:
                        self._pending, self._failed = dict(self._failed), {}
                    batch, self._pending = self._pending, {}
                    op = self._ops.popleft() if self._ops and not batch else None
                    self._busy = bool(batch) or op is not None
                    if self._actor:
                        repo.actor = self._actor
                if batch:
                    tidy_due = self._store(repo, batch) or tidy_due
                elif op is not None:
                    self._operate(store, op)
                    tidy_due = True
                elif terms_left and not self._closing and time.monotonic() >= terms_at:
                    terms_left = self._index_terms(repo)
                    terms_at = time.monotonic() + TERMS_PAUSE_SECONDS
                    tidy_due = True
                elif tidy_due:
                    self._tidy(repo)
                    tidy_due = False
                self._tell_changes(repo)
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
        finally:
            self._finish(repo)
            conn.close()

    def _refuse_all(self, error: UserError) -> bool:
        """Without a connection: what is queued is refused now (the snapshots stay, to be
        stored when the connection opens); then wait to try again.  True when closing."""
        with self._cond:
            batch, self._pending = self._pending, {}
            ops, self._ops = list(self._ops), collections.deque()
            self._failed.update(batch)
            self._errors.update(dict.fromkeys(batch, error))
        for cid in batch:
            self._safely(lambda e, cid=cid: self._on_error(cid, e), error)
        for op in ops:
            self._safely(op.on_error, error)
        with self._cond:
            self._cond.notify_all()
            if not self._closing:
                self._cond.wait(RETRY_SECONDS)
            return self._closing

    def _start(self, store: Store) -> None:
        """Before the first write: the expert directory seeded, a label for every code in
        the vault, the stored due dates as these rules and this holiday data give them."""
        with self._cond:
            self._busy = True
        try:
            if getattr(self._vault, "opening_unrecorded", False):
                store.repository.audit("vault.opened", outcome="recorded late: disk was full")
                self._vault.opening_unrecorded = False
            store.directory.ensure_seeded()
            # every status and category as this version words them, and a label for
            # codes in the vault it does not know
            store.repository.refresh_labels(listing.label_rows(store.repository.conn))
            if self._rules is not None:
                store.repository.use_rules(self._rules)
        except UserError as exc:  # a full disk, say: the list sorts and counts as stored
            log.warning("writer: start: %s", exc.key)
        except Exception as exc:
            log.error("writer: start: %s", type(exc).__name__)
        self._tell_changes(store.repository)
        with self._cond:
            self._busy = False
            self._cond.notify_all()

    def _tell_changes(self, repo: Repository) -> None:
        changes = repo.changes.take()
        if changes:
            self._safely(self._on_changed, changes)

    @staticmethod
    def _finish(repo: Repository) -> None:
        """Stopping: merge the search index and fold the WAL into the database."""
        try:
            repo.tidy_index(steps=8)
            repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:
            pass  # a full disk, say: the WAL stays and is replayed next time

    def _store(self, repo: Repository, batch: dict[int, Consultation]) -> bool:
        """Write the snapshots; True when at least one was stored."""
        stored = False
        for cid, snapshot in batch.items():
            try:
                repo.update(snapshot)
            except Exception as exc:  # keep the snapshot; tell the UI
                error = exc if isinstance(exc, UserError) else UserError("error.storage")
                if not isinstance(exc, UserError):
                    log.error("writer: unexpected %s", type(exc).__name__)
                with self._cond:
                    if cid not in self._pending:
                        self._failed[cid] = snapshot
                    self._errors[cid] = error
                self._safely(lambda e: self._on_error(cid, e), error)
            else:
                stored = True
                with self._cond:
                    self._errors.pop(cid, None)
                self._safely(self._on_saved, snapshot)
        return stored

    def _operate(self, store: Store, op: _Operation) -> None:
        with self._cond:
            refused = op.saved_first is not None and op.saved_first in self._failed
            reason = self._errors.get(op.saved_first) if refused else None
        try:
            if refused:
                raise UserError("error.delivery_unsaved", reason=reason or UserError(
                    "error.storage"))
            result = op.fn(store)
        except UserError as exc:
            self._safely(op.on_error, exc)
        except Exception as exc:
            log.error("writer: operation failed: %s", type(exc).__name__)
            self._safely(op.on_error, UserError("error.storage"))
        else:
            self._safely(op.on_done, result)

    @staticmethod
    def _safely(callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception as exc:  # a callback's fault must not stop the writer
            log.error("writer: callback failed: %s", type(exc).__name__)

    @staticmethod
    def _index_terms(repo: Repository) -> bool:
        """One idle step of indexing the search terms; True while more are left (a disk
        that refuses it: the next start goes on from where this one stopped)."""
        try:
            return repo.index_terms_step()
        except UserError as exc:
            log.warning("writer: search terms: %s", exc.key)
            return False
        except Exception as exc:  # an analyser that failed: the letters still find
            log.error("writer: search terms: %s", type(exc).__name__)
            return False

    @staticmethod
    def _tidy(repo: Repository) -> None:
        try:
            repo.tidy_index(steps=4)
        except UserError:
            pass  # tidying can wait for the next pause
