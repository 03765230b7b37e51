"""Organisation policy: locked values win, a malformed file stops everything, IT escrow."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pypdf import PdfReader

from conftest import PASSPHRASE, assert_clean_error, close_window, open_in_editor, run_cli
from otdesk.core.deadlines import DeadlineRules
from otdesk.core.domain import Consultation, Requester
from otdesk.core.errors import UserError
from otdesk.config.policy import Policy, PolicyError, load_policy
from otdesk.config.settings import UserSettings
from otdesk.summary import render_summary

ORG = "Pohjanmaan hyvinvointialue"
NEW_PASSPHRASE = "uusi vahva tunnuslause"


def write_policy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


def add_window(qtbot, w) -> None:
    """pytest-qt closes its widgets before the fixtures' teardown: close as Ctrl+Q and
    wait until everything is stored (the close waits for the storage worker)."""
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))


def rsa_pair(tmp_path: Path, name: str, bits: int = 3072) -> tuple[Path, Path]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    key = tmp_path / f"{name}.pem"
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    pub = tmp_path / f"{name}.pub.pem"
    pub.write_bytes(private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return key, pub


# --- loading -----------------------------------------------------------------------------------

def test_no_policy_file_means_defaults_and_nothing_locked(tmp_path):
    policy = load_policy(tmp_path / "missing.toml")
    assert not policy.loaded
    assert all(source == "default" for _, _, source in policy.describe())
    assert policy.allows("print") and policy.allows("pdf") and policy.allows("cli_summary")
    assert policy.locked_user_keys() == set()
    assert policy.deadline_rules() == DeadlineRules()


def test_every_value_and_its_line(tmp_path):
    _, pub = rsa_pair(tmp_path, "escrow")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    path = write_policy(tmp_path, f"""\
        # OT Desk policy
        default_language = "sv"
        auto_lock_minutes = 10
        escrow_public_key = "{pub.name}"

        [organisation]
        name = "{ORG}"
        logo = "logo.png"
        confidentiality = "SALASSA PIDETTÄVÄ"
        legal_basis = {{ fi = "JulkL 24 §", sv = "OffL 24 §", en = "Openness Act 24 §" }}

        [retention]
        default = 360
        neuropsychiatric = 240

        [deadlines]
        intake_working_days = 3

        [exports]
        pdf = false
        """)
    policy = load_policy(path)
    assert policy.loaded
    assert policy.source("default_language") == f"{path}:2"
    assert policy.source("escrow_public_key") == f"{path}:4"
    assert policy.source("organisation.name") == f"{path}:7"
    assert policy.source("retention") == f"{path}:12"
    assert policy.source("deadlines.intake_working_days") == f"{path}:17"
    assert policy.source("exports.pdf") == f"{path}:20"
    assert policy.source("exports.print") == "default"
    assert policy.auto_lock_minutes == 10
    assert policy.retention_months("neuropsychiatric") == 240
    assert policy.retention_months("family_violence") == 360
    assert policy.logo_bytes.startswith(b"\x89PNG")
    assert policy.escrow_pem.startswith(b"-----BEGIN PUBLIC KEY")
    assert not policy.allows("pdf") and policy.allows("print")
    assert policy.marking() == {"fi": "SALASSA PIDETTÄVÄ — JulkL 24 §",
                                "sv": "SALASSA PIDETTÄVÄ — OffL 24 §",
                                "en": "SALASSA PIDETTÄVÄ — Openness Act 24 §"}


def test_inline_escrow_pem(tmp_path):
    _, pub = rsa_pair(tmp_path, "escrow")
    path = write_policy(tmp_path, 'escrow_public_key = """\n' + pub.read_text() + '"""\n')
    policy = load_policy(path)
    assert policy.escrow_pem and policy.get("escrow_public_key") == "(inline PEM)"


def test_expert_directory_from_policy_seeds_a_new_vault(tmp_path, vault):
    from otdesk.storage.experts import ExpertDirectory

    (tmp_path / "experts.toml").write_text(textwrap.dedent("""\
        schema = 1

        [[experts]]
        key = "oma"
        kind = "organisation"
        name = "Alueen oma asiantuntijaryhmä"
        categories = ["neuropsychiatric"]
        description = { fi = "Oma ryhmä.", sv = "Egen grupp.", en = "Own group." }
        """), "utf-8")
    policy = load_policy(write_policy(tmp_path, 'expert_directory = "experts.toml"\n'))
    directory = ExpertDirectory(vault.conn, defaults=policy.expert_defaults)
    assert [e.name for e in directory.all()] == ["Alueen oma asiantuntijaryhmä"]


# --- locked values win over the user's ---------------------------------------------------------

def test_deadlines_and_language_of_the_policy_win(tmp_path):
    policy = load_policy(write_policy(tmp_path, """\
        default_language = "en"
        [deadlines]
        intake_working_days = 3
        """))
    user = UserSettings(language="sv", intake_working_days=7, preparation_working_days=12)
    effective = policy.apply_to(user)
    assert (effective.language, effective.intake_working_days,
            effective.preparation_working_days) == ("en", 3, 12)
    assert policy.deadline_rules(user) == DeadlineRules(3, 12)
    assert policy.locked_user_keys() == {"language", "intake_working_days"}
    assert user.language == "sv"  # the user's own choice is kept, only overridden


def test_cli_messages_follow_the_policy_language(tmp_path, data_dir):
    data_dir.mkdir()
    (data_dir / "settings.toml").write_text('language = "sv"\n', "utf-8")
    assert "Ingen databas" in assert_clean_error(run_cli(["list"], data_dir))
    path = write_policy(tmp_path, 'default_language = "en"\n')
    line = assert_clean_error(run_cli(["list"], data_dir, OTDESK_POLICY_FILE=str(path)))
    assert line.startswith("No vault has been created yet")


def test_org_name_and_marking_in_the_summary_pdf(tmp_path):
    policy = load_policy(write_policy(tmp_path, f"""\
        [organisation]
        name = "{ORG}"
        confidentiality = "LUOTTAMUKSELLINEN"
        legal_basis = "JulkL 24 § 1 mom. 25 k."
        """))
    c = Consultation(id=1, reference="OT-2026-0001", question="Miten tukea?",
                     requester=Requester(name="Sanna Virtanen", organisation="Kuopio"))
    pdf = render_summary(c, "fi", org=policy.summary_org())
    import io

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert ORG in text
    assert "LUOTTAMUKSELLINEN — JulkL 24 § 1 mom. 25 k." in text


def test_settings_dialog_shows_policy_values_locked(qtbot, tmp_path):
    from otdesk.ui.settings_dialog import SettingsDialog

    policy = load_policy(write_policy(tmp_path, """\
        default_language = "en"
        [deadlines]
        preparation_working_days = 5
        """))
    user = UserSettings(language="sv", intake_working_days=4, preparation_working_days=12)
    dialog = SettingsDialog(user, locked=policy.locked_user_keys(),
                            effective=policy.apply_to(user))
    qtbot.addWidget(dialog)
    assert not dialog.language.isEnabled() and dialog.language.currentData() == "en"
    assert not dialog.preparation.isEnabled() and dialog.preparation.value() == 5
    assert dialog.intake.isEnabled() and dialog.intake.value() == 4
    assert "policy" in dialog.language.toolTip()
    assert set(dialog.lock_labels) == {"language", "preparation_working_days"}
    dialog.intake.setValue(6)
    dialog.accept()
    # only the free value is the user's to change; locked ones are not saved as theirs
    assert (user.language, user.intake_working_days, user.preparation_working_days) == \
        ("sv", 6, 12)


# --- a malformed policy stops everything ---------------------------------------------------------

MALFORMED = {
    "bad_toml": ('name = "a"\n[organisation\n', 2, "TOML"),
    "unknown_key": ('default_language = "fi"\n\n[exports]\nemail = true\n', 4, "exports.email"),
    "wrong_type": ('[deadlines]\nintake_working_days = "kaksi"\n', 2, "a whole number"),
    "out_of_range": ('auto_lock_minutes = 5\n[deadlines]\npreparation_working_days = 999\n', 3,
                     "between 0 and 250"),
    "bad_language": ('default_language = "de"\n', 1, "fi, sv, en"),
    "missing_logo": ('[organisation]\nname = "X"\nlogo = "nowhere.png"\n', 3, "nowhere.png"),
    "bad_pem": ('\n\nescrow_public_key = "-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC '
                'KEY-----"\n', 3, "RSA public key"),
    "unknown_category": ('[retention]\ndefault = 120\nghosts = 12\n', 3, "retention.ghosts"),
    "bad_zone": ('default_language = "fi"\ntime_zone = "Europe/Atlantis"\n', 2,
                 "time_zone names an unknown time zone: Europe/Atlantis"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_policy_raises_with_file_and_line(tmp_path, case):
    text, line, detail = MALFORMED[case]
    path = write_policy(tmp_path, text)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert isinstance(info.value, UserError)
    assert info.value.params["line"] == line
    shown = info.value.message("en")
    assert str(path) in shown and f"line {line}" in shown and detail in shown, shown
    assert str(path) in info.value.message("fi") and f"rivi {line}" in info.value.message("fi")


def test_a_small_escrow_key_is_refused(tmp_path):
    _, pub = rsa_pair(tmp_path, "small", bits=2048)
    with pytest.raises(PolicyError, match="3072"):
        load_policy(write_policy(tmp_path, f'escrow_public_key = "{pub}"\n'))


COMMANDS = [["init"], ["demo", "--count", "1"], ["list"], ["audit", "verify"],
            ["summary", "1", "--out", "x.pdf"], ["recover"],
            ["escrow-recover", "--private-key", "key.pem"], []]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "app")
def test_every_command_refuses_to_start_with_a_malformed_policy(tmp_path, data_dir, args):
    path = write_policy(tmp_path, '[organisation]\nname = "X"\nnimi = "Y"\n')
    result = run_cli(["--lang", "en", *args], data_dir, stdin="x\n",
                     OTDESK_POLICY_FILE=str(path), QT_QPA_PLATFORM="offscreen")
    line = assert_clean_error(result)
    assert line.startswith("The organisation's policy file is invalid")
    assert f"{path}, line 3" in line and "organisation.nimi" in line
    assert not (data_dir / "keyslots.json").exists()


def test_doctor_fails_on_a_malformed_policy(tmp_path, data_dir):
    path = write_policy(tmp_path, "auto_lock_minutes = -1\n")
    result = run_cli(["--lang", "en", "doctor"], data_dir, OTDESK_POLICY_FILE=str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    fail = [line for line in result.stdout.splitlines() if "Organisation policy" in line]
    assert fail and fail[0].startswith("FAIL") and f"{path}, line 1" in fail[0]


def test_doctor_prints_the_policy_and_its_sources(tmp_path, data_dir):
    run_cli(["--passphrase-stdin", "init"], data_dir, stdin=PASSPHRASE + "\n")
    path = write_policy(tmp_path, f"""\
        [organisation]
        name = "{ORG}"

        [exports]
        print = false
        """)
    result = run_cli(["--lang", "en", "--passphrase-stdin", "doctor"], data_dir,
                     stdin=PASSPHRASE + "\n", OTDESK_POLICY_FILE=str(path))
    out = result.stdout
    assert f"OK    Organisation policy: {path}" in out
    assert f"organisation.name = {ORG}  [{path}:2]" in out
    assert f"exports.print = false  [{path}:5]" in out
    assert "exports.pdf = true  [default]" in out
    assert "deadlines.intake_working_days = 2  [default]" in out


def test_doctor_without_a_policy_file(data_dir):
    result = run_cli(["--lang", "en", "doctor"], data_dir)
    assert "no policy file (defaults)" in result.stdout
    assert "auto_lock_minutes = 0  [default]" in result.stdout


# --- exports ------------------------------------------------------------------------------------

def test_summary_command_refused_when_the_policy_forbids_it(tmp_path, data_dir):
    stdin = PASSPHRASE + "\n"
    assert run_cli(["--passphrase-stdin", "init"], data_dir, stdin=stdin).returncode == 0
    assert run_cli(["--passphrase-stdin", "demo", "--count", "1"], data_dir,
                   stdin=stdin).returncode == 0
    path = write_policy(tmp_path, "[exports]\ncli_summary = false\n")
    out = tmp_path / "s.pdf"
    line = assert_clean_error(run_cli(["--lang", "en", "--passphrase-stdin", "summary", "1",
                                       "--out", str(out)], data_dir, stdin=stdin,
                                      OTDESK_POLICY_FILE=str(path)))
    assert "policy does not allow" in line
    assert not out.exists()


def test_summary_command_prints_the_policy_organisation(tmp_path, data_dir):
    stdin = PASSPHRASE + "\n"
    run_cli(["--passphrase-stdin", "init"], data_dir, stdin=stdin)
    run_cli(["--passphrase-stdin", "demo", "--count", "1", "--seed", "3"], data_dir, stdin=stdin)
    ids = json.loads(run_cli(["--passphrase-stdin", "list", "--json"], data_dir,
                             stdin=stdin).stdout)
    path = write_policy(tmp_path, f'[organisation]\nname = "{ORG}"\n')
    out = tmp_path / "s.pdf"
    result = run_cli(["--passphrase-stdin", "summary", str(ids[0]["id"]), "--draft", "--out",
                      str(out)], data_dir, stdin=stdin, OTDESK_POLICY_FILE=str(path))
    assert result.returncode == 0, result.stderr
    assert ORG in PdfReader(out).pages[0].extract_text()


def test_print_and_save_buttons_disabled_by_policy(qtbot, tmp_path, vault, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from otdesk.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    policy = load_policy(write_policy(tmp_path, "[exports]\nprint = false\npdf = false\n"))
    c = vault.repository.create(Consultation(question="Miten tukea?"))
    w = MainWindow(vault, lang="en", policy=policy)
    add_window(qtbot, w)
    open_in_editor(qtbot, w, c.id)
    page = w.summary
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    assert "policy does not allow" in page.print_button.toolTip()
    assert "policy does not allow" in page.save_button.toolTip()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: asked.append(a) or (str(tmp_path / "x.pdf"), "")))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert asked == [] and not (tmp_path / "x.pdf").exists()
    assert vault.deliveries.of(c.id) == []
    close_window(qtbot, w)


def test_main_window_uses_the_policy(qtbot, tmp_path, vault):
    from otdesk.ui.main_window import MainWindow

    policy = load_policy(write_policy(tmp_path, f"""\
        [organisation]
        name = "{ORG}"
        [deadlines]
        intake_working_days = 1
        """))
    c = vault.repository.create(Consultation(question="Miten?"))  # before the window: it writes
    w = MainWindow(vault, lang="fi", settings=UserSettings(intake_working_days=9),
                   policy=policy)
    add_window(qtbot, w)
    assert w.rules == DeadlineRules(1, 10)
    from otdesk.operations import delivery

    pdf = delivery.prepare(vault, c.id, "fi", w.summary_context(), draft=True).pdf
    import io

    assert ORG in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    close_window(qtbot, w)


# --- IT escrow ------------------------------------------------------------------------------------

def test_escrow_round_trip_through_the_cli(tmp_path, data_dir):
    key, pub = rsa_pair(tmp_path, "it-escrow")
    wrong_key, _ = rsa_pair(tmp_path, "other")
    policy = write_policy(tmp_path, f'escrow_public_key = "{pub}"\n')
    env = {"OTDESK_POLICY_FILE": str(policy)}
    stdin = PASSPHRASE + "\n"

    init = run_cli(["--lang", "en", "--passphrase-stdin", "init"], data_dir, stdin=stdin, **env)
    assert init.returncode == 0, init.stderr
    assert "escrow" in init.stdout
    assert "escrow" in json.loads((data_dir / "keyslots.json").read_text())["slots"]
    assert run_cli(["--passphrase-stdin", "demo", "--count", "4", "--seed", "1"], data_dir,
                   stdin=stdin, **env).returncode == 0

    # the consultant lost the keyring, the passphrase and the recovery code: IT steps in
    line = assert_clean_error(run_cli(
        ["--lang", "en", "--passphrase-stdin", "escrow-recover", "--private-key",
         str(wrong_key)], data_dir, stdin=NEW_PASSPHRASE + "\n", **env))
    assert "private key does not open" in line
    line = assert_clean_error(run_cli(
        ["--lang", "en", "--passphrase-stdin", "escrow-recover", "--private-key",
         str(tmp_path / "missing.pem")], data_dir, stdin=NEW_PASSPHRASE + "\n", **env))
    assert "could not be read" in line and "missing.pem" in line

    done = run_cli(["--lang", "en", "--passphrase-stdin", "escrow-recover", "--private-key",
                    str(key)], data_dir, stdin=NEW_PASSPHRASE + "\n", **env)
    assert done.returncode == 0, done.stderr
    assert "new passphrase" in done.stdout
    new_code = next(line.strip() for line in done.stdout.splitlines()
                    if line.startswith("    ") and line.strip())
    assert new_code.count("-") >= 3

    listed = run_cli(["--passphrase-stdin", "list", "--json"], data_dir,
                     stdin=NEW_PASSPHRASE + "\n", **env)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 4
    assert "Wrong passphrase" in assert_clean_error(run_cli(
        ["--lang", "en", "--passphrase-stdin", "list"], data_dir, stdin=stdin, **env))
    audit = run_cli(["--passphrase-stdin", "audit", "verify"], data_dir,
                    stdin=NEW_PASSPHRASE + "\n", **env)
    assert audit.returncode == 0, audit.stderr

    # the new recovery code works (and sets yet another passphrase)
    again = run_cli(["--passphrase-stdin", "recover"], data_dir,
                    stdin=PASSPHRASE + "\n" + new_code + "\n", **env)
    assert again.returncode == 0, again.stderr
    assert run_cli(["--passphrase-stdin", "list"], data_dir, stdin=stdin,
                   **env).returncode == 0


def test_no_escrow_without_a_policy_key(data_dir):
    stdin = PASSPHRASE + "\n"
    assert run_cli(["--passphrase-stdin", "init"], data_dir, stdin=stdin).returncode == 0
    assert "escrow" not in json.loads((data_dir / "keyslots.json").read_text())["slots"]


def test_policy_object_defaults():
    policy = Policy()
    assert policy.summary_org().name == "" and policy.marking() is None
    assert policy.escrow_pem is None and policy.expert_defaults is None


# --- the time zone ----------------------------------------------------------------------------

#: a command line run in a process of its own that then tells the zone of its "now"
ZONE_CHILD = ("import sys; from otdesk import cli; from otdesk.core import dates; "
              "code = cli.main(sys.argv[1:]); print(dates.now().tzinfo, code)")


def test_the_time_zone_of_the_policy_and_its_line(tmp_path):
    path = write_policy(tmp_path, 'default_language = "fi"\ntime_zone = "Asia/Tokyo"\n')
    policy = load_policy(path)
    assert policy.time_zone == "Asia/Tokyo" and policy.source("time_zone") == f"{path}:2"
    assert Policy().time_zone == "Europe/Helsinki" and not Policy().locked("time_zone")


def test_the_command_line_takes_now_in_the_policy_time_zone(tmp_path, data_dir):
    from conftest import cli_env

    def zone_of_now(**env: str) -> str:
        out = subprocess.run([sys.executable, "-c", ZONE_CHILD, "profile"], capture_output=True,
                             text=True, timeout=120, env=cli_env(data_dir, TZ="UTC", **env))
        return out.stdout.splitlines()[-1] if out.stdout else out.stderr

    path = write_policy(tmp_path, 'time_zone = "Asia/Tokyo"\n')
    assert zone_of_now(OTDESK_POLICY_FILE=str(path)) == "Asia/Tokyo 0"
    assert zone_of_now() == "Europe/Helsinki 0"  # no policy: Helsinki, not the machine's UTC


def test_the_app_takes_now_in_the_policy_time_zone(qtbot, tmp_path, data_dir, monkeypatch):
    import keyring
    from keyring.backends import fail

    from otdesk.core import dates
    from otdesk.ui.app import run_app
    from otdesk.ui.key_dialogs import PassphraseDialog
    from test_first_run import answer

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)  # run_app wants a display …
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # … and this one is offscreen
    policy = load_policy(write_policy(tmp_path, 'time_zone = "America/Sao_Paulo"\n'))
    seen: list = []

    def cancel(dialog: PassphraseDialog) -> None:
        seen.append(dates.now().tzinfo)  # while the first run asks for a passphrase
        dialog.reject()

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        answer(PassphraseDialog, cancel, [])
        assert run_app(data_dir, lang="fi", settings_file=tmp_path / "settings.toml",
                       policy=policy) == 1
    finally:
        keyring.set_keyring(before)
        dates.use_zone(dates.DEFAULT_ZONE)
    assert seen == [dates.zone_named("America/Sao_Paulo")]


# --- auto-lock ------------------------------------------------------------------------------------

def test_auto_lock_minutes_come_from_the_policy(qtbot, tmp_path, vault):
    """(What locking does is in test_autolock.py.)"""
    from otdesk.ui.main_window import MainWindow

    policy = load_policy(write_policy(tmp_path, "auto_lock_minutes = 5\n"))
    assert policy.source("auto_lock_minutes") == f"{tmp_path / 'policy.toml'}:1"
    w = MainWindow(vault, lang="en", policy=policy)
    add_window(qtbot, w)
    assert w.idle is not None and w.idle.timer.interval() == 5 * 60_000
    close_window(qtbot, w)


def test_no_auto_lock_by_default(qtbot, vault):
    from otdesk.ui.main_window import MainWindow

    w = MainWindow(vault, lang="en")
    add_window(qtbot, w)
    assert w.idle is None
    close_window(qtbot, w)


def test_escrow_recover_puts_the_key_back_in_the_keyring(tmp_path, data_dir, os_keyring):
    from otdesk.storage import keyring_store, keyslots

    key, pub = rsa_pair(tmp_path, "it-escrow")
    env = {"OTDESK_POLICY_FILE": str(write_policy(tmp_path, f'escrow_public_key = "{pub}"\n'))}
    assert run_cli(["init"], data_dir, keyring_backend=None, **env).returncode == 0
    assert run_cli(["demo", "--count", "2"], data_dir, keyring_backend=None,
                   **env).returncode == 0
    vault_id = keyslots.KeySlots.load(data_dir / "keyslots.json").vault_id
    os_keyring.delete_password(keyring_store.KEYRING_SERVICE, vault_id)  # a new laptop profile
    assert_clean_error(run_cli(["list"], data_dir, keyring_backend=None, **env))
    back = run_cli(["--lang", "en", "escrow-recover", "--private-key", str(key)], data_dir,
                   keyring_backend=None, **env)
    assert back.returncode == 0, back.stderr
    assert "back in the OS keyring" in back.stdout
    listed = run_cli(["list", "--json"], data_dir, keyring_backend=None, **env)
    assert len(json.loads(listed.stdout)) == 2


def test_first_run_in_the_app_adds_the_escrow_slot(qtbot, tmp_path, data_dir):
    import keyring
    from keyring.backends import fail

    from otdesk.ui.key_dialogs import PassphraseDialog, RecoveryCodeDialog
    from otdesk.ui.unlock import make_vault
    from test_first_run import answer

    _, pub = rsa_pair(tmp_path, "it-escrow")
    policy = load_policy(write_policy(tmp_path, f'escrow_public_key = "{pub}"\n'))

    def choose(d: PassphraseDialog) -> None:
        d.passphrase.setText(PASSPHRASE)
        d.again.setText(PASSPHRASE)
        answer(RecoveryCodeDialog, lambda c: (c.stored.setChecked(True), c.ok.click()), [])
        d._check()

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        answer(PassphraseDialog, choose, [])
        vault = make_vault(data_dir, lang="fi", escrow_public_pem=policy.escrow_pem)
    finally:
        keyring.set_keyring(before)
    assert vault is not None
    try:
        assert "escrow" in vault.slots.slots
    finally:
        vault.close()
