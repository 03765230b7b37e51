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

* Fonts (:mod:`.fonts`): DejaVu Sans (regular, bold, oblique) from ``otdesk/fonts/``,
  embedded as subsets; the canvas' initial font is one of them, so no unembedded
  Helvetica is left in the file.
* Any text is accepted (:mod:`.text`): control characters (except newline and tab),
  surrogates and non-characters are dropped, newlines become line breaks,
  XML is escaped.  Characters the font lacks (most emoji) print as boxes.
  Long words wrap; long texts are cut into pieces so that they flow across
  pages quickly and a huge table cell never overflows a page (:mod:`.tables`).
* An anonymous consultation shows no identifying field of the client (:mod:`.story`).
* Speed (``benchmarks/summary.py``: within 1.5x a plain reportlab document of the
  same pages and fonts): a text with line breaks is one plain Paragraph per line
  (:func:`.style.lines`; reportlab lays out ``<br/>`` several times slower); a
  Paragraph wrapped again at the same width keeps its lines; reportlab runs on its C
  accelerators (``rl_accel``).

The rest: :mod:`.phrases` (the wording), :mod:`.style` (colours, geometry, paragraph
styles), :mod:`.page` (what is on every page).  Importing this package imports
reportlab (~25 MiB): the app does it on a thread before the first render.  No Qt here.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from otdesk.core.domain import Consultation
from otdesk.core.profile import ConsultantProfile
from otdesk.core.summary_org import SummaryOrg
from otdesk.summary.fonts import FONT, register_fonts
from otdesk.summary.page import Furniture, NumberedCanvas
from otdesk.summary.phrases import wording
from otdesk.summary.story import Story
from otdesk.summary.style import FRAME_W, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H
from otdesk.summary.text import clean

__all__ = ["PDF_LANG", "clean", "render_summary", "wording"]

#: the PDF's /Lang for each language of the app
PDF_LANG = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


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
    furniture = Furniture(org, lang, footer, draft=draft)

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

    story = Story(consultation, lang, org, furniture.name, version, addenda, generated,
                  consultant)
    doc.build(story.build(), canvasmaker=functools.partial(
        NumberedCanvas, furniture=furniture, created=generated))
    return buffer.getvalue()
