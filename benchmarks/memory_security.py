"""What SQLCipher's ``PRAGMA cipher_memory_security = ON`` would cost (issue 11: turn it on
"if its cost is acceptable — measure it").

    python -m benchmarks.memory_security     build a 10,000 vault here and print the number

With it on, SQLCipher wipes every block of memory SQLite frees and locks its own pages
against swap.  The setting is the process's, so each side runs in a process of its own,
A B A B: the same work on the 10,000-consultation bench vault — opening it, 200 edits
through ``Repository.update`` and every bench query through ``Repository.list(search=…)``.

* ``memory_security.ratio``  seconds with it on ÷ seconds with it off (the floor: the same
                             work in the same run with it off); reported, no budget.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import QUERIES, Measure, fill, log, make_vault, print_table  # noqa: E402

ROUNDS = 3  # of each side, alternating
EDITS = 200
SEED = 2028

_WORK = r"""
import json, random, sys, time
from pathlib import Path
import sqlcipher3
on, data_dir, key, queries, edits, seed = sys.argv[1] == "on", Path(sys.argv[2]), \
    bytes.fromhex(sys.argv[3]), json.loads(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
start = time.perf_counter()
setting = sqlcipher3.connect(":memory:")  # (a process-wide setting: before the vault)
setting.execute(f"PRAGMA cipher_memory_security = {'ON' if on else 'OFF'}")
state = setting.execute("PRAGMA cipher_memory_security").fetchone()[0]
setting.close()
from otdesk.storage.vault import open_vault
with open_vault(data_dir, data_key=key) as vault:
    repo = vault.repository
    rng = random.Random(seed)
    ids = [row[0] for row in repo.conn.execute("SELECT id FROM consultations")]
    for cid in rng.sample(ids, edits):
        c = repo.get(cid)
        c.situation.worries = (c.situation.worries + " Tilanne muuttui.").strip()
        repo.update(c)
    for q in queries:
        repo.list(search=q)
print(json.dumps({"seconds": time.perf_counter() - start, "state": state}))
"""


def _side(on: bool, data_dir: Path, key: bytes) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _WORK, "on" if on else "off", str(data_dir), key.hex(),
         json.dumps(list(QUERIES)), str(EDITS), str(SEED)],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert str(answer["state"]) == ("1" if on else "0"), answer
    return answer["seconds"]


def bench_memory_security(data_dir: Path, key: bytes, rounds: int = ROUNDS) -> Measure:
    off, on = [], []
    for _ in range(rounds):  # A B A B: the disk's and the machine's drift falls on both
        off.append(_side(False, data_dir, key))
        on.append(_side(True, data_dir, key))
    off_s, on_s = statistics.median(off), statistics.median(on)
    return Measure(
        "memory_security.ratio",
        f"cipher_memory_security ON ÷ OFF: open, {EDITS} edits and {len(QUERIES)} searches "
        f"on the 10,000 vault, each side in its own process, A B A B × {rounds}",
        {"ratio": round(on_s / off_s, 2)}, "×",
        details={"floor": f"the same work with it off: {off_s:.2f} s (on: {on_s:.2f} s)",
                 "off_s": [round(s, 3) for s in off], "on_s": [round(s, 3) for s in on],
                 "note": "reported; OT Desk leaves it off (README: Secrets in memory only)"},
    )


def measures(small: tuple[Path, bytes]) -> list[Measure]:
    log("cipher_memory_security on and off …")
    return [bench_memory_security(*small)]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="otdesk-bench-memsec-") as tmp:
        log("building 10,000 consultations …")
        small = make_vault(Path(tmp), "v10k")
        fill(*small, 10_000, random.Random(SEED).randint(1, 10**6))
        print_table(measures(small))
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    log(f"{time.perf_counter() - start:.0f} s")
    sys.exit(code)
