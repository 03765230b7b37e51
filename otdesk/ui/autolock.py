"""Auto-lock (organisation policy ``auto_lock_minutes``): after that many idle minutes the
main window stores what is pending, hides every consultation behind a lock screen,
closes the vault's connections and drops its key from memory (KeePassXC's
``releaseData``); unlocking asks for the passphrase (or takes the key from the keyring
again) and opens them again.

What Python cannot promise: the key is kept in a ``bytearray`` that is zeroed, but
copies made on the way (the hex string of ``PRAGMA key``, SQLCipher's own copy, which
it wipes as the connection closes, the keyring's answer) are ordinary immutable objects
freed, not wiped; text already drawn in widgets lives on in freed memory until it is
reused.  Core dumps are off (otdesk/dumps.py), so none of it reaches a file that way.
For a keyring vault unlocking needs the OS session's keyring, so the real guard there
is the operating system's own screen lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from otdesk.core.errors import UserError
from otdesk.storage.vault import unlock_key

log = logging.getLogger(__name__)

#: seconds one try to store what is queued may take before the lock tries again
STORE_TRY_S = 5.0

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
    """What the window shows while locked: no content, what the lock is doing, one
    Unlock button."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr("OT Desk is locked after a time without use "
                              "(organisation's policy)."))
        text.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.button = QPushButton(self.tr("&Unlock…"))
        self.button.clicked.connect(self.unlock_requested.emit)
        block = QWidget()  # one calm column in the middle of the window
        block.setFixedWidth(520)
        inner = QVBoxLayout(block)
        inner.addWidget(text)
        inner.addWidget(self.state)
        inner.addSpacing(12)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(block)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_state(self, state: str) -> None:
        """``closing``, ``closed``, ``unsaved`` (a write the disk refuses keeps the data
        open until it is stored) or ``opening``."""
        words = {
            "closing": self.tr("Storing what was written and closing your data…"),
            "closed": self.tr("Your data is closed and its key is out of memory."),
            "unsaved": self.tr("Not everything could be stored yet (is the disk full?). "
                               "OT Desk keeps trying; your data stays open until it is."),
            "opening": self.tr("Opening your OT Desk data…"),
        }
        self.state.setText(words[state])
        self.state.setAccessibleName(words[state])
        self.button.setEnabled(state != "opening")


class VaultLock(QObject):
    """Closes the vault behind the lock screen and opens it again, on threads of its own
    (the disk and scrypt never hold the UI thread).

    :meth:`close` stores what the storage worker has queued (trying again while the disk
    refuses), closes the worker's and the reader's connections, runs ``stop_others``
    (what else holds the key: the backups) and then :meth:`Vault.suspend`.
    :meth:`open` takes the key (the passphrase's scrypt, or the keyring), opens the
    vault and the runner again, and answers ``opened(None)``, or ``opened(UserError)``
    with everything still locked.
    """

    state = Signal(str)  # "unsaved", "closed" (LockScreen.show_state)
    opened = Signal(object)  # None, or the UserError that refused the key

    def __init__(self, vault, runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault, self.runner = vault, runner
        self._closer: threading.Thread | None = None
        self._opener: threading.Thread | None = None
        self._stop = threading.Event()  # the closer gives up (an unlock, the window closing)

    @property
    def busy(self) -> bool:
        return any(t is not None and t.is_alive() for t in (self._closer, self._opener))

    def close(self, stop_others: Callable[[], None]) -> None:
        self._stop.clear()
        self._closer = threading.Thread(target=self._close, args=(stop_others,),
                                        name="otdesk-lock", daemon=True)
        self._closer.start()

    def stop_closing(self) -> None:
        """The closer gives up what it has not done yet and ends soon (:attr:`busy`)."""
        self._stop.set()

    def open(self, passphrase: str | None, backend=None) -> None:
        self._opener = threading.Thread(target=self._open, args=(passphrase, backend),
                                        name="otdesk-unlock", daemon=True)
        self._opener.start()

    def _close(self, stop_others: Callable[[], None]) -> None:
        told = False
        while not self.runner.suspend(STORE_TRY_S):
            if not told:
                told = True
                self.state.emit("unsaved")
            if self._stop.wait(STORE_TRY_S):
                return
        stop_others()
        self.vault.suspend()
        self.state.emit("closed")

    def _open(self, passphrase: str | None, backend) -> None:
        self.stop_closing()
        if self._closer is not None:
            self._closer.join()
        try:
            key = unlock_key(self.vault.slots, passphrase=passphrase, backend=backend)
            if self.vault.suspended:
                self.vault.resume(key)
            elif self.vault.data_key != key:  # (the closer gave up: only the key is checked)
                raise UserError("error.key_wrong")
            if self.runner.suspended:
                self.runner.resume()
        except UserError as exc:
            self.opened.emit(exc)
            return
        except Exception as exc:  # said as a storage error; the lock stays
            log.error("unlock: %s", type(exc).__name__)
            self.opened.emit(UserError("error.storage"))
            return
        self.opened.emit(None)


#: what ask_passphrase returns when "Forgotten?" was pressed
FORGOTTEN = object()


def ask_passphrase(parent: QWidget | None, lang: str, error: str | None = None):
    """The passphrase typed to unlock; None when the person cancelled, FORGOTTEN when
    she pressed "Forgotten?"."""
    from otdesk.ui.key_dialogs import PassphraseDialog

    dialog = PassphraseDialog(QCoreApplication.translate(
        "PassphraseDialog", "Passphrase for your OT Desk data:"), parent=parent,
        offer_recovery=True)
    dialog.setProperty("lang", lang)
    if error:
        dialog.show_error(error)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.passphrase.text()
    dialog.passphrase.clear()
    dialog.deleteLater()  # (a child of the window: else kept as long as it)
    if dialog.wants_recovery:
        return FORGOTTEN
    return typed if accepted else None
