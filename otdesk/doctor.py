"""``otdesk doctor``: what IT checks first when a consultant calls.

Each check prints one line: ``OK`` or ``FAIL``, what was checked, and what
was found.  The exit code is 0 only when every check passed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core.errors import UserError, message
from otdesk.config.policy import Policy, PolicyError, default_policy_path
from otdesk.storage import keyring_store
from otdesk.storage.vault import VaultPaths, open_vault


def run_doctor(data: Path, passphrase: str | None, lang: str, policy=None) -> int:
    """Run every check; ``policy`` is the loaded Policy, or the PolicyError it raised."""
    results: list[bool] = []

    def check(ok: bool, label: str, detail: str) -> None:
        results.append(ok)
        print(f"{'OK  ' if ok else 'FAIL'}  {message('doctor.' + label, lang)}: {detail}")

    paths = VaultPaths(data)
    writable = data.is_dir() and os.access(data, os.W_OK)
    check(writable, "data_dir", str(data))

    backend = keyring_store.secure_keyring()
    name = keyring_store.keyring_name()
    uses_keyring = passphrase is None
    check(backend is not None or not uses_keyring, "keyring",
          f"{name} ({message('doctor.secure' if backend else 'doctor.insecure', lang)})")

    mem = sqlcipher.connect(":memory:")
    cipher_version = mem.execute("PRAGMA cipher_version").fetchone()
    mem.close()
    check(bool(cipher_version), "sqlcipher",
          f"SQLCipher {cipher_version[0] if cipher_version else '?'}, "
          f"SQLite {sqlcipher.sqlite_version}")

    try:
        vault = open_vault(data, passphrase=passphrase)
    except UserError as exc:
        check(False, "vault", exc.message(lang))
    else:
        with vault:
            how = message("doctor.by_passphrase" if passphrase else "doctor.by_keyring", lang)
            check(True, "vault", f"{paths.db} ({how})")
            conn = vault.conn
            problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            check(not problems, "cipher_integrity",
                  "ok" if not problems else f"{len(problems)} " + message("doctor.errors", lang))
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            check(integrity == ["ok"], "integrity",
                  "ok" if integrity == ["ok"] else f"{len(integrity)} "
                  + message("doctor.errors", lang))
            audit = vault.repository.verify_audit()
            check(audit.ok, "audit", message("cli.audit_ok" if audit.ok else "cli.audit_broken",
                                             lang, count=audit.entries, seq=audit.first_bad))
            check(True, "slots", ", ".join(sorted(vault.slots.slots)))
            check(True, "count", str(vault.repository.count()))
    _check_policy(policy, lang, check)

    failed = results.count(False)
    if failed:
        print(message("cli.doctor_bad", lang, count=failed), file=sys.stderr)
        return 1
    print(message("cli.doctor_ok", lang))
    return 0


def _check_policy(policy, lang: str, check) -> None:
    """The effective organisation policy: each value and where it came from."""
    if isinstance(policy, PolicyError):
        check(False, "policy", policy.message(lang))
        return
    if policy is None:
        policy = Policy(path=default_policy_path())
    if not policy.loaded:
        check(True, "policy", f"{message('doctor.no_policy', lang)} ({policy.path})")
    else:
        check(True, "policy", f"{policy.path} ({message('doctor.policy_file', lang)})")
    label = message("doctor.policy_value", lang)
    default = message("doctor.default", lang)
    for name, value, source in policy.describe():
        print(f"      {label} {name} = {value}  [{default if source == 'default' else source}]")
