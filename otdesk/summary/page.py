"""What is on every page of the summary: the organisation's logo and name and the
confidentiality marking at the top, the document's title and "x / N" at the bottom, a
draft's watermark; the canvas that numbers the pages once it knows how many there are
and carries the creation date asked for."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Mapping
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from otdesk.core.structure import tr
from otdesk.core.summary_org import SummaryOrg
from otdesk.summary.fonts import FONT, FONT_BOLD
from otdesk.summary.phrases import wording
from otdesk.summary.style import (
    ACCENT,
    DRAFT_INK,
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARK_INK,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    Paragraph,
)
from otdesk.summary.text import clean, markup

log = logging.getLogger(__name__)

LOGO_H = 11 * mm


def _org_name(org: SummaryOrg, lang: str) -> str:
    """The issuer's name as printed (the default of the language when it has none)."""
    return " ".join(clean(org.name).split()) or wording("default_organisation", lang)


def _org_marking(org: SummaryOrg, lang: str) -> str:
    """The confidentiality marking of every page, in ``lang``."""
    value = org.confidentiality
    if isinstance(value, Mapping):
        value = tr(value, lang)
    text = " ".join(clean(value or "").split())
    return text or wording("confidentiality", lang)


class Furniture:
    """What goes on every page: organisation, logo, marking; footer with "x / N"."""

    def __init__(self, org: SummaryOrg, lang: str, footer: str, *, draft: bool = False) -> None:
        self.lang = lang
        self.draft = wording("draft", lang) if draft else ""
        self.name = _org_name(org, lang)
        self.marking = _org_marking(org, lang)
        self.footer = footer
        self.logo = _read_logo(org.logo)
        self.logo_w = 0.0
        if self.logo is not None:
            _, (w, h) = self.logo
            self.logo_w = min(LOGO_H * w / h, 45 * mm)
        indent = self.logo_w + 3 * mm if self.logo_w else 0
        # the marking takes the room it needs on the right, up to half the width
        mark_style = ParagraphStyle("mark", fontName=FONT_BOLD, fontSize=7.6, leading=9.6,
                                    textColor=MARK_INK, alignment=TA_RIGHT)
        natural = pdfmetrics.stringWidth(self.marking[:500], FONT_BOLD, 7.6) + 2
        self.mark_w = min(natural, FRAME_W / 2)
        self.mark_p = _fit(self.marking, mark_style, self.mark_w, 3)
        name_w = max(FRAME_W - self.mark_w - 8 * mm - indent, 30 * mm)
        self.name_p = _fit(self.name, ParagraphStyle(
            "org", fontName=FONT_BOLD, fontSize=9.5, leading=11.5, textColor=ACCENT), name_w, 2)
        if self.name_p[0].text.endswith("…"):  # a long name: smaller, on three lines
            self.name_p = _fit(self.name, ParagraphStyle(
                "org_small", fontName=FONT_BOLD, fontSize=8.3, leading=10, textColor=ACCENT),
                name_w, 3)

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        if self.draft:  # across the page, under the text
            canvas.saveState()
            canvas.setFillColor(DRAFT_INK)
            canvas.setFont(FONT_BOLD, 96)
            canvas.translate(PAGE_W / 2, PAGE_H / 2)
            canvas.rotate(52)
            canvas.drawCentredString(0, -34, self.draft)
            canvas.restoreState()
        top = PAGE_H - 9 * mm
        x = MARGIN_X
        if self.logo is not None:
            reader, _ = self.logo
            canvas.drawImage(reader, x, top - LOGO_H + 1 * mm, width=self.logo_w,
                             height=LOGO_H, preserveAspectRatio=True, anchor="sw",
                             mask="auto")
            x += self.logo_w + 3 * mm
        paragraph, h = self.name_p
        paragraph.drawOn(canvas, x, top - h + 0.5 * mm)
        paragraph, h = self.mark_p
        paragraph.drawOn(canvas, PAGE_W - MARGIN_X - self.mark_w, top - h + 0.5 * mm)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule_y = PAGE_H - MARGIN_TOP + 4.5 * mm
        canvas.line(MARGIN_X, rule_y, PAGE_W - MARGIN_X, rule_y)

        y = MARGIN_BOTTOM - 9 * mm
        canvas.line(MARGIN_X, y + 4 * mm, PAGE_W - MARGIN_X, y + 4 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.8)
        canvas.drawString(MARGIN_X, y, self.footer[:120])
        canvas.setFont(FONT_BOLD, 7.8)
        canvas.drawRightString(PAGE_W - MARGIN_X, y,
                               wording("page", self.lang, page=page, pages=pages))
        canvas.restoreState()


def _fit(text: str, style: ParagraphStyle, width: float,
         lines: int) -> tuple[Paragraph, float]:
    """A Paragraph of ``text`` at most ``lines`` lines high in ``width`` (cut with "…"
    when longer: the page header has room for so much), and its height."""
    def make(t: str) -> tuple[Paragraph, float]:
        p = Paragraph(markup(t), style)
        return p, p.wrap(width, PAGE_H)[1]

    limit = lines * style.leading + 0.1
    paragraph, height = make(text)
    if height <= limit:
        return paragraph, height
    low, high = 0, min(len(text), 2000)
    while low < high:  # the longest prefix that fits, with its ellipsis
        mid = (low + high + 1) // 2
        if make(text[:mid].rstrip() + "…")[1] <= limit:
            low = mid
        else:
            high = mid - 1
    return make(text[:low].rstrip() + "…")


def _read_logo(data: bytes | None) -> tuple[ImageReader, tuple[int, int]] | None:
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(bytes(data)))
        w, h = reader.getSize()
        if w <= 0 or h <= 0:
            raise ValueError("empty image")
    except Exception as exc:  # a broken logo in the policy must not stop a summary
        log.warning("summary: the organisation logo cannot be read (%s); left out",
                    type(exc).__name__)
        return None
    return reader, (w, h)


class NumberedCanvas(Canvas):
    """A canvas that holds its pages back until it knows how many there are."""

    def __init__(self, *args: Any, furniture: Furniture, created: dt.date | None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict] = []
        if created is not None:
            _set_creation_date(self, created)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, pages)
            super().showPage()
        super().save()


class _FixedStamp:
    """A reportlab TimeStamp for a given day (00:00 UTC), for CreationDate/ModDate."""

    def __init__(self, day: dt.date) -> None:
        self.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
        self.dhh = self.dmm = 0
        self.tzname = "UTC"
        self.t = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def _set_creation_date(canvas: Canvas, day: dt.date) -> None:
    try:
        canvas._doc._timeStamp = _FixedStamp(day)
    except AttributeError:  # another reportlab: keep its invariant date
        pass
