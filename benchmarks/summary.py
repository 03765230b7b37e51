"""Summary PDF rendering speed: a typical 3-page summary and a 50-page one.

    python -m benchmarks.summary            print the numbers
    python -m benchmarks.summary --png DIR  also write the typical summary in fi, sv
                                            and en, and its pages as PNG (pdftoppm)

:func:`measures` returns :class:`benchmarks.run.Measure` objects for
``benchmarks/run.py`` to report:

* ``summary.ratio_3p``, ``summary.ratio_50p``: render_summary's time ÷ the time of
  a plain reportlab document of the same pages and fonts (the floor), both built in
  the same run, alternating A B A B …; budget: the median of the pairs' ratios
  ≤ 1.5.  Judged on CPU time (``time.process_time``: the work done, which other
  processes on the machine barely move); the wall-clock ratio is reported beside it
  (``wall_median``).  The floor (:func:`plain_document`) is SimpleDocTemplate on A4
  with the summary's margins and the DejaVu Sans faces it embeds (regular, bold,
  oblique, registered by ``otdesk.summary.fonts.register_fonts``), the same texts as the
  summary in the same order as Paragraphs (headings, labels, one paragraph per
  block) and its facts, scale, options, steps, worry zones and contact block as
  Tables of Paragraphs (:func:`floor_content`), padded with plain prose, or cut, to
  exactly the summary's page count (:func:`fit_floor`).  Beside the ratio: both
  documents' milliseconds (CPU and wall clock), pages, characters of text,
  Paragraphs and Tables, and whether reportlab runs on rl_accel.
* ``summary.typical`` (≤ 150 ms), ``summary.50_pages`` (≤ 2 s): the medians of the
  same renders (issue 4).  One warm-up render each (font registration and template
  loading happen once per process; its time is in the details).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402

from benchmarks.run import Measure, ms  # noqa: E402
from otdesk.core.domain import (  # noqa: E402
    Addendum,
    Consultation,
    Option,
    Plan,
    PlanStep,
    Reflections,
    Requester,
    ScaleRating,
    Session,
    Situation,
)
from otdesk.core.summary_org import SummaryOrg  # noqa: E402
from otdesk.summary import render_summary  # noqa: E402
from otdesk.summary.fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts  # noqa: E402

ORG = SummaryOrg(
    name="Itä-Suomen OT-keskus",
    contact="OT-TUKI-konsultaatiot\nPuijonlaaksontie 2, 70210 Kuopio\n"
            "puh. 017 123 4567 (ma–pe 9–15) · ot-tuki@example.fi",
)


def typical_consultation() -> Consultation:
    """An invented, realistic consultation whose summary is about three pages."""
    return Consultation(
        id=42, reference="OT-2026-0042", status="held",
        received_at=dt.datetime(2026, 2, 3, 9, 15), channel="phone",
        requester=Requester(name="Laura Mäkinen", title="vastaava sosiaalityöntekijä",
                            organisation="Pohjois-Savon hyvinvointialue, lastensuojelun "
                                         "avohuolto", sector="social_care",
                            region="Pohjois-Savo"),
        question="Miten lastensuojelun, nuorisopsykiatrian ja koulun työ saataisiin samaan "
                 "suuntaan, kun 14-vuotiaan nuoren koulupoissaolot ovat pitkittyneet ja "
                 "avohuollon tukitoimet eivät ole auttaneet?",
        categories=["psychiatric_substance_child_welfare", "neuropsychiatric"],
        consultants=["Kirsi Halonen", "Pekka Ruotsalainen"],
        experts=["KYS vaativa lastenpsykiatria", "Oppimis- ja ohjauskeskus Valteri"],
        worry_start=3, worry_end=2,
        session=Session(date=dt.date(2026, 2, 12), duration_minutes=75, mode="video"),
        situation=Situation(
            background="Nuori on 14-vuotias ja asuu äitinsä ja kahden nuoremman sisaruksen "
                       "kanssa. Vanhemmat erosivat viisi vuotta sitten; isä asuu toisella "
                       "paikkakunnalla ja tapaa nuorta harvoin. Nuori on ollut lastensuojelun "
                       "asiakkaana vuodesta 2023.\n\nSyksyn aikana koulupoissaolot ovat "
                       "lisääntyneet, ja poissaoloja on kertynyt yli sata tuntia tällä "
                       "lukukaudella. Nuori valvoo öisin eikä aamulla jaksa lähteä kouluun. "
                       "Äiti kertoo olevansa uupunut ja kokevansa, ettei hänellä ole keinoja "
                       "saada nuorta kouluun.",
            tried="Perheelle on järjestetty intensiivistä perhetyötä syksystä alkaen. Koululla "
                  "on pidetty kolme monialaista palaveria, ja nuorelle on laadittu oppimisen "
                  "tuen suunnitelma ja joustava aloitusaika. Nuorisopsykiatrian poliklinikalle "
                  "on tehty lähete, ja ensikäynti toteutui tammikuussa.",
            services="Lastensuojelun avohuolto, perhetyö, nuorisopsykiatrian poliklinikka, "
                     "koulukuraattori ja kouluterveydenhoitaja. Palvelut toimivat rinnakkain, "
                     "mutta yhteistä suunnitelmaa ei ole, ja vastuunjako on epäselvä.",
            worries="Pelkona on, että nuori jää kokonaan koulun ulkopuolelle. Nuori on "
                    "eristäytynyt ja viettää öisin aikaa netissä. Työntekijät ovat huolissaan "
                    "äidin jaksamisesta.",
            going_well="Nuori pitää yhteyttä yhteen luotettavaan aikuiseen, koulukuraattoriin. "
                       "Äiti on sitoutunut yhteistyöhön ja toivoo apua. Nuori harrastaa "
                       "piirtämistä ja on kiinnostunut pelisuunnittelusta.",
            needs_to_happen="Nuoren pitäisi päästä takaisin koulun arkeen pienin askelin, ja "
                            "palveluilla pitäisi olla yksi yhteinen suunnitelma, josta kaikki "
                            "tietävät.",
            child_view="Nuori on sanonut kuraattorille, että koulussa on liian kovaa melua ja "
                       "että hän toivoisi pienempää ryhmää. Hän ei halua, että asioista "
                       "puhutaan ilman häntä.",
            scale=[ScaleRating("Sosiaalityöntekijä", 4), ScaleRating("Koulukuraattori", 5),
                   ScaleRating("Äiti (pyytäjän arvio)", 3)]),
        reflections=Reflections(
            requester_thoughts="Pyytäjä kokee, että jokainen palvelu tekee omaa osuuttaan, "
                               "mutta kukaan ei katso kokonaisuutta. Häntä kuormittaa eniten "
                               "se, että vastuu tuntuu jäävän lastensuojelulle.",
            hypotheses="Voisiko olla niin, että nuoren vuorokausirytmin kääntyminen on "
                       "seurausta koulun aistikuormituksesta ja ahdistuksesta eikä syy "
                       "poissaoloihin? Voisiko äidin uupumus vaikeuttaa rajojen asettamista "
                       "illalla?",
            perspectives="Lastenpsykiatrian asiantuntija nosti esiin neuropsykiatrisen "
                         "arvion tarpeen ennen kuin koulun tukitoimia muutetaan. Valterin "
                         "asiantuntija kertoi joustavan perusopetuksen ja pienryhmän "
                         "mahdollisuuksista sekä etäyhteydellä toteutettavasta tuesta."),
        options=[
            Option(title="Yhteinen monialainen suunnitelma",
                   description="Lastensuojelu kutsuu koolle verkostoneuvottelun, jossa "
                               "sovitaan yksi yhteinen suunnitelma ja vastuuhenkilö.",
                   benefits="Vastuunjako selkiytyy; nuori ja äiti tietävät, keneen olla "
                            "yhteydessä.",
                   risks="Neuvottelu jää muodolliseksi, jos sovitut asiat eivät toteudu.",
                   needs="Kaikkien palvelujen sitoutuminen ja koordinoiva työntekijä.",
                   chosen=True,
                   why="Pyytäjä arvioi, että ilman yhteistä suunnitelmaa muut toimet eivät "
                       "kanna; tämä on myös pienin ja nopein askel."),
            Option(title="Neuropsykiatrinen arvio",
                   description="Nuorisopsykiatria tekee neuropsykiatrisen arvion.",
                   benefits="Tuki voidaan kohdistaa nuoren todellisiin tarpeisiin.",
                   risks="Jonot ovat pitkiä; arvion odottaminen voi viivästyttää muuta tukea.",
                   needs="Lähete ja nuoren suostumus tutkimuksiin.", chosen=True,
                   why="Tehdään rinnakkain yhteisen suunnitelman kanssa."),
            Option(title="Kiireellinen sijoitus",
                   description="Harkitaan lastensuojelun sijoitusta kodin ulkopuolelle.",
                   benefits="Turvaa nuoren arjen rakenteen nopeasti.",
                   risks="Nuori kokee rangaistuksena; suhde äitiin voi vaikeutua.",
                   needs="Lastensuojelulain mukaiset edellytykset."),
        ],
        plan=Plan(
            steps=[PlanStep("Verkostoneuvottelu: yhteinen suunnitelma ja vastuuhenkilö",
                            "Laura Mäkinen", dt.date(2026, 2, 27)),
                   PlanStep("Lähete neuropsykiatriseen arvioon", "nuorisopsykiatrian "
                            "poliklinikka", dt.date(2026, 3, 6)),
                   PlanStep("Joustavan aloitusajan ja pienryhmän kokeilu kahdeksi viikoksi",
                            "koulu (rehtori ja kuraattori)", dt.date(2026, 3, 13)),
                   PlanStep("Äidin jaksamisen tuki: perhetyön iltakäynnit", "perhetyö",
                            dt.date(2026, 3, 2)),
                   PlanStep("Valterin etäkonsultaatio koululle", "Kirsi Halonen",
                            dt.date(2026, 3, 20))],
            follow_up_date=dt.date(2026, 3, 26),
            follow_up_agreement="Seurantapuhelu: konsultoija soittaa pyytäjälle. Katsotaan, "
                                "onko koulussa käynti lisääntynyt ja onko suunnitelma "
                                "kaikkien tiedossa. Jos tilanne kärjistyy ennen sitä, pyytäjä "
                                "ottaa yhteyttä OT-keskukseen.",
            contacts="KYS vaativa lastenpsykiatria (neuropsykiatrinen arvio); "
                     "Oppimis- ja ohjauskeskus Valteri (koulun tuki)."),
    )


def long_consultation(pages: int = 50) -> Consultation:
    """The typical consultation with texts long enough for about ``pages`` pages."""
    c = typical_consultation()
    paragraph = c.situation.background.replace("\n\n", " ") + " "
    per_page = 7500  # calibrated: gives about `pages` pages
    c.situation.background = "\n\n".join([paragraph] * (pages * per_page // len(paragraph) // 2))
    c.reflections.hypotheses = "\n\n".join([c.reflections.hypotheses] * 40)
    c.plan.steps = c.plan.steps * 12
    return c


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


#: filler for the floor, after the consultation's own text: plain Finnish prose
_PLAIN_PARAGRAPH = ("Nuori on 14-vuotias ja asuu äitinsä ja kahden nuoremman sisaruksen kanssa. "
                    "Syksyn aikana koulupoissaolot ovat lisääntyneet, ja palvelut toimivat "
                    "rinnakkain ilman yhteistä suunnitelmaa. ") * 3

#: the floor's fonts: the very DejaVu faces the summary embeds (otdesk/fonts), as
#: otdesk.summary.fonts.register_fonts registers them.  (reportlab keeps one font object per
#: TrueType face anyway: registering the same file again under another name only
#: makes that name an alias, and whichever came first would serve both.)
FLOOR_FONT, FLOOR_BOLD, FLOOR_ITALIC = FONT, FONT_BOLD, FONT_ITALIC
#: the summary's page geometry (A4; see otdesk/summary/style.py MARGIN_*)
_MARGINS_MM = {"leftMargin": 20, "rightMargin": 20, "topMargin": 27, "bottomMargin": 19}
#: median ratio render_summary ÷ floor allowed
RATIO_BUDGET = 1.5


def check_accelerated() -> bool:
    """Whether reportlab runs on its C accelerators (the rl_accel package, a runtime
    dependency in pyproject.toml): ``reportlab.lib.rl_accel`` then takes fp_str,
    escapePDF, instanceStringWidthTTF … from the ``_rl_accel`` extension module, and
    falls back to pure Python (slower) without it."""
    from reportlab.lib import rl_accel

    # Verified (reportlab 5.1.0, rl_accel 0.9.1 in .venv): all eleven functions (fp_str, escapePDF, sameFrag, instanceStringWidthTTF,
    # calcChecksum …) are the built-ins of _rl_accel.abi3.so.  The measures print
    # "rl_accel on"/"OFF" from this check.
    return (rl_accel.fp_str.__module__ == "_rl_accel"
            and rl_accel.instanceStringWidthTTF.__module__ == "_rl_accel")


@functools.cache
def _floor_styles() -> dict:
    """The floor's paragraph styles (the summary's sizes, nothing else), with the
    summary's fonts registered (once per process, as the summary does)."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    body = ParagraphStyle("body", fontName=FLOOR_FONT, fontSize=9.5, leading=13.6)
    return {"p": body,
            "h1": ParagraphStyle("h1", parent=body, fontName=FLOOR_BOLD, fontSize=16.5,
                                 leading=21, spaceAfter=9),
            "h2": ParagraphStyle("h2", parent=body, fontName=FLOOR_BOLD, fontSize=12.5,
                                 leading=16, spaceBefore=15, spaceAfter=7),
            "label": ParagraphStyle("label", parent=body, fontName=FLOOR_BOLD, fontSize=9,
                                    leading=12.5, spaceBefore=7, spaceAfter=1.5),
            "note": ParagraphStyle("note", parent=body, fontName=FLOOR_ITALIC, fontSize=8.5,
                                   leading=12),
            "td": ParagraphStyle("td", parent=body, fontSize=8.8, leading=12),
            "th": ParagraphStyle("th", parent=body, fontName=FLOOR_BOLD, fontSize=8.5,
                                 leading=11.2)}


