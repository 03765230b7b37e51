"""OT Desk benchmarks of the desktop app: start-up, memory, the UI thread, autosave.

Called by :func:`benchmarks.run.main` after the storage measures (``--ui-only`` runs
these and the list's own, :func:`benchmarks.run.bench_listing`), on the run's 1,000,
10,000 and 100,000 vaults.  Everything runs with ``QT_QPA_PLATFORM=offscreen``, so no
display is needed; the offscreen platform still lays out and paints every widget into
memory.

Start-up, in fresh processes (spawned one after the other, A B A B …, after one
warm-up each that fills the disk cache), timed from spawn to the moment the window
is *usable*: the list's answer has arrived (``model.rowCount() > 0`` and
``model.line(0)`` read), ``window.repaint()`` has painted that first screen, and a
key sent to the search box changed its text.  The bare floor is a PySide6
``QMainWindow`` (with a ``QLineEdit`` to type into) started and checked the same way.

* ``startup.ratio_10k``  the app with 10,000 consultations ÷ the bare window, medians
                      (budget ≤ 1.8).  The app runs :func:`otdesk.ui.app.run_app` itself;
                      the vault opens through the OS keyring when a secure one works
                      here (``scripts/with-keyring make bench``), else with the raw key
                      (sent on the child's stdin, never in a file or the environment),
                      as the measure's details say.
* ``startup.growth``  the same usable-window time at 100,000 ÷ at 1,000 (budget ≤ 1.15).
* ``memory.peak_100k``  the app's peak RSS (``VmHWM``, read in the child at the usable
                      moment) at 100,000 ÷ the bare window's (budget ≤ 1.6).
* ``startup.passphrase_scrypt``  scrypt alone (``KeySlots.unlock_passphrase``): what the
                      passphrase route adds to a start; no budget.
* ``startup.app_*``, ``startup.bare``  the absolute times, with the child's milestones.

In process, one main window on the 100,000 vault, driven with QTest key events on the
real widgets while a 5 ms ``QTimer`` heartbeat runs on the UI thread:

* ``ui.block_100k.<action>``  the longest heartbeat gap during each action (budget
                      ≤ 16 ms, one frame): ``search`` (type a word into the search box,
                      until its answer is shown), ``open`` (select a row, Return, until
                      the editor shows it), ``typing`` (keys into the background field,
                      until autosave stored them), ``summary`` (Ctrl+9, until the
                      preview shows), ``back`` (Esc, until the filtered list's new answer
                      is shown); each action is followed by 100 ms of settling (the
                      paint) inside its span.  The floor: the longest gap of the idle
                      heartbeat in the same window.
* ``list.sort_click_100k``  header click → the model reset with the new order, per
                      column and direction (no budget).

And, in a window on the 10,000 vault:

* ``autosave.ui_block``  how long an autosave holds the UI thread while typing ~300
                      keys at the end of a 100,000-character background:
                      ``writer.submit()`` (the snapshot's deep copy, on the UI thread)
                      and the ``saved`` signal's handler, apart from the key handling.
* ``editor.keystroke_100k``  one key typed into that 100,000-character field: Qt's
                      text widget plus the editor's ``edit()``; with a bare
                      ``QPlainTextEdit`` holding the same text for comparison.

``python -m benchmarks.ui --profile DATA_DIR KEY_FILE OUT.prof`` starts the app once
as the start-up children do, with cProfile on the UI thread up to the usable moment.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import PASSPHRASE, Measure, log, ms, percentile  # noqa: E402
from otdesk import demo  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
READY = "OTDESK-BENCH-READY"
#: a start-up child still running after this long is killed (and the run fails)
STARTUP_TIMEOUT_S = 90

#: issue 9's budgets
STARTUP_RATIO_BUDGET = 1.8
GROWTH_BUDGET = 1.15
MEMORY_BUDGET = 1.6
#: the longest the UI thread may be held: one frame at 60 Hz
FRAME_MS = 16
#: the UI thread's heartbeat
HEARTBEAT_MS = 1
#: after an action is done, its span goes on this long (the paint that follows)
SETTLE_MS = 100

#: the field typed into by the autosave measure, and its length
LONG_FIELD = "situation.background"
LONG_TEXT = 100_000
#: typing rhythm: a key every KEY_GAP_MS, a pause of PAUSE_MS every BURST keys (the
#: pause lets the 300 ms save timer fire; in a burst the 0.8 s limit saves)
KEY_GAP_MS, BURST, PAUSE_MS = 40, 40, 500

#: the in-process actions: words typed into the search box (one per round, ASCII so
#: QTest types them), a key every SEARCH_KEY_MS (longer than the list's 120 ms
#: debounce, so every prefix is asked too); keys typed into the editor per round
SEARCH_WORDS = ("lasten", "koulu", "huolto", "trauma", "kuopio")
SEARCH_KEY_MS = 150
TYPING_KEYS, TYPING_GAP_MS = 30, 40
ACTIONS = {
    "search": "typing a word into the list's search box until its answer is shown",
    "open": "opening the selected consultation with Return until the editor shows it",
    "typing": f"typing {TYPING_KEYS} keys into the background field until autosave "
              "stored them",
    "summary": "Ctrl+9 to the Summary page until its preview shows",
    "back": "Esc back to the filtered list until its new answer is shown",
}


# --- start-up: fresh processes ----------------------------------------------------------

#: shared by both children: ``usable(window, box)`` paints the window, types a key into
#: ``box`` (it must take it), prints the marker, the child's own timings and memory,
#: and closes the window, which ends the app
_CHILD_COMMON = f"""
import json, os, sys, time
T0 = time.perf_counter()
marks, facts = {{}}, {{}}
PROFILE = os.environ.get("OTDESK_BENCH_PROFILE")
if PROFILE:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

def status_kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0

rss = {{}}

def mark(name):
    marks[name] = time.perf_counter()
    rss[name] = status_kib("VmRSS")

