"""Search by word, not by letters: Finnish base forms and compound parts (Voikko),
Swedish stems and compound parts, the labels of categories, sectors, regions and
statuses; an older vault's terms indexed by the storage worker; the list as a person
types into it; what ``otdesk doctor`` says of it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from conftest import PASSPHRASE, close_window, require, run_cli, wait_for_list
from otdesk.core import dates, search_terms
from otdesk.core.domain import Consultation, Requester
from otdesk.storage.vault import VaultPaths, open_vault

#: (name, text, categories): what a consultant would have written; searched below
TEXTS = {
    "riita_gen": ("Vanhempien huoltoriidan vuoksi lapsi on ollut poissa koulusta.", []),
    "riita_ine": ("Huoltoriidassa on mukana myös isovanhemmat.", []),
    "riita_pl": ("Perhe on ollut useissa huoltoriidoissa vuodesta 2019.", []),
    "riita_base": ("Taustalla pitkä huoltoriita ja väkivallan uhka.", []),
    "turva": ("Laaditaan turvasuunnitelma yhdessä äidin kanssa.", []),
    "turva_gen": ("Turvasuunnitelman tarkistus sovittiin ensi viikolle.", []),
    "ilmoitus": ("Koulu teki lastensuojeluilmoituksen syyskuussa.", []),
    "tapaaminen": ("Valvotun tapaamisen järjestäminen ei ole onnistunut.", []),
    "eroriita": ("Vanhemmat eivät pääse sopuun asumisesta.", ["high_conflict_separation"]),
    "sv_tvist": ("Vårdnadstvisten har pågått i två år.", []),
    "sv_base": ("En långvarig vårdnadstvist mellan föräldrarna.", []),
    "sv_barn": ("Barnet bor växelvis hos båda föräldrarna.", []),
    "other": ("Nuori käyttää päihteitä ja on jäänyt pois harrastuksista.", []),
    "school": ("Opettaja on huolissaan oppilaan jaksamisesta.", []),
}

#: query → the names it must find (and nothing else among TEXTS)
EXPECTED = {
    # (eroriita: its category reads "Eroriita tai huoltoriita …")
    "huoltoriita": {"riita_gen", "riita_ine", "riita_pl", "riita_base", "eroriita"},
    "huoltoriidassa": {"riita_gen", "riita_ine", "riita_pl", "riita_base", "eroriita"},
    "riita": {"riita_gen", "riita_ine", "riita_pl", "riita_base", "eroriita"},
    "turvasuunnitelma": {"turva", "turva_gen"},
    "turvasuunnitelman": {"turva", "turva_gen"},
    "suunnitelma": {"turva", "turva_gen"},
    "lastensuojeluilmoitus": {"ilmoitus"},
    "lastensuojelu": {"ilmoitus"},
    "ilmoitus": {"ilmoitus"},
    "tapaaminen": {"tapaaminen"},
    "Eroriita": {"eroriita"},  # the category's label, in Finnish …
    "vårdnadstvist": {"sv_tvist", "sv_base", "eroriita"},  # … and in Swedish
    "vårdnadstvisten": {"sv_tvist", "sv_base", "eroriita"},
    "tvist": {"sv_tvist", "sv_base", "eroriita"},
    "barnet": {"sv_barn"},
    "huolto": {"riita_gen", "riita_ine", "riita_pl", "riita_base", "eroriita"},  # a prefix
    "huoltoriita koulusta": {"riita_gen"},  # every word must match
}


def _store(vault) -> dict[str, int]:
    ids = {}
    for name, (text, categories) in TEXTS.items():
        c = Consultation(question=text, categories=categories,
                         requester=Requester(organisation="Testikunta"))
        c.situation.background = text
        ids[name] = vault.repository.create(c).id
    return ids


def _list_window(qtbot, vault):
    """The main window on :data:`TEXTS`, its list shown: (window, list, ids by name)."""
    _has_voikko()
    from otdesk.ui.main_window import MainWindow

    ids = _store(vault)
    window = MainWindow(vault, lang="fi")
    qtbot.addWidget(window)
    window.show()
    wait_for_list(qtbot, window.list, len(TEXTS))
    return window, window.list, ids


def _has_voikko() -> None:
    require(search_terms.has_voikko(), "Voikko (libvoikko1, voikko-fi) is not installed")


def test_inflected_and_compound_finnish_and_swedish_words_find_each_other(vault):
    _has_voikko()
    ids = _store(vault)
    names = {v: k for k, v in ids.items()}
    for query, expected in EXPECTED.items():
        found = {names[i] for i in vault.repository.search_ids(query)}
        assert found == expected, query
    # the list's own SQL finds the same
    from otdesk.storage import listing
    got = listing.listing(vault.conn, listing.ListQuery(search="huoltoriidoissa"),
                          dates.today())
    assert {names[i] for i in got.ids} == EXPECTED["huoltoriita"] and got.total == 5


def test_a_changed_or_deleted_consultation_is_found_by_its_new_words_only(vault):
    _has_voikko()
    repo = vault.repository
    c = repo.create(Consultation(question="Huoltoriita"))
    assert repo.search_ids("huoltoriidan") == {c.id}
    c.question = "Koulukiusaaminen"
    repo.update(c)
    assert repo.search_ids("huoltoriidan") == set()
    assert repo.search_ids("koulukiusaamisesta") == {c.id}
    assert repo.search_ids("käsittelyyn") == set()
    repo.change_status(c.id, "declined", "Ohjattu toiseen palveluun")
    assert repo.search_ids("käsittelyyn") == {c.id}  # "Ei otettu käsittelyyn"
    assert repo.search_ids("Declined") == {c.id}
    repo.delete(c.id)
    assert repo.search_ids("koulukiusaamisesta") == set()
    for table in ("consultation_terms", "consultation_sv_parts", "consultation_text"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_vault_of_schema_5_is_indexed_by_the_storage_worker_in_idle_steps(data_dir,
                                                                           no_keyring):
    """A vault made before the terms existed: its consultations are found by their
    letters at once, and by base form once the worker's idle steps have indexed them;
    a step that stops half-way goes on from where it stopped."""
    _has_voikko()
    from conftest import database_at_schema
    from otdesk.storage.vault import init_vault
    from otdesk.storage.writer import BackgroundWriter

    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        key = bytes(v.data_key)
        for _ in range(30):
            v.repository.create(Consultation(question="Huoltoriidan sovittelu"))
        docs = v.conn.execute("SELECT id, doc FROM consultation_docs").fetchall()
        rows = v.conn.execute("SELECT * FROM consultations").fetchall()
        cols = [d[1] for d in v.conn.execute("PRAGMA table_info(consultations)")]
    conn = database_at_schema(data_dir, key, 5)
    conn.executemany(f"INSERT INTO consultations ({', '.join(cols)}) VALUES"
                     f" ({', '.join('?' * len(cols))})", rows)
    conn.executemany("INSERT INTO consultation_docs (id, doc) VALUES (?, ?)", docs)
    for cid, doc in docs:
        conn.execute("INSERT INTO consultation_text (rowid, body) VALUES (?, ?)",
                     (cid, json.loads(doc)["question"]))
    conn.commit()
    conn.close()

    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        assert v.conn.execute("PRAGMA user_version").fetchone()[0] >= 6
        repo = v.repository
        assert len(repo.search_ids("huoltoriidan")) == 30  # by its letters, at once
        assert repo.search_ids("huoltoriita") == set()  # not yet by its base form
        assert repo.index_terms_step(seconds=0) is True  # one consultation, then stop
        assert len(repo.search_ids("huoltoriita")) == 1
        v.hand_over_writing()
        writer = BackgroundWriter(v, on_saved=lambda *a: None, on_error=lambda *a: None)
        try:
            import time
            deadline = time.monotonic() + 20
            while len(repo.search_ids("huoltoriita")) < 30 and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            writer.close()
        assert len(repo.search_ids("huoltoriita")) == 30
        meta = dict(v.conn.execute("SELECT key, value FROM meta WHERE key LIKE 'terms.%'"))
        assert meta["terms.analysers"] == search_terms.analysers()
        assert int(meta["terms.done_upto"]) == max(r[0] for r in docs)


def test_without_voikko_the_search_falls_back_to_snowball_and_says_so(vault, monkeypatch):
    monkeypatch.setattr(search_terms, "_voikko", False)
    search_terms.word_terms.cache_clear()
    search_terms._query_word.cache_clear()
    try:
        assert search_terms.analysers().endswith("snowball-fi + snowball-sv")
        c = vault.repository.create(Consultation(question="Laaditaan turvasuunnitelma"))
        assert vault.repository.search_ids("turvasuunnitelman") == {c.id}  # one stem
        assert vault.repository.search_ids("suunnitelma") == {c.id}  # (the trigrams)
        # … and plainly weaker: consonant gradation defeats it
        d = vault.repository.create(Consultation(question="Pitkä huoltoriita"))
        assert vault.repository.search_ids("huoltoriidan") == set()
        assert d.id
    finally:
        search_terms.word_terms.cache_clear()
        search_terms._query_word.cache_clear()


def test_doctor_names_the_analysers_and_how_far_the_index_is(data_dir, no_keyring):
    _has_voikko()
    from otdesk.storage.vault import init_vault

    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        v.repository.create(Consultation(question="Huoltoriita"))
        v.conn.execute("UPDATE meta SET value = '0' WHERE key = 'terms.done_upto'")
    for lang, words in (("fi", "Voikko"), ("en", "0/1 consultations searchable")):
        result = run_cli(["--lang", lang, "doctor", "--passphrase-stdin"], data_dir,
                         stdin=PASSPHRASE + "\n")
        line = next(x for x in result.stdout.splitlines() if "Haku" in x or "Search" in x)
        assert words in line and "Traceback" not in result.stderr, result.stdout
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        assert v.repository.index_terms_step() is False
    result = run_cli(["--lang", "en", "doctor", "--passphrase-stdin"], data_dir,
                     stdin=PASSPHRASE + "\n")
    line = next(x for x in result.stdout.splitlines() if "Search" in x)
    assert line.startswith("OK") and "searchable" not in line, result.stdout


def test_typing_an_inflected_word_into_the_list_finds_the_base_form(qtbot, vault):
    """As a consultant looks for her earlier similar cases: types a word in the
    inflected form she has in mind; the list shows the consultations with any form."""
    window, lst, ids = _list_window(qtbot, vault)
    lst.search.setFocus()
    qtbot.keyClicks(lst.search, "turvasuunnitelman")
    wait_for_list(qtbot, lst, 2)
    shown = {lst.model.id_at(r) for r in range(lst.model.rowCount())}
    assert shown == {ids["turva"], ids["turva_gen"]}
    lst.search.selectAll()
    qtbot.keyClicks(lst.search, "tvist")
    wait_for_list(qtbot, lst, 3)
    qtbot.keyClick(lst.search, Qt.Key.Key_Escape)
    close_window(qtbot, window)


@pytest.mark.parametrize("word", ["", "   ", '"', "*", "AND", "NEAR(", "x" * 300])
def test_odd_queries_give_a_plain_answer(vault, word):
    vault.repository.create(Consultation(question="Huoltoriita"))
    assert isinstance(vault.repository.search_ids(word), set)


def test_the_category_filter_lists_each_category_s_consultations(vault):
    """Every category, alone and with a search, against a plain query of the JSON list."""
    from otdesk.core import vocabulary
    from otdesk.demo import insert_demo
    from otdesk.storage import listing

    insert_demo(vault, 150, seed=7, deliveries=False)
    today = dates.today()
    every = {cid: json.loads(cats) for cid, cats in
             vault.conn.execute("SELECT id, categories FROM consultations")}
    for code, _ in vocabulary.labels("categories", "fi"):
        expected = {cid for cid, cats in every.items() if code in cats}
        found = listing.listing(vault.conn, listing.ListQuery(category=code), today, first=500)
        assert set(found.ids) == expected and found.total == len(expected), code
        both = listing.listing(vault.conn, listing.ListQuery(category=code, search="lapsi"),
                               today, first=500)
        assert set(both.ids) == expected & vault.repository.search_ids("lapsi"), code


def test_choosing_a_category_in_the_list_and_typing_a_word_combine(qtbot, vault):
    """The consultant picks a category from the list's chooser (by keyboard, as she
    would: Tab to it, type its first letters) and types a word: both apply."""
    window, lst, ids = _list_window(qtbot, vault)
    combo = lst.category_filter
    assert combo.accessibleName()  # (its words: the translation tests)
    combo.setFocus()
    qtbot.keyClicks(combo, "Eroriita")
    assert combo.currentData() == "high_conflict_separation"
    wait_for_list(qtbot, lst, 1)
    assert lst.model.id_at(0) == ids["eroriita"]
    lst.search.setFocus()
    qtbot.keyClicks(lst.search, "koulusta")
    wait_for_list(qtbot, lst, 0)
    qtbot.keyClick(lst.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(lst.search, "riita")
    wait_for_list(qtbot, lst, 1)
    close_window(qtbot, window)


def test_a_search_by_date_counts_and_pages_as_the_sql_way_does(vault, monkeypatch):
    """The list's search read once per word (many matches) gives what SQL's way gives:
    the same total, overdue count and first screen, both directions."""
    from otdesk.demo import insert_demo
    from otdesk.storage import listing

    insert_demo(vault, 200, seed=9, deliveries=False)
    today = dates.today()
    for text in ("lapsi", "koulu", "huol", "lasten huolto", "perhe tuki", "OT-2025"):
        for descending in (True, False):
            query = listing.ListQuery(search=text, descending=descending)
            monkeypatch.setattr(listing, "FEW_HITS", 0)  # the set, always
            once = listing.listing(vault.conn, query, today, first=40)
            monkeypatch.setattr(listing, "FEW_HITS", 10**9)  # SQL's way, always
            sql = listing.listing(vault.conn, query, today, first=40)
            assert (list(once.ids), once.total, once.overdue) == \
                (list(sql.ids), sql.total, sql.overdue), (text, descending)
            assert once.total > 0 and set(once.rows) == set(once.ids)


def test_the_command_line_lists_by_word_and_category_and_refuses_an_unknown_one(data_dir,
                                                                              no_keyring):
    _has_voikko()
    from otdesk.storage.vault import init_vault

    from conftest import assert_clean_error

    init_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    with open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring) as v:
        ids = _store(v)
        ref = v.repository.get(ids["eroriita"]).reference
        other = v.repository.get(ids["riita_gen"]).reference
    args = ["list", "--passphrase-stdin", "--search", "riidassa"]
    found = run_cli(args, data_dir, stdin=PASSPHRASE + "\n")
    assert found.returncode == 0 and ref in found.stdout and other in found.stdout
    only = run_cli([*args, "--category", "high_conflict_separation", "--json"], data_dir,
                   stdin=PASSPHRASE + "\n")
    assert only.returncode == 0, only.stderr
    assert [r["reference"] for r in json.loads(only.stdout)] == [ref]
    bad = run_cli([*args, "--category", "eroriita"], data_dir, stdin=PASSPHRASE + "\n")
    text = assert_clean_error(bad)
    assert bad.returncode == 2 and "eroriita" in text and "high_conflict_separation" in text
