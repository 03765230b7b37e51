"""The vault's lock (otdesk/storage/file_lock.py): one holder at a time, let go on release
and when the holder's process ends."""

import os
import stat
import subprocess
import sys
import textwrap

import pytest

from otdesk.storage.file_lock import FileLock, LockHeld


def test_one_holder_at_a_time_even_in_one_process(tmp_path):
    path = tmp_path / "otdesk.lock"
    first, second = FileLock(path), FileLock(path)
    first.acquire()
    assert first.is_locked
    with pytest.raises(LockHeld):
        second.acquire()
    assert not second.is_locked
    first.release()
    first.release()  # (twice is harmless)
    second.acquire()
    assert second.is_locked
    second.release()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_lock_goes_with_the_process_that_held_it(tmp_path):
    path = tmp_path / "otdesk.lock"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from otdesk.storage.file_lock import FileLock
        FileLock({str(path)!r}).acquire()
        print("held", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld):
            FileLock(path).acquire()
    finally:
        holder.kill()
        holder.wait(timeout=10)
    lock = FileLock(path)
    lock.acquire()  # the killed process's lock is gone with it
    lock.release()
