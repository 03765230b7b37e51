"""The ``otdesk`` command as IT and scripts use it, in its own process."""

from __future__ import annotations

import json
import re

import pytest

from conftest import PASSPHRASE, assert_clean_error, run_cli

CODE = re.compile(r"\b(?:[0-9A-Z]{5}-){7}[0-9A-Z]{5}\b")


def _init_passphrase(data_dir) -> str:
    result = run_cli(["--passphrase-stdin", "init"], data_dir, stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    return CODE.search(result.stdout).group(0)


def test_version():
    from importlib import metadata

    result = run_cli(["--version"], data_dir=__import__("pathlib").Path("/nonexistent"))
    assert result.returncode == 0
    assert metadata.version("otdesk") in result.stdout


def test_init_without_keyring_asks_for_a_passphrase_in_finnish(data_dir):
    result = run_cli(["init"], data_dir)
    line = assert_clean_error(result)
    assert "tunnuslause" in line and "--passphrase-stdin" in line
    assert not (data_dir / "otdesk.db").exists()


def test_the_same_message_in_swedish_and_english(data_dir):
    assert "lösenfras" in assert_clean_error(run_cli(["--lang", "sv", "init"], data_dir))
    assert "passphrase" in assert_clean_error(run_cli(["init", "--lang", "en"], data_dir))


def test_a_passphrase_vault_from_init_to_audit(data_dir):
    code = _init_passphrase(data_dir)
    assert code
    stdin = PASSPHRASE + "\n"
    demo = run_cli(["--passphrase-stdin", "demo", "--count", "30", "--seed", "7"], data_dir,
                   stdin=stdin)
    assert demo.returncode == 0, demo.stderr
    listed = run_cli(["--passphrase-stdin", "list", "--json"], data_dir, stdin=stdin)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 30
    for row in rows:
        assert {"id", "reference", "status", "received", "categories"} <= set(row)
        assert row["reference"].startswith("OT-")
    found = run_cli(["--passphrase-stdin", "list", "--json", "--search", "lasten"], data_dir,
                    stdin=stdin)
    assert 0 < len(json.loads(found.stdout)) <= 30
    text = run_cli(["--passphrase-stdin", "list"], data_dir, stdin=stdin)
    assert rows[0]["reference"] in text.stdout
    audit = run_cli(["--passphrase-stdin", "audit", "verify"], data_dir, stdin=stdin)
    assert audit.returncode == 0 and "eheä" in audit.stdout
    doctor = run_cli(["--passphrase-stdin", "doctor"], data_dir, stdin=stdin)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "SQLCipher 4" in doctor.stdout and "VIKA" not in doctor.stdout


def test_wrong_passphrase_one_clear_line(data_dir):
    _init_passphrase(data_dir)
    result = run_cli(["--passphrase-stdin", "list"], data_dir, stdin="väärä arvaus\n")
    assert "Väärä tunnuslause" in assert_clean_error(result)
    doctor = run_cli(["--passphrase-stdin", "doctor"], data_dir, stdin="väärä arvaus\n")
    assert doctor.returncode == 1 and "\nVIKA  Avain:" in doctor.stdout


def test_no_passphrase_given_says_how(data_dir):
    _init_passphrase(data_dir)
    assert "--passphrase-stdin" in assert_clean_error(run_cli(["list"], data_dir))
    empty = run_cli(["--passphrase-stdin", "list"], data_dir, stdin="")
    assert "vakiosyöt" in assert_clean_error(empty).lower()


def test_recover_with_a_mistyped_then_the_right_code(data_dir):
    code = _init_passphrase(data_dir)
    groups = code.split("-")
    groups[5] = groups[5][:2] + ("Z" if groups[5][2] != "Z" else "Y") + groups[5][3:]
    bad = run_cli(["--passphrase-stdin", "recover"], data_dir,
                  stdin="uusi tunnuslause\n" + "-".join(groups) + "\n")
    assert "ryhmä 6" in assert_clean_error(bad)
    good = run_cli(["--passphrase-stdin", "recover"], data_dir,
                   stdin="uusi tunnuslause\n" + code.lower().replace("-", " ") + "\n")
    assert good.returncode == 0, good.stderr
    listed = run_cli(["--passphrase-stdin", "list", "--json"], data_dir,
                     stdin="uusi tunnuslause\n")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


def test_bad_command_lines_get_a_message_not_a_traceback(data_dir):
    assert assert_clean_error(run_cli(["lentää"], data_dir))
    assert assert_clean_error(run_cli(["demo", "--count", "paljon"], data_dir))
    _init_passphrase(data_dir)
    assert assert_clean_error(run_cli(["--passphrase-stdin", "demo", "--count", "0"], data_dir,
                                      stdin=PASSPHRASE + "\n"))


def test_corrupted_key_file_gets_a_clear_line(data_dir):
    _init_passphrase(data_dir)
    (data_dir / "keyslots.json").write_text("rikki")
    line = assert_clean_error(run_cli(["--passphrase-stdin", "list"], data_dir,
                                      stdin=PASSPHRASE + "\n"))
    assert "keyslots.json" in line


def test_the_log_holds_no_content(data_dir):
    _init_passphrase(data_dir)
    run_cli(["--passphrase-stdin", "demo", "--count", "20"], data_dir, stdin=PASSPHRASE + "\n")
    run_cli(["--passphrase-stdin", "list", "--search", "SALAINEN-HAKU"], data_dir,
            stdin=PASSPHRASE + "\n")
    log = (data_dir / "logs" / "otdesk.log").read_text()
    assert "vault created" in log
    assert PASSPHRASE not in log and "SALAINEN-HAKU" not in log
    assert "Huolto" not in log and "lapsi" not in log


@pytest.mark.keyring
def test_keyring_vault_and_its_recovery_from_the_command_line(data_dir, os_keyring):
    from otdesk.storage import keyring_store, keyslots

    init = run_cli(["init"], data_dir, keyring_backend=None)
    assert init.returncode == 0, init.stderr
    assert "avainsäilöön" in init.stdout
    code = CODE.search(init.stdout).group(0)
    assert run_cli(["demo", "--count", "5"], data_dir, keyring_backend=None).returncode == 0
    vault_id = keyslots.KeySlots.load(data_dir / "keyslots.json").vault_id
    os_keyring.delete_password(keyring_store.KEYRING_SERVICE, vault_id)
    lost = run_cli(["list"], data_dir, keyring_backend=None)
    assert "otdesk recover" in assert_clean_error(lost)
    back = run_cli(["recover"], data_dir, stdin=code + "\n", keyring_backend=None)
    assert back.returncode == 0, back.stderr
    listed = run_cli(["list", "--json"], data_dir, keyring_backend=None)
    assert len(json.loads(listed.stdout)) == 5
    assert run_cli(["doctor"], data_dir, keyring_backend=None).returncode == 0


def test_the_desktop_app_without_a_display_says_so(data_dir):
    import subprocess
    import sys

    from conftest import cli_env

    env = cli_env(data_dir)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "otdesk"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert "näyttöä" in assert_clean_error(result)


def test_summary_command_writes_a_draft_and_records_the_export(data_dir, tmp_path):
    """A draft may be made of any consultation (deliveries: tests/test_cli_delivery.py)."""
    from pypdf import PdfReader

    _init_passphrase(data_dir)
    stdin = PASSPHRASE + "\n"
    assert run_cli(["--passphrase-stdin", "demo", "--count", "3", "--seed", "2"], data_dir,
                   stdin=stdin).returncode == 0
    first = json.loads(run_cli(["--passphrase-stdin", "list", "--json"], data_dir,
                               stdin=stdin).stdout)[0]
    out = tmp_path / "yhteenveto.pdf"
    result = run_cli(["--passphrase-stdin", "summary", str(first["id"]), "--draft", "--out",
                      str(out), "--lang", "sv"], data_dir, stdin=stdin)
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert first["reference"] in text
    assert "SEKRETESSBELAGD" in text or "Sekretessbelagd" in text
    assert "UTKAST" in text
    audit = run_cli(["--passphrase-stdin", "audit", "verify"], data_dir, stdin=stdin)
    assert audit.returncode == 0
    missing = run_cli(["--passphrase-stdin", "summary", "999999", "--out",
                       str(tmp_path / "toinen.pdf")], data_dir, stdin=stdin)
    assert "ei löytynyt" in assert_clean_error(missing)
    nowhere = run_cli(["--passphrase-stdin", "summary", str(first["id"]), "--draft", "--out",
                       str(tmp_path / "ei" / "ole" / "x.pdf")], data_dir, stdin=stdin)
    assert "ei voitu tallentaa" in assert_clean_error(nowhere)
