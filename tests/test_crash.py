"""kill -9 in the middle of writing: the vault stays healthy with every committed edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from conftest import PASSPHRASE
from otdesk.storage.vault import init_vault, open_vault

WRITER = textwrap.dedent("""
    import sys
    from keyring.backends import fail
    from otdesk.core.domain import Consultation
    from otdesk.storage.vault import open_vault

    vault = open_vault(sys.argv[1], passphrase=sys.argv[2], backend=fail.Keyring())
    repo = vault.repository
    c = repo.create(Consultation(question="muokattava"))
    print("edit", c.id, 0, flush=True)
    n = 0
    while True:
        n += 1
        # a new consultation, and an edit of the first one, each committed on its own
        new = repo.create(Consultation(question=f"rivi {n} " + "tekstiä " * (n % 300)))
        print("new", new.id, n, flush=True)
        c.situation.background = f"versio {n} " + "x" * (n % 5000)
        repo.update(c)
        print("edit", c.id, n, flush=True)
""")


def test_kill_9_mid_write_loses_no_committed_edit(data_dir, no_keyring, tmp_path):
    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE],
                                stdout=subprocess.PIPE, text=True)
        committed_new, last_edit, edited = set(), None, None
        deadline = time.monotonic() + 60
        while len(committed_new) < 40 + round_ * 17 and time.monotonic() < deadline:
            kind, cid, n = proc.stdout.readline().split()
            if kind == "new":
                committed_new.add(int(cid))
            else:
                edited, last_edit = int(cid), int(n)
        os.kill(proc.pid, signal.SIGKILL)
        # what it printed after the count was reached was committed too
        for line in proc.stdout:
            kind, cid, n = line.split()
            if kind == "new":
                committed_new.add(int(cid))
            else:
                last_edit = int(n)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL

        with open_vault(data_dir, passphrase=PASSPHRASE) as v:
            assert v.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert v.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
            ids = {r.id for r in v.repository.list()}
            assert committed_new <= ids
            background = v.repository.get(edited).situation.background
            assert int(background.split()[1]) >= last_edit
            assert v.repository.verify_audit().ok
