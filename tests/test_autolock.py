"""Auto-lock as a consultant meets it: she types, walks away, the policy's idle minutes
pass; the vault's connections close and its key leaves memory; she presses Unlock,
types her passphrase (a wrong one first) and goes on where she was."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from conftest import PASSPHRASE, answer, close_window, wait_for_editor, wait_for_list
from otdesk.config.policy import load_policy
from otdesk.storage import backups, keyring_store
from otdesk.storage.vault import connect, init_vault, open_vault, unlock_key
from otdesk.ui.key_dialogs import PassphraseDialog
from otdesk.ui.main_window import MainWindow
from test_policy import write_policy
from test_ui_consultation import type_into, widget

STORAGE_THREADS = {"otdesk-writer", "otdesk-reader", "otdesk-backup", "otdesk-check"}


def _storage_threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name in STORAGE_THREADS}


def _stored_docs(vault) -> list[str]:
    """What the database holds, read with a key of the test's own (the window has none)."""
    key = unlock_key(vault.slots, passphrase=PASSPHRASE)
    conn = connect(vault.paths.db, key, read_only=True)
    try:
        return [row[0] for row in conn.execute("SELECT doc FROM consultation_docs")]
    finally:
        conn.close()


def _type_passphrase(qtbot, text: str):
    def act(dialog: PassphraseDialog) -> None:
        type_into(qtbot, dialog.passphrase, text)
        QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return act


def _press_cancel(dialog: PassphraseDialog) -> None:
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def _window(qtbot, tmp_path, vault) -> MainWindow:
    policy = load_policy(write_policy(tmp_path, "auto_lock_minutes = 5\n"))
    window = MainWindow(vault, lang="en", policy=policy)
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    wait_for_list(qtbot, window.list, 0)
    window.activateWindow()  # (as the person's click on it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.idle is not None and window.idle.timer.interval() == 5 * 60_000
    return window


def _lock(qtbot, window) -> None:
    window.idle.timer.timeout.emit()  # the policy's five idle minutes have passed
    assert window.locked and window.stack.currentWidget() is window.lock_screen
    qtbot.waitUntil(lambda: window.lock_screen.state.text().startswith("Your data is closed"),
                    timeout=15000)


def test_locking_closes_the_connections_and_drops_the_key_unlocking_opens_them(
        qtbot, tmp_path, vault, data_dir):
    window = _window(qtbot, tmp_path, vault)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    type_into(qtbot, widget(window.editor, "Name"), "Sanna Virtanen")
    key_object = window.vault._data_key

    _lock(qtbot, window)
    # what she typed is on disk; nothing of the vault is open; the key is zeroes
    assert any("Sanna Virtanen" in doc for doc in _stored_docs(vault))
    assert vault.conn is None and vault.suspended and window.runner.suspended
    assert key_object == bytearray(len(key_object))  # (the same object, wiped)
    assert _storage_threads() == set()
    assert window.list.model.rowCount() == 0 and window.list.model._rows == {}
    assert not window.new_action.isEnabled() and window.quit_action.isEnabled()
    made = [b for b in backups.list_backups(vault.paths) if b.reason == "lock"]
    assert len(made) == 1 and made[0].verified  # the edit is in a backup before the key went

    # Cancel: still locked
    seen: list = []
    answer(PassphraseDialog, _press_cancel, seen)
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    assert seen and window.locked and vault.suspended

    # a wrong passphrase, said in the dialog, then the right one
    answer(PassphraseDialog, _type_passphrase(qtbot, "väärä arvaus"), seen)
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    errors: list[str] = []
    answer(PassphraseDialog, lambda d: (errors.append(d.error.text()),
                                        _type_passphrase(qtbot, PASSPHRASE)(d)), seen)
    qtbot.waitUntil(lambda: not window.locked, timeout=15000)
    assert errors and "wrong" in errors[0].lower()
    assert window.stack.currentWidget() is window.list and window.new_action.isEnabled()
    assert vault.conn is not None and not vault.suspended and not window.runner.suspended
    wait_for_list(qtbot, window.list, 1)

    # the storage worker writes again: the consultation opened and typed in
    table = window.list.table
    where = table.visualRect(window.list.model.index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.editor
                    and window.editor.c is not None, timeout=5000)
    type_into(qtbot, widget(window.editor, "Name"), " (lukittu välissä)")
    qtbot.waitUntil(lambda: window.editor.save_label.text().startswith("Saved "), timeout=5000)
    assert any("(lukittu välissä)" in doc for doc in _stored_docs(vault))
    close_window(qtbot, window)


def test_closing_the_locked_window_closes_the_vault(qtbot, tmp_path, vault, data_dir):
    window = _window(qtbot, tmp_path, vault)
    _lock(qtbot, window)
    window.close()
    qtbot.waitUntil(lambda: window._closed, timeout=15000)
    vault.close()  # (what run_app does next): the folder's lock goes too
    assert vault.conn is None and not vault.suspended
    assert _storage_threads() == set()


