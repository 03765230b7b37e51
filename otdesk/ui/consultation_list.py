"""The consultation list: search as you type, filter by status, sort by any column.

The list never holds the whole vault.  Its model keeps the ordered ids of the current
query (searched, filtered and sorted in SQL by :mod:`otdesk.storage.listing` on the
reader thread; the newest query wins) and reads the lines on screen a page at a time
as they are drawn, so ``rowCount`` is the true total from the first paint on.  A
write elsewhere reaches the list as :class:`~otdesk.storage.changes.Changes`: the
lines it touched are read again, and the query runs again when the list is shown.
Overdue items say so in words and with an icon and bold text, not by colour alone.
"""

from __future__ import annotations

import datetime as dt
from array import array
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QStyle, QTableView, QVBoxLayout, QWidget)

from otdesk.core import dates, deadlines, vocabulary
from otdesk.storage import listing
from otdesk.storage.changes import Changes
from otdesk.storage.repository import ConsultationRow
from otdesk.ui.cell_painter import CellPainter
from otdesk.ui.live import LiveLabel

SEARCH_DELAY_MS = 120
#: lines read at a time: the one drawn and those around it
PAGE_BEFORE, PAGE_AFTER = 20, 100
#: lines kept in memory at most (more are read again when drawn again)
CACHE_ROWS = 5000


def _local_day(utc_text: str | None) -> dt.date | None:
    if not utc_text:
        return None
    return dates.local_day(dt.datetime.fromisoformat(utc_text))


class Row(NamedTuple):
    """One line of the list, with everything shown worked out."""

    summary: ConsultationRow
    received: dt.date | None
    categories: str
    status: str
    due: deadlines.Due | None
    overdue: bool


