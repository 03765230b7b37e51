"""The vault: encrypted at rest, never replaced, one writer, clear messages."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from conftest import PASSPHRASE
from otdesk.core import dates
from otdesk.core.domain import Consultation, Requester
from otdesk.core.errors import UserError
from otdesk.storage import keyring_store, keyslots
from otdesk.storage.vault import VaultPaths, init_vault, open_vault, read_slots, recover

CANARY = "KANARIALINTU-7f3a-äöå"


def _error_key(fn, *args, **kwargs) -> str:
    with pytest.raises(UserError) as err:
        fn(*args, **kwargs)
    assert err.value.message("fi") and err.value.message("sv") and err.value.message("en")
    return err.value.key


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_nothing_in_the_data_dir_is_readable_without_the_key(vault, repo, data_dir):
    repo.create(Consultation(question=CANARY, requester=Requester(name=CANARY)))
    c = repo.list()[0]
    repo.update(repo.get(c.id))
    vault.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # some pages in the db, some in WAL
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    for path in files:
        raw = path.read_bytes()
        assert not raw.startswith(b"SQLite format 3\x00"), path
        assert CANARY.encode("utf-8") not in raw, path
        assert CANARY.encode("utf-16-le") not in raw, path
    vault.close()
    plain = sqlite3.connect(data_dir / "otdesk.db")
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_data_files_are_private_to_the_user(vault, data_dir):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    for path in [data_dir, *data_dir.iterdir()]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_init_never_replaces_an_existing_vault(vault, repo, data_dir, no_keyring):
    repo.create(Consultation(question="säilyy"))
    vault.close()
    before = _digest(data_dir / "otdesk.db"), _digest(data_dir / "keyslots.json")
    assert _error_key(init_vault, data_dir, passphrase="toinen tunnuslause",
                      backend=no_keyring) == "error.vault_exists"
    assert (_digest(data_dir / "otdesk.db"), _digest(data_dir / "keyslots.json")) == before


def test_wrong_passphrase_is_refused_and_changes_nothing(vault, repo, data_dir):
    repo.create(Consultation(question="ennallaan"))
    vault.close()
    before = _digest(data_dir / "otdesk.db")
    assert _error_key(open_vault, data_dir, passphrase="väärä tunnuslause") == \
        "error.passphrase_wrong"
    assert _digest(data_dir / "otdesk.db") == before
    with open_vault(data_dir, passphrase=PASSPHRASE) as again:
        assert [c.id for c in again.repository.list()] == [1]


def test_no_keyring_asks_for_the_passphrase(vault, data_dir, no_keyring):
    vault.close()
    assert _error_key(open_vault, data_dir, backend=no_keyring) == "error.passphrase_needed"


def test_missing_database_is_reported_and_never_recreated(vault, data_dir):
    vault.close()
    (data_dir / "otdesk.db").rename(data_dir / "elsewhere.db")
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.db_missing"
    assert not (data_dir / "otdesk.db").exists()


def test_missing_key_file_is_reported(vault, data_dir):
    vault.close()
    (data_dir / "keyslots.json").unlink()
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.keyslots_missing"


def test_no_vault_yet_says_how_to_create_one(data_dir):
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.no_vault"
    assert not data_dir.exists()


def test_corrupted_database_is_reported_and_left_as_it_was(vault, repo, data_dir):
    for i in range(200):
        repo.create(Consultation(question=f"rivi {i} " + "teksti " * 50))
    vault.close()
    path = data_dir / "otdesk.db"
    raw = bytearray(path.read_bytes())
    for offset in range(8192, len(raw), 4096):  # damage a few bytes in every page but the first
        raw[offset + 100 : offset + 116] = b"\xff" * 16
    path.write_bytes(bytes(raw))
    before = _digest(path)
    with pytest.raises(UserError) as err:
        with open_vault(data_dir, passphrase=PASSPHRASE) as v:
            v.repository.list(search="teksti")
            [v.repository.get(c.id) for c in v.repository.list()]
    assert err.value.key == "error.db_damaged"
    assert _digest(path) == before


def test_a_damaged_first_page_with_the_right_key_is_damage_not_a_wrong_key(vault, data_dir):
    vault.close()
    path = data_dir / "otdesk.db"
    raw = bytearray(path.read_bytes())
    raw[40:60] = b"\x00" * 20
    path.write_bytes(bytes(raw))
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.db_damaged"


def test_second_process_is_told_the_vault_is_open(vault, data_dir, tmp_path):
    script = textwrap.dedent(f"""
        from keyring.backends import fail
        from otdesk.core.errors import UserError
        from otdesk.storage.vault import open_vault
        try:
            open_vault({str(data_dir)!r}, passphrase={PASSPHRASE!r}, backend=fail.Keyring())
        except UserError as e:
            print(e.key)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == "error.vault_in_use", out.stderr
    # and in this process too
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.vault_in_use"
    vault.repository.create(Consultation(question="yhä kirjoitettavissa"))


