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


#: the opening failed because the keyring has no key that fits: the recovery dialog
KEY_PROBLEMS = ("error.key_missing", "error.key_wrong", "error.no_keyring")
#: the opening failed because the database (or its WAL) cannot be read: the damaged dialog
DAMAGE = ("error.db_damaged", "error.wal_unreadable", "error.db_empty", "error.db_missing",
          "error.db_not_file")
#: a recovery the person typed did not open the vault: asked again, with the reason
RECOVERY_REFUSED = ("error.recovery_wrong", "error.recovery_format", "error.recovery_group",
                    "error.passphrase_wrong", "error.passphrase_short")


def recover_and_open(data_dir: Path, answer) -> tuple[Vault, str | None]:
    """What the unlock thread runs after the recovery dialog: the key back in the
    keyring (or under the new passphrase), the vault opened; with the recovery code,
    a new one replaces it (the old one has been typed in and seen) and is returned to
    be shown once."""
    from otdesk.storage import vault as vaults

    if answer.code is None:
        vaults.recover_with_passphrase(data_dir, answer.passphrase)
        return open_vault(data_dir, passphrase=None), None
    vaults.recover(data_dir, answer.code, new_passphrase=answer.new_passphrase)
    vault = open_vault(data_dir, passphrase=answer.new_passphrase)
    try:
        return vault, vault.renew_recovery_code()
    except BaseException:
        vault.close()
        raise


def repair_and_open(data_dir: Path, passphrase: str | None, choice: str,
                    backup_id: str | None, lang: str) -> tuple[Vault, str]:
    """What the unlock thread runs after the damaged dialog: the chosen repair
    (:mod:`otdesk.storage.repair`, which sets the current files aside), then the vault
    opened; returns it with the report to show."""
    from otdesk.storage import repair

    report = repair.repair(data_dir, choice, passphrase=passphrase, backup_id=backup_id,
                           lang=lang)
    return open_vault(data_dir, passphrase=passphrase), report


