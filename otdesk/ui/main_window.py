"""The main window: the consultation list, and the editor for the one opened.

It never touches the database itself: every write is an operation on the storage
worker and every read a question to the reader (:mod:`otdesk.ui.operations`), and
what a write changed comes back as :class:`~otdesk.storage.changes.Changes`.
Closing the window waits (visibly) until whatever is on its way to the disk is
stored, and never asks "save?".
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from otdesk.storage.background import yield_to_the_ui
from otdesk.core import dates
from otdesk.core.domain import Consultation
from otdesk.core.errors import UserError
from otdesk.config.policy import Policy
from otdesk.config.settings import UserSettings
from otdesk.storage.changes import Changes
from otdesk.storage.vault import Vault
from otdesk.ui.collector import UiCollector
from otdesk.ui.consultation_list import ConsultationList
from otdesk.ui.operations import OperationRunner
from otdesk.ui.unlock import KEY_PROBLEMS

log = logging.getLogger(__name__)

#: how often closing looks whether the storage worker is done
CLOSE_POLL_MS = 50
#: how often the idle-time build looks whether the editor's modules are imported
WARMUP_POLL_MS = 20
#: what the editor and its Summary page import, imported on a thread of their own after
#: the first paint, so the UI thread never waits for them
EDITOR_MODULES = ("otdesk.operations.delivery", "otdesk.ui.editor", "otdesk.ui.summary_page")
#: what renders the summary (reportlab: ~25 MiB, ~0.3 s), imported on a thread of its own
#: once the editor is built in idle time (or a consultation is opened before that), so
#: that neither the first screen nor the first open shares the interpreter with it
RENDER_MODULE = "otdesk.summary"


def _started(target, name: str) -> threading.Thread:
    """A warm-up thread of its own (the process does not wait for it to end)."""
    thread = threading.Thread(target=target, daemon=True, name=name)
    thread.start()
    return thread


def _warn(parent, text: str) -> None:
    """A warning with OK (QMessageBox is imported when one is needed: its class and enums
    cost the start ~1.5 ms)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, "OT Desk", text)


def _import_renderer() -> None:
    yield_to_the_ui()
    importlib.import_module(RENDER_MODULE)


def _import_editor_modules() -> None:
    """…and read what they read on first use: the wording of messages (~15 ms of TOML),
    the days off the editor's deadlines count with (the holiday cache file)."""
    yield_to_the_ui()
    for name in EDITOR_MODULES:
        importlib.import_module(name)
    from otdesk.core.errors import message
    from otdesk.core.labels import field_label
    from otdesk.core.workdays import add_working_days

    message("error.storage")
    field_label("question", "fi")
    add_working_days(dates.today(), 1)


class Opened:
    """A consultation opened for a person to read (recorded in the audit log)."""

    def __init__(self, store, consultation_id: int) -> None:
        self.consultation = store.repository.view(consultation_id)
        self.sealed = store.repository.is_sealed(consultation_id)


#: how often the window asks whether a backup of the editing is due (backups.due)
BACKUP_CHECK_MS = 5 * 60 * 1000
#: how long after the list is up the file's check starts (storage/health.py): the first
#: searches and opens of a session do not share the disk and the cores with it
CHECK_DELAY_MS = 20_000
#: how long closing waits for the closing backup (a 10,000-consultation vault: ~2 s)
CLOSE_BACKUP_S = 60


