"""Threads that work for the UI yield the processor to it.

The storage worker, the reader and the warm-up imports run beside the UI thread on
machines with as few as two cores.  Given the same weight, a search answered on the
reader while the writer merges the search index left the UI thread waiting for a core
in the middle of a paint (gaps of 20–28 ms where its own work took 11).  Each such
thread lowers its own scheduling priority when it starts; the work still gets every
core the UI thread leaves idle.
"""

from __future__ import annotations

import os
import sys
import threading

#: the nice value of a background thread (0 is the UI thread's; 19 the least)
NICE = 10


def yield_to_the_ui() -> None:
    """Lower the calling thread's priority (Linux, where each thread has its own nice
    value; elsewhere nothing changes)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), NICE))
    except OSError:  # a sandbox that forbids it: the thread runs as it was
        pass