class ConsultationTableModel(QAbstractTableModel):
    #: also what storage.listing sorts by (listing.SORTS)
    COLUMNS = listing.SORTS

    #: the view's header asked for another order (column, order)
    sort_requested = Signal(int, Qt.SortOrder)
    #: lines drawn but not read yet: (epoch, ids) — see add_rows
    rows_wanted = Signal(int, list)

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._ids = array("q")  # in order: the first screen's, then (complete()) all
        self._total = 0
        self._waited = False
        self.shown_query: listing.ListQuery | None = None
        self._rows: dict[int, Row] = {}
        self._asked: set[int] = set()  # ids whose line is on its way
        self._epoch = 0  # counts forget(): a line read before it may be out of date
        self._want_from: int | None = None
        self._want_timer = QTimer(self, singleShot=True, interval=0)
        self._want_timer.timeout.connect(self._ask)
        self.today = dates.today()
        self.sort_column = self.COLUMNS.index("received")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._headers = [self.tr("Reference"), self.tr("Organisation"), self.tr("Categories"),
                         self.tr("Status"), self.tr("Next due"), self.tr("Received")]
        self._due_words = {"intake": self.tr("intake"), "preparation": self.tr("preparation"),
                           "session": self.tr("session"), "follow_up": self.tr("follow-up")}
        self._overdue_word = self.tr("OVERDUE")
        self._waiting = "…"
        self._warning = None

    # -- data in ------------------------------------------------------------------

    def make_row(self, s: ConsultationRow) -> Row:
        due = None
        if s.due_date and s.due_what in self._due_words:
            due = deadlines.Due(s.due_what, dt.date.fromisoformat(s.due_date))
        cats = ", ".join(vocabulary.label("categories", c, self.lang) for c in s.categories)
        return Row(s, _local_day(s.received_at), cats,
                   vocabulary.label("statuses", s.status, self.lang), due,
                   due is not None and deadlines.is_overdue(due.date, self.today))

    def show_listing(self, answer: listing.Listing) -> None:
        """A new query: its count, and the ids and rows of its first screen."""
        self.beginResetModel()
        self.today = dates.today()
        self.shown_query = answer.query
        self._waited = False  # a line was drawn whose id was not known yet
        self._ids = answer.ids
        self._total = answer.total
        if len(self._rows) > CACHE_ROWS:
            self._rows.clear()
        self._asked.clear()
        for cid, summary in answer.rows.items():
            self._rows[cid] = self.make_row(summary)
        self.endResetModel()

    def clear(self) -> None:
        """No lines at all, none remembered (the app locks)."""
        self.beginResetModel()
        self._epoch += 1  # (a line read before comes too late)
        self.shown_query = None
        self._ids = array("q")
        self._total = 0
        self._rows.clear()
        self._asked.clear()
        self.endResetModel()

    def complete(self, query: listing.ListQuery, ids: array) -> None:
        """Every id of the query shown (after its first screen): lines further down can
        be read now."""
        if query != self.shown_query or list(ids[:len(self._ids)]) != list(self._ids):
            return  # another query, or the vault changed meanwhile: a new answer is coming
        self._ids = ids
        self._total = max(self._total, len(ids))
        if self._waited and self._total:  # lines beyond the first screen were drawn
            self._waited = False
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._total - 1, len(self.COLUMNS) - 1))

    def add_rows(self, epoch: int, asked: list[int],
                 summaries: dict[int, ConsultationRow]) -> None:
        """Lines read for ``asked`` (a line is the same wherever the query puts it); read
        before a forget() they may be out of date, and are read again when drawn."""
        self._asked.difference_update(asked)
        if not summaries:
            return  # (nothing read, or a refusal: drawing again would only ask again)
        if epoch == self._epoch:
            for cid, summary in summaries.items():
                self._rows[cid] = self.make_row(summary)
        # the view repaints what of it is on screen; a stale answer's lines are asked
        # for again as they are drawn (else they would wait for the next repaint)
        if self._total:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._total - 1, len(self.COLUMNS) - 1))

    def forget(self, ids) -> list[int]:
        """Lines that changed: dropped, to be read again when drawn; returns the shown rows
        among them, which the list reads again at once."""
        shown = []
        if not ids:
            return shown  # (a write to another table: the lines read are still right)
        self._epoch += 1
        for cid in ids:
            self._rows.pop(cid, None)
            self._asked.discard(cid)
            row = self.row_of(cid)
            if row is not None:
                shown.append(row)
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(self.COLUMNS) - 1))
        return shown

    def id_at(self, row: int) -> int | None:
        """The id at ``row``; None while only the first screen's ids are known."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, consultation_id: int) -> int | None:
        try:
            return self._ids.index(consultation_id)
        except ValueError:
            return None

    def line(self, row: int) -> Row | None:
        """The line at ``row`` when it has been read."""
        cid = self.id_at(row)
        return None if cid is None else self._rows.get(cid)

    def query_sort(self) -> tuple[str, bool]:
        return self.COLUMNS[self.sort_column], self.sort_order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt API
        self.sort_column, self.sort_order = column, order
        self.sort_requested.emit(column, order)

    def _want(self, row: int) -> None:
        self._want_from = row if self._want_from is None else min(self._want_from, row)
        if not self._want_timer.isActive():
            self._want_timer.start()

    def _ask(self) -> None:
        """One read for the lines around the first one drawn without its data."""
        if self._want_from is None:
            return
        first = max(0, self._want_from - PAGE_BEFORE)
        self._want_from = None
        ids = [cid for cid in self._ids[first:first + PAGE_BEFORE + PAGE_AFTER]]
        missing = [cid for cid in ids if cid not in self._rows and cid not in self._asked]
        if missing:
            self._asked.update(missing)
            self.rows_wanted.emit(self._epoch, missing)

    # -- Qt model -------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def cell(self, row: int, column: int) -> tuple[str, bool]:
        """What the cell shows and whether it is marked overdue (bold, the warning icon);
        a line not read yet shows "…" and is asked for."""
        r = self._rows.get(self._ids[row]) if row < len(self._ids) else None
        if r is None:
            if row < len(self._ids):
                self._want(row)
            else:
                self._waited = True  # its id comes with the rest of the query's ids
            return self._waiting, False
        name = self.COLUMNS[column]
        return self._display(r, name), name == "due" and r.overdue

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None  # (Qt asks a dozen roles per cell per paint: answer most at once)
        text, overdue = self.cell(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if not overdue:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return self.warning_icon()  # DecorationRole

    def warning_icon(self):
        """The icon beside an overdue date."""
        if self._warning is None:
            from PySide6.QtWidgets import QApplication

            self._warning = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning

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
            return dates.day_text(r.received) if r.received else ""
        if r.due is None:
            return ""
        text = f"{dates.day_text(r.due.date)} ({self._due_words[r.due.what]})"
        return f"{self._overdue_word}: {text}" if r.overdue else text


#: the roles the list answers
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole))


class _Table(QTableView):
    """The list's table: its lines are painted by the :class:`CellPainter` in one call
    (``paint_rows``), and what waits for them to be painted (``after_paint``) runs once
    they are, or when the table is hidden before.

    Its viewport is made here, in Python (a QWidget as Qt's own: the same object name,
    background role and auto fill), so ``paint_rows`` paints from the first paint on.  A
    viewport made by Qt is unknown to PySide until it first sees it, and then it looks
    for its class among all it knows and sets up ~70 classes' enums on the way (15–25 ms
    of the start).
    """

    def __init__(self) -> None:
        super().__init__()
        self.after_paint: list = []
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")  # (as Qt names its own)
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self._viewport = viewport

    def prepare_lines(self) -> None:
        """The texts of the lines in sight laid out now, before their paint."""
        if self.model().rowCount():
            first = max(0, self.rowAt(0))
            last = self.rowAt(self._viewport.height() - 1)
            last = self.model().rowCount() - 1 if last < 0 else last
            self.itemDelegate().prepare_rows(self, range(first, last + 1))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.itemDelegate().paint_rows(
                self, self._viewport, event.rect()):
            super().paintEvent(event)
        self._run_waiting()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Hidden before it painted (Ctrl+N at once, say): what waited runs now, or the
        backups and the editor's warm-up would wait for the list to come back."""
        super().hideEvent(event)
        self._run_waiting()

    def _run_waiting(self) -> None:
        if self.after_paint:
            waiting, self.after_paint = self.after_paint, []
            for then in waiting:
                QTimer.singleShot(0, self, then)  # (once this paint is done; not if gone)


