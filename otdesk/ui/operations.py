"""Running an operation on the storage worker and hearing back on the UI thread.

``OperationRunner.run(fn, on_done, on_error)`` queues ``fn(store)`` on the
:class:`~otdesk.storage.writer.BackgroundWriter`; its result (or the
:class:`~otdesk.errors.UserError` that refused it) comes back through a queued
signal, so ``on_done`` / ``on_error`` are called on the UI thread.  No storage
call blocks the UI; no Qt type crosses into storage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class OperationRunner(QObject):
    _arrived = Signal(object, object)  # callback, value

    def __init__(self, writer, parent=None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.closed = False
        self._arrived.connect(self._deliver)

    def run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Any], None], *, saved_first: int | None = None) -> None:
        self.writer.run(fn, on_done=lambda value: self._arrived.emit(on_done, value),
                        on_error=lambda exc: self._arrived.emit(on_error, exc),
                        saved_first=saved_first)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if not self.closed:  # a late answer after the window closed
            callback(value)
