"""First run (create the vault, show the recovery code) and unlocking with a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from otdesk.errors import UserError
from otdesk.storage import keys
from otdesk.storage.vault import Vault, VaultPaths, init_vault, open_vault


class PassphraseDialog(QDialog):
    """Asks for a passphrase (twice when choosing one); shows what was wrong inline."""

    def __init__(self, prompt: str, confirm: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("OT Desk")
        self.confirm = confirm
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        label.setBuddy(self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("font-weight: bold")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        if confirm:
            again_label = QLabel(self.tr("Type the passphrase again:"))
            again_label.setBuddy(self.again)
            layout.addWidget(again_label)
            layout.addWidget(self.again)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _check(self) -> None:
        if self.confirm:
            if self.again.text() != self.passphrase.text():
                self.show_error(self.tr("The passphrases differ. Try again."))
                return
            try:
                keys.check_passphrase(self.passphrase.text())
            except UserError as exc:
                self.show_error(exc.message(self._lang()))
                return
        self.accept()

    def _lang(self) -> str:
        return self.property("lang") or "fi"


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once; go on only after confirming it is stored."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("Recovery code"))
        text = QLabel(self.tr("Write down or print this recovery code and keep it locked away. "
                              "It is shown only now. It opens your data if the keyring or the "
                              "passphrase is lost."))
        text.setWordWrap(True)
        shown = QLabel(code)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 6)
        shown.setFont(font)
        shown.setAccessibleName(self.tr("Recovery code"))
        shown.setAccessibleDescription(" ".join(code.replace("-", " ")))
        print_button = QPushButton(self.tr("&Print…"))
        print_button.setAccessibleName(self.tr("Print the recovery code"))
        print_button.clicked.connect(self.print_code)
        self.stored = QCheckBox(self.tr("I have &written down or printed the code"))
        self.stored.setAccessibleName(self.tr("I have written down or printed the code"))
        self.ok = QPushButton(self.tr("&Continue"))
        self.ok.setEnabled(False)
        self.ok.clicked.connect(self.accept)
        self.stored.toggled.connect(self.ok.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(shown)
        layout.addWidget(print_button)
        layout.addWidget(self.stored)
        layout.addWidget(self.ok)

    def reject(self) -> None:  # Esc must not skip the code
        if self.stored.isChecked():
            super().reject()

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        label = self.tr("Recovery code")
        doc.setHtml(f"<h2>OT Desk</h2><p>{label}:</p>"
                    f"<p style='font-family: monospace; font-size: 18pt'>{self.code}</p>")
        doc.print_(printer)


def _error(parent: QWidget | None, exc: UserError, lang: str) -> None:
    QMessageBox.warning(parent, "OT Desk", exc.message(lang))


def first_run(data_dir: Path, lang: str, escrow_public_pem: bytes | None = None) -> Vault | None:
    """Create the vault: keyring when a secure one works, otherwise a passphrase; and
    an escrow copy of the key when the organisation's policy gives IT's public key."""
    passphrase = None
    if keys.secure_keyring() is None:
        dialog = PassphraseDialog(QCoreApplication.translate(
            "PassphraseDialog", "No secure keyring was found on this computer. Choose a "
            "passphrase (at least 8 characters) to protect your data:"), confirm=True)
        dialog.setProperty("lang", lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        passphrase = dialog.passphrase.text()
    result = init_vault(data_dir, passphrase=passphrase, escrow_public_pem=escrow_public_pem)
    RecoveryCodeDialog(result.recovery_code).exec()
    return open_vault(data_dir, passphrase=passphrase)


def obtain_vault(data_dir: Path, *, passphrase: str | None, lang: str,
                 escrow_public_pem: bytes | None = None,
                 parent: QWidget | None = None) -> Vault | None:
    """Open the vault, creating it on first run and asking for a passphrase as needed
    (over ``parent``, the window's frame, when there is one)."""
    try:
        if not VaultPaths(data_dir).exists():
            return first_run(data_dir, lang, escrow_public_pem)
        dialog = None
        while True:
            try:
                return open_vault(data_dir, passphrase=passphrase)
            except UserError as exc:
                if exc.key not in ("error.passphrase_needed", "error.passphrase_wrong"):
                    raise
                if dialog is None:
                    dialog = PassphraseDialog(QCoreApplication.translate(
                        "PassphraseDialog", "Passphrase for your OT Desk data:"),
                        parent=parent)
                if exc.key == "error.passphrase_wrong":
                    dialog.show_error(exc.message(lang))
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                passphrase = dialog.passphrase.text()
    except UserError as exc:
        _error(parent, exc, lang)
        return None
