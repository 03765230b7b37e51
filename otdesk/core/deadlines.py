"""Deadlines of a consultation: when intake, preparation, session and follow-up are due.

The numbers are an organisation's promises, not law: the defaults are the
Pohjoinen OT-keskus's (seed 003: intake at most 2 working days from the
request, pre-processing at most 2 weeks = 10 working days).  Organisation
policy sets them (``[deadlines]`` of policy.toml, see :mod:`otdesk.config.policy`);
:meth:`DeadlineRules.from_mapping` reads them from such a table.  Working days are counted as :mod:`otdesk.core.workdays` explains:
the day of the request is day 0, the deadline is the n-th working day after.

No Qt and no SQL here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from otdesk.core.domain import STATUSES, Consultation
from otdesk.core.errors import UserError
from otdesk.core.dates import local_day
from otdesk.core.workdays import add_working_days

#: the largest number of working days a rule may have (about a year)
MAX_WORKING_DAYS = 250


@dataclass(frozen=True)
class DeadlineRules:
    """How many working days each step may take."""

    intake_working_days: int = 2
    preparation_working_days: int = 10

    def __post_init__(self) -> None:
        for name in ("intake_working_days", "preparation_working_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) \
                    or not 0 <= value <= MAX_WORKING_DAYS:
                raise UserError("error.out_of_range", field=name, value=value, low=0,
                                high=MAX_WORKING_DAYS)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> DeadlineRules:
        """Rules from a policy table (e.g. ``[deadlines]`` in TOML); missing keys keep
        their defaults, unknown keys are ignored."""
        data = data or {}
        known = {k: data[k] for k in ("intake_working_days", "preparation_working_days")
                 if k in data}
        return cls(**known)


DEFAULT_RULES = DeadlineRules()


class Due(NamedTuple):
    """What comes next (``"intake"``, ``"preparation"``, ``"session"``, ``"follow_up"``)
    and the day it is due.  A plain ``(what, date)`` tuple too."""

    what: str
    date: dt.date


#: the steps :func:`next_due` can name, in workflow order
STEPS = ("intake", "preparation", "session", "follow_up")


def intake_due(received: dt.datetime | dt.date, rules: DeadlineRules = DEFAULT_RULES) -> dt.date:
    """The last day to take the request in: ``intake_working_days`` after receipt.

    The time of day does not matter: a request at 16:55 on Friday counts from
    that Friday, one on Saturday from that Saturday (both → Tuesday with 2).
    An aware datetime (received_at may be stored in UTC) counts from its day
    in local time.
    """
    return add_working_days(local_day(received), rules.intake_working_days)


def preparation_due(intake_date: dt.date | None, received: dt.datetime | dt.date | None,
                    rules: DeadlineRules = DEFAULT_RULES) -> dt.date:
    """The last day to finish preparation: ``preparation_working_days`` after the
    actual intake, or after the intake due date while intake has not happened."""
    if intake_date is not None:
        base = local_day(intake_date)
    elif received is not None:
        base = intake_due(received, rules)
    else:
        raise ValueError("preparation_due needs an intake date or the time received")
    return add_working_days(base, rules.preparation_working_days)


def next_due(status: str, received: dt.datetime | dt.date | None, intake_date: dt.date | None,
             session_date: dt.date | None, follow_up_date: dt.date | None,
             rules: DeadlineRules = DEFAULT_RULES) -> Due | None:
    """What the consultant has to do next, and by when; None when nothing is due.

    ========================  ==========================================
    status                    next
    ========================  ==========================================
    requested                 ("intake", intake due)
    accepted                  ("preparation", preparation due)
    prepared                  ("session", session date) when one is set
    held, summary_delivered   ("follow_up", follow-up date) when set
    closed, declined,         None
    redirected
    ========================  ==========================================

    Session and follow-up dates are agreed dates, not computed ones: they
    are returned as they are, even when they fall on a day off.
    """
    if status not in STATUSES:
        raise UserError("error.status_unknown", status=status)
    if status == "requested":
        return Due("intake", intake_due(received, rules)) if received is not None else None
    if status == "accepted":
        if intake_date is None and received is None:
            return None
        return Due("preparation", preparation_due(intake_date, received, rules))
    if status == "prepared":
        return Due("session", local_day(session_date)) if session_date is not None else None
    if status in ("held", "summary_delivered"):
        return Due("follow_up", local_day(follow_up_date)) if follow_up_date is not None else None
    return None


def next_due_for(consultation: Consultation, rules: DeadlineRules = DEFAULT_RULES) -> Due | None:
    """:func:`next_due` with the dates taken from a consultation."""
    c = consultation
    return next_due(c.status, c.received_at, c.intake_date, c.session.date,
                    c.plan.follow_up_date, rules)


def is_overdue(due: dt.date, today: dt.date) -> bool:
    """True from the day after ``due``: the due day itself is still in time."""
    return local_day(today) > local_day(due)
