"""The consultant's settings: language, and the centre's deadline promises."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

from otdesk.settings import UserSettings

LANGUAGE_NAMES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: UserSettings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.intake = QSpinBox()
        self.intake.setRange(0, 250)
        self.intake.setValue(settings.intake_working_days)
        self.intake.setAccessibleName(self.tr("Intake within working days"))
        self.preparation = QSpinBox()
        self.preparation.setRange(0, 250)
        self.preparation.setValue(settings.preparation_working_days)
        self.preparation.setAccessibleName(self.tr("Preparation within working days"))
        note = QLabel(self.tr("A new language and new deadlines take effect when OT Desk is "
                              "started again."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Intake within (working days)"), self.intake)
        form.addRow(self.tr("&Preparation within (working days)"), self.preparation)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.language = self.language.currentData()
        self.settings.intake_working_days = self.intake.value()
        self.settings.preparation_working_days = self.preparation.value()
        super().accept()
