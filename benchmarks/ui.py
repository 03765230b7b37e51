"""OT Desk benchmarks of the desktop app: start-up, the list's filter, autosave.

Called by :func:`benchmarks.run.main` after the storage measures (``--ui-only``
runs these alone), on the same 10,000-consultation vault.  Everything runs with
``QT_QPA_PLATFORM=offscreen``, so no display is needed; the offscreen platform
still lays out and paints every widget into memory.

* ``startup.ratio``   the app's cold start to a shown, painted main window with
                      10,000 consultations, against a bare PySide6 ``QMainWindow``
                      started the same way; both in fresh processes, timed from
                      spawn to a line the child prints once the window is shown
                      and the event loop has run (median of several runs each);
                      ``startup.app`` and ``startup.bare`` are the absolute times.
                      The app is started by :func:`otdesk.app.run_app` itself; only
                      the unlock dialog is replaced by ``open_vault(data_key=…)``
                      (the passphrase path adds ~0.35 s of scrypt by design).  The
                      raw key goes to the child on its stdin, never into a file or
                      the environment.
* ``list.filter_keystroke``  one keystroke in the list's search box at 10,000:
                      ``search.setText(prefix)``, ``apply_filter()`` (what the
                      debounce timer calls) and ``processEvents()`` so the view
                      updates, over prefixes as a consultant types them.
* ``autosave.ui_block``  how long an autosave holds the UI thread while typing
                      ~300 keys at the end of a 100,000-character background:
                      ``writer.submit()`` (the snapshot's deep copy, on the UI
                      thread) and the ``saved`` signal's handler (the list's line
                      is refreshed), apart from the key handling itself.
* ``editor.keystroke_100k``  one key typed into that 100,000-character field: Qt's
                      text widget plus the editor's ``edit()``; with a bare
                      ``QPlainTextEdit`` holding the same text for comparison.
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

from benchmarks.run import Measure, log, ms, percentile
from otdesk import demo

ROOT = Path(__file__).resolve().parents[1]
READY = "OTDESK-BENCH-READY"
#: a start-up child still running after this long is killed (and the run fails)
STARTUP_TIMEOUT_S = 60

#: what a consultant types into the list's search box, key by key; a trailing space
#: is a key too (the filter strips it), and so is a second word
TYPING = (
    ("h", "hu", "huo", "huol", "huolt", "huolto"),
    ("l", "la", "las", "last", "laste", "lasten"),
    ("p", "pä", "päi", "päih", "päihd", "päihde"),
    ("k", "ko", "kou", "koul", "koulu", "koulu ", "koulu p", "koulu po", "koulu poi"),
    ("v", "vä", "väk", "väki", "väkiv", "väkiva", "väkival"),
    ("K", "Ku", "Kuo", "Kuop", "Kuopi", "Kuopio"),
    ("ä", "äi", "äit", "äiti", "äiti ", "äiti p", "äiti pä", "äiti päi", "äiti päih"),
)

#: the field typed into by the autosave measure, and its length
LONG_FIELD = "situation.background"
LONG_TEXT = 100_000
#: typing rhythm: a key every KEY_GAP_MS, a pause of PAUSE_MS every BURST keys (the
#: pause lets the 300 ms save timer fire; in a burst the 0.8 s limit saves)
KEY_GAP_MS, BURST, PAUSE_MS = 40, 40, 500
#: the longest an autosave may hold the UI thread: one frame at 60 Hz
FRAME_MS = 16


# --- start-up: fresh processes ----------------------------------------------------------

#: shared by both children: once the event loop runs, paint the window, print the
#: marker (and the child's own timings), close the window, which ends the app
_CHILD_COMMON = f"""
import json, sys, time
T0 = time.perf_counter()
marks = {{}}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def when_shown():
    def ready():
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QMainWindow) and w.isVisible())
        window.repaint()
        marks["ready"] = time.perf_counter()
        print("{READY}", flush=True)
        print(json.dumps({{k: round((v - T0) * 1000, 1) for k, v in marks.items()}}),
              flush=True)
        window.close()
    QTimer.singleShot(0, ready)
"""

#: a bare PySide6 window, started as the app is
BARE_CHILD = _CHILD_COMMON + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("OT Desk")
window.resize(1280, 820)
window.show()
when_shown()
sys.exit(app.exec())
"""