def floor_content(c: Consultation) -> list[tuple]:
    """What the floor prints: what the summary prints of ``c``, in its order, plainly —
    a title, headings, a bold label over each text, the texts as paragraphs (one per
    blank-line-separated block), the facts, scale, options, steps, worry zones and
    contact block as tables of Paragraph cells, the feedback request with an italic
    note.  Items: (style, text), or ("row", table, header, cells) for one table row
    (consecutive rows of a table make one Table), so that a prefix can end anywhere."""
    items: list[tuple] = []

    def texts(*pairs: tuple[str, str]) -> None:
        for label, text in pairs:
            blocks = [" ".join(b.split()) for b in (text or "").split("\n\n")]
            blocks = [b for b in blocks if b]
            if blocks:
                items.append(("label", label))
                items.extend(("p", b) for b in blocks)

    def table(key: str, header: list[str] | None, rows: list[list[str]]) -> None:
        items.extend(("row", key, header, [str(x or "") for x in row]) for row in rows)

    s, r, p = c.situation, c.reflections, c.plan
    items += [("h1", "Yhteenveto ja etenemissuunnitelma"),
              ("note", f"{c.reference} · laadittu {dt.date(2026, 2, 16):%d.%m.%Y}")]
    who = c.requester
    table("facts", None, [["Vastaanotettu", f"{c.received_at:%d.%m.%Y} · {c.channel}"],
                          ["Konsultaatio", f"{c.session.date} · {c.session.mode} · "
                                           f"{c.session.duration_minutes} min"],
                          ["Pyytäjä", f"{who.name}, {who.title} {who.organisation}"],
                          ["Konsultoijat", ", ".join(c.consultants)]])
    items.append(("h2", "Konsultaatiokysymys"))
    items.append(("p", c.question))
    items += [("label", "Aihepiirit")] + [("p", f"• {x}") for x in c.categories]
    items.append(("h2", "1 Tilanne"))
    texts(("Tausta", s.background), ("Mitä on kokeiltu", s.tried),
          ("Palvelut", s.services), ("Huolet", s.worries), ("Mikä toimii", s.going_well),
          ("Mitä pitäisi tapahtua", s.needs_to_happen), ("Lapsen näkökulma", s.child_view))
    if s.scale:
        items.append(("label", "Turvallisuusasteikko"))
        table("scale", ["Osallistuja", "Arvio"], [[x.participant, x.value] for x in s.scale])
    items.append(("h2", "2 Pohdinta"))
    texts(("Pyytäjän ajatukset", r.requester_thoughts), ("Hypoteesit", r.hypotheses),
          ("Näkökulmat", r.perspectives))
    items.append(("h2", "3 Vaihtoehdot"))
    table("options", ["Vaihtoehto", "Hyödyt", "Riskit", "Tarpeet"],
          [[f"{o.title} {o.description} {o.why}", o.benefits, o.risks, o.needs]
           for o in c.options])
    items.append(("h2", "4 Etenemissuunnitelma"))
    table("steps", ["Toimenpide", "Vastuu", "Aikataulu"],
          [[x.action, x.responsible, x.due] for x in p.steps])
    texts(("Seuranta", f"{p.follow_up_date} {p.follow_up_agreement}"),
          ("Yhteystahot", p.contacts))
    items += [("label", "Asiantuntijat")] + [("p", f"• {x}") for x in c.experts]
    items.append(("h2", "Huolen vyöhykkeet"))
    table("worry", None, [["Alussa", f"{c.worry_start} / 4"], ["Lopussa", f"{c.worry_end} / 4"]])
    items.append(("h2", "Yhteystiedot"))
    table("contact", None, [["Lisätietoja konsultaatiosta antavat:"],
                            [", ".join(c.consultants)], [ORG.name],
                            *[[line] for line in ORG.contact.split("\n")]])
    items += [("h2", "Palaute"),
              ("p", "Arvioi, kuinka hyödyllinen konsultaatio oli asteikolla 1–5."),
              ("p", "☐ 1    ☐ 2    ☐ 3    ☐ 4    ☐ 5"), ("p", "Kommentti: " + "_" * 60),
              ("note", f"Palauta lomake viitteellä {c.reference} OT-keskukseen.")]
    return items


