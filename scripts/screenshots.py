"""Render every page of OT Desk to PNG (docs/screenshots/), as a consultant would see it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang fi] [--out DIR]

Builds a throw-away vault with demo data and one consultation filled in by
hand, then grabs the list, each page of the editor and the dialogs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backends import fail  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from otdesk.core import domain  # noqa: E402
from otdesk.demo import insert_demo  # noqa: E402
from otdesk.storage.vault import init_vault, open_vault  # noqa: E402
from otdesk.ui.i18n import install_translators  # noqa: E402
from otdesk.ui.main_window import MainWindow  # noqa: E402

PASSPHRASE = "kuvakaappaus tunnuslause"


def example() -> domain.Consultation:
    """One realistic, invented consultation, filled in through every phase."""
    tz = dt.datetime.now().astimezone().tzinfo
    return domain.Consultation(
        received_at=dt.datetime.now(tz).replace(microsecond=0) - dt.timedelta(days=3),
        channel="phone",
        requester=domain.Requester(name="Sanna Virtanen", title="Sosiaalityöntekijä",
                                   organisation="Kuopion kaupunki, lastensuojelu",
                                   sector="social_care", region="Pohjois-Savo",
                                   phone="040 123 4567", email="sanna.virtanen@kunta.example"),
        question="Miten tukea 12-vuotiasta, joka ei ole käynyt koulua kahteen kuukauteen, kun "
                 "vanhempien huoltoriita on kärjistynyt ja äidillä on päihdeongelma?",
        categories=["high_conflict_separation", "psychiatric_substance_child_welfare"],
        consultants=["Maija Korhonen"],
        situation=domain.Situation(
            background="Vanhemmat erosivat kaksi vuotta sitten. Huoltoriita on käräjäoikeudessa.",
            tried="Perhetyö, koulukuraattorin tapaamiset, lastenpsykiatrian konsultaatio.",
            worries="Koulupoissaolot pitkittyvät; lapsi jää vanhempien riidan väliin.",
            going_well="Lapsella on hyvä suhde isoäitiin ja luokanopettajaan.",
            needs_to_happen="Lapsen koulunkäynti käynnistyy ja aikuiset sopivat yhteisestä "
                            "linjasta.",
            child_view="”Haluaisin, että ne lopettaisi riitelyn.”",
            scale=[domain.ScaleRating("Sosiaalityöntekijä", 4),
                   domain.ScaleRating("Koulukuraattori", 3)]),
        worry_start=3,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        init_vault(data, passphrase=PASSPHRASE, backend=fail.Keyring())
        vault = open_vault(data, passphrase=PASSPHRASE)
        insert_demo(vault, 300, seed=11)  # with real deliveries: sealed, delivered summaries
        c = vault.repository.create(example())
        c.options = [domain.Option(title="Verkostopalaveri koululla", benefits="Kaikki "
                                   "aikuiset samassa pöydässä", risks="Isä ei osallistu",
                                   chosen=True, why="Nopein tapa saada yhteinen linja"),
                     domain.Option(title="Lastenpsykiatrian arvio", risks="Pitkä jono")]
        c.plan.steps = [domain.PlanStep("Kutsu verkostopalaveri koolle", "Sanna Virtanen",
                                        dt.date.today() + dt.timedelta(days=7)),
                        domain.PlanStep("Lähete lastenpsykiatriaan", "Koululääkäri",
                                        dt.date.today() + dt.timedelta(days=14))]
        c.plan.follow_up_date = dt.date.today() + dt.timedelta(days=30)
        vault.repository.update(c)
        for status in ("accepted", "prepared", "held"):  # the session was held
            vault.repository.change_status(c.id, status)
        window = MainWindow(vault, lang=args.lang)
        window.resize(1280, 820)
        window.show()
        app.processEvents()

        def shot(name: str, widget=None) -> None:
            app.processEvents()
            (widget or window).grab().save(str(args.out / f"{args.lang}-{name}.png"))
            print(args.out / f"{args.lang}-{name}.png")

        shot("01-list")
        window.open_consultation(c.id)
        for i in range(window.editor.nav.count()):
            window.editor.show_page(i)
            if window.editor.phase_ids[i] == "summary":  # rendered on the storage worker
                page = window.summary
                for _ in range(100):
                    QTest.qWait(100)
                    if page.showing is not None and not page.busy \
                            and page.preview.document.pageCount() > 0:
                        break
                QTest.qWait(800)  # QtPdf draws the pages in the background
            shot(f"{i + 2:02d}-{window.editor.phase_ids[i]}")
        window.close()
        vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
