"""SQLCipher and OS errors, turned into messages a user can act on."""

from __future__ import annotations

from otdesk.core.errors import UserError


def storage_error(exc: Exception) -> UserError:
    """Turn a SQLCipher/OS error into a clear message (nothing from the data in it)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text or getattr(exc, "errno", 0) == 28:
        return UserError("error.disk_full")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")) or \
            isinstance(exc, PermissionError):
        return UserError("error.no_write_access")
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return UserError("error.vault_busy")
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return UserError("error.db_damaged")
    if name.startswith("SQLITE_IOERR") or isinstance(exc, OSError):
        return UserError("error.io")
    return UserError("error.storage")
