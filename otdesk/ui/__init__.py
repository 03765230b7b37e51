"""The Qt desktop front end: thin widgets over the core (otdesk.storage, otdesk.core.domain).

Importing this package makes one of PySide6's import hooks cheaper.  After every import,
PySide6 asks whether the new module mentions "PySide6" (for its opt-in
``from __feature__ import …``, which OT Desk never uses) by reading the module's whole
source through :mod:`linecache`, which keeps every line: 4–5 MiB of the app's start-up
memory, read for nothing.  The same question is answered here from the file's bytes and
nothing is kept; what it read before this package was imported is let go.  (The hook
is ``shibokensupport.feature._mod_uses_pyside``; a PySide6 without it is left as it is.)
"""

from __future__ import annotations

import linecache
import sys

import PySide6.QtCore  # noqa: F401  (installs the hook)


_feature = sys.modules.get("shibokensupport.feature")
#: PySide6's own check (None: this PySide6 has none)
_pyside_check = getattr(_feature, "_mod_uses_pyside", None)


def _uses_pyside(module) -> bool:
    """What PySide6's check answers, without keeping the source."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return _pyside_check(module)  # built in, compiled only, …: PySide6 answers
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:  # no readable file: as PySide6 would say
        return False


if _pyside_check is not None and _pyside_check.__name__ != _uses_pyside.__name__:
    _feature._mod_uses_pyside = _uses_pyside
    linecache.clearcache()  # a traceback that needs a line reads its file again
