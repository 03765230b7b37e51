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

Reading the file goes through one parsing layer (:func:`_parse_file`,
:func:`_parse_slot`): every field's type, base64, length and scrypt parameter is
checked once, and anything that is not what OT Desk wrote is one message naming
the file and the field.  Saving keeps the version it replaces as
``keyslots.json.bak`` (no more secret than the file itself).
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
from typing import NamedTuple

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


# --- the file's format: one parsing layer, each rule once ---------------------------

#: a key slot file is a few kilobytes (an escrow slot adds ~1 KB); anything far larger
#: is not one, and is refused before it is parsed
_MAX_FILE_BYTES = 1 << 20
_NONCE_BYTES = 12  # AES-GCM
_WRAPPED_BYTES = KEY_BYTES + 16  # the data key and AES-GCM's tag
_CHECK_BYTES = 32  # HMAC-SHA256
_SALT_BYTES = range(16, 65)
_VAULT_ID_CHARS = range(1, 201)
#: scrypt parameters read from the file: n a power of two from the slot's minimum to
#: _SCRYPT_MAX_N (the most calibration chooses); r and p at most these, so that no file
#: can make an unlock take more than ~1 GiB of memory (128·n·r) or run for minutes
_SCRYPT_MAX_R = 8
_SCRYPT_MAX_P = 4
_SCRYPT_MIN_N_OF = {"recovery": _RECOVERY_N, "passphrase": _SCRYPT_MIN_N}
_ESCROW_KIND = "rsa-oaep-sha256"
_ESCROW_KEY_BYTES = range(3072 // 8, 16384 // 8 + 1)  # an RSA ciphertext: the modulus' size
_BAK_SUFFIX = ".bak"
#: every message that says keyslots.json itself is damaged (whole, one field, or its
#: slots inconsistent with its key check), each with and without the .bak note
DAMAGED_KEYS = tuple(f"error.keyslots_{kind}{bak}" for kind in ("damaged", "field", "mismatch")
                     for bak in ("", "_bak"))


class _Damaged(Exception):
    """The file is not what OT Desk wrote: ``field`` names where (None: the whole file)."""

    def __init__(self, field_name: str | None) -> None:
        super().__init__(field_name)
        self.field = field_name


class ScryptSlot(NamedTuple):
    """A slot wrapped under a key derived by scrypt (``recovery``, ``passphrase``)."""

    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    wrapped: bytes


class EscrowSlot(NamedTuple):
    """A slot wrapped under a random key that is itself wrapped to IT's RSA key."""

    key: bytes
    fingerprint: str
    nonce: bytes
    wrapped: bytes


def _at(where: str, name: str) -> str:
    """A field's name in messages: ``slots.passphrase.n``."""
    return f"{where}.{name}" if where else name


def _get(obj: dict, name: str, where: str, kind: type):
    value = obj.get(name)
    if type(value) is not kind:  # (not isinstance: True is no int here)
        raise _Damaged(_at(where, name))
    return value


def _get_bytes(obj: dict, name: str, where: str, sizes: range | int) -> bytes:
    text = _get(obj, name, where, str)
    try:
        data = _unb64(text)
    except ValueError:  # (binascii.Error, or a character that is not ASCII)
        raise _Damaged(_at(where, name)) from None
    if len(data) not in (sizes if isinstance(sizes, range) else (sizes,)):
        raise _Damaged(_at(where, name))
    return data


def _parse_slot(name: str, raw: object) -> ScryptSlot | EscrowSlot:
    where = f"slots.{name}"
    if type(raw) is not dict or name not in (*_SCRYPT_MIN_N_OF, "escrow"):
        raise _Damaged(where)
    nonce = _get_bytes(raw, "nonce", where, _NONCE_BYTES)
    wrapped = _get_bytes(raw, "wrapped", where, _WRAPPED_BYTES)
    if name == "escrow":
        if _get(raw, "kind", where, str) != _ESCROW_KIND:
            raise _Damaged(_at(where, "kind"))
        fingerprint = _get(raw, "fingerprint", where, str)
        if len(fingerprint) != 64 or fingerprint.strip("0123456789abcdef"):
            raise _Damaged(_at(where, "fingerprint"))
        return EscrowSlot(_get_bytes(raw, "key", where, _ESCROW_KEY_BYTES), fingerprint,
                          nonce, wrapped)
    if _get(raw, "kdf", where, str) != "scrypt":
        raise _Damaged(_at(where, "kdf"))
    n = _get(raw, "n", where, int)
    if not _SCRYPT_MIN_N_OF[name] <= n <= _SCRYPT_MAX_N or n & (n - 1):
        raise _Damaged(_at(where, "n"))
    r = _get(raw, "r", where, int)
    if not 1 <= r <= _SCRYPT_MAX_R:
        raise _Damaged(_at(where, "r"))
    p = _get(raw, "p", where, int)
    if not 1 <= p <= _SCRYPT_MAX_P:
        raise _Damaged(_at(where, "p"))
    return ScryptSlot(_get_bytes(raw, "salt", where, _SALT_BYTES), n, r, p, nonce, wrapped)


def _parse_file(data: bytes, path: Path) -> KeySlots:
    """``keyslots.json``'s bytes → :class:`KeySlots`, every field checked; raises _Damaged."""
    if not data or len(data) > _MAX_FILE_BYTES:
        raise _Damaged(None)
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested too deep
        raise _Damaged(None) from None
    if type(doc) is not dict:
        raise _Damaged(None)
    if _get(doc, "format", "", int) != SLOTS_FORMAT:
        raise _Damaged("format")
    vault_id = _get(doc, "vault_id", "", str)
    if len(vault_id) not in _VAULT_ID_CHARS or not vault_id.isprintable():
        raise _Damaged("vault_id")
    check = _get(doc, "key_check", "", str)
    _get_bytes(doc, "key_check", "", _CHECK_BYTES)
    slots = _get(doc, "slots", "", dict)
    for name, raw in slots.items():
        _parse_slot(name, raw)
    if "recovery" not in slots:  # always written: its absence is damage, not a choice
        raise _Damaged("slots.recovery")
    return KeySlots(vault_id=vault_id, check=check,
                    slots={name: dict(raw) for name, raw in slots.items()}, path=path)


def _read_file(path: Path) -> bytes:
    """The file's bytes (at most one more than a key slot file can hold).  Raises
    FileNotFoundError, UserError for a file that cannot be read, _Damaged."""
    try:
        with open(path, "rb") as fh:
            return fh.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise
    except PermissionError as exc:
        from otdesk.storage.errors import storage_error

        raise storage_error(exc) from exc
    except OSError:  # a folder in its place, a read error: it cannot be what was written
        raise _Damaged(None) from None


def backup_path(path: Path) -> Path:
    """Where :meth:`KeySlots.save` keeps the previous version of ``path``."""
    return path.with_name(path.name + _BAK_SUFFIX)


def _loads(path: Path) -> bool:
    """Does ``path`` hold a key slot file that passes every check?"""
    try:
        _parse_file(_read_file(path), path)
    except (_Damaged, OSError, UserError):
        return False
    return True


def _damage_error(path: Path | None, exc: _Damaged) -> UserError:
    if exc.field is None:
        return _damaged(path, "keyslots_damaged")
    return _damaged(path, "keyslots_field", field=exc.field)


def _damaged(path: Path | None, key: str, **params: object) -> UserError:
    """``error.<key>`` about ``path``; ``error.<key>_bak`` when its previous version
    (keyslots.json.bak) is there and sound, so the message says so."""
    if path is None:  # slots made in memory: no file, so no previous version either
        return UserError(f"error.{key}", path="keyslots.json", **params)
    bak = backup_path(Path(path))
    if _loads(bak):
        return UserError(f"error.{key}_bak", path=str(path), bak=str(bak), **params)
    return UserError(f"error.{key}", path=str(path), **params)


# --- key slots -----------------------------------------------------------------


@dataclass
class KeySlots:
    """The content of ``keyslots.json``.

    ``slots`` holds each slot as it is written (a dict of JSON values); every use of a
    slot goes through :func:`_parse_slot`, and :meth:`load` checks every field of the
    file before anything is used, so a damaged file is one clear message naming the
    file and the field, never a wrong passphrase or an unexpected error.
    """

    vault_id: str
    check: str
    slots: dict[str, dict] = field(default_factory=dict)
    #: the file it was read from (named in messages about it); None: not read from one
    path: Path | None = field(default=None, compare=False, repr=False)

    # -- file ----------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        """Read and check ``path``.  Raises FileNotFoundError when it is not there, and
        UserError ``error.keyslots_damaged`` (the file as a whole) or
        ``error.keyslots_field`` (one field), each ``…_bak`` when the previous version
        beside it (keyslots.json.bak) is sound."""
        path = Path(path)
        try:
            return _parse_file(_read_file(path), path)
        except _Damaged as exc:
            raise _damage_error(path, exc) from None

    def save(self, path: Path) -> None:
        """Write the slots to ``path``, atomically; the version it replaces is kept first
        as ``keyslots.json.bak`` (when it is sound), so that one bad write never loses
        the only wrapped copies of the key.  (The .bak is no more secret than the file.)"""
        path = Path(path)
        data = {"format": SLOTS_FORMAT, "vault_id": self.vault_id,
                "key_check": self.check, "slots": self.slots}
        try:
            previous = _read_file(path)
            _parse_file(previous, path)
        except (FileNotFoundError, _Damaged, UserError):
            previous = None  # nothing sound to keep: an older .bak stays as it is
        if previous is not None:
            write_atomic(backup_path(path), previous)  # (fsyncs the folder too)
        write_atomic(path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))
        self.path = path

    # -- slots ---------------------------------------------------------------

    def _aad(self, name: str) -> bytes:
        return f"otdesk:{self.vault_id}:{name}".encode()

    def _slot(self, name: str):
        """Slot ``name``, checked (a slot set in memory is checked as one read)."""
        try:
            return _parse_slot(name, self.slots[name])
        except _Damaged as exc:
            raise _damage_error(self.path, exc) from None

    def _seal(self, name: str, kek: bytes, data_key: bytes, extra: dict) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(_NONCE_BYTES)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(name))
        self.slots[name] = {**extra, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}

    def _open(self, name: str, slot: ScryptSlot | EscrowSlot, kek: bytes) -> bytes | None:
        """The data key from ``slot``; None when ``kek`` does not open it (a wrong
        secret).  When it opens but the key is not the one the file's key check names,
        the file is inconsistent: ``error.keyslots_mismatch``, not a wrong secret."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad(name))
        except InvalidTag:
            return None
        if not hmac.compare_digest(key_check(key).encode(), self.check.encode("utf-8")):
            raise _damaged(self.path, "keyslots_mismatch")
        return key

    def _open_scrypt(self, name: str, secret: str) -> bytes | None:
        slot = self._slot(name)
        return self._open(name, slot, _scrypt(secret, slot.salt, slot.n, slot.r, slot.p))

    def set_recovery(self, data_key: bytes, code: str) -> None:
        salt = secrets.token_bytes(16)
        kek = _scrypt(normalise_recovery_code(code), salt, _RECOVERY_N)
        self._seal("recovery", kek, data_key,
                   {"kdf": "scrypt", "salt": _b64(salt), "n": _RECOVERY_N, "r": 8, "p": 1})

    def unlock_recovery(self, code: str) -> bytes:
        canonical = normalise_recovery_code(code)
        if "recovery" not in self.slots:
            raise UserError("error.recovery_missing")
        key = self._open_scrypt("recovery", canonical)
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
        if "passphrase" not in self.slots:
            raise UserError("error.passphrase_not_set")
        key = self._open_scrypt("passphrase", passphrase)
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
                   {"kind": _ESCROW_KIND, "key": _b64(wrapped_kek),
                    "fingerprint": fingerprint})

    def unlock_escrow(self, private_pem: bytes, password: bytes | None = None) -> bytes:
        from cryptography.hazmat.primitives import serialization

        if "escrow" not in self.slots:
            raise UserError("error.escrow_missing")
        slot = self._slot("escrow")
        try:
            private = serialization.load_pem_private_key(private_pem, password)
            kek = private.decrypt(slot.key, _oaep())  # type: ignore[union-attr]
        except (ValueError, TypeError) as exc:
            raise UserError("error.escrow_wrong") from exc
        key = self._open("escrow", slot, kek)
        if key is None:
            raise UserError("error.escrow_wrong")
        return key


def _oaep():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _scrypt(secret: str, salt: bytes, n: int, r: int = 8, p: int = 1) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(secret.encode("utf-8"))


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
