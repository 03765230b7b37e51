"""The consultant's profile: who the requester holding the summary can reach.

Asked once in the first-run flow (or at the first delivery when ``otdesk init``
made the vault) and editable in Settings.  Kept in the user settings file, not
in the vault, so that IT may preset it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from otdesk.core.domain import email_problem
from otdesk.config.settings import PROFILE_MAX
from otdesk.core.profile import ConsultantProfile


class ProfileForm(QWidget):
    """Name, title, phone and e-mail as four fields with mnemonics."""

    def __init__(self, profile: ConsultantProfile, parent=None) -> None:
        super().__init__(parent)
        self.name = self._line(profile.name, self.tr("Your name"))
        self.title = self._line(profile.title, self.tr("Your title"))
        self.title.setPlaceholderText(self.tr("e.g. OT coordinator, psychologist"))
        self.phone = self._line(profile.phone, self.tr("Your phone number"))
        self.email = self._line(profile.email, self.tr("Your e-mail address"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #8a1c10")
        self.error.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("P&hone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.error)

    @staticmethod
    def _line(value: str, name: str) -> QLineEdit:
        line = QLineEdit(value)
        line.setMaxLength(PROFILE_MAX)
        line.setAccessibleName(name)
        return line

    def store_if_valid(self, profile: ConsultantProfile, lang: str) -> bool:
        """Put the typed values into ``profile``; or, when one is wrong, say so under the
        fields, put the cursor there, and change nothing."""
        found = email_problem(self.email.text().strip())
        if found:
            self.error.setText(found.message(lang))
            self.error.show()
            self.email.setFocus()
            return False
        self.store(profile)
        return True

    def store(self, profile: ConsultantProfile) -> None:
        profile.name = " ".join(self.name.text().split())
        profile.title = " ".join(self.title.text().split())
        profile.phone = " ".join(self.phone.text().split())
        profile.email = self.email.text().strip()


class ProfileDialog(QDialog):
    """"Who are you?": asked once; "Later" leaves the organisation's contact in use."""

    def __init__(self, profile: ConsultantProfile, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.lang = lang
        self.setWindowTitle(self.tr("Your contact details"))
        intro = QLabel(self.tr(
            "The summary tells the requester how to reach you. These details are printed in "
            "its contact box and name you in the log. You can change them later in "
            "Tools → Settings."))
        intro.setWordWrap(True)
        self.form = ProfileForm(profile)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        if self.form.store_if_valid(self.profile, self.lang):
            super().accept()
