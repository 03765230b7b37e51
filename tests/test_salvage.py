"""``otdesk salvage --out DIR``: what still reads of a vault, copied into a new vault.

An undamaged vault comes across whole (counts equal, the audit chain verifies in the new
vault); pages damaged on purpose — found by decrypting the pages with the data key and
walking the tables' b-trees — lose exactly the rows on them, named by reference; a list
row that is gone is made again from the consultation's document; a crash's WAL comes
along; the damaged folder is never written; and the command says where the new vault is,
what came, what was lost and how to use it, or refuses in one line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from keyring.backends import fail

from conftest import PASSPHRASE, assert_clean_error, run_cli
from otdesk.core.domain import Consultation, Requester
from otdesk.core.errors import UserError, message
from otdesk.core.texts import LANGUAGES
from otdesk.storage import salvage
from otdesk.storage.vault import VaultPaths, init_vault, open_vault
from test_damage import Built, build_vault, check_salvaged, copy_vault, digests, flip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    return build_vault(tmp_path_factory.mktemp("pristine") / "data")


def _salvage(data: Path, built: Built, out: Path) -> salvage.SalvageReport:
    before = digests(data)
    report = salvage.salvage(VaultPaths(data), built.key, out)
    assert digests(data) == before  # the source is only read
    return report


def _leaf(built: Built, table: str, *, index: int) -> tuple[int, list[int]]:
    """A leaf page of ``table`` (the ``index``-th by its first rowid) and its rowids."""
    leaves = sorted((rows, page) for page, (kind, rows) in built.pages(table).items()
                    if kind == "leaf" and rows)
    rows, page = leaves[index]
    return page, rows


# --- the API -----------------------------------------------------------------------------------


def test_an_undamaged_vault_comes_across_whole(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    report = _salvage(data, built, tmp_path / "out")
    assert report.complete and report.wal == "none"
    assert (report.consultations.copied, report.consultations.lost) == (200, 0)
    assert report.deliveries.copied == len(built.deliveries) and report.deliveries.lost == 0
    assert report.audit.copied == len(built.audit) and report.audit_complete
    assert report.rebuilt == 0 and report.lost_references == [] == report.lost_ids
    held = check_salvaged(built, report)
    assert held["ids"] == set(built.consultations) and held["audit"] == set(built.audit)
    with open_vault(tmp_path / "out", passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        check = v.repository.verify_audit()
        assert check.ok and check.entries == len(built.audit) + 3  # + salvaged, opened twice
        salvaged = v.repository.audit_entries()[len(built.audit)]
        assert salvaged.action == "vault.salvaged" and "200/200" in salvaged.outcome
        # a new consultation gets a new reference, never one the old vault gave
        c = v.repository.create(Consultation(question="uusi", requester=Requester(name="N")))
        assert c.reference not in built.references.values()
    text = "\n".join(salvage.describe(report, data, "fi"))
    assert "Konsultaatioita kopioitiin 200/200." in text and "mitään ei menetetty" in text
    assert str(tmp_path / "out") in text and "OTDESK_DATA_DIR" in text


def test_a_damaged_leaf_of_documents_loses_exactly_its_consultations(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    page, ids = _leaf(built, "consultation_docs", index=len(built.consultations) // 3)
    flip(data / "otdesk.db", page)
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["ids"] == set(built.consultations) - set(ids)
    assert sorted(report.lost_references) == sorted(built.references[i] for i in ids)
    assert report.lost_ids == [] and not report.complete
    lost_deliveries = {d for d, row in built.deliveries.items() if row[0] in ids}
    assert held["deliveries"] == set(built.deliveries) - lost_deliveries
    assert report.deliveries.lost == len(lost_deliveries) and report.audit_complete


def test_a_lost_list_row_is_made_again_from_the_document(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    page, ids = _leaf(built, "consultations", index=3)
    flip(data / "otdesk.db", page)
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)  # (content equal; times from the audit log)
    assert held["ids"] == set(built.consultations)
    assert report.rebuilt == len(ids) and report.consultations.lost == 0
    assert report.complete
    with open_vault(tmp_path / "out", passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        rows = {r.id: r for r in v.repository.list()}
        for cid in ids:  # the list shows it as before
            c = built.consultations[cid]
            assert rows[cid].reference == c["reference"] and rows[cid].status == c["status"]


def test_the_root_of_the_list_table_lost_every_list_row_is_made_again(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    flip(data / "otdesk.db", built.roots["consultations"])
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["ids"] == set(built.consultations) and report.rebuilt == 200
    assert held["deliveries"] == set(built.deliveries)


def test_list_rows_and_reference_indexes_lost_references_come_from_the_search_index(
        built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    for name in ("consultations", "sqlite_autoindex_consultations_1",
                 "consultations_by_reference"):
        flip(data / "otdesk.db", built.roots[name])
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["ids"] == set(built.consultations) and report.rebuilt == 200
    assert report.complete


def test_a_damaged_leaf_of_the_audit_log_loses_exactly_its_rows(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    page, seqs = _leaf(built, "audit_log", index=5)
    flip(data / "otdesk.db", page)
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["audit"] == set(built.audit) - set(seqs)
    assert report.audit.lost == len(seqs) and not report.audit_complete
    assert held["ids"] == set(built.consultations)
    with open_vault(tmp_path / "out", passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        check = v.repository.verify_audit()
        assert not check.ok and check.first_bad == max(seqs) + 1  # the gap is shown
    text = "\n".join(salvage.describe(report, data, "en"))
    assert f"{len(built.audit) - len(seqs)} of {len(built.audit)}; the chain is not intact" in text


def test_the_last_audit_page_lost_the_end_is_said_to_be_unknown(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    page, seqs = _leaf(built, "audit_log", index=-1)
    flip(data / "otdesk.db", page)
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["audit"] == set(built.audit) - set(seqs)
    assert report.audit.tail_unknown and not report.audit_complete and not report.complete
    assert "how many are missing is not known" in "\n".join(
        salvage.describe(report, data, "en"))


def test_the_deliveries_table_root_lost(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    flip(data / "otdesk.db", built.roots["deliveries"])
    report = _salvage(data, built, tmp_path / "out")
    held = check_salvaged(built, report)
    assert held["ids"] == set(built.consultations) and held["deliveries"] == set()
    # how many there were is known from the table's index
    assert report.deliveries.lost == len(built.deliveries)


def test_a_crash_s_wal_comes_along(built, tmp_path):
    live = copy_vault(built, tmp_path / "live")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    with open_vault(live, passphrase=PASSPHRASE, backend=fail.Keyring()) as v:
        made = [v.repository.create(Consultation(question=f"yöllä {i}",
                                                 requester=Requester(name="Y")))
                for i in range(3)]
        after = {c.id: v.repository.get(c.id).to_dict() for c in made}
        for name in ("otdesk.db", "otdesk.db-wal", "keyslots.json"):  # kill -9 now
            shutil.copy(live / name, crashed / name)
        audit = {r[0]: tuple(r) for r in v.conn.execute("SELECT * FROM audit_log")}
    assert (crashed / "otdesk.db-wal").stat().st_size > 0
    report = _salvage(crashed, built, tmp_path / "out")
    assert report.wal == "used" and report.complete
    assert report.consultations.copied == 203
    grown = Built(built.folder, built.key, {**built.consultations, **after}, built.deliveries,
                  audit, {w: ids | {c for c, d in after.items() if w in json.dumps(d)}
                          for w, ids in built.search.items()}, built.roots)
    check_salvaged(grown, report)


def test_refusals_leave_everything_as_it_was(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    before = digests(data)

    def refused(out, key=built.key, source=data) -> str:
        with pytest.raises(UserError) as err:
            salvage.salvage(VaultPaths(source), key, out)
        for lang in LANGUAGES:
            assert "{" not in err.value.message(lang)
        return err.value.key

    other = tmp_path / "other"
    init_vault(other, passphrase=PASSPHRASE, backend=fail.Keyring())
    other_files = digests(other)
    assert refused(other) == "salvage.out_has_vault"
    assert digests(other) == other_files  # never written over
    assert refused(data) == "salvage.out_inside_source"
    assert refused(data / "sisällä") == "salvage.out_inside_source"
    (tmp_path / "a-file").write_text("x")
    assert refused(tmp_path / "a-file") == "salvage.out_not_folder"
    assert refused(tmp_path / "a-file" / "sub") == "salvage.out_not_writable"
    assert refused(tmp_path / "out", key=bytes(32)) == "error.key_wrong"
    assert refused(tmp_path / "out", source=tmp_path / "nowhere") == "error.no_vault"
    assert not (tmp_path / "out").exists() and not (data / "sisällä").exists()
    with open_vault(data, passphrase=PASSPHRASE, backend=fail.Keyring()):
        before_open = digests(tmp_path / "data")
        with pytest.raises(UserError) as err:  # OT Desk has it open: not read under its feet
            salvage.salvage(VaultPaths(data), built.key, tmp_path / "out")
        assert err.value.key == "error.vault_in_use"
        assert digests(tmp_path / "data") == before_open
    assert not (tmp_path / "out").exists()
    assert set(before) <= set(digests(data))


def test_every_salvage_message_is_in_three_languages():
    from otdesk.core.errors import _catalog

    keys = [k for k in _catalog() if k.startswith("salvage.")]
    assert len(keys) >= 20
    params = dict(path="/x", source="/y", copied=1, total=2, count=3, references="OT-2026-0001",
                  ids="4")
    for key in keys:
        for lang in LANGUAGES:
            text = message(key, lang, **params)
            assert text and text != key and "{" not in text, (key, lang)


# --- the command ---------------------------------------------------------------------------------


def test_the_command_on_a_damaged_vault(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    page, ids = _leaf(built, "consultation_docs", index=40)
    flip(data / "otdesk.db", page)
    out = tmp_path / "pelastettu"
    before = digests(data)
    result = run_cli(["--passphrase-stdin", "salvage", "--out", str(out)], data,
                     stdin=PASSPHRASE + "\n")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert assert_clean_error(result).startswith("Kaikkea ei saatu pelastettua")
    text = result.stdout
    assert f"Pelastettu tietokanta on nyt kansiossa {out}." in text
    assert f"Konsultaatioita kopioitiin {200 - len(ids)}/200." in text
    assert "Toimitettuja yhteenvetoja kopioitiin" in text and "Tapahtumalokin" in text
    lost_line = next(line for line in text.splitlines() if line.startswith("Näitä"))
    assert sorted(lost_line.split(": ", 1)[1].split(", ")) == \
        sorted(built.references[i] for i in ids)
    assert f"otdesk --data-dir {out} list" in text and f"OTDESK_DATA_DIR={out}" in text
    assert "siirrä kansio" in text
    for cid in ids:  # content never appears, only references
        assert built.consultations[cid]["question"][:30] not in text
    assert digests(data) == before
    # the new vault opens with the same passphrase, from the command line too
    listed = run_cli(["--passphrase-stdin", "list", "--json"], out, stdin=PASSPHRASE + "\n")
    assert listed.returncode == 0, listed.stderr
    assert {r["id"] for r in json.loads(listed.stdout)} == set(built.consultations) - set(ids)
    audit = run_cli(["--passphrase-stdin", "audit", "verify"], out, stdin=PASSPHRASE + "\n")
    assert audit.returncode == 0 and "eheä" in audit.stdout
    again = run_cli(["--passphrase-stdin", "salvage", "--out", str(out)], data,
                    stdin=PASSPHRASE + "\n")
    assert "on jo tietokanta" in assert_clean_error(again) and again.returncode == 1


def test_the_command_on_an_undamaged_vault_in_english(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    out = tmp_path / "copy"
    result = run_cli(["--lang", "en", "--passphrase-stdin", "salvage", "--out", str(out)],
                     data, stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Consultations copied: 200 of 200." in result.stdout
    assert "Everything was saved; nothing was lost." in result.stdout
    doctor = run_cli(["--passphrase-stdin", "doctor"], out, stdin=PASSPHRASE + "\n")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr


def test_the_command_refuses_bad_input_in_one_line(built, tmp_path):
    data = copy_vault(built, tmp_path / "data")
    stdin = PASSPHRASE + "\n"
    no_out = run_cli(["--passphrase-stdin", "salvage"], data, stdin=stdin)
    assert no_out.returncode == 2 and "--out" in assert_clean_error(no_out)
    into_source = run_cli(["--passphrase-stdin", "salvage", "--out", str(data)], data,
                          stdin=stdin)
    assert into_source.returncode == 1 and "ulkopuolelta" in assert_clean_error(into_source)
    (tmp_path / "file").write_text("x")
    not_writable = run_cli(["--passphrase-stdin", "salvage", "--out",
                            str(tmp_path / "file" / "sub")], data, stdin=stdin)
    assert not_writable.returncode == 1 and "ei voi kirjoittaa" in assert_clean_error(
        not_writable)
    nothing = run_cli(["--passphrase-stdin", "salvage", "--out", str(tmp_path / "o")],
                      tmp_path / "empty", stdin=stdin)
    assert nothing.returncode == 1 and "otdesk init" in assert_clean_error(nothing)
    wrong = run_cli(["--passphrase-stdin", "salvage", "--out", str(tmp_path / "o")], data,
                    stdin="väärä arvaus\n")
    assert wrong.returncode == 1 and "Väärä tunnuslause" in assert_clean_error(wrong)
    keyless = run_cli(["salvage", "--out", str(tmp_path / "o")], data)
    assert keyless.returncode == 1 and "--passphrase-stdin" in assert_clean_error(keyless)
    (data / "otdesk.db").write_bytes(bytes(8192))
    zeros = run_cli(["--passphrase-stdin", "salvage", "--out", str(tmp_path / "o")], data,
                    stdin=stdin)
    assert zeros.returncode == 1 and "ei voi lukea mitään" in assert_clean_error(zeros)
    assert not (tmp_path / "o").exists()


@pytest.mark.keyring
def test_a_keyring_vault_is_salvaged_with_its_keyring_key(tmp_path, os_keyring):
    """No passphrase: the key comes from the OS keyring, and the new vault (the same key
    slots, so the same vault id) opens with that same keyring entry."""
    data = tmp_path / "data"
    assert run_cli(["init"], data, keyring_backend=None).returncode == 0
    assert run_cli(["demo", "--count", "20", "--no-deliveries"], data,
                   keyring_backend=None).returncode == 0
    out = tmp_path / "out"
    result = run_cli(["--lang", "en", "salvage", "--out", str(out)], data, keyring_backend=None)
    assert result.returncode == 0, result.stderr
    assert "Consultations copied: 20 of 20." in result.stdout
    listed = run_cli(["list", "--json"], out, keyring_backend=None)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 20
