"""The frozen bundle (PyInstaller, packaging/otdesk.spec) works on its own.

Builds the one-folder bundle with the same script as ``make dist``
(``packaging/build-linux --bundle-only``, about a minute on two cores) into a
temporary folder, then runs it in a clean environment (``env -i``: no venv,
no PYTHONPATH, an empty HOME) the way IT and a consultant would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from otdesk.storage import keyring_store, keyslots
from conftest import require

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "a long enough test passphrase"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle build"),
]


def _version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build dist/bundle/otdesk in a temporary dist folder; the path of its executable."""
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, OTDESK_DIST=str(dist), PYTHON=sys.executable)
    result = subprocess.run([str(ROOT / "packaging" / "build-linux"), "--bundle-only"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    exe = dist / "bundle" / "otdesk" / "otdesk"
    assert exe.is_file()
    return exe


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i PATH=/usr/bin:/bin HOME=...` leaves, plus the session bus (keyring)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update(extra)
    return env


def run(exe: Path, args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), "--lang", "en", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, cwd=env["HOME"])


def test_bundle_carries_only_the_qt_it_needs(bundle):
    internal = bundle.parent / "_internal"
    pyside = internal / "PySide6"
    modules = {p.name.split(".")[0] for p in pyside.glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport"}
    libs = " ".join(p.name for p in (pyside / "Qt" / "lib").iterdir())
    for unused in ("Qml", "Quick", "WebEngine", "Multimedia", "3D"):
        assert f"libQt6{unused}" not in libs
    platforms = {p.name for p in (pyside / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert (pyside / "Qt" / "plugins" / "printsupport").is_dir()
    for data in ("otdesk/templates/structure.toml", "otdesk/storage/migrations/0001_init.sql",
                 "otdesk/translations/otdesk_fi.qm", "otdesk/fonts/DejaVuSans.ttf",
                 "otdesk/fonts/LICENSE-DejaVu.txt"):
        assert (internal / data).is_file(), data
    assert not (internal / "keyrings").exists(), "keyrings.alt (insecure, test-only) is bundled"
    # no symlink points nowhere, no library search path into the build machine
    dangling = [str(p) for p in bundle.parent.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_bundle_in_a_clean_environment(bundle, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    env = clean_env(home, OTDESK_POLICY_FILE=str(tmp_path / "no-policy.toml"))
    d = ["--data-dir", str(data), "--passphrase-stdin"]
    line = PASSPHRASE + "\n"

    version = run(bundle, ["--version"], env)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"OT Desk {_version()}"

    init = run(bundle, [*d, "init"], env, stdin=line)
    assert init.returncode == 0, init.stderr
    assert re.search(r"([0-9A-Z]{5}-){7}[0-9A-Z]{5}", init.stdout), init.stdout

    demo = run(bundle, [*d, "demo", "--count", "20", "--seed", "7"], env, stdin=line)
    assert demo.returncode == 0, demo.stderr

    listed = run(bundle, [*d, "list", "--json"], env, stdin=line)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 20 and all(r["reference"] for r in rows)

    pdf = tmp_path / "summary.pdf"
    held = next(r for r in rows if r["status"] in ("held", "summary_delivered", "closed"))
    summary = run(bundle, [*d, "summary", held["reference"], "--out", str(pdf)], env, stdin=line)
    assert summary.returncode == 0, summary.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    draft = tmp_path / "draft.pdf"  # henkilötunnus check (python-stdnum) and fonts travel too
    summary = run(bundle, [*d, "summary", str(rows[0]["id"]), "--draft", "--out", str(draft)],
                  env, stdin=line)
    assert summary.returncode == 0 and draft.read_bytes().startswith(b"%PDF-"), summary.stderr

    doctor = run(bundle, [*d, "doctor"], env, stdin=line)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "VIKA" not in doctor.stdout
    assert re.search(r"keyring\.backends\.\S+", doctor.stdout), doctor.stdout  # backend named
    assert "SQLCipher 4." in doctor.stdout
    assert "20" in doctor.stdout

    # the desktop app starts (Qt platform plugin, QtPdf, translations load) and keeps running
    gui = subprocess.Popen([str(bundle), *d], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, cwd=home,
                           env=dict(env, QT_QPA_PLATFORM="offscreen"))
    gui.stdin.write(line)
    gui.stdin.close()
    try:
        gui.wait(timeout=6)
    except subprocess.TimeoutExpired:
        gui.terminate()
        gui.wait(timeout=10)
    else:
        pytest.fail(f"the app exited at once ({gui.returncode}): {gui.stderr.read()}")


@pytest.mark.keyring
def test_bundle_finds_the_os_keyring(bundle, tmp_path):
    """The frozen app finds keyring's backends (entry points) and stores the key there."""
    backend = keyring_store.secure_keyring()
    require(backend is not None and "SecretService" in keyring_store.keyring_name(backend),
            f"no Secret Service keyring here ({keyring_store.keyring_name()}); "
            "run under scripts/with-keyring")
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    env = clean_env(home, OTDESK_POLICY_FILE=str(tmp_path / "no-policy.toml"))
    try:
        init = run(bundle, ["--data-dir", str(data), "init"], env)
        assert init.returncode == 0, init.stderr
        demo = run(bundle, ["--data-dir", str(data), "demo", "--count", "20"], env)
        assert demo.returncode == 0, demo.stderr
        listed = run(bundle, ["--data-dir", str(data), "list", "--json"], env)
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 20, listed.stderr
        doctor = run(bundle, ["--data-dir", str(data), "doctor"], env)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert "keyring.backends.SecretService.Keyring (secure)" in doctor.stdout, doctor.stdout
    finally:
        slots = data / "keyslots.json"
        if slots.exists():
            keyring_store.keyring_delete(backend, keyslots.KeySlots.load(slots).vault_id)
