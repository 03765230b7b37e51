"""Key slots: one random data key, and the wrapped copies of it that get it back.

Think of LUKS key slots.  A random 256-bit *data key* opens the SQLCipher
database as a raw key (the OS keyring keeps it: :mod:`otdesk.storage.keyring_store`).
Next to the database, ``keyslots.json`` holds copies of the data key wrapped with
AES-256-GCM under:

* ``recovery``   — a recovery code shown once at set-up (always present);
* ``passphrase`` — a passphrase (scrypt), when the user chooses one or no
  secure keyring works;
* ``escrow``     — IT's escrow public key (RSA-OAEP-SHA256) when the
  organisation's policy provides one.

The file also holds a *key check* (an HMAC of a constant under the data key)
so a wrong key is told apart from a damaged database.  Nothing in the file is
secret on its own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from otdesk.core.errors import UserError
from otdesk.files import write_atomic

# ``cryptography`` is imported where it is used: the keyring route never needs it, and
# the command line's quick commands neither (it costs 50–100 ms at start-up).

KEY_BYTES = 32
SLOTS_FORMAT = 1
PASSPHRASE_MIN_LENGTH = 8
#: scrypt cost for passphrases: calibrated at set-up to at least this many seconds
PASSPHRASE_MIN_SECONDS = 0.25
_SCRYPT_MIN_N = 2**17
_SCRYPT_MAX_N = 2**20
#: the recovery code carries 160 random bits, so a light KDF is enough
_RECOVERY_N = 2**14

# --- small helpers -------------------------------------------------------------


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_check(data_key: bytes) -> str:
    return _b64(hmac.new(data_key, b"otdesk key check v1", hashlib.sha256).digest())


# --- recovery codes --------------------------------------------------------------

#: Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or V
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8
_GROUP_DATA = 4
_WEIGHTS = (1, 3, 5, 7)  # odd, so any single wrong character changes the check
_TYPO_MAP = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def _group_check(index: int, values: list[int]) -> int:
    return (sum(w * v for w, v in zip(_WEIGHTS, values)) + 7 * (index + 1)) % 32


def new_recovery_code() -> str:
    """Eight groups of five characters; the fifth character of each checks the group."""
    groups = []
    for i in range(RECOVERY_GROUPS):
        values = [secrets.randbelow(32) for _ in range(_GROUP_DATA)]
        values.append(_group_check(i, values))
        groups.append("".join(ALPHABET[v] for v in values))
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Check a typed recovery code; return its canonical form.

    Raises :class:`UserError` naming the group that looks mistyped.
    """
    cleaned = "".join(ch for ch in text.upper().translate(_TYPO_MAP) if ch.isalnum())
    size = _GROUP_DATA + 1
    if len(cleaned) != RECOVERY_GROUPS * size or any(ch not in ALPHABET for ch in cleaned):
        raise UserError("error.recovery_format", groups=RECOVERY_GROUPS, size=size)
    groups = [cleaned[i : i + size] for i in range(0, len(cleaned), size)]
    for i, group in enumerate(groups):
        values = [ALPHABET.index(ch) for ch in group]
        if _group_check(i, values[:-1]) != values[-1]:
            raise UserError("error.recovery_group", group=i + 1)
    return "-".join(groups)


# --- key slots -----------------------------------------------------------------


