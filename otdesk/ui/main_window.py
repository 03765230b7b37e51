"""The main window: the consultation list, and the editor for the one opened.

Closing the window stores whatever is still on its way to the disk and never
asks "save?".
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from otdesk.domain import Consultation
from otdesk.errors import UserError
from otdesk.operations import delivery
from otdesk.policy import Policy
from otdesk.settings import UserSettings
from otdesk.storage.experts import ExpertDirectory
from otdesk.storage.vault import Vault
from otdesk.storage.writer import BackgroundWriter
from otdesk.ui.consultation_list import ConsultationList
from otdesk.ui.operations import OperationRunner
from otdesk.ui.writer_signals import WriterSignals


class MainWindow(QMainWindow):
    def __init__(self, vault: Vault, lang: str = "fi", settings: UserSettings | None = None,
                 settings_file=None, policy: Policy | None = None) -> None:
        super().__init__()
        self.vault = vault
        self.lang = lang
        self.policy = policy or Policy()
        self.settings = settings or UserSettings(language=lang)
        self.settings_file = settings_file
        # the organisation's policy wins over the user's own numbers
        self.rules = self.policy.deadline_rules(self.settings)
        self.repository = vault.repository
        self.directory = ExpertDirectory(vault.conn, defaults=self.policy.expert_defaults)
        self.directory.ensure_seeded()
        self.setWindowTitle("OT Desk")
        self.resize(1280, 820)

        self.signals = WriterSignals(self)
        vault.repository.actor = self.settings.profile.actor()
        self.writer = BackgroundWriter(vault, on_saved=self.signals.saved.emit,
                                       on_error=self.signals.failed.emit,
                                       actor=self.settings.profile.actor())
        # every operation beyond autosave runs on the writer; answers come back here
        self.runner = OperationRunner(self.writer, self)
        self.protected_folders = delivery.protected_folders(vault.paths.data_dir)
        self.list = ConsultationList(self.repository, lang, self.rules)
        self._editor = None  # built when the first consultation is opened (faster start)
        self.summary = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.setCentralWidget(self.stack)

        self.list.open_requested.connect(self.open_consultation)
        self.list.new_requested.connect(self.new_consultation)
        self.signals.saved.connect(self._saved)
        self.signals.failed.connect(self._failed)
        self._build_menus()
        self._created_blank: int | None = None
        self._closed = False
        self._stale: set[int] = set()
        self.list.reload()
        # auto-lock after the idle minutes of the organisation's policy (0 = never)
        self.locked = False
        self.lock_screen = None
        self.idle = None
        if self.policy.auto_lock_minutes > 0:
            from otdesk.ui.autolock import IdleTimer

            self.idle = IdleTimer(self.policy.auto_lock_minutes, self)
            self.idle.idle.connect(self.lock)

    @property
    def editor(self):
        """The consultation editor (with its Summary page), built on first use."""
        if self._editor is None:
            from otdesk.ui.editor import ConsultationEditor
            from otdesk.ui.summary_page import SummaryPage

            self.summary = SummaryPage(self, self.lang,
                                       allow_print=self.policy.allows("print"),
                                       allow_pdf=self.policy.allows("pdf"))
            self.summary.changed.connect(self._changed_elsewhere)
            self._editor = ConsultationEditor(self.writer, self.repository, self.directory,
                                              self.lang, self.rules, summary=self.summary)
            self._editor.back_requested.connect(self.show_list)
            self._editor.recorder = self.author_name()
            self.stack.addWidget(self._editor)
        return self._editor

    def _failed(self, consultation_id: int, error: UserError) -> None:
        if self._editor is not None and not self._closed:
            self._editor.on_failed(consultation_id, error)

    # -- what the Summary page needs (see summary_page.SummaryHost) ------------------

    def summary_context(self) -> delivery.SummaryContext:
        profile = self.settings.profile
        return delivery.SummaryContext(
            org=self.policy.summary_org(), today=dt.date.today(),
            consultant=None if profile.is_empty() else dataclasses.replace(profile))

    def ensure_profile(self) -> bool:
        """At the first delivery of a vault ``otdesk init`` made: ask, once, who the
        consultant is (the first-run flow asks when the app makes the vault).
        True when a profile was given now."""
        if not self.settings.profile.is_empty() or self.settings.profile_asked:
            return False
        from otdesk.ui.profile_dialog import ProfileDialog

        ProfileDialog(self.settings.profile, self.lang, self).exec()
        self.settings.profile_asked = True
        self._profile_changed()
        return not self.settings.profile.is_empty()

    def author_name(self) -> str:
        """The consultant's name as printed on addenda ('' without a profile)."""
        return self.settings.profile.display_name()

    def last_save_folder(self) -> str:
        return self.settings.last_save_folder

    def remember_save_folder(self, folder: str) -> None:
        if folder != self.settings.last_save_folder:
            self.settings.last_save_folder = folder
            self._save_settings()

    def _profile_changed(self) -> None:
        actor = self.settings.profile.actor()
        self.vault.repository.actor = actor
        self.writer.set_actor(actor)
        if self._editor is not None:
            self._editor.recorder = self.author_name()
        self._save_settings()

    def _save_settings(self) -> None:
        if self.settings_file is None:
            return
        try:
            self.settings.save(self.settings_file)
        except (OSError, UserError):
            pass  # the settings file holds no data; the values stay in use until closing

    # -- menus ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New consultation"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_consultation)
        file_menu.addAction(self.new_action)
        self.list_action = QAction(self.tr("Consultation &list"), self)
        self.list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.list_action.triggered.connect(self.show_list)
        file_menu.addAction(self.list_action)
        file_menu.addSeparator()
        quit_action = self.quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        experts = QAction(self.tr("&Expert directory…"), self)
        experts.triggered.connect(self.edit_directory)
        tools.addAction(experts)
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.edit_settings)
        tools.addAction(settings)

    # -- moving between list and editor --------------------------------------------------

    def open_consultation(self, consultation_id: int) -> None:
        if self._busy():
            return
        try:
            consultation = self.repository.view(consultation_id)
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self._leave_editor()
        self.editor.load(consultation)
        self.stack.setCurrentWidget(self.editor)
        self.editor.show_page(0)

    def new_consultation(self) -> None:
        """A request comes in: create it at once (so autosave has a row) and start typing."""
        if self._busy():
            return  # a delivery is under way: its outcome is shown first
        self._leave_editor()
        now = dt.datetime.now().astimezone().replace(microsecond=0)
        try:
            consultation = self.repository.create(Consultation(received_at=now))
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self._created_blank = consultation.id
        self._blank_snapshot = consultation.to_dict()
        self.list.update_one(self.repository.summary(consultation.id))
        self.editor.load(consultation)
        self.stack.setCurrentWidget(self.editor)
        self.editor.show_page(0)

    def _busy(self) -> bool:
        return self._editor is not None and self._editor.busy

    def show_list(self) -> None:
        if self._busy():
            return  # a delivery is under way: its outcome is shown first
        self._leave_editor()
        self.writer.flush()
        self._refresh_stale()
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def _leave_editor(self) -> None:
        """Store what is pending; a new consultation left untouched is removed again."""
        if self._editor is None or self._editor.c is None:
            return
        c = self._editor.c
        self.editor.save_now()
        if c.id == self._created_blank and c.to_dict() == self._blank_snapshot:
            self.writer.flush()
            try:
                self.repository.delete(c.id)
            except UserError:
                pass
            self.list.remove(c.id)
            self._stale.discard(c.id)
        self._created_blank = None
        self.editor.c = None

    def _changed_elsewhere(self, consultation_id: int) -> None:
        self._stale.add(consultation_id)

    def _saved(self, snapshot: Consultation) -> None:
        if self._closed:
            return  # a late message from the writer after the vault was closed
        if self._editor is not None:
            self._editor.on_saved(snapshot)
        self._stale.add(snapshot.id)  # the list is refreshed when it is shown again

    def _refresh_stale(self) -> None:
        for consultation_id in sorted(self._stale):
            try:
                self.list.update_one(self.repository.summary(consultation_id))
            except UserError:
                pass  # deleted meanwhile
        self._stale.clear()

    # -- auto-lock -----------------------------------------------------------------------------

    def _menu_actions(self):
        for top in self.menuBar().actions():
            if top.menu() is not None:
                yield from (a for a in top.menu().actions() if a is not self.quit_action)

    def lock(self) -> None:
        """Store what is pending and hide every consultation until :meth:`unlock`."""
        if self._closed or self.locked:
            return
        if self._busy():  # never in the middle of a delivery: lock a little later
            if self.idle is not None:
                self.idle.restart()
            return
        from otdesk.ui.autolock import LockScreen

        self._leave_editor()
        self.writer.flush()
        if self.lock_screen is None:
            self.lock_screen = LockScreen()
            self.lock_screen.unlock_requested.connect(self.unlock)
            self.stack.addWidget(self.lock_screen)
        self.stack.setCurrentWidget(self.lock_screen)
        for action in self._menu_actions():
            action.setEnabled(False)
        self.locked = True

    def unlock(self, ask=None, backend=None) -> bool:
        """Ask the passphrase (or the keyring) again; show the list when it is right."""
        from otdesk.ui.autolock import reauthenticate

        if not self.locked:
            return True
        if not reauthenticate(self.vault, self.lang, self, ask=ask, backend=backend):
            return False
        self.locked = False
        for action in self._menu_actions():
            action.setEnabled(True)
        self.show_list()
        if self.idle is not None:
            self.idle.restart()
        return True

    # -- dialogs ----------------------------------------------------------------------------

    def edit_directory(self) -> None:
        from otdesk.ui.experts_dialog import ExpertsDialog

        ExpertsDialog(self.directory, self.lang, self).exec()
        if self._editor is not None and self._editor.c is not None:
            self._editor._refresh_experts()

    def edit_settings(self) -> None:
        from otdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, locked=self.policy.locked_user_keys(),
                                effective=self.policy.apply_to(self.settings))
        if dialog.exec():
            self._profile_changed()

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.summary is not None:
            self.summary.wait_for_print()  # its delivery is queued before the writer stops
        if self._editor is not None:
            self._editor.save_now()
        if not self.writer.flush(timeout=15):
            answer = QMessageBox.warning(
                self, "OT Desk", UserError("error.unsaved_on_close").message(self.lang),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        self._leave_editor()
        self.writer.close(timeout=5)
        self.runner.closed = True
        if self.idle is not None:
            self.idle.stop()
        self._closed = True
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._editor is not None and not self.locked \
                and self.stack.currentWidget() is self._editor:
            self.show_list()
            return
        super().keyPressEvent(event)
