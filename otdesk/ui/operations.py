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
"""

from __future__ import annotations

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
        self.writer = BackgroundWriter(vault, on_saved=self.saved.emit,
                                       on_error=self._save_failed,
                                       on_changed=self.changed.emit, actor=actor, rules=rules,
                                       expert_defaults=expert_defaults)
        self.reader = BackgroundReader(vault)

    def run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Any], None], *, saved_first: int | None = None) -> None:
        """A write (or a read that must follow the writes before it) on the worker."""
        self.writer.run(fn, on_done=lambda value: self._arrived.emit(on_done, value),
                        on_error=lambda exc: self._arrived.emit(on_error, exc),
                        saved_first=saved_first)

    def read(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Any], None], *, key: str | None = None) -> None:
        """A read on the reader's connection; with ``key`` the newest one wins."""
        self.reader.ask(fn, on_done=lambda value: self._arrived.emit(on_done, value),
                        on_error=lambda exc: self._arrived.emit(on_error, exc), key=key)

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