class ConsultationList(QWidget):
    """The list page: a search box, a status filter, the table and a count."""

    open_requested = Signal(int)
    new_requested = Signal()
    #: an answer to the list's query is on screen (or the query failed)
    listed = Signal()
    #: … and painted there (or the list is not on screen): idle time may begin
    painted = Signal()

    def __init__(self, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.lang = lang
        self.total = 0
        self._stale = False  # something changed while the list was not shown
        self._forgotten = False  # locked: answers still on their way are dropped
        self._select_id: int | None = None  # kept selected across a new query
        #: the line to choose once every id is known, and the row chosen then
        self._keep: tuple[int | None, int] | None = None
        self._open_when_listed = False  # Enter in the search box before its answer came

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
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Show situation category"))
        self.category_filter.addItem(self.tr("All categories"), "")
        for code, text in vocabulary.labels("categories", lang):
            self.category_filter.addItem(text, code)
            self.category_filter.setItemData(self.category_filter.count() - 1, text,
                                             Qt.ItemDataRole.ToolTipRole)
        self.category_filter.setMinimumContentsLength(18)
        self.category_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_button = QPushButton(self.tr("&New consultation"))
        self.new_button.setAccessibleName(self.tr("New consultation"))
        self.new_button.clicked.connect(self.new_requested)

        self.model = ConsultationTableModel(lang, self)
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellPainter(self.model, self.table))
        self.table.setAccessibleName(self.tr("Consultations"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ConsultationTableModel.COLUMNS.index("received"),
                                Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # every line is one line high: the view need not ask 100,000 rows their height
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ConsultationTableModel.COLUMNS.index("categories"),
                                    QHeaderView.ResizeMode.Stretch)
        for name, width in (("reference", 120), ("organisation", 230), ("status", 170),
                            ("due", 230), ("received", 100)):
            self.table.setColumnWidth(ConsultationTableModel.COLUMNS.index(name), width)
        self.table.activated.connect(self._open_index)
        self.count_label = LiveLabel(self.tr("Number of consultations shown"))

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_filter, 1)
        top.addWidget(self.category_filter, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.model.sort_requested.connect(self.reload)
        self.model.rows_wanted.connect(self._read_rows)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.category_filter.currentIndexChanged.connect(self.reload)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.search.installEventFilter(self)  # Down: into the results; Enter: open
        self.search.textChanged.connect(self._typed_on)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        """In the search box: Down (or Page Down) moves into the results, on their first
        line when none is chosen; Enter opens the chosen line, or the only one found
        (once the answer to what was just typed is there)."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed just now: open once the answer is here
                    self._open_when_listed = True
                    self.reload()
                else:
                    self._open_chosen_or_only()
                return True
        return super().eventFilter(watched, event)

    def _typed_on(self) -> None:
        self._open_when_listed = False  # (Enter opens what was found for what it saw)

    def _open_chosen_or_only(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)
        elif self.model.rowCount() == 1:
            self._open_index(self.model.index(0, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def query(self) -> listing.ListQuery:
        sort, descending = self.model.query_sort()
        return listing.ListQuery(search=self.search.text().strip(),
                                 status=self.status_filter.currentData() or "",
                                 category=self.category_filter.currentData() or "", sort=sort,
                                 descending=descending, lang=self.lang)

    def reload(self, *_args) -> None:
        """Ask the reader for the current query's ids (the newest question wins)."""
        self._stale = self._forgotten = False
        self._timer.stop()
        query, today = self.query(), dates.today()
        if self._select_id is None:
            self._select_id = self.selected_id()
        # the first screen and the counts first (the newest query wins), every id once
        # that screen is painted (_ask_every_id)
        self.runner.read(lambda store: listing.listing(store.conn, query, today,
                                                       memo=store.memo),
                         self._listed, self._failed, key="list")

    def _listed(self, answer: listing.Listing) -> None:
        if self._forgotten or answer.query != self.query():
            return  # the person typed on meanwhile: the newer answer is on its way
        keep, self._select_id = self._select_id, None
        self.model.show_listing(answer)
        self.total = answer.total
        text = self.tr("%n consultation(s)", "", self.total)
        if answer.overdue:
            text += " · " + self.tr("%n overdue", "", answer.overdue)
        self.count_label.setText(text)
        self.table.scrollToTop()  # a new query from its first line …
        # … unless the line chosen before is on its first screen, or further down (then it
        # is chosen when every id is known, if the person has chosen none meanwhile)
        self._keep = None if self._select(keep) else (keep, self.table.currentIndex().row())
        self.table.prepare_lines()
        self._after_paint(lambda: self._painted(answer.query))
        self.listed.emit()
        if self._open_when_listed:
            self._open_when_listed = False
            self._open_chosen_or_only()

    def _after_paint(self, then) -> None:
        """``then()`` once the lines now shown are painted, so that no background work
        it starts (every id read, the editor prepared) slows that paint down: a Python
        thread holds the GIL for up to 2 ms at a time. Soon when the list is not shown."""
        if self.table.isVisible():
            self.table.after_paint.append(then)
        else:
            QTimer.singleShot(0, self, then)

    def _painted(self, query: listing.ListQuery) -> None:
        self._ask_every_id(query)
        self.painted.emit()

    def _ask_every_id(self, query: listing.ListQuery) -> None:
        """The rest of the lines' ids, in order (lines further down are read from them)."""
        if query != self.query():
            return  # a newer query is on its way; its own answer asks for its ids
        self.runner.read(lambda store: listing.all_ids(store.conn, query),
                         lambda ids: self._all_listed(query, ids), self._failed,
                         key="list-ids")

    def _all_listed(self, query: listing.ListQuery, ids) -> None:
        if self._forgotten:
            return
        self.model.complete(query, ids)
        keep, self._keep = self._keep, None
        if (keep is not None and self.model.shown_query == query
                and self.table.currentIndex().row() == keep[1]):
            self._select(keep[0])

    def _select(self, consultation_id: int | None) -> bool:
        """Choose the line of ``consultation_id`` and bring it in sight, if it is listed."""
        row = self.model.row_of(consultation_id) if consultation_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row is not None

    def _failed(self, error) -> None:
        self.count_label.setText(error.message(self.lang))
        self.listed.emit()
        QTimer.singleShot(0, self, self.painted.emit)  # (no new lines to paint)

    def _read_rows(self, epoch: int, ids: list[int]) -> None:
        self.runner.read(lambda store: listing.rows(store.conn, ids),
                         lambda found: self.model.add_rows(epoch, ids, found),
                         lambda error: self.model.add_rows(-1, ids, {}))

    def on_changed(self, changes: Changes) -> None:
        """A write elsewhere: lines it touched are read again; the order, the filter
        and the count are asked again now when the list is shown, else when it is."""
        if not ({"consultations", "labels"} & changes.tables):
            return
        self.model.forget(changes.consultations | changes.deleted)
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def forget_lines(self) -> None:
        """The app locks: every line read is let go; the list asks again when shown."""
        self.model.clear()
        self._stale = self._forgotten = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        cid = self.model.id_at(index.row())
        if cid is not None:
            self.open_requested.emit(cid)
