"""The summary for the requesting professional: a consultation → PDF bytes.

:func:`render_summary` lays out the summary and progression plan with
reportlab's platypus: A4, the organisation's name (and logo) and the
confidentiality marking at the top of every page, "x / N" at the bottom;
then the title block, the request, the four phases in the order and with the
labels of ``templates/structure.toml``, the worry zones, the consultant's
contact block and the dated addenda.  Wording that is not in the structure or
the vocabulary comes from ``templates/summary.toml`` (fi, sv, en).

The output is deterministic — the same consultation, language, organisation,
version, addenda and ``generated`` date give the same bytes (reportlab's
``invariant`` mode) — because what is printed is stored as delivered.

* Fonts: DejaVu Sans (regular, bold, oblique) from ``otdesk/fonts/``, embedded
  as subsets; the canvas' initial font is one of them, so no unembedded
  Helvetica is left in the file.
* Any text is accepted: control characters (except newline and tab),
  surrogates and non-characters are dropped, newlines become line breaks,
  XML is escaped.  Characters the font lacks (most emoji) print as boxes.
  Long words wrap; long texts are cut into pieces so that they flow across
  pages quickly and a huge table cell never overflows a page.
* An anonymous consultation shows no identifying field of the client.
* Speed (``benchmarks/summary.py``: within 1.5x a plain reportlab document of the
  same pages and fonts): a text with line breaks is one plain Paragraph per line
  (:func:`_lines`; reportlab lays out ``<br/>`` several times slower); a Paragraph
  wrapped again at the same width keeps its lines; reportlab runs on its C
  accelerators (``rl_accel``).

No Qt here.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import re
import types
import unicodedata
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as _RLParagraph

from otdesk.core import vocabulary
from otdesk.core.domain import Consultation
from otdesk.core.texts import LANGUAGES
from otdesk.config.settings import ConsultantProfile
from otdesk.core.structure import Field, TemplateError, load_structure, read_template, tr
from otdesk.core.summary_org import SummaryOrg

log = logging.getLogger(__name__)

TEMPLATE = "summary.toml"
SCHEMA = 1
#: the PDF's /Lang for each language of the app
PDF_LANG = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}

# --- fonts ------------------------------------------------------------------------------

FONT = "OTDeskSans"
FONT_BOLD = "OTDeskSans-Bold"
FONT_ITALIC = "OTDeskSans-Oblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
               FONT_ITALIC: "DejaVuSans-Oblique.ttf"}


class _TTFont(TTFont):
    """reportlab's TTFont with a correct ToUnicode map for characters beyond U+FFFF.

    reportlab writes such a character as ``<1F600>`` in the subset's ToUnicode CMap,
    which is not valid (a CMap destination is UTF-16BE, so a surrogate pair:
    ``<D83DDE00>``): text extraction, search and screen readers then get garbage for
    an emoji or a historic script.  DejaVu Sans has 548 such characters (emoticons
    among them), so the map of every subset that holds one is rewritten here.
    """

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        try:  # reportlab forgets the subsets once it has written them
            subsets = [list(subset) for subset in self.state[doc].subsets]
        except (AttributeError, KeyError):
            subsets = []
        super().addObjects(doc)
        try:
            for n, subset in enumerate(subsets):
                if max(subset, default=0) <= 0xFFFF:
                    continue
                base = b"".join((SUBSETN(n), b"+", self.face.name,
                                 self.face.subfontNameX)).decode("pdfdoc")
                stream = doc.idToObject.get("toUnicodeCMap:" + base)
                if stream is not None:
                    stream.content = _to_unicode_cmap(base, subset)
        except (AttributeError, KeyError, TypeError):  # another reportlab: leave it be
            log.debug("summary: ToUnicode fix not applied", exc_info=True)


def _to_unicode_cmap(name: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with UTF-16BE (surrogate pairs) for code points > U+FFFF."""
    head, _, tail = makeToUnicodeCMap(name, subset).partition("beginbfchar")
    head = head + "beginbfchar\n"
    tail = tail[tail.index("endbfchar"):]

    def utf16(v: int) -> str:
        return chr(v).encode("utf-16-be", "surrogatepass").hex().upper() if v > 0xFFFF \
            else f"{v:04X}"

    return head + "\n".join(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)) + \
        "\n" + tail


