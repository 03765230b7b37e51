"""Real damage to a real vault: what ``otdesk doctor`` says and what salvage brings back.

A multi-page passphrase vault (200 demo consultations, some delivered) is built once per
module; each case copies it, damages the copy as disks and people do — bytes flipped
inside the encrypted body of page 1, of a middle page and of the last page, the file cut
short, overwritten with zeros, emptied, replaced by a folder, gone, another vault's WAL
put beside it — and then checks that

* ``otdesk doctor`` prints every check (OK or FAIL), exits 1 without a traceback and,
  when the file is damaged, ends by pointing to the backups and to ``otdesk salvage``;
* ``salvage`` copies exactly what still reads — every copied consultation, delivery
  and audit row equal to what was written before the damage — names what was lost by
  reference, or refuses with one clear error when nothing reads;
* no file of the damaged data folder changed (every file hashed before and after).

The helpers here (building the vault, keeping what it held, finding which pages hold
which rows by decrypting them with the data key) are used by test_salvage.py too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from keyring.backends import fail
from sqlcipher3 import dbapi2 as sqlcipher

from conftest import PASSPHRASE, run_cli
from otdesk import demo
from otdesk.core import dates
from otdesk.core.errors import UserError
from otdesk.storage import salvage
from otdesk.storage.vault import VaultPaths, init_vault, open_vault

PAGE = 4096
RESERVE = 80  # SQLCipher 4: IV (16) + HMAC-SHA512 (64) at the end of every page
NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dates.zone())
#: the doctor's check lines, in order (English labels)
DOCTOR_LABELS = ("Data folder", "Keyring", "Encryption", "Key slots", "Database file", "Key",
                 "Vault", "Log file (WAL)", "Cipher integrity", "Database integrity",
                 "Audit log", "Consultations", "Search", "Spelling check",
                 "Organisation policy")


# --- the vault and what it held -----------------------------------------------------------


@dataclasses.dataclass
class Built:
    """A closed vault folder and everything it held, kept before any damage."""

    folder: Path
    key: bytes
    consultations: dict[int, dict]          # id -> Consultation.to_dict()
    deliveries: dict[int, tuple]            # id -> (consultation_id, version, sha256, pdf sha)
    audit: dict[int, tuple]                 # seq -> the whole row
    search: dict[str, set[int]]             # word -> ids found
    roots: dict[str, int]                   # table or index -> root page

    @property
    def references(self) -> dict[int, str]:
        return {cid: c["reference"] for cid, c in self.consultations.items()}

    def pages(self, table: str) -> dict[int, tuple[str, list[int]]]:
        """Page -> ("interior" | "leaf", rowids) of ``table``'s b-tree."""
        return table_pages((self.folder / "otdesk.db").read_bytes(), self.key,
                           self.roots[table])


SEARCH_WORDS = ("lasten", "koulu", "perhe")


def build_vault(folder: Path, *, count: int = 200, delivered: int = 30) -> Built:
    """A passphrase vault with ``count`` demo consultations (the last ``delivered`` of
    them with real deliveries), closed; and what it holds."""
    backend = fail.Keyring()
    init_vault(folder, passphrase=PASSPHRASE, backend=backend)
    vault = open_vault(folder, passphrase=PASSPHRASE, backend=backend)
    try:
        demo.insert_demo(vault, count - delivered, seed=11, deliveries=False, now=NOW)
        demo.insert_demo(vault, delivered, seed=12, deliveries=True, now=NOW)
        key = vault.data_key
        repo = vault.repository
        conn = vault.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM consultations ORDER BY id")]
        consultations = {cid: repo.get(cid).to_dict() for cid in ids}
        deliveries = {r[0]: (r[1], r[2], r[3], hashlib.sha256(bytes(r[4])).hexdigest())
                      for r in conn.execute("SELECT id, consultation_id, version, sha256, pdf"
                                            " FROM deliveries")}
        audit = {r[0]: tuple(r) for r in conn.execute("SELECT * FROM audit_log")}
        search = {w: repo.search_ids(w) for w in SEARCH_WORDS}
        roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master"
                                  " WHERE type IN ('table', 'index') AND rootpage > 0"))
    finally:
        vault.close()
    assert deliveries and len(consultations) == count
    return Built(folder, key, consultations, deliveries, audit, search, roots)


