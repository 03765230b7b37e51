"""Auto-lock (organisation policy ``auto_lock_minutes``): after that many idle minutes the
main window stores what is pending, hides every consultation behind a lock screen, and
asks for the passphrase (or takes the key from the keyring again) before showing them.

Kept simple: the vault's connection stays open while locked (the data key stays in this
process's memory); the lock keeps an unattended screen from showing content.  For a
keyring vault unlocking needs the OS session's keyring, so the real guard there is the
operating system's own screen lock.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from otdesk.core.errors import UserError
from otdesk.storage import keyring_store, keyslots

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleTimer(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse input in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.idle.emit)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False

    def restart(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """What the window shows while locked: no content, one Unlock button."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr("OT Desk is locked after a time without use "
                              "(organisation's policy)."))
        text.setWordWrap(True)
        self.button = QPushButton(self.tr("&Unlock…"))
        self.button.clicked.connect(self.unlock_requested.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(self.button)
        layout.addStretch(1)


def reauthenticate(vault, lang: str, parent: QWidget | None = None, *,
                   ask=None, backend=None) -> bool:
    """True when the person at the keyboard may see the vault again.

    A passphrase vault asks its passphrase (``ask`` returns it, or None for cancel; by
    default a PassphraseDialog); a keyring vault needs its key from the keyring again.
    """
    slots = vault.slots
    if slots.has_passphrase():
        if ask is None:
            ask = _ask_passphrase(parent, lang)
        while True:
            passphrase = ask()
            if passphrase is None:
                return False
            try:
                slots.unlock_passphrase(passphrase)
                return True
            except UserError as exc:
                if getattr(ask, "show_error", None):
                    ask.show_error(exc.message(lang))
                else:
                    return False
    try:
        store = keyring_store.secure_keyring(backend)
        key = keyring_store.keyring_load(store, slots.vault_id) if store is not None else None
    except UserError as exc:
        QMessageBox.warning(parent, "OT Desk", exc.message(lang))
        return False
    if key and keyslots.key_check(key) == slots.check:
        return True
    QMessageBox.warning(parent, "OT Desk", UserError(
        "error.no_keyring" if key is None else "error.key_wrong").message(lang))
    return False


def _ask_passphrase(parent, lang: str):
    from PySide6.QtCore import QCoreApplication

    from otdesk.ui.key_dialogs import PassphraseDialog

    dialog = PassphraseDialog(QCoreApplication.translate(
        "PassphraseDialog", "Passphrase for your OT Desk data:"), parent=parent)
    dialog.setProperty("lang", lang)

    def ask() -> str | None:
        dialog.passphrase.clear()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()

    ask.show_error = dialog.show_error  # type: ignore[attr-defined]
    return ask