def plain_document(items: Sequence[tuple]) -> tuple[bytes, int]:
    """The floor: a plain reportlab document — SimpleDocTemplate on A4 with the
    summary's margins, the DejaVu faces the summary embeds (subsets), ``items``
    (:func:`floor_content`) as Paragraphs and Tables of Paragraphs — as PDF bytes and
    its page count."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    st = _floor_styles()
    story: list = []
    rows: list = []
    for n, item in enumerate(items):
        if item[0] == "row":
            _, key, header, cells = item
            if not rows and header:
                rows.append([Paragraph(escape(h), st["th"]) for h in header])
            rows.append([Paragraph(escape(cell), st["td"]) for cell in cells])
            following = items[n + 1] if n + 1 < len(items) else None
            if following is None or following[0] != "row" or following[1] != key:
                width = 170 * mm / len(cells)
                story.append(Table(rows, colWidths=[width] * len(cells),
                                   repeatRows=1 if header else 0,
                                   style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                          ("LINEBELOW", (0, 0), (-1, -1), 0.5, "#C9D2DC")]))
                rows = []
        else:
            story.append(Paragraph(escape(item[1]), st[item[0]]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, initialFontName=FLOOR_FONT,
                            **{k: v * mm for k, v in _MARGINS_MM.items()})
    doc.build(story)
    return out.getvalue(), doc.page


def fit_floor(c: Consultation, pages: int) -> list[tuple]:
    """The floor's items for ``pages`` pages: the consultation's content
    (:func:`floor_content`), padded with plain paragraphs (or cut, at any paragraph or
    table row) to the shortest prefix that fills ``pages`` pages."""
    items = floor_content(c)
    while plain_document(items)[1] < pages:  # pad until long enough …
        items = items + [("p", _PLAIN_PARAGRAPH)] * max(8, len(items) // 2)
    low, high = 1, len(items)  # … then the shortest prefix of that many pages
    while low < high:
        mid = (low + high) // 2
        low, high = (mid + 1, high) if plain_document(items[:mid])[1] < pages else (low, mid)
    return items[:low]


def plain_floor(pages: int, rounds: int = 9) -> dict:
    """Time a plain reportlab document of ``pages`` pages (the typical consultation's
    content padded to that length; :func:`fit_floor`), median of ``rounds`` builds
    after a warm-up one.  (Used by benchmarks/delivery.py.)"""
    items = fit_floor(typical_consultation(), pages)
    pdf, got = plain_document(items)
    times = [_timed(lambda: plain_document(items))[0] for _ in range(rounds)]
    return {"pages": got, "paragraphs": sum(item[0] != "row" for item in items),
            "bytes": len(pdf), "median_ms": ms(statistics.median(times)), "times": times}


def flowables(build) -> dict[str, int]:
    """How many Paragraphs and Tables ``build()`` makes (splits included)."""
    from unittest import mock

    from reportlab.platypus import Paragraph, Table

    counts = {"paragraphs": 0, "tables": 0}

    def counting(cls, key):
        original = cls.__init__

        def init(self, *args, **kwargs):
            counts[key] += 1
            original(self, *args, **kwargs)
        return mock.patch.object(cls, "__init__", init)

    with counting(Paragraph, "paragraphs"), counting(Table, "tables"):
        build()
    return counts


def text_chars(pdf: bytes) -> int:
    """How much text a PDF holds (characters pypdf extracts, blanks not counted)."""
    from pypdf import PdfReader

    return sum(len("".join((page.extract_text() or "").split()))
               for page in PdfReader(io.BytesIO(pdf)).pages)


def _timed(fn) -> tuple[float, float]:
    """Seconds ``fn()`` took: wall clock and this process's CPU time."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def compare(consultation: Consultation, rounds: int) -> dict:
    """render_summary (A) and its floor (B) in the same run, A B A B …: ``rounds``
    pairs after one warm-up of each; per pair the ratio A ÷ B, of CPU time (what is
    judged: other processes on the machine barely move it) and of wall-clock time."""
    start = time.perf_counter()
    pdf = render_summary(consultation, "fi", org=ORG)
    first = time.perf_counter() - start
    pages = page_count(pdf)
    items = fit_floor(consultation, pages)
    floor_pdf, floor_pages = plain_document(items)  # (the floor's warm-up)
    a, b = [], []
    for _ in range(rounds):
        a.append(_timed(lambda: render_summary(consultation, "fi", org=ORG)))
        b.append(_timed(lambda: plain_document(items)))
    return {"summary": [t[0] for t in a], "floor": [t[0] for t in b],
            "summary_cpu": [t[1] for t in a], "floor_cpu": [t[1] for t in b],
            "ratios": [x[1] / y[1] for x, y in zip(a, b)],
            "wall_ratios": [x[0] / y[0] for x, y in zip(a, b)],
            "first": first, "pages": pages, "bytes": len(pdf), "chars": text_chars(pdf),
            "floor_pages": floor_pages, "floor_bytes": len(floor_pdf),
            "floor_chars": text_chars(floor_pdf),
            "flowables": flowables(lambda: render_summary(consultation, "fi", org=ORG)),
            "floor_flowables": flowables(lambda: plain_document(items))}