def usable(window, box):
    window.repaint()
    mark("painted")
    before = box.text()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(box, QKeyEvent(kind, Qt.Key.Key_A,
                                              Qt.KeyboardModifier.NoModifier, "a"))
    if not (box.isVisible() and box.isEnabled()) or box.text() != before + "a":
        print("the search box did not take the key", file=sys.stderr, flush=True)
        os._exit(3)
    mark("ready")
    if PROFILE:
        profiler.disable()
        profiler.dump_stats(PROFILE)
    print("{READY}", flush=True)
    print(json.dumps({{"marks": {{k: round((v - T0) * 1000, 1) for k, v in marks.items()}},
                      "facts": facts, "rss_kib": rss, "vmhwm_kib": status_kib("VmHWM"),
                      "vmrss_kib": status_kib("VmRSS")}}), flush=True)
    settled = getattr(window, "settled", None)
    if SETTLE and settled is not None:
        wait_until_settled(window, settled, time.perf_counter())
    else:
        window.close()

SETTLE = os.environ.get("OTDESK_BENCH_SETTLE")

def wait_until_settled(window, settled, since):
    # once idle time after the first paint is done (the editor built, every id of the
    # list read), or 20 s passed: the memory then, on one more line
    if not settled() and time.perf_counter() - since < 20:
        QTimer.singleShot(50, lambda: wait_until_settled(window, settled, since))
        return
    print(json.dumps({{"settled": bool(settled()),
                      "settled_ms": round((time.perf_counter() - since) * 1000),
                      "vmhwm_kib": status_kib("VmHWM"),
                      "vmrss_kib": status_kib("VmRSS")}}), flush=True)
    window.close()
"""

#: a bare PySide6 window, started and checked as the app is
BARE_CHILD = _CHILD_COMMON + """
from PySide6.QtWidgets import QLineEdit, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("OT Desk")
window.resize(1280, 820)
box = QLineEdit()
window.setCentralWidget(box)
window.show()
QTimer.singleShot(0, lambda: usable(window, box))
sys.exit(app.exec())
"""

#: the app through otdesk.ui.app.run_app; the unlock thread reads one line on stdin:
#: "keyring" (the real open_existing, which opens through the OS keyring) or the raw
#: key in hex.  Once the vault is in the main window, and on every change of its
#: list's model, it looks whether the first screen is there.
APP_CHILD = _CHILD_COMMON + """
from pathlib import Path
import otdesk.ui.app
import otdesk.ui.unlock
from otdesk.storage.vault import open_vault
from otdesk.ui.main_window import MainWindow

def watch(window):
    mark("window_shown")
    model, done = window.list.model, []

    def settled():
        editor, threads = window._editor, (window._warmup, window._render_warmup)
        return (editor is not None and editor.built() and len(model._ids) >= model._total
                and all(t is not None and not t.is_alive() for t in threads))

    window.settled = settled

    def check(*_):
        if done or not (model.rowCount() > 0 and model.line(0) is not None):
            return
        done.append(True)
        mark("listing")
        facts["rows"] = model.rowCount()
        facts["editor_built_first"] = window._editor is not None
        QTimer.singleShot(0, lambda: usable(window, window.list.search))

    model.modelReset.connect(check)
    model.dataChanged.connect(check)
    check()

real_open_existing = otdesk.ui.unlock.open_existing

def open_existing(data_dir, passphrase=None):  # on the unlock thread
    mark("unlock")
    route = sys.stdin.readline().strip()
    if route == "keyring":
        vault = real_open_existing(data_dir, passphrase=None)
    else:
        vault = open_vault(data_dir, data_key=bytes.fromhex(route))
    facts["route"] = "keyring" if route == "keyring" else "raw key"
    mark("vault_open")
    return vault

real_attach = MainWindow.attach

def attach(window, vault):
    real_attach(window, vault)
    watch(window)

otdesk.ui.unlock.open_existing = open_existing
MainWindow.attach = attach
mark("imports")
sys.exit(otdesk.ui.app.run_app(Path(sys.argv[1]), lang="fi"))
"""

#: the app child's milestones, in order, and what each step covers
APP_STEPS = (("imports", "imports_ms"), ("unlock", "qapplication_and_frame_ms"),
             ("vault_open", "open_vault_ms"), ("window_shown", "vault_into_window_ms"),
             ("listing", "list_answer_ms"), ("painted", "repaint_ms"),
             ("ready", "key_ms"))


#: the children's byte-code cache (PYTHONPYCACHEPREFIX): a folder of this run, filled by
#: the warm-up children, so every timed start reads compiled modules as an installed app
#: does (and none is compiled again because someone edits the source meanwhile)
PYCACHE: Path | None = None


def _child_env(extra: dict | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("OTDESK_DATA_DIR", None)
    env.pop("OTDESK_BENCH_PROFILE", None)
    env.update(extra or {})
    return env


def _start_once(code: str, args: list[str], stdin_text: str = "",
                env: dict | None = None) -> tuple[float, dict]:
    """Seconds from spawn to the child's marker line, and what the child reported."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT,
                             env=_child_env(env), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(STARTUP_TIMEOUT_S, child.kill)  # a hung child ends the run
    watchdog.start()
    try:
        child.stdin.write(stdin_text)
        child.stdin.close()
        elapsed, report = None, {}
        for line in child.stdout:
            if line.strip() == READY:
                elapsed = time.perf_counter() - start
                report = json.loads(child.stdout.readline())
                break
        for line in child.stdout:  # OTDESK_BENCH_SETTLE: the memory once idle time is done
            if line.startswith("{"):
                report["settled"] = json.loads(line)
        err = child.stderr.read()
        child.wait()
    finally:
        watchdog.cancel()
    if child.returncode != 0 or elapsed is None:
        raise RuntimeError(f"start-up child failed ({child.returncode}):\n{err[-2000:]}")
    return elapsed, report


@contextlib.contextmanager
def _bytecode_cache():
    """PYCACHE set to a new folder meanwhile (removed afterwards)."""
    import tempfile

    global PYCACHE
    with tempfile.TemporaryDirectory(prefix="otdesk-bench-pycache-") as folder:
        PYCACHE = Path(folder)
        try:
            yield PYCACHE
        finally:
            PYCACHE = None


