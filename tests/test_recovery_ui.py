"""The way back in the desktop app, through the dialogs a consultant sees: the keyring
lost the key, the passphrase is forgotten, the database file is damaged."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from conftest import PASSPHRASE, answer
from otdesk.core.errors import UserError
from otdesk.demo import insert_demo
from otdesk.storage import keyring_store, keyslots
from otdesk.storage.vault import init_vault, open_vault
from otdesk.ui.key_dialogs import PassphraseDialog, RecoveryCodeDialog
from otdesk.ui.recovery_dialog import RecoveryDialog

NEW_PASSPHRASE = "uusi tunnuslause 2027"




def close_when_listed(count: int, seen: list) -> None:
    from otdesk.ui.main_window import MainWindow

    def poll():
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is not None and window.list is not None \
                and window.list.model.rowCount() == count:
            seen.append(count)
            window.close()
        else:
            QTimer.singleShot(30, poll)
    QTimer.singleShot(30, poll)


def mistype_group(code: str, group: int) -> str:
    groups = code.split("-")
    first = groups[group - 1][0]
    groups[group - 1] = keyslots.ALPHABET[(keyslots.ALPHABET.index(first) + 1) % 32] \
        + groups[group - 1][1:]
    return "-".join(groups)


@pytest.fixture
def offscreen_app(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)  # run_app wants a display …
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # … and this one is offscreen




def tick(box) -> None:
    """A check box ticked as a person with the keyboard does (Space)."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


def type_code(dialog: RecoveryDialog, code: str) -> None:
    dialog.code.clear()
    dialog.code.setFocus()
    QTest.keyClicks(dialog.code, code.lower().replace("-", " "))


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_code_in_the_app(
        qtbot, data_dir, tmp_path, without_keyring, offscreen_app):
    from otdesk.ui.app import run_app

    made = init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        insert_demo(vault, 7, seed=5, deliveries=False)
    seen: list = []
    shown_codes: list[str] = []

    def forgotten(d: PassphraseDialog) -> None:
        answer(RecoveryDialog, mistyped, seen)
        qtbot.mouseClick(d.forgotten, Qt.MouseButton.LeftButton)

    def mistyped(d: RecoveryDialog) -> None:
        assert not d.new_passphrase.isHidden()  # no keyring here: a new passphrase
        type_code(d, mistype_group(made.recovery_code, 3))
        QTest.keyClicks(d.new_passphrase, NEW_PASSPHRASE)
        QTest.keyClicks(d.again, NEW_PASSPHRASE)
        qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
        assert d.isVisible() and "ryhmä 3" in d.error.text()
        type_code(d, made.recovery_code)
        answer(RecoveryCodeDialog, new_code, seen)
        qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)

    def new_code(d: RecoveryCodeDialog) -> None:
        shown_codes.append(d.code)
        tick(d.stored)
        close_when_listed(7, seen)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    answer(PassphraseDialog, forgotten, seen)
    assert run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml") == 0
    assert [type(x) for x in seen] == [PassphraseDialog, RecoveryDialog, RecoveryCodeDialog,
                                       int]
    assert shown_codes[0] != made.recovery_code
    with open_vault(data_dir, passphrase=NEW_PASSPHRASE, backend=fail.Keyring()) as vault:
        assert vault.repository.count() == 7
        slots = vault.slots
    with pytest.raises(UserError) as err:
        slots.unlock_recovery(made.recovery_code)  # the typed-in code was replaced
    assert err.value.key == "error.recovery_wrong"
    assert slots.unlock_recovery(shown_codes[0])


def test_a_key_lost_from_the_keyring_is_put_back_from_the_app(
        qtbot, data_dir, tmp_path, os_keyring, offscreen_app):
    from otdesk.ui.app import run_app

    made = init_vault(data_dir, backend=os_keyring)
    with open_vault(data_dir, backend=os_keyring) as vault:
        insert_demo(vault, 4, seed=6, deliveries=False)
        vault_id = vault.vault_id
    keyring_store.keyring_delete(os_keyring, vault_id)  # a new login keyring, say
    seen: list = []

    def recover(d: RecoveryDialog) -> None:
        assert d.passphrase.isHidden() and d.new_passphrase.isHidden()
        type_code(d, made.recovery_code)
        answer(RecoveryCodeDialog, confirm, seen)
        QTest.keyClick(d.code, Qt.Key.Key_Return)

    def confirm(d: RecoveryCodeDialog) -> None:
        tick(d.stored)
        close_when_listed(4, seen)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    answer(RecoveryDialog, recover, seen)
    assert run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml") == 0
    assert [type(x) for x in seen] == [RecoveryDialog, RecoveryCodeDialog, int]
    assert keyring_store.keyring_load(os_keyring, vault_id) is not None
    with open_vault(data_dir, backend=os_keyring) as vault:  # the keyring opens it again
        assert vault.repository.count() == 4


def test_quitting_the_recovery_changes_nothing(qtbot, data_dir, tmp_path, os_keyring,
                                               offscreen_app):
    from otdesk.ui.app import run_app

    init_vault(data_dir, backend=os_keyring)
    slots_before = (data_dir / "keyslots.json").read_bytes()
    keyring_store.keyring_delete(os_keyring, keyslots.KeySlots.load(
        data_dir / "keyslots.json").vault_id)
    seen: list = []

    def quit_it(d: RecoveryDialog) -> None:
        qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton)

    answer(RecoveryDialog, quit_it, seen)
    assert run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml") == 1
    assert (data_dir / "keyslots.json").read_bytes() == slots_before
