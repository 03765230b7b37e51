"""The summary's grid tables (the scale, the options, the plan's steps): a header row
repeated on every page, long cells continued over several rows, and the headings above
a table kept with its first row."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from otdesk.summary.fonts import FONT_BOLD
from otdesk.summary.style import (
    CELL_LINES,
    CHOSEN_FILL,
    FRAME_W,
    HEAD_FILL,
    PAGE_H,
    RULE,
    RULE_LIGHT,
    TABLE_BASE,
    Paragraph,
    chars_for,
    lines,
)
from otdesk.summary.text import clean, markup, pieces


class Grid:
    """A table with a repeated header row whose long cells continue over several rows.

    A logical row is a list of cells; a cell is a list of (style, text) parts.  Each
    cell's text is cut into pieces of at most :data:`CELL_LINES` lines, and the pieces
    go into consecutive physical rows, drawn without a rule between them, so that one
    huge cell flows across pages instead of raising reportlab's LayoutError.
    """

    def __init__(self, styles: dict[str, ParagraphStyle], header: list[str],
                 widths: list[float]) -> None:
        self.st = styles
        self.widths = widths
        self.inner = [w - 10 for w in widths]  # less the cell padding
        self.data: list[list[Any]] = [[Paragraph(markup(clean(h)), styles["th"])
                                       for h in header]]
        self.cmds: list[tuple] = [
            *TABLE_BASE,
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, 0), 4.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4.5),
        ]

    def _blocks(self, parts: list[tuple[str, str]], width: float) -> list[list[Flowable]]:
        """The cell's parts as flowables (:func:`~otdesk.summary.style.lines`) grouped
        into row-sized blocks."""
        budget_lines = CELL_LINES
        blocks: list[list[Flowable]] = [[]]
        used = 0
        for style_name, text in parts:
            style = self.st[style_name]
            if not text:
                continue
            limit = chars_for(width, style, CELL_LINES)
            for piece in pieces(text, limit, CELL_LINES):
                cost = max(1, round(CELL_LINES * len(piece) / limit),
                           piece.count("\n") + 1)
                if blocks[-1] and used + cost > budget_lines:
                    blocks.append([])
                    used = 0
                blocks[-1] += lines(piece, style)
                used += cost
        return blocks

    def row(self, cells: list[list[tuple[str, str]]], *, shade: bool = False,
            span: tuple[str, str] | None = None) -> None:
        start = len(self.data)
        span_start = None
        columns = [self._blocks(parts, w) for parts, w in zip(cells, self.inner)]
        height = max(len(c) for c in columns)
        for i in range(height):
            self.data.append([c[i] if i < len(c) else "" for c in columns])
        if span is not None:
            label, text = span
            full = sum(self.widths) - 10
            limit = chars_for(full, self.st["td_why"], CELL_LINES)
            for i, piece in enumerate(pieces(text, limit, CELL_LINES)):
                lead = (f'<font name="{FONT_BOLD}">{markup(clean(label))}:</font> '
                        if i == 0 and label else "")
                self.data.append([lines(piece, self.st["td_why"], lead)]
                                 + [""] * (len(self.widths) - 1))
                row = len(self.data) - 1
                self.cmds.append(("SPAN", (0, row), (-1, row)))
                if i == 0:
                    span_start = row
        end = len(self.data) - 1
        self.cmds += [("TOPPADDING", (0, start), (-1, end), 0),
                      ("BOTTOMPADDING", (0, start), (-1, end), 0),
                      ("TOPPADDING", (0, start), (-1, start), 5),
                      ("BOTTOMPADDING", (0, end), (-1, end), 5.5),
                      ("LINEBELOW", (0, end), (-1, end), 0.5, RULE_LIGHT)]
        if span_start is not None and span_start > start:
            self.cmds.append(("TOPPADDING", (0, span_start), (-1, span_start), 3.5))
        if shade:
            self.cmds.append(("BACKGROUND", (0, start), (-1, end), CHOSEN_FILL))

    def build(self) -> Table:
        table = Table(self.data, colWidths=self.widths, repeatRows=1, splitInRow=1,
                      style=TableStyle(self.cmds), hAlign="LEFT")
        table._otdesk_grid = True
        return table


def glue_tables(story: list[Flowable]) -> list[Flowable]:
    """Keep the headings over each grid table with its header and first row only.

    platypus' keepWithNext would move a heading *and the whole table* to the next page
    when the table does not fit in what is left of this one (leaving half a page
    empty); instead the headings lose keepWithNext and a CondPageBreak before them
    asks for room for the headings, the header row and the first row.
    """
    out: list[Flowable] = []
    for flowable in story:
        if getattr(flowable, "_otdesk_grid", False):
            chain: list[Flowable] = []
            while out and getattr(out[-1], "getKeepWithNext", lambda: 0)():
                chain.insert(0, out.pop())
            needed = 0.0
            for f in chain:
                f.keepWithNext = 0
                needed += f.wrap(FRAME_W, PAGE_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            flowable.wrap(FRAME_W, PAGE_H)
            heights = getattr(flowable, "_rowHeights", None) or [0.0]
            needed += min(sum(heights[:2]), PAGE_H / 3)
            if chain:
                out.append(CondPageBreak(needed))
            out += chain
        out.append(flowable)
    return out
