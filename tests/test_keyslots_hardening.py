"""A damaged or foreign keyslots.json, and unreadable input on stdin: one clear message
(the exact key), never "unexpected error", never "wrong passphrase"; the file untouched;
the previous version kept as keyslots.json.bak."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backends import fail

from conftest import NO_KEYRING, PASSPHRASE, assert_clean_error, cli_env, run_cli
from otdesk.core.errors import UserError
from otdesk.storage import keyslots
from otdesk.storage.vault import init_vault, open_vault, recover

NEW_PASSPHRASE = "uusi pitkä tunnuslause"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    """The lowest passphrase cost the file allows, instead of calibrating to 0.25 s."""
    monkeypatch.setattr(keyslots, "calibrate_scrypt", lambda: keyslots._SCRYPT_MIN_N)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One real passphrase vault, made once for this module: (data dir, recovery code)."""
    data_dir = tmp_path_factory.mktemp("template") / "data"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyslots, "calibrate_scrypt", lambda: keyslots._SCRYPT_MIN_N)
        result = init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    return data_dir, result.recovery_code


@pytest.fixture
def made(template, data_dir):
    """A real passphrase vault of this test's own, closed: (data dir, recovery code)."""
    shutil.copytree(template[0], data_dir)
    return data_dir, template[1]


def _slots_file(data_dir: Path) -> Path:
    return data_dir / "keyslots.json"


