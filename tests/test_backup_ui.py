"""Backups in the desktop app, and the damaged-vault dialog, as a consultant meets them:
the window is closed after editing, the file is damaged at the next start or while the
list is read, and the dialog's buttons are pressed."""

from __future__ import annotations

import hashlib

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import PASSPHRASE, answer, close_window, wait_for_editor, wait_for_list
from otdesk.demo import insert_demo
from test_ui_consultation import type_into, widget
from otdesk.storage import backups
from otdesk.storage.vault import connect, init_vault, open_vault
from otdesk.ui.damaged_dialog import DamagedVaultDialog
from otdesk.ui.main_window import MainWindow

QUESTION = "Miten tukea perhettä huoltoriidassa"




def close_when_listed(seen: list, count: int | None = None) -> None:
    def poll():
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible() and not w._closing), None)
        if window is not None and window.list is not None and window.list.model.rowCount() \
                and (count is None or window.list.model.rowCount() == count):
            seen.append(window.list.model.rowCount())
            window.close()
        else:
            QTimer.singleShot(30, poll)
    QTimer.singleShot(30, poll)


def press_ok(box: QMessageBox) -> None:
    QTest.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.fixture
def offscreen_app(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _texts(path, key) -> list[str]:
    conn = connect(path, key, read_only=True)
    try:
        return [row[0] for row in conn.execute("SELECT doc FROM consultation_docs ORDER BY id")]
    finally:
        conn.close()


def test_closing_the_window_after_editing_leaves_a_verified_backup_with_the_edit(
        qtbot, vault, data_dir):
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    wait_for_list(qtbot, window.list, 0)
    window.activateWindow()  # (as the person's click on it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    type_into(qtbot, widget(window.editor, "Name"), "Sanna Virtanen")
    qtbot.waitUntil(lambda: window.editor.save_label.text().startswith("Saved "), timeout=5000)
    assert backups.list_backups(vault.paths) == []
    close_window(qtbot, window)  # (the window's close button)
    made = backups.list_backups(vault.paths)
    assert [b.reason for b in made] == ["close"] and made[0].verified
    assert backups.verify_backup(made[0], vault.data_key) == []
    assert made[0].counts["consultations"] == vault.repository.count() == 1
    raw = made[0].db.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Virtanen" not in raw
    assert any("Sanna Virtanen" in doc for doc in _texts(made[0].db, vault.data_key))


def test_closing_without_editing_makes_no_backup(qtbot, vault):
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    wait_for_list(qtbot, window.list, 0)
    close_window(qtbot, window)
    assert backups.list_backups(vault.paths) == []


def _vault_with_a_backup(data_dir, count: int):
    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        insert_demo(v, count, seed=11, deliveries=False)
        info = backups.make_backup(v.paths, v.data_key, reason="manual")
        return info, v.data_key, v.paths


def test_a_damaged_file_at_start_is_restored_from_the_newest_backup_by_pressing_restore(
        qtbot, data_dir, tmp_path, offscreen_app):
    from otdesk.ui.app import run_app

    info, key, paths = _vault_with_a_backup(data_dir, 30)
    before = _texts(info.db, key)
    raw = bytearray(paths.db.read_bytes())
    raw[100:140] = bytes(40)  # page 1: nothing opens
    paths.db.write_bytes(bytes(raw))
    damaged = _digest(paths.db)
    seen: list = []

    def restore(d: DamagedVaultDialog) -> None:
        assert d.restore_button.isEnabled() and d.salvage_button.isVisibleTo(d)
        answer(QMessageBox, told, seen)
        qtbot.mouseClick(d.restore_button, Qt.MouseButton.LeftButton)

    def told(box: QMessageBox) -> None:
        seen.append(box.text())
        close_when_listed(seen, 30)
        press_ok(box)

    answer(DamagedVaultDialog, restore, seen)
    assert run_app(data_dir, passphrase=PASSPHRASE, lang="fi",
                   settings_file=tmp_path / "settings.toml") == 0
    assert [type(x) for x in seen] == [DamagedVaultDialog, QMessageBox, str, int]
    assert "palautettu" in seen[2] and "set-aside" in seen[2]
    assert _texts(paths.db, key) == before  # every consultation as it was backed up
    aside = [p for p in (data_dir / "set-aside").rglob("otdesk.db")]
    assert len(aside) == 1 and _digest(aside[0]) == damaged  # set aside, not deleted


def test_damage_found_while_the_list_is_read_offers_salvage_and_the_app_goes_on(
        qtbot, data_dir, tmp_path, offscreen_app):
    from otdesk.ui.app import run_app

    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        insert_demo(v, 200, seed=12, deliveries=False)
        paths = v.paths
    raw = bytearray(paths.db.read_bytes())
    raw[4096 * 4 + 2000] ^= 0xFF  # a page of the list's rows
    paths.db.write_bytes(bytes(raw))
    seen: list = []

    def salvage(d: DamagedVaultDialog) -> None:
        assert not d.restore_button.isEnabled()  # no backup yet
        answer(QMessageBox, told, seen)
        qtbot.mouseClick(d.salvage_button, Qt.MouseButton.LeftButton)

    def told(box: QMessageBox) -> None:
        seen.append(box.text())
        close_when_listed(seen)
        press_ok(box)

    answer(DamagedVaultDialog, salvage, seen)
    assert run_app(data_dir, passphrase=PASSPHRASE, lang="fi",
                   settings_file=tmp_path / "settings.toml") == 0
    assert [type(x) for x in seen] == [DamagedVaultDialog, QMessageBox, str, int]
    assert "pelastettu" in seen[2]
    assert 150 <= seen[3] <= 200  # what could be read (the list rows of a damaged page
    assert f"{seen[3]}/200" in seen[2]  # are made again from the documents)
    aside = [p for p in (data_dir / "set-aside").rglob("otdesk.db")]
    # set aside, not deleted (its opening wrote to its healthy pages: no longer ``damaged``)
    assert len(aside) == 1 and aside[0].stat().st_size >= len(raw)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        assert v.repository.count() == seen[3]


def test_a_damaged_page_the_list_never_reads_is_found_after_the_start(
        qtbot, data_dir, tmp_path, offscreen_app, monkeypatch):
    """The file's check after the list is up (storage/health.py) finds a changed byte in
    the last page, and the dialog comes before the consultant works on; Quit ends."""
    from otdesk.ui.app import run_app

    from otdesk.ui import main_window

    monkeypatch.setattr(main_window, "CHECK_DELAY_MS", 100)  # (20 s in a session)
    info, key, paths = _vault_with_a_backup(data_dir, 40)
    raw = bytearray(paths.db.read_bytes())
    raw[len(raw) - 1000] ^= 0x01
    paths.db.write_bytes(bytes(raw))
    seen: list = []

    def quit_it(d: DamagedVaultDialog) -> None:
        assert d.restore_button.isEnabled()  # the backup made before the damage
        qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton)

    answer(DamagedVaultDialog, quit_it, seen)
    assert run_app(data_dir, passphrase=PASSPHRASE, lang="fi",
                   settings_file=tmp_path / "settings.toml") == 0
    assert [type(x) for x in seen] == [DamagedVaultDialog]
    assert (data_dir / "set-aside").exists() is False  # Quit changes nothing
    assert backups.list_backups(paths)[0].id == info.id


def test_the_backups_start_even_when_the_list_is_hidden_before_it_painted(qtbot, vault):
    # idle work (the backup worker, the editor's warm-up, every id) waits for the list's
    # first paint; a list hidden before it (Ctrl+N the moment it came) must not stop it
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    hidden = []
    window.list.listed.connect(lambda: hidden or (hidden.append(True), window.list.hide()))
    window.show()
    qtbot.waitUntil(lambda: bool(hidden), timeout=5000)
    qtbot.waitUntil(lambda: window.backups is not None and window._warmup is not None,
                    timeout=5000)
    window.list.show()
    close_window(qtbot, window)