#: the app through otdesk.app.run_app; the unlock step opens with the raw key read
#: from stdin (the zero-delay timer fires once app.exec() runs, after window.show())
APP_CHILD = _CHILD_COMMON + """
from pathlib import Path
import otdesk.app
import otdesk.ui.unlock
from otdesk.storage.vault import open_vault

def obtain_vault(data_dir, passphrase=None, lang="fi", **_):  # escrow_public_pem, …
    marks["unlock"] = time.perf_counter()
    vault = open_vault(data_dir, data_key=bytes.fromhex(sys.stdin.readline().strip()))
    marks["vault_open"] = time.perf_counter()
    when_shown()
    return vault

otdesk.ui.unlock.obtain_vault = obtain_vault
marks["imports"] = time.perf_counter()
sys.exit(otdesk.app.run_app(Path(sys.argv[1]), lang="fi"))
"""


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("OTDESK_DATA_DIR", None)
    return env


def _start_once(code: str, args: list[str], stdin_text: str = "") -> tuple[float, dict]:
    """Seconds from spawn to the child's marker line, and the child's own marks (ms)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=_child_env(),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(STARTUP_TIMEOUT_S, child.kill)  # a hung child ends the run
    watchdog.start()
    try:
        child.stdin.write(stdin_text)
        child.stdin.close()
        elapsed, marks = None, {}
        for line in child.stdout:
            if line.strip() == READY:
                elapsed = time.perf_counter() - start
                marks = json.loads(child.stdout.readline())
                break
        child.stdout.read()
        err = child.stderr.read()
        child.wait()
    finally:
        watchdog.cancel()
    if child.returncode != 0 or elapsed is None:
        raise RuntimeError(f"start-up child failed ({child.returncode}):\n{err[-2000:]}")
    return elapsed, marks


def bench_startup(data_dir: Path, key: bytes, runs: int = 7) -> list[Measure]:
    """Bare window and app alternately (after one warm-up each, which fills the disk
    cache and writes nothing else), so drift on the machine hits both alike."""
    bare, app, app_marks, bare_marks = [], [], [], []
    for n in range(runs + 1):
        b, bm = _start_once(BARE_CHILD, [])
        a, am = _start_once(APP_CHILD, [str(data_dir)], key.hex() + "\n")
        if n:  # run 0 warms up
            bare.append(b)
            app.append(a)
            bare_marks.append(bm)
            app_marks.append(am)
    bare_med, app_med = statistics.median(bare), statistics.median(app)

    def phases(marks: list[dict], order: list[str]) -> dict:
        """Median child-side milestones (ms since the child's first line), as steps."""
        med = {k: statistics.median(m[k] for m in marks) for k in order}
        steps, last = {}, 0.0
        for k in order:
            steps[k] = round(med[k] - last, 1)
            last = med[k]
        return steps

    app_steps = phases(app_marks, ["imports", "unlock", "vault_open", "ready"])
    app_steps = {"python_start_ms": round(ms(app_med) - sum(app_steps.values()), 1),
                 "imports_ms": app_steps["imports"],
                 "ui_imports_qapplication_translators_ms": app_steps["unlock"],
                 "open_vault_ms": app_steps["vault_open"],
                 "main_window_show_paint_ms": app_steps["ready"]}
    bare_ready = statistics.median(m["ready"] for m in bare_marks)
    ratio = round(app_med / bare_med, 2)
    return [
        Measure("startup.ratio",
                f"app start to a painted main window with 10,000 consultations ÷ a bare "
                f"PySide6 window, medians of {runs} fresh processes each",
                {"ratio": ratio}, "×", {"stat": "ratio", "op": "<=", "limit": 1.5},
                details={"note": f"app {ms(app_med):g} ms vs bare {ms(bare_med):g} ms"},
                ).judge(),
        Measure("startup.app", "otdesk.app.run_app (raw key) to a painted window, 10,000",
                {"median": ms(app_med), "min": ms(min(app)), "max": ms(max(app))}, "ms",
                details={"runs_ms": [ms(x) for x in app], "median_steps": app_steps}),
        Measure("startup.bare", "python -c: QApplication + QMainWindow shown and painted",
                {"median": ms(bare_med), "min": ms(min(bare)), "max": ms(max(bare))}, "ms",
                details={"runs_ms": [ms(x) for x in bare],
                         "median_steps": {"python_start_ms": round(ms(bare_med) - bare_ready, 1),
                                          "qt_import_window_ms": bare_ready}}),
    ]


# --- in process: one main window on the vault ----------------------------------------------


def _application():
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(kind, context, text: str) -> None:  # the offscreen plugin's one complaint
        if "propagateSizeHints" not in text:
            print(text, file=sys.stderr)

    qInstallMessageHandler(quiet)
    from otdesk.app import share_the_interpreter

    share_the_interpreter()  # as the app does (otdesk.app.run_app)
    return QApplication.instance() or QApplication(sys.argv[:1])


def _window(vault):
    """The main window as run_app builds it (Finnish), shown and settled."""
    from PySide6.QtTest import QTest

    from otdesk.settings import UserSettings
    from otdesk.ui.main_window import MainWindow

    window = MainWindow(vault, lang="fi", settings=UserSettings(language="fi"))
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(50)
    return window


def bench_filter(window, app, passes: int = 1) -> Measure:
    """Each prefix of :data:`TYPING` as one keystroke; the box is cleared between words
    (the clearing is timed apart: it shows all 10,000 again)."""
    lst = window.list
    lst.search.setFocus()
    times, clears, per_prefix = [], [], {}

    def keystroke(text: str) -> float:
        start = time.perf_counter()
        lst.search.setText(text)
        lst._timer.stop()  # noqa: SLF001 — we call what the debounce timer would call
        lst.apply_filter()
        app.processEvents()
        return time.perf_counter() - start

    for _ in range(passes):
        for word in TYPING:
            for prefix in word:
                took = keystroke(prefix)
                times.append(took)
                per_prefix.setdefault(prefix, {"rows": lst.model.rowCount(), "ms": []})
                per_prefix[prefix]["ms"].append(ms(took))
            clears.append(keystroke(""))
    slowest = max(per_prefix, key=lambda p: max(per_prefix[p]["ms"]))
    return Measure(
        "list.filter_keystroke",
        f"search box setText + apply_filter + processEvents at 10,000, {len(times)} keys",
        {"p50": ms(percentile(times, 50)), "p95": ms(percentile(times, 95)),
         "max": ms(max(times))}, "ms", {"stat": "p95", "op": "<=", "limit": 50},
        details={"note": f"slowest {slowest!r} ({per_prefix[slowest]['rows']} rows shown): "
                         f"{max(per_prefix[slowest]['ms']):g} ms; clearing the box: median "
                         f"{ms(statistics.median(clears)):g} ms",
                 "clear_ms": [ms(x) for x in clears],
                 "prefixes": {p: {"rows": v["rows"], "max_ms": max(v["ms"])}
                              for p, v in per_prefix.items()}},
    ).judge()


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


def _spin(msec: int) -> None:
    """Run the event loop for ``msec`` as app.exec() would (QTest.qWait sleeps in
    10 ms steps between rounds, which would look like a blocked UI)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(msec, loop.quit)
    loop.exec()


def _letters(count: int):
    from PySide6.QtCore import Qt

    word = "huoltoriitalastensuojelukoulupoissaolo"
    for i in range(count):
        yield getattr(Qt.Key, f"Key_{word[i % len(word)].upper()}")


def bench_autosave(window, vault, keys: int = 300) -> list[Measure]:
    """Type ``keys`` letters at the end of a 100,000-character background, in bursts,
    with a 1 ms timer watching how long the event loop is held at a time.

    Attributed to autosave: ``writer.submit()``, the ``saved`` handler, and every
    other event-loop gap over a frame that overlaps the writer thread storing a
    snapshot (its Python parts hold the GIL)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    repo = vault.repository
    cid = max(r[0] for r in repo.conn.execute("SELECT id FROM consultations"))
    c = repo.get(cid)
    c.situation.background = long_text()
    repo.update(c)

    window.open_consultation(cid)
    editor = window.editor
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
    window.signals.saved.disconnect(window._saved)  # noqa: SLF001
    window.signals.saved.connect(on_saved)

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
            window.writer.flush()
            _spin(50)
            watch.stop()
    finally:
        watch.stop()
        window.signals.saved.disconnect(on_saved)
        window.signals.saved.connect(window._saved)  # noqa: SLF001
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
                            f"saved handler (list refresh) p99 "
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
                details={"note": f"of which edit(): p99 {ms(percentile(edit.times, 99)):g} ms;"
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


# --- all of them ------------------------------------------------------------------------


def bench_ui(data_dir: Path, key: bytes, quick: bool = False) -> list[Measure]:
    """Every desktop-app measure on the 10,000 vault at ``data_dir`` (not open elsewhere)."""
    from otdesk.storage.vault import open_vault

    log("app start-up (fresh processes) …")
    measures = bench_startup(data_dir, key, runs=5 if quick else 7)
    app = _application()
    vault = open_vault(data_dir, data_key=key)
    try:
        window = _window(vault)
        try:
            log("list filter per keystroke …")
            measures.append(bench_filter(window, app, passes=1 if quick else 2))
            log("autosave while typing in a 100,000-character field …")
            measures += bench_autosave(window, vault)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        vault.close()
    return measures