@functools.cache
def register_fonts() -> None:
    """Register the packaged DejaVu Sans faces with reportlab (once per process)."""
    folder = resources.files("otdesk.fonts")
    for name, filename in _FONT_FILES.items():
        data = folder.joinpath(filename).read_bytes()
        pdfmetrics.registerFont(_TTFont(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD)


# --- wording ----------------------------------------------------------------------------


@functools.cache
def load_wording() -> Mapping[str, Mapping[str, str]]:
    """``templates/summary.toml``: key → {fi, sv, en} (read and checked once)."""
    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    return parse_wording(text)


def parse_wording(text: str, source: str = TEMPLATE) -> Mapping[str, Mapping[str, str]]:
    """Check the summary wording: every entry of ``[text]`` in fi, sv and en."""
    data = read_template(text, source, SCHEMA)
    table = data.get("text")
    if not isinstance(table, dict) or not table:
        raise TemplateError(f"{source}: missing table [text]")
    out = {}
    for key, value in table.items():
        if not isinstance(value, dict):
            raise TemplateError(f"{source}: text.{key}: missing {{fi, sv, en}}")
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                raise TemplateError(f"{source}: text.{key}: no text in {lang!r}")
        out[key] = types.MappingProxyType({lang: value[lang] for lang in LANGUAGES})
    missing = _WORDING_KEYS - set(out)
    if missing:
        raise TemplateError(f"{source}: [text] lacks {sorted(missing)}")
    return types.MappingProxyType(out)


_WORDING_KEYS = frozenset({
    "title", "doc_title", "doc_title_plain", "confidentiality", "default_organisation",
    "version", "generated", "page", "time", "minutes", "reference", "received", "session",
    "requester", "consultant", "consultants", "categories", "anonymous_note",
    "identified_note", "client", "consent", "consent_given_by", "consent_given_on", "consent_scope",
    "option_untitled", "experts_involved", "contact", "contact_intro", "addenda",
    "addenda_intro",
})


def wording(key: str, lang: str, **params: object) -> str:
    """The summary wording ``key`` in ``lang``, with ``params`` filled in."""
    template = tr(load_wording()[key], lang)
    return template.format(**params) if params else template


# --- the organisation -------------------------------------------------------------------


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


# --- text hygiene -----------------------------------------------------------------------

#: C0 controls except tab and newline, DEL, C1 controls, the soft hyphen (reportlab would
#: try every one as a break point: a text full of them took 20 s), surrogates, BOM,
#: non-characters
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\ud800-\udfff\ufeff"
                   "\ufdd0-\ufdef\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
#: a character beyond the basic plane (only then are the other planes' non-characters
#: looked for, one by one)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def clean(text: Any) -> str:
    """``text`` as a str that is safe to print: NFC, controls dropped, newlines unified.

    Keeps newline and tab (tab becomes a space), folds more than one blank line into
    one, and drops what no font can show: C0/C1 controls, lone surrogates, the byte
    order mark and non-characters (U+FFFE, U+FFFF, U+FDD0…U+FDEF, and U+xFFFE/xFFFF
    of the other planes).  A character DejaVu Sans has no glyph for (most emoji,
    many scripts) becomes U+FFFD "�"; an invisible one (a format character or a
    combining mark) is dropped.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = _NEWLINES.sub("\n", text)
    text = _DROP.sub("", text)
    if _ASTRAL.search(text):
        text = "".join(ch for ch in text if (ord(ch) & 0xFFFE) != 0xFFFE)
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    if not text.isascii() and _uncovered().search(text):
        text = text.translate(_glyph_map())
    return _BLANK_RUNS.sub("\n\n", text)


class _GlyphMap(dict):
    """``str.translate`` table: a character the font has stays; an invisible one it lacks
    (a format character, a combining mark) goes; any other becomes U+FFFD, which the
    font draws as "�" and text extraction reads as "�" (reportlab would draw its
    empty box and write U+0000 into the text layer)."""

    def __init__(self, covered: frozenset[int]) -> None:
        super().__init__()
        self.covered = covered

    def __missing__(self, code: int) -> int | None:
        if code in self.covered:
            value: int | None = code
        elif unicodedata.category(chr(code)) in ("Cf", "Mn", "Me"):
            value = None
        else:
            value = 0xFFFD
        self[code] = value
        return value


@functools.cache
def _glyph_map() -> _GlyphMap:
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return _GlyphMap(frozenset(face.charToGlyph) | {0x0A})


@functools.cache
def _uncovered() -> re.Pattern[str]:
    """A character that :func:`_glyph_map` changes (one the font lacks): a text without
    one needs no translation (most texts: the map's lookups were a long text's
    biggest cost in :func:`clean`)."""
    codes = sorted(_glyph_map().covered)
    runs, start = [], codes[0]
    for prev, code in zip(codes, codes[1:] + [-1]):
        if code != prev + 1:
            runs.append(f"\\U{start:08X}-\\U{prev:08X}")
            start = code
    return re.compile(f"[^{''.join(runs)}]")


def markup(text: str) -> str:
    """Cleaned ``text`` as Paragraph markup: XML escaped, newlines as line breaks."""
    return escape(text).replace("\n", "<br/>")


def _split_line(line: str, limit: int) -> list[str]:
    """A line longer than ``limit`` characters, cut after a sentence, a space or hard."""
    out = []
    while len(line) > limit:
        window = line[:limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 2 else limit
        out.append(line[:cut].rstrip(" "))
        line = line[cut:].lstrip(" ")
    out.append(line)
    return out


def pieces(text: str, max_chars: int, max_lines: int) -> list[str]:
    """``text`` (cleaned) in pieces of at most ``max_chars`` characters and ``max_lines``
    lines, cut at line ends where possible: small flowables lay out fast and split
    across pages, and no table row grows taller than a page."""
    out: list[str] = []
    current: list[str] = []
    chars = 0
    for line in text.split("\n"):
        for part in _split_line(line, max_chars):
            if current and (chars + len(part) > max_chars or len(current) >= max_lines):
                out.append("\n".join(current))
                current, chars = [], 0
            current.append(part)
            chars += len(part) + 1
    if current:
        out.append("\n".join(current))
    return out


# --- dates ------------------------------------------------------------------------------

try:
    from zoneinfo import ZoneInfo

    _TZ: dt.tzinfo | None = ZoneInfo("Europe/Helsinki")
except Exception:  # no tz database: aware times are shown in their own offset
    _TZ = None


def _local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None and _TZ is not None:
        return value.astimezone(_TZ)
    return value


def fi_date(value: dt.date | dt.datetime | None) -> str:
    """``d.m.yyyy``, the Finnish way (used in every language of the summary)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return f"{value.day}.{value.month}.{value.year}"


def _date_time(value: dt.datetime, lang: str) -> str:
    value = _local(value)
    clock = f"{value.hour}.{value.minute:02d}" if lang != "en" else \
        f"{value.hour:02d}:{value.minute:02d}"
    return f"{fi_date(value)} {wording('time', lang, time=clock)}"


# --- look -------------------------------------------------------------------------------

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
def _styles() -> dict[str, ParagraphStyle]:
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


def _continued(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for the pieces after the first of a long text: no space above."""
    return _continued_style(style) if style.spaceBefore else style


def _chars_for(width: float, style: ParagraphStyle, lines: int) -> int:
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
_TABLE_BASE = (("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT))


class _Heading(Paragraph):
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


def _lines(text: str, style: ParagraphStyle, lead: str = "",
           bullet: str | None = None) -> list[Flowable]:
    """A piece of text (cleaned) as flowables: one Paragraph per line that has text,
    a Spacer of one line per blank line.  ``lead`` (markup) and ``bullet`` go on the
    first line.  The frame (or a table cell) then splits between them like between any
    flowables: reportlab lays out a paragraph with ``<br/>`` line breaks several times
    slower than plain ones."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()] or [0]
    first, last = filled[0], filled[-1]
    out: list[Flowable] = []
    for i, line in enumerate(lines):
        if line.strip() or i == first:
            out.append(Paragraph((lead if i == first else "") + markup(line),
                                 _line_style(style, i == first, i == last),
                                 bulletText=bullet if i == first else None))
        else:
            out.append(Spacer(1, style.leading))
    return out


# --- page furniture ---------------------------------------------------------------------


class _Furniture:
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


LOGO_H = 11 * mm
DRAFT_INK = colors.Color(0.80, 0.33, 0.25, alpha=0.22)


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


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until it knows how many there are."""

    def __init__(self, *args: Any, furniture: _Furniture, created: dt.date | None,
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


# --- the document -----------------------------------------------------------------------


def render_summary(consultation: Consultation, lang: str = "fi", *,
                   org: SummaryOrg | None = None, version: int = 1,
                   addenda: Sequence = (), generated: dt.date | None = None,
                   consultant: ConsultantProfile | None = None, draft: bool = False) -> bytes:
    """The summary and progression plan of ``consultation`` as PDF bytes.

    ``lang`` is fi, sv or en.  ``version`` > 1 is printed in the title block;
    ``addenda`` are objects with ``.at`` (datetime), ``.author`` and ``.text``,
    printed in the order given as a dated section at the end.  ``generated`` is
    the date printed as "Laadittu d.m.yyyy" and used as the PDF's creation
    date; without it no date is printed and the PDF carries reportlab's fixed
    invariant date, so the bytes depend on the arguments alone.  ``consultant``
    fills the contact box (else the organisation's contact is shown); ``draft``
    writes LUONNOS / UTKAST / DRAFT across every page.
    """
    if lang not in PDF_LANG:
        raise ValueError(f"unknown language {lang!r}; expected one of {sorted(PDF_LANG)}")
    register_fonts()
    org = org or SummaryOrg()
    reference = " ".join(clean(consultation.reference).split())[:80]
    doc_title = (wording("doc_title", lang, reference=reference) if reference
                 else wording("doc_title_plain", lang))
    footer = doc_title + (f" · {wording('version', lang, n=version)}" if version > 1 else "")
    furniture = _Furniture(org, lang, footer, draft=draft)

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=doc_title, author=furniture.name[:300], subject=wording("title", lang),
        creator="OT Desk", keywords=[], invariant=1, lang=PDF_LANG[lang], initialFontName=FONT,
        initialFontSize=9.5, displayDocTitle=True)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    story = _Story(consultation, lang, org, furniture.name, version, addenda, generated,
                   consultant)
    doc.build(story.build(), canvasmaker=functools.partial(
        _NumberedCanvas, furniture=furniture, created=generated))
    return buffer.getvalue()


class _Story:
    """The flowables of one summary, section by section."""

    def __init__(self, c: Consultation, lang: str, org: SummaryOrg, org_name: str,
                 version: int, addenda: Sequence, generated: dt.date | None,
                 consultant: ConsultantProfile | None = None) -> None:
        self.c = c
        self.consultant = consultant
        self.lang = lang
        self.org = org
        self.org_name = org_name
        self.version = version
        self.addenda = addenda
        self.generated = generated
        self.st = _styles()
        self.structure = load_structure()
        self.out: list[Flowable] = []
        self.section = 0
        self.phase_title = ""

    def w(self, key: str, **params: object) -> str:
        return wording(key, self.lang, **params)

    def label_of(self, f: Field) -> str:
        return tr(f.label, self.lang)

    def table_label(self, f: Field) -> list[Flowable]:
        """The label over a table, unless it only repeats the phase's title."""
        label = self.label_of(f)
        if label.strip().casefold() == self.phase_title.strip().casefold():
            return []
        return [Paragraph(markup(label), self.st["table_label"])]

    # -- building blocks -----------------------------------------------------------------

    def heading(self, text: str, numbered: bool = True) -> None:
        if numbered:
            self.section += 1
            text = f"{self.section}\u2002{text}"
        self.out.append(_Heading(markup(clean(text)), self.st["h2"]))

    def paragraphs(self, text: str, style: ParagraphStyle | None = None, *, lead: str = "",
                   bullet: str | None = None, chars: int = BODY_CHARS) -> list[Flowable]:
        """``text`` (cleaned) as paragraphs of at most ``chars`` characters each.

        ``lead`` is markup put before the first piece (a bold label), ``bullet`` its
        bullet; the pieces after the first continue without space above them.
        """
        style = style or self.st["body"]
        out: list[Flowable] = []
        for i, piece in enumerate(pieces(text, chars, BODY_LINES)):
            if i == 0:
                out += _lines(piece, style, lead, bullet)
            else:
                out += _lines(piece, _continued(style))
        return out

    def labelled(self, label: str, text: str) -> None:
        """A field: its label, then its text (skipped when the text is empty)."""
        text = clean(text).strip()
        if not text:
            return
        self.out.append(Paragraph(markup(clean(label)), self.st["label"]))
        self.out += self.paragraphs(text)

    def inline(self, label: str, value: str) -> None:
        """A short field on one line: "Label: value"."""
        value = clean(value).strip()
        if value:
            self.out += self.paragraphs(
                value, self.st["inline"],
                lead=f'<font name="{FONT_BOLD}" color="#2F3B4B">{markup(clean(label))}:</font> ')

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.out += self.paragraphs(item, self.st["bullet"], bullet="•")

    # -- the whole -----------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        self.title_block()
        self.question_and_categories()
        for phase in self.structure.phases:
            self.phase(phase)
        self.worry()
        self.contact()
        self.feedback_request()
        self.addenda_section()
        return _glue_tables(self.out)

    def title_block(self) -> None:
        c, st = self.c, self.st
        block: list[Flowable] = [Paragraph(markup(self.w("title")), st["title"])]
        sub = []
        reference = " ".join(clean(c.reference).split())
        if len(reference) > 200:  # not a reference but a text: print all of it, plainly
            block += self.paragraphs(reference, st["subtitle"])
        elif reference:
            sub.append(f'<font name="{FONT_BOLD}" color="#1F3A5F">{markup(reference)}</font>')
        if self.version > 1:
            sub.append(f'<font name="{FONT_BOLD}">{markup(self.w("version", n=self.version))}'
                       "</font>")
        if self.generated is not None:
            sub.append(markup(self.w("generated", date=fi_date(self.generated))))
        if sub:
            block.append(Paragraph("\u2003·\u2003".join(sub), st["subtitle"]))
        else:
            block.append(Spacer(1, 7))

        facts: list[tuple[str, str]] = []
        if c.received_at is not None:
            received = fi_date(c.received_at)
            if c.channel:
                received += " · " + vocabulary.label("channels", c.channel, self.lang)
            facts.append((self.w("received"), received))
        session = []
        if c.session.date is not None:
            session.append(fi_date(c.session.date))
        if c.session.mode:
            session.append(vocabulary.label("session_modes", c.session.mode, self.lang))
        if c.session.duration_minutes:
            session.append(self.w("minutes", n=c.session.duration_minutes))
        if session and c.session.date is not None:
            facts.append((self.w("session"), " · ".join(session)))
        r = c.requester
        who = ", ".join(x for x in (clean(r.name).strip(), clean(r.title).strip()) if x)
        org = clean(r.organisation).strip()
        requester = "\n".join(x for x in (who, org) if x)
        if requester:
            facts.append((self.w("requester"), requester))
        consultants = [clean(n).strip() for n in c.consultants if clean(n).strip()]
        if consultants:
            facts.append((self.w("consultants" if len(consultants) > 1 else "consultant"),
                          ", ".join(consultants)))
        facts = [(a, b, "fact") for a, b in facts] + self.client_facts()
        if facts:
            block.append(self.facts_table(facts))
        self.out.append(KeepTogether(block))

    def facts_table(self, facts: list[tuple[str, str, str]]) -> Table:
        label_w = 42 * mm
        value_w = FRAME_W - label_w
        rows = []
        for label, value, style in facts:
            chunks = pieces(clean(value), _chars_for(value_w, self.st[style], CELL_LINES),
                            CELL_LINES)
            for i, chunk in enumerate(chunks):
                rows.append([Paragraph(markup(label) if i == 0 else "", self.st["fact_label"]),
                             _lines(chunk, self.st[style])])
        style = [*_TABLE_BASE, ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                 ("LEFTPADDING", (0, 0), (0, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                 ("TOPPADDING", (0, 0), (-1, 0), 7), ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
                 ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT)]
        return Table(rows, colWidths=[label_w, value_w], style=style, splitInRow=1)

    def question_and_categories(self) -> None:
        question = clean(self.c.question).strip()
        cats = [vocabulary.label("categories", code, self.lang) for code in self.c.categories]
        cats = [clean(x).strip() for x in cats if clean(x).strip()]
        if not question and not cats:
            return
        self.heading(self.label_of(self.structure.field("question")), numbered=False)
        if question:
            self.out += self.paragraphs(question)
        if cats:
            self.out.append(Paragraph(markup(self.w("categories")), self.st["label"]))
            self.bullets(cats)

    def client_facts(self) -> list[tuple[str, str, str]]:
        """Anonymous: one sentence.  Identified: the client and the consent statement."""
        c = self.c
        if c.anonymous:
            return [(self.w("client"), self.w("anonymous_note"), "fact_note")]
        out = []
        description = clean(c.client_description).strip()
        if description:
            out.append((self.w("client"), description, "fact"))
        consent = c.consent
        if consent is not None:
            lines = [f"{self.w(key)}: {value}" for key, value in (
                ("consent_given_by", " ".join(clean(consent.given_by).split())),
                ("consent_given_on", fi_date(consent.given_on)),
                ("consent_scope", clean(consent.scope).strip()),
                ("consent_form", vocabulary.label("consent_forms", consent.form, self.lang)
                 if consent.form else ""),
                ("consent_recorded_by", " ".join(clean(consent.recorded_by).split())))
                if value]
            if lines:
                out.append((self.w("consent"), self.w("identified_note"), "fact_note"))
                out.append(("", "\n".join(lines), "fact"))
        return out

    # -- the phases ----------------------------------------------------------------------

    def phase(self, phase: Any) -> None:
        body: list[Flowable] = []
        saved, self.out = self.out, body
        try:
            self.phase_title = tr(phase.title, self.lang)
            for f in phase.fields:
                self.field(f)
                if f.key == "plan.contacts":
                    self.experts()
        finally:
            self.out = saved
        if body:
            self.heading(tr(phase.title, self.lang))
            self.out += body

    def field(self, f: Field) -> None:
        value = f.get(self.c)
        if f.kind == "text":
            self.labelled(self.label_of(f), value)
        elif f.kind == "date":
            self.inline(self.label_of(f), fi_date(value))
        elif f.kind == "scale":
            self.scale(f, value)
        elif f.kind == "options":
            self.options(f, value)
        elif f.kind == "steps":
            self.steps(f, value)
        elif f.kind == "number" and value is not None:
            self.inline(self.label_of(f), str(value))

    def scale(self, f: Field, ratings: list) -> None:
        rows = [r for r in ratings if clean(r.participant).strip() or r.value]
        if not rows:
            return
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        widths = [70 * mm, 30 * mm]
        table = _Grid(self.st, [cols.get("participant", ""), cols.get("value", "")], widths)
        for r in rows:
            table.row([[("td", clean(r.participant).strip() or "—")],
                       [("td_title", str(r.value))]])
        scale = self.structure.scale
        note = f"{tr(scale.low, self.lang)} · {tr(scale.high, self.lang)}"
        self.out.append(KeepTogether([
            Paragraph(markup(self.label_of(f)), self.st["label"]),
            Spacer(1, 2), table.build(),
            Paragraph(markup(note), ParagraphStyle("scale_note", parent=self.st["note"],
                                                   spaceBefore=3))]))

    def options(self, f: Field, options: list) -> None:
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        keys = ("title", "benefits", "risks", "needs")
        widths = [FRAME_W * x for x in (0.28, 0.24, 0.24, 0.24)]
        table = _Grid(self.st, [cols.get(k, k) for k in keys], widths)
        shown = 0
        for n, o in enumerate(options, 1):
            texts = {k: clean(getattr(o, k, "")).strip()
                     for k in ("title", "description", "benefits", "risks", "needs", "why")}
            if not any(texts.values()) and not o.chosen:
                continue
            shown += 1
            first: list[tuple[str, str]] = [
                ("td_title", f"{n}. {texts['title'] or self.w('option_untitled', n=n)}")]
            if o.chosen:
                first.append(("td_chosen", f"\u2713 {cols.get('chosen', 'Valittu').upper()}"))
            if texts["description"]:
                first.append(("td", texts["description"]))
            why = None
            if texts["why"]:
                why = (cols.get("why", ""), texts["why"])
            table.row([first, [("td", texts["benefits"])], [("td", texts["risks"])],
                       [("td", texts["needs"])]], shade=bool(o.chosen), span=why)
        if not shown:
            return
        self.out += self.table_label(f)
        self.out.append(table.build())

    def steps(self, f: Field, steps: list) -> None:
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        widths = [FRAME_W - 80 * mm, 48 * mm, 32 * mm]
        table = _Grid(self.st, [cols.get("action", ""), cols.get("responsible", ""),
                                cols.get("due", "")], widths)
        shown = 0
        for s in steps:
            action, who = clean(s.action).strip(), clean(s.responsible).strip()
            if not (action or who or s.due):
                continue
            shown += 1
            table.row([[("td", action)], [("td", who)], [("td", fi_date(s.due))]])
        if not shown:
            return
        self.out += self.table_label(f)
        self.out.append(table.build())

    def experts(self) -> None:
        names = [clean(x).strip() for x in self.c.experts]
        names = [x for x in names if x]
        if not names:
            return
        self.out.append(Paragraph(markup(self.w("experts_involved")), self.st["label"]))
        self.bullets(names)

    # -- the end ---------------------------------------------------------------------------

    def worry(self) -> None:
        rows = []
        for key in ("worry_start", "worry_end"):
            value = getattr(self.c, key)
            if value is None:
                continue
            zone = vocabulary.label("worry_zones", value, self.lang)
            rows.append((self.label_of(self.structure.field(key)), f"{value} / 4 · {zone}"))
        if not rows:
            return
        body: list[Flowable] = [_Heading(markup(tr(self.structure.worry_title, self.lang)),
                                         self.st["h2"])]
        table = Table([[Paragraph(markup(a), self.st["fact_label"]),
                        Paragraph(markup(b), self.st["fact"])] for a, b in rows],
                      colWidths=[42 * mm, FRAME_W - 42 * mm],
                      style=[*_TABLE_BASE, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
        body.append(table)
        self.out.append(KeepTogether(body))

    def contact(self) -> None:
        """The consultant contact block: a tinted box, one table row per paragraph so that
        even a very long contact text splits across pages row by row."""
        st = self.st
        chars = BODY_CHARS // 2
        inner: list[Flowable] = [Paragraph(markup(self.w("contact_intro")),
                                           st["contact_intro"])]
        person = _person_lines(self.consultant) if self.consultant is not None else []
        me = " ".join(clean(self.consultant.name).split()).casefold() if person else ""
        consultants = [clean(n).strip() for n in self.c.consultants if clean(n).strip()
                       and " ".join(clean(n).split()).casefold() != me]
        if consultants:  # (the contact person below is not named twice)
            label = self.w("consultants" if len(consultants) > 1 else "consultant")
            inner += self.paragraphs(", ".join(consultants), st["contact"], chars=chars,
                                     lead=f'<font name="{FONT_BOLD}">{markup(label)}:</font> ')
        if person:
            label = f'<font name="{FONT_BOLD}">{markup(self.w("contact_person"))}:</font> '
            inner += self.paragraphs(person[0], st["contact"], chars=chars, lead=label)
            for line in person[1:]:
                inner += self.paragraphs(line, st["contact"], chars=chars)
        inner += self.paragraphs(self.org_name, st["contact_org"], chars=chars)
        contact = clean(self.org.contact).strip()
        if contact and not person:  # without a profile, the centre's own contact
            inner += self.paragraphs(contact, st["contact"], chars=chars)
        last = len(inner) - 1
        box = Table([[f] for f in inner], colWidths=[FRAME_W], style=[
            *_TABLE_BASE, ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ("BOTTOMPADDING", (0, last), (-1, last), 9)])
        self.out.append(KeepTogether([
            _Heading(markup(self.w("contact")), st["h2"]), box]))

    def feedback_request(self) -> None:
        """A short request for feedback (1–5 and a comment) and how to return it."""
        st = self.st
        reference = " ".join(clean(self.c.reference).split())[:80]
        scale = "\u2003\u2003".join(f"\u2610 {n}" for n in range(1, 6))
        back = (self.w("feedback_return", reference=reference) if reference
                else self.w("feedback_return_plain"))
        self.out.append(KeepTogether([
            _Heading(markup(self.w("feedback")), st["h2"]),
            Paragraph(markup(self.w("feedback_intro")), st["body"]),
            Paragraph(markup(scale), ParagraphStyle("feedback_scale", parent=st["body"],
                                                    fontSize=11, leading=16, spaceBefore=2)),
            Paragraph(markup(self.w("feedback_comment")) + " " + "_" * 60, st["body"]),
            Paragraph(markup(back), st["note"])]))

    def addenda_section(self) -> None:
        items = []
        for a in self.addenda:
            text = clean(getattr(a, "text", "")).strip()
            if not text:
                continue
            at = getattr(a, "at", None)
            author = " ".join(clean(getattr(a, "author", "")).split())
            when = _date_time(at, self.lang) if isinstance(at, dt.datetime) else (
                fi_date(at) if isinstance(at, dt.date) else "")
            items.append((" · ".join(x for x in (when, author) if x), text))
        if not items:
            return
        self.out.append(_Heading(markup(self.w("addenda")), self.st["h2"]))
        self.out.append(Paragraph(markup(self.w("addenda_intro")), self.st["note"]))
        for head, text in items:
            if head:
                self.out += self.paragraphs(head, self.st["addendum"])
            else:
                self.out.append(Spacer(1, 7))
            self.out += self.paragraphs(text)


def _person_lines(p: ConsultantProfile) -> list[str]:
    """The consultant's name and title, phone, e-mail: the lines given."""
    def one(text: str) -> str:
        return " ".join(clean(text).split())

    who = ", ".join(x for x in (one(p.name), one(p.title)) if x)
    return [x for x in (who, one(p.phone), one(p.email)) if x]


class _Grid:
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
            *_TABLE_BASE,
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, 0), 4.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4.5),
        ]

    def _blocks(self, parts: list[tuple[str, str]], width: float) -> list[list[Flowable]]:
        """The cell's parts as flowables (:func:`_lines`) grouped into row-sized blocks."""
        budget_lines = CELL_LINES
        blocks: list[list[Flowable]] = [[]]
        used = 0
        for style_name, text in parts:
            style = self.st[style_name]
            if not text:
                continue
            limit = _chars_for(width, style, CELL_LINES)
            for piece in pieces(text, limit, CELL_LINES):
                cost = max(1, round(CELL_LINES * len(piece) / limit),
                           piece.count("\n") + 1)
                if blocks[-1] and used + cost > budget_lines:
                    blocks.append([])
                    used = 0
                blocks[-1] += _lines(piece, style)
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
            limit = _chars_for(full, self.st["td_why"], CELL_LINES)
            for i, piece in enumerate(pieces(text, limit, CELL_LINES)):
                lead = (f'<font name="{FONT_BOLD}">{markup(clean(label))}:</font> '
                        if i == 0 and label else "")
                self.data.append([_lines(piece, self.st["td_why"], lead)]
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


def _glue_tables(story: list[Flowable]) -> list[Flowable]:
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
