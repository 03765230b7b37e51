"""The summary's look: colours, the A4 page's geometry, the paragraph styles, and the
Paragraph flowables (one that keeps its lines when wrapped again, a heading with a
rule, a text as one Paragraph per line)."""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Paragraph as _RLParagraph

from otdesk.summary.fonts import FONT, FONT_BOLD, FONT_ITALIC
from otdesk.summary.text import markup

INK = colors.HexColor("#1E2632")
MUTED = colors.HexColor("#5B6573")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#C9D2DC")
RULE_LIGHT = colors.HexColor("#DEE4EA")
HEAD_FILL = colors.HexColor("#EAEFF4")
BOX_FILL = colors.HexColor("#F4F6F8")
CHOSEN_FILL = colors.HexColor("#EDF5EE")
CHOSEN_INK = colors.HexColor("#25602B")
MARK_INK = colors.HexColor("#8C1D1D")
DRAFT_INK = colors.Color(0.80, 0.33, 0.25, alpha=0.22)

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 19 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

#: how long a piece of text may be in one paragraph of running text (for speed only:
#: paragraphs split across pages by themselves)
BODY_CHARS, BODY_LINES = 2400, 40
#: lines of text in one table row at most (a row must fit on a page)
CELL_LINES = 16


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the summary, by name."""
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.6, textColor=INK,
                          splitLongWords=1, allowWidows=0, allowOrphans=0)

    def s(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": s("title", fontName=FONT_BOLD, fontSize=16.5, leading=21, textColor=ACCENT,
                   spaceAfter=2),
        "subtitle": s("subtitle", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=9),
        "h2": s("h2", fontName=FONT_BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
                spaceBefore=15, spaceAfter=7, keepWithNext=1),
        "label": s("label", fontName=FONT_BOLD, fontSize=9, leading=12.5,
                   textColor=colors.HexColor("#2F3B4B"), spaceBefore=7, spaceAfter=1.5,
                   keepWithNext=1),
        "note": s("note", fontName=FONT_ITALIC, fontSize=8.5, leading=12, textColor=MUTED),
        "fact_label": s("fact_label", fontSize=8.5, leading=12, textColor=MUTED),
        "fact": s("fact", fontSize=9.5, leading=13),
        "fact_note": s("fact_note", fontName=FONT_ITALIC, fontSize=9, leading=13,
                       textColor=MUTED),
        "th": s("th", fontName=FONT_BOLD, fontSize=8.5, leading=11.2, textColor=ACCENT),
        "td": s("td", fontSize=8.8, leading=12),
        "td_title": s("td_title", fontName=FONT_BOLD, fontSize=8.8, leading=12),
        "td_chosen": s("td_chosen", fontName=FONT_BOLD, fontSize=8.2, leading=11.5,
                       textColor=CHOSEN_INK, spaceBefore=1.5),
        "td_why": s("td_why", fontSize=8.8, leading=12),
        "addendum": s("addendum", fontName=FONT_BOLD, fontSize=8.8, leading=12.5,
                      textColor=colors.HexColor("#2F3B4B"), spaceBefore=7, keepWithNext=1),
        "contact": s("contact", fontSize=9.2, leading=13),
        "contact_intro": s("contact_intro", fontSize=9.2, leading=13),
        "contact_org": s("contact_org", fontName=FONT_BOLD, fontSize=9.2, leading=13),
        "inline": s("inline", spaceBefore=7),
        "table_label": s("table_label", fontName=FONT_BOLD, fontSize=9, leading=12.5,
                         textColor=colors.HexColor("#2F3B4B"), spaceBefore=7, spaceAfter=3.5,
                         keepWithNext=1),
        "bullet": s("bullet", leftIndent=11, bulletIndent=1, bulletFontName=FONT,
                    spaceAfter=1),
    }


@functools.cache
def _continued_style(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "+", parent=style, spaceBefore=0)


def continued(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for the pieces after the first of a long text: no space above."""
    return _continued_style(style) if style.spaceBefore else style


def chars_for(width: float, style: ParagraphStyle, lines: int) -> int:
    """About ``lines`` lines' worth of characters of ``style`` in ``width``."""
    per_line = max(8, int(width / (style.fontSize * 0.56)))
    return per_line * lines


class Paragraph(_RLParagraph):
    """reportlab's Paragraph that does not break its lines again when it is wrapped
    again at the width of its last wrap (a table wraps each cell to size its rows, again
    when it splits and again when it draws; KeepTogether and the frame wrap the same
    paragraph twice): its lines depend on the width alone.  A split may drop the lines
    (reportlab's does, when the paragraph must go on whole), so after one the next wrap
    breaks them again."""

    _wrapped: tuple[float, tuple[float, float]] | None = None  # (width, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            self.width, self.height = self._wrapped[1]
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._wrapped = None
        return super().split(availWidth, availHeight)


#: every table: text at the top of its cell, and our font for reportlab's own drawing of
#: string cells (its default is an unembedded Helvetica)
TABLE_BASE = (("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT))


class Heading(Paragraph):
    """A section heading with a thin rule under it."""

    def draw(self) -> None:
        super().draw()
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, -3, self.width, -3)
        self.canv.restoreState()


@functools.cache
def _line_style(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """``style`` for one line of a text with line breaks: the space above only on the
    first line, the space below only on the last (the block keeps its outer spacing)."""
    if first and last:
        return style
    return ParagraphStyle(f"{style.name}~{int(first)}{int(last)}", parent=style,
                          spaceBefore=style.spaceBefore if first else 0,
                          spaceAfter=style.spaceAfter if last else 0,
                          firstLineIndent=style.firstLineIndent if first else 0)


def lines(text: str, style: ParagraphStyle, lead: str = "",
          bullet: str | None = None) -> list[Flowable]:
    """A piece of text (cleaned) as flowables: one Paragraph per line that has text,
    a Spacer of one line per blank line.  ``lead`` (markup) and ``bullet`` go on the
    first line.  The frame (or a table cell) then splits between them like between any
    flowables: reportlab lays out a paragraph with ``<br/>`` line breaks several times
    slower than plain ones."""
    rows = text.split("\n")
    filled = [i for i, line in enumerate(rows) if line.strip()] or [0]
    first, last = filled[0], filled[-1]
    out: list[Flowable] = []
    for i, line in enumerate(rows):
        if line.strip() or i == first:
            out.append(Paragraph((lead if i == first else "") + markup(line),
                                 _line_style(style, i == first, i == last),
                                 bulletText=bullet if i == first else None))
        else:
            out.append(Spacer(1, style.leading))
    return out
