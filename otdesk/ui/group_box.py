"""A titled group of fields whose frame is cheap to paint.

Fusion (Qt's style on Linux) draws a group box's frame from a 98 × 38 pixmap cut in
nine, and stretches its middle — one colour, black at alpha 3 — over the whole box: on
the 2-core machine ~4 ms for each tall box of the request page, a third of the page's
first paint.  :func:`group_box` gives Fusion's boxes a style that fills that middle with
its colour and draws the rim from the same pixmap as Fusion does: the same pixels
(``tests/test_ui_consultation.py`` compares them).  Other styles are left as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QGroupBox, QProxyStyle, QStyle

#: Fusion's own: the frame's pixmap and the width of its rim
_FRAME = ":/qt-project.org/styles/commonstyle/images/fusion_groupbox.png"
_RIM = 6

_style: QProxyStyle | None = None


def group_box(title: str) -> QGroupBox:
    """A QGroupBox titled ``title``, with the cheap frame where the style is Fusion."""
    box = QGroupBox(title)
    style = _fusion_frames()
    if style is not None:
        box.setStyle(style)  # (this box only: the fields inside keep the app's style)
    return box


def _fusion_frames() -> QProxyStyle | None:
    global _style
    if _style is None and QApplication.style().name().lower() == "fusion":
        _style = _FusionFrames()
    return _style


class _FusionFrames(QProxyStyle):
    """Fusion, except its group-box frame: the middle filled, the rim drawn in eight
    pieces from Fusion's pixmap (each piece is one colour along its length, so how a
    piece is stretched changes no pixel)."""

    def __init__(self) -> None:
        super().__init__("fusion")
        self._pixmap = QPixmap(_FRAME)
        image = self._pixmap.toImage()
        self._middle = image.pixelColor(image.width() // 2, image.height() // 2)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element != QStyle.PrimitiveElement.PE_FrameGroupBox or self._pixmap.isNull():
            super().drawPrimitive(element, option, painter, widget)
            return
        frame = option.rect  # (below the title already: SC_GroupBoxFrame)
        if frame.width() <= 2 * _RIM or frame.height() <= 2 * _RIM:
            super().drawPrimitive(element, option, painter, widget)  # (no middle to fill)
            return
        self._draw_frame(painter, frame)

    def _draw_frame(self, painter, frame: QRect) -> None:
        pixmap, rim = self._pixmap, _RIM
        w, h = pixmap.width(), pixmap.height()
        x, y, width, height = frame.x(), frame.y(), frame.width(), frame.height()
        inner_w, inner_h = width - 2 * rim, height - 2 * rim
        right, bottom = x + width - rim, y + height - rim
        pieces = (  # (target, source): corners, then the edges between them
            ((x, y, rim, rim), (0, 0, rim, rim)),
            ((right, y, rim, rim), (w - rim, 0, rim, rim)),
            ((x, bottom, rim, rim), (0, h - rim, rim, rim)),
            ((right, bottom, rim, rim), (w - rim, h - rim, rim, rim)),
            ((x + rim, y, inner_w, rim), (rim, 0, w - 2 * rim, rim)),
            ((x + rim, bottom, inner_w, rim), (rim, h - rim, w - 2 * rim, rim)),
            ((x, y + rim, rim, inner_h), (0, rim, rim, h - 2 * rim)),
            ((right, y + rim, rim, inner_h), (w - rim, rim, rim, h - 2 * rim)))
        for target, source in pieces:
            painter.drawPixmap(QRectF(*target), pixmap, QRectF(*source))
        painter.fillRect(QRect(x + rim, y + rim, inner_w, inner_h), self._middle)
