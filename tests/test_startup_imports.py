"""Start-up imports only what the first screen needs (a fresh process, as a person starts
the app): the summary, printing, PDF, keyring and language (Voikko, Snowball) modules
come later, or never."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from keyring.backends import fail

from conftest import PASSPHRASE
from otdesk.demo import insert_demo
from otdesk.storage.vault import init_vault, open_vault

CHILD = textwrap.dedent("""
    import faulthandler, json, sys, threading
    from pathlib import Path
    faulthandler.dump_traceback_later(90, exit=True)  # a hang tells where it hangs
    import otdesk.ui.app
    from otdesk.ui import consultation_list

    listed = consultation_list.ConsultationList._listed
    LATER = ("reportlab", "otdesk.summary", "otdesk.ui.summary_page", "otdesk.ui.editor",
             "PySide6.QtPdf", "PySide6.QtPrintSupport", "keyring", "holidays", "pypdf",
             # the search's language tools load with the first search or save
             "libvoikko", "Stemmer", "otdesk.core.search_terms", "otdesk.storage.search",
             # the spelling check's Enchant (and its dictionaries), after the first paint
             "enchant", "otdesk.core.spelling", "otdesk.ui.spell_check")

    def first_screen(self, answer):
        listed(self, answer)
        if not getattr(first_screen, "done", False):
            first_screen.done = True
            print(json.dumps({"rows": self.model.rowCount(),
                              "loaded": [m for m in LATER if m in sys.modules]}), flush=True)
            self.window().close()

    consultation_list.ConsultationList._listed = first_screen
    code = otdesk.ui.app.run_app(Path(sys.argv[1]), passphrase=sys.argv[2], lang="fi")
    print(json.dumps({"threads": [t.name for t in threading.enumerate()
                                  if t is not threading.main_thread()]}), flush=True)
    sys.exit(code)
""")


def test_the_first_screen_needs_no_summary_printing_or_keyring_module(data_dir, tmp_path):
    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        insert_demo(vault, 50, seed=2, deliveries=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "OTDESK_POLICY_FILE": str(tmp_path / "no-policy.toml"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    (tmp_path / "no-policy.toml").write_text("")
    out = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), PASSPHRASE],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    first, last = (json.loads(line) for line in out.stdout.strip().splitlines()[-2:])
    assert first["rows"] == 50
    assert first["loaded"] == [], first["loaded"]
    # closed on its first screen: no worker started by a paint after the close is left
    # running past the vault (a daemon thread there once hung the process's end in CI)
    assert last["threads"] == [], last["threads"]
