"""The consultation list: search as you type, filter by status, sort by any column.

All summaries are loaded once (a narrow table: fast even at 10,000) and kept
sorted in Python (one ``list.sort`` with a key when the sort column changes; a
QSortFilterProxyModel would call ``data()`` from C++ for every comparison, about
150,000 Python calls per reset at 10,000).  A search asks the vault only for the
matching ids and filters the sorted list in memory, so each keystroke costs one
FTS query and a list comprehension.  Overdue items say so
in words and with an icon and bold text, not by colour alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QStyle, QTableView, QVBoxLayout, QWidget)

from otdesk import deadlines, vocabulary
from otdesk.storage.repository import ConsultationSummary

SEARCH_DELAY_MS = 120


def _local_day(utc_text: str | None) -> dt.date | None:
    if not utc_text:
        return None
    return dt.datetime.fromisoformat(utc_text).astimezone().date()


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Row:
    """One line of the list, with everything shown and sorted already worked out."""

    summary: ConsultationSummary
    received: dt.date | None
    categories: str
    status: str
    due: deadlines.Due | None
    overdue: bool


class ConsultationTableModel(QAbstractTableModel):
    COLUMNS = ("reference", "organisation", "categories", "status", "due", "received")

    # the view's header asked for another order (column, order)
    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, lang: str, rules: deadlines.DeadlineRules, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rules = rules
        self._rows: list[Row] = []
        self.sort_column = self.COLUMNS.index("received")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._headers = [self.tr("Reference"), self.tr("Organisation"), self.tr("Categories"),
                         self.tr("Status"), self.tr("Next due"), self.tr("Received")]
        self._due_words = {"intake": self.tr("intake"), "preparation": self.tr("preparation"),
                           "session": self.tr("session"), "follow_up": self.tr("follow-up")}
        self._overdue_word = self.tr("OVERDUE")
        self._warning = None

    # -- data in ------------------------------------------------------------------

    def make_row(self, s: ConsultationSummary, today: dt.date) -> Row:
        received = _local_day(s.received_at)
        due = deadlines.next_due(s.status, received, _day(s.intake_date), _day(s.session_date),
                                 _day(s.follow_up_date), self.rules)
        cats = ", ".join(vocabulary.label("categories", c, self.lang) for c in s.categories)
        return Row(s, received, cats, vocabulary.label("statuses", s.status, self.lang), due,
                   due is not None and deadlines.is_overdue(due.date, today))

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return self._rows

    def replace_row(self, index: int, row: Row) -> None:
        """One line changed in place (no reset: selection and scrolling stay)."""
        self._rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.COLUMNS) - 1))

    def sorted_rows(self, rows: list[Row]) -> list[Row]:
        column = self.COLUMNS[self.sort_column]
        return sorted(rows, key=lambda r: self._sort_key(r, column),
                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def sort_key_of(self, row: Row):
        return self._sort_key(row, self.COLUMNS[self.sort_column])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt API
        self.sort_column, self.sort_order = column, order
        self.sort_requested.emit(column, order)

    def find(self, consultation_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.summary.id == consultation_id:
                return i
        return None

    # -- Qt model -------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return self._sort_key(r, column)
        if role == Qt.ItemDataRole.FontRole and column == "due" and r.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == "due" and r.overdue:
            if self._warning is None:
                from PySide6.QtWidgets import QApplication

                self._warning = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(r, column)
        return None

    def _display(self, r: Row, column: str) -> str:
        if column == "reference":
            return r.summary.reference
        if column == "organisation":
            return r.summary.organisation
        if column == "categories":
            return r.categories
        if column == "status":
            return r.status
        if column == "received":
            return _fi_date(r.received) if r.received else ""
        if r.due is None:
            return ""
        text = f"{_fi_date(r.due.date)} ({self._due_words[r.due.what]})"
        return f"{self._overdue_word}: {text}" if r.overdue else text

    @staticmethod
    def _sort_key(r: Row, column: str):
        if column == "due":
            return r.due.date.toordinal() if r.due else 10**7
        if column == "received":
            return r.summary.received_at or ""
        if column == "reference":
            return r.summary.reference
        return _display_key(r, column)


def _display_key(r: Row, column: str) -> str:
    value = {"organisation": r.summary.organisation, "categories": r.categories,
             "status": r.status}[column]
    return value.casefold()


def _fi_date(d: dt.date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


class ConsultationList(QWidget):
    """The list page: a search box, a status filter, the table and a count."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, repository, lang: str, rules: deadlines.DeadlineRules,
                 parent=None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.lang = lang
        self._all: list[Row] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all text…"))
        self.search.setAccessibleName(self.tr("Search consultations"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        self.status_filter.addItem(self.tr("Open (not closed)"), "open")
        for code, text in vocabulary.labels("statuses", lang):
            self.status_filter.addItem(text, code)
        self.new_button = QPushButton(self.tr("&New consultation"))
        self.new_button.setAccessibleName(self.tr("New consultation"))
        self.new_button.clicked.connect(self.new_requested)

        self.model = ConsultationTableModel(lang, rules, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Consultations"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ConsultationTableModel.COLUMNS.index("received"),
                                Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ConsultationTableModel.COLUMNS.index("categories"),
                                    QHeaderView.ResizeMode.Stretch)
        for name, width in (("reference", 120), ("organisation", 230), ("status", 170),
                            ("due", 230), ("received", 100)):
            self.table.setColumnWidth(ConsultationTableModel.COLUMNS.index(name), width)
        self.table.activated.connect(self._open_index)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of consultations shown"))

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_filter, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.model.sort_requested.connect(self._resort)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        """Read every summary again (after a save, a new consultation, a restart)."""
        today = dt.date.today()
        self._all = self.model.sorted_rows(
            [self.model.make_row(s, today) for s in self.repository.list()])
        self.apply_filter()

    def _resort(self) -> None:
        self._all = self.model.sorted_rows(self._all)
        self.apply_filter()

    def update_one(self, summary: ConsultationSummary) -> None:
        """Refresh one consultation's line after it was saved (autosave: often).

        When the line is shown, keeps its place and no filter applies to what
        changed, it is changed in place; otherwise the list is filtered again."""
        row = self.model.make_row(summary, dt.date.today())
        old = next((i for i, r in enumerate(self._all) if r.summary.id == summary.id), None)
        if old is None:
            self._all = self.model.sorted_rows([row, *self._all])
            self.apply_filter()
            return
        before, self._all[old] = self._all[old], row
        shown = self.model.find(summary.id)
        if (shown is not None and not self.search.text().strip()
                and before.summary.status == row.summary.status
                and self.model.sort_key_of(before) == self.model.sort_key_of(row)):
            self.model.replace_row(shown, row)
            self._show_count(self.model.rows())
            return
        if self.model.sort_key_of(before) != self.model.sort_key_of(row):
            self._all = self.model.sorted_rows(self._all)
        self.apply_filter()

    def remove(self, consultation_id: int) -> None:
        self._all = [r for r in self._all if r.summary.id != consultation_id]
        self.apply_filter()

    def apply_filter(self) -> None:
        rows = self._all
        text = self.search.text().strip()
        if text:
            ids = self.repository.search_ids(text)
            rows = [r for r in rows if r.summary.id in ids]
        status = self.status_filter.currentData()
        if status == "open":
            rows = [r for r in rows if r.summary.status not in ("closed", "declined",
                                                                 "redirected")]
        elif status:
            rows = [r for r in rows if r.summary.status == status]
        self.model.set_rows(rows)
        self._show_count(rows)

    def _show_count(self, rows: list[Row]) -> None:
        overdue = sum(1 for r in rows if r.overdue)
        text = self.tr("%n consultation(s)", "", len(rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.count_label.setText(text)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(index.row()).summary.id

    def _open_index(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.row(index.row()).summary.id)
