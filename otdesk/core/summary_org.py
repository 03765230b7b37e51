"""Who issues a summary: the organisation block the policy gives and the PDF prints.

Apart from :mod:`otdesk.summary` so that the policy and the UI can hold one without
importing reportlab (~25 MiB, imported by the first render)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class SummaryOrg(NamedTuple):
    """Who issues the summary: from the organisation's policy (``Policy.summary_org``).

    ``name``            printed at the top of every page and as the PDF's author;
                        empty → "OT-keskus" (sv "OT-centret", en "OT centre").
    ``logo``            PNG (or JPEG) bytes drawn before the name, 11 mm high; None →
                        no logo, the name alone.  An image that cannot be read is left
                        out (and logged), so a broken policy never stops a summary.
    ``confidentiality`` the marking on every page; None → the default of the language
                        ("SALASSA PIDETTÄVÄ — JulkL 24 § 1 mom. 25 k." …).  A string is
                        used in every language; a mapping {fi, sv, en} per language.
    ``contact``         the consultant contact block: address, phone, e-mail of the
                        centre, several lines; printed under the consultants' names.
    """

    name: str = ""
    logo: bytes | None = None
    confidentiality: str | Mapping[str, str] | None = None
    contact: str = ""