def secure_keyring():
    """The OS keyring backend when a secure one works here (priority ≥ 1), else None."""
    try:
        from otdesk.storage import keyring_store

        backend = keyring_store.secure_keyring()
        if backend is None or float(backend.priority) < 1:
            return None
        return backend
    except Exception:  # no keyring package, no D-Bus, …
        return None


@contextlib.contextmanager
def keyring_route(vaults: list[tuple[Path, bytes]]):
    """Yields the route the start-up children take: ("keyring", name) with each vault's
    data key stored in the OS keyring meanwhile (removed afterwards), or (None, why)."""
    from otdesk.storage import keyring_store
    from otdesk.storage.vault import VaultPaths, read_slots

    backend = secure_keyring()
    if backend is None:
        yield None, "raw key (no keyring here)"
        return
    ids = []
    try:
        for data_dir, key in vaults:
            vault_id = read_slots(VaultPaths(data_dir)).vault_id
            keyring_store.keyring_store(backend, vault_id, key)
            ids.append(vault_id)
        yield backend, f"OS keyring ({keyring_store.keyring_name(backend)})"
    finally:
        for vault_id in ids:
            keyring_store.keyring_delete(backend, vault_id)


def _alternate(kinds: list[tuple[str, str, list[str], str]],
               runs: int) -> dict[str, list[tuple[float, dict]]]:
    """Each kind ``(name, code, args, stdin)`` ``runs`` times, one after the other in
    turn (A B A B …), after one warm-up round."""
    results: dict[str, list[tuple[float, dict]]] = {name: [] for name, *_ in kinds}
    for n in range(runs + 1):
        for name, code, args, stdin in kinds:
            result = _start_once(code, args, stdin)
            if n:  # round 0 warms up
                results[name].append(result)
    return results


def _app_steps(runs: list[tuple[float, dict]]) -> dict:
    """Median milestones of app children, as steps (ms); python_start is spawn → T0."""
    med = {k: statistics.median(r["marks"][k] for _, r in runs) for k, _ in APP_STEPS}
    total = ms(statistics.median(t for t, _ in runs))
    steps, last = {"python_start_ms": round(total - med["ready"], 1)}, 0.0
    for k, label in APP_STEPS:
        steps[label] = round(med[k] - last, 1)
        last = med[k]
    return steps


def _times(runs: list[tuple[float, dict]]) -> list[float]:
    return [t for t, _ in runs]


def _peak_mib(runs: list[tuple[float, dict]]) -> float:
    return statistics.median(r["vmhwm_kib"] for _, r in runs) / 1024


def _absolute(name: str, description: str, runs, extra: dict | None = None) -> Measure:
    times = _times(runs)
    return Measure(name, description,
                   {"median": ms(statistics.median(times)), "min": ms(min(times)),
                    "max": ms(max(times))}, "ms",
                   details={"runs_ms": [ms(x) for x in times],
                            "peak_rss_mib": round(_peak_mib(runs), 1), **(extra or {})})


def bench_startup(vaults: dict[int, tuple[Path, bytes]], quick: bool = False) -> list[Measure]:
    """``vaults``: {count: (data_dir, key)} with 10,000 (always), 1,000 and 100,000
    (unless ``quick``).  Not open elsewhere meanwhile."""
    runs = 5 if quick else 9  # a start on this machine varies by ±50 ms: medians of many
    big = not quick and 100_000 in vaults and 1_000 in vaults
    with keyring_route(list(vaults.values())) as (backend, route), _bytecode_cache():
        def stdin(count: int) -> str:
            return "keyring\n" if backend is not None else vaults[count][1].hex() + "\n"

        def app(count: int):
            # at 100,000 the child stays on until idle time is done, for the memory then
            code = ("import os; os.environ['OTDESK_BENCH_SETTLE'] = '1'\n" + APP_CHILD
                    if count == 100_000 else APP_CHILD)
            return (f"app_{count // 1000}k", code, [str(vaults[count][0])], stdin(count))

        log(f"app start-up at 10,000 vs a bare window, {runs} each ({route}) …")
        first = _alternate([("bare", BARE_CHILD, [], ""), app(10_000)], runs)
        second = {}
        if big:
            log(f"app start-up at 1,000 vs 100,000, {runs} each ({route}) …")
            second = _alternate([app(1_000), app(100_000)], runs)
    bare, app10 = first["bare"], first["app_10k"]
    bare_med, app_med = statistics.median(_times(bare)), statistics.median(_times(app10))
    bare_ready = statistics.median(r["marks"]["ready"] for _, r in bare)
    usable = ("spawn to a usable window (first screen of rows painted, a key taken by the "
              "search box)")
    measures = [
        Measure("startup.ratio_10k",
                f"app {usable} with 10,000 consultations ÷ a bare PySide6 QMainWindow "
                f"started the same way; medians of {runs} fresh processes each, A B A B",
                {"ratio": round(app_med / bare_med, 2)}, "×",
                {"stat": "ratio", "op": "<=", "limit": STARTUP_RATIO_BUDGET},
                details={"floor": f"bare {bare_med * 1000:.0f} ms",
                         "note": f"app {app_med * 1000:.0f} ms vs bare {bare_med * 1000:.0f} ms; "
                                 f"vault opened by {route}",
                         "route": route}).judge(),
        _absolute("startup.app_10k", f"otdesk.ui.app.run_app, {usable}, 10,000 ({route})", app10,
                  {"median_steps": _app_steps(app10), "route": route,
                   "editor_built_before_usable": sum(r["facts"]["editor_built_first"]
                                                     for _, r in app10)}),
        _absolute("startup.bare", "python -c: QApplication + QMainWindow (+ QLineEdit) "
                  "shown, painted, a key taken", bare,
                  {"median_steps": {"python_start_ms": round(ms(bare_med) - bare_ready, 1),
                                    "qt_import_window_ms": bare_ready}}),
    ]
    if not big:
        measures += [_skipped("startup.growth", "usable-window time at 100,000 ÷ at 1,000",
                              GROWTH_BUDGET, "×"),
                     _skipped("memory.peak_100k", "peak RSS at 100,000 ÷ the bare window",
                              MEMORY_BUDGET, "×")]
        return measures
    one, hundred = second["app_1k"], second["app_100k"]
    one_med, hundred_med = statistics.median(_times(one)), statistics.median(_times(hundred))
    peak_app, peak_bare = _peak_mib(hundred), _peak_mib(bare)
    measures += [
        Measure("startup.growth",
                f"app {usable} with 100,000 consultations ÷ with 1,000; medians of {runs} "
                "fresh processes each, A B A B",
                {"ratio": round(hundred_med / one_med, 2)}, "×",
                {"stat": "ratio", "op": "<=", "limit": GROWTH_BUDGET},
                details={"floor": f"1k {one_med * 1000:.0f} ms",
                         "note": f"100k {hundred_med * 1000:.0f} ms vs 1k {one_med * 1000:.0f} ms "
                                 f"({route})"}).judge(),
        _absolute("startup.app_1k", f"otdesk.ui.app.run_app, {usable}, 1,000", one,
                  {"median_steps": _app_steps(one)}),
        _absolute("startup.app_100k", f"otdesk.ui.app.run_app, {usable}, 100,000", hundred,
                  {"median_steps": _app_steps(hundred)}),
        Measure("memory.peak_100k",
                "peak RSS (VmHWM, read in the child at the usable moment) of the app with "
                "100,000 consultations ÷ the bare window's, medians",
                {"ratio": round(peak_app / peak_bare, 2)}, "×",
                {"stat": "ratio", "op": "<=", "limit": MEMORY_BUDGET},
                details={"floor": f"bare {peak_bare:.1f} MiB",
                         "note": f"app {peak_app:.1f} MiB vs bare {peak_bare:.1f} MiB (1k: "
                                 f"{_peak_mib(one):.1f}, 10k: {_peak_mib(app10):.1f} MiB; "
                                 f"RSS at that moment {_rss_mib(hundred):.1f} MiB)",
                         "app_mib": round(peak_app, 1), "bare_mib": round(peak_bare, 1),
                         "rss_growth_by_step_100k": _rss_steps(hundred),
                         "rss_growth_by_step_bare": _rss_steps(bare),
                         "app_1k_mib": round(_peak_mib(one), 1),
                         "app_10k_mib": round(_peak_mib(app10), 1)}).judge(),
        _settled_memory(hundred, peak_bare),
    ]
    return measures


