"""One page of the session: a phase of the structure, its fields and guiding questions.

The fields, their labels and the questions beside them come from
``templates/structure.toml``; the widget for each follows from its kind.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from otdesk.core.structure import Field, Phase, tr
from otdesk.ui.field_widgets import SELF_LABELLED, make_input
from otdesk.ui.fields import Binding
from otdesk.ui.list_editors import RecordListEditor


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
        """``texts``: {"prompts": the accessible title of the guiding questions}."""
        super().__init__()
        self.phase = phase
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        # the page scrolls with the focus; it is no stop of its own for Tab
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
            if field.kind not in SELF_LABELLED:
                layout.addWidget(label)
            row = QHBoxLayout()
            widget = self._widget(field, lang, bind, bind_list)
            label.setBuddy(widget)
            if isinstance(widget, RecordListEditor):
                row.addWidget(widget, 3, Qt.AlignmentFlag.AlignTop)
            else:
                row.addWidget(widget, 3)
            prompts = prompts_label(field, lang, texts["prompts"])
            row.addWidget(prompts, 2)
            layout.addLayout(row)
            if not widget.accessibleDescription():  # the field says its own questions
                widget.setAccessibleDescription(prompts.accessibleDescription())
            self.first_input = self.first_input or widget
        layout.addStretch(1)
        self.setWidget(inner)

    def _widget(self, field: Field, lang: str, bind, bind_list) -> QWidget:
        made = make_input(field, lang)
        if isinstance(made, RecordListEditor):
            bind_list(field, made)
            return made
        bind(field, made)
        return made.widget
