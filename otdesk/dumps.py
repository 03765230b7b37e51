"""Keep the data key, the passphrase and consultation text out of crash dumps.

A core dump of the running app holds everything in its memory: the raw data key, the
key as hex in SQLCipher's buffers, the passphrase, the text on screen.  So at start-up
(:func:`forbid_core_dumps`, called first thing by the command line and the app):

* Linux: ``RLIMIT_CORE`` 0 (no core file) and ``prctl(PR_SET_DUMPABLE, 0)`` (no core
  through a ``core_pattern`` pipe such as systemd-coredump or apport either, and no
  other process of the same user may attach a debugger or read ``/proc/<pid>/mem``);
* macOS: ``RLIMIT_CORE`` 0 as well (cores go to /cores only when that limit allows);
* Windows: nothing is done in code.  Windows Error Reporting writes a minidump only
  when IT has configured ``LocalDumps`` for the program; ``packaging/README.md`` says
  to leave OT Desk out of it.

What Python cannot promise: a ``bytes`` or ``str`` cannot be wiped, the interpreter
may have copied a secret before it was wiped, and swap may hold pages of it (use an
encrypted swap, as IT's disk encryption gives).
"""

from __future__ import annotations

import sys

_PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> bool:
    """Best effort; True when every step this platform has was taken."""
    if sys.platform == "win32":
        return True
    done = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        done = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            done = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 and done
        except (OSError, AttributeError):
            done = False
    return done

