"""First run (create the vault, show the recovery code) and unlocking with a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from otdesk.errors import UserError
from otdesk.storage import keys
from otdesk.storage.vault import Vault, VaultPaths, init_vault, open_vault


class _Texts(QObject):
    """Holds this module's translatable strings (Qt's tr needs a QObject context)."""


_t = _Texts()


def _error(parent: QWidget | None, exc: UserError, lang: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "OT Desk", exc.message(lang), parent=parent)
    box.exec()


def ask_passphrase(parent: QWidget | None, prompt: str) -> str | None:
    text, ok = QInputDialog.getText(parent, "OT Desk", prompt, QLineEdit.EchoMode.Password)
    return text if ok else None


def show_recovery_code(parent: QWidget | None, code: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(_t.tr("Recovery code"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(_t.tr("Write down or print this recovery code and keep it locked away. "
                      "It is shown only now. It opens your data if the keyring or the "
                      "passphrase is lost."))
    box.setInformativeText(code)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    box.setFont(font)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_t.tr("I have stored the code"))
    box.exec()


def first_run(data_dir: Path, lang: str) -> Vault | None:
    """Create the vault: keyring when a secure one works, otherwise a passphrase."""
    passphrase = None
    if keys.secure_keyring() is None:
        while True:
            passphrase = ask_passphrase(None, _t.tr(
                "No secure keyring was found on this computer. Choose a passphrase "
                "(at least 8 characters) to protect your data:"))
            if passphrase is None:
                return None
            again = ask_passphrase(None, _t.tr("Type the passphrase again:"))
            if again is None:
                return None
            if again != passphrase:
                QMessageBox.warning(None, "OT Desk", _t.tr("The passphrases differ. Try again."))
                continue
            try:
                keys.check_passphrase(passphrase)
            except UserError as exc:
                _error(None, exc, lang)
                continue
            break
    result = init_vault(data_dir, passphrase=passphrase)
    show_recovery_code(None, result.recovery_code)
    return open_vault(data_dir, passphrase=passphrase)


def obtain_vault(data_dir: Path, *, passphrase: str | None, lang: str) -> Vault | None:
    """Open the vault, creating it on first run and asking for a passphrase as needed."""
    try:
        if not VaultPaths(data_dir).exists():
            return first_run(data_dir, lang)
        while True:
            try:
                return open_vault(data_dir, passphrase=passphrase)
            except UserError as exc:
                if exc.key not in ("error.passphrase_needed", "error.passphrase_wrong"):
                    raise
                if exc.key == "error.passphrase_wrong":
                    _error(None, exc, lang)
                passphrase = ask_passphrase(None, _t.tr("Passphrase for your OT Desk data:"))
                if passphrase is None:
                    return None
    except UserError as exc:
        _error(None, exc, lang)
        return None