def copy_vault(built: Built, to: Path) -> Path:
    shutil.copytree(built.folder, to, ignore=shutil.ignore_patterns("logs"))
    return to


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file in ``folder`` (the CLI's own log folder left out: with a
    data dir override the log file lives there, and every command writes it)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not rel.startswith("logs/"):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --- pages --------------------------------------------------------------------------------


def plain_page(raw: bytes, key: bytes, number: int) -> bytes:
    """Page ``number`` decrypted (SQLCipher 4 defaults, raw key: AES-256-CBC, the IV in
    the reserved bytes; page 1 keeps its salt where the header was)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    page = raw[(number - 1) * PAGE:number * PAGE]
    start = 16 if number == 1 else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    body = dec.update(page[start:PAGE - RESERVE]) + dec.finalize()
    return (b"SQLite format 3\0" if number == 1 else b"") + body


def _varint(b: bytes, i: int) -> tuple[int, int]:
    value = 0
    for k in range(9):
        c = b[i + k]
        if k == 8:
            return (value << 8) | c, i + 9
        value = (value << 7) | (c & 0x7F)
        if c < 0x80:
            return value, i + k + 1
    raise AssertionError


def table_pages(raw: bytes, key: bytes, root: int) -> dict[int, tuple[str, list[int]]]:
    """Walk a table b-tree: page -> (kind, rowids: an interior page's keys, a leaf's rows)."""
    out: dict[int, tuple[str, list[int]]] = {}
    todo = [root]
    while todo:
        n = todo.pop()
        page = plain_page(raw, key, n)
        h = 100 if n == 1 else 0
        kind, cells = page[h], int.from_bytes(page[h + 3:h + 5], "big")
        if kind == 5:  # interior table page
            todo.append(int.from_bytes(page[h + 8:h + 12], "big"))
            keys = []
            for i in range(cells):
                off = int.from_bytes(page[h + 12 + 2 * i:h + 14 + 2 * i], "big")
                todo.append(int.from_bytes(page[off:off + 4], "big"))
                keys.append(_varint(page, off + 4)[0])
            out[n] = ("interior", keys)
        elif kind == 13:  # leaf table page
            rows = []
            for i in range(cells):
                off = int.from_bytes(page[h + 8 + 2 * i:h + 10 + 2 * i], "big")
                _, j = _varint(page, off)
                rows.append(_varint(page, j)[0])
            out[n] = ("leaf", rows)
        else:
            raise AssertionError(f"page {n} is not a table b-tree page ({kind})")
    return out


def flip(db: Path, page: int) -> None:
    """Flip 16 bytes inside the encrypted body of ``page`` (not its salt, IV or HMAC)."""
    raw = bytearray(db.read_bytes())
    at = (page - 1) * PAGE + 200
    raw[at:at + 16] = bytes(b ^ 0xFF for b in raw[at:at + 16])
    db.write_bytes(bytes(raw))


def page_count(db: Path) -> int:
    return db.stat().st_size // PAGE


def foreign_wal(built: Built, work: Path, *, big: bool) -> bytes:
    """The WAL of another vault, as it lies on disk after a crash: a fresh small vault,
    or (``big``) a copy of this one re-keyed, so its list of tables still reads."""
    other = work / "other"
    if big:
        other.mkdir()
        shutil.copy(built.folder / "otdesk.db", other / "otdesk.db")
        conn = sqlcipher.connect(str(other / "otdesk.db"), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{built.key.hex()}'\"")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = \"x'{os.urandom(32).hex()}'\"")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("UPDATE consultations SET organisation = organisation || '.' WHERE id < 120")
        conn.execute("INSERT INTO meta (key, value) VALUES ('vieras', 'x')")
    else:
        init_vault(other, passphrase=PASSPHRASE, backend=fail.Keyring())
        conn = sqlcipher.connect(str(other / "otdesk.db"), isolation_level=None)
        from otdesk.storage import keyslots

        key = keyslots.KeySlots.load(other / "keyslots.json").unlock_passphrase(PASSPHRASE)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for i in range(40):
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{i}", "v" * 900))
    wal = (other / "otdesk.db-wal").read_bytes()  # (read while it is open: a crash)
    conn.close()
    assert len(wal) > PAGE
    return wal


# --- the doctor ------------------------------------------------------------------------------


def doctor(data: Path) -> dict[str, tuple[str, str]]:
    """``otdesk doctor`` on a damaged vault: exit 1, every check on its line, no traceback.
    Returns label -> (OK | FAIL, detail)."""
    result = run_cli(["--lang", "en", "--passphrase-stdin", "doctor"], data,
                     stdin=PASSPHRASE + "\n")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip().startswith("Problems found:"), result.stderr
    found: dict[str, tuple[str, str]] = {}
    for line in result.stdout.splitlines():
        status, _, rest = line.partition("  ")
        if status.strip() in ("OK", "FAIL"):
            label, _, detail = rest.strip().partition(": ")
            assert label not in found, line
            found[label] = (status.strip(), detail)
    assert tuple(found) == DOCTOR_LABELS, result.stdout
    found["_last"] = ("", result.stdout.strip().splitlines()[-1])
    found["_text"] = ("", result.stdout)
    return found


def assert_points_to_backup_and_salvage(report: dict, *, salvage_too: bool = True) -> None:
    text = report["_text"][1]
    tail = text.strip().splitlines()[-2:]
    assert "otdesk backup list" in "\n".join(tail) and "otdesk backup restore" in "\n".join(tail)
    assert ("otdesk salvage --out" in tail[-1]) == salvage_too, tail


# --- what salvage brought back -----------------------------------------------------------------


def check_salvaged(built: Built, report: salvage.SalvageReport) -> dict:
    """Open the new vault and compare everything in it with what was written before the
    damage; returns what it holds (ids, delivery ids, audit seqs)."""
    out = report.out_dir
    assert (out / "keyslots.json").read_bytes() == (built.folder / "keyslots.json").read_bytes()
    assert not (out / salvage.BUILD_NAME).exists() and not (out / salvage.SCRATCH_NAME).exists()
    with open_vault(out, passphrase=PASSPHRASE, backend=fail.Keyring()) as vault:
        repo, conn = vault.repository, vault.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = [r[0] for r in conn.execute("SELECT id FROM consultations ORDER BY id")]
        rebuilt = 0
        for cid in ids:
            now, then = repo.get(cid).to_dict(), built.consultations[cid]
            stamps = ("created_at", "updated_at")
            assert {k: v for k, v in now.items() if k not in stamps} == \
                {k: v for k, v in then.items() if k not in stamps}, cid
            if (now["created_at"], now["updated_at"]) != (then["created_at"], then["updated_at"]):
                rebuilt += 1  # its list row came back from the document: times from the audit log
                for k in stamps:
                    gap = dt.datetime.fromisoformat(now[k]) - dt.datetime.fromisoformat(then[k])
                    assert abs(gap.total_seconds()) < 5, (cid, k, now[k], then[k])
        assert rebuilt <= report.rebuilt
        assert len(ids) == report.consultations.copied
        lost = set(built.consultations) - set(ids)
        assert len(lost) == report.consultations.lost
        assert sorted(report.lost_references + [built.references[i] for i in report.lost_ids]) \
            == sorted(built.references[i] for i in lost)
        deliveries = {r[0]: (r[1], r[2], r[3], hashlib.sha256(bytes(r[4])).hexdigest())
                      for r in conn.execute("SELECT id, consultation_id, version, sha256, pdf"
                                            " FROM deliveries")}
        for did, row in deliveries.items():
            assert row == built.deliveries[did]
            assert row[2] == row[3]  # the PDF is the one delivered, byte for byte
        assert len(deliveries) == report.deliveries.copied
        if not report.deliveries.tail_unknown:
            assert report.deliveries.total == len(built.deliveries)
        audit = {r[0]: tuple(r) for r in conn.execute("SELECT * FROM audit_log")}
        copied_audit = {s: r for s, r in audit.items() if built.audit.get(s) == r}
        assert len(copied_audit) == report.audit.copied
        # after the copied rows, as they were: the salvage itself (and this opening)
        extra = [(s, r[3]) for s, r in sorted(audit.items()) if s not in copied_audit]
        assert [a for _, a in extra[:1]] == ["vault.salvaged"], extra
        assert {a for _, a in extra} <= {"vault.salvaged", "vault.opened"}
        assert min(s for s, _ in extra) > max(copied_audit, default=0)
        assert repo.verify_audit().ok == (report.audit_complete or (
            report.audit.tail_unknown and report.audit.lost == 0))
        for word, found in built.search.items():  # the search index was made again
            assert repo.search_ids(word) == found & set(ids), word
        counters = dict(conn.execute("SELECT year, last FROM reference_counters"))
        kept = [built.references[i] for i in ids]
        for ref in kept + report.lost_references:  # no reference is ever given twice
            assert counters.get(int(ref[3:7]), 0) >= int(ref[8:]), ref
    return {"ids": set(ids), "deliveries": set(deliveries), "audit": set(copied_audit)}


# --- the cases ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    return build_vault(tmp_path_factory.mktemp("pristine") / "data")


def _damage(case: str, built: Built, data: Path, work: Path) -> None:
    db = data / "otdesk.db"
    pages = page_count(db)
    if case == "page_1":
        flip(db, 1)
    elif case == "middle_page":
        flip(db, pages // 2)
    elif case == "last_page":
        flip(db, pages)
    elif case == "truncated":
        with open(db, "r+b") as fh:
            fh.truncate((pages * 6 // 10) * PAGE)
    elif case == "truncated_mid_page":
        with open(db, "r+b") as fh:
            fh.truncate((pages * 6 // 10) * PAGE + 1000)
    elif case == "zeros":
        db.write_bytes(bytes(db.stat().st_size))
    elif case == "zero_length":
        db.write_bytes(b"")
    elif case == "a_folder":
        db.unlink()
        db.mkdir()
        (db / "x").write_text("x")
    elif case == "missing":
        db.unlink()
    elif case in ("foreign_wal", "foreign_wal_big"):
        (data / "otdesk.db-wal").write_bytes(foreign_wal(built, work, big=case.endswith("big")))
    else:
        raise AssertionError(case)


# what doctor must FAIL (label: a piece of its line), and what salvage does
CASES = {
    "page_1": ({"Cipher integrity": "damaged pages: 1 (1 in all)", "Vault": "damaged"},
               "salvage.nothing_readable"),
    "middle_page": ({"Cipher integrity": "damaged pages"}, "copies"),
    "last_page": ({"Cipher integrity": "damaged pages"}, "copies"),
    "truncated": ({"Vault": "damaged"}, "copies"),
    "truncated_mid_page": ({"Database file": "middle of a page"}, "copies"),
    "zeros": ({"Vault": "damaged", "Cipher integrity": "(page_count in all)"},
              "salvage.nothing_readable"),
    "zero_length": ({"Database file": "empty (0 bytes"}, "error.db_empty"),
    "a_folder": ({"Database file": "folder"}, "error.db_not_file"),
    "missing": ({"Database file": "missing"}, "error.db_missing"),
    "foreign_wal": ({"Log file (WAL)": "from another vault", "Vault": "without its log"},
                    "copies"),
    "foreign_wal_big": ({"Log file (WAL)": "from another vault", "Vault": "without its log"},
                        "copies"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_doctor_and_salvage_on_a_damaged_vault(case, built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    pages_before = page_count(data / "otdesk.db")
    _damage(case, built, data, tmp_path)
    fails, outcome = CASES[case]
    before = digests(data)

    report = doctor(data)
    after_doctor = digests(data)
    # doctor wrote nothing; reading a WAL the way open_vault does may leave its -shm
    assert {k: v for k, v in after_doctor.items() if k != "otdesk.db-shm"} == before
    for label, piece in fails.items():
        status, detail = report[label]
        piece = piece.replace("page_count", str(pages_before))
        assert status == "FAIL" and piece in detail, (label, detail)
    assert_points_to_backup_and_salvage(
        report, salvage_too=case not in ("zero_length", "a_folder", "missing"))
    if case.startswith("foreign_wal"):  # the database alone is fine, and doctor says so
        for label in ("Cipher integrity", "Database integrity", "Audit log", "Consultations"):
            assert report[label][0] == "OK" and "alone" in report[label][1], report[label]
        assert report["Consultations"][1].startswith("200 ")

    out = tmp_path / "salvaged"
    before = digests(data)
    if outcome != "copies":
        with pytest.raises(UserError) as err:
            salvage.salvage(VaultPaths(data), built.key, out)
        assert err.value.key == outcome
        assert err.value.message("fi") and err.value.message("sv") and err.value.message("en")
        assert not out.exists()  # nothing made, nothing left behind
    else:
        result = salvage.salvage(VaultPaths(data), built.key, out)
        held = check_salvaged(built, result)
        if case.startswith("foreign_wal"):  # the other vault's log is left out, all else comes
            assert result.wal == "ignored" and not result.complete
            assert held["ids"] == set(built.consultations)
            assert held["deliveries"] == set(built.deliveries)
            assert held["audit"] == set(built.audit) and result.audit_complete
        elif case == "last_page":
            assert result.consultations.copied + result.consultations.lost == 200
        else:
            assert result.consultations.total == 200
            assert result.consultations.copied > 100  # most of it comes back
        if case.startswith("truncated"):  # the end is gone, and the report says so
            assert not result.complete
            assert result.audit.tail_unknown or result.audit.lost
    assert digests(data) == before  # salvage read the damaged folder only


def test_doctor_on_a_healthy_vault_writes_nothing(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    before = digests(data)
    result = run_cli(["--lang", "en", "--passphrase-stdin", "doctor"], data,
                     stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout and "otdesk salvage" not in result.stdout
    assert "OK    Consultations: 200" in result.stdout
    assert "OK    Log file (WAL): none" in result.stdout
    assert digests(data) == before
    assert sorted(p.name for p in data.iterdir() if p.name != "logs") == \
        ["keyslots.json", "otdesk.db", "otdesk.lock"]  # not even a -wal or -shm


def test_doctor_with_the_wrong_passphrase_checks_what_it_can(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    result = run_cli(["--lang", "en", "--passphrase-stdin", "doctor"], data,
                     stdin="väärä arvaus\n")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    lines = {line.split(":")[0][6:]: line for line in result.stdout.splitlines()
             if line.startswith(("OK  ", "FAIL"))}
    assert lines["Database file"].startswith("OK") and lines["Key slots"].startswith("OK")
    assert lines["Key"].startswith("FAIL") and "Wrong passphrase" in lines["Key"]
    assert "not checked because the key was not available" in lines["Consultations"]
    assert "otdesk salvage" not in result.stdout  # a wrong key is not damage


def test_doctor_without_any_vault_is_one_clear_story(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    result = run_cli(["--lang", "en", "doctor"], data)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "FAIL  Key slots: No vault has been created yet" in result.stdout
    assert "otdesk backup" not in result.stdout
    assert sorted(p.name for p in data.iterdir()) in ([], ["logs"])  # nothing made
