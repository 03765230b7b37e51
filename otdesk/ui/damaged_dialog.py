"""When the vault's database cannot be read: what happened, the newest good backup
with its date, and the ways back — *Restore*, *Salvage what can be read*, *Quit*.
Nothing is replaced or deleted: restore and salvage set the current files aside
(:mod:`otdesk.storage.repair`); the work itself runs on the unlock thread."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from otdesk.core import dates

#: the problems where nothing of the database can be read, so salvage has nothing to do
NOTHING_TO_READ = ("error.db_missing", "error.db_empty", "error.db_not_file")


def problem_text(problem: str, fallback: str) -> str:
    """What happened, in the app's words (the command line's message names commands)."""
    from PySide6.QtCore import QCoreApplication

    if problem == "error.db_damaged":
        return QCoreApplication.translate(
            "DamagedVaultDialog", "The database file of your OT Desk data is damaged: the "
            "key is right, but parts of the file cannot be read. Nothing has been deleted.")
    if problem == "error.wal_unreadable":
        return QCoreApplication.translate(
            "DamagedVaultDialog", "Beside the database there is a log file (otdesk.db-wal) "
            "that this key cannot read: it is damaged or comes from another vault. Nothing "
            "has been changed.")
    if problem in NOTHING_TO_READ:
        return QCoreApplication.translate(
            "DamagedVaultDialog", "The database file of your OT Desk data is missing or "
            "empty, although its keys are there. No new empty database is made and "
            "nothing has been changed.")
    return fallback


class DamagedVaultDialog(QDialog):
    """``problem`` is the UserError's key, ``why`` its message; ``backup`` the newest
    good BackupInfo or None.  After ``exec``, ``choice`` is "restore", "salvage",
    "set_wal_aside" or "quit"."""

    def __init__(self, problem: str, why: str, backup, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = "quit"
        self.setWindowTitle(self.tr("OT Desk: the data file cannot be read"))
        why = problem_text(problem, why)
        reason = QLabel(why)
        reason.setWordWrap(True)
        reason.setAccessibleName(self.tr("What happened"))
        reason.setAccessibleDescription(why)
        if backup is not None:
            when = backup.created
            found = self.tr("The newest good backup is from {day} at {time} ({count} "
                            "consultations). Restoring it brings back everything saved "
                            "until then; the current files are set aside, not deleted."
                            ).format(day=dates.day_text(when),
                                     time=dates.clock_text(when, lang),
                                     count=backup.counts.get("consultations", "?"))
        else:
            found = self.tr("No backup was found in this computer's backup folder.")
        backup_label = QLabel(found)
        backup_label.setWordWrap(True)
        backup_label.setAccessibleName(self.tr("Backup"))
        backup_label.setAccessibleDescription(found)
        self.restore_button = QPushButton(self.tr("&Restore the backup"))
        self.restore_button.setEnabled(backup is not None)
        self.restore_button.clicked.connect(lambda: self._choose("restore"))
        self.salvage_button = QPushButton(self.tr("&Salvage what can be read"))
        self.salvage_button.setToolTip(self.tr(
            "Copies every consultation that can still be read into a new file with the "
            "same keys and says what could not be read."))
        self.salvage_button.setVisible(problem not in NOTHING_TO_READ)
        self.salvage_button.clicked.connect(lambda: self._choose("salvage"))
        self.wal_button = QPushButton(self.tr("Set the &log file aside and open"))
        self.wal_button.setVisible(problem == "error.wal_unreadable")
        self.wal_button.clicked.connect(lambda: self._choose("set_wal_aside"))
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.wal_button, self.restore_button, self.salvage_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addWidget(backup_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)
        first = next((b for b in (self.wal_button, self.restore_button, self.salvage_button)
                      if b.isVisibleTo(self) and b.isEnabled()), self.quit_button)
        first.setDefault(True)
        first.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
