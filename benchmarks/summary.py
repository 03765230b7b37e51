"""Summary PDF rendering speed: a typical 3-page summary and a 50-page one.

    python -m benchmarks.summary            print the numbers
    python -m benchmarks.summary --png DIR  also write the typical summary in fi, sv
                                            and en, and its pages as PNG (pdftoppm)

:func:`measures` returns :class:`benchmarks.run.Measure` objects for
``benchmarks/run.py`` to report.  Budgets (issue 4): the typical summary in
≤ 150 ms, the 50-page one in ≤ 2 s, each the median of several renders after
one warm-up render (font registration and template loading happen once per
process; the first render's time is reported in the details).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import Measure, ms  # noqa: E402
from otdesk.domain import (  # noqa: E402
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
from otdesk.summary import SummaryOrg, render_summary  # noqa: E402

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
    import io

    return len(PdfReader(io.BytesIO(pdf)).pages)


#: the floor's text: plain Finnish prose, one paragraph repeated
_PLAIN_PARAGRAPH = ("Nuori on 14-vuotias ja asuu äitinsä ja kahden nuoremman sisaruksen kanssa. "
                    "Syksyn aikana koulupoissaolot ovat lisääntyneet, ja palvelut toimivat "
                    "rinnakkain ilman yhteistä suunnitelmaa. ") * 3


def plain_document(paragraphs: int) -> tuple[bytes, int]:
    """The floor: a plain reportlab document (SimpleDocTemplate, the sample style
    sheet, a built-in font, one heading and ``paragraphs`` paragraphs of text), as
    PDF bytes and its page count.  What any reportlab document of that size costs."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    story = [Paragraph("Yhteenveto", styles["Heading1"])]
    story += [Paragraph(_PLAIN_PARAGRAPH, styles["BodyText"]) for _ in range(paragraphs)]
    doc.build(story)
    return out.getvalue(), doc.page


def plain_floor(pages: int, rounds: int = 9) -> dict:
    """Time a plain reportlab document of exactly ``pages`` pages (the most text that
    still fits them), median of ``rounds`` builds after a warm-up one."""
    low, high = 1, 8
    while plain_document(high)[1] <= pages:  # grow until too long, then bisect
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if plain_document(mid)[1] <= pages else (low, mid)
    pdf, got = plain_document(low)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        plain_document(low)
        times.append(time.perf_counter() - start)
    return {"pages": got, "paragraphs": low, "bytes": len(pdf),
            "median_ms": ms(statistics.median(times)), "times": times}


def _time(consultation: Consultation, rounds: int) -> tuple[list[float], float, bytes]:
    start = time.perf_counter()
    pdf = render_summary(consultation, "fi", org=ORG)
    first = time.perf_counter() - start
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        render_summary(consultation, "fi", org=ORG)
        times.append(time.perf_counter() - start)
    return times, first, pdf


def measures(rounds: int = 9) -> list[Measure]:
    """The typical and the 50-page summary, ``rounds`` renders each after a warm-up."""
    out = []
    for name, consultation, budget, n in (
            ("summary.typical", typical_consultation(), 150, rounds),
            ("summary.50_pages", long_consultation(50), 2000, max(3, rounds // 3))):
        times, first, pdf = _time(consultation, n)
        pages = page_count(pdf)
        out.append(Measure(
            name, f"render_summary() of a {pages}-page summary, median of {n} renders",
            {"median": ms(statistics.median(times)), "max": ms(max(times))}, "ms",
            {"stat": "median", "op": "<=", "limit": budget},
            details={"pages": pages, "bytes": len(pdf), "first_render_ms": ms(first)},
        ).judge())
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
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--png", type=Path, help="also write PDFs and PNG pages here")
    args = parser.parse_args(argv)
    for m in measures(args.rounds):
        values = ", ".join(f"{k} {v:g}" for k, v in m.values.items())
        print(f"{m.name:<18} {values} {m.unit}  (budget {m.budget_text()}: "
              f"{m.result_text()})  {m.details}")
    if args.png:
        write_pngs(args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
