"""OT Desk benchmarks: how fast the storage core and the desktop app are on this machine.

Run from the repository root::

    python -m benchmarks.run            # everything (about 5 minutes on 2 cores)
    python -m benchmarks.run --quick    # skip the 100,000-consultation vault
    python -m benchmarks.run --ui-only  # only the desktop app's measures (benchmarks/ui.py)
    python -m benchmarks.run --delivery-only  # only Save as PDF (benchmarks/delivery.py)
    python benchmarks/run.py            # the same, as a script

Each run builds real SQLCipher vaults in temporary directories (removed
afterwards), fills them with :mod:`otdesk.demo` data and measures:

* ``vault.open``      open_vault() with the raw data key (no scrypt), median of several;
* ``edit.commit``     Repository.update() of one consultation, p50/p99 over ~500 edits;
* ``search.10k``      Repository.list(search=..., limit=200) — the first page of the
                      list — over Finnish prefixes and two-word queries at 10,000
                      consultations (p50/p95);
* ``search.100k``     the same at 100,000 (reported, no budget);
* ``demo.rate``       consultations per second of demo.insert_demo (generate + store;
                      the bench vaults are built *without* deliveries — the fast path —
                      so their would-be delivered consultations are held);

plus, without budgets, ``search.*.ids`` (Repository.search_ids, what the app's
as-you-type filter uses), ``search.*.all_rows`` (every matching row) and
``edit.tidy_index`` (merging the search index when idle).  Then the desktop app's own
measures on the 10,000 vault (:mod:`benchmarks.ui`: ``startup.ratio``,
``list.filter_keystroke``, ``autosave.ui_block``, ``editor.keystroke_100k``), with
``QT_QPA_PLATFORM=offscreen``.  Besides, ``summary.*`` (:mod:`benchmarks.summary`, no
vault) and ``delivery.*`` (:mod:`benchmarks.delivery`: Save as PDF through the storage
worker with Qt's event loop watched, in a vault of its own; ``--delivery-only`` runs just
these).  It prints a table and writes ``benchmarks/results.json``; each measure names
the vault it ran on (``vault``: the demo count and whether it holds deliveries).
A measure over budget is marked FAIL and listed again under the table as OVER BUDGET;
the exit code stays 0 (this is a report).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from keyring.backends import fail  # noqa: E402

from otdesk import demo  # noqa: E402
from otdesk.storage.vault import VaultPaths, init_vault, open_vault, read_slots  # noqa: E402

PASSPHRASE = "demo passphrase"
RESULTS = Path(__file__).resolve().parent / "results.json"
SEED = 2024
#: rows in one page of the consultation list (for the paged search variant)
PAGE = 200

#: what a consultant types into the search box: prefixes as they type, whole words,
#: two words, a place and a reference
QUERIES = (
    "hu", "huol", "huolto", "huoltoriita", "las", "lasten", "lastensuojelu", "päih",
    "päihde", "koulu", "koulupoissaolo", "väkival", "neuropsyk", "sijais", "trauma",
    "kehitysvam", "Barnahus", "Kuopio", "OT-2025", "äiti päih", "lasten huolto",
    "koulu poissa", "isä väkivalta", "nuori päihde", "sijoitus karkailee",
)


@dataclass
class Measure:
    name: str
    description: str
    values: dict[str, float]
    unit: str
    budget: dict | None = None  # {"stat": "p99", "op": "<=", "limit": 10}
    passed: bool | None = None
    details: dict = field(default_factory=dict)
    #: the vault the measure ran on ("demo 10,000, no deliveries"); None: no vault
    vault: str | None = None

    def judge(self) -> Measure:
        if self.budget:
            value = self.values[self.budget["stat"]]
            limit = self.budget["limit"]
            self.passed = value <= limit if self.budget["op"] == "<=" else value >= limit
        return self

    def budget_text(self) -> str:
        if not self.budget:
            return "—"
        return f"{self.budget['stat']} {self.budget['op']} {self.budget['limit']:g} {self.unit}"

    def result_text(self) -> str:
        return {True: "ok", False: "FAIL ✗ OVER BUDGET", None: "—"}[self.passed]


# --- helpers ---------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def make_vault(parent: Path, name: str) -> tuple[Path, bytes]:
    """A new passphrase vault and its raw data key (scrypt runs once, here)."""
    data_dir = parent / name
    init_vault(data_dir, passphrase=PASSPHRASE, backend=fail.Keyring())
    key = read_slots(VaultPaths(data_dir)).unlock_passphrase(PASSPHRASE)
    return data_dir, key


def vault_label(count: int, deliveries: bool) -> str:
    """How a measure names the demo vault it ran on."""
    return (f"demo {count:,}, " + ("with deliveries" if deliveries else
                                   "no deliveries (would-be delivered ones held)"))


def fill(data_dir: Path, key: bytes, count: int, seed: int,
         deliveries: bool = False) -> float:
    """Store ``count`` demo consultations (by default without deliveries: the fast
    path); returns the seconds insert_demo took."""
    with open_vault(data_dir, data_key=key) as vault:
        start = time.perf_counter()
        stored = demo.insert_demo(vault, count, seed=seed, deliveries=deliveries)
        seconds = time.perf_counter() - start
        delivered = vault.conn.execute("SELECT count(*) FROM deliveries").fetchone()[0]
    assert stored == count, (stored, count)
    assert deliveries or delivered == 0, delivered
    return seconds


def on_vault(measures: list[Measure], label: str) -> list[Measure]:
    """Name the vault ``measures`` ran on (those that name none yet)."""
    for m in measures:
        if m.vault is None:
            m.vault = label
    return measures


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- the measures ----------------------------------------------------------------------


def bench_demo_rate(count: int, seconds: float) -> Measure:
    return Measure(
        f"demo.rate.{count // 1000}k",
        f"demo.insert_demo of {count:,} consultations in {seconds:.1f} s",
        {"rate": round(count / seconds, 1)}, "consultations/s",
        # 10,000 generated and stored in under 60 s
        {"stat": "rate", "op": ">=", "limit": round(10_000 / 60, 1)} if count == 10_000 else None,
        details={"seconds": round(seconds, 2)},
    ).judge()


def bench_open(data_dir: Path, key: bytes, rounds: int = 21) -> Measure:
    opens, closes = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        vault = open_vault(data_dir, data_key=key)
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        vault.close()
        closes.append(time.perf_counter() - start)
    return Measure(
        "vault.open", f"open_vault(data_key=…) on 10,000 consultations, {rounds} opens",
        {"median": ms(statistics.median(opens)), "max": ms(max(opens))}, "ms",
        {"stat": "median", "op": "<=", "limit": 50},
        details={"close_median_ms": ms(statistics.median(closes))},
    ).judge()


def bench_edit(data_dir: Path, key: bytes, edits: int = 500) -> list[Measure]:
    """One edit's commit, as autosave does it; the search index is tidied every 10 edits
    (in the app that runs on the writer thread when the consultant pauses), timed apart."""
    rng = random.Random(SEED)
    times, tidy = [], []
    with open_vault(data_dir, data_key=key) as vault:
        repo = vault.repository
        ids = [row[0] for row in repo.conn.execute("SELECT id FROM consultations")]
        for n, cid in enumerate(rng.sample(ids, min(edits, len(ids))), 1):
            c = repo.get(cid)
            c.situation.worries = (c.situation.worries + " Huoli koulupoissaoloista on kasvanut"
                                   f" ({rng.randint(1, 99)}).").strip()
            start = time.perf_counter()
            repo.update(c)
            times.append(time.perf_counter() - start)
            if n % 10 == 0:
                start = time.perf_counter()
                repo.tidy_index()
                tidy.append(time.perf_counter() - start)
    return [Measure(
        "edit.commit", f"Repository.update() of one consultation, {len(times)} edits",
        {"p50": ms(percentile(times, 50)), "p99": ms(percentile(times, 99)),
         "max": ms(max(times))}, "ms",
        {"stat": "p99", "op": "<=", "limit": 10},
    ).judge(), Measure(
        "edit.tidy_index", f"Repository.tidy_index() after every 10 edits ({len(tidy)} steps;"
        " off the UI thread in the app)",
        {"p50": ms(percentile(tidy, 50)), "max": ms(max(tidy))}, "ms")]


def bench_search(data_dir: Path, key: bytes, label: str, rounds: int,
                 budget: dict | None) -> list[Measure]:
    """Every query ``rounds`` times after one warm-up, three ways: the first page of the
    list (what a person sees; the budget), the matching ids alone (what the app's
    as-you-type filter asks for), and every matching row."""
    paged, ids_times, full_times, per_query = [], [], [], {}
    with open_vault(data_dir, data_key=key) as vault:
        repo = vault.repository
        repo.tidy_index(steps=1000)
        for q in QUERIES:  # warm-up: the first pass reads pages from disk
            repo.list(search=q)
        for q in QUERIES:
            samples = []
            for _ in range(rounds):
                start = time.perf_counter()
                repo.list(search=q, limit=PAGE)
                samples.append(time.perf_counter() - start)
                start = time.perf_counter()
                hits = len(repo.search_ids(q))
                ids_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                repo.list(search=q)
                full_times.append(time.perf_counter() - start)
            paged += samples
            per_query[q] = {"hits": hits, "p50_ms": ms(statistics.median(samples))}
    slowest = max(per_query, key=lambda q: per_query[q]["p50_ms"])
    return [Measure(
        f"search.{label}",
        f"Repository.list(search=q, limit={PAGE}) at {label}, {len(QUERIES)} queries × {rounds}",
        {"p50": ms(percentile(paged, 50)), "p95": ms(percentile(paged, 95))}, "ms", budget,
        details={"slowest_query": slowest, "queries": per_query},
    ).judge(), Measure(
        f"search.{label}.ids", f"Repository.search_ids(q) at {label} (the app's filter)",
        {"p50": ms(percentile(ids_times, 50)), "p95": ms(percentile(ids_times, 95))}, "ms",
    ), Measure(
        f"search.{label}.all_rows", f"Repository.list(search=q), every matching row, at {label}",
        {"p50": ms(percentile(full_times, 50)), "p95": ms(percentile(full_times, 95))}, "ms",
    )]


# --- report ----------------------------------------------------------------------------


def print_table(measures: list[Measure]) -> None:
    rows = [("measure", "values", "budget", "result", "vault")]
    for m in measures:
        values = ", ".join(f"{k} {v:g}" for k, v in m.values.items())
        rows.append((m.name, f"{values} {m.unit}", m.budget_text(), m.result_text(),
                     m.vault or "—"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for m in measures:
        if "seconds" in m.details:
            print(f"{m.name}: {m.details['seconds']:g} s in all")
        if "slowest_query" in m.details:
            q = m.details["slowest_query"]
            info = m.details["queries"][q]
            print(f"{m.name}: slowest query {q!r}: p50 {info['p50_ms']:g} ms, "
                  f"{info['hits']} hits")
        if "note" in m.details:
            print(f"{m.name}: {m.details['note']}")
    over = [m for m in measures if m.passed is False]
    for m in over:
        value = m.values[m.budget["stat"]]
        print(f"!!! OVER BUDGET: {m.name}: {m.budget['stat']} {value:g} {m.unit}, "
              f"budget {m.budget_text()}")


def machine() -> dict:
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    versions = {"sqlite": conn.execute("SELECT sqlite_version()").fetchone()[0],
                "sqlcipher": (conn.execute("PRAGMA cipher_version").fetchone() or [""])[0]}
    conn.close()
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), **versions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100,000 vault")
    parser.add_argument("--ui-only", action="store_true",
                        help="only the desktop app's measures (still builds the 10,000 vault)")
    parser.add_argument("--delivery-only", action="store_true",
                        help="only the summary delivery measures (no demo vault)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="otdesk-bench-") as tmp:
        parent = Path(tmp)
        if not args.delivery_only:
            log("building 10,000 consultations …")
            small, key = make_vault(parent, "v10k")
            small_vault = vault_label(10_000, deliveries=False)
            measures += on_vault([bench_demo_rate(10_000, fill(small, key, 10_000, SEED))],
                                 small_vault)
        if not (args.ui_only or args.delivery_only):
            log("vault open …")
            measures += on_vault([bench_open(small, key)], small_vault)
            log("edits …")
            measures += on_vault(bench_edit(small, key), small_vault)
            log("search at 10,000 …")
            measures += on_vault(bench_search(small, key, "10k", rounds=5,
                                              budget={"stat": "p95", "op": "<=", "limit": 20}),
                                 small_vault)
            log("summary PDFs …")
            from benchmarks import summary

            measures += summary.measures()
        if not (args.quick or args.ui_only or args.delivery_only):
            log("building 100,000 consultations (a few minutes) …")
            big, big_key = make_vault(parent, "v100k")
            big_vault = vault_label(100_000, deliveries=False)
            measures += on_vault(
                [bench_demo_rate(100_000, fill(big, big_key, 100_000, SEED + 1))], big_vault)
            log("search at 100,000 …")
            measures += on_vault(bench_search(big, big_key, "100k", rounds=3, budget=None),
                                 big_vault)
        # Qt is imported only from here on
        if not args.ui_only:
            from benchmarks import delivery

            measures += delivery.bench_delivery(parent / "delivery")
        if not args.delivery_only:
            from benchmarks import ui

            measures += on_vault(ui.bench_ui(small, key, quick=args.quick), small_vault)

    total = time.perf_counter() - started
    print_table(measures)
    print(f"total {total:.0f} s")
    report = {
        "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick, "ui_only": args.ui_only, "delivery_only": args.delivery_only,
        "total_seconds": round(total, 1),
        "machine": machine(),
        "measures": [{**asdict(m), "pass": m.passed, "budget_text": m.budget_text()}
                     for m in measures],
    }
    for entry in report["measures"]:
        entry.pop("passed")
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
