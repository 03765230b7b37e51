"""The garbage collector runs on the UI thread only.

Python collects cyclic garbage on whichever thread happens to allocate when a threshold
is passed.  When that is the storage worker or the reader, and the garbage holds a Qt
object, PySide destroys it there: the worker takes Qt's connection lock and waits for
the interpreter, while the UI thread holds the interpreter and waits for that lock (a
deadlock seen in CI: the reader decoding JSON, the UI thread in ``QLabel.setText``).
Anki does the same for the same reason (``aqt/main.py``, its GC timer).  While a main
window is open, automatic collection is off, and a timer on the UI thread collects: the
young generations often, everything now and then.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the young generations are collected, and how many of those make a full one
YOUNG_MS = 2_000
FULL_EVERY = 30

_holders = 0  # main windows open: automatic collection comes back when the last closes


class UiCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        global _holders
        super().__init__(parent)
        _holders += 1
        gc.disable()
        self._ticks = 0
        self._timer = QTimer(self, interval=YOUNG_MS)
        self._timer.timeout.connect(self._collect)
        self._timer.start()

    def _collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 1)

    def stop(self) -> None:
        """The window is closing: collect once more here, and let Python collect again."""
        global _holders
        if not self._timer.isActive():
            return
        self._timer.stop()
        _holders -= 1
        gc.collect()
        if _holders == 0:
            gc.enable()
