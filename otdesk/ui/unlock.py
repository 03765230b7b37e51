"""First run (create the vault, show the recovery code) and unlocking: the keyring
lookup or the passphrase's scrypt on a thread of their own, the passphrase asked over
the window's frame."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from otdesk.core.errors import UserError
from otdesk.storage import keyring_store
from otdesk.storage.vault import Vault, init_vault, open_vault


def _error(parent: QWidget | None, exc: UserError, lang: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, "OT Desk", exc.message(lang))


def first_run(data_dir: Path, lang: str, escrow_public_pem: bytes | None = None) -> Vault | None:
    """Create the vault: keyring when a secure one works, otherwise a passphrase; and
    an escrow copy of the key when the organisation's policy gives IT's public key."""
    from otdesk.ui.key_dialogs import PassphraseDialog, RecoveryCodeDialog

    passphrase = None
    if keyring_store.secure_keyring() is None:
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


def make_vault(data_dir: Path, *, lang: str,
               escrow_public_pem: bytes | None = None) -> Vault | None:
    """The first run's vault (:func:`first_run`); what refused it is said in a dialog
    (None then, as when the person cancelled)."""
    try:
        return first_run(data_dir, lang, escrow_public_pem)
    except UserError as exc:
        _error(None, exc, lang)
        return None


def open_existing(data_dir: Path, passphrase: str | None) -> Vault:
    """What the unlock thread runs: the vault opened through the OS keyring, or with
    ``passphrase`` (scrypt, ~0.5 s); UserError("error.passphrase_needed") when neither
    opens it."""
    return open_vault(data_dir, passphrase=passphrase)


class Unlock(QObject):
    """Opens an existing vault without holding the UI thread.

    :func:`open_existing` runs on a thread of its own (the keyring's D-Bus round trip,
    or scrypt); its answer comes back on the UI thread.  When the vault needs a
    passphrase, or the one given was wrong, it is asked over ``frame`` (with what was
    wrong) and tried again on a new thread.  Ends with ``done(vault)`` once: None when
    the person cancelled, when opening was refused (said in a dialog) or when something
    unexpected broke it (kept in ``failure`` for the caller).  A vault that opens after
    the caller stopped waiting is closed by :meth:`finish`."""

    done = Signal(object)  # Vault | None
    _answered = Signal()

    def __init__(self, data_dir: Path, passphrase: str | None, lang: str,
                 frame: QWidget) -> None:
        super().__init__()
        self.data_dir, self.passphrase, self.lang, self.frame = data_dir, passphrase, lang, frame
        self.failure: BaseException | None = None
        self._dialog = None  # the PassphraseDialog, once asked
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._result: tuple[Vault | None, BaseException | None] | None = None
        self._answered.connect(self._answer)  # queued: emitted on the unlock thread

    def start(self) -> None:
        self._thread = threading.Thread(target=self._open, args=(self.passphrase,),
                                        daemon=True, name="otdesk-unlock")
        self._thread.start()

    def finish(self) -> None:
        """Wait for the thread; close a vault it opened that nobody took."""
        if self._thread is not None:
            self._thread.join()
        vault, _ = self._take()
        if vault is not None:
            vault.close()

    def _open(self, passphrase: str | None) -> None:
        try:
            result = (open_existing(self.data_dir, passphrase), None)
        except BaseException as exc:  # handed to the UI thread, which decides
            result = (None, exc)
        with self._lock:
            self._result = result
        self._answered.emit()

    def _take(self) -> tuple[Vault | None, BaseException | None]:
        with self._lock:
            result, self._result = self._result, None
        return result or (None, None)

    def _answer(self) -> None:
        vault, exc = self._take()
        if vault is not None or exc is None:
            self.done.emit(vault)
            return
        if isinstance(exc, UserError) and exc.key in ("error.passphrase_needed",
                                                      "error.passphrase_wrong"):
            if self._dialog is None:
                from otdesk.ui.key_dialogs import PassphraseDialog

                self._dialog = PassphraseDialog(QCoreApplication.translate(
                    "PassphraseDialog", "Passphrase for your OT Desk data:"), parent=self.frame)
            if exc.key == "error.passphrase_wrong":
                self._dialog.show_error(exc.message(self.lang))
            if self._dialog.exec() != QDialog.DialogCode.Accepted:
                self.done.emit(None)
                return
            self.passphrase = self._dialog.passphrase.text()
            self.start()
        elif isinstance(exc, UserError):
            _error(self.frame, exc, self.lang)
            self.done.emit(None)
        else:
            self.failure = exc
            self.done.emit(None)