def _settled_memory(runs, bare_mib: float) -> Measure:
    """The same children's memory once idle time after the first paint is done (the
    editor built, every id of the list read): what the app holds from then on."""
    settled = [r["settled"] for _, r in runs if r.get("settled", {}).get("settled")]
    if not settled:
        return Measure("memory.settled_100k", "memory once idle time is done", {}, "×",
                       details={"note": "idle time did not finish within 20 s"})
    peak = statistics.median(s["vmhwm_kib"] for s in settled) / 1024
    now = statistics.median(s["vmrss_kib"] for s in settled) / 1024
    return Measure("memory.settled_100k",
                   "peak RSS (VmHWM) of the app with 100,000 consultations once the editor "
                   "is built in idle time and every id of the list is read, ÷ the bare "
                   "window's peak (no budget: the budget is at the first screen)",
                   {"ratio": round(peak / bare_mib, 2)}, "×",
                   details={"floor": f"bare {bare_mib:.1f} MiB",
                            "note": f"peak {peak:.1f} MiB, RSS {now:.1f} MiB, "
                                    f"{statistics.median(s['settled_ms'] for s in settled):.0f}"
                                    " ms after the usable moment"})


def _rss_mib(runs) -> float:
    return statistics.median(r["vmrss_kib"] for _, r in runs) / 1024


def _rss_steps(runs) -> dict:
    """Median RSS growth (MiB) over each of the child's steps."""
    order = [k for k, _ in APP_STEPS if all(k in r["rss_kib"] for _, r in runs)]
    steps, last = {}, 0.0
    for k in order:
        now = statistics.median(r["rss_kib"][k] for _, r in runs) / 1024
        steps[f"to_{k}_mib"] = round(now - last, 1)
        last = now
    return steps


def _skipped(name: str, description: str, limit: float, unit: str) -> Measure:
    return Measure(name, description, {}, unit,
                   details={"skipped": "--quick: no 100,000 vault",
                            "budget_text": f"≤ {limit:g} {unit}"})


def bench_scrypt(data_dir: Path, rounds: int = 5) -> Measure:
    """The passphrase route's extra: scrypt of the vault's passphrase slot, alone."""
    from otdesk.storage.vault import VaultPaths, read_slots

    slots = read_slots(VaultPaths(data_dir))
    n = slots.slots["passphrase"]["n"]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        slots.unlock_passphrase(PASSPHRASE)
        times.append(time.perf_counter() - start)
    return Measure("startup.passphrase_scrypt",
                   f"KeySlots.unlock_passphrase alone (scrypt n=2^{n.bit_length() - 1}, r=8, "
                   f"p=1, calibrated at set-up): what the passphrase route adds to a start, "
                   f"{rounds} runs", {"median": ms(statistics.median(times)),
                                      "max": ms(max(times))}, "ms",
                   details={"runs_ms": [ms(x) for x in times]})


def profile_startup(data_dir: Path, key: bytes, out: Path) -> float:
    """One app start with cProfile on the UI thread up to the usable moment."""
    with _bytecode_cache():
        _start_once(APP_CHILD, [str(data_dir)], key.hex() + "\n")  # fills the cache
        took, _ = _start_once(APP_CHILD, [str(data_dir)], key.hex() + "\n",
                              env={"OTDESK_BENCH_PROFILE": str(out)})
    return took


# --- in process: the event loop ------------------------------------------------------------


