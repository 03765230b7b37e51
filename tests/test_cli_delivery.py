"""The summary reaches the requester from the command line: ``otdesk summary``,
``otdesk deliveries`` and ``otdesk profile``, each in its own process.

One vault is made once through the CLI (a passphrase vault, no keyring); each test
works on its own copy.  The Python API only sets up consultations (and reads the
result), with the vault closed again before the CLI runs (one writer per folder).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import textwrap
from pathlib import Path

import pytest
from keyring.backends import fail

from conftest import PASSPHRASE, assert_clean_error, run_cli
from otdesk.core.domain import Consultation
from otdesk.core.profile import os_login
from otdesk.storage.vault import open_vault

STDIN = PASSPHRASE + "\n"


def _api(data_dir: Path):
    return open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())


def _cli(args: list[str], data_dir: Path, **extra):
    return run_cli(["--passphrase-stdin", *args], data_dir, stdin=STDIN, **extra)


def _held(repo, c: Consultation) -> Consultation:
    c = repo.create(c)
    for status in ("accepted", "prepared", "held"):
        c = repo.change_status(c.id, status)
    return c


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A vault made by ``otdesk init``: a held anonymous consultation, a held identified
    one without consent, and a request not yet held."""
    data = tmp_path_factory.mktemp("template") / "data"
    init = _cli(["init"], data)
    assert init.returncode == 0, init.stderr
    with _api(data) as vault:
        repo = vault.repository
        held = _held(repo, Consultation(question="Miten tukea koulunkäyntiä?"))
        identified = _held(repo, Consultation(question="Miten perhettä tuetaan?",
                                              anonymous=False))
        requested = repo.create(Consultation(question="Uusi pyyntö"))
        cases = {"held": (held.id, held.reference),
                 "identified": (identified.id, identified.reference),
                 "requested": (requested.id, requested.reference)}
    return data, cases


@pytest.fixture
def case(template, data_dir):
    """This test's own copy of the template vault, and its consultations."""
    source, cases = template
    shutil.copytree(source, data_dir, ignore=shutil.ignore_patterns("logs"))
    return cases


