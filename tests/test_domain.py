"""The status workflow: requested → accepted → prepared → held → summary delivered → closed,
with declined / redirected (and a reason) on the way."""

from __future__ import annotations

import itertools

import pytest

from otdesk.core import domain
from otdesk.core.errors import UserError

HAPPY_PATH = ["requested", "accepted", "prepared", "held", "summary_delivered", "closed"]


def test_the_whole_path_is_allowed_step_by_step():
    for current, new in itertools.pairwise(HAPPY_PATH):
        domain.check_transition(current, new, by_delivery=new == "summary_delivered")


def test_summary_delivered_comes_only_from_a_delivery():
    with pytest.raises(UserError) as err:
        domain.check_transition("held", "summary_delivered")
    assert err.value.key == "error.status_by_delivery"
    assert domain.status_after_delivery("held") == "summary_delivered"
    assert domain.status_after_delivery("closed") == "closed"
    for early in ("requested", "accepted", "prepared", "declined"):
        with pytest.raises(UserError) as err:
            domain.status_after_delivery(early)
        assert err.value.key == "error.delivery_status"
        assert "Konsultaatio pidetty" in err.value.message("fi")


def test_an_identified_consultation_needs_a_whole_consent_record():
    c = domain.Consultation(anonymous=False)
    (problem,) = c.delivery_blockers()
    assert problem.key == "error.delivery_consent"
    assert "Suostumuksen antaja" in problem.message("fi")
    assert "Form of consent" in problem.message("en")
    c.consent = domain.Consent(given_by="äiti", given_on=__import__("datetime").date(2026, 11, 2),
                               scope="konsultaatio", form="verbal", recorded_by="Sanna")
    assert c.delivery_blockers() == []


def test_a_valid_henkilotunnus_in_an_anonymous_text_blocks_delivery():
    c = domain.Consultation(question="Lapsi syntynyt 010190-123, ei tunnusta")
    assert c.delivery_blockers() == []  # a date with a dash is no identity code
    c.plan.steps.append(domain.PlanStep(action="Soita, hetu 131052-308T"))
    c.situation.background = "uusi muoto 131052A308T"
    (problem,) = c.delivery_blockers()
    text = problem.message("fi")
    assert "Tausta" in text and "Toimenpiteet 1" in text
    c.situation.background = "131052-308X"  # wrong check character
    c.plan.steps.clear()
    assert c.delivery_blockers() == []


@pytest.mark.parametrize("current", ["requested", "accepted"])
@pytest.mark.parametrize("new", ["declined", "redirected"])
def test_declining_or_redirecting_needs_a_reason(current, new):
    with pytest.raises(UserError) as err:
        domain.check_transition(current, new, "  ")
    assert err.value.key == "error.status_reason_needed"
    domain.check_transition(current, new, "Ohjattu perheneuvolaan")


@pytest.mark.parametrize("current, new", [
    ("requested", "held"), ("requested", "closed"), ("accepted", "summary_delivered"),
    ("held", "requested"), ("closed", "requested"), ("declined", "accepted"),
    ("summary_delivered", "held"), ("redirected", "closed")])
def test_skipping_or_going_back_is_refused_with_the_reason(current, new):
    with pytest.raises(UserError) as err:
        domain.check_transition(current, new)
    assert err.value.key == "error.status_transition"
    message = err.value.message("fi")
    assert current in message and new in message


def test_every_status_is_reachable_and_the_ends_are_final():
    reachable = {"requested"}
    frontier = ["requested"]
    while frontier:
        for nxt in domain.TRANSITIONS[frontier.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(domain.STATUSES)
    for end in ("closed", "declined", "redirected"):
        assert domain.TRANSITIONS[end] == ()


def test_an_unknown_status_is_refused():
    with pytest.raises(UserError) as err:
        domain.check_transition("requested", "lost")
    assert err.value.key == "error.status_unknown"
