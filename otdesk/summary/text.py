"""Any text made printable: :func:`clean` (controls, surrogates and non-characters
dropped, newlines unified, characters the font lacks replaced), :func:`markup` for a
Paragraph, and :func:`pieces` that cut a long text into parts that lay out fast."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from otdesk.summary.fonts import FONT, register_fonts

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
