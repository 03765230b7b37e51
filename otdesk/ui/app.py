"""Composition root of the desktop app: paths, policy, vault, main window.

Qt is imported here only when the app really starts, so the command line
stays fast and works without a display.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from otdesk.core.dates import use_zone
from otdesk.core.errors import UserError
from otdesk.config.policy import Policy
from otdesk.config.settings import UserSettings


#: how long a Python thread may hold the interpreter before another may run: the
#: storage worker and the print thread render in Python, and the UI thread must get
#: its turn within a frame (the default 5 ms let it wait 10–14 ms, often longer)
SWITCH_INTERVAL_S = 0.001


def share_the_interpreter() -> None:
    """Let the UI thread in often while workers render (see SWITCH_INTERVAL_S), and keep
    Qt's painting on it: Qt hands large fills to a pool of threads of its own and waits
    for them, and with the storage worker rendering on one of two cores the UI thread
    waited 10–25 ms for them (a summary preview); serial, the same paint takes 5–7 ms.
    (``QT_NO_GUI_THREADPOOL`` is Qt's switch for that, read before its first paint.)"""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def hold_the_collector() -> None:
    """While the app starts, nearly everything it makes (modules, widgets) lives as
    long as the app: the garbage collector, which walked it 60 times in a start (~12 ms),
    waits; from the main window on, its :class:`~otdesk.ui.collector.UiCollector` runs it
    on the UI thread."""
    gc.disable()


def settle_the_heap() -> None:
    """Once the window is up: what exists now lives as long as the app, so the garbage
    collector need not walk it again.  A full collection during a render on a worker
    then takes ~12 ms instead of 35–45 ms (measured with 20,000 consultations loaded),
    and the UI thread waits that much less."""
    gc.freeze()  # (automatic collection stays off: the window's UiCollector collects)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show_fatal(text: str) -> None:
    """A dialog saying why the app cannot start (besides the line on stderr)."""
    if not _has_display() or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    QMessageBox.critical(None, "OT Desk", text)


def ask_profile(user: UserSettings, lang: str, settings_file: Path | None) -> None:
    """The first-run flow's last step: who the requester can reach (once; "Later" is fine)."""
    from otdesk.ui.profile_dialog import ProfileDialog

    ProfileDialog(user.profile, lang).exec()
    user.profile_asked = True
    if settings_file is not None:
        try:
            user.save(settings_file)
        except (OSError, UserError):
            pass  # kept for this session; asked again at the first delivery


def run_app(data_dir: Path, *, passphrase: str | None = None, lang: str = "fi",
            settings_file: Path | None = None, policy: Policy | None = None) -> int:
    if not _has_display():
        raise UserError("error.display")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from otdesk.ui.i18n import install_translators
    from otdesk.ui.unlock import make_vault

    share_the_interpreter()
    hold_the_collector()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OT Desk")
    app.setOrganizationName("OT Desk")
    locale_before = QLocale()
    translators = install_translators(app, lang)  # kept alive while the app runs

    def leave_the_language() -> None:
        """The process may go on (tests, a second start): its language as it was."""
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale_before)
    from otdesk.storage.vault import VaultPaths

    policy = policy or Policy()
    use_zone(policy.time_zone)
    first_run = not VaultPaths(data_dir).exists()
    vault = None
    if first_run:  # making the vault asks first: a passphrase, the recovery code
        vault = make_vault(data_dir, lang=lang, escrow_public_pem=policy.escrow_pem)
        if vault is None:
            gc.enable()
            leave_the_language()
            return 1
    try:
        user = UserSettings.load(settings_file) if settings_file else UserSettings()
    except UserError:
        user = UserSettings()  # a damaged settings file never keeps the app from starting
    if not policy.locked("default_language"):
        user.language = lang  # (a language the policy sets is not the user's own choice)
    if first_run and user.profile.is_empty():
        ask_profile(user, lang, settings_file)
    repair, how = None, None
    try:
        # once, or again after a repair that the damaged dialog asked for, or to recover a
        # key the keyring lost while the window was locked
        while True:
            code, window, passphrase = _run_window(app, data_dir, vault, passphrase, lang,
                                                   user, settings_file, policy, repair,
                                                   recover=how == "recover")
            repair, vault, how = window.repair_request, None, window.reopen_request
            if repair is None and how is None:
                return code
    finally:
        leave_the_language()


def _run_window(app, data_dir: Path, vault, passphrase: str | None, lang: str,
                user: UserSettings, settings_file: Path | None, policy: Policy,
                repair: tuple[str, str | None] | None, *, recover: bool = False):
    """One main window until it closes: the vault given (the first run's), or opened
    beside the window's frame by :class:`~otdesk.ui.unlock.Unlock` (after ``repair``
    when there is one).  Returns the exit code, the window and the passphrase that
    opened the vault (for a second round)."""
    from otdesk.ui.main_window import MainWindow
    from otdesk.ui.unlock import Unlock

    window = MainWindow(vault, lang=lang, settings=user, settings_file=settings_file,
                        policy=policy)
    window.show()
    opened, unlock = [vault], None
    quit_on_close = app.quitOnLastWindowClosed()

    def unlocked(vault) -> None:
        """The unlock's answer: the vault into the frame, or the start ends with 1
        (cancelled, refused and said in a dialog, broken, or the frame closed)."""
        if vault is not None and window.isVisible() and not window._closed:
            opened[0] = vault
            if unlock.passphrase != passphrase:  # typed: not kept beside the open vault
                unlock.passphrase = None  # (a second round asks again)
            try:
                window.attach(vault)
                settle_the_heap()
                return
            except BaseException as exc:  # reported by the caller, as before the frame came
                unlock.failure = exc
                if window.runner is not None:  # attached half-way: stop its storage worker
                    window.runner.close(timeout=5)
                window._closed = True
        elif vault is not None:
            vault.close()
        app.setQuitOnLastWindowClosed(False)  # (closing it would end with 0)
        window.close()
        app.exit(1)

    if vault is None:  # the frame is on screen while the vault opens beside it
        app.processEvents()
        unlock = Unlock(data_dir, None if recover else passphrase, lang, window,
                        repair=repair, recover=recover)
        unlock.done.connect(unlocked)
        unlock.start()
    else:
        settle_the_heap()
    try:
        code = app.exec()
        if unlock is not None and unlock.failure is not None:
            raise unlock.failure
        return code, window, (unlock.passphrase if unlock is not None else None) or passphrase
    finally:
        window.collector.stop()  # (Python collects again once no window is open)
        if unlock is not None:
            unlock.finish()
        app.setQuitOnLastWindowClosed(quit_on_close)
        if opened[0] is not None:
            opened[0].close()
