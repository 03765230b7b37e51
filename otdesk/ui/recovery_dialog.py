"""The way back when the keyring has no key for an existing vault, or a key that no
longer fits (a new login keyring, a changed backend): the passphrase, the recovery
code, or what to tell IT for its escrow copy — in one dialog.  Nothing here ever makes
a new vault; the opening itself runs on :class:`otdesk.ui.unlock.Unlock`'s thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from otdesk.core.errors import UserError
from otdesk.storage import keyslots


@dataclass(frozen=True)
class RecoveryAnswer:
    """What the person gave: a passphrase, or a recovery code (and, where no secure
    keyring keeps the key, a new passphrase to keep it under)."""

    passphrase: str | None = None
    code: str | None = None
    new_passphrase: str | None = None


def reason_text(why: str | None) -> str:
    """What the dialog says happened, by the opening's refusal (or "forgotten": the
    person asked for it from the passphrase dialog)."""
    from PySide6.QtCore import QCoreApplication

    if why == "error.key_wrong":
        return QCoreApplication.translate(
            "RecoveryDialog", "The key in this computer's keyring no longer fits your OT "
            "Desk data (the keyring was changed or replaced). Nothing is lost and nothing "
            "was changed: open the data once with the passphrase or the recovery code, and "
            "the right key is put back in the keyring.")
    if why == "error.no_keyring":
        return QCoreApplication.translate(
            "RecoveryDialog", "This computer's keyring does not answer, so the key of your "
            "OT Desk data cannot be read from it. Nothing is lost: open the data with the "
            "recovery code and choose a passphrase to keep the key under.")
    if why == "forgotten":
        return QCoreApplication.translate(
            "RecoveryDialog", "Open your OT Desk data with the recovery code, and choose a "
            "new passphrase.")
    return QCoreApplication.translate(
        "RecoveryDialog", "The key of your OT Desk data is not in this computer's keyring "
        "(for example after a new login keyring or a change of keyring). Nothing is lost: "
        "open the data once with the passphrase or the recovery code, and the key is put "
        "back in the keyring.")


class RecoveryDialog(QDialog):
    """``why`` says what happened; the fields shown depend on the vault's key slots."""

    def __init__(self, why: str, slots: keyslots.KeySlots, data_dir: Path, *,
                 needs_new_passphrase: bool, lang: str, offer_passphrase: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.needs_new_passphrase = needs_new_passphrase
        self.answer: RecoveryAnswer | None = None
        self.setWindowTitle(self.tr("Open your OT Desk data"))
        reason = QLabel(why)
        reason.setWordWrap(True)
        reason.setAccessibleName(self.tr("What happened"))
        reason.setAccessibleDescription(why)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: wide fields
        with_passphrase = slots.has_passphrase() and offer_passphrase
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        if with_passphrase:
            form.addRow(self.tr("Your &passphrase:"), self.passphrase)
        else:
            self.passphrase.hide()
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.code.setAccessibleName(self.tr("Recovery code"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(mono)
        self.code.setAccessibleDescription(self.tr(
            "Eight groups of five characters; spaces, dashes and small letters are fine"))
        form.addRow(self.tr("or the &recovery code:") if with_passphrase
                    else self.tr("The &recovery code:"), self.code)
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("New passphrase again"))
        if needs_new_passphrase:
            form.addRow(self.tr("&New passphrase (no secure keyring here):"),
                        self.new_passphrase)
            form.addRow(self.tr("New passphrase &again:"), self.again)
        else:
            self.new_passphrase.hide()
            self.again.hide()
        if "escrow" in slots.slots:
            it_text = self.tr(
                "Neither at hand? IT can open your data with the organisation's escrow "
                "key. Tell IT the folder {folder} and the vault id {vault}; IT runs "
                "otdesk escrow-recover on this computer.").format(
                    folder=str(data_dir), vault=slots.vault_id)
        else:
            it_text = self.tr(
                "Neither at hand? This vault has no escrow copy for IT, so only the "
                "passphrase or the recovery code opens it. Nothing has been changed or "
                "deleted; keep the folder {folder}.").format(folder=str(data_dir))
        it_label = QLabel(it_text)
        it_label.setWordWrap(True)
        it_label.setTextInteractionFlags(it_label.textInteractionFlags()
                                         | it_label.textInteractionFlags().TextSelectableByMouse)
        it_label.setAccessibleName(self.tr("What to tell IT"))
        it_label.setAccessibleDescription(it_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("font-weight: bold")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = QPushButton(self.tr("&Quit"))
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addLayout(form)
        layout.addWidget(it_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        (self.passphrase if with_passphrase else self.code).setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
        width = self.width()
        self.resize(width, self.layout().totalHeightForWidth(width))

    def _check(self) -> None:
        passphrase, code = self.passphrase.text(), self.code.text().strip()
        if passphrase and not self.passphrase.isHidden():
            self.answer = RecoveryAnswer(passphrase=passphrase)
            self.accept()
            return
        if not code:
            self.show_error(self.tr("Type the recovery code (or the passphrase)."))
            self.code.setFocus()
            return
        try:
            code = keyslots.normalise_recovery_code(code)
        except UserError as exc:  # names the mistyped group
            self.show_error(exc.message(self.lang))
            self.code.setFocus()
            return
        new = None
        if self.needs_new_passphrase:
            new = self.new_passphrase.text()
            if new != self.again.text():
                self.show_error(self.tr("The new passphrases differ. Type them again."))
                self.new_passphrase.setFocus()
                return
            try:
                keyslots.check_passphrase(new)
            except UserError as exc:
                self.show_error(exc.message(self.lang))
                self.new_passphrase.setFocus()
                return
        self.answer = RecoveryAnswer(code=code, new_passphrase=new)
        self.accept()
