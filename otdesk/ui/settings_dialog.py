"""The consultant's settings: their contact details, language, the centre's deadline promises.

A value the organisation's policy sets is shown locked: the widget is disabled, and
a tooltip and a small label say the organisation's policy decides it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QSpinBox, QVBoxLayout)

from otdesk.config.settings import UserSettings
from otdesk.ui.group_box import group_box
from otdesk.ui.profile_dialog import ProfileForm

LANGUAGE_NAMES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: UserSettings, parent=None, locked=frozenset(),
                 effective: UserSettings | None = None) -> None:
        """``settings`` are the user's own (changed on OK); ``locked`` the fields the
        organisation's policy sets, and ``effective`` the values then in force (shown)."""
        super().__init__(parent)
        self.settings = settings
        self.locked = set(locked)  # UserSettings fields the organisation's policy sets
        shown = effective or settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(shown.language))
        self.intake = QSpinBox()
        self.intake.setRange(0, 250)
        self.intake.setValue(shown.intake_working_days)
        self.intake.setAccessibleName(self.tr("Intake within working days"))
        self.preparation = QSpinBox()
        self.preparation.setRange(0, 250)
        self.preparation.setValue(shown.preparation_working_days)
        self.preparation.setAccessibleName(self.tr("Preparation within working days"))
        self.spell_check = QCheckBox(self.tr("&Underline unknown words in the text fields"))
        self.spell_check.setChecked(shown.spell_check)
        self.spell_check.setAccessibleName(self.tr("Spelling check"))
        note = QLabel(self.tr("A new language and new deadlines take effect when OT Desk is "
                              "started again."))
        note.setWordWrap(True)
        self.lang = shown.language
        profile_box = group_box(self.tr("Your contact details (printed on the summary)"))
        self.profile = ProfileForm(settings.profile)
        QVBoxLayout(profile_box).addWidget(self.profile)
        outer = QVBoxLayout(self)
        outer.addWidget(profile_box)
        form = QFormLayout()
        outer.addLayout(form)
        policy_text = self.tr("Set by the organisation's policy")
        self.lock_labels: dict[str, QLabel] = {}
        for label, key, widget in ((self.tr("&Language"), "language", self.language),
                                   (self.tr("&Intake within (working days)"),
                                    "intake_working_days", self.intake),
                                   (self.tr("&Preparation within (working days)"),
                                    "preparation_working_days", self.preparation),
                                   (self.tr("Spelling check"), "spell_check",
                                    self.spell_check)):
            if key not in self.locked:
                form.addRow(label, widget)
                continue
            widget.setEnabled(False)
            widget.setToolTip(policy_text)
            widget.setAccessibleDescription(policy_text)
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            lock = QLabel("🔒 " + policy_text)
            lock.setToolTip(policy_text)
            self.lock_labels[key] = lock
            row.addWidget(lock)
            name = QLabel(label)  # (a row that is a layout gets no buddy of its own)
            name.setBuddy(widget)
            form.addRow(name, row)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if not self.profile.store_if_valid(self.settings.profile, self.lang):
            return
        # a locked value stays what the user had (the policy's value is never saved as theirs)
        if "language" not in self.locked:
            self.settings.language = self.language.currentData()
        if "intake_working_days" not in self.locked:
            self.settings.intake_working_days = self.intake.value()
        if "preparation_working_days" not in self.locked:
            self.settings.preparation_working_days = self.preparation.value()
        if "spell_check" not in self.locked:
            self.settings.spell_check = self.spell_check.isChecked()
        super().accept()