def _application():
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(kind, context, text: str) -> None:  # the offscreen plugin's one complaint
        if "propagateSizeHints" not in text:
            print(text, file=sys.stderr)

    qInstallMessageHandler(quiet)
    from otdesk.ui.app import share_the_interpreter

    share_the_interpreter()  # as the app does (otdesk.ui.app.run_app)
    return QApplication.instance() or QApplication(sys.argv[:1])


def _spin(msec: int) -> None:
    """Run the event loop for ``msec`` as app.exec() would (QTest.qWait sleeps in
    10 ms steps between rounds, which would look like a blocked UI)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(msec, loop.quit)
    loop.exec()


def _wait_until(done: Callable[[], bool], what: str, timeout_ms: int = 30_000) -> None:
    """Run the event loop until ``done()`` (looked at every millisecond)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    poll = QTimer(interval=1)
    poll.timeout.connect(lambda: done() and loop.quit())
    guard = QTimer(singleShot=True, interval=timeout_ms)
    guard.timeout.connect(loop.quit)
    poll.start()
    guard.start()
    loop.exec()
    poll.stop()
    guard.stop()
    if not done():
        raise RuntimeError(f"{what}: not done in {timeout_ms} ms")


class Heartbeat:
    """A precise 5 ms timer on the UI thread; each tick's wall time and the UI thread's
    CPU time (a long gap with little CPU: the thread waited — for the interpreter
    lock, say — rather than worked)."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[tuple[float, float]] = []
        self.timer = QTimer(interval=interval_ms, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(
            lambda: self.ticks.append((time.perf_counter(), time.thread_time())))

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def worst(self, start: float, end: float) -> dict:
        """The longest gap between two ticks overlapping [start, end]."""
        gaps = [(b[0] - a[0], b[1] - a[1], a[0]) for a, b in zip(self.ticks, self.ticks[1:])
                if b[0] > start and a[0] < end]
        gap, cpu, at = max(gaps)
        return {"gap": gap, "cpu": cpu, "at": at, "until": at + gap, "ticks": len(gaps)}


class _UiSpans:
    """(start, end, what) of the UI thread's work that can be named: every answer the
    OperationRunner delivers (reader and worker callbacks), every Changes handled, and
    every key or click the bench sends."""

    def __init__(self, window) -> None:
        self.spans: list[tuple[float, float, str]] = []
        runner = window.runner
        self._deliver = runner._deliver  # noqa: SLF001
        runner._arrived.disconnect(self._deliver)  # noqa: SLF001
        runner._arrived.connect(self._delivered)  # noqa: SLF001
        self._changed = window._changed  # noqa: SLF001
        runner.changed.disconnect(self._changed)
        runner.changed.connect(self._changes)

    def _timed(self, what: str, fn, *args) -> None:
        start = time.perf_counter()
        try:
            fn(*args)
        finally:
            self.spans.append((start, time.perf_counter(), what))

    def _delivered(self, callback, value) -> None:
        name = getattr(callback, "__qualname__", type(callback).__name__)
        self._timed(name.replace(".<locals>", ""), self._deliver, callback, value)

    def _changes(self, changes) -> None:
        self._timed("MainWindow._changed", self._changed, changes)

    def key(self, what: str, fn, *args) -> None:
        self._timed(what, fn, *args)

    def within(self, start: float, end: float, least: float = 0.002) -> list[str]:
        """What ran (≥ ``least`` s) overlapping [start, end], longest first."""
        found = sorted(((e - s, what) for s, e, what in self.spans
                        if s < end and e > start and e - s >= least), reverse=True)
        return [f"{what} {took * 1000:.1f} ms" for took, what in found[:4]]


def _act(beat: Heartbeat, do: Callable[[], None], done: Callable[[], bool], what: str) -> dict:
    """Run ``do()`` (key events, maybe with the event loop run between them), wait until
    ``done()``, settle; the longest heartbeat gap over all of it."""
    _spin(4 * HEARTBEAT_MS)  # a steady heartbeat before
    start = time.perf_counter()
    do()
    _wait_until(done, what)
    reached = time.perf_counter()
    _spin(SETTLE_MS)
    worst = beat.worst(start, time.perf_counter())
    return {**worst, "took": reached - start, "start": start}


def _letters(count: int):
    from PySide6.QtCore import Qt

    word = "huoltoriitalastensuojelukoulupoissaolo"
    for i in range(count):
        yield getattr(Qt.Key, f"Key_{word[i % len(word)].upper()}")


def _key(ch: str):
    from PySide6.QtCore import Qt

    return getattr(Qt.Key, f"Key_{ch.upper()}")


def _window(vault):
    """The main window as run_app builds it (Finnish), shown, active, its list read and
    its editor built (as after the first paint), the heap settled as the app does."""
    from PySide6.QtTest import QTest

    from otdesk.ui.app import settle_the_heap
    from otdesk.config.settings import UserSettings
    from otdesk.ui.main_window import MainWindow

    window = MainWindow(vault, lang="fi", settings=UserSettings(language="fi"))
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)  # shortcuts reach the active window only
    settle_the_heap()
    model = window.list.model
    _wait_until(lambda: model.rowCount() > 0 and model.line(0) is not None
                and window.writer.idle() and _settled(window),
                "the window's first list and its idle time", 120_000)
    _spin(300)
    return window


def _close(window) -> None:
    """Until the window is closed: after edits, closing makes a backup first (at 100,000
    it takes tens of seconds; the window waits up to CLOSE_BACKUP_S for it)."""
    from otdesk.ui.main_window import CLOSE_BACKUP_S

    began = time.perf_counter()
    _wait_until(lambda: window._closed, "closing the window",  # noqa: SLF001
                (CLOSE_BACKUP_S + 30) * 1000)
    log(f"closing the window (its backup first): {time.perf_counter() - began:.1f} s")


def _settled(window) -> bool:
    """What idle time does after the first paint is done: the editor built, its modules
    and the summary's renderer imported, every id of the list read."""
    editor, model = window._editor, window.list.model  # noqa: SLF001
    threads = (window._warmup, window._render_warmup)  # noqa: SLF001
    return (editor is not None and editor.built() and len(model._ids) >= model._total  # noqa: SLF001
            and all(t is not None and not t.is_alive() for t in threads))