@dataclass
class KeySlots:
    """The content of ``keyslots.json``."""

    vault_id: str
    check: str
    slots: dict[str, dict] = field(default_factory=dict)

    # -- file ----------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != SLOTS_FORMAT:
                raise ValueError("format")
            return cls(vault_id=str(data["vault_id"]), check=str(data["key_check"]),
                       slots=dict(data["slots"]))
        except FileNotFoundError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UserError("error.keyslots_damaged", path=str(path)) from exc

    def save(self, path: Path) -> None:
        data = {"format": SLOTS_FORMAT, "vault_id": self.vault_id,
                "key_check": self.check, "slots": self.slots}
        write_atomic(path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))

    # -- slots ---------------------------------------------------------------

    def _aad(self, name: str) -> bytes:
        return f"otdesk:{self.vault_id}:{name}".encode()

    def _seal(self, name: str, kek: bytes, data_key: bytes, extra: dict) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(name))
        self.slots[name] = {**extra, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}

    def _open(self, name: str, kek: bytes) -> bytes | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        slot = self.slots[name]
        try:
            key = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                      self._aad(name))
        except InvalidTag:
            return None
        return key if hmac.compare_digest(key_check(key), self.check) else None

    def set_recovery(self, data_key: bytes, code: str) -> None:
        salt = secrets.token_bytes(16)
        kek = _scrypt(normalise_recovery_code(code), salt, _RECOVERY_N)
        self._seal("recovery", kek, data_key,
                   {"kdf": "scrypt", "salt": _b64(salt), "n": _RECOVERY_N, "r": 8, "p": 1})

    def unlock_recovery(self, code: str) -> bytes:
        canonical = normalise_recovery_code(code)
        slot = self.slots.get("recovery")
        if slot is None:
            raise UserError("error.recovery_missing")
        key = self._open("recovery", _scrypt(canonical, _unb64(slot["salt"]), int(slot["n"])))
        if key is None:
            raise UserError("error.recovery_wrong")
        return key

    def set_passphrase(self, data_key: bytes, passphrase: str) -> None:
        check_passphrase(passphrase)
        salt = secrets.token_bytes(16)
        n = calibrate_scrypt()
        self._seal("passphrase", _scrypt(passphrase, salt, n), data_key,
                   {"kdf": "scrypt", "salt": _b64(salt), "n": n, "r": 8, "p": 1})

    def has_passphrase(self) -> bool:
        return "passphrase" in self.slots

    def unlock_passphrase(self, passphrase: str) -> bytes:
        slot = self.slots.get("passphrase")
        if slot is None:
            raise UserError("error.passphrase_not_set")
        key = self._open("passphrase", _scrypt(passphrase, _unb64(slot["salt"]), int(slot["n"])))
        if key is None:
            raise UserError("error.passphrase_wrong")
        return key

    def set_escrow(self, data_key: bytes, public_pem: bytes) -> None:
        """Wrap the data key to IT's escrow public key (RSA, OAEP with SHA-256)."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        try:
            public = serialization.load_pem_public_key(public_pem)
        except ValueError as exc:
            raise UserError("error.escrow_key_invalid") from exc
        if not isinstance(public, rsa.RSAPublicKey) or public.key_size < 3072:
            raise UserError("error.escrow_key_invalid")
        # the AAD of the inner AES layer binds the copy to this vault
        kek = secrets.token_bytes(KEY_BYTES)
        wrapped_kek = public.encrypt(kek, _oaep())
        fingerprint = hashlib.sha256(
            public.public_bytes(serialization.Encoding.DER,
                                serialization.PublicFormat.SubjectPublicKeyInfo)).hexdigest()
        self._seal("escrow", kek, data_key,
                   {"kind": "rsa-oaep-sha256", "key": _b64(wrapped_kek),
                    "fingerprint": fingerprint})

    def unlock_escrow(self, private_pem: bytes, password: bytes | None = None) -> bytes:
        from cryptography.hazmat.primitives import serialization

        slot = self.slots.get("escrow")
        if slot is None:
            raise UserError("error.escrow_missing")
        try:
            private = serialization.load_pem_private_key(private_pem, password)
            kek = private.decrypt(_unb64(slot["key"]), _oaep())  # type: ignore[union-attr]
        except (ValueError, TypeError) as exc:
            raise UserError("error.escrow_wrong") from exc
        key = self._open("escrow", kek)
        if key is None:
            raise UserError("error.escrow_wrong")
        return key


def _oaep():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _scrypt(secret: str, salt: bytes, n: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=8, p=1).derive(secret.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN_LENGTH:
        raise UserError("error.passphrase_short", length=PASSPHRASE_MIN_LENGTH)


def calibrate_scrypt() -> int:
    """The scrypt cost ``n`` that takes at least PASSPHRASE_MIN_SECONDS on this machine.

    Never below 2**17 (about 128 MiB of memory), never above 2**20.
    """
    probe = 2**14
    start = time.perf_counter()
    _scrypt("calibration", b"\0" * 16, probe)
    per_unit = (time.perf_counter() - start) / probe
    n = _SCRYPT_MIN_N
    while n < _SCRYPT_MAX_N and per_unit * n < PASSPHRASE_MIN_SECONDS * 1.2:
        n *= 2
    return n