def _edit(path: Path, change) -> None:
    doc = json.loads(path.read_text("utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), "utf-8")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _error(fn, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as err:
        fn(*args, **kwargs)
    for lang in ("fi", "sv", "en"):
        text = err.value.message(lang)
        assert text and "{" not in text, text
    return err.value


def _load_error(path: Path) -> UserError:
    return _error(keyslots.KeySlots.load, path)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# --- the file as a whole ---------------------------------------------------------------

WHOLE_FILE = {
    "array": b"[]",
    "string": b'"keyslots"',
    "null": b"null",
    "empty": b"",
    "not_utf8": b'{"format": 1, "vault_id": "\xff\xfe"}',
    "utf16": json.dumps({"format": 1}).encode("utf-16"),
    "deep_nesting": b"[" * 200_000,
    "truncated": b'{"format": 1, "vault_id": "abc", "sl',
    "nan": b"NaN",
}


@pytest.mark.parametrize("content", WHOLE_FILE.values(), ids=WHOLE_FILE.keys())
def test_a_file_that_is_not_a_key_slot_file_is_damaged(tmp_path, content):
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    err = _load_error(path)
    assert err.key == "error.keyslots_damaged"
    assert str(path) in err.message("fi")


def test_50_mb_of_brackets_is_damaged_not_a_recursion_error(tmp_path):
    path = tmp_path / "keyslots.json"
    path.write_bytes(b"[" * 50_000_000)
    assert _load_error(path).key == "error.keyslots_damaged"


def test_a_folder_in_place_of_the_file_is_damaged(tmp_path):
    (tmp_path / "keyslots.json").mkdir()
    assert _load_error(tmp_path / "keyslots.json").key == "error.keyslots_damaged"


# --- one field ------------------------------------------------------------------------


def _set(*keys_and_value):
    *keys, value = keys_and_value

    def change(doc):
        target = doc
        for k in keys[:-1]:
            target = target[k]
        target[keys[-1]] = value
    return change


def _drop(*keys):
    def change(doc):
        target = doc
        for k in keys[:-1]:
            target = target[k]
        del target[keys[-1]]
    return change


FIELD_CASES = {
    # top level
    "format_missing": (_drop("format"), "format"),
    "format_2": (_set("format", 2), "format"),
    "format_true": (_set("format", True), "format"),
    "format_string": (_set("format", "1"), "format"),
    "vault_id_number": (_set("vault_id", 42), "vault_id"),
    "vault_id_empty": (_set("vault_id", ""), "vault_id"),
    "vault_id_missing": (_drop("vault_id"), "vault_id"),
    "key_check_missing": (_drop("key_check"), "key_check"),
    "key_check_not_base64": (_set("key_check", "ei base64:tä!"), "key_check"),
    "key_check_short": (_set("key_check", _b64(b"x" * 16)), "key_check"),
    "key_check_number": (_set("key_check", 7), "key_check"),
    "slots_missing": (_drop("slots"), "slots"),
    "slots_list": (_set("slots", []), "slots"),
    "slots_empty": (_set("slots", {}), "slots.recovery"),
    "slots_unknown_name": (_set("slots", "pasphrase", {}), "slots.pasphrase"),
    # the passphrase slot
    "passphrase_string": (_set("slots", "passphrase", "salasana"), "slots.passphrase"),
    "passphrase_list": (_set("slots", "passphrase", []), "slots.passphrase"),
    "passphrase_null": (_set("slots", "passphrase", None), "slots.passphrase"),
    "passphrase_empty": (_set("slots", "passphrase", {}), "slots.passphrase.nonce"),
    "salt_not_base64": (_set("slots", "passphrase", "salt", "%%%%"), "slots.passphrase.salt"),
    "salt_not_ascii": (_set("slots", "passphrase", "salt", "ääää"), "slots.passphrase.salt"),
    "salt_empty": (_set("slots", "passphrase", "salt", ""), "slots.passphrase.salt"),
    "salt_short": (_set("slots", "passphrase", "salt", _b64(b"s" * 8)), "slots.passphrase.salt"),
    "salt_number": (_set("slots", "passphrase", "salt", 16), "slots.passphrase.salt"),
    "nonce_11": (_set("slots", "passphrase", "nonce", _b64(b"n" * 11)),
                 "slots.passphrase.nonce"),
    "nonce_16": (_set("slots", "passphrase", "nonce", _b64(b"n" * 16)),
                 "slots.passphrase.nonce"),
    "wrapped_47": (_set("slots", "passphrase", "wrapped", _b64(b"w" * 47)),
                   "slots.passphrase.wrapped"),
    "wrapped_empty": (_set("slots", "passphrase", "wrapped", ""), "slots.passphrase.wrapped"),
    "kdf_argon": (_set("slots", "passphrase", "kdf", "argon2id"), "slots.passphrase.kdf"),
    "n_3": (_set("slots", "passphrase", "n", 3), "slots.passphrase.n"),
    "n_abc": (_set("slots", "passphrase", "n", "abc"), "slots.passphrase.n"),
    "n_as_text": (_set("slots", "passphrase", "n", str(2**17)), "slots.passphrase.n"),
    "n_float": (_set("slots", "passphrase", "n", float(2**17)), "slots.passphrase.n"),
    "n_true": (_set("slots", "passphrase", "n", True), "slots.passphrase.n"),
    "n_2_30": (_set("slots", "passphrase", "n", 2**30), "slots.passphrase.n"),
    "n_2_21": (_set("slots", "passphrase", "n", 2**21), "slots.passphrase.n"),
    "n_below_minimum": (_set("slots", "passphrase", "n", 2**16), "slots.passphrase.n"),
    "n_not_power_of_two": (_set("slots", "passphrase", "n", 2**17 + 2**16),
                           "slots.passphrase.n"),
    "n_negative": (_set("slots", "passphrase", "n", -(2**17)), "slots.passphrase.n"),
    "n_huge": (_set("slots", "passphrase", "n", 10**400), "slots.passphrase.n"),
    "n_missing": (_drop("slots", "passphrase", "n"), "slots.passphrase.n"),
    "r_0": (_set("slots", "passphrase", "r", 0), "slots.passphrase.r"),
    "r_1000": (_set("slots", "passphrase", "r", 1000), "slots.passphrase.r"),
    "r_missing": (_drop("slots", "passphrase", "r"), "slots.passphrase.r"),
    "p_0": (_set("slots", "passphrase", "p", 0), "slots.passphrase.p"),
    "p_1000": (_set("slots", "passphrase", "p", 1000), "slots.passphrase.p"),
    "p_text": (_set("slots", "passphrase", "p", "1"), "slots.passphrase.p"),
    # the recovery slot
    "recovery_missing": (_drop("slots", "recovery"), "slots.recovery"),
    "recovery_string": (_set("slots", "recovery", "koodi"), "slots.recovery"),
    "recovery_empty": (_set("slots", "recovery", {}), "slots.recovery.nonce"),
    "recovery_n_below_minimum": (_set("slots", "recovery", "n", 2**13), "slots.recovery.n"),
    "recovery_n_2_30": (_set("slots", "recovery", "n", 2**30), "slots.recovery.n"),
    "recovery_salt_not_base64": (_set("slots", "recovery", "salt", "!!"),
                                 "slots.recovery.salt"),
    "recovery_nonce_short": (_set("slots", "recovery", "nonce", _b64(b"n" * 8)),
                             "slots.recovery.nonce"),
    "recovery_wrapped_long": (_set("slots", "recovery", "wrapped", _b64(b"w" * 64)),
                              "slots.recovery.wrapped"),
    # an escrow slot that was never what OT Desk writes
    "escrow_string": (_set("slots", "escrow", "rsa"), "slots.escrow"),
    "escrow_empty": (_set("slots", "escrow", {}), "slots.escrow.nonce"),
}


@pytest.mark.parametrize("change, field", FIELD_CASES.values(), ids=FIELD_CASES.keys())
def test_a_damaged_field_is_named(made, change, field):
    data_dir, _ = made
    path = _slots_file(data_dir)
    _edit(path, change)
    err = _load_error(path)
    assert err.key == "error.keyslots_field"
    assert err.params["field"] == field
    assert str(path) in err.message("fi") and field in err.message("fi")
    # and through the vault, as every caller meets it
    assert _error(open_vault, data_dir, passphrase=PASSPHRASE).key == "error.keyslots_field"
    assert _error(recover, data_dir, made[1], new_passphrase=NEW_PASSPHRASE).key == \
        "error.keyslots_field"


@pytest.mark.parametrize("field_name, bad, expected", [
    ("kind", "rsa-pkcs1", "slots.escrow.kind"),
    ("key", "ei avain", "slots.escrow.key"),
    ("key", _b64(b"k" * 100), "slots.escrow.key"),
    ("fingerprint", "abc", "slots.escrow.fingerprint"),
    ("fingerprint", "G" * 64, "slots.escrow.fingerprint"),
    ("nonce", _b64(b"n" * 13), "slots.escrow.nonce"),
])
def test_a_damaged_escrow_slot_is_named(tmp_path, field_name, bad, expected):
    key = keyslots.new_data_key()
    slots = keyslots.KeySlots(vault_id="v", check=keyslots.key_check(key))
    slots.set_recovery(key, keyslots.new_recovery_code())
    slots.slots["escrow"] = {"kind": "rsa-oaep-sha256", "key": _b64(b"k" * 384),
                             "fingerprint": "ab" * 32, "nonce": _b64(b"n" * 12),
                             "wrapped": _b64(b"w" * 48)}
    path = tmp_path / "keyslots.json"
    slots.save(path)
    keyslots.KeySlots.load(path)  # as written: sound
    _edit(path, _set("slots", "escrow", field_name, bad))
    err = _load_error(path)
    assert (err.key, err.params["field"]) == ("error.keyslots_field", expected)


def test_a_keyring_vault_without_a_passphrase_slot_is_not_damage(made):
    """Only the recovery slot is always written: a file without a passphrase slot is a
    keyring vault, and --passphrase-stdin there is told so."""
    data_dir, _ = made
    _edit(_slots_file(data_dir), _drop("slots", "passphrase"))
    slots = keyslots.KeySlots.load(_slots_file(data_dir))
    assert not slots.has_passphrase()
    assert _error(slots.unlock_passphrase, PASSPHRASE).key == "error.passphrase_not_set"


def test_a_slot_damaged_in_memory_is_damage_too(tmp_path):
    """A KeySlots made in memory (not read from a file) is checked as it is used."""
    key = keyslots.new_data_key()
    slots = keyslots.KeySlots(vault_id="v", check=keyslots.key_check(key),
                              slots={"passphrase": {"n": 3}})
    err = _error(slots.unlock_passphrase, PASSPHRASE)
    assert err.key == "error.keyslots_field" and "keyslots.json" in err.message("en")


# --- the key check ----------------------------------------------------------------------


def test_a_changed_key_check_is_an_inconsistent_file_not_a_wrong_passphrase(made):
    data_dir, code = made
    path = _slots_file(data_dir)
    _edit(path, _set("key_check", keyslots.key_check(keyslots.new_data_key())))
    slots = keyslots.KeySlots.load(path)  # every field is sound on its own
    assert _error(slots.unlock_passphrase, PASSPHRASE).key == "error.keyslots_mismatch"
    assert _error(slots.unlock_recovery, code).key == "error.keyslots_mismatch"
    # a passphrase that does not open its slot is still simply wrong
    assert _error(slots.unlock_passphrase, "väärä tunnuslause").key == "error.passphrase_wrong"
    before = _digest(path)
    err = _error(open_vault, data_dir, passphrase=PASSPHRASE)
    assert err.key == "error.keyslots_mismatch" and str(path) in err.message("fi")
    assert _digest(path) == before


# --- the previous version, keyslots.json.bak ------------------------------------------------


def test_a_new_passphrase_keeps_the_previous_file_as_bak(made, no_keyring):
    data_dir, code = made
    path = _slots_file(data_dir)
    bak = keyslots.backup_path(path)
    assert bak == data_dir / "keyslots.json.bak" and not bak.exists()
    first = path.read_bytes()
    assert recover(data_dir, code, new_passphrase=NEW_PASSPHRASE, backend=no_keyring) == \
        "passphrase"
    assert bak.read_bytes() == first and path.read_bytes() != first
    assert bak.stat().st_mode & 0o077 == 0
    # the .bak is a whole key slot file: the old passphrase opens it
    assert keyslots.KeySlots.load(bak).unlock_passphrase(PASSPHRASE)
    with open_vault(data_dir, passphrase=NEW_PASSPHRASE, backend=no_keyring):
        pass


def test_a_renewed_recovery_code_keeps_the_previous_file_as_bak(made, no_keyring):
    data_dir, code = made
    path = _slots_file(data_dir)
    first = path.read_bytes()
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        new_code = v.renew_recovery_code()
    bak = keyslots.backup_path(path)
    assert bak.read_bytes() == first
    assert keyslots.KeySlots.load(bak).unlock_recovery(code)
    assert keyslots.KeySlots.load(path).unlock_recovery(new_code)
    assert not list(data_dir.glob("*.tmp"))


def test_saving_over_a_damaged_file_does_not_replace_a_sound_bak(made, no_keyring):
    data_dir, code = made
    path = _slots_file(data_dir)
    recover(data_dir, code, new_passphrase=NEW_PASSPHRASE, backend=no_keyring)
    bak = keyslots.backup_path(path)
    sound = bak.read_bytes()
    slots = keyslots.KeySlots.load(path)
    path.write_bytes(b"[")  # damaged after it was read
    slots.save(path)
    assert bak.read_bytes() == sound
    assert keyslots.KeySlots.load(path).unlock_passphrase(NEW_PASSPHRASE)


@pytest.mark.parametrize("content, key", [
    (b"[]", "error.keyslots_damaged_bak"),
    (None, "error.keyslots_field_bak"),
])
def test_a_damaged_file_says_its_bak_is_there(made, no_keyring, content, key):
    data_dir, code = made
    recover(data_dir, code, new_passphrase=NEW_PASSPHRASE, backend=no_keyring)
    path = _slots_file(data_dir)
    if content is None:
        _edit(path, _set("slots", "passphrase", "n", 3))
    else:
        path.write_bytes(content)
    bak = keyslots.backup_path(path)
    before = _digest(path), _digest(bak)
    err = _error(open_vault, data_dir, passphrase=NEW_PASSPHRASE)
    assert err.key == key
    for lang in ("fi", "sv", "en"):
        assert str(bak) in err.message(lang)
    assert (_digest(path), _digest(bak)) == before  # told, not restored


def test_an_inconsistent_file_says_its_bak_is_there(made, no_keyring):
    data_dir, code = made
    recover(data_dir, code, new_passphrase=NEW_PASSPHRASE, backend=no_keyring)
    _edit(_slots_file(data_dir), _set("key_check", keyslots.key_check(b"\0" * 32)))
    err = _error(open_vault, data_dir, passphrase=NEW_PASSPHRASE)
    assert err.key == "error.keyslots_mismatch_bak"


def test_a_damaged_bak_is_not_offered(made, no_keyring):
    data_dir, code = made
    recover(data_dir, code, new_passphrase=NEW_PASSPHRASE, backend=no_keyring)
    keyslots.backup_path(_slots_file(data_dir)).write_bytes(b"{}")
    _slots_file(data_dir).write_bytes(b"")
    assert _error(open_vault, data_dir, passphrase=NEW_PASSPHRASE).key == \
        "error.keyslots_damaged"


# --- the real command line ------------------------------------------------------------------


CLI_CASES = {
    "array": lambda p: p.write_text("[1, 2, 3]"),
    "brackets_50_mb": lambda p: p.write_bytes(b"[" * 50_000_000),
    "not_utf8": lambda p: p.write_bytes(b"\xff\xfe\x00{"),
    "empty": lambda p: p.write_bytes(b""),
    "passphrase_slot_string": lambda p: _edit(p, _set("slots", "passphrase", "x")),
    "passphrase_slot_empty": lambda p: _edit(p, _set("slots", "passphrase", {})),
    "n_2_30": lambda p: _edit(p, _set("slots", "passphrase", "n", 2**30)),
    "n_abc": lambda p: _edit(p, _set("slots", "passphrase", "n", "abc")),
    "nonce_short": lambda p: _edit(p, _set("slots", "passphrase", "nonce", _b64(b"n" * 5))),
    "slots_list": lambda p: _edit(p, _set("slots", [])),
    "recovery_damaged": lambda p: _edit(p, _set("slots", "recovery", "salt", 5)),
    "key_check_changed": lambda p: _edit(
        p, _set("key_check", keyslots.key_check(keyslots.new_data_key()))),
}


@pytest.mark.parametrize("damage", CLI_CASES.values(), ids=CLI_CASES.keys())
def test_the_command_line_gives_one_clear_line_and_changes_nothing(made, damage):
    data_dir, _ = made
    path = _slots_file(data_dir)
    damage(path)
    before = _digest(path), _digest(data_dir / "otdesk.db")
    result = run_cli(["--passphrase-stdin", "list"], data_dir, stdin=PASSPHRASE + "\n")
    assert result.returncode == 1, result.stderr
    line = assert_clean_error(result)
    assert str(path) in line
    assert "Väärä tunnuslause" not in line and "Odottamaton" not in line
    assert (_digest(path), _digest(data_dir / "otdesk.db")) == before
    assert not keyslots.backup_path(path).exists()


def test_the_command_line_says_so_in_english_too(made):
    data_dir, _ = made
    _edit(_slots_file(data_dir), _set("slots", "passphrase", "n", 3))
    line = assert_clean_error(run_cli(["--lang", "en", "--passphrase-stdin", "list"],
                                      data_dir, stdin=PASSPHRASE + "\n"))
    assert "key slot file is damaged" in line and "slots.passphrase.n" in line


def _run_bytes(args: list[str], data_dir: Path, stdin: bytes) -> subprocess.CompletedProcess:
    """``otdesk ARGS`` with raw bytes on standard input (run_cli takes text)."""
    return subprocess.run([sys.executable, "-m", "otdesk", *args], input=stdin,
                          capture_output=True, timeout=120,
                          env=cli_env(data_dir, keyring_backend=NO_KEYRING, LC_ALL="C.UTF-8",
                                      PYTHONIOENCODING="utf-8"))


def _clean_line(result: subprocess.CompletedProcess) -> str:
    text = subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))
    assert result.returncode == 1, text.stderr
    return assert_clean_error(text)