def _record_listings(lst) -> list:
    """(time, query) of every answer the list shows from now on."""
    shown: list = []
    show = lst.model.show_listing

    def recording(answer):
        show(answer)
        shown.append((time.perf_counter(), answer.query))

    lst.model.show_listing = recording
    return shown


def bench_block(data_dir: Path, key: bytes, rounds: int = 5) -> list[Measure]:
    """The in-process actions (see the module's docstring) on the vault at ``data_dir``
    (100,000 consultations, not open elsewhere; autosave writes to it)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from otdesk.storage.vault import open_vault

    app = _application()
    vault = open_vault(data_dir, data_key=key)
    window = _window(vault)
    ctrl = Qt.KeyboardModifier.ControlModifier
    lst, table, editor = window.list, window.list.table, window.editor
    model = lst.model
    shown = _record_listings(lst)
    saved: list[float] = []
    window.runner.saved.connect(lambda _snapshot: saved.append(time.perf_counter()))
    beat = Heartbeat()
    named = _UiSpans(window)

    def key(widget, k, modifier=Qt.KeyboardModifier.NoModifier, what: str = "key"):
        named.key(f"{what} (QTest.keyClick)", QTest.keyClick, widget, k, modifier)

    results: dict[str, list[dict]] = {name: [] for name in ACTIONS}
    rows: list[int] = []
    clicks: list[dict] = []
    try:
        beat.start()
        _spin(1000)  # the floor: the idle heartbeat
        idle = beat.worst(0, time.perf_counter())
        previous = None
        for r in range(rounds):
            word = SEARCH_WORDS[r % len(SEARCH_WORDS)]

            def listed(since: float, search: str) -> bool:
                return bool(shown) and shown[-1][0] > since and shown[-1][1].search == search \
                    and model.rowCount() > 0 and model.line(0) is not None

            # search: Ctrl+F (the box, its text selected), then the word key by key
            QTest.keyClick(window, Qt.Key.Key_F, ctrl)
            assert lst.search.hasFocus()
            began = time.perf_counter()

            def type_word(word=word):
                for ch in word:
                    key(lst.search, _key(ch), what="search box key")
                    _spin(SEARCH_KEY_MS)

            results["search"].append(_act(beat, type_word,
                                          lambda: listed(began, word), f"search {word!r}"))
            rows.append(model.rowCount())

            # open: the r-th line selected with the keyboard, then Return
            table.setFocus()
            QTest.keyClick(table, Qt.Key.Key_Home, ctrl)
            for _ in range(r):
                QTest.keyClick(table, Qt.Key.Key_Down)
            row = table.currentIndex().row()
            if model.id_at(row) == previous:
                QTest.keyClick(table, Qt.Key.Key_Down)
                row = table.currentIndex().row()
            cid = previous = model.id_at(row)
            results["open"].append(_act(
                beat, lambda: key(table, Qt.Key.Key_Return, what="Return"),
                lambda: window.stack.currentWidget() is editor and editor.c is not None
                and editor.c.id == cid, "open"))

            # typing: Ctrl+3 (the situation), into the background, until stored
            page = editor.phase_ids.index("situation")
            QTest.keyClick(editor, getattr(Qt.Key, f"Key_{page + 1}"), ctrl)
            field = editor._bindings[LONG_FIELD][0].widget  # noqa: SLF001
            field.setFocus()
            field.moveCursor(QTextCursor.MoveOperation.End)
            typed = {}

            def type_keys(field=field):
                for k in _letters(TYPING_KEYS):
                    key(field, k, what="editor key")
                    _spin(TYPING_GAP_MS)
                typed["at"] = time.perf_counter()

            results["typing"].append(_act(
                beat, type_keys, lambda: "at" in typed and bool(saved)
                and saved[-1] > typed["at"] and window.writer.idle(), "typing"))

            # summary: Ctrl+9 until the preview shows this consultation
            summary_page = len(editor.phase_ids) - 1
            assert summary_page < 9, editor.phase_ids
            summary = window.summary

            def previewed(summary=summary, cid=cid) -> bool:
                return summary.showing is not None and summary.showing.consultation_id == cid \
                    and summary.preview.document.pageCount() > 0

            results["summary"].append(_act(
                beat, lambda: key(editor, getattr(Qt.Key, f"Key_{summary_page + 1}"), ctrl,
                                  what="Ctrl+9"), previewed, "summary"))
            assert editor.pages.currentWidget() is summary

            # back: Esc (to the focused widget; it reaches the window) to the filtered list
            began = time.perf_counter()
            results["back"].append(_act(
                beat, lambda: key(QApplication.focusWidget() or editor, Qt.Key.Key_Escape,
                                  what="Esc"),
                lambda: window.stack.currentWidget() is lst and listed(began, word), "back"))

        # header clicks on the whole list: every column, both ways
        QTest.keyClick(window, Qt.Key.Key_F, ctrl)
        began = time.perf_counter()
        QTest.keyClick(lst.search, Qt.Key.Key_Backspace)
        _wait_until(lambda: listed(began, ""), "the whole list again")
        header = table.horizontalHeader()
        for column in range(model.columnCount()):
            for _ in range(2):
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                began = time.perf_counter()
                act = _act(beat, lambda x=x: named.key(
                    "header click (QTest.mouseClick)", QTest.mouseClick, header.viewport(),
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                    QPoint(x, header.height() // 2)),
                    lambda began=began: bool(shown) and shown[-1][0] > began, "sort click")
                sort, descending = shown[-1][1].sort, shown[-1][1].descending
                clicks.append({**act, "took": shown[-1][0] - act["start"], "sort": sort,
                               "descending": descending, "rows": model.rowCount()})
        beat.stop()
    finally:
        beat.stop()
        window.close()
        _close(window)
        window.deleteLater()
        app.processEvents()
        vault.close()

    for runs in [*results.values(), clicks]:
        for x in runs:
            x["in_gap"] = named.within(x["at"], x["until"])
    floor = f"idle heartbeat {idle['gap'] * 1000:.1f} ms"
    measures = []
    for name, description in ACTIONS.items():
        runs = results[name]
        gaps = [x["gap"] for x in runs]
        worst = max(runs, key=lambda x: x["gap"])
        measures.append(Measure(
            f"ui.block_100k.{name}",
            f"longest gap of the UI thread's {HEARTBEAT_MS} ms heartbeat while {description},"
            f" at 100,000; the worst of {len(runs)} rounds",
            {"max": ms(max(gaps)), "median": ms(statistics.median(gaps))}, "ms",
            {"stat": "max", "op": "<=", "limit": FRAME_MS},
            details={"floor": floor,
                     "note": f"done after median "
                             f"{statistics.median(x['took'] for x in runs) * 1000:.0f} ms; worst "
                             f"gap {worst['gap'] * 1000:.1f} ms, of which the UI thread ran "
                             f"{worst['cpu'] * 1000:.1f} ms of CPU; in it: "
                             f"{', '.join(worst['in_gap']) or 'nothing named (paint, layout)'}",
                     "rounds": [{"gap_ms": ms(x["gap"]), "ui_cpu_ms": ms(x["cpu"]),
                                 "took_ms": ms(x["took"]), "heartbeats": x["ticks"],
                                 "in_gap": x["in_gap"]} for x in runs],
                     **({"rows_found": rows} if name == "search" else {})}).judge())
    took = [c["took"] for c in clicks]
    directions = {(c["sort"], c["descending"]) for c in clicks}
    slowest = max(clicks, key=lambda c: c["took"])
    measures.append(Measure(
        "list.sort_click_100k",
        f"header click → the list's model reset in the new order, at 100,000, "
        f"{len(clicks)} clicks ({len(directions)} column × direction)",
        {"p50": ms(percentile(took, 50)), "p95": ms(percentile(took, 95)),
         "max": ms(max(took))}, "ms",
        details={"note": f"slowest {slowest['sort']} "
                         f"{'desc' if slowest['descending'] else 'asc'} {ms(slowest['took']):g} "
                         f"ms; longest heartbeat gap meanwhile "
                         f"{ms(max(c['gap'] for c in clicks)):g} ms",
                 "clicks": [{"sort": c["sort"], "descending": c["descending"],
                             "ms": ms(c["took"]), "gap_ms": ms(c["gap"]),
                             "in_gap": c["in_gap"]} for c in clicks]}))
    return measures


# --- autosave in a window on the 10,000 vault ----------------------------------------------


def long_text(length: int = LONG_TEXT, seed: int = 7) -> str:
    """A pasted case history: demo backgrounds and worries, one per line."""
    parts, size = [], 0
    for c in demo.generate(10_000, seed=seed):
        for text in (c.situation.background, c.situation.worries):
            parts.append(text)
            size += len(text) + 1
        if size >= length:
            break
    return "\n".join(parts)[:length]


class _Timed:
    """Wraps a callable; records the (start, end) of each call."""

    def __init__(self, fn: Callable) -> None:
        self.fn = fn
        self.spans: list[tuple[float, float]] = []

    @property
    def times(self) -> list[float]:
        return [end - start for start, end in self.spans]

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.spans.append((start, time.perf_counter()))


@contextlib.contextmanager
def _writer_stores():
    """(start, end) of every Repository.update() the writer thread runs meanwhile."""
    from otdesk.storage import writer

    spans: list[tuple[float, float]] = []
    update = writer.Repository.update

    def timed(repo, consultation):
        start = time.perf_counter()
        try:
            return update(repo, consultation)
        finally:
            spans.append((start, time.perf_counter()))

    writer.Repository.update = timed
    try:
        yield spans
    finally:
        writer.Repository.update = update


def _long_background(vault) -> int:
    """The newest consultation gets a 100,000-character background (before the window
    takes over writing); its id."""
    repo = vault.repository
    cid = max(r[0] for r in repo.conn.execute("SELECT id FROM consultations"))
    c = repo.get(cid)
    c.situation.background = long_text()
    repo.update(c)
    return cid


def bench_autosave(window, vault, cid: int, keys: int = 300) -> list[Measure]:
    """Type ``keys`` letters at the end of a 100,000-character background, in bursts,
    with a 1 ms timer watching how long the event loop is held at a time.

    Attributed to autosave: ``writer.submit()``, the ``saved`` handler, and every
    other event-loop gap over a frame that overlaps the writer thread storing a
    snapshot (its Python parts hold the GIL)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    repo = vault.repository  # read-only since the window took over writing; reads see WAL
    window.open_consultation(cid)
    editor = window.editor
    _wait_until(lambda: window.stack.currentWidget() is editor and editor.c is not None
                and editor.c.id == cid, "opening the long consultation")
    editor.show_phase("situation")
    field = editor._bindings[LONG_FIELD][0].widget  # noqa: SLF001
    _spin(50)
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    assert len(field.toPlainText()) == LONG_TEXT

    # instrument the UI thread's autosave steps: the snapshot, and the saved handler
    submit = _Timed(window.writer.submit)
    window.writer.submit = submit
    edit = _Timed(editor.edit)
    editor.edit = edit
    on_saved = _Timed(window._saved)  # noqa: SLF001
    window.runner.saved.disconnect(window._saved)  # noqa: SLF001
    window.runner.saved.connect(on_saved)

    ticks: list[float] = []
    watch = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
    watch.timeout.connect(lambda: ticks.append(time.perf_counter()))
    keystrokes, inline_saves = [], 0
    try:
        with _writer_stores() as stores:
            watch.start()
            _spin(20)
            for n, key in enumerate(_letters(keys), 1):
                before = len(submit.times)
                start = time.perf_counter()
                QTest.keyClick(field, key)
                took = time.perf_counter() - start
                if len(submit.times) > before:  # the 0.8 s limit saved inside the keystroke
                    inline_saves += 1
                    took -= sum(submit.times[before:])
                keystrokes.append(took)
                _spin(PAUSE_MS if n % BURST == 0 else KEY_GAP_MS)
            _spin(PAUSE_MS)
            _wait_until(window.writer.idle, "the last autosave")
            _spin(50)
            watch.stop()
    finally:
        watch.stop()
        window.runner.saved.disconnect(on_saved)
        window.runner.saved.connect(window._saved)  # noqa: SLF001
        del window.writer.submit  # the class's methods again
        del editor.edit
    assert len(field.toPlainText()) == LONG_TEXT + keys
    assert repo.get(cid).situation.background == field.toPlainText()

    gaps = [(b - a, a, b) for a, b in zip(ticks, ticks[1:])]
    frame = FRAME_MS / 1000
    steps = submit.spans + on_saved.spans

    def overlaps(spans, a, b) -> bool:
        return any(s < b and e > a for s, e in spans)

    during_store = [g for g, a, b in gaps
                    if g > frame and overlaps(stores, a, b) and not overlaps(steps, a, b)]
    blocks = submit.times + on_saved.times + during_store
    gap_times = [g for g, _, _ in gaps]
    bare = _bare_keystrokes(field.toPlainText(), min(keys, 150))

    def stats(values: list[float]) -> dict:
        if not values:
            return {"n": 0}
        return {"n": len(values), "p50_ms": ms(percentile(values, 50)),
                "p99_ms": ms(percentile(values, 99)), "max_ms": ms(max(values))}

    return [
        Measure("autosave.ui_block",
                f"UI thread held by autosave while typing {keys} keys into a "
                f"{LONG_TEXT:,}-character field: writer.submit(), the saved handler, and "
                f"event-loop gaps over {FRAME_MS} ms while the writer thread stores",
                {"p99": ms(percentile(blocks, 99)), "max": ms(max(blocks))}, "ms",
                {"stat": "max", "op": "<=", "limit": FRAME_MS},
                details={
                    "note": f"submit (deep copy) p99 {ms(percentile(submit.times, 99)):g}, "
                            f"max {ms(max(submit.times)):g} ms ×{len(submit.times)}; "
                            f"saved handler p99 "
                            f"{ms(percentile(on_saved.times, 99)):g}, max "
                            f"{ms(max(on_saved.times)):g} ms ×{len(on_saved.times)}; "
                            f"{len(during_store)} other gaps > {FRAME_MS} ms during a store; "
                            f"longest event-loop gap {ms(max(gap_times)):g} ms",
                    "submit": stats(submit.times), "saved_handler": stats(on_saved.times),
                    "gaps_over_frame_during_store": stats(during_store),
                    "writer_store": stats([e - s for s, e in stores]),
                    "saves_inside_a_keystroke": inline_saves,
                    "event_loop_gaps": {"p99_ms": ms(percentile(gap_times, 99)),
                                        "max_ms": ms(max(gap_times)),
                                        "over_frame": sum(g > frame for g in gap_times)},
                }).judge(),
        Measure("editor.keystroke_100k",
                f"one key typed into the {LONG_TEXT:,}-character background (Qt's text "
                f"widget + the editor's edit(), saving not included), {keys} keys",
                {"p50": ms(percentile(keystrokes, 50)), "p99": ms(percentile(keystrokes, 99)),
                 "max": ms(max(keystrokes))}, "ms",
                details={"floor": f"bare QPlainTextEdit p50 {percentile(bare, 50) * 1000:.2f} ms",
                         "note": f"of which edit(): p99 {ms(percentile(edit.times, 99)):g} ms;"
                                 f" a bare QPlainTextEdit with the same text: p50 "
                                 f"{ms(percentile(bare, 50)):g}, p99 "
                                 f"{ms(percentile(bare, 99)):g} ms",
                         "edit": stats(edit.times), "bare_qplaintextedit": stats(bare)}),
    ]