class MainWindow(QMainWindow):
    """The app's one window.  Made without a vault it is the frame, shown at once while
    the vault opens (:meth:`attach` fills it); made with one, it is whole at once."""

    #: a backup ended (BackupInfo or None, error or None): from the backup thread
    _backup_done = Signal(object, object)
    #: the check of the file after the start found damage (the UserError)
    _file_damaged = Signal(object)

    def __init__(self, vault: Vault | None, lang: str = "fi",
                 settings: UserSettings | None = None, settings_file=None,
                 policy: Policy | None = None) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.lang = lang
        self.policy = policy or Policy()
        self.settings = settings or UserSettings(language=lang)
        self.settings_file = settings_file
        # the organisation's policy wins over the user's own numbers
        self.rules = self.policy.deadline_rules(self.settings)
        self.setWindowTitle("OT Desk")
        self.resize(1280, 820)

        self.runner = self.list = None  # (attach)
        self.spelling = None  # the text fields' SpellCheck (after the first paint)
        self.experts: list = []
        self._editor = None  # built in idle time after the list is painted (_first_listed)
        self._warming = False  # the editor is being prepared (_first_listed)
        self._warmup: threading.Thread | None = None
        self._render_warmup: threading.Thread | None = None
        self.summary = None
        self.stack = QStackedWidget()
        self.opening_page = QLabel(self.tr("Opening your OT Desk data…"))
        self.opening_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_page)
        self.setCentralWidget(self.stack)
        self.saving_label = QLabel()  # "Saving…" while closing waits for the disk
        self.saving_label.setAccessibleName(self.tr("Saving"))
        self.backup_label = QLabel()  # a backup that failed, until one succeeds
        self.backup_label.setWordWrap(True)
        self.backup_label.setAccessibleName(self.tr("Backup"))
        self._status_made = False  # (the status bar is made when first shown: _status)
        self._build_menus()
        self._created_blank: int | None = None
        self._blank_snapshot: dict | None = None
        self._opening = False  # an open or a new consultation is on its way
        self._closing = False
        self._closed = False
        self.locked = False
        self.lock_screen = None
        self.vault_lock = None  # closes the vault behind the lock screen (lock)
        #: the damaged dialog's choice ("restore" or "salvage", backup id): run_app does
        #: it once this window has closed, and opens the vault again
        self.repair_request: tuple[str, str | None] | None = None
        #: the window closed to open the vault again, from the lock screen: "open" (the
        #: keyring lost the key: the recovery dialog follows) or "recover" (a forgotten
        #: passphrase: the recovery dialog first)
        self.reopen_request: str | None = None
        self.backups = None  # the BackupWorker (once the list is painted: _first_listed)
        self._backup_timer: QTimer | None = None
        self._check_after_unlock = False
        self._edited_since_backup = False
        self._backup_done.connect(self._backed_up)
        self._file_damaged.connect(self._damaged)
        self._check: threading.Thread | None = None  # the file's check (_first_listed)
        self._damage_told = False
        self.collector = UiCollector(self)  # no garbage collection on the workers' threads
        self.idle = None
        if vault is not None:
            self.attach(vault)

    def attach(self, vault: Vault) -> None:
        """The vault is open: the storage worker starts and the list is asked for."""
        self.vault = vault
        # the storage worker writes from now on; this connection only reads (tests)
        vault.hand_over_writing()
        actor = self.settings.profile.actor()
        self.runner = OperationRunner(vault, actor=actor, rules=self.rules,
                                      expert_defaults=self.policy.expert_defaults, parent=self)
        self.list = ConsultationList(self.runner, self.lang)
        self.stack.addWidget(self.list)
        self.stack.setCurrentWidget(self.list)
        self.stack.removeWidget(self.opening_page)
        self.opening_page.deleteLater()
        self.list.painted.connect(self._first_listed)
        self.list.open_requested.connect(self.open_consultation)
        self.list.new_requested.connect(self.new_consultation)
        self.runner.saved.connect(self._saved)
        self.runner.failed.connect(self._failed)
        self.runner.changed.connect(self._changed)
        self.runner.damaged.connect(self._damaged)
        for action in self._vault_actions:
            action.setEnabled(True)
        self.list.reload()  # (the experts are read once the list is painted: _first_listed)
        # auto-lock after the idle minutes of the organisation's policy (0 = never)
        if self.policy.auto_lock_minutes > 0:
            from otdesk.ui.autolock import IdleTimer

            self.idle = IdleTimer(self.policy.auto_lock_minutes, self)
            self.idle.idle.connect(self.lock)

    @property
    def writer(self):
        """The storage worker (a new one after each unlock)."""
        return self.runner.writer if self.runner is not None else None

    def _first_listed(self) -> None:
        """The first screen of the list is painted: prepare the editor in idle time, so
        that the first open is as quick as later ones and nothing of it delays the list.
        Nothing once the window closes: a paint can come after the close, and a worker
        started then would outlive the vault (a daemon thread at the process's end)."""
        if self._closed or self._closing:
            return
        if not self._warming:
            self._warming = True
            if self.backups is None:
                self._start_backups(self.vault)
            self._read_experts()
            self._start_spelling()
            self._start_warmup()
            QTimer.singleShot(CHECK_DELAY_MS, self._start_check)

    def _start_check(self) -> None:
        if self.locked:  # (the key is out of memory): after the unlock
            self._check_after_unlock = True
            return
        if not (self._closed or self._closing):
            self._check = _started(self._check_file, "otdesk-check")

    def _check_file(self) -> None:
        """On a thread of its own: every page of the file (storage/health.py); damage
        brings the damaged dialog."""
        from otdesk.storage import health

        yield_to_the_ui()
        try:
            if health.damaged_pages(self.vault.paths, self.vault.data_key):
                self._file_damaged.emit(UserError("error.db_damaged"))
        except UserError as exc:  # (the file went away meanwhile, say: the writes tell)
            if exc.key == "error.db_damaged":
                self._file_damaged.emit(exc)

    def _start_warmup(self) -> None:
        """The editor's imports on a thread of their own, then its pieces in idle time."""
        if self._closed or self._closing:
            return
        self._warmup = _started(_import_editor_modules, "otdesk-warmup")
        QTimer.singleShot(WARMUP_POLL_MS, self._build_when_idle)

    def _warm_renderer(self) -> None:
        """Bring in the summary's renderer before it is asked (once)."""
        if self._render_warmup is None:
            self._render_warmup = _started(_import_renderer, "otdesk-warmup-render")

    def _build_when_idle(self) -> None:
        """One piece of the editor per turn of the event loop, once its modules are in."""
        if self._closed or self._closing:
            return
        if self._warmup is not None and self._warmup.is_alive():
            QTimer.singleShot(WARMUP_POLL_MS, self._build_when_idle)
            return
        if self._editor is None:
            self._start_editor(in_steps=True)
        elif not self._editor.build_step():
            # the editor is built: then the summary's renderer
            self._warm_renderer()
            return
        QTimer.singleShot(0, self._build_when_idle)

    @property
    def editor(self):
        """The consultation editor (with its Summary page); what idle time has not built
        yet is built now."""
        if self._editor is None:
            self._start_editor(in_steps=False)
        self._editor.finish_building()
        return self._editor

    def _start_editor(self, in_steps: bool) -> None:
        from otdesk.ui.editor import ConsultationEditor
        from otdesk.ui.summary_page import SummaryPage

        self._ensure_spelling()
        self.summary = SummaryPage(self, self.lang, allow_print=self.policy.allows("print"),
                                   allow_pdf=self.policy.allows("pdf"))
        self._editor = ConsultationEditor(self.runner, self.lang, self.rules,
                                          summary=self.summary, in_steps=in_steps)
        self._editor.back_requested.connect(self.show_list)
        self._editor.recorder = self.author_name()
        self._editor.experts = self.experts
        self.stack.addWidget(self._editor)

    def _failed(self, consultation_id: int, error: UserError) -> None:
        if self._editor is not None and not self._closed:
            self._editor.on_failed(consultation_id, error)

    def _changed(self, changes: Changes) -> None:
        """A write on the worker: the views that show what it touched update."""
        if self._closed:
            return
        self._edited(changes)
        self.list.on_changed(changes)
        if "experts" in changes.tables:
            self._read_experts()

    # -- backups ------------------------------------------------------------------------------

    def _start_backups(self, vault: Vault) -> None:
        """Backups on a thread of their own (never in the write queue): every two hours of
        editing, after a delivery, when the window closes (otdesk/storage/backups.py)."""
        from otdesk.storage.backup_worker import BackupWorker

        self.backups = BackupWorker(vault.paths, vault.data_key,
                                    backup_dir=self.policy.backup_dir,
                                    on_done=self._backup_done.emit)
        if self._backup_timer is not None:
            return  # (unlocked again)
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self._backup_if_due)
        self._backup_timer.start(BACKUP_CHECK_MS)

    def _edited(self, changes: Changes) -> None:
        """Consultations written or deleted, deliveries made: what a backup must catch
        (not what the worker derives on its own: due dates, labels, the first start's
        expert directory; an edit of the directory is in the next backup)."""
        if changes.consultations or changes.deleted or "deliveries" in changes.tables:
            self._edited_since_backup = True
        if "deliveries" in changes.tables and self.backups is not None:
            self._edited_since_backup = False  # (this one holds the delivery)
            self.backups.request("delivery")  # queued, coalesced: the delivery never waits

    def _backup_if_due(self) -> None:
        from otdesk.storage import backups

        if self.backups is not None and not (self._closing or self.locked) and backups.due(
                self.backups.last_success, self._edited_since_backup, dates.now()):
            self._edited_since_backup = False
            self.backups.request("interval")

    def _status(self, shown: bool) -> None:
        """The status bar with the saving and backup labels, shown or hidden; made the
        first time it is shown (made at the start, even hidden, it cost ~3 ms there)."""
        if not self._status_made:
            if not shown:
                return
            self.statusBar().addWidget(self.backup_label, 1)
            self.statusBar().addPermanentWidget(self.saving_label)
            self._status_made = True
        self.statusBar().setVisible(shown)

    def _backed_up(self, info, error) -> None:
        """Said where the consultant sees it until a backup succeeds; never hidden."""
        if self._closed:
            return
        if error is None:
            self.backup_label.clear()
            if not self._closing:
                self._status(False)
            return
        text = error.message(self.lang) if isinstance(error, UserError) else \
            UserError("backup.failed_unexpectedly").message(self.lang)
        self.backup_label.setText("⚠ " + text)
        self.backup_label.setAccessibleDescription(text)
        self._status(True)

    def _damaged(self, error: UserError) -> None:
        """A read or a write found the file damaged: say so, with the ways back; a
        restore or a salvage runs once this window has closed (run_app)."""
        if self._closed or self._closing or self._damage_told:
            return
        self._damage_told = True
        from otdesk.storage import backups
        from otdesk.ui.damaged_dialog import DamagedVaultDialog

        try:
            newest = backups.newest_good(self.vault.paths)
        except UserError:
            newest = None
        dialog = DamagedVaultDialog(error.key, error.message(self.lang), newest, self.lang,
                                    self)
        dialog.exec()
        if dialog.choice in ("restore", "salvage"):
            self.repair_request = (dialog.choice, newest.id if newest is not None else None)
        self.close()  # (Quit too: the next start asks again)

    def _read_experts(self) -> None:
        self.runner.read(lambda store: store.directory.all(), self._experts_read,
                         lambda exc: None, key="experts")

    def _ensure_spelling(self) -> None:
        """The spelling check the text fields made from now on underline with (after the
        first paint: nothing of it at start-up)."""
        if self.spelling is None:
            from otdesk.ui import spell_check

            self.spelling = spell_check.SpellCheck(
                self.lang, self.policy.apply_to(self.settings).spell_check, self._store_word,
                self)
            spell_check.install(self.spelling)

    def _start_spelling(self) -> None:
        """The consultant's own words from the vault, then the dictionary on its thread."""
        from otdesk.storage import personal_words

        self._ensure_spelling()
        if self.spelling.enabled:
            self.runner.read(lambda store: personal_words.words(store.conn), self.spelling.start,
                             lambda exc: self.spelling.start(), key="personal-words")

    def _store_word(self, word: str) -> None:
        """"Add to dictionary": the word into the vault (known at once, stored in order)."""
        from otdesk.storage import personal_words

        self.runner.run(lambda store: personal_words.add(store.repository, word),
                        lambda _: None, self._word_refused)

    def _word_refused(self, error) -> None:
        if not self._closed:
            _warn(self, error.message(self.lang) if isinstance(error, UserError)
                  else UserError("error.storage").message(self.lang))

    def _experts_read(self, experts: list) -> None:
        self.experts = experts
        if self._editor is not None:
            self._editor.set_experts(experts)

    # -- what the Summary page needs (see summary_page.SummaryHost) ------------------

    @property
    def protected_folders(self) -> list:
        """Folders no summary may be saved into (the data folder, after links)."""
        from otdesk.operations import delivery

        return delivery.protected_folders(self.vault.paths.data_dir)

    def summary_context(self):
        """What a summary prints besides the record: organisation, consultant, date
        (a :class:`~otdesk.operations.delivery.SummaryContext`)."""
        from otdesk.operations import delivery

        profile = self.settings.profile
        return delivery.SummaryContext(
            org=self.policy.summary_org(), today=dates.today(),
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
        self.runner.set_actor(actor)  # (the vault's own connection no longer writes)
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
        # the platform's own (none on Linux and Windows), and Ctrl+, everywhere
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences),
                QKeySequence("Ctrl+,")]
        settings.setShortcuts([k for i, k in enumerate(keys) if k not in keys[:i]])
        settings.triggered.connect(self.edit_settings)
        tools.addAction(settings)
        # what needs the vault: off in the frame until it is open (attach)
        self._vault_actions = (self.new_action, self.list_action, experts, settings)
        for action in self._vault_actions:
            action.setEnabled(False)

    # -- moving between list and editor --------------------------------------------------

    def open_consultation(self, consultation_id: int) -> None:
        """Open it on the worker (after every pending save; the opening is audited)."""
        if self._busy() or self._opening:
            return
        self._opening = True
        self._leave_editor()
        self.runner.run(lambda store: Opened(store, consultation_id), self._opened,
                        self._not_opened)

    def _opened(self, opened: Opened) -> None:
        self._load_then_show(opened.consultation, opened.sealed)

    def _load_then_show(self, consultation: Consultation, sealed: bool) -> None:
        """The record into the editor now, the editor on screen at the next turn of the
        event loop: its first paint takes as long as the load (each 7–20 ms on the 2-core
        machine), and a key or a tick between the two is not kept waiting for both."""
        if self.locked or self._closing:
            self._opening = False
            return
        self._warm_renderer()
        try:
            self.editor.load(consultation, sealed)
        except BaseException:
            self._opening = False  # (what failed is reported; the next open may try again)
            raise
        QTimer.singleShot(0, self, lambda: self._show_loaded(consultation.id))

    def _show_loaded(self, consultation_id: int) -> None:
        self._opening = False
        loaded = self.editor.c
        if self.locked or self._closing or loaded is None or loaded.id != consultation_id:
            return  # (locked, closing, or left meanwhile)
        self.stack.setCurrentWidget(self.editor)
        self.editor.show_page(0)

    def _not_opened(self, exc: UserError) -> None:
        self._opening = False
        _warn(self, exc.message(self.lang))

    def new_consultation(self) -> None:
        """A request comes in: create it at once (so autosave has a row) and start typing."""
        if self._busy() or self._opening:
            return  # a delivery is under way: its outcome is shown first
        self._opening = True
        self._leave_editor()
        now = dates.now().replace(microsecond=0)
        self.runner.run(lambda store: store.repository.create(Consultation(received_at=now)),
                        self._created, self._not_opened)

    def _created(self, consultation: Consultation) -> None:
        if not (self.locked or self._closing):
            self._created_blank = consultation.id
            self._blank_snapshot = consultation.to_dict()
        self._load_then_show(consultation, False)

    def _busy(self) -> bool:
        return self._editor is not None and self._editor.busy

    def show_list(self) -> None:
        if self._busy():
            return  # a delivery is under way: its outcome is shown first
        self._leave_editor()
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def _leave_editor(self) -> None:
        """Store what is pending; a new consultation left untouched is removed again
        (on the worker, after its pending save)."""
        if self._editor is None or self._editor.c is None:
            return
        c = self._editor.c
        self.editor.save_now()
        if c.id == self._created_blank and c.to_dict() == self._blank_snapshot:
            self.runner.run(lambda store: store.repository.delete(c.id), lambda _: None,
                            lambda exc: None)  # a blank row left behind harms nothing
        self._created_blank = None
        self.editor.c = None

    def _saved(self, snapshot: Consultation) -> None:
        if self._closed:
            return  # a late message from the writer after the vault was closed
        if self._editor is not None:
            self._editor.on_saved(snapshot)

    # -- auto-lock -----------------------------------------------------------------------------

    def _menu_actions(self):
        for top in self.menuBar().actions():
            if top.menu() is not None:
                yield from (a for a in top.menu().actions() if a is not self.quit_action)

    def lock(self) -> None:
        """Store what is pending, hide every consultation, then close the vault and drop
        its key (on a thread: ui/autolock.py) until :meth:`unlock`."""
        if self._closed or self._closing or self.locked or self.runner is None:
            return
        if self._busy():  # never in the middle of a delivery: lock a little later
            if self.idle is not None:
                self.idle.restart()
            return
        from otdesk.ui.autolock import LockScreen, VaultLock

        self._leave_editor()  # what is pending is stored before the connections close
        if self.lock_screen is None:
            self.lock_screen = LockScreen()
            self.lock_screen.unlock_requested.connect(self.unlock)
            self.stack.addWidget(self.lock_screen)
            self.vault_lock = VaultLock(self.vault, self.runner, self)
            self.vault_lock.state.connect(self.lock_screen.show_state)
            self.vault_lock.opened.connect(self._reopened)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.show_state("closing")
        self.lock_screen.button.setFocus()
        for action in self._menu_actions():
            action.setEnabled(False)
        self.locked = True
        self.list.forget_lines()  # what the list had read is let go too
        if self._edited_since_backup and self.backups is not None:
            self._edited_since_backup = False
            self.backups.request("lock")  # (made before the key goes)
        self.vault_lock.close(self._stop_key_holders)

    def _stop_key_holders(self) -> None:
        """On the lock's thread, after the writer and the reader closed: the backup under
        way ends, the file's check too; neither holds the key after that."""
        if self.backups is not None and not self.backups.close(timeout=CLOSE_BACKUP_S):
            log.warning("lock: the backup did not end in %d s", CLOSE_BACKUP_S)
        if self._check is not None:
            self._check.join()

    def unlock(self) -> None:
        """Ask the passphrase (a keyring vault: the keyring) and open the vault again on
        the lock's thread; the list comes back when it is open (_reopened)."""
        if not self.locked or not self.lock_screen.button.isEnabled():
            return  # (opening already)
        self._unlock(error=None)

    def _unlock(self, error: str | None) -> None:
        from otdesk.ui.autolock import FORGOTTEN, ask_passphrase

        passphrase = None
        if self.vault.slots.has_passphrase():
            passphrase = ask_passphrase(self, self.lang, error)
            if passphrase is FORGOTTEN:  # the recovery dialog, as at the start
                self._reopen("recover")
                return
            if passphrase is None:
                return  # cancelled: still locked
        self.lock_screen.show_state("opening")
        self.vault_lock.open(passphrase)

    def _reopened(self, error) -> None:
        if not self.locked or self._closed:
            return
        if error is not None:
            self.lock_screen.show_state("closed" if self.vault.suspended else "unsaved")
            if error.key == "error.passphrase_wrong":
                self._unlock(error=error.message(self.lang))
            elif error.key in KEY_PROBLEMS:
                self._offer_recovery()
            else:
                _warn(self, error.message(self.lang))
            return
        self.locked = False
        if self.backups is not None and self.backups.closed:
            self._start_backups(self.vault)
        for action in self._menu_actions():
            action.setEnabled(True)
        self.list.reload()
        self.show_list()
        if self.idle is not None:
            self.idle.restart()
        if self._check_after_unlock:
            self._check_after_unlock = False
            QTimer.singleShot(CHECK_DELAY_MS, self._start_check)

    def _offer_recovery(self) -> None:
        """The keyring lost the key while the app was locked: the window closes (nothing
        is open, nothing unsaved) and opens again, where the recovery dialog asks for the
        recovery code or the passphrase (run_app, ui/unlock.py)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "OT Desk", self.tr(
            "Your data's key is no longer in the keyring, so OT Desk cannot be unlocked "
            "with it. Nothing is lost: OT Desk can open again and ask for your recovery "
            "code (or your passphrase, if you have one)."), parent=self)
        recover = box.addButton(self.tr("&Recover…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is recover:
            self._reopen("open")

    def _reopen(self, how: str) -> None:
        self.reopen_request = how
        self.close()

    # -- dialogs ----------------------------------------------------------------------------

    def edit_directory(self) -> None:
        from otdesk.ui.experts_dialog import ExpertsDialog

        ExpertsDialog(self.runner, self.lang, self).exec()  # changes come back as Changes

    def edit_settings(self) -> None:
        from otdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, locked=self.policy.locked_user_keys(),
                                effective=self.policy.apply_to(self.settings))
        if dialog.exec():
            self._profile_changed()
            self._rules_changed()
            if self.spelling is not None:
                self.spelling.set_enabled(self.policy.apply_to(self.settings).spell_check)
                self._start_spelling()

    def _rules_changed(self) -> None:
        """New working-day numbers: the editor counts with them, and the worker stores
        every due date again (the list then sorts and counts by them)."""
        rules = self.policy.deadline_rules(self.settings)
        if rules == self.rules:
            return
        self.rules = rules
        if self._editor is not None:
            self._editor.rules = rules
            if self._editor.c is not None:
                self._editor._refresh_header()
        self.runner.run(lambda store: store.repository.use_rules(rules), lambda _: None,
                        lambda exc: None)  # as stored until the disk takes them

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Close once everything on its way to the disk is stored: until then the window
        says "Saving…" and stays usable; a write the disk refused asks first."""
        if self._closed or self.runner is None:  # (the frame: nothing opened, nothing to store)
            self._closed = True
            self.collector.stop()
            event.accept()
            return
        if self.vault_lock is not None and self.vault_lock.busy:  # locking or unlocking
            self.vault_lock.stop_closing()  # (a write the disk refuses is asked below)
            event.ignore()
            self.saving_label.setText(self.tr("Saving…"))
            self._status(True)
            QTimer.singleShot(CLOSE_POLL_MS, self.close)
            return
        if self.summary is not None:
            self.summary.wait_for_print()  # its delivery is queued before the writer stops
        self._leave_editor()
        if self._closing:
            event.ignore()
            return  # already waiting
        self._closing = True
        self.writer.retry()
        if self.writer.idle() and not self.writer.unsaved():
            if self._back_up_on_close():
                event.ignore()  # (_wait_for_backup closes)
                return
            self._finish_closing()
            event.accept()
            return
        event.ignore()
        self.saving_label.setText(self.tr("Saving…"))
        self._status(True)
        self.stack.setEnabled(False)
        self._wait_to_close()

    def _wait_to_close(self) -> None:
        if not self.writer.idle():
            QTimer.singleShot(CLOSE_POLL_MS, self._wait_to_close)
            return
        if self.writer.unsaved():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.warning(
                self, "OT Desk", UserError("error.unsaved_on_close").message(self.lang),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Close:
                self._closing = False
                self.stack.setEnabled(True)
                self._status(False)
                return
        if self._back_up_on_close():
            return  # (_wait_for_backup closes)
        self._finish_closing()
        self.close()

    def _back_up_on_close(self) -> bool:
        """Ask for the closing backup when anything was written since the last one;
        True while closing waits for it (the window says so)."""
        if self.backups is None:
            return False
        if self._edited_since_backup:
            self._edited_since_backup = False
            self.backups.request("close")
        if not self.backups.busy:
            return False
        self.saving_label.setText(self.tr("Making a backup…"))
        self._status(True)
        self.stack.setEnabled(False)
        self._backup_wait_started = dates.now()
        QTimer.singleShot(CLOSE_POLL_MS, self._wait_for_backup)
        return True

    def _wait_for_backup(self) -> None:
        waited = (dates.now() - self._backup_wait_started).total_seconds()
        if self.backups.busy and waited < CLOSE_BACKUP_S:
            QTimer.singleShot(CLOSE_POLL_MS, self._wait_for_backup)
            return
        self._finish_closing()
        self.close()

    def _finish_closing(self) -> None:
        self.collector.stop()
        # an import cut off by the end of the process could hang it (the import lock), and
        # the file's check holds a connection: each takes well under a second (10,000)
        for warmup in (self._warmup, self._render_warmup, self._check):
            if warmup is not None:
                warmup.join()
        self.runner.close(timeout=5)
        if self.backups is not None:
            self._backup_timer.stop()
            self.backups.close(timeout=1)  # (a closing backup was waited for above)
        if self.idle is not None:
            self.idle.stop()
        self._closed = True

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._editor is not None and not self.locked \
                and self.stack.currentWidget() is self._editor:
            self.show_list()
            return
        super().keyPressEvent(event)
