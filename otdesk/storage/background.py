"""Threads that work for the UI yield the processor to it.

The storage worker, the reader and the warm-up imports run beside the UI thread on
machines with as few as two cores.  Given the same weight, a search answered on the
reader while the writer merges the search index left the UI thread waiting for a core
in the middle of a paint (gaps of 20–28 ms where its own work took 11).  Each such
thread lowers its own scheduling priority when it starts; the work still gets every
core the UI thread leaves idle.

Python runs one thread at a time (the interpreter lock): a background thread in pure
Python code (rendering a PDF, say) gives the lock up only when another thread has
waited the *switch interval* for it, 5 ms by default. Each wait of the UI thread is
cut to 2 ms once a background thread runs, so a paint or a key is never held up by
more than that at a time.
"""

from __future__ import annotations

import os
import sys
import threading

#: the nice value of a background thread (0 is the UI thread's; 19 the least)
NICE = 10
#: the longest a thread waiting for the interpreter lock waits before it is handed over
SWITCH_INTERVAL_S = 0.002


def yield_to_the_ui() -> None:
    """Lower the calling thread's priority (Linux, where each thread has its own nice
    value; elsewhere nothing changes), and hand the interpreter lock over sooner."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), NICE))
    except OSError:  # a sandbox that forbids it: the thread runs as it was
        pass
