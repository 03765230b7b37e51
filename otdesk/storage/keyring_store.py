"""The OS keyring, where the data key lives (service ``otdesk``, account = the vault's
id): which backend is trusted, and loading, storing and deleting the key in it.

Only backends that really protect a secret count (Windows Credential Manager, macOS
Keychain, Secret Service); the null, fail and plain-file ones do not, and then the
vault is opened with a passphrase instead (:mod:`otdesk.storage.keyslots`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from otdesk.core.errors import UserError

if TYPE_CHECKING:
    import keyring.backend

# ``keyring`` is imported where it is used: the passphrase route never needs it, and the
# command line's quick commands neither (it costs 50–100 ms at start-up).

KEYRING_SERVICE = "otdesk"

#: backends that keep nothing, fail, or keep secrets in plain or weakly protected files
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt",
                     "keyring.backends.chainer")


def _is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    try:
        return float(backend.priority) > 0  # type: ignore[arg-type]
    except Exception:  # a backend whose service is missing raises here
        return False


def secure_keyring(backend: keyring.backend.KeyringBackend | None = None):
    """The OS keyring backend to use, or ``None`` when no secure one works."""
    import keyring

    backend = backend if backend is not None else keyring.get_keyring()
    candidates = getattr(backend, "backends", None)
    if type(backend).__module__.startswith("keyring.backends.chainer") and candidates:
        for candidate in candidates:
            if _is_secure(candidate):
                return candidate
        return None
    return backend if _is_secure(backend) else None


def keyring_name(backend: keyring.backend.KeyringBackend | None = None) -> str:
    import keyring

    backend = backend if backend is not None else keyring.get_keyring()
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def keyring_load(backend, vault_id: str) -> bytes | None:
    """The data key from the keyring, ``None`` when it holds none."""
    import keyring.errors

    try:
        value = backend.get_password(KEYRING_SERVICE, vault_id)
    except keyring.errors.KeyringError as exc:
        raise UserError("error.keyring_failed") from exc
    if value is None:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return b""
    return key


def keyring_store(backend, vault_id: str, data_key: bytes) -> None:
    import keyring.errors

    try:
        backend.set_password(KEYRING_SERVICE, vault_id, data_key.hex())
    except keyring.errors.KeyringError as exc:
        raise UserError("error.keyring_failed") from exc


def keyring_delete(backend, vault_id: str) -> None:
    import keyring.errors

    try:
        backend.delete_password(KEYRING_SERVICE, vault_id)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise UserError("error.keyring_failed") from exc