def test_full_disk_refuses_the_write_and_keeps_what_was_saved(vault, repo):
    kept = repo.create(Consultation(question="tallessa"))
    (pages,) = vault.conn.execute("PRAGMA page_count").fetchone()
    vault.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = Consultation(question="iso " + "sana " * 200_000)
    with pytest.raises(UserError) as err:
        repo.create(big)
    assert err.value.key == "error.disk_full"
    assert "Levy on täynnä" in err.value.message("fi")
    assert [c.id for c in repo.list()] == [kept.id]
    assert repo.get(kept.id).question == "tallessa"
    assert vault.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    vault.conn.execute("PRAGMA max_page_count = 1073741823")
    repo.create(big)  # space again: the same edit now goes through
    assert len(repo.list()) == 2


def test_interrupted_init_is_finished_on_open(data_dir, no_keyring):
    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    paths = VaultPaths(data_dir)
    os.replace(paths.db, paths.db_new)  # as if the process died just before the rename
    with open_vault(data_dir, passphrase=PASSPHRASE) as v:
        assert v.repository.count() == 0
    assert paths.db.exists() and not paths.db_new.exists()


def test_recovery_code_sets_a_new_passphrase(data_dir, no_keyring):
    result = init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    with open_vault(data_dir, passphrase=PASSPHRASE) as v:
        v.repository.create(Consultation(question="palautettava"))
    typo = result.recovery_code.replace("-", "")
    typo = typo[:12] + ("A" if typo[12] != "A" else "B") + typo[13:]
    assert _error_key(recover, data_dir, typo, new_passphrase="uusi tunnuslause") == \
        "error.recovery_group"
    assert recover(data_dir, result.recovery_code, new_passphrase="uusi tunnuslause",
                   backend=no_keyring) == "passphrase"
    with open_vault(data_dir, passphrase="uusi tunnuslause") as v:
        assert v.repository.get(1).question == "palautettava"
        actions = [e.action for e in v.repository.audit_entries()]
        assert "vault.passphrase_set" in actions
        assert v.repository.verify_audit().ok
    assert _error_key(open_vault, data_dir, passphrase=PASSPHRASE) == "error.passphrase_wrong"


def test_recover_without_a_keyring_asks_for_a_passphrase(data_dir, no_keyring):
    result = init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    assert _error_key(recover, data_dir, result.recovery_code, backend=no_keyring) == \
        "error.no_keyring_for_recover"


def test_init_without_keyring_or_passphrase_is_refused(data_dir, no_keyring):
    assert _error_key(init_vault, data_dir, backend=no_keyring) == "error.no_keyring_for_init"
    assert not (data_dir / "otdesk.db").exists()


# --- with the real OS keyring ----------------------------------------------------------


@pytest.mark.keyring
def test_keyring_vault_opens_without_a_passphrase(data_dir, os_keyring):
    result = init_vault(data_dir, backend=os_keyring)
    assert result.in_keyring and not result.has_passphrase
    with open_vault(data_dir, backend=os_keyring) as v:
        v.repository.create(Consultation(question="avainsäilössä"))
    stored = os_keyring.get_password(keyring_store.KEYRING_SERVICE, result.vault_id)
    assert stored and len(bytes.fromhex(stored)) == 32


@pytest.mark.keyring
def test_lost_keyring_entry_is_recovered_with_the_code(data_dir, os_keyring):
    result = init_vault(data_dir, backend=os_keyring)
    with open_vault(data_dir, backend=os_keyring) as v:
        v.repository.create(Consultation(question="ei katoa"))
    os_keyring.delete_password(keyring_store.KEYRING_SERVICE, result.vault_id)
    assert _error_key(open_vault, data_dir, backend=os_keyring) == "error.key_missing"
    assert recover(data_dir, result.recovery_code, backend=os_keyring) == "keyring"
    with open_vault(data_dir, backend=os_keyring) as v:
        assert v.repository.get(1).question == "ei katoa"


@pytest.mark.keyring
def test_a_wrong_key_in_the_keyring_is_told_apart(data_dir, os_keyring):
    result = init_vault(data_dir, backend=os_keyring)
    os_keyring.set_password(keyring_store.KEYRING_SERVICE, result.vault_id,
                            keyslots.new_data_key().hex())
    before = _digest(data_dir / "otdesk.db")
    assert _error_key(open_vault, data_dir, backend=os_keyring) == "error.key_wrong"
    assert _digest(data_dir / "otdesk.db") == before


@pytest.mark.keyring
def test_two_vaults_keep_two_keys(tmp_path, os_keyring):
    a = init_vault(tmp_path / "a", backend=os_keyring)
    b = init_vault(tmp_path / "b", backend=os_keyring)
    assert a.vault_id != b.vault_id
    with open_vault(tmp_path / "a", backend=os_keyring), open_vault(tmp_path / "b",
                                                                     backend=os_keyring):
        pass


