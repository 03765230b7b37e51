"""The status workflow: requested → accepted → prepared → held → summary delivered → closed,
with declined / redirected (and a reason) on the way."""

from __future__ import annotations

import itertools

import pytest

from otdesk import domain
from otdesk.errors import UserError

HAPPY_PATH = ["requested", "accepted", "prepared", "held", "summary_delivered", "closed"]


def test_the_whole_path_is_allowed_step_by_step():
    for current, new in itertools.pairwise(HAPPY_PATH):
        domain.check_transition(current, new)


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
