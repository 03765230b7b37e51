"""OT Desk benchmarks: how fast the storage core and the desktop app are on this machine.

Run from the repository root::

    python -m benchmarks.run            # everything (about 12 minutes on 2 cores)
    python -m benchmarks.run --quick    # skip the 100,000-consultation vault (and its budgets)
    python -m benchmarks.run --ui-only  # only the desktop app's and the list's measures
    python -m benchmarks.run --delivery-only  # only Save as PDF (benchmarks/delivery.py)
    python benchmarks/run.py            # the same, as a script
    scripts/with-keyring make bench     # start-up through a real OS keyring (Secret Service)

Each run builds real SQLCipher vaults of 1,000, 10,000 and 100,000 consultations in
temporary directories (once each; removed afterwards), fills them with
:mod:`otdesk.demo` data and measures:

* ``vault.open``      open_vault() with the raw data key (no scrypt), median of several;
* ``edit.commit``     Repository.update() of one consultation, p50/p99 over ~500 edits;
* ``search.10k``      Repository.list(search=..., limit=200) — the first page of the
                      list — over Finnish prefixes and two-word queries at 10,000
                      consultations (p50/p95);
* ``search.100k``     the same at 100,000 (reported, no budget);
* ``search.list_10k``, ``search.list_100k``  storage.listing.listing(search=q) — what the
                      app's reader runs for the list as a person types — over those queries
                      and the base-form words (p95 ≤ 15 / 50 ms), with
                      ``search.index_size_*``, the terms indexes beside the letters' one;
* ``search.recall_*``, ``search.precision_*``  base-form queries (32 Finnish, 8 Swedish)
                      on a vault of their own (:mod:`benchmarks.search_words`): ≥ 95% / 90%;
* ``demo.rate``       consultations per second of demo.insert_demo (generate + store;
                      the bench vaults are built *without* deliveries — the fast path —
                      so their would-be delivered consultations are held);
* ``list.sort_100k``, ``list.filter_100k``  storage.listing.listing() — what the app's
                      reader thread runs first for the list: the count, the overdue count
                      and the first screen — on a read-only connection set up as the
                      reader does, over every sort column × both directions and every
                      status filter, at 100,000 (p95 ≤ 50 ms); ``list.all_ids_100k`` the
                      rest of the ids, read right after (no budget);

plus, without budgets, ``search.*.ids`` (Repository.search_ids), ``search.*.all_rows``
(every matching row) and ``edit.tidy_index`` (merging the search index when idle).
Then the desktop app's own measures (:mod:`benchmarks.ui`: ``startup.ratio_10k``,
``startup.growth``, ``memory.peak_100k``, ``ui.block_100k.*``, ``list.sort_click_100k``,
``autosave.ui_block``, ``editor.keystroke_100k``), with ``QT_QPA_PLATFORM=offscreen``.
Besides, ``backup.*`` (:mod:`benchmarks.backup`: make_backup with its checks on the
10,000 vault, ≤ 5 s, and MB/s on 500 consultations with their PDFs, each beside a plain
copy of the same bytes), ``memory_security.ratio`` (:mod:`benchmarks.memory_security`:
SQLCipher's ``cipher_memory_security`` on ÷ off, reported), ``summary.*`` (:mod:`benchmarks.summary`, no vault) and ``delivery.*``
(:mod:`benchmarks.delivery`: Save as PDF through the storage worker with Qt's event
loop watched, in a vault of its own; ``--delivery-only`` runs just these).

It prints a table — each measure beside its budget and the floor it was measured
against (a ratio's floor is measured in the same run) — and writes
``benchmarks/results.json``; each measure names the vault it ran on (``vault``: the
demo count and whether it holds deliveries).  A measure over budget is marked FAIL and
listed again under the table as OVER BUDGET; one ``--quick`` skipped says so.  The exit
code stays 0 (this is a report).
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
        if self.budget and self.values:
            value = self.values[self.budget["stat"]]
            limit = self.budget["limit"]
            self.passed = value <= limit if self.budget["op"] == "<=" else value >= limit
        return self

    def budget_text(self) -> str:
        if not self.budget:
            return self.details.get("budget_text", "—")
        return f"{self.budget['stat']} {self.budget['op']} {self.budget['limit']:g} {self.unit}"

    def result_text(self) -> str:
        if "skipped" in self.details:
            return f"skipped ({self.details['skipped']})"
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


def first_start(data_dir: Path, key: bytes) -> float:
    """What the app's first start does to a vault before its list is asked: the storage
    worker's start (the expert directory seeded, the list's labels stored for the sort by
    what a person reads, due dates by the deadline rules of the default settings), so
    the list's queries measured here see the vault as the app does; returns seconds."""
    from otdesk.config.policy import Policy
    from otdesk.config.settings import UserSettings
    from otdesk.storage.writer import BackgroundWriter

    start = time.perf_counter()
    with open_vault(data_dir, data_key=key) as vault:
        rules = Policy().deadline_rules(UserSettings(language="fi"))
        BackgroundWriter(vault, rules=rules).close(timeout=600)
        labels = vault.conn.execute("SELECT count(*) FROM labels").fetchone()[0]
    assert labels, "the storage worker stored no labels"
    return time.perf_counter() - start


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


