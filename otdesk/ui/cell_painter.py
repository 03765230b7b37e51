"""How the consultation list draws its cells: each text laid out once, not at every paint.

Qt's own delegate asks the model seven roles per cell (seven calls into Python) and
lays every text out again at every paint; with a screen of the list that took 8–10 ms
of the UI thread, more than half of a frame, at each search answer and each return
to the list.  This delegate asks the model once per cell (:meth:`cell`), keeps the
elided text as a :class:`QStaticText` per text, width and weight, and leaves the
background, the selection and the focus frame to the style as before: 3–4 ms.

What a screen reader reads is unchanged: it asks the model (``data``), not the paint.
"""

from __future__ import annotations

from collections import OrderedDict

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
        self._pens: dict[tuple[int, int], object] = {}  # (palette, state) -> text colour
        self._metrics: tuple[int, int] | None = None  # (margin, icon size): _measure
        if parent is not None:  # a new font, style or screen: every text is laid out anew
            parent.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _RELAYOUT:
            self._texts.clear()
            self._pens.clear()
            self._metrics = None
        return False

    def paint(self, painter, option, index) -> None:  # noqa: D102 (Qt API)
        view = option.widget
        style = view.style()
        style.drawPrimitive(_PANEL, option, painter, view)  # alternate rows, selection
        text, marked = self._model.cell(index.row(), index.column())
        state = option.state.value
        margin, icon = self._metrics or self._measure(style, view)
        cell = option.rect
        x, width = cell.x() + margin, cell.width() - 2 * margin
        if marked:
            mode = QIcon.Mode.Selected if state & _SELECTED else QIcon.Mode.Normal
            self._model.warning_icon().paint(
                painter, QRect(x, cell.y() + (cell.height() - icon) // 2, icon, icon),
                Qt.AlignmentFlag.AlignCenter, mode)
            x, width = x + icon + margin, width - icon - margin
        if text and width > 0:
            static, font, height = self._laid_out(text, width, marked, option, painter)
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
            focus.state = option.state | _State.State_KeyboardFocusChange | _State.State_Item
            focus.backgroundColor = option.palette.color(
                _Group.Normal, _Role.Highlight if state & _SELECTED else _Role.Base)
            style.drawPrimitive(_FOCUS, focus, painter, view)

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

    def _laid_out(self, text: str, width: int, bold: bool, option,
                  painter) -> tuple[QStaticText, QFont, int]:
        key = (text, width, bold)
        found = self._texts.get(key)
        if found is not None:
            self._texts.move_to_end(key)
            return found
        font = QFont(option.font)
        font.setBold(bold)
        metrics = QFontMetrics(font)
        static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setTextOption(self._option)
        static.prepare(painter.transform(), font)
        found = self._texts[key] = (static, font, metrics.height())
        if len(self._texts) > KEPT_TEXTS:
            self._texts.popitem(last=False)
        return found
