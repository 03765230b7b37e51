"""Finnish personal identity codes (henkilötunnus) found in free text.

The checksum and the century signs (``+``, ``-``, ``A``; since 2023 also
``B``–``F`` and ``U``–``Y``) are checked by ``python-stdnum`` (:mod:`stdnum.fi.hetu`),
so a date with a dash in a note ("010190-123") is not taken for one.  No Qt.
"""

from __future__ import annotations

import re

from stdnum.fi import hetu

#: something shaped like a henkilötunnus: ddmmyy, a century sign, three digits, a check
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])(\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y])(?![0-9A-Za-z])")


def find_hetu(text: str) -> bool:
    """True when ``text`` holds a valid (checksum-checked) personal identity code."""
    return any(hetu.is_valid(m.upper()) for m in _CANDIDATE.findall(text))