def test_init_with_a_passphrase_that_is_not_utf8_is_refused(data_dir):
    result = _run_bytes(["--lang", "en", "--passphrase-stdin", "init"], data_dir,
                        "pitkä tunnuslause\n".encode("latin-1"))
    assert "not UTF-8" in _clean_line(result)
    assert not (data_dir / "otdesk.db").exists() and not _slots_file(data_dir).exists()


def test_recover_with_input_that_is_not_utf8_is_refused(made):
    data_dir, code = made
    before = _digest(_slots_file(data_dir))
    # the new passphrase is the line that is not UTF-8
    result = _run_bytes(["--passphrase-stdin", "recover"], data_dir,
                        b"uusi \xe4\xe4ni pitk\xe4\n" + code.encode() + b"\n")
    assert "UTF-8" in _clean_line(result)
    # the recovery code is
    result = _run_bytes(["--passphrase-stdin", "recover"], data_dir,
                        NEW_PASSPHRASE.encode() + b"\n\xff\xfe" + code.encode() + b"\n")
    line = _clean_line(result)
    assert "UTF-8" in line and "recovery code" in line
    assert _digest(_slots_file(data_dir)) == before


def test_a_passphrase_read_as_utf8_whatever_the_locale(data_dir, no_keyring):
    """The bytes are decoded as UTF-8 by OT Desk itself: a Latin-1 locale does not turn
    'ä' into two other characters (and a byte order mark before it is not part of it)."""
    passphrase = "pitkä tunnuslause ÅÄÖ"
    init_vault(data_dir, passphrase=passphrase, backend=no_keyring)
    result = subprocess.run(
        [sys.executable, "-m", "otdesk", "--passphrase-stdin", "list"],
        input="\ufeff".encode() + passphrase.encode() + b"\r\n", capture_output=True,
        timeout=120, env=cli_env(data_dir, keyring_backend=NO_KEYRING,
                                 PYTHONIOENCODING="latin-1"))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")


def test_every_damage_message_is_listed_and_worded():
    from otdesk.core.errors import _catalog

    for key in keyslots.DAMAGED_KEYS:
        entry = _catalog()[key]
        assert set(entry) == {"fi", "sv", "en"}, key
        assert all("{path}" in text for text in entry.values()), key
        assert all(("{bak}" in text) == key.endswith("_bak") for text in entry.values()), key