def measures(rounds: int = 15) -> list[Measure]:
    """The typical (3–4 pages) and the 50-page summary: render_summary against a plain
    reportlab document of the same pages and fonts, alternating, in this run
    (``rounds`` pairs, at least 5 for the 50 pages); the absolute render times come
    from the same renders."""
    accelerated = check_accelerated()
    out = []
    for key, name, consultation, budget, n in (
            ("3p", "summary.typical", typical_consultation(), 150, rounds),
            ("50p", "summary.50_pages", long_consultation(50), 2000, max(5, rounds // 2))):
        r = compare(consultation, n)
        a, b = statistics.median(r["summary"]), statistics.median(r["floor"])
        a_cpu, b_cpu = statistics.median(r["summary_cpu"]), statistics.median(r["floor_cpu"])
        ratio, wall_ratio = statistics.median(r["ratios"]), statistics.median(r["wall_ratios"])
        fl, ff = r["flowables"], r["floor_flowables"]
        out.append(Measure(
            name, f"render_summary() of a {r['pages']}-page summary, median of {n} renders",
            {"median": ms(a), "max": ms(max(r["summary"]))}, "ms",
            {"stat": "median", "op": "<=", "limit": budget},
            details={"pages": r["pages"], "bytes": r["bytes"],
                     "first_render_ms": ms(r["first"])}).judge())
        out.append(Measure(
            f"summary.ratio_{key}",
            f"render_summary() ÷ a plain reportlab document (SimpleDocTemplate, Paragraphs "
            f"and Tables, DejaVu Sans) of the same {r['pages']} pages, CPU time, median of "
            f"{n} alternating pairs in this run",
            {"median": round(ratio, 3), "max": round(max(r["ratios"]), 3),
             "wall_median": round(wall_ratio, 3)}, "×",
            {"stat": "median", "op": "<=", "limit": RATIO_BUDGET},
            details={"floor": f"plain reportlab {b_cpu * 1000:.1f} ms CPU "
                              f"(summary {a_cpu * 1000:.1f} ms)",
                     "note": f"summary {ms(a_cpu):g} ms vs floor {ms(b_cpu):g} ms of CPU "
                             f"(wall clock {ms(a):g} vs {ms(b):g} ms); {r['pages']} vs "
                             f"{r['floor_pages']} pages, {r['chars']:,} vs "
                             f"{r['floor_chars']:,} characters of text, "
                             f"{fl['paragraphs']} vs {ff['paragraphs']} paragraphs, "
                             f"{fl['tables']} vs {ff['tables']} tables; rl_accel "
                             f"{'on' if accelerated else 'OFF'}",
                     "summary_median_ms": ms(a_cpu), "floor_median_ms": ms(b_cpu),
                     "summary_wall_median_ms": ms(a), "floor_wall_median_ms": ms(b),
                     "summary_cpu_ms": [ms(t) for t in r["summary_cpu"]],
                     "floor_cpu_ms": [ms(t) for t in r["floor_cpu"]],
                     "summary_wall_ms": [ms(t) for t in r["summary"]],
                     "floor_wall_ms": [ms(t) for t in r["floor"]],
                     "ratios": [round(x, 3) for x in r["ratios"]],
                     "wall_ratios": [round(x, 3) for x in r["wall_ratios"]],
                     "pages": r["pages"], "floor_pages": r["floor_pages"],
                     "chars": r["chars"], "floor_chars": r["floor_chars"],
                     "flowables": fl, "floor_flowables": ff,
                     "bytes": r["bytes"], "floor_bytes": r["floor_bytes"],
                     "rl_accel": accelerated}).judge())
    return out


def write_pngs(folder: Path) -> None:
    """The typical summary in fi, sv, en as PDF and as PNG pages (80 dpi) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    addenda = [Addendum(dt.datetime(2026, 2, 16, 14, 5), "Kirsi Halonen",
                        "Valterin asiantuntija vahvisti etäkonsultaation ajaksi 20.3.2026.")]
    for lang in ("fi", "sv", "en"):
        pdf = render_summary(typical_consultation(), lang, org=ORG, version=2,
                             addenda=addenda, generated=dt.date(2026, 2, 16))
        target = folder / f"summary-{lang}.pdf"
        target.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(target),
                        str(folder / f"summary-{lang}")], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--png", type=Path, help="also write PDFs and PNG pages here")
    args = parser.parse_args(argv)
    for m in measures(args.rounds):
        values = ", ".join(f"{k} {v:g}" for k, v in m.values.items())
        extra = m.details.get("note", m.details)
        floor = f", floor {m.details['floor']}" if "floor" in m.details else ""
        print(f"{m.name:<18} {values} {m.unit}  (budget {m.budget_text()}{floor}: "
              f"{m.result_text()})  {extra}")
    if args.png:
        write_pngs(args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
