"""The consultation storage API: every field round-trips, search, audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otdesk.core import domain
from otdesk.core.domain import (Addendum, Consent, Consultation, Feedback, Option, Plan, PlanStep,
                           Reflections, Requester, ScaleRating, Session, Situation)
from otdesk.core.errors import UserError

# --- strategies: any Unicode in every text field -----------------------------------

text = st.text(max_size=200)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
opt_dates = st.none() | dates
datetimes = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1),
                         timezones=st.sampled_from([dt.timezone.utc,
                                                    dt.timezone(dt.timedelta(hours=2))]))


def choice(values):
    return st.sampled_from(("", *values))


requesters = st.builds(Requester, name=text, title=text, organisation=text,
                       sector=choice(domain.SECTORS), region=choice(domain.REGIONS),
                       phone=text, email=text)
situations = st.builds(
    Situation, background=text, tried=text, services=text, worries=text, going_well=text,
    needs_to_happen=text, child_view=text,
    scale=st.lists(st.builds(ScaleRating, participant=text, value=st.integers(0, 10)),
                   max_size=4))
options = st.builds(Option, title=text, description=text, benefits=text, risks=text, needs=text,
                    chosen=st.booleans(), why=text)
plans = st.builds(Plan, steps=st.lists(st.builds(PlanStep, action=text, responsible=text,
                                                 due=opt_dates), max_size=5),
                  follow_up_date=opt_dates, follow_up_agreement=text, contacts=text)


@st.composite
def consultations(draw) -> Consultation:
    anonymous = draw(st.booleans())
    status = draw(st.sampled_from(domain.STATUSES))
    reason = draw(text.filter(str.strip)) if status in domain.REASONED_STATUSES else draw(text)
    return Consultation(
        status=status, status_reason=reason,
        received_at=draw(datetimes), channel=draw(choice(domain.CHANNELS)),
        requester=draw(requesters), question=draw(text),
        categories=draw(st.lists(st.sampled_from(domain.CATEGORIES), unique=True, max_size=4)),
        anonymous=anonymous,
        consent=None if anonymous else draw(st.builds(
            Consent, given_by=text.filter(str.strip), given_on=opt_dates, scope=text)),
        client_description="" if anonymous else draw(text),
        consultants=draw(st.lists(text, max_size=3)), experts=draw(st.lists(text, max_size=3)),
        intake_date=draw(opt_dates),
        worry_start=draw(st.none() | st.integers(1, 4)),
        worry_end=draw(st.none() | st.integers(1, 4)),
        situation=draw(situations),
        reflections=draw(st.builds(Reflections, requester_thoughts=text, hypotheses=text,
                                   perspectives=text)),
        options=draw(st.lists(options, max_size=4)), plan=draw(plans),
        session=draw(st.builds(Session, date=opt_dates,
                               duration_minutes=st.none() | st.integers(1, 600),
                               mode=choice(domain.SESSION_MODES))),
        feedback=draw(st.builds(Feedback, score=st.none() | st.integers(1, 5), comment=text)),
        addenda=draw(st.lists(st.builds(Addendum, at=st.none() | datetimes, author=text,
                                        text=text), max_size=2)),
    )


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(original=consultations(), changed=consultations())
def test_every_field_round_trips_with_any_unicode(repo, original, changed):
    stored = repo.create(original)
    assert repo.get(stored.id) == stored
    changed.id, changed.reference = stored.id, stored.reference
    changed.created_at = stored.created_at
    repo.update(changed)
    again = repo.get(stored.id)
    assert again == changed
    assert again.to_dict() == changed.to_dict()


# --- search ------------------------------------------------------------------------------


@pytest.fixture
def searchable(repo):
    made = {}
    for key, question in [
        ("custody", "Huoltoriita ja lähestymiskielto, lapsi ei halua tavata isää"),
        ("school", "Koulupoissaolot ja ahdistus, nuori ei käy koulua"),
        ("head", "Päänsärky ja toiminnallinen oireilu"),
        ("plain", "Paahtimo ja muuta"),
    ]:
        made[key] = repo.create(Consultation(question=question)).id
    return made


def _ids(repo, text):
    return {r.id for r in repo.list(search=text)}


def test_prefix_search_finds_the_longer_word(repo, searchable):
    assert _ids(repo, "huolto*") == {searchable["custody"]}
    assert _ids(repo, "huolto") == {searchable["custody"]}
    assert _ids(repo, "HUOLTORIITA") == {searchable["custody"]}
    assert _ids(repo, "koulu nuori") == {searchable["school"]}
    assert _ids(repo, "koulu huolto") == set()


def test_a_and_o_umlauts_are_letters_of_their_own(repo, searchable):
    assert _ids(repo, "pää") == {searchable["head"]}
    assert _ids(repo, "paa") == {searchable["plain"]}
    assert _ids(repo, "lähestymis") == {searchable["custody"]}
    assert _ids(repo, "lahestymis") == set()


@pytest.mark.parametrize("query", ['"', "AND", "(", "*", "huolto OR", "NEAR(", "'; DROP", "-"])
def test_any_typed_query_is_safe(repo, searchable, query):
    repo.list(search=query)  # no exception, whatever it finds


def test_search_covers_every_phase_and_follows_edits(repo):
    c = repo.create(Consultation(question="kysymys"))
    c.options.append(Option(title="Perhetyön jatkaminen", risks="uupuminen"))
    c.plan.steps.append(PlanStep(action="Yhteydenotto Barnahukseen", responsible="sosiaalityö"))
    repo.update(c)
    assert _ids(repo, "barnahu") == {c.id}
    assert _ids(repo, "uupu") == {c.id}
    c.plan.steps.clear()
    repo.update(c)
    assert _ids(repo, "barnahu") == set()
    assert _ids(repo, c.reference) == {c.id}


def test_list_filters_and_sorts(repo):
    a = repo.create(Consultation(requester=Requester(organisation="B-kunta"),
                                 received_at=dt.datetime(2025, 1, 2, tzinfo=dt.timezone.utc)))
    b = repo.create(Consultation(requester=Requester(organisation="A-kunta"),
                                 received_at=dt.datetime(2025, 3, 4, tzinfo=dt.timezone.utc)))
    repo.change_status(b.id, "accepted")
    assert [r.id for r in repo.list()] == [b.id, a.id]
    assert [r.id for r in repo.list(order_by="organisation", descending=False)] == [b.id, a.id]
    assert [r.id for r in repo.list(status="accepted")] == [b.id]
    assert repo.list(status="accepted")[0].to_dict()["status"] == "accepted"


def test_delete_removes_the_consultation_and_its_text(repo):
    c = repo.create(Consultation(question="poistettava ainutlaatuinen"))
    repo.delete(c.id)
    assert _ids(repo, "ainutlaatui") == set()
    with pytest.raises(UserError) as err:
        repo.get(c.id)
    assert err.value.key == "error.not_found"


# --- rules ----------------------------------------------------------------------------


def test_invalid_status_step_is_refused_with_a_reason(repo):
    c = repo.create(Consultation())
    with pytest.raises(UserError) as err:
        repo.change_status(c.id, "closed")
    assert err.value.key == "error.status_transition"
    with pytest.raises(UserError) as err:
        repo.change_status(c.id, "declined")
    assert err.value.key == "error.status_reason_needed"
    repo.change_status(c.id, "declined", "Ei OT-tason tilanne; ohjattu perustasolle")
    assert repo.get(c.id).status == "declined"


@pytest.mark.parametrize("change, key", [
    (lambda c: setattr(c, "worry_start", 9), "error.out_of_range"),
    (lambda c: c.situation.scale.append(ScaleRating("äiti", 11)), "error.out_of_range"),
    (lambda c: setattr(c.feedback, "score", 0), "error.out_of_range"),
    (lambda c: setattr(c, "categories", ["tuntematon"]), "error.category_unknown"),
    (lambda c: setattr(c, "client_description", "Matti 5 v."), "error.anonymous_identifying"),
])
def test_bad_values_are_refused_and_nothing_is_stored(repo, change, key):
    c = repo.create(Consultation(question="alkuperäinen"))
    bad = repo.get(c.id)
    bad.question = "muutettu"
    change(bad)
    with pytest.raises(UserError) as err:
        repo.update(bad)
    assert err.value.key == key
    assert err.value.message("fi") != key
    assert repo.get(c.id).question == "alkuperäinen"


def test_references_count_per_year(repo):
    r1 = repo.create(Consultation(received_at=dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc)))
    r2 = repo.create(Consultation(received_at=dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)))
    r3 = repo.create(Consultation(received_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))
    assert (r1.reference, r2.reference, r3.reference) == \
        ("OT-2025-0001", "OT-2025-0002", "OT-2026-0001")


# --- audit log ----------------------------------------------------------------------


def test_audit_log_records_what_happened_coalescing_edits(repo):
    c = repo.create(Consultation(question="a"))
    for i in range(50):  # typing: many autosaves, one audit row
        c.question += "b"
        repo.update(c)
    repo.view(c.id)
    repo.delete(c.id)
    actions = [(e.action, e.object) for e in repo.audit_entries(f"consultation:{c.id}")]
    assert actions == [("consultation.created", f"consultation:{c.id}"),
                       ("consultation.changed", f"consultation:{c.id}"),
                       ("consultation.viewed", f"consultation:{c.id}"),
                       ("consultation.deleted", f"consultation:{c.id}")]
    entries = repo.audit_entries()
    assert entries[0].action == "vault.created"
    assert all(e.actor and e.at and e.outcome == "ok" for e in entries)
    assert repo.verify_audit().ok


def test_audit_log_cannot_be_edited_and_tampering_is_found(vault, repo):
    repo.create(Consultation())
    repo.create(Consultation())
    import sqlcipher3

    with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="append-only"):
        vault.conn.execute("UPDATE audit_log SET actor='joku muu' WHERE seq=2")
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="append-only"):
        vault.conn.execute("DELETE FROM audit_log WHERE seq=2")
    # someone with the key drops the guard and rewrites history: the chain shows it
    vault.conn.execute("DROP TRIGGER audit_log_no_update")
    vault.conn.execute("UPDATE audit_log SET actor='joku muu' WHERE seq=3")
    check = repo.verify_audit()
    assert not check.ok and check.first_bad == 3


def test_search_ids_agree_with_the_list_and_survive_index_tidying(vault, repo):
    from otdesk.demo import insert_demo

    insert_demo(vault, 300, seed=3, deliveries=False)  # search only: the fast path
    for query in ("lasten", "huolto", "koulu poissa", "päih"):
        ids = repo.search_ids(query)
        assert ids == {r.id for r in repo.list(search=query)}
        page = repo.list(search=query, limit=20)
        assert len(page) == min(20, len(ids)) and {r.id for r in page} <= ids
    before = {q: repo.search_ids(q) for q in ("lasten", "huolto")}
    repo.tidy_index(steps=100)
    assert {q: repo.search_ids(q) for q in ("lasten", "huolto")} == before
    # FTS5's own check raises when the index does not match what was written
    repo.conn.execute("INSERT INTO consultation_text (consultation_text, rank)"
                      " VALUES ('integrity-check', 0)")


def test_a_failed_update_still_gets_its_audit_row_later(vault, repo):
    c = repo.create(Consultation(question="alku"))
    (pages,) = vault.conn.execute("PRAGMA page_count").fetchone()
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")
    c.question = "iso muutos " * 50_000
    with pytest.raises(UserError):
        repo.update(c)
    vault.conn.execute("PRAGMA max_page_count = 1073741823")
    c.question = "pieni muutos"
    repo.update(c)
    actions = [e.action for e in repo.audit_entries(f"consultation:{c.id}")]
    assert actions == ["consultation.created", "consultation.changed"]
    assert repo.get(c.id).question == "pieni muutos"


def test_received_times_sort_as_times_across_summer_time(repo):
    summer = dt.timezone(dt.timedelta(hours=3))
    winter = dt.timezone(dt.timedelta(hours=2))
    early = repo.create(Consultation(received_at=dt.datetime(2025, 10, 26, 1, 30, tzinfo=summer)))
    late = repo.create(Consultation(received_at=dt.datetime(2025, 10, 26, 1, 0, tzinfo=winter)))
    assert [r.id for r in repo.list()] == [late.id, early.id]
    assert repo.get(early.id).received_at == dt.datetime(2025, 10, 26, 1, 30, tzinfo=summer)


def test_soft_problems_are_stored_and_listed(repo):
    c = repo.create(Consultation(question="tunnistettava"))
    c.anonymous = False
    c.requester.email = "ei osoite"
    repo.update(c)  # what was typed is kept …
    again = repo.get(c.id)
    assert again.requester.email == "ei osoite" and not again.anonymous
    assert [p.key for p in again.problems()] == ["error.email_invalid", "error.consent_needed"]
    again.consent = Consent(given_by="Äiti ja isä", scope="OT-konsultaatio")
    again.requester.email = "sosiaalityontekija@kunta.example"
    assert again.problems() == []