def bench_listing(data_dir: Path, key: bytes, passes: int = 3) -> list[Measure]:
    """storage.listing.listing() as the app's reader thread runs it: on a read-only
    connection with the reader's page cache, every sort column × both directions and
    every status filter of the list (default sort), one pass with the cache cold (as
    after start-up; reported apart), then ``passes`` timed passes."""
    from otdesk.core import vocabulary
    from otdesk.storage import listing

    today = dt.date.today()
    sorts = [listing.ListQuery(sort=s, descending=d) for s in listing.SORTS
             for d in (False, True)]
    statuses = ["", "open"] + [code for code, _ in vocabulary.labels("statuses", "fi")]
    filters = [listing.ListQuery(status=s) for s in statuses]
    categories = [code for code, _ in vocabulary.labels("categories", "fi")]
    filters += [listing.ListQuery(category=c) for c in categories]
    with open_vault(data_dir, data_key=key) as vault:
        conn = vault.open_connection(read_only=True)
        try:
            conn.execute(f"PRAGMA cache_size = -{listing.READER_CACHE_KIB}")

            rest: list[float] = []  # listing.all_ids(): the ids beyond the first screen

            memo: dict = {}  # the reader's: a new order of the same lines needs no count

            def timed(query) -> tuple[float, int]:
                start = time.perf_counter()  # a new filter is counted; a new sort is not
                answer = listing.listing(conn, query, today,
                                         memo=None if query.status or query.category
                                         else memo)
                took = time.perf_counter() - start
                start = time.perf_counter()
                listing.all_ids(conn, query)
                rest.append(time.perf_counter() - start)
                return took, answer.total

            cold = {q: timed(q) for q in sorts + filters}
            rest.clear()
            warm: dict = {q: [] for q in sorts + filters}
            for _ in range(passes):
                for q in sorts + filters:
                    warm[q].append(timed(q)[0])
        finally:
            conn.close()

    def name(q) -> str:
        if q.status:
            return f"status={q.status}"
        if q.category:
            return f"category={q.category}"
        return f"{q.sort} {'desc' if q.descending else 'asc'}"

    out = []
    for label, queries, what in (("sort", sorts, f"{len(listing.SORTS)} sort columns × both "
                                                 "directions"),
                                 ("filter", filters, f"{len(statuses)} status filters "
                                                     "(all, open, each status) and "
                                                     f"{len(categories)} category filters")):
        samples = [t for q in queries for t in warm[q]]
        slowest = max(queries, key=lambda q: statistics.median(warm[q]))
        cold_worst = max(queries, key=lambda q: cold[q][0])
        out.append(Measure(
            f"list.{label}_100k",
            f"storage.listing.listing() — the count, the overdue count and the first screen "
            f"of the new order — on a read-only connection set up as the reader does, "
            f"{what}, × {passes} passes at 100,000 (off the UI thread in the app)",
            {"p50": ms(percentile(samples, 50)), "p95": ms(percentile(samples, 95)),
             "max": ms(max(samples))}, "ms", {"stat": "p95", "op": "<=", "limit": 50},
            details={"note": f"slowest {name(slowest)}: median "
                             f"{ms(statistics.median(warm[slowest])):g} ms "
                             f"({cold[slowest][1]:,} ids); the first (cold cache) pass: worst "
                             f"{name(cold_worst)} {ms(cold[cold_worst][0]):g} ms",
                     "queries": {name(q): {"ids": cold[q][1], "cold_ms": ms(cold[q][0]),
                                           "median_ms": ms(statistics.median(warm[q]))}
                                 for q in queries}},
        ).judge())
    out.append(Measure(
        "list.all_ids_100k",
        "storage.listing.all_ids(): every id of the same queries in order, read on the "
        "reader right after the first screen (lines further down are drawn from them)",
        {"p50": ms(percentile(rest, 50)), "p95": ms(percentile(rest, 95))}, "ms"))
    return out


# --- report ----------------------------------------------------------------------------


def print_table(measures: list[Measure]) -> None:
    rows = [("measure", "values", "budget", "floor", "result", "vault")]
    for m in measures:
        values = ", ".join(f"{k} {v:g}" for k, v in m.values.items())
        rows.append((m.name, f"{values} {m.unit}" if values else "—", m.budget_text(),
                     m.details.get("floor", "—"), m.result_text(), m.vault or "—"))
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
        floor = f" (floor: {m.details['floor']})" if "floor" in m.details else ""
        print(f"!!! OVER BUDGET: {m.name}: {m.budget['stat']} {value:g} {m.unit}, "
              f"budget {m.budget_text()}{floor}")
    skipped = [m.name for m in measures if "skipped" in m.details]
    if skipped:
        print(f"skipped (--quick, no 100,000 vault): {', '.join(skipped)}")


