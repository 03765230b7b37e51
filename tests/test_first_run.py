"""First run and unlocking, through the dialogs a consultant sees."""

from __future__ import annotations

import re

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from conftest import PASSPHRASE, answer
from otdesk.storage.vault import init_vault
from otdesk.ui.key_dialogs import PassphraseDialog, RecoveryCodeDialog
from otdesk.ui.unlock import make_vault






def test_first_run_without_keyring_chooses_a_passphrase_and_shows_the_code(
        qtbot, data_dir, without_keyring):
    seen: list = []

    def choose(d: PassphraseDialog) -> None:
        d.passphrase.setText("lyhyt")
        d.again.setText("lyhyt")
        d._check()  # OK: too short, the dialog says so and stays
        assert d.isVisible() and "8" in d.error.text()
        d.passphrase.setText(PASSPHRASE)
        d.again.setText(PASSPHRASE + "x")
        d._check()
        assert d.isVisible() and d.error.text()
        d.again.setText(PASSPHRASE)
        answer(RecoveryCodeDialog, confirm_code, seen)
        d._check()

    def confirm_code(d: RecoveryCodeDialog) -> None:
        assert re.fullmatch(r"(?:[0-9A-Z]{5}-){7}[0-9A-Z]{5}", d.code)
        assert not d.ok.isEnabled()
        d.reject()  # Esc does not skip the code
        assert d.isVisible()
        d.stored.setChecked(True)
        d.ok.click()

    answer(PassphraseDialog, choose, seen)
    vault = make_vault(data_dir, lang="fi")
    assert vault is not None
    try:
        assert [type(d) for d in seen] == [PassphraseDialog, RecoveryCodeDialog]
        assert vault.slots.has_passphrase()
    finally:
        vault.close()


def test_the_first_run_flow_ends_by_asking_the_consultants_contact_details(
        qtbot, data_dir, tmp_path, without_keyring, monkeypatch):
    """The whole desktop start on a new laptop: passphrase, recovery code, then who the
    requester can reach; the profile lands in the settings file, not the vault."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from otdesk.ui.app import run_app
    from otdesk.config.settings import UserSettings
    from otdesk.ui.main_window import MainWindow
    from otdesk.ui.profile_dialog import ProfileDialog

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)  # run_app wants a display …
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # … and this one is offscreen
    seen: list = []

    def choose(d: PassphraseDialog) -> None:
        d.passphrase.setText(PASSPHRASE)
        d.again.setText(PASSPHRASE)
        answer(RecoveryCodeDialog, confirm, seen)
        d._check()

    def confirm(d: RecoveryCodeDialog) -> None:
        d.stored.setChecked(True)
        answer(ProfileDialog, profile, seen)
        d.ok.click()

    def profile(d: ProfileDialog) -> None:
        d.form.name.setFocus()
        QTest.keyClicks(d.form.name, "Sanna Virtanen")
        QTest.keyClicks(d.form.phone, "040 123 4567")
        QTest.keyClicks(d.form.email, "sanna@example.fi")
        QTest.keyClick(d, Qt.Key.Key_Return)
        close_main_window()

    def close_main_window():
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            seen.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(50, close_main_window)

    answer(PassphraseDialog, choose, seen)
    settings_file = tmp_path / "settings.toml"
    assert run_app(data_dir, lang="fi", settings_file=settings_file) == 0
    assert [type(d) for d in seen] == [PassphraseDialog, RecoveryCodeDialog, ProfileDialog,
                                       MainWindow]
    saved = UserSettings.load(settings_file)
    assert saved.profile.name == "Sanna Virtanen" and saved.profile.phone == "040 123 4567"
    assert saved.profile_asked


def _start_with_passphrase(data_dir, tmp_path, monkeypatch, act) -> tuple[int, list]:
    """run_app on an existing passphrase vault; ``act(dialog, frame)`` answers the
    passphrase dialog (``frame``: the main window visible meanwhile, if any)."""
    from otdesk.ui.app import run_app
    from otdesk.ui.main_window import MainWindow

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)  # run_app wants a display …
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # … and this one is offscreen
    seen: list = []

    def main_window():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible()), None)

    answer(PassphraseDialog, lambda d: act(d, main_window(), seen), seen)
    code = run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml")
    return code, seen


def test_the_window_is_there_while_the_passphrase_is_asked_and_fills_once_open(
        qtbot, data_dir, tmp_path, without_keyring, monkeypatch):
    """A start: the window's frame at once, the passphrase asked over it, then the list
    of the opened vault in that same window."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from otdesk.demo import insert_demo
    from otdesk.storage.vault import open_vault

    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        insert_demo(vault, 30, seed=3, deliveries=False)

    def type_it(dialog, frame, seen):
        seen.append(frame)
        assert frame is not None and frame.list is None  # the frame, nothing open yet
        assert dialog.parent() is frame
        assert not frame.new_action.isEnabled()
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        filled(frame, seen)

    def filled(window, seen):
        if window.list is not None and window.list.model.rowCount() == 30:
            seen.append(window.list.model.rowCount())
            seen.append(window.new_action.isEnabled())
            window.close()
        else:
            QTimer.singleShot(20, lambda: filled(window, seen))

    code, seen = _start_with_passphrase(data_dir, tmp_path, monkeypatch, type_it)
    assert code == 0
    assert isinstance(seen[0], PassphraseDialog)
    assert seen[2:] == [30, True]  # the list of the vault, in the same window
    assert seen[1].isHidden()  # … which the person closed