def _bare_keystrokes(text: str, keys: int) -> list[float]:
    """The same typing into a plain QPlainTextEdit of the same size, no app around it."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    edit.resize(900, 300)
    edit.setPlainText(text)
    edit.show()
    QTest.qWaitForWindowExposed(edit)
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    times = []
    for key in _letters(keys):
        start = time.perf_counter()
        QTest.keyClick(edit, key)
        times.append(time.perf_counter() - start)
        _spin(2)
    edit.close()
    edit.deleteLater()
    return times


def bench_autosave_10k(data_dir: Path, key: bytes) -> list[Measure]:
    from otdesk.storage.vault import open_vault

    app = _application()
    vault = open_vault(data_dir, data_key=key)
    try:
        cid = _long_background(vault)
        window = _window(vault)
        try:
            return bench_autosave(window, vault, cid)
        finally:
            window.close()
            _close(window)
            window.deleteLater()
            app.processEvents()
    finally:
        vault.close()


# --- all of them ------------------------------------------------------------------------


def bench_ui(vaults: dict[int, tuple[Path, bytes]], quick: bool = False) -> list[Measure]:
    """Every desktop-app measure; ``vaults`` = {count: (data_dir, key)}, 10,000 always,
    1,000 and 100,000 unless ``quick``; none open elsewhere."""
    measures = bench_startup(vaults, quick=quick)
    measures.append(bench_scrypt(vaults[10_000][0]))
    if 100_000 in vaults and not quick:
        log("the UI thread during actions at 100,000 …")
        measures += bench_block(*vaults[100_000])
    else:
        measures += [_skipped(f"ui.block_100k.{name}", f"longest heartbeat gap: {what}",
                              FRAME_MS, "ms") for name, what in ACTIONS.items()]
    log("autosave while typing in a 100,000-character field …")
    measures += bench_autosave_10k(*vaults[10_000])
    return measures


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="profile one app start-up")
    parser.add_argument("--profile", nargs=3, metavar=("DATA_DIR", "KEY_HEX_FILE", "OUT"),
                        required=True)
    args = parser.parse_args(argv)
    data_dir, key_file, out = args.profile
    key = bytes.fromhex(Path(key_file).read_text().strip())
    took = profile_startup(Path(data_dir), key, Path(out))
    print(f"usable after {ms(took):g} ms; profile of the UI thread in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
