"""One process at a time per data dir: an exclusive, non-blocking lock on a file.

The operating system's own advisory lock — ``flock`` on Linux and macOS, ``LockFileEx``
through ``msvcrt.locking`` on Windows — held on an open descriptor of ``otdesk.lock``.
The system lets go of it when the process ends, however it ends (a kill, a crash), so a
lock is never left behind. Two descriptors conflict even in one process, so a second
open of the same vault in the same process is refused too.

This used the ``filelock`` package before; its version 4 imports 25 modules (decimal,
platform, five dataclasses) for ~15–25 ms of every start of the app (issue 9's start-up
budget), for what is here one system call each way.
"""

from __future__ import annotations

import errno
import os
import sys


class LockHeld(Exception):
    """Another process (or another open in this one) holds the lock."""


class FileLock:
    """``acquire()`` takes the lock or raises LockHeld (never waits); ``release()`` lets
    it go and may be called from any thread, and more than once."""

    def __init__(self, path: os.PathLike | str, mode: int = 0o600) -> None:
        self.path = os.fspath(path)
        self.mode = mode
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """LockHeld when it is held elsewhere; OSError when the file cannot be opened."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), self.mode)
        try:
            _lock(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError:
            pass  # closing the descriptor lets it go in any case
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte; the file may be empty
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):  # locked by another descriptor
                raise LockHeld() from exc
            raise

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise LockHeld() from exc
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
