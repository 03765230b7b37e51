"""The vault never destroys itself: an empty, missing or foreign file is an error with
the way back, and a failed open leaves every file of the data folder as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PASSPHRASE, assert_clean_error, cli_env, run_cli
from otdesk.core.domain import Consultation
from otdesk.core.errors import UserError
from otdesk.storage.vault import init_vault, open_vault


def _hashes(folder: Path) -> dict[str, str]:
    """Every file of the data folder but the lock, the log and SQLite's index of the WAL
    (-shm: rebuilt from the WAL, holds no data)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name not in ("otdesk.lock", "otdesk.db-shm") and "logs" not in p.parts}


def _key(fn, *args, **kwargs) -> str:
    with pytest.raises(UserError) as err:
        fn(*args, **kwargs)
    for lang in ("fi", "sv", "en"):
        assert err.value.message(lang)
    return err.value.key


@pytest.fixture
def written(vault, repo, data_dir):
    for i in range(60):
        repo.create(Consultation(question=f"kysymys {i} " + "sisältöä " * 60))
    vault.close()
    return data_dir


def test_a_zero_length_database_is_an_error_never_a_new_vault(written):
    (written / "otdesk.db").write_bytes(b"")
    before = _hashes(written)
    assert _key(open_vault, written, passphrase=PASSPHRASE) == "error.db_empty"
    assert _hashes(written) == before
    assert (written / "otdesk.db").stat().st_size == 0


def test_a_folder_where_the_database_should_be_is_an_error(written):
    (written / "otdesk.db").unlink()
    (written / "otdesk.db").mkdir()
    assert _key(open_vault, written, passphrase=PASSPHRASE) == "error.db_not_file"
    assert (written / "otdesk.db").is_dir()


def _foreign_wal(tmp_path: Path, no_keyring) -> bytes:
    """The WAL of another vault, left by a process that was killed."""
    other = tmp_path / "other"
    init_vault(other, passphrase=PASSPHRASE, backend=no_keyring)
    code = (
        "import os, sys\n"
        "from otdesk.storage.vault import open_vault\n"
        "from otdesk.core.domain import Consultation\n"
        f"v = open_vault({str(other)!r}, passphrase={PASSPHRASE!r})\n"
        "v.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for i in range(30): v.repository.create(Consultation(question='vieras ' * 80))\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code], check=True, env=cli_env(other))
    wal = other / "otdesk.db-wal"
    assert wal.stat().st_size > 0
    return wal.read_bytes()


def test_a_foreign_wal_is_named_and_neither_it_nor_the_database_is_touched(
        written, tmp_path, no_keyring):
    (written / "otdesk.db-wal").write_bytes(_foreign_wal(tmp_path, no_keyring))
    before = _hashes(written)
    assert _key(open_vault, written, passphrase=PASSPHRASE) == "error.wal_unreadable"
    assert _hashes(written) == before  # (a read-write open checkpointed it and deleted it)
    result = run_cli(["--passphrase-stdin", "list"], written, stdin=PASSPHRASE + "\n")
    assert "otdesk.db-wal" in assert_clean_error(result)
    assert _hashes(written) == before


def test_a_damaged_first_page_leaves_the_file_and_its_wal_as_they_were(written):
    path = written / "otdesk.db"
    raw = bytearray(path.read_bytes())
    raw[200:240] = bytes(40)
    path.write_bytes(bytes(raw))
    before = _hashes(written)
    assert _key(open_vault, written, passphrase=PASSPHRASE) == "error.db_damaged"
    assert _hashes(written) == before


def test_the_command_line_says_so_for_an_empty_database(written):
    (written / "otdesk.db").write_bytes(b"")
    result = run_cli(["--passphrase-stdin", "list"], written, stdin=PASSPHRASE + "\n")
    line = assert_clean_error(result)
    assert "otdesk backup restore" in line
    assert (written / "otdesk.db").stat().st_size == 0


def test_the_app_process_can_not_dump_core(written, tmp_path):
    """/proc/<pid>/limits of the running desktop app: no core file, whatever the shell set."""
    env = cli_env(written, QT_QPA_PLATFORM="offscreen",
                  PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.Popen([sys.executable, "-m", "otdesk", "--passphrase-stdin"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env,
                            preexec_fn=lambda: __import__("resource").setrlimit(
                                __import__("resource").RLIMIT_CORE, (-1, -1)))
    try:
        proc.stdin.write((PASSPHRASE + "\n").encode())
        proc.stdin.flush()
        limits = ""
        for _ in range(100):
            limits = Path(f"/proc/{proc.pid}/limits").read_text()
            if "Max core file size        0                    0" in limits:
                break
            time.sleep(0.05)
        line = next(x for x in limits.splitlines() if x.startswith("Max core file size"))
        assert line.split()[4:6] == ["0", "0"], line
        # not dumpable: /proc/<pid>/ of the app then belongs to root, whoever runs it
        status = Path(f"/proc/{proc.pid}/status").read_text()
        assert proc.poll() is None, "the app ended before it was looked at"
        assert "State:" in status
    finally:
        proc.kill()
        proc.wait()


def test_forbid_core_dumps_makes_the_process_undumpable():
    code = ("from otdesk.dumps import forbid_core_dumps\n"
            "import ctypes, resource\n"
            "assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) == 1\n"
            "assert forbid_core_dumps()\n"
            "assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) == 0\n"  # PR_GET_DUMPABLE
            "assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_vault_opened_on_one_thread_and_closed_on_another_can_be_opened_again(written):
    """The app opens on its unlock thread and closes on the UI thread: the lock goes."""
    import threading

    opened = []
    thread = threading.Thread(target=lambda: opened.append(
        open_vault(written, passphrase=PASSPHRASE)))
    thread.start()
    thread.join()
    opened[0].close()
    with open_vault(written, passphrase=PASSPHRASE) as again:
        assert again.repository.count() == 60


def test_a_foreign_wal_set_aside_by_the_dialogs_repair_lets_the_vault_open(
        written, tmp_path, no_keyring):
    from otdesk.storage import repair

    foreign = _foreign_wal(tmp_path, no_keyring)
    (written / "otdesk.db-wal").write_bytes(foreign)
    told = repair.repair(written, "set_wal_aside", passphrase=PASSPHRASE, lang="fi",
                         backend=no_keyring)
    assert "set-aside" in told
    kept = list((written / "set-aside").rglob("otdesk.db-wal"))
    assert len(kept) == 1 and kept[0].read_bytes() == foreign  # set aside, not deleted
    with open_vault(written, passphrase=PASSPHRASE) as v:
        assert v.repository.count() == 60
