"""The expert directory in a real SQLCipher vault."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from otdesk.core import domain
from otdesk.core.errors import UserError
from otdesk.core.expert_defaults import load_defaults, parse_defaults
from otdesk.core.structure import TemplateError
from otdesk.storage.experts import Expert, ExpertDirectory, sort_key
from otdesk.storage.vault import migrate, open_vault
from conftest import PASSPHRASE


@pytest.fixture
def directory(vault):
    return ExpertDirectory(vault.conn)


def _reopen(vault, data_dir, no_keyring):
    vault.close()
    return open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)


# --- the defaults ---------------------------------------------------------------------------


def test_default_template_is_complete():
    defaults = load_defaults()
    names = {d.name for d in defaults}
    for expected in ("Elmeri-koulut", "Oppimis- ja ohjauskeskus Valteri",
                     "Vaalijalan osaamis- ja tukikeskus", "KYS vaativa lastenpsykiatria",
                     "KYS lasten ja nuorten oikeuspsykiatrian tutkimusyksikkö",
                     "KYS harvinaissairauksien yksikkö", "KYS toiminnallisten häiriöiden työryhmä",
                     "Viola ry / Tukikeskus Varjo", "Barnahus", "VAURAS-hanke",
                     "PALOMA-osaamiskeskus", "Vaatu-toiminta", "Koulukodit", "EVA-yksikkö",
                     "Päiväperho", "Lasten oikeuspsykiatrian yksikkö"):
        assert expected in names
    for d in defaults:
        assert d.kind == "organisation"
        assert d.categories and set(d.categories) <= set(domain.CATEGORIES)
        for text in d.description.values():
            assert not re.search(r"\d{3}", text), f"{d.name}: looks like a phone number"


def test_seeded_defaults_are_present(directory):
    experts = directory.all()
    assert len(experts) == len(load_defaults())
    by_name = {e.name: e for e in experts}
    valteri = by_name["Oppimis- ja ohjauskeskus Valteri"]
    assert valteri.active and valteri.kind == "organisation" and valteri.contact == ""
    assert valteri.description.startswith("Valtakunnallinen")  # stored in Finnish
    assert "rare_disease" in valteri.categories
    assert [e.name for e in experts] == sorted((e.name for e in experts), key=sort_key)


def test_seeding_in_swedish(vault):
    experts = ExpertDirectory(vault.conn, lang="sv").all()
    barnahus = next(e for e in experts if e.name == "Barnahus")
    assert barnahus.description.startswith("En verksamhetsmodell")


def test_seeding_happens_once(vault, directory):
    assert directory.ensure_seeded() is True     # the first use on this vault
    assert directory.ensure_seeded() is False
    assert ExpertDirectory(vault.conn).ensure_seeded() is False
    assert len(ExpertDirectory(vault.conn).all(include_inactive=True)) == len(load_defaults())
    seeded = [e for e in vault.repository.audit_entries() if e.action == "experts.seeded"]
    assert len(seeded) == 1


def test_nordic_name_order():
    names = ["Öljy", "Ääni", "Åbo", "Zeta", "alku", "Oulu"]
    assert sorted(names, key=sort_key) == ["alku", "Oulu", "Zeta", "Åbo", "Ääni", "Öljy"]


# --- suggestions -----------------------------------------------------------------------------


def test_suggest_ranks_by_categories_covered_then_name(directory):
    wanted = ["neuropsychiatric", "intellectual_disability_psychiatric", "rare_disease"]
    found = directory.suggest(wanted)
    scores = [e.covers(wanted) for e in found]
    assert found[0].name == "Oppimis- ja ohjauskeskus Valteri"  # covers all three
    assert scores[0] == 3
    assert scores == sorted(scores, reverse=True)
    assert all(s >= 1 for s in scores)
    for score in set(scores):
        same = [e.name for e in found if e.covers(wanted) == score]
        assert same == sorted(same, key=sort_key)
    assert [e.name for e in found if e.covers(wanted) == 2] == [
        "Elmeri-koulut", "KYS vaativa lastenpsykiatria", "Vaalijalan osaamis- ja tukikeskus",
        "Vaatu-toiminta"]
    everyone = {e.name for e in directory.all() if e.covers(wanted)}
    assert {e.name for e in found} == everyone


def test_suggest_single_category(directory):
    assert [e.name for e in directory.suggest(["functional_disorder"])] == \
        ["KYS toiminnallisten häiriöiden työryhmä"]
    assert directory.suggest([]) == []


def test_suggest_refuses_unknown_categories(directory):
    with pytest.raises(UserError) as err:
        directory.suggest(["rare_disease", "astrology"])
    assert err.value.key == "error.category_unknown"
    assert err.value.params == {"category": "astrology"}


def test_suggest_leaves_out_removed_experts(directory):
    (only,) = directory.suggest(["functional_disorder"])
    directory.remove(only.id)
    assert directory.suggest(["functional_disorder"]) == []


# --- add, update, remove --------------------------------------------------------------------


def test_round_trip_survives_reopening(vault, data_dir, no_keyring):
    directory = ExpertDirectory(vault.conn)
    added = directory.add(Expert(name="  Lapsikaappauskysymysten konsultaatio ",
                                 description="Neuvontaa lapsikaappaustilanteisiin.",
                                 categories=["child_abduction", "child_abduction"],
                                 contact="konsultaatio@example.org"))
    assert added.id is not None
    assert added.name == "Lapsikaappauskysymysten konsultaatio"
    assert added.categories == ("child_abduction",)
    changed = directory.update(Expert(id=added.id, name=added.name,
                                      description="Neuvontaa ja konsultaatiota.",
                                      categories=("child_abduction", "honour_violence"),
                                      contact="puhelinaika ma–to", kind="organisation"))
    other = directory.add(Expert(name="Erityisasiantuntija", kind="person",
                                 categories=("human_trafficking",)))

    vault = _reopen(vault, data_dir, no_keyring)
    try:
        directory = ExpertDirectory(vault.conn)
        assert directory.get(added.id) == changed
        assert directory.get(other.id).kind == "person"
        directory.remove(added.id)
        assert added.id not in {e.id for e in directory.all()}

        vault = _reopen(vault, data_dir, no_keyring)
        directory = ExpertDirectory(vault.conn)
        gone = directory.get(added.id)
        assert gone.active is False and gone.name == changed.name  # still resolves
        assert gone.categories == ("child_abduction", "honour_violence")
        assert added.id in {e.id for e in directory.all(include_inactive=True)}
        assert len(directory.all(include_inactive=True)) == len(load_defaults()) + 2
        back = directory.update(Expert(**{**gone.__dict__, "active": True}))
        assert directory.get(added.id).active and back.active
    finally:
        vault.close()


def test_removing_everything_does_not_reseed(vault, data_dir, no_keyring):
    directory = ExpertDirectory(vault.conn)
    for e in directory.all():
        directory.remove(e.id)
    assert directory.all() == []
    assert ExpertDirectory(vault.conn).all() == []
    vault = _reopen(vault, data_dir, no_keyring)
    try:
        directory = ExpertDirectory(vault.conn)
        assert directory.all() == []
        assert directory.ensure_seeded() is False
        assert len(directory.all(include_inactive=True)) == len(load_defaults())
    finally:
        vault.close()


def test_changes_are_audited(vault, directory):
    e = directory.add(Expert(name="Perheneuvola", categories=("high_conflict_separation",)))
    directory.update(Expert(id=e.id, name="Perheneuvola", categories=("family_violence",)))
    directory.remove(e.id)
    entries = vault.repository.audit_entries(f"expert:{e.id}")
    assert [a.action for a in entries] == ["expert.added", "expert.changed", "expert.removed"]
    assert all(a.outcome == "ok" for a in entries)
    assert vault.repository.verify_audit().ok


def test_bad_category_is_refused_and_nothing_stored(vault, directory):
    before = directory.all(include_inactive=True)
    with pytest.raises(UserError) as err:
        directory.add(Expert(name="Tuntematon", categories=("rare_disease", "nonsense")))
    assert err.value.key == "error.category_unknown"
    assert err.value.params == {"category": "nonsense"}
    target = before[0]
    with pytest.raises(UserError) as err:
        directory.update(Expert(id=target.id, name=target.name, categories=("nonsense",)))
    assert err.value.key == "error.category_unknown"
    assert directory.all(include_inactive=True) == before


def test_other_invalid_entries(directory):
    with pytest.raises(UserError) as err:
        directory.add(Expert(name="   ", categories=("rare_disease",)))
    assert err.value.key == "error.expert_name_needed"
    with pytest.raises(UserError) as err:
        directory.add(Expert(name="X", kind="robot"))
    assert err.value.key == "error.choice_invalid"
    for call in (lambda: directory.update(Expert(id=999_999, name="X")),
                 lambda: directory.update(Expert(name="X")),
                 lambda: directory.remove(999_999),
                 lambda: directory.get(999_999)):
        with pytest.raises(UserError) as err:
            call()
        assert err.value.key == "error.expert_not_found"


# --- schema --------------------------------------------------------------------------------


def test_an_old_vault_gets_the_tables(vault, tmp_path):
    from otdesk.storage import keyslots
    from otdesk.storage.vault import _migrations, _split_sql, connect

    latest = vault.conn.execute("PRAGMA user_version").fetchone()[0]
    assert latest >= 2
    conn = connect(tmp_path / "v1.db", keyslots.new_data_key())  # a vault of schema version 1
    for statement in _split_sql(_migrations()[0][1]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    assert migrate(conn) == latest
    assert len(ExpertDirectory(conn).all()) == len(load_defaults())
    conn.close()


def test_broken_default_templates_are_refused():
    text = resources.files("otdesk.templates").joinpath("experts.toml").read_text("utf-8")
    with pytest.raises(TemplateError, match="unknown"):
        parse_defaults(text.replace('categories = ["rare_disease"]',
                                    'categories = ["rare_diseases"]', 1))
    with pytest.raises(TemplateError, match="needs fi, sv and en"):
        parse_defaults(text.replace('description = { fi = "Toimintamalli',
                                    'description = { fx = "Toimintamalli', 1))
    with pytest.raises(TemplateError, match="repeated"):
        parse_defaults(text.replace('key = "vaatu"', 'key = "valteri"', 1))
    with pytest.raises(TemplateError, match="kind"):
        parse_defaults(text.replace('kind = "organisation"', 'kind = "company"', 1))


def test_custom_defaults(vault):
    (one,) = [d for d in load_defaults() if d.key == "barnahus"]
    directory = ExpertDirectory(vault.conn, defaults=[one])
    assert [e.name for e in directory.all()] == ["Barnahus"]