@pytest.fixture
def keyring_vault(data_dir, os_keyring):
    """An open vault whose key is in the real OS keyring (no passphrase)."""
    init_vault(data_dir, backend=os_keyring)
    vault = open_vault(data_dir, backend=os_keyring)
    yield vault
    vault.close()


def _locked_without_key(qtbot, tmp_path, vault, keyring) -> tuple[MainWindow, bytes]:
    """The window locked, then the keyring loses the key (a new login keyring, say)."""
    window = _window(qtbot, tmp_path, vault)
    _lock(qtbot, window)
    key = keyring_store.keyring_load(keyring, vault.vault_id)
    keyring_store.keyring_delete(keyring, vault.vault_id)
    return window, key


def test_a_keyring_vault_unlocks_from_the_keyring_and_says_when_the_key_is_gone(
        qtbot, tmp_path, keyring_vault, os_keyring):
    vault = keyring_vault
    window, key = _locked_without_key(qtbot, tmp_path, vault, os_keyring)
    said: list[str] = []

    def read_and_cancel(box: QMessageBox) -> None:
        said.append(box.text())
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)
    answer(QMessageBox, read_and_cancel, [])
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "recovery code" in said[0] and window.locked and vault.suspended
    assert not window.reopen_request

    keyring_store.keyring_store(os_keyring, vault.vault_id, key)  # back (a recovery)
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)  # no dialog
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    assert vault.conn is not None and window.stack.currentWidget() is window.list
    close_window(qtbot, window)


def test_recover_on_the_lock_screen_closes_the_window_to_open_it_again(
        qtbot, tmp_path, keyring_vault, os_keyring):
    window, _ = _locked_without_key(qtbot, tmp_path, keyring_vault, os_keyring)

    def press_recover(box: QMessageBox) -> None:
        recover = next(b for b in box.buttons() if b.text() == "&Recover…")
        QTest.mouseClick(recover, Qt.MouseButton.LeftButton)
    answer(QMessageBox, press_recover, [])
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._closed, timeout=10000)
    assert window.reopen_request == "open"  # run_app opens it again: recovery then


def test_forgotten_on_the_lock_screen_closes_the_window_for_the_recovery_dialog(
        qtbot, tmp_path, vault, data_dir):
    window = _window(qtbot, tmp_path, vault)
    _lock(qtbot, window)

    def press_forgotten(dialog: PassphraseDialog) -> None:
        QTest.mouseClick(dialog.forgotten, Qt.MouseButton.LeftButton)
    seen: list = []
    answer(PassphraseDialog, press_forgotten, seen)
    QTest.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._closed, timeout=10000)
    assert window.reopen_request == "recover"  # run_app: the recovery dialog first


def test_an_edit_the_disk_refuses_keeps_the_vault_open_behind_the_lock_until_it_is_stored(
        qtbot, tmp_path, vault, data_dir):
    """The disk is full as the lock comes: nothing is dropped; the lock screen says so,
    the writer keeps trying, and once there is room the edit is stored and the vault
    closes."""
    window = _window(qtbot, tmp_path, vault)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    type_into(qtbot, widget(window.editor, "Name"), "Sanna Virtanen")
    qtbot.waitUntil(lambda: window.editor.save_label.text().startswith("Saved "), timeout=5000)
    limited: list = []

    def fill_the_disk(store):  # the writer's own connection gets no more pages
        (pages,) = store.repository.conn.execute("PRAGMA page_count").fetchone()
        store.repository.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return pages
    window.runner.run(fill_the_disk, limited.append, limited.append)
    qtbot.waitUntil(lambda: bool(limited), timeout=5000)
    QApplication.clipboard().setText("iso " + "sana " * 5_000)
    question = widget(window.editor, "The consultation question")
    question.setFocus()
    qtbot.keyClick(question, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # pasted
    qtbot.waitUntil(lambda: bool(window.writer.unsaved()), timeout=10000)

    window.idle.timer.timeout.emit()
    assert window.locked
    qtbot.waitUntil(lambda: window.lock_screen.state.text().startswith("Not everything"),
                    timeout=15000)
    assert not vault.suspended and vault.conn is not None  # kept open: the edit is not lost

    freed: list = []
    window.runner.run(lambda store: store.repository.conn.execute(
        "PRAGMA max_page_count = 1073741823"), freed.append, freed.append)  # room again
    qtbot.waitUntil(lambda: window.lock_screen.state.text().startswith("Your data is closed"),
                    timeout=30000)
    assert vault.suspended and _storage_threads() == set()
    assert any("sana sana" in doc for doc in _stored_docs(vault))
    close_window(qtbot, window)