def _vault_files(data_dir: Path) -> dict[str, bytes]:
    """Every file of the data folder but the log: what a refusal must leave alone."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and "logs" not in p.relative_to(data_dir).parts}


def _recorded(data_dir: Path) -> tuple[list, list[str]]:
    """Every delivery and every summary export or delivery in the audit log."""
    with _api(data_dir) as vault:
        deliveries = [d for c in vault.repository.list() for d in vault.deliveries.of(c.id)]
        actions = [e.action for e in vault.repository.audit_entries()
                   if e.action.startswith("summary.")]
    return deliveries, actions


def test_a_delivery_is_recorded_sealed_and_its_bytes_kept(case, data_dir, tmp_path):
    cid, reference = case["held"]
    named = run_cli(["profile", "--name", "Sanna  Virtanen", "--title", "psykologi",
                     "--email", "sanna.virtanen@example.fi"], data_dir)
    assert named.returncode == 0, named.stderr
    actor = f"Sanna Virtanen ({os_login()})"
    assert actor in named.stdout

    out = tmp_path / "yhteenveto.pdf"
    done = _cli(["summary", reference.lower(), "--out", str(out)], data_dir)  # by reference
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1  # a profile is set: no note about it
    assert "toimitetuksi" in done.stdout and str(out) in done.stdout

    listed = _cli(["deliveries", str(cid), "--json"], data_dir)
    assert listed.returncode == 0, listed.stderr
    [d] = json.loads(listed.stdout)
    assert (d["version"], d["method"], d["via"], d["lang"]) == (1, "pdf", "cli", "fi")
    assert d["actor"] == actor
    assert d["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()

    copy = tmp_path / "kopio.pdf"
    again = _cli(["deliveries", reference, "--version", "1", "--out", str(copy)], data_dir)
    assert again.returncode == 0, again.stderr
    assert copy.read_bytes() == out.read_bytes()

    with _api(data_dir) as vault:
        assert vault.repository.is_sealed(cid)
        assert vault.repository.get(cid).status == "summary_delivered"
        assert len(vault.deliveries.of(cid)) == 1  # the copy is no new delivery
        entries = vault.repository.audit_entries(f"consultation:{cid}")
        assert [e.action for e in entries if e.action in ("summary.saved", "summary.exported")] \
            == ["summary.saved", "summary.exported"]
        assert all(e.actor == actor for e in entries if e.action.startswith("summary."))
        assert vault.repository.verify_audit().ok


def test_a_draft_says_so_on_the_page_and_is_no_delivery(case, data_dir, tmp_path):
    from pypdf import PdfReader

    cid, _ = case["requested"]  # a draft may be made before the session
    out = tmp_path / "luonnos.pdf"
    result = _cli(["summary", str(cid), "--draft", "--out", str(out)], data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and "Luonnos kirjoitettu" in lines[0]
    assert "otdesk profile --name" in lines[1]  # no profile: said after the result …
    again = _cli(["summary", str(cid), "--draft", "--out", str(tmp_path / "l2.pdf")], data_dir)
    assert again.returncode == 0 and len(again.stdout.splitlines()) == 1  # … and only once
    pages = PdfReader(out).pages
    assert all("LUONNOS" in page.extract_text() for page in pages)
    deliveries, actions = _recorded(data_dir)
    assert deliveries == [] and actions == ["summary.exported", "summary.exported"]
    listed = _cli(["deliveries", str(cid)], data_dir)
    assert listed.returncode == 0 and "ei ole vielä toimitettu" in listed.stdout


def test_no_file_into_the_data_folder_or_over_another(case, data_dir, tmp_path):
    cid, reference = case["held"]
    existing = tmp_path / "olemassa.pdf"
    existing.write_bytes(b"ennestaan")
    link = tmp_path / "linkki.pdf"
    link.symlink_to(data_dir / "otdesk.db")
    folder_link = tmp_path / "kansio"
    folder_link.symlink_to(data_dir)
    before = _vault_files(data_dir)
    refused = {
        "ei kirjoiteta OT Deskin tietokansioon": [
            ["summary", str(cid), "--out", str(data_dir / "otdesk.db"), "--force"],
            ["summary", reference, "--out", str(data_dir / "keyslots.json"), "--force"],
            ["summary", str(cid), "--draft", "--out", str(link), "--force"],
            ["summary", str(cid), "--out", str(folder_link / "uusi.pdf")],
            ["deliveries", str(cid), "--version", "1", "--out", str(data_dir / "otdesk.db")],
        ],
        "on jo olemassa": [["summary", str(cid), "--out", str(existing)]],
        "Anna tiedostolle nimi": [["summary", str(cid), "--out", ""],
                                  ["summary", str(cid), "--out", str(tmp_path)]],
    }
    for words, commands in refused.items():
        for args in commands:
            line = assert_clean_error(_cli(args, data_dir))
            assert words in line, (args, line)
    assert _vault_files(data_dir) == before  # not even opened
    assert existing.read_bytes() == b"ennestaan"
    assert _recorded(data_dir) == ([], [])


def test_bad_ids_and_versions_get_one_line_and_record_nothing(case, data_dir, tmp_path):
    cid, _ = case["held"]
    out = str(tmp_path / "x.pdf")
    for args, words, code in [
        (["summary", "OT-2099-9999", "--out", out], "”OT-2099-9999” ei löytynyt", 1),
        (["deliveries", str(cid), "--version", "abc", "--out", out], "kokonaisluku", 2),
        (["deliveries", str(cid), "--version", "0", "--out", out], "kokonaisluku", 2),
        (["deliveries", str(cid), "--version", "3", "--out", out], "toimitettua versiota 3", 1),
        (["deliveries", str(cid), "--out", out], "--version N", 2),
    ]:
        result = _cli(args, data_dir)
        assert words in assert_clean_error(result), args
        assert result.returncode == code, args
    assert not Path(out).exists()
    assert _recorded(data_dir) == ([], [])


def test_only_a_held_consultation_with_consent_is_delivered(case, data_dir, tmp_path):
    out = tmp_path / "x.pdf"
    early = _cli(["summary", case["requested"][1], "--out", str(out)], data_dir)
    assert "”Konsultaatio pidetty”" in assert_clean_error(early)
    consent = _cli(["--lang", "sv", "summary", str(case["identified"][0]), "--out", str(out)],
                   data_dir)
    assert "samtycket" in assert_clean_error(consent)
    assert not out.exists()
    assert _recorded(data_dir) == ([], [])


def test_profile_round_trip_keeps_the_other_settings(data_dir):
    data_dir.mkdir(parents=True)
    settings_file = data_dir / "settings.toml"
    settings_file.write_text('language = "sv"\npreparation_working_days = 7\n')
    assert "Ingen konsultprofil" in run_cli(["profile"], data_dir).stdout
    bad = run_cli(["profile", "--name", "Sanna", "--email", "sanna@"], data_dir)
    assert "sanna@" in assert_clean_error(bad)
    assert "Sanna" not in settings_file.read_text()
    set_ = run_cli(["profile", "--name", "Sanna Virtanen", "--phone", "040 123 4567"], data_dir)
    assert set_.returncode == 0, set_.stderr
    shown = run_cli(["--lang", "en", "profile"], data_dir).stdout
    assert "Name:   Sanna Virtanen" in shown and "040 123 4567" in shown
    assert f"Sanna Virtanen ({os_login()})" in shown
    text = settings_file.read_text()
    assert 'language = "sv"' in text and "preparation_working_days = 7" in text


def test_the_policy_may_forbid_summaries_from_the_command_line(case, data_dir, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text(textwrap.dedent("""\
        [exports]
        cli_summary = false
        """))
    cid, _ = case["held"]
    for args in (["summary", str(cid), "--out", str(tmp_path / "a.pdf")],
                 ["summary", str(cid), "--draft", "--out", str(tmp_path / "a.pdf")],
                 ["deliveries", str(cid), "--version", "1", "--out", str(tmp_path / "a.pdf")]):
        line = assert_clean_error(_cli(["--lang", "en", *args], data_dir,
                                       OTDESK_POLICY_FILE=str(policy)))
        assert "policy does not allow" in line
    assert not (tmp_path / "a.pdf").exists()
    listed = _cli(["deliveries", str(cid)], data_dir, OTDESK_POLICY_FILE=str(policy))
    assert listed.returncode == 0, listed.stderr  # the list itself leaves nothing out
    assert _recorded(data_dir) == ([], [])


def test_demo_without_deliveries_delivers_nothing(data_dir):
    from otdesk.cli import build_parser

    parse = build_parser().parse_args
    assert parse(["demo"]).deliveries is None
    assert parse(["demo", "--deliveries"]).deliveries is True
    assert _cli(["init"], data_dir).returncode == 0
    demo = _cli(["demo", "--count", "12", "--seed", "5", "--no-deliveries"], data_dir)
    assert demo.returncode == 0, demo.stderr
    deliveries, _ = _recorded(data_dir)
    assert deliveries == []
