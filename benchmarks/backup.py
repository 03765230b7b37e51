"""Backups: how long one takes with its checks, and how fast it writes.

    python -m benchmarks.backup            build the vaults here and print the numbers
    python -m benchmarks.backup --quick    only the 10,000-consultation vault

What :func:`otdesk.storage.backups.make_backup` does, as the app's backup worker runs
it: the online backup from a read-only connection into a new file under the same key,
flushed, its SHA-256, then the checks (``cipher_integrity_check``, ``integrity_check``,
the rows of every table against the snapshot), the manifest, the rename, the thinning.
Each round's backup is removed before the next, so every round writes a new file.

* ``backup.make_10k``   make_backup() on the 10,000-consultation bench vault (no PDFs),
                        median of 3 (budget: ≤ 5 s); its details give the size, the
                        checks alone (``verify_backup``) and the floor;
* ``backup.rate_pdf``   MB/s of make_backup() on a vault of 500 demo consultations with
                        their deliveries (the summaries' PDFs kept in the vault); no budget.

The floor of both, measured in the same run: a plain copy of the same bytes (the
backup file read, written to a new file, fsync'd) — what any backup of that size costs
on this disk; ``ratio`` is make_backup ÷ floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import Measure, fill, log, make_vault, print_table, vault_label  # noqa: E402

ROUNDS = 3
BUDGET_S = 5.0
PDF_COUNT = 500
SEED = 2027


def plain_copy(source: Path, target: Path) -> float:
    """Seconds to read ``source`` and write it to the new file ``target``, flushed."""
    start = time.perf_counter()
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    took = time.perf_counter() - start
    target.unlink()
    return took


def _rounds(data_dir: Path, key: bytes, rounds: int) -> dict:
    """make_backup ``rounds`` times (each backup removed after), verify_backup and the
    plain copy as often; medians in seconds, the size in bytes."""
    from otdesk.storage import backups
    from otdesk.storage.vault import VaultPaths

    paths = VaultPaths(data_dir)
    made, checks, floors, size = [], [], [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        info = backups.make_backup(paths, key, reason="manual")
        made.append(time.perf_counter() - start)
        assert info.verified, info.problems
        size = info.size
        start = time.perf_counter()
        problems = backups.verify_backup(info, key)
        checks.append(time.perf_counter() - start)
        assert problems == [], problems
        floors.append(plain_copy(info.db, data_dir.parent / f"{data_dir.name}-plain-copy"))
        shutil.rmtree(info.path)
    return {"make": statistics.median(made), "max": max(made),
            "verify": statistics.median(checks), "floor": statistics.median(floors),
            "size": size}


def bench_backup_10k(data_dir: Path, key: bytes, rounds: int = ROUNDS) -> Measure:
    r = _rounds(data_dir, key, rounds)
    mb = r["size"] / 1e6
    return Measure(
        "backup.make_10k",
        f"backups.make_backup() — online backup, fsync, SHA-256, cipher and integrity "
        f"checks, rows — of the 10,000 vault ({mb:.0f} MB), median of {rounds}",
        {"median": round(r["make"], 3), "max": round(r["max"], 3)}, "s",
        {"stat": "median", "op": "<=", "limit": BUDGET_S},
        details={"floor": f"plain copy {r['floor']:.2f} s ({mb / r['floor']:.0f} MB/s); "
                          f"ratio {r['make'] / r['floor']:.1f}×",
                 "ratio": round(r["make"] / r["floor"], 2),
                 "note": f"{mb:.1f} MB; the checks alone (verify_backup) {r['verify']:.2f} s; "
                         f"{r['make'] / r['floor']:.1f}× a plain copy of the same bytes",
                 "size_bytes": r["size"], "verify_s": round(r["verify"], 3),
                 "floor_s": round(r["floor"], 3)},
    ).judge()


def bench_backup_pdf(parent: Path, rounds: int = ROUNDS, count: int = PDF_COUNT) -> Measure:
    log(f"building {count} consultations with deliveries (their PDFs) for the backup …")
    data_dir, key = make_vault(parent, f"backup-{count}d")
    fill(data_dir, key, count, SEED, deliveries=True)
    r = _rounds(data_dir, key, rounds)
    mb = r["size"] / 1e6
    rate, floor_rate = mb / r["make"], mb / r["floor"]
    return Measure(
        "backup.rate_pdf",
        f"backups.make_backup() of {count} consultations with their delivered PDFs "
        f"({mb:.0f} MB), median of {rounds}",
        {"rate": round(rate, 1)}, "MB/s",
        details={"floor": f"plain copy {floor_rate:.0f} MB/s; ratio "
                          f"{r['make'] / r['floor']:.1f}×",
                 "ratio": round(r["make"] / r["floor"], 2),
                 "note": f"{mb:.1f} MB in {r['make']:.2f} s (checks alone "
                         f"{r['verify']:.2f} s); {r['make'] / r['floor']:.1f}× a plain copy",
                 "size_bytes": r["size"], "make_s": round(r["make"], 2),
                 "floor_s": round(r["floor"], 3)},
        vault=vault_label(count, deliveries=True),
    )


def measures(parent: Path, small: tuple[Path, bytes] | None = None, *,
             with_pdfs: bool = True) -> list[Measure]:
    """The backup measures; ``small``: the run's 10,000 vault (else one is built)."""
    out = []
    if small is None:
        log("building 10,000 consultations for the backup …")
        small = make_vault(parent, "backup-10k")
        fill(*small, 10_000, SEED)
    log("backups of the 10,000 vault …")
    m = bench_backup_10k(*small)
    m.vault = m.vault or vault_label(10_000, deliveries=False)
    out.append(m)
    if with_pdfs:
        out.append(bench_backup_pdf(parent))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 10,000 vault")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="otdesk-bench-backup-") as tmp:
        print_table(measures(Path(tmp), with_pdfs=not args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
