"""The UI's way to storage: writes on the storage worker, reads on the reader, answers
back on the UI thread.

``runner.run(fn, on_done, on_error)`` queues ``fn(store)`` on the
:class:`~otdesk.storage.writer.BackgroundWriter` (the one connection that writes, in
order after every autosave before it); ``runner.read(fn, on_done, on_error, key=…)``
asks the :class:`~otdesk.storage.reader.BackgroundReader` (a read-only connection;
the newest question with a key wins).  Results and the
:class:`~otdesk.core.errors.UserError` that refused them come back through a queued
signal, so ``on_done`` / ``on_error`` run on the UI thread; so do the writer's
``saved`` / ``failed`` and every ``changed`` (:class:`~otdesk.storage.changes.Changes`).
No storage call blocks the UI; no Qt type crosses into storage.

When the app locks, :meth:`OperationRunner.suspend` stores what is queued and closes
both connections; what is asked meanwhile waits in order, and :meth:`resume` opens
them again and hands it on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from otdesk.storage.reader import BackgroundReader
from otdesk.storage.writer import BackgroundWriter


class OperationRunner(QObject):
    _arrived = Signal(object, object)  # callback, value
    #: an autosave was stored (the snapshot)
    saved = Signal(object)
    #: an autosave failed (consultation id, UserError); it is tried again
    failed = Signal(int, object)
    #: what a write changed (Changes)
    changed = Signal(object)
    #: a read or a write found the database file damaged (the UserError; said once)
    damaged = Signal(object)

    def __init__(self, vault, *, actor: str | None = None, rules=None, expert_defaults=None,
                 parent=None) -> None:
        super().__init__(parent)
        self.closed = False
        self._damage_told = False
        self._arrived.connect(self._deliver)
        self._vault = vault
        self._writer_args = dict(on_saved=self.saved.emit, on_error=self._save_failed,
                                 on_changed=self.changed.emit, actor=actor, rules=rules,
                                 expert_defaults=expert_defaults)
        self._suspension = threading.Lock()
        self._held: list[Callable[[], None]] | None = None  # asked while suspended
        self.writer = BackgroundWriter(vault, **self._writer_args)
        self.reader = BackgroundReader(vault)

    def run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Any], None], *, saved_first: int | None = None) -> None:
        """A write (or a read that must follow the writes before it) on the worker."""
        self._pass(lambda: self.writer.run(
            fn, on_done=lambda value: self._arrived.emit(on_done, value),
            on_error=lambda exc: self._arrived.emit(on_error, exc), saved_first=saved_first))

    def read(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Any], None], *, key: str | None = None) -> None:
        """A read on the reader's connection; with ``key`` the newest one wins."""
        self._pass(lambda: self.reader.ask(
            fn, on_done=lambda value: self._arrived.emit(on_done, value),
            on_error=lambda exc: self._arrived.emit(on_error, exc), key=key))

    def submit(self, consultation) -> None:
        """An autosave: ``consultation`` as it is when the writer takes it (a copy) is
        stored."""
        self._pass(lambda: self.writer.submit(consultation))

    def set_actor(self, actor: str) -> None:
        """Who the audit rows and deliveries name from now on."""
        self._writer_args["actor"] = actor
        self._pass(lambda: self.writer.set_actor(actor))

    def _pass(self, ask: Callable[[], None]) -> None:
        with self._suspension:
            if self._held is not None:
                self._held.append(ask)  # handed on by resume()
                return
        ask()

    # -- locking ---------------------------------------------------------------------------

    @property
    def suspended(self) -> bool:
        with self._suspension:
            return self._held is not None

    def suspend(self, timeout: float = 5.0) -> bool:
        """Store everything queued, then close both connections (not on the UI thread: it
        waits for the disk).  False, with everything still open, when the disk refused a
        write within ``timeout`` (the writer goes on trying; ask again)."""
        if not self.writer.flush(timeout):
            return False
        with self._suspension:
            self._held = []  # from now on what is asked waits for resume()
        if not self.writer.flush(timeout):  # (asked between the two)
            self._resume_holding()
            return False
        self.reader.close(timeout)
        self.writer.close(timeout)
        return True

    def resume(self) -> None:
        """The vault is open again: new connections, and what was asked meanwhile."""
        self.writer = BackgroundWriter(self._vault, **self._writer_args)
        self.reader = BackgroundReader(self._vault)
        self._resume_holding()

    def _resume_holding(self) -> None:
        with self._suspension:
            held, self._held = self._held or [], None
        for ask in held:
            ask()

    def close(self, timeout: float = 5.0) -> bool:
        """Stop both threads (the writer stores what is queued first); True when
        nothing was left unsaved.  Late answers are dropped."""
        self.reader.close(timeout)
        saved = self.writer.close(timeout)
        self.closed = True
        return saved

    def _save_failed(self, consultation_id: int, error: Any) -> None:  # (the worker's thread)
        self.failed.emit(consultation_id, error)
        self._arrived.emit(self._check_damage, error)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if not self.closed:  # a late answer after the window closed
            callback(value)
            self._check_damage(value)

    def _check_damage(self, value: Any) -> None:
        if getattr(value, "key", None) == "error.db_damaged" and not self._damage_told:
            self._damage_told = True
            self.damaged.emit(value)
