"""While a main window is open, cyclic garbage is collected on the UI thread only (a
worker thread that collected a Qt object deadlocked the app: otdesk/ui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from conftest import close_window
from otdesk.ui.main_window import MainWindow


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_is_collected_on_the_ui_thread_while_the_window_is_open(qtbot, vault):
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    assert not gc.isenabled()  # no thread collects by itself …
    threads: list[str] = []
    gc.callbacks.append(seen := lambda phase, info: threads.append(
        threading.current_thread().name) if phase == "start" else None)
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # … the window's timer does
    finally:
        gc.callbacks.remove(seen)
    assert threads and set(threads) == {threading.main_thread().name}
    close_window(qtbot, window)
    assert gc.isenabled()  # the last window closed: Python collects as usual again
