"""A really full disk (a 3 MiB tmpfs in a private mount namespace): clear message, nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

from conftest import PASSPHRASE, require

SCRIPT = textwrap.dedent("""
    import json, os, subprocess, sys
    from keyring.backends import fail
    from otdesk.core.domain import Consultation
    from otdesk.core.errors import UserError
    from otdesk.storage.vault import init_vault, open_vault

    data, passphrase = sys.argv[1], sys.argv[2]
    result = {}
    init_vault(data, passphrase=passphrase, backend=fail.Keyring())
    committed = []
    with open_vault(data, passphrase=passphrase) as v:
        try:
            for i in range(100_000):
                c = v.repository.create(Consultation(question=f"rivi {i} " + "sana " * 2000))
                committed.append(c.id)
        except UserError as e:
            result["error"] = e.key
        # the disk is still full: an edit of a stored consultation is refused cleanly too
        try:
            first = v.repository.get(committed[0])
            first.question += " lisäys " * 5000
            v.repository.update(first)
        except UserError as e:
            result["edit_error"] = e.key
    result["committed"] = len(committed)
    with open_vault(data, passphrase=passphrase) as v:
        result["integrity"] = v.conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = {r.id for r in v.repository.list()}
        result["all_kept"] = set(committed) <= ids
        result["first_intact"] = v.repository.get(committed[0]).question.startswith("rivi 0 ")
        result["audit_ok"] = v.repository.verify_audit().ok
    cli = subprocess.run([sys.executable, "-m", "otdesk", "--data-dir", data,
                          "--passphrase-stdin", "demo", "--count", "5000"],
                         input=passphrase + "\\n", capture_output=True, text=True,
                         env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    result["cli_rc"] = cli.returncode
    result["cli_stderr"] = cli.stderr
    print(json.dumps(result))
""")


def _namespace_prefix() -> list[str] | None:
    """Run as root in a private mount namespace: unshare -m (root) or -rm (user ns)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for flags in (["-m"], ["-rm"]) if os.geteuid() == 0 else (["-rm"],):
        probe = subprocess.run([unshare, *flags, "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, *flags]
    return None


def test_full_disk_gives_one_clear_message_and_keeps_every_committed_row(tmp_path):
    prefix = _namespace_prefix()
    require(prefix is not None, "needs mount namespaces (unshare) to make a small tmpfs")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(SCRIPT)
    shell = (f"mount -t tmpfs -o size=3m tmpfs {mount_point} && "
             f"{sys.executable} {script} {mount_point}/data '{PASSPHRASE}'")
    out = subprocess.run([*prefix, "sh", "-c", shell], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["error"] == "error.disk_full"
    assert result["edit_error"] == "error.disk_full"
    assert result["committed"] > 5
    assert result["integrity"] == "ok"
    assert result["all_kept"] and result["first_intact"] and result["audit_ok"]
    assert result["cli_rc"] == 1
    lines = [line for line in result["cli_stderr"].splitlines() if line.strip()]
    assert len(lines) == 1 and "Levy on täynnä" in lines[0], result["cli_stderr"]
    assert "Traceback" not in result["cli_stderr"]
