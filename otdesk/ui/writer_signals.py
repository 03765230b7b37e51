"""The background writer's callbacks, as Qt signals delivered on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class WriterSignals(QObject):
    saved = Signal(object)
    failed = Signal(int, object)
