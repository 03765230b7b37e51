"""The summary's fonts: DejaVu Sans (regular, bold, oblique) from ``otdesk/fonts/``,
registered with reportlab and embedded as subsets, with a correct ToUnicode map for
characters beyond U+FFFF."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence
from importlib import resources
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

log = logging.getLogger(__name__)

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