class Unlock(QObject):
    """Opens an existing vault without holding the UI thread.

    :func:`open_existing` runs on a thread of its own (the keyring's D-Bus round trip,
    or scrypt); its answer comes back on the UI thread.  When the vault needs a
    passphrase, or the one given was wrong, it is asked over ``frame`` (with what was
    wrong) and tried again on a new thread.  When the keyring has no key that fits, the
    recovery dialog offers the passphrase, the recovery code and what to tell IT; when
    the database cannot be read, the damaged dialog offers the newest good backup and a
    salvage — each of those runs on a new thread too.  Ends with ``done(vault)`` once:
    None when the person cancelled, when opening was refused (said in a dialog) or when
    something unexpected broke it (kept in ``failure`` for the caller).  A vault that
    opens after the caller stopped waiting is closed by :meth:`finish`."""

    done = Signal(object)  # Vault | None
    _answered = Signal()

    def __init__(self, data_dir: Path, passphrase: str | None, lang: str,
                 frame: QWidget, *, repair: tuple[str, str | None] | None = None,
                 recover: bool = False) -> None:
        super().__init__()
        self.data_dir, self.passphrase, self.lang, self.frame = data_dir, passphrase, lang, frame
        self.repair = repair  # (choice, backup id): done first, then the vault opened
        self.recover = recover  # the recovery dialog first (a forgotten passphrase)
        self.failure: BaseException | None = None
        self._dialog = None  # the PassphraseDialog, once asked
        self._recovery = None  # the RecoveryDialog, once shown
        self._mode = "open"  # or "recover", "repair": which dialog a refusal goes back to
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._result: tuple[object, BaseException | None] | None = None
        self._answered.connect(self._answer)  # queued: emitted on the unlock thread

    def start(self) -> None:
        if self.recover:
            self.recover = False
            self._ask_recovery("forgotten")
            return
        if self.repair is not None:
            (choice, backup_id), passphrase, lang = self.repair, self.passphrase, self.lang
            self._run("repair", lambda: repair_and_open(self.data_dir, passphrase, choice,
                                                        backup_id, lang))
            return
        self._run("open", lambda: open_existing(self.data_dir, self.passphrase))

    def _run(self, mode: str, attempt) -> None:
        self._mode = mode
        self._thread = threading.Thread(target=self._open, args=(attempt,),
                                        daemon=True, name="otdesk-unlock")
        self._thread.start()

    def finish(self) -> None:
        """Wait for the thread; close a vault it opened that nobody took."""
        if self._thread is not None:
            self._thread.join()
        value, _ = self._take()
        vault = value[0] if isinstance(value, tuple) else value
        if vault is not None:
            vault.close()

    def _open(self, attempt) -> None:
        try:
            result = (attempt(), None)
        except BaseException as exc:  # handed to the UI thread, which decides
            result = (None, exc)
        with self._lock:
            self._result = result
        self._answered.emit()

    def _take(self) -> tuple[object, BaseException | None]:
        """The thread's answer (once): what the attempt returned, or what it raised."""
        with self._lock:
            result, self._result = self._result, None
        return result or (None, None)

    def _answer(self) -> None:
        value, exc = self._take()
        if exc is None:
            self._opened(value)
            return
        key = exc.key if isinstance(exc, UserError) else None
        if key in ("error.passphrase_needed", "error.passphrase_wrong") and \
                self._mode in ("open", "repair"):
            self._ask_passphrase(exc)  # (then start() again: the repair too, if asked)
        elif key in RECOVERY_REFUSED and self._mode == "recover":
            self._ask_recovery(None, error=exc.message(self.lang))
        elif key in KEY_PROBLEMS:
            self._ask_recovery(key)
        elif key in DAMAGE and self._mode != "repair":
            self._ask_repair(exc)
        elif isinstance(exc, UserError):
            _error(self.frame, exc, self.lang)
            self.done.emit(None)
        else:
            self.failure = exc
            self.done.emit(None)

    def _opened(self, value) -> None:
        """The vault, and what to show about how it was opened: a new recovery code
        (after a recovery) or a repair's report."""
        vault, note = value if isinstance(value, tuple) else (value, None)
        self.repair = None  # (done)
        if note and self._mode == "recover":
            from otdesk.ui.key_dialogs import RecoveryCodeDialog

            RecoveryCodeDialog(note, parent=self.frame).exec()
        elif note and self._mode == "repair":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.frame, "OT Desk", note)
        self.done.emit(vault)

    def _ask_passphrase(self, exc: UserError) -> None:
        if self._dialog is None:
            from otdesk.ui.key_dialogs import PassphraseDialog

            self._dialog = PassphraseDialog(QCoreApplication.translate(
                "PassphraseDialog", "Passphrase for your OT Desk data:"), parent=self.frame,
                offer_recovery=True)
        if exc.key == "error.passphrase_wrong":
            self._dialog.show_error(exc.message(self.lang))
        answer = self._dialog.exec()
        if self._dialog.wants_recovery:
            self._dialog.wants_recovery = False
            self._ask_recovery("forgotten")
            return
        if answer != QDialog.DialogCode.Accepted:
            self.done.emit(None)
            return
        self.passphrase = self._dialog.passphrase.text()
        self._dialog.passphrase.clear()  # (not kept in the field)
        self.start()

    def _ask_recovery(self, why: str | None, *, error: str | None = None) -> None:
        from otdesk.storage.vault import VaultPaths, read_slots
        from otdesk.ui.recovery_dialog import RecoveryDialog, reason_text

        if self._recovery is None or why is not None:
            try:
                slots = read_slots(VaultPaths(self.data_dir))
            except UserError as exc:
                _error(self.frame, exc, self.lang)
                self.done.emit(None)
                return
            self._recovery = RecoveryDialog(
                reason_text(why), slots, self.data_dir, lang=self.lang, parent=self.frame,
                needs_new_passphrase=keyring_store.secure_keyring() is None,
                offer_passphrase=why != "forgotten")
        if error:
            self._recovery.show_error(error)
        if self._recovery.exec() != QDialog.DialogCode.Accepted:
            self.done.emit(None)
            return
        answer = self._recovery.answer
        self._run("recover", lambda: recover_and_open(self.data_dir, answer))

    def _ask_repair(self, exc: UserError) -> None:
        from otdesk.storage import backups
        from otdesk.storage.vault import VaultPaths
        from otdesk.ui.damaged_dialog import DamagedVaultDialog

        try:
            newest = backups.newest_good(VaultPaths(self.data_dir))
        except UserError:
            newest = None
        dialog = DamagedVaultDialog(exc.key, exc.message(self.lang), newest, self.lang,
                                    parent=self.frame)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice == "quit":
            self.done.emit(None)
            return
        self.repair = (dialog.choice, newest.id if newest is not None else None)
        self.start()
