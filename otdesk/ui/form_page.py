"""A page filled outside the session, drawn from a form of the structure: the request,
the close-out (``[request]`` and ``[closeout]`` in ``templates/structure.toml``).

Each group is a titled box of rows, label and input, in the template's order (Tab goes
through them so); a group without a title continues the box before it, and a group
``shown_when = "identified"`` shows only while the consultation is not anonymous.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from otdesk.core.structure import Field, Form, tr
from otdesk.ui.field_widgets import SELF_LABELLED, make_input
from otdesk.ui.fields import Binding
from otdesk.ui.group_box import group_box
from otdesk.ui.list_editors import RecordListEditor


class FormPage(QScrollArea):
    """The form's groups and fields; ``bind(field, binding)`` / ``bind_list(field,
    editor)`` connect each input to the editor."""

    def __init__(self, form: Form, lang: str, bind: Callable[[Field, Binding], None],
                 bind_list: Callable[[Field, RecordListEditor], None]) -> None:
        super().__init__()
        self.form = form
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.layout_ = QVBoxLayout(inner)
        # the page scrolls with the focus; it is no stop of its own for Tab
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        title = tr(form.title, lang)
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setAccessibleName(title)
        self.layout_.addWidget(heading)
        self.inputs: dict[str, Binding | RecordListEditor] = {}
        self.first_input: QWidget | None = None
        self._conditional: list[tuple[str, QWidget]] = []
        rows: QFormLayout | None = None
        for group in form.groups:
            if group.title is not None or rows is None:
                box = group_box(tr(group.title, lang)) if group.title is not None else QWidget()
                rows = QFormLayout(box)
                self.layout_.addWidget(box)
                holder, target = box, rows
            else:  # continues the box before it
                holder = QWidget()
                target = QFormLayout(holder)
                target.setContentsMargins(0, 0, 0, 0)
                rows.addRow(holder)
            if group.shown_when is not None:
                self._conditional.append((group.shown_when, holder))
            for field in group.fields:
                made = make_input(field, lang)
                widget = made if isinstance(made, RecordListEditor) else made.widget
                if isinstance(made, RecordListEditor):
                    bind_list(field, made)
                else:
                    bind(field, made)
                if field.kind in SELF_LABELLED:
                    target.addRow(widget)
                else:
                    target.addRow(tr(field.label, lang), widget)
                self.inputs[field.key] = made
                self.first_input = self.first_input or widget
        self.layout_.addStretch(1)
        self.setWidget(inner)

    def show_when(self, condition: str, shown: bool) -> None:
        """Show or hide the groups shown only ``condition`` ("identified")."""
        for name, holder in self._conditional:
            if name == condition:
                holder.setVisible(shown)
