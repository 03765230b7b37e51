"""A whole consultation through the accessibility tree, as Orca reads and drives it.

The app runs as its own process under a virtual X server with a real AT-SPI bus; Debian's
``python3-pyatspi`` drives it from another process (``tests/screen_reader_driver.py``):
each value is set through the tree or typed on the keyboard, every control on each page
must say what it is, the live values must carry what they show, and an announcement must
arrive as the AT-SPI event Orca hears.  After the app has closed, the vault is read
directly, and the driver has read every field back through the tree in a second start.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PASSPHRASE, cli_env
from otdesk.storage.vault import init_vault, open_vault

DRIVER = Path(__file__).with_name("screen_reader_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> list[str]:
    missing = [tool for tool in ("dbus-run-session", "Xvfb", "xdotool") if not shutil.which(tool)]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def journey(tmp_path_factory, no_keyring_module):
    missing = _missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install {', '.join(missing)} (.ci/run)")
        pytest.skip(f"not installed here: {', '.join(missing)}")
    data_dir = tmp_path_factory.mktemp("a11y") / "data"
    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring_module)
    out = data_dir.parent / "report.json"
    pdf = data_dir.parent / "yhteenveto.pdf"
    # a consultant with a profile (else the first delivery asks for it first)
    (data_dir / "settings.toml").write_text(
        'language = "fi"\nprofile_asked = true\n\n[profile]\nname = "Maija Korhonen"\n'
        'title = "Sosiaalityöntekijä"\nphone = "040 123 4567"\n'
        'email = "maija.korhonen@ot.example"\n', encoding="utf-8")
    env = cli_env(data_dir, keyring_backend="keyring.backends.fail.Keyring",
                  OTDESK_TEST_PASSPHRASE=PASSPHRASE)
    result = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER),
                             sys.executable, str(data_dir), str(out), str(pdf)], env=env,
                            capture_output=True, text=True, timeout=600)
    assert out.exists(), result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "failed" not in report, (report["failed"], report.get("app_stderr"))
    return report, data_dir, pdf


@pytest.fixture(scope="module")
def no_keyring_module():
    from keyring.backends import fail

    return fail.Keyring()


def test_every_control_says_what_it_is(journey):
    report, *_ = journey
    assert set(report["unnamed"]) == {"list", "request", "opening", "situation",
                                      "reflections", "options", "plan", "closing",
                                      "closeout", "summary"}
    assert report["unnamed"] == {page: [] for page in report["unnamed"]}


def test_live_values_are_read_with_what_they_show(journey):
    report, *_ = journey
    live = report["live"]
    assert live["count"] == "0 konsultaatiota"
    assert live["title"].startswith("OT-") and "Kuopion kaupunki" in live["title"]
    assert live["status"] == "Pyyntö saapunut"  # (a combo box: heard with its label)
    assert live["status_chosen"] == "Otettu käsittelyyn"
    assert live["due"].startswith("käsittelyyn otto viimeistään")
    assert live["save"].startswith("Tallennettu")
    assert report["descriptions"]["Tausta"].startswith("Kerro omin sanoin")


def test_the_summary_is_saved_through_its_dialogs_and_the_record_sealed(journey):
    import hashlib

    from pypdf import PdfReader

    report, data_dir, pdf = journey
    assert "ei ole salattu" in report["dialogs"]["warning"], report["dialogs"]
    assert report["live"]["sealed"].startswith("Yhteenveto on toimitettu")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Koulu kutsuu verkoston koolle" in text and "Maija Korhonen" in text
    from keyring.backends import fail

    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        (row,) = vault.repository.list()
        saved, printed = vault.deliveries.of(row.id)
        assert vault.repository.get(row.id).status == "summary_delivered"
    assert saved.method == "pdf"
    assert saved.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    printed_file = pdf.with_name("yhteenveto-tulostettu.pdf")
    # (to a file, the printer draws the stored pages as pictures: as many pages)
    assert printed.method == "print"
    assert len(PdfReader(printed_file).pages) == len(PdfReader(pdf).pages) >= 2
    assert "ei ole salattu" in report["dialogs"]["print_warning"]


def test_the_summary_is_read_as_text(journey):
    report, *_ = journey
    text = report["summary_text"]
    assert "Vanhemmat erosivat 2024, ja riita jatkuu." in text and "Kuopion kaupunki" in text


def test_the_plans_phase_and_the_seal_are_announced(journey):
    report, *_ = journey
    assert ["Suunnitelman mukaan nyt: Aloitus", "Tapaamisen ajanotto"] in report["announced"]
    sealed = [text for text, source in report["announced"] if source == "Lukittu"]
    assert len(sealed) == 1 and sealed[0].startswith("Yhteenveto on toimitettu"), sealed


def test_what_was_set_through_the_tree_is_stored_and_read_back(journey):
    report, data_dir, pdf = journey
    assert report["exit_codes"] == [0, 0]
    from keyring.backends import fail

    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        (row,) = vault.repository.list()
        c = vault.repository.get(row.id)
    assert c.requester.name == "Sanna Virtanen"
    assert c.requester.organisation == "Kuopion kaupunki, lastensuojelu"
    assert c.requester.email == "sanna@kunta.example"
    assert c.question == "Miten tukea lasta, joka ei käy koulua?"
    assert c.categories == ["high_conflict_separation"]
    assert c.intake_date == dt.date(2027, 1, 8)
    assert c.worry_start == 3
    assert c.situation.background == "Vanhemmat erosivat 2024, ja riita jatkuu."
    assert c.reflections.hypotheses == "Voisiko olla niin, että lapsi suojaa äitiä?"
    assert [(o.title, o.chosen) for o in c.options] == [("Verkostopalaveri koululla", True)]
    assert [(s.action, s.due) for s in c.plan.steps] == \
        [("Koulu kutsuu verkoston koolle", dt.date(2027, 1, 15))]
    assert c.worry_end == 2
    assert c.session.date == dt.date(2027, 1, 10)
    assert c.feedback.comment == "Selkeä suunnitelma, kiitos."
    assert report["read_back"] == {
        "Nimi": "Sanna Virtanen", "Organisaatio": "Kuopion kaupunki, lastensuojelu",
        "Sähköposti": "sanna@kunta.example",
        "Konsultaatiokysymys": "Miten tukea lasta, joka ei käy koulua?",
        "Otettu käsittelyyn": "8.1.2027",
        "Tausta": "Vanhemmat erosivat 2024, ja riita jatkuu.",
        "Mitä tehdään 1": "Koulu kutsuu verkoston koolle", "Mihin mennessä 1": "15.1.2027"}