def test_a_vault_of_schema_4_opens_and_its_list_columns_are_filled(data_dir, no_keyring):
    """A vault made before the list sorted in SQL: its consultations get their first
    category at once and their due dates from the first storage worker."""
    import json

    from otdesk.core import deadlines
    from otdesk.storage import listing
    from conftest import database_at_schema

    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    key = read_slots(VaultPaths(data_dir)).unlock_passphrase(PASSPHRASE)
    conn = database_at_schema(data_dir, key, 4)
    doc = {"status": "requested", "categories": ["rare_disease", "substitute_care"],
           "received_at": "2026-11-30T09:00:00+02:00"}
    conn.execute("INSERT INTO consultations (id, reference, status, received_at, organisation,"
                 " categories, created_at, updated_at) VALUES (1, 'OT-2026-0001', 'requested',"
                 " '2026-11-30T07:00:00+00:00', 'Kunta', ?, '2026-11-30T07:00:00+00:00',"
                 " '2026-11-30T07:00:00+00:00')", (json.dumps(doc["categories"]),))
    from otdesk.core.domain import Consultation
    c = Consultation.from_dict({**Consultation().to_dict(), **doc})
    d = c.to_dict()
    for k in ("id", "reference", "created_at", "updated_at"):
        d.pop(k)
    conn.execute("INSERT INTO consultation_docs (id, doc) VALUES (1, ?)", (json.dumps(d),))
    conn.close()

    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        assert v.conn.execute("PRAGMA user_version").fetchone()[0] >= 5
        row = v.conn.execute("SELECT first_category, due_date FROM consultations").fetchone()
        assert row == ("rare_disease", None)
        assert v.repository.use_rules(deadlines.DEFAULT_RULES) is True
        assert v.repository.use_rules(deadlines.DEFAULT_RULES) is False  # done once
        (due,) = v.conn.execute("SELECT due_date FROM consultations").fetchone()
        assert due == deadlines.intake_due(c.received_at).isoformat()
        v.repository.refresh_labels(listing.label_rows(v.conn))  # as the worker does
        found = listing.listing(v.conn, listing.ListQuery(sort="categories"), dates.today())
        assert list(found.ids) == [1] and found.rows[1].due_date == due
        assert v.repository.get(1).categories == ["rare_disease", "substitute_care"]


def test_the_list_labels_every_status_and_category_in_the_vault(vault):
    """The worker's start finds the codes by hopping along two indexes: the same codes as
    reading every row, unknown ones and "no category" among them."""
    from otdesk.demo import insert_demo
    from otdesk.storage import listing

    insert_demo(vault, 60, seed=5, deliveries=False)
    conn = vault.conn
    conn.execute("UPDATE consultations SET first_category = '' WHERE id = 1")
    conn.execute("UPDATE consultations SET first_category = 'not_yet_known' WHERE id = 2")
    rows = set(listing.label_rows(conn))
    for kind, column in (("statuses", "status"), ("categories", "first_category")):
        stored = {r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM consultations")}
        assert len(stored) > 3
        for lang in ("fi", "sv", "en"):
            assert stored <= {code for k, la, code, _ in rows if k == kind and la == lang}
    assert ("categories", "fi", "not_yet_known", "not_yet_known") in rows
    assert ("categories", "fi", "", "") in rows


def test_each_status_filter_lists_the_lines_and_counts_the_overdue_ones_of_that_status(vault):
    """The list's SQL (its named indexes) against a plain query without them, for every
    status filter in both directions of the default order."""
    from otdesk.core import vocabulary
    from otdesk.demo import insert_demo
    from otdesk.storage import listing

    insert_demo(vault, 300, seed=5, deliveries=False)
    today = dates.today()
    statuses = [code for code, _ in vocabulary.labels("statuses", "fi")]
    assert {s for (s,) in vault.conn.execute("SELECT DISTINCT status FROM consultations")} \
        >= {"requested", "held", "declined"}  # (finished, unfinished and overdue ones)
    for status in statuses:
        for descending in (True, False):
            way = "DESC" if descending else "ASC"
            expected = [i for (i,) in vault.conn.execute(
                f"SELECT id FROM consultations WHERE status = ?"
                f" ORDER BY received_at {way}, id {way}", (status,))]
            (overdue,) = vault.conn.execute(
                "SELECT count(*) FROM consultations WHERE status = ? AND due_date < ?",
                (status, today.isoformat())).fetchone()
            query = listing.ListQuery(status=status, descending=descending)
            answer = listing.listing(vault.conn, query, today, first=7)
            assert list(listing.all_ids(vault.conn, query)) == expected, status
            assert list(answer.ids) == expected[:7], status
            assert (answer.total, answer.overdue) == (len(expected), overdue), status
