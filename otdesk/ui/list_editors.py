"""Editors for the list fields: the scale ratings, the options and the plan's steps.

Which attributes of an item are shown, with which label, comes from the
structure template (``Field.columns``); an option is a card with room to
write, a step or a rating is one line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from otdesk.core.structure import Field, tr
from otdesk.ui.fields import (Binding, CheckBinding, DateBinding, LineBinding, NumberBinding,
                              TextBinding)

class RecordListEditor(QWidget):
    """A list of records (dataclass items) with Add and Remove."""

    def __init__(self, field: Field, item_type: type, lang: str, on_edit: Callable[[list], None],
                 add_text: str, remove_text: str, cards: bool = False) -> None:
        super().__init__()
        self.field = field
        self.item_type = item_type
        self.lang = lang
        self.on_edit = on_edit
        self.cards = cards
        self.remove_text = remove_text
        self.items: list = []
        self.setAccessibleName(tr(field.label, lang))
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text.replace("&", ""))
        self.add_button.clicked.connect(self.add_item)
        self.setFocusProxy(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self._header: QWidget | None = None

    # -- loading ------------------------------------------------------------------

    def load(self, items: list) -> None:
        self.items = items
        self._rebuild()

    def _rebuild(self, focus_last: bool = False) -> None:
        while self._rows.count():
            w = self._rows.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        if not self.cards and self.items:
            self._rows.addWidget(self._header_row())
        first_inputs = []
        for n, item in enumerate(self.items):
            row, first = (self._card if self.cards else self._line)(n, item)
            self._rows.addWidget(row)
            first_inputs.append(first)
        self._tab_in_place()
        if focus_last and first_inputs:
            first_inputs[-1].setFocus()

    def _tab_in_place(self) -> None:
        """Rows are made after the rest of the page, so Tab would reach them last (after
        the agenda bar): they go between what comes before this list and its Add button."""
        before = self.add_button.previousInFocusChain()
        while before is not None and self.isAncestorOf(before):  # (old rows, going away)
            before = before.previousInFocusChain()
        order = [w for i in range(self._rows.count())
                 if (row := self._rows.itemAt(i).widget()) is not None
                 for w in row.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        order.append(self.add_button)
        if before is not None:
            order.insert(0, before)
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)

    def _header_row(self) -> QWidget:
        header = QWidget()
        grid = QGridLayout(header)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, col in enumerate(self.field.columns):
            label = QLabel(f"<b>{tr(col.label, self.lang)}</b>")
            grid.addWidget(label, 0, i)
        self._stretch(grid)
        return header

    def _stretch(self, grid: QGridLayout) -> None:
        for i, col in enumerate(self.field.columns):
            grid.setColumnStretch(i, 0 if col.kind in ("date", "number", "check") else 1)
        grid.setColumnStretch(len(self.field.columns), 0)

    def _binding(self, n: int, item, col) -> Binding:
        name = f"{tr(col.label, self.lang)} {n + 1}"

        def edit(value, key=col.key, item=item):
            setattr(item, key, value if value is not None or col.kind in ("date", "number")
                    else "")
            self.on_edit(self.items)

        if col.kind == "date":
            b: Binding = DateBinding(name, edit)
        elif col.kind == "number":
            b = NumberBinding(name, edit, col.low or 0, col.high or 9999, optional=False)
        elif col.kind == "check":
            b = CheckBinding(tr(col.label, self.lang), edit)
            # heard with the item it belongs to: "Vaihtoehdot 2: Valittu", not "Valittu"
            b.widget.setAccessibleName(
                f"{tr(self.field.label, self.lang)} {n + 1}: {tr(col.label, self.lang)}")
        elif col.kind == "text" and col.lines > 1:
            b = TextBinding(name, edit, lines=col.lines)
        else:
            b = LineBinding(name, edit)
        b.load(getattr(item, col.key))
        return b

    def _line(self, n: int, item) -> tuple[QWidget, QWidget]:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        first = None
        for i, col in enumerate(self.field.columns):
            b = self._binding(n, item, col)
            grid.addWidget(b.widget, 0, i)
            first = first or b.widget
        grid.addWidget(self._remove_button(n), 0, len(self.field.columns))
        self._stretch(grid)
        return row, first

    def _card(self, n: int, item) -> tuple[QWidget, QWidget]:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAccessibleName(f"{tr(self.field.label, self.lang)} {n + 1}")
        form = QFormLayout(card)
        first = None
        for col in self.field.columns:
            b = self._binding(n, item, col)
            if col.kind == "check":
                form.addRow("", b.widget)
            else:
                form.addRow(tr(col.label, self.lang), b.widget)
            first = first or b.widget
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._remove_button(n))
        form.addRow(buttons)
        return card, first

    def _remove_button(self, n: int) -> QPushButton:
        button = QPushButton(self.remove_text)
        button.setAccessibleName(f"{self.remove_text.replace('&', '')} {n + 1}")
        button.clicked.connect(lambda: self.remove_item(n))
        return button

    # -- edits --------------------------------------------------------------------------

    def add_item(self) -> None:
        self.items.append(self.item_type())
        self.on_edit(self.items)
        self._rebuild(focus_last=True)

    def remove_item(self, n: int) -> None:
        item = self.items[n]
        has_content = any(v not in ("", None, False, 0)
                          for v in dataclasses.asdict(item).values())
        if has_content:
            answer = QMessageBox.question(
                self, "OT Desk", self.tr("Remove row %1 and what is written in it?")
                .replace("%1", str(n + 1)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        del self.items[n]
        self.on_edit(self.items)
        self._rebuild()
