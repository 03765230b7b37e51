"""The dialogs of the vault's keys: the passphrase (chosen or asked) and the recovery
code shown once.  Imported only when one is shown (:mod:`otdesk.ui.unlock`): a start
through the OS keyring needs neither."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from otdesk.core.errors import UserError
from otdesk.storage import keyslots


class PassphraseDialog(QDialog):
    """Asks for a passphrase (twice when choosing one); shows what was wrong inline."""

    def __init__(self, prompt: str, confirm: bool = False, parent: QWidget | None = None,
                 *, offer_recovery: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("OT Desk")
        self.confirm = confirm
        self.wants_recovery = False  # "Forgotten?" was pressed
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
        self.forgotten = QPushButton(self.tr("&Forgotten? Use the recovery code…"))
        self.forgotten.setAutoDefault(False)
        self.forgotten.clicked.connect(self._forgotten)
        if offer_recovery:
            buttons.addButton(self.forgotten, QDialogButtonBox.ButtonRole.ResetRole)
        else:
            self.forgotten.hide()
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
        self.setMinimumWidth(460)
        self.resize(460, self.sizeHint().height())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        width = self.width()  # as tall as the wrapped reason needs, as wide as it was
        self.resize(width, self.layout().totalHeightForWidth(width))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _forgotten(self) -> None:
        self.wants_recovery = True
        self.reject()

    def _check(self) -> None:
        if self.confirm:
            if self.again.text() != self.passphrase.text():
                self.show_error(self.tr("The passphrases differ. Try again."))
                return
            try:
                keyslots.check_passphrase(self.passphrase.text())
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
