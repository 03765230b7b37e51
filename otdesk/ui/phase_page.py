"""One page of the session: a phase of the structure, its fields and guiding questions.

The fields, their labels and the questions beside them come from
``templates/structure.toml``; the widget for each follows from its kind.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QRadioButton,
                               QScrollArea, QVBoxLayout, QWidget)

from otdesk.core import domain
from otdesk.core.structure import Field, Phase, load_structure, tr
from otdesk.ui.fields import Binding, DateBinding, TextBinding
from otdesk.ui.list_editors import RecordListEditor


class WorryBinding(Binding):
    """The requester's own worry, as the zones of concern: one choice of four, or none yet."""

    def __init__(self, name: str, on_edit, lang: str, none_text: str) -> None:
        super().__init__(on_edit)
        self.widget = QWidget()
        self.widget.setAccessibleName(name)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self.widget)
        none = QRadioButton(none_text)
        none.setAccessibleName(none_text)
        self.group.addButton(none, 0)
        layout.addWidget(none)
        self.widget.setFocusProxy(none)
        for zone in load_structure().worry_zones:
            text = f"{zone.value} – {tr(zone.label, lang)}: {tr(zone.description, lang)}"
            button = QRadioButton(text)
            button.setAccessibleName(f"{zone.value} {tr(zone.label, lang)}")
            button.setAccessibleDescription(tr(zone.description, lang))
            self.group.addButton(button, zone.value)
            layout.addWidget(button)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, zone: int, checked: bool) -> None:
        if checked:
            self.on_edit(zone or None)

    def load(self, value) -> None:
        for button in self.group.buttons():
            button.blockSignals(True)
        self.group.button(value or 0).setChecked(True)
        for button in self.group.buttons():
            button.blockSignals(False)


def prompts_label(field: Field, lang: str, title: str) -> QLabel:
    """The guiding questions of a field, quietly beside it."""
    questions = field.prompts.get(lang) or field.prompts.get("fi") or ()
    label = QLabel("<br>".join(f"• {q}" for q in questions))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setObjectName("prompts")
    label.setAccessibleName(f"{title}: {tr(field.label, lang)}")
    label.setAccessibleDescription(" ".join(questions))
    return label


class PhasePage(QScrollArea):
    """A scrolling page: the phase's purpose, then each field with its questions."""

    def __init__(self, phase: Phase, lang: str, bind: Callable[[Field, Binding], None],
                 bind_list: Callable[[Field, RecordListEditor], None], texts: dict) -> None:
        super().__init__()
        self.phase = phase
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        title = QLabel(f"<h2>{tr(phase.title, lang)}</h2>")
        title.setAccessibleName(tr(phase.title, lang))
        purpose = QLabel(tr(phase.purpose, lang))
        purpose.setWordWrap(True)
        purpose.setObjectName("purpose")
        layout.addWidget(title)
        layout.addWidget(purpose)
        self.first_input: QWidget | None = None
        for field in phase.fields:
            label_text = tr(field.label, lang)
            label = QLabel(f"<b>{label_text}</b>")
            layout.addSpacing(8)
            layout.addWidget(label)
            row = QHBoxLayout()
            widget = self._widget(field, lang, bind, bind_list, texts)
            label.setBuddy(widget)
            if isinstance(widget, RecordListEditor):
                row.addWidget(widget, 3, Qt.AlignmentFlag.AlignTop)
            else:
                row.addWidget(widget, 3)
            row.addWidget(prompts_label(field, lang, texts["prompts"]), 2)
            layout.addLayout(row)
            self.first_input = self.first_input or widget
        layout.addStretch(1)
        self.setWidget(inner)

    def _widget(self, field: Field, lang: str, bind, bind_list, texts) -> QWidget:
        name = tr(field.label, lang)
        if field.kind in ("scale", "options", "steps"):
            item = {"scale": domain.ScaleRating, "options": domain.Option,
                    "steps": domain.PlanStep}[field.kind]
            editor = RecordListEditor(field, item, lang, lambda v: None,
                                      texts[f"add_{field.kind}"], texts["remove"],
                                      cards=field.kind == "options")
            bind_list(field, editor)
            return editor
        if field.kind == "date":
            b: Binding = DateBinding(name, None)
        elif field.kind == "worry_zone":
            b = WorryBinding(name, None, lang, texts["worry_none"])
        else:
            b = TextBinding(name, None, lines=6 if field.key.startswith("situation") else 4)
        bind(field, b)
        return b.widget