def _ui_vault(name: str, labels: dict[int, str]) -> str | None:
    """The vault a desktop-app measure ran on, by its name."""
    if name == "startup.bare":
        return None
    if name == "startup.growth":
        return f"{labels.get(1_000)} / {labels.get(100_000)}"
    if name.startswith(("autosave.", "editor.", "startup.passphrase")):
        return labels.get(10_000)
    for count, tag in ((100_000, "100k"), (10_000, "10k"), (1_000, "1k")):
        if name.endswith(tag) or f"_{tag}." in name:
            return labels.get(count)
    return labels.get(10_000)


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
    big_budgets = not args.quick
    with tempfile.TemporaryDirectory(prefix="otdesk-bench-") as tmp:
        parent = Path(tmp)
        #: {count: (data_dir, key)}: each demo vault built once in this run
        vaults: dict[int, tuple[Path, bytes]] = {}
        if not args.delivery_only:
            log("building 10,000 consultations …")
            small, key = make_vault(parent, "v10k")
            small_vault = vault_label(10_000, deliveries=False)
            measures += on_vault([bench_demo_rate(10_000, fill(small, key, 10_000, SEED))],
                                 small_vault)
            first_start(small, key)
            vaults[10_000] = (small, key)
        if not (args.ui_only or args.delivery_only):
            log("vault open …")
            measures += on_vault([bench_open(small, key)], small_vault)
            log("edits …")
            measures += on_vault(bench_edit(small, key), small_vault)
            log("search at 10,000 …")
            measures += on_vault(bench_search(small, key, "10k", rounds=5,
                                              budget={"stat": "p95", "op": "<=", "limit": 20}),
                                 small_vault)
            from benchmarks import search_words

            this = sys.modules[__name__]
            log("the list's search at 10,000 …")
            measures += on_vault(search_words.bench_list_search(small, key, "10k", 15, this),
                                 small_vault)
            log("search by word: recall and precision …")
            measures += on_vault(search_words.measures(parent, this),
                                 f"demo {search_words.WORDS_VAULT:,} and "
                                 f"{len(search_words.SWEDISH_TEXTS)} Swedish texts")
            log("summary PDFs …")
            from benchmarks import summary

            measures += summary.measures()
            from benchmarks import backup

            measures += backup.measures(parent, (small, key))
            from benchmarks import memory_security

            measures += on_vault(memory_security.measures((small, key)), small_vault)
        if big_budgets and not args.delivery_only:
            log("building 1,000 consultations …")
            tiny, tiny_key = make_vault(parent, "v1k")
            fill(tiny, tiny_key, 1_000, SEED + 2)
            first_start(tiny, tiny_key)
            vaults[1_000] = (tiny, tiny_key)
            log("building 100,000 consultations (about two minutes) …")
            big, big_key = make_vault(parent, "v100k")
            big_vault = vault_label(100_000, deliveries=False)
            measures += on_vault(
                [bench_demo_rate(100_000, fill(big, big_key, 100_000, SEED + 1))], big_vault)
            log(f"the app's first start on it: {first_start(big, big_key):.1f} s")
            vaults[100_000] = (big, big_key)
            if not args.ui_only:
                log("search at 100,000 …")
                measures += on_vault(bench_search(big, big_key, "100k", rounds=3, budget=None),
                                     big_vault)
                from benchmarks import search_words

                log("the list's search at 100,000 …")
                measures += on_vault(search_words.bench_list_search(
                    big, big_key, "100k", 50, sys.modules[__name__]), big_vault)
            log("the list's queries at 100,000 …")
            measures += on_vault(bench_listing(big, big_key), big_vault)
        elif args.quick and not args.delivery_only:
            measures += [Measure(name, "the list's query at 100,000", {}, "ms",
                                 details={"skipped": "--quick: no 100,000 vault",
                                          "budget_text": "p95 <= 50 ms"})
                         for name in ("list.sort_100k", "list.filter_100k")]
        # Qt is imported only from here on
        if not args.ui_only:
            from benchmarks import delivery

            measures += delivery.bench_delivery(parent / "delivery")
        if not args.delivery_only:
            from benchmarks import ui

            labels = {count: vault_label(count, deliveries=False) for count in vaults}
            for m in ui.bench_ui(vaults, quick=args.quick):
                if m.vault is None and "skipped" not in m.details:
                    m.vault = _ui_vault(m.name, labels)
                measures.append(m)

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