def test_cancelling_the_passphrase_closes_the_frame_and_ends_the_start(
        qtbot, data_dir, tmp_path, without_keyring, monkeypatch):
    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())

    def cancel(dialog, frame, seen):
        seen.append(frame)
        dialog.reject()

    code, seen = _start_with_passphrase(data_dir, tmp_path, monkeypatch, cancel)
    assert code == 1
    assert seen[1] is not None and not seen[1].isVisible()


def test_a_wrong_passphrase_is_asked_again_with_the_reason_while_the_window_stays_live(
        qtbot, data_dir, tmp_path, without_keyring, monkeypatch):
    """The passphrase's scrypt (~0.5 s) runs beside the UI thread: the frame's event
    loop turns meanwhile (a 10 ms timer keeps firing); a wrong passphrase brings the
    dialog back saying so; the right one fills the window."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def type_it(dialog, frame, seen):
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        typed = "vaara tunnuslause" if len(seen) == 2 else PASSPHRASE  # (ASCII: QTest)
        dialog.passphrase.clear()
        QTest.keyClicks(dialog.passphrase, typed)
        if len(seen) == 2:  # asked again when the wrong one is refused
            answer(PassphraseDialog, lambda d: type_it(d, frame, seen), seen)
        heartbeat.start(10)
        beats[:] = [time.perf_counter()]
        QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        if len(seen) > 3:
            opened(frame, seen)

    def opened(window, seen):
        if window.list is not None:
            heartbeat.stop()
            beats.append(time.perf_counter())
            seen.append(max(b - a for a, b in zip(beats, beats[1:])))
            window.close()
        else:
            QTimer.singleShot(20, lambda: opened(window, seen))

    code, seen = _start_with_passphrase(data_dir, tmp_path, monkeypatch, type_it)
    assert code == 0
    assert isinstance(seen[0], PassphraseDialog) and seen[1] == ""
    assert isinstance(seen[2], PassphraseDialog) and "Väärä tunnuslause" in seen[3]
    assert seen[4] < 0.1  # the event loop never stood still for the right passphrase's scrypt


def test_an_unexpected_failure_while_unlocking_ends_the_start_and_is_reported(
        qtbot, data_dir, tmp_path, without_keyring, monkeypatch):
    """Not a frame left saying "Opening…" for ever: the error reaches the caller (the
    command line prints it and exits non-zero), and no window is left."""
    from otdesk.ui.app import run_app
    from otdesk.ui import unlock
    from otdesk.ui.main_window import MainWindow

    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")

    def broken(*args, **kwargs):  # (on the unlock thread)
        raise RuntimeError("the keyring daemon went away")

    monkeypatch.setattr(unlock, "open_existing", broken)
    with pytest.raises(RuntimeError, match="went away"):
        run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml")
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
