"""Input widgets bound to one value of the consultation.

Each binding shows a value (:meth:`Binding.load`) and reports the person's
edits through ``on_edit(value)``.  Loading never reports an edit, so the
editor can refresh a widget without saving.  Text widgets keep Qt's own
undo/redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QButtonGroup, QCalendarWidget, QCheckBox, QComboBox,
                               QDateTimeEdit, QGridLayout, QHBoxLayout, QLineEdit,
                               QRadioButton, QSpinBox, QStyle, QVBoxLayout,
                               QWidget)

from otdesk.core import dates
from otdesk.core.structure import load_structure, tr
from otdesk.ui.live import announce
from otdesk.ui.spell_check import CheckedText


class Binding:
    """A widget showing one value; calls ``on_edit(value)`` when the person changes it."""

    widget: QWidget

    def __init__(self, on_edit: Callable[[object], None]) -> None:
        self.on_edit = on_edit

    def load(self, value) -> None:
        blocker = QSignalBlocker(self.widget)
        self._show(value)
        del blocker

    def _show(self, value) -> None:
        raise NotImplementedError


def _accessible(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)


class TextBinding(Binding):
    """A multi-line text: grows with the content up to a point, then scrolls."""

    def __init__(self, name: str, on_edit, description: str = "", lines: int = 4) -> None:
        super().__init__(on_edit)
        self.widget = edit = CheckedText()  # (unknown words underlined: spell_check)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other form field
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        _accessible(edit, name, description)
        edit.textChanged.connect(lambda: self.on_edit(edit.toPlainText()))

    def _show(self, value) -> None:
        if self.widget.toPlainText() != (value or ""):
            self.widget.setPlainText(value or "")


class LineBinding(Binding):
    def __init__(self, name: str, on_edit, description: str = "", placeholder: str = "") -> None:
        super().__init__(on_edit)
        self.widget = edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        _accessible(edit, name, description)
        # (not textEdited: a text set through the accessibility interface is an edit too;
        # load() blocks the signal, so showing a value is none)
        edit.textChanged.connect(lambda text: self.on_edit(self._value(text)))

    @staticmethod
    def _value(text: str):
        return text

    def _show(self, value) -> None:
        if self.widget.text() != (value or ""):
            self.widget.setText(value or "")


class ListLineBinding(LineBinding):
    """A list of names typed on one line, separated by commas."""

    @staticmethod
    def _value(text: str):
        return _split(text)

    def _show(self, value) -> None:
        if _split(self.widget.text()) != list(value or []):
            self.widget.setText(", ".join(value or []))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class DateBinding(Binding):
    """A date that may be empty, typed as d.m.yyyy (or chosen from a calendar: the
    field's button, Alt+Down or F4).  What is not a date turns the border red and is said
    in its tooltip and to a screen reader, and the date stored stays what it was; an empty
    field is no date.  One Tab stop: Tab leaves the field as from any line."""

    def __init__(self, name: str, on_edit, description: str = "") -> None:
        super().__init__(on_edit)
        self.widget = edit = DateField()
        _accessible(edit, name, description)
        edit.description = description
        edit.typed.connect(lambda value: self.on_edit(value))

    def _show(self, value) -> None:
        self.widget.show_date(value)


class DateField(QLineEdit):
    """The line of a :class:`DateBinding`: ``typed(date | None)`` once a date (or none)
    is typed or chosen."""

    typed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.description = ""  # (the field's own, before any "not a date")
        self.setPlaceholderText(QCoreApplication.translate("FieldWidgets", "d.m.yyyy"))
        self._date: dt.date | None = None
        self._wrong = False
        pick = self.addAction(QIcon.fromTheme("x-office-calendar", self.style().standardIcon(
            QStyle.StandardPixmap.SP_FileDialogDetailedView)),
            QLineEdit.ActionPosition.TrailingPosition)
        pick.setText(QCoreApplication.translate("FieldWidgets", "Choose from a calendar"))
        pick.setToolTip(pick.text())  # (its button's name, for a screen reader too)
        pick.triggered.connect(self.pick)
        self.textChanged.connect(self._typing)  # a whole date is stored as it is typed
        self.editingFinished.connect(self._finish)

    def date(self) -> dt.date | None:
        return self._date

    def show_date(self, value: dt.date | None) -> None:
        self._date = value
        self._set_wrong(False)
        self.setText(dates.day_text(value))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.pick()
            return
        super().keyPressEvent(event)

    def _typing(self, text: str) -> None:
        try:
            value = dates.parse_day(text)
        except ValueError:
            return  # (half typed, or not a date: said when the field is left)
        self._set_wrong(False)
        if value != self._date:
            self._date = value
            self.typed.emit(value)

    def _finish(self) -> None:
        try:
            value = dates.parse_day(self.text())
        except ValueError:
            self._set_wrong(True)
            return
        self._set_wrong(False)
        self.setText(dates.day_text(value))
        if value != self._date:
            self._date = value
            self.typed.emit(value)

    def _set_wrong(self, wrong: bool) -> None:
        said = QCoreApplication.translate(
            "FieldWidgets", "Not a date: type it as d.m.yyyy, for example 8.1.2027. "
            "The date stored stays %1.").replace(
            "%1", dates.day_text(self._date) or "—")
        self.setStyleSheet("QLineEdit { border: 2px solid #b3261e; }" if wrong else "")
        self.setToolTip(said if wrong else self.description)
        self.setAccessibleDescription(said if wrong else self.description)
        if wrong and not self._wrong:
            announce(self, said, assertive=True)
        self._wrong = wrong

    def pick(self) -> None:
        """A calendar below the field; the day chosen (Enter or a click) is typed in."""
        popup = QCalendarWidget(self, Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setGridVisible(True)
        day = self._date or dates.today()
        popup.setSelectedDate(QDate(day.year, day.month, day.day))
        popup.setAccessibleName(self.accessibleName())

        def chosen(qdate: QDate) -> None:
            popup.close()
            self.setText(dates.day_text(to_date(qdate)))
            self._finish()
            self.setFocus()

        popup.activated.connect(chosen)
        popup.clicked.connect(chosen)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.setFocus()


def to_date(qdate: QDate) -> dt.date | None:
    if not qdate.isValid():
        return None
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class DateTimeBinding(Binding):
    """A moment (received date and time), shown in local time."""

    def __init__(self, name: str, on_edit, description: str = "") -> None:
        super().__init__(on_edit)
        self.widget = edit = _DateTimeEdit()
        edit.setDisplayFormat("d.M.yyyy H.mm")
        edit.setCalendarPopup(True)
        _accessible(edit, name, description)
        edit.dateTimeChanged.connect(
            lambda qdt: self.on_edit(qdt.toPython().astimezone()))

    def _show(self, value) -> None:
        moment = (value or dt.datetime.now().astimezone()).astimezone()
        self.widget.setDateTime(moment.replace(tzinfo=None))


class _DateTimeEdit(QDateTimeEdit):
    """Tab leaves the field (its parts are reached with ← and →), as from every other
    field: Qt's own would step through day, month, year, hour and minute first."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt API)
        return QWidget.focusNextPrevChild(self, forward)


class ChoiceBinding(Binding):
    """One code out of a list, shown by its label; the first entry may be "not chosen"."""

    def __init__(self, name: str, on_edit, choices: Sequence[tuple[object, str]],
                 description: str = "", empty: str | None = "—") -> None:
        super().__init__(on_edit)
        self.widget = combo = QComboBox()
        if empty is not None:
            combo.addItem(empty, None)
        for code, label in choices:
            combo.addItem(label, code)
        _accessible(combo, name, description)
        combo.currentIndexChanged.connect(lambda i: self.on_edit(self._value(combo.itemData(i))))

    @staticmethod
    def _value(data):
        return data

    def _show(self, value) -> None:
        index = self.widget.findData(value)
        if index < 0 and value not in (None, ""):  # a code this version does not know: keep it
            self.widget.addItem(str(value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(max(index, 0))


class CodeChoiceBinding(ChoiceBinding):
    """A code stored as a string, "" when not chosen."""

    @staticmethod
    def _value(data):
        return data or ""

    def _show(self, value) -> None:
        super()._show(value or None)


class NumberBinding(Binding):
    """A whole number in a range; the value below the range means "not given"."""

    def __init__(self, name: str, on_edit, low: int, high: int, description: str = "",
                 optional: bool = True, suffix: str = "") -> None:
        super().__init__(on_edit)
        self.optional = optional
        self.widget = spin = QSpinBox()
        spin.setRange(low - 1 if optional else low, high)
        if optional:
            spin.setSpecialValueText("—")
        spin.setSuffix(suffix)
        self._low = low
        _accessible(spin, name, description)
        spin.valueChanged.connect(lambda v: self.on_edit(None if self.optional and v < self._low
                                                         else v))

    def _show(self, value) -> None:
        self.widget.setValue(self._low - 1 if value is None else int(value))


class CheckBinding(Binding):
    def __init__(self, text: str, on_edit, description: str = "") -> None:
        super().__init__(on_edit)
        self.widget = box = QCheckBox(text)
        _accessible(box, text.replace("&", ""), description)
        box.toggled.connect(lambda on: self.on_edit(on))

    def _show(self, value) -> None:
        self.widget.setChecked(bool(value))


class CheckListBinding(Binding):
    """Several codes out of a list, as check boxes in columns (situation categories)."""

    def __init__(self, name: str, on_edit, choices: Sequence[tuple[str, str]],
                 columns: int = 2) -> None:
        super().__init__(on_edit)
        self.widget = QWidget()
        self.widget.setAccessibleName(name)
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        rows = (len(choices) + columns - 1) // columns
        for i, (code, label) in enumerate(choices):
            box = QCheckBox(label)
            box.setAccessibleName(label)
            box.toggled.connect(self._changed)
            grid.addWidget(box, i % rows, i // rows)
            self.boxes[code] = box
            if i == 0:
                self.widget.setFocusProxy(box)
        self._extra: list[str] = []

    def _changed(self) -> None:
        self.on_edit([code for code, box in self.boxes.items() if box.isChecked()] + self._extra)

    def load(self, value) -> None:
        chosen = list(value or [])
        self._extra = [code for code in chosen if code not in self.boxes]
        for code, box in self.boxes.items():
            blocker = QSignalBlocker(box)
            box.setChecked(code in chosen)
            del blocker


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

    def show_directory(self, experts: list, suggested: list) -> None:
        """``experts``: the directory (storage.experts.Expert); ``suggested``: those
        covering the chosen categories."""
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
