"""Key slots, recovery codes, escrow and the keyring's trust rules."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import given, settings
from hypothesis import strategies as st
from keyring.backends import chainer, fail, null
from keyrings.alt import file as alt_file

from otdesk.core.errors import UserError
from otdesk.storage import keyring_store, keyslots

# --- recovery codes ------------------------------------------------------------


def test_recovery_code_is_grouped_and_typable():
    code = keyslots.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    assert all(ch in keyslots.ALPHABET for g in groups for ch in g)
    assert keyslots.new_recovery_code() != code


def test_recovery_code_forgives_case_spaces_and_lookalikes():
    code = keyslots.new_recovery_code()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert keyslots.normalise_recovery_code(typed) == code


@settings(max_examples=300, deadline=None)
@given(group=st.integers(0, 7), pos=st.integers(0, 4), shift=st.integers(1, 31))
def test_any_single_mistyped_character_names_its_group(group, pos, shift):
    code = keyslots.new_recovery_code()
    chars = list(code.replace("-", ""))
    i = group * 5 + pos
    chars[i] = keyslots.ALPHABET[(keyslots.ALPHABET.index(chars[i]) + shift) % 32]
    with pytest.raises(UserError) as err:
        keyslots.normalise_recovery_code("".join(chars))
    assert err.value.key == "error.recovery_group"
    assert err.value.params["group"] == group + 1
    assert f"{group + 1}" in err.value.message("fi")


def test_a_short_code_gets_a_format_message():
    with pytest.raises(UserError) as err:
        keyslots.normalise_recovery_code("ABCDE-FGHJK")
    assert err.value.key == "error.recovery_format"


# --- slots ---------------------------------------------------------------------


def _slots(key: bytes) -> keyslots.KeySlots:
    return keyslots.KeySlots(vault_id="test-vault", check=keyslots.key_check(key))


def test_recovery_and_passphrase_slots_unwrap_the_same_key(tmp_path):
    key = keyslots.new_data_key()
    slots = _slots(key)
    code = keyslots.new_recovery_code()
    slots.set_recovery(key, code)
    slots.set_passphrase(key, "pitkä tunnuslause ÅÄÖ")
    slots.save(tmp_path / "keyslots.json")
    loaded = keyslots.KeySlots.load(tmp_path / "keyslots.json")
    assert loaded.unlock_recovery(code.lower()) == key
    assert loaded.unlock_passphrase("pitkä tunnuslause ÅÄÖ") == key
    assert int(loaded.slots["passphrase"]["n"]) >= 2**17
    with pytest.raises(UserError) as err:
        loaded.unlock_passphrase("pitkä tunnuslause ÅÄö")
    assert err.value.key == "error.passphrase_wrong"
    with pytest.raises(UserError) as err:
        loaded.unlock_recovery(keyslots.new_recovery_code())
    assert err.value.key == "error.recovery_wrong"


def test_the_key_file_holds_nothing_that_opens_the_vault_by_itself(tmp_path):
    key = keyslots.new_data_key()
    slots = _slots(key)
    slots.set_recovery(key, keyslots.new_recovery_code())
    slots.save(tmp_path / "keyslots.json")
    raw = (tmp_path / "keyslots.json").read_bytes()
    assert key.hex().encode() not in raw and key not in raw


def test_a_slot_copied_to_another_vault_does_not_open(tmp_path):
    key = keyslots.new_data_key()
    slots = _slots(key)
    slots.set_passphrase(key, "tunnuslause 1234")
    other = keyslots.KeySlots(vault_id="another", check=slots.check, slots=dict(slots.slots))
    with pytest.raises(UserError):
        other.unlock_passphrase("tunnuslause 1234")


def test_short_passphrase_is_refused():
    with pytest.raises(UserError) as err:
        _slots(keyslots.new_data_key()).set_passphrase(keyslots.new_data_key(), "lyhyt")
    assert err.value.key == "error.passphrase_short"


def test_damaged_key_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "keyslots.json"
    path.write_text("{ not json")
    with pytest.raises(UserError) as err:
        keyslots.KeySlots.load(path)
    assert err.value.key == "error.keyslots_damaged"


@pytest.fixture(scope="module")
def escrow_pair():
    private = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    private_pem = private.private_bytes(serialization.Encoding.PEM,
                                        serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    return public_pem, private_pem


def test_escrow_slot_round_trip(escrow_pair):
    public_pem, private_pem = escrow_pair
    key = keyslots.new_data_key()
    slots = _slots(key)
    slots.set_escrow(key, public_pem)
    assert slots.unlock_escrow(private_pem) == key
    other = rsa.generate_private_key(public_exponent=65537, key_size=3072).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    with pytest.raises(UserError) as err:
        slots.unlock_escrow(other)
    assert err.value.key == "error.escrow_wrong"


def test_weak_escrow_key_is_refused():
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key()
    pem = weak.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(UserError) as err:
        _slots(keyslots.new_data_key()).set_escrow(keyslots.new_data_key(), pem)
    assert err.value.key == "error.escrow_key_invalid"


# --- which keyrings count -------------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(),
                                     alt_file.PlaintextKeyring()],
                         ids=["fail", "null", "plaintext"])
def test_insecure_keyrings_count_as_no_keyring(backend):
    assert keyring_store.secure_keyring(backend) is None


def test_a_chain_of_only_insecure_keyrings_is_no_keyring(monkeypatch):
    chain = chainer.ChainerBackend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends",
                        [alt_file.PlaintextKeyring(), null.Keyring()])
    assert keyring_store.secure_keyring(chain) is None
