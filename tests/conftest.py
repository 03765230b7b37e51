"""Shared fixtures: vaults in temporary folders, the real OS keyring, the CLI.

With CI=true a skipped test counts as failed: CI must prove everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backends import fail

from otdesk.storage import keyring_store, keyslots
from otdesk.storage.vault import init_vault, open_vault

IN_CI = os.environ.get("CI", "").lower() == "true"
PASSPHRASE = "oikea hevonen patteri"


def require(condition: bool, why: str) -> None:
    """Skip for a missing system service, but never in CI."""
    if not condition:
        if IN_CI:
            pytest.fail(f"CI must provide this: {why}")
        pytest.skip(why)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (not allowed): {report.longrepr}"


def database_at_schema(data_dir: Path, key: bytes, version: int):
    """The vault's database made anew as an older OT Desk made it: the migrations up to
    ``version`` only (an open connection; the caller fills it and closes it)."""
    from otdesk.storage.vault import _migrations, _split_sql, connect

    (data_dir / "otdesk.db").unlink()
    conn = connect(data_dir / "otdesk.db", key)
    for number, script in _migrations():
        if number <= version:
            for statement in _split_sql(script):
                conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def close_window(qtbot, window) -> None:
    """Close the main window as Ctrl+Q does, and wait until it has stored everything."""
    window.close()
    qtbot.waitUntil(lambda: window._closed, timeout=15000)


def open_in_editor(qtbot, window, consultation_id: int) -> None:
    """Open a consultation (as activating its line does) and wait until it is shown."""
    window.open_consultation(consultation_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.editor
                    and window.editor.c is not None and window.editor.c.id == consultation_id,
                    timeout=5000)


def wait_for_editor(qtbot, window) -> None:
    """After Ctrl+N / the New button: wait until the new consultation is in the editor."""
    qtbot.waitUntil(lambda: window._editor is not None and window.editor.c is not None
                    and window.stack.currentWidget() is window.editor, timeout=5000)


def wait_for_list(qtbot, lst, count: int | None = None) -> None:
    """Wait until the list shows the answer to its current query (``count`` lines), every
    id known and the first screen read."""
    def ready():
        n = lst.model.rowCount()
        return (count is None or n == count) and (n == 0 or lst.model.id_at(n - 1)
                                                  is not None) and all(
            lst.model.line(i) is not None for i in range(min(n, 50)))
    qtbot.waitUntil(ready, timeout=5000)


@pytest.fixture
def finnish(qapp):
    """The Finnish translations installed, as run_app does (and taken out afterwards)."""
    from PySide6.QtCore import QLocale

    from otdesk.ui.i18n import install_translators

    before = QLocale()
    installed = install_translators(qapp, "fi")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def no_keyring():
    """A real keyring backend that refuses everything: 'no keyring works here'."""
    return fail.Keyring()


@pytest.fixture
def vault(data_dir, no_keyring):
    """An open passphrase vault (the keyring-free path; fast to open once)."""
    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    v = open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    yield v
    if v.conn is not None:
        v.close()


@pytest.fixture
def repo(vault):
    return vault.repository


@pytest.fixture
def os_keyring(tmp_path: Path):
    """The real, secure OS keyring (Secret Service in CI).

    Every key a vault under this test's tmp_path stored there is removed afterwards.
    """
    backend = keyring_store.secure_keyring()
    require(backend is not None,
            f"no secure OS keyring here ({keyring_store.keyring_name()}); "
            "run under scripts/with-keyring")
    yield backend
    for slots_file in tmp_path.rglob("keyslots.json"):
        keyring_store.keyring_delete(backend, keyslots.KeySlots.load(slots_file).vault_id)


def cli_env(data_dir: Path, *, keyring_backend: str | None = None, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTDESK_")}
    env["OTDESK_DATA_DIR"] = str(data_dir)
    # no organisation policy of the machine running the tests (tests give their own)
    env["OTDESK_POLICY_FILE"] = str(Path(data_dir).parent / "no-policy.toml")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    if keyring_backend:
        env["PYTHON_KEYRING_BACKEND"] = keyring_backend
    env.update(extra)
    return env


NO_KEYRING = "keyring.backends.fail.Keyring"


def run_cli(args: list[str], data_dir: Path, *, stdin: str = "", keyring_backend: str | None
            = NO_KEYRING, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    """Run ``otdesk ARGS`` as a user would, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "otdesk", *args], input=stdin, capture_output=True, text=True,
        env=cli_env(data_dir, keyring_backend=keyring_backend, **extra), timeout=timeout)


def assert_clean_error(result: subprocess.CompletedProcess) -> str:
    """A refused command: exit code not 0, one clear line on stderr, no traceback."""
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def answer(kind, act, seen: list) -> None:
    """When a dialog of ``kind`` is open (the active modal one), let ``act`` do what a
    person would; ``seen`` collects the dialogs met."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            seen.append(w)
            act(w)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


@pytest.fixture
def without_keyring():
    """As on a laptop with no secure keyring: the real 'fail' backend is chosen."""
    import keyring

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
