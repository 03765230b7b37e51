"""Print goes to a real CUPS print system as the stored PDF bytes, unchanged.

A private ``cupsd`` (no system service touched) with one raw queue whose backend
captures what the print system hands to the printer.  The desktop app runs in its
own process pointed at that cupsd (``CUPS_SERVER``); Print is pressed on the real
button, the print dialog answered by choosing the queue; then the captured job, the
vault's recorded delivery and the stored bytes must be one and the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import PASSPHRASE, require
from otdesk.core.domain import Consultation
from otdesk.storage.vault import init_vault, open_vault

BACKEND = """#!/bin/sh
# test backend: describe itself, or copy the job to the path of its device URI
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "Capture to a file"'; exit 0; fi
dest="${DEVICE_URI#capture:}"
if [ -n "$6" ]; then cat "$6" > "$dest.part"; else cat > "$dest.part"; fi
mv "$dest.part" "$dest"
"""


@pytest.fixture
def cups(tmp_path):
    """A private cupsd with the queue OTDeskTest; yields (socket, captured job path)."""
    cupsd, lpadmin = shutil.which("cupsd") or "/usr/sbin/cupsd", shutil.which("lpadmin") \
        or "/usr/sbin/lpadmin"
    require(os.path.exists(cupsd) and os.path.exists(lpadmin) and shutil.which("lp"),
            "CUPS (cups-daemon, cups-client) is not installed")
    require(os.geteuid() == 0, "a private cupsd needs root here")
    root = Path("/tmp") / f"otdesk-cups-{os.getpid()}"  # a short path: the socket's limit
    shutil.rmtree(root, ignore_errors=True)
    for sub in ("etc", "spool", "tmp", "cache", "state", "log", "out", "bin/backend"):
        (root / sub).mkdir(parents=True)
    os.chmod(root, 0o755)
    (root / "bin" / "daemon").symlink_to("/usr/lib/cups/daemon")
    backend = root / "bin" / "backend" / "capture"
    backend.write_text(BACKEND)
    backend.chmod(0o700)
    sock = root / "cups.sock"
    (root / "etc" / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n"
        "</Location>\n")
    (root / "etc" / "cups-files.conf").write_text("".join(
        f"{k} {v}\n" for k, v in (("ServerRoot", root / "etc"), ("RequestRoot", root / "spool"),
                                  ("TempDir", root / "tmp"), ("CacheDir", root / "cache"),
                                  ("StateDir", root / "state"), ("ServerBin", root / "bin"),
                                  ("DataDir", "/usr/share/cups"),
                                  ("ErrorLog", root / "log" / "error_log"),
                                  ("AccessLog", root / "log" / "access_log"),
                                  ("PageLog", root / "log" / "page_log"))))
    daemon = subprocess.Popen([cupsd, "-f", "-c", str(root / "etc" / "cupsd.conf"),
                               "-s", str(root / "etc" / "cups-files.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, CUPS_SERVER=str(sock))
    try:
        for _ in range(100):
            if sock.exists():
                break
            time.sleep(0.05)
        job = root / "out" / "job.pdf"
        added = subprocess.run([lpadmin, "-p", "OTDeskTest", "-E", "-v", f"capture:{job}",
                                "-m", "raw"], env=env, capture_output=True, text=True)
        assert added.returncode == 0, added.stderr
        yield sock, job
    finally:
        daemon.terminate()
        daemon.wait(10)
        shutil.rmtree(root, ignore_errors=True)


APP = """
import sys
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from keyring.backends import fail
from otdesk.config.settings import UserSettings
from otdesk.core.profile import ConsultantProfile
from otdesk.storage.vault import open_vault
from otdesk.ui.main_window import MainWindow

def choose_the_queue(dialog):  # what a person picks in the print dialog
    printer = dialog.printer()
    printer.setPrinterName("OTDeskTest")
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat, printer.outputFormat()
    return QDialog.DialogCode.Accepted

QPrintDialog.exec = choose_the_queue
app = QApplication(sys.argv[:1])
vault = open_vault(sys.argv[1], passphrase=sys.argv[2], backend=fail.Keyring())
window = MainWindow(vault, lang="fi", settings=UserSettings(profile=ConsultantProfile(name="Sanna")))
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window)
page = None
def spin(msec):  # the event loop as app.exec() runs it: QTest.qWait keeps the
    loop = QEventLoop()  # interpreter lock while it sleeps, and the workers starve
    QTimer.singleShot(msec, loop.quit)
    loop.exec()
def wait(cond, seconds, what):
    end = __import__("time").monotonic() + seconds
    while not cond():
        spin(50)
        if __import__("time").monotonic() > end:
            said = page.state.text() if page is not None else "(no summary page yet)"
            sys.exit(f"timed out: {what}; the page says: {said}")
window.open_consultation(int(sys.argv[3]))  # opened on the storage worker
wait(lambda: window.stack.currentWidget() is window.editor and window.editor.c is not None,
     20, "the consultation to open")
QTest.keyClick(window.editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
page = window.summary
def ready():
    return page.print_button.isEnabled() and not page.busy
wait(ready, 20, "the preview")
QTest.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
wait(lambda: bool(vault.deliveries.of(int(sys.argv[3]))) and not page.busy, 30, "the delivery")
window.close()  # as Ctrl+Q: closing waits until the storage worker has stored everything
wait(lambda: window._closed, 30, "the window to close")
vault.close()
"""


def test_print_hands_the_stored_bytes_to_cups(cups, data_dir, no_keyring, tmp_path):
    sock, job = cups
    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as vault:
        c = vault.repository.create(Consultation(question="Miten tukea koulunkäyntiä?"))
        for status in ("accepted", "prepared", "held"):
            vault.repository.change_status(c.id, status)
    env = dict(os.environ, CUPS_SERVER=str(sock), QT_QPA_PLATFORM="offscreen")
    ran = subprocess.run([sys.executable, "-c", textwrap.dedent(APP), str(data_dir),
                          PASSPHRASE, str(c.id)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert ran.returncode == 0, ran.stderr[-2000:]
    for _ in range(200):  # the print system works on its own time
        if job.exists():
            break
        time.sleep(0.05)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as vault:
        (d,) = vault.deliveries.of(c.id)
        assert d.method == "print"
        assert job.read_bytes() == vault.deliveries.pdf(d.id)  # byte for byte, as stored
