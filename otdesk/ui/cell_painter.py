"""How the consultation list draws its lines: a screen of them in one call, each text
laid out once, not at every paint.

Qt's own delegate asks the model seven roles per cell (seven calls into Python) and
lays every text out again at every paint; with a screen of the list that took 8–10 ms
of the UI thread, more than half of a frame, at each search answer and each return
to the list.  This delegate asks the model once per cell (:meth:`cell`) and keeps the
elided text as a :class:`QStaticText` per text, width and weight.  Even so, Qt's view
calling it once per cell (a Python call with three new wrappers each, and the style
asked twice per cell) took 11–20 ms of a screen on the 2-core machine; so the table
hands its whole paint to :meth:`CellPainter.paint_rows`, which does what Qt's
``QTableView::paintEvent`` does — the style's panel (alternate rows, the selection)
once per line instead of once per cell, the texts, the focus frame, the grid — with
the same pixels (``tests/test_ui_consultation.py`` compares them); the Qt paint
the delegate serves stays for what paint_rows does not draw (right to left, say).

What a screen reader reads is unchanged: it asks the model (``data``), not the paint.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache
from types import SimpleNamespace

from PySide6.QtCore import QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette, QStaticText, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect

#: laid-out texts kept (a screen holds ~200; scrolling and searching bring new ones)
KEPT_TEXTS = 4000

_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_FOCUS = QStyle.PrimitiveElement.PE_FrameFocusRect
_State = QStyle.StateFlag
_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup
#: what the view is told when what its texts were laid out with changes
_RELAYOUT = frozenset((QEvent.Type.FontChange, QEvent.Type.StyleChange,
                       QEvent.Type.DevicePixelRatioChange, QEvent.Type.ScreenChangeInternal))
# the states as numbers: a flag test on Python enums costs more than the paint of a cell
_SELECTED, _ENABLED = _State.State_Selected.value, _State.State_Enabled.value
_ACTIVE, _FOCUSED = _State.State_Active.value, _State.State_HasFocus.value


@cache
def _for_lines():
    """What only paint_rows and prepare_rows use, looked up at their first call: the
    first paint, in the start, is Qt's own (see consultation_list._Table), and these
    Qt classes and enums cost ~10 ms of a start when imported with the module."""
    from PySide6.QtCore import QLineF
    from PySide6.QtGui import QColor, QPainter, QPen, QTransform
    from PySide6.QtWidgets import QStyleOptionViewItem

    return SimpleNamespace(
        QPainter=QPainter, QPen=QPen, QColor=QColor, QLineF=QLineF, QTransform=QTransform,
        QStyleOptionViewItem=QStyleOptionViewItem,
        ROW=QStyle.PrimitiveElement.PE_PanelItemViewRow,
        ALTERNATE=QStyleOptionViewItem.ViewItemFeature.Alternate)


class CellPainter(QStyledItemDelegate):
    """Paints the cells of a model with ``cell(row, column) -> (text, marked)`` and
    ``warning_icon()``; a marked cell is bold, after the warning icon."""

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        #: (text, width, bold) -> the elided text laid out, its font, the font's height
        self._texts: OrderedDict[tuple[str, int, bool], tuple[QStaticText, QFont, int]] = \
            OrderedDict()
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.NoWrap)
        self._fonts: dict[bool, tuple[QFont, QFontMetrics, int]] = {}  # bold -> (_font)
        self._pens: dict[tuple[int, int], object] = {}  # (palette, state) -> text colour
        self._metrics: tuple[int, int] | None = None  # (margin, icon size): _measure
        if parent is not None:  # a new font, style or screen: every text is laid out anew
            parent.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _RELAYOUT:
            self._texts.clear()
            self._fonts.clear()
            self._pens.clear()
            self._metrics = None
        return False

    def paint(self, painter, option, index) -> None:  # noqa: D102 (Qt API)
        view = option.widget
        style = view.style()
        style.drawPrimitive(_PANEL, option, painter, view)  # alternate rows, selection
        text, marked = self._model.cell(index.row(), index.column())
        self._draw_cell(painter, option, option.rect, text, marked, option.state.value,
                        style, view)

    def _draw_cell(self, painter, option, cell: QRect, text: str, marked: bool, state: int,
                   style, view) -> None:
        """One cell on its panel: the warning icon when marked, the text, the focus frame."""
        margin, icon = self._metrics or self._measure(style, view)
        start, width = self._text_span(cell.width(), marked)
        x = cell.x() + start
        if marked:
            mode = QIcon.Mode.Selected if state & _SELECTED else QIcon.Mode.Normal
            self._model.warning_icon().paint(
                painter, QRect(cell.x() + margin, cell.y() + (cell.height() - icon) // 2,
                               icon, icon),
                Qt.AlignmentFlag.AlignCenter, mode)
        if text and width > 0:
            static, font, height = self._laid_out(text, width, marked, option.font,
                                                  painter.transform())
            painter.setPen(self._pen(option.palette, state))
            top = cell.y() + (cell.height() - height) / 2
            if marked:
                painter.save()
                painter.setFont(font)
            painter.drawStaticText(QPointF(x, top), static)
            if marked:
                painter.restore()
        if state & _FOCUSED:
            focus = QStyleOptionFocusRect()
            focus.initFrom(view)
            focus.rect = cell
            focus.state = (_State(state) | _State.State_KeyboardFocusChange
                           | _State.State_Item)
            focus.backgroundColor = option.palette.color(
                _Group.Normal, _Role.Highlight if state & _SELECTED else _Role.Base)
            style.drawPrimitive(_FOCUS, focus, painter, view)

    def paint_rows(self, view, viewport, area: QRect) -> bool:
        """The paint of ``view`` (a QTableView of this painter's model) within ``area`` of
        its ``viewport``, as ``QTableView::paintEvent`` does it for rows of one height;
        False (nothing painted) where this does not draw the view as Qt would: right to
        left, or hidden or moved sections — then Qt's own paint is used."""
        model = self._model
        rows, columns = model.rowCount(), model.columnCount()
        vertical, horizontal = view.verticalHeader(), view.horizontalHeader()
        if (view.isRightToLeft() or vertical.sectionsHidden() or vertical.sectionsMoved()
                or horizontal.sectionsHidden() or horizontal.sectionsMoved()):
            return False
        if not rows or not columns:
            return True  # (the background is the viewport's own)
        grid = 1 if view.showGrid() else 0
        area = QRect(area)
        area.setBottom(min(area.bottom(), vertical.length() - vertical.offset() - 1))
        area.setRight(min(area.right(), horizontal.length() - horizontal.offset() - 1))
        top = view.rowAt(area.top())
        if not area.isValid() or top < 0:
            return True
        bottom = view.rowAt(area.bottom())
        bottom = rows - 1 if bottom < 0 else bottom
        first_y, height = view.rowViewportPosition(top), vertical.defaultSectionSize()
        style = view.style()
        if self._metrics is None:
            self._measure(style, view)
        cells = []  # (column, x, width, where its text starts, how wide the text may be)
        for c in range(columns):
            x, width = view.columnViewportPosition(c), view.columnWidth(c)
            if x <= area.right() and x + width > area.left():
                cells.append((c, x, width - grid, *self._text_span(width - grid, False)))
        if not cells:
            return True
        kit = _for_lines()
        option = kit.QStyleOptionViewItem()
        view.initViewItemOption(option)
        plain = option.state
        chosen = plain | _State.State_Selected
        features = option.features & ~kit.ALTERNATE
        alternate = features | kit.ALTERNATE
        alternating = view.alternatingRowColors()
        selection = view.selectionModel()
        picked = set()
        if selection is not None:
            for part in selection.selection():
                picked.update(range(part.top(), part.bottom() + 1))
        current = view.currentIndex()
        focus_at = ((current.row(), current.column())
                    if current.isValid() and view.hasFocus() else None)
        high, cell = height - grid, model.cell
        left = cells[0][1]
        line_width = cells[-1][1] + cells[-1][2] - left
        painter = kit.QPainter(viewport)
        transform = painter.transform()
        for row in range(top, bottom + 1):
            y = first_y + (row - top) * height
            option.state = chosen if row in picked else plain
            option.features = alternate if alternating and row & 1 else features
            option.rect = QRect(left, y, line_width, high)
            style.drawPrimitive(kit.ROW, option, painter, view)
            style.drawPrimitive(_PANEL, option, painter, view)
            state = option.state.value
            painter.setPen(self._pen(option.palette, state))
            for column, x, width, start, text_width in cells:
                text, marked = cell(row, column)
                if marked or focus_at == (row, column):  # (rare: the icon, the frame)
                    self._draw_cell(painter, option, QRect(x, y, width, high), text, marked,
                                    state | _FOCUSED if focus_at == (row, column) else state,
                                    style, view)
                    painter.setPen(self._pen(option.palette, state))
                elif text and text_width > 0:
                    static, _font, text_height = self._laid_out(text, text_width, False,
                                                                option.font, transform)
                    painter.drawStaticText(QPointF(x + start, y + (high - text_height) / 2),
                                           static)
        if grid:
            painter.setPen(kit.QPen(kit.QColor.fromRgba(
                style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
                & 0xFFFFFFFF), 1, view.gridStyle()))
            for row in range(top, bottom + 1):
                y = first_y + (row - top + 1) * height - grid + 0.5
                painter.drawLine(kit.QLineF(area.left() + 0.5, y, area.right() + 0.5, y))
            for _column, x, width, _start, _text_width in cells:
                painter.drawLine(kit.QLineF(x + width + 0.5, area.top() + 0.5,
                                            x + width + 0.5, area.bottom() + 0.5))
        painter.end()
        return True

    def _text_span(self, cell_width: int, marked: bool) -> tuple[int, int]:
        """Where a cell's text starts (from the cell's left edge) and how wide it may be:
        inside the margins, after the warning icon when marked — the one rule of the paint
        and of prepare_rows (the cell's metrics measured first)."""
        margin, icon = self._metrics
        start, width = margin, cell_width - 2 * margin
        if marked:
            start, width = start + icon + margin, width - icon - margin
        return start, width

    def _measure(self, style, view) -> tuple[int, int]:
        """The text's margin in a cell and the icon's size, by the style (asked once per
        style: two calls into it per cell were a tenth of a screen's paint)."""
        self._metrics = (
            style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1,
            style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view))
        return self._metrics

    def _pen(self, palette: QPalette, state: int):
        """The text colour: highlighted when selected, greyed when disabled."""
        key = (palette.cacheKey(), state & (_SELECTED | _ENABLED | _ACTIVE))
        pen = self._pens.get(key)
        if pen is None:
            group = (_Group.Disabled if not state & _ENABLED else
                     _Group.Normal if state & _ACTIVE else _Group.Inactive)
            role = _Role.HighlightedText if state & _SELECTED else _Role.Text
            if len(self._pens) > 64:  # palettes come and go with the theme
                self._pens.clear()
            pen = self._pens[key] = palette.color(group, role)
        return pen

    def _font(self, base: QFont, bold: bool) -> tuple[QFont, QFontMetrics, int]:
        """The view's font, bold or not, and its metrics (until the font changes)."""
        font = QFont(base)
        font.setBold(bold)
        metrics = QFontMetrics(font)
        self._fonts[bold] = found = (font, metrics, metrics.height())
        return found

    def _laid_out(self, text: str, width: int, bold: bool, base: QFont,
                  transform) -> tuple[QStaticText, QFont, int]:
        key = (text, width, bold)
        found = self._texts.get(key)
        if found is not None:
            self._texts.move_to_end(key)
            return found
        font, metrics, height = self._fonts.get(bold) or self._font(base, bold)
        static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setTextOption(self._option)
        static.prepare(transform, font)
        found = self._texts[key] = (static, font, height)
        if len(self._texts) > KEPT_TEXTS:
            self._texts.popitem(last=False)
        return found

    def prepare_rows(self, view, rows: range) -> None:
        """Lay out the texts of ``rows`` before they are painted: a new answer's first
        screen is laid out in the turn of the event loop that brings it, and painted in
        the next (each half of the work in a turn of its own; the laying out was half of
        that screen's paint)."""
        model = self._model
        grid = 1 if view.showGrid() else 0
        if self._metrics is None:
            self._measure(view.style(), view)
        widths = [{marked: self._text_span(view.columnWidth(c) - grid, marked)[1]
                   for marked in (False, True)} for c in range(model.columnCount())]
        base, transform = view.font(), _for_lines().QTransform()
        for row in rows:
            for column, width in enumerate(widths):
                text, marked = model.cell(row, column)
                if text and width[marked] > 0:
                    self._laid_out(text, width[marked], marked, base, transform)
