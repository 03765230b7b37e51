"""The request page: who asks, what, how urgently, anonymous or with consent, and who helps.

Built for logging a phone call in a minute: the fields are in the order a
caller gives them, and Tab goes through them in that order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFormLayout, QFrame, QGroupBox,
                               QHBoxLayout, QLabel, QRadioButton, QScrollArea, QVBoxLayout,
                               QWidget)

from otdesk.core import domain, vocabulary
from otdesk.storage.experts import Expert
from otdesk.ui.fields import (Binding, CheckListBinding, CodeChoiceBinding, DateBinding,
                              DateTimeBinding, LineBinding, ListLineBinding, TextBinding)


class AnonymityBinding(Binding):
    """Anonymous (the default) or identified, as two radio buttons."""

    def __init__(self, on_edit, anonymous_text: str, identified_text: str, name: str) -> None:
        super().__init__(on_edit)
        self.widget = QWidget()
        self.widget.setAccessibleName(name)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.anonymous = QRadioButton(anonymous_text)
        self.identified = QRadioButton(identified_text)
        for b in (self.anonymous, self.identified):
            b.setAccessibleName(b.text().replace("&", ""))
            row.addWidget(b)
        row.addStretch(1)
        self.group = QButtonGroup(self.widget)
        self.group.addButton(self.anonymous)
        self.group.addButton(self.identified)
        self.anonymous.toggled.connect(lambda on: self.on_edit(on))

    def load(self, value) -> None:
        for b in (self.anonymous, self.identified):
            b.blockSignals(True)
        (self.anonymous if value else self.identified).setChecked(True)
        for b in (self.anonymous, self.identified):
            b.blockSignals(False)


class ExpertsBinding(Binding):
    """Experts from the directory as check boxes; those covering the chosen
    categories are marked as suggestions and listed first."""

    def __init__(self, on_edit, name: str, suggestion_text: str) -> None:
        super().__init__(on_edit)
        self.widget = QWidget()
        self.widget.setAccessibleName(name)
        self._layout = QVBoxLayout(self.widget)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.suggestion_text = suggestion_text
        self.boxes: dict[str, QCheckBox] = {}
        self._chosen: list[str] = []

    def show_directory(self, experts: list[Expert], suggested: list[Expert]) -> None:
        while self._layout.count():
            w = self._layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.boxes = {}
        names_suggested = [e.name for e in suggested]
        ordered = suggested + [e for e in experts if e.name not in names_suggested]
        known = {e.name for e in ordered}
        for expert in ordered:
            text = expert.name
            if expert.name in names_suggested:
                text += f"  ({self.suggestion_text})"
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setToolTip(expert.description)
            box.setAccessibleDescription(expert.description)
            box.setChecked(expert.name in self._chosen)
            box.toggled.connect(self._changed)
            self._layout.addWidget(box)
            self.boxes[expert.name] = box
        for name in self._chosen:  # chosen earlier, since removed from the directory
            if name not in known:
                box = QCheckBox(name)
                box.setChecked(True)
                box.toggled.connect(self._changed)
                self._layout.addWidget(box)
                self.boxes[name] = box

    def _changed(self) -> None:
        self._chosen = [name for name, box in self.boxes.items() if box.isChecked()]
        self.on_edit(list(self._chosen))

    def load(self, value) -> None:
        self._chosen = list(value or [])
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(name in self._chosen)
            box.blockSignals(False)


class IntakePage(QScrollArea):
    """The request, as logged when it arrives."""

    def __init__(self, lang: str, bind: Callable[[str, Binding], None]) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        title = self.tr("Request")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setAccessibleName(self.tr("Deadlines"))
        layout.addWidget(self.deadline_label)

        def line(key: str, text: str, placeholder: str = "") -> QWidget:
            b = LineBinding(text, None, placeholder=placeholder)
            bind(key, b)
            return b.widget

        # who asks
        who = QGroupBox(self.tr("Requester"))
        form = QFormLayout(who)
        self.requester_name = line("requester.name", self.tr("Name"))
        form.addRow(self.tr("&Name"), self.requester_name)
        form.addRow(self.tr("&Title"), line("requester.title", self.tr("Title"),
                                            self.tr("e.g. social worker")))
        form.addRow(self.tr("&Organisation"), line("requester.organisation",
                                                   self.tr("Organisation")))
        sector = CodeChoiceBinding(self.tr("Sector"), None, vocabulary.labels("sectors", lang))
        bind("requester.sector", sector)
        form.addRow(self.tr("&Sector"), sector.widget)
        region = CodeChoiceBinding(self.tr("Wellbeing region"), None,
                                   vocabulary.labels("regions", lang))
        bind("requester.region", region)
        form.addRow(self.tr("Wellbeing &region"), region.widget)
        form.addRow(self.tr("&Phone"), line("requester.phone", self.tr("Phone")))
        form.addRow(self.tr("&E-mail"), line("requester.email", self.tr("E-mail")))
        layout.addWidget(who)

        # what is asked
        what = QGroupBox(self.tr("The request"))
        form = QFormLayout(what)
        channel = CodeChoiceBinding(self.tr("Channel"), None, vocabulary.labels("channels", lang))
        bind("channel", channel)
        form.addRow(self.tr("C&hannel"), channel.widget)
        received = DateTimeBinding(self.tr("Received"), None)
        bind("received_at", received)
        form.addRow(self.tr("Recei&ved"), received.widget)
        question = TextBinding(self.tr("The consultation question"), None, lines=4)
        bind("question", question)
        form.addRow(self.tr("&Question"), question.widget)
        categories = CheckListBinding(self.tr("Situation categories"), None,
                                      vocabulary.labels("categories", lang), columns=1)
        bind("categories", categories)
        form.addRow(self.tr("Situation categories"), categories.widget)
        layout.addWidget(what)

        # anonymous or identified
        privacy = QGroupBox(self.tr("Client data"))
        form = QFormLayout(privacy)
        self.anonymity = AnonymityBinding(
            None, self.tr("&Anonymous (no data identifying the client)"),
            self.tr("&Identified, with the client's consent"), self.tr("Anonymity"))
        bind("anonymous", self.anonymity)
        form.addRow(self.anonymity.widget)
        self.consent_box = QWidget()
        consent = QFormLayout(self.consent_box)
        consent.setContentsMargins(0, 0, 0, 0)
        consent.addRow(self.tr("Consent given by"),
                       line("consent.given_by", self.tr("Consent given by")))
        given_on = DateBinding(self.tr("Consent given on"), None)
        bind("consent.given_on", given_on)
        consent.addRow(self.tr("Consent given on"), given_on.widget)
        consent.addRow(self.tr("Scope of consent"),
                       line("consent.scope", self.tr("Scope of consent")))
        form_of = CodeChoiceBinding(self.tr("Form of consent"), None,
                                    vocabulary.labels("consent_forms", lang))
        bind("consent.form", form_of)
        consent.addRow(self.tr("Form of consent"), form_of.widget)
        consent.addRow(self.tr("Recorded by"),
                       line("consent.recorded_by", self.tr("Consent recorded by")))
        client = TextBinding(self.tr("Client (identifying details)"), None, lines=2)
        bind("client_description", client)
        consent.addRow(self.tr("Client"), client.widget)
        form.addRow(self.consent_box)
        layout.addWidget(privacy)

        # who helps
        helpers = QGroupBox(self.tr("Consultation"))
        form = QFormLayout(helpers)
        consultants = ListLineBinding(self.tr("Consultants"), None,
                                      placeholder=self.tr("Names, separated by commas"))
        bind("consultants", consultants)
        form.addRow(self.tr("Consul&tants"), consultants.widget)
        intake = DateBinding(self.tr("Taken into processing on"), None)
        bind("intake_date", intake)
        form.addRow(self.tr("Taken into processing on"), intake.widget)
        self.experts = ExpertsBinding(None, self.tr("Experts"), self.tr("suggested"))
        bind("experts", self.experts)
        form.addRow(self.tr("Experts"), self.experts.widget)
        layout.addWidget(helpers)
        layout.addStretch(1)
        self.setWidget(inner)

    def show_identified(self, identified: bool) -> None:
        self.consent_box.setVisible(identified)
