"""Finnish working days and the consultation deadlines.

Every expected date below was worked out by hand from the calendar; the
comments show the count (day 0 = the day of the request).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otdesk.core import deadlines, workdays
from otdesk.core.deadlines import (DeadlineRules, Due, intake_due, is_overdue, next_due, next_due_for,
                              preparation_due)
from otdesk.core.domain import STATUSES, Consultation, Plan, Session
from otdesk.core.errors import UserError
from otdesk.core.workdays import add_working_days, is_working_day, next_working_day

D = dt.date


# --- days off ---------------------------------------------------------------------------


@pytest.mark.parametrize("day, why", [
    (D(2025, 1, 1), "New Year's Day (Wed)"),
    (D(2025, 1, 6), "Epiphany (Mon)"),
    (D(2025, 4, 18), "Good Friday"),
    (D(2025, 4, 21), "Easter Monday"),
    (D(2025, 5, 1), "May Day (Thu)"),
    (D(2025, 5, 29), "Ascension Day (Thu)"),
    (D(2025, 6, 20), "Midsummer Eve (Fri)"),
    (D(2025, 12, 24), "Christmas Eve (Wed)"),
    (D(2025, 12, 25), "Christmas Day (Thu)"),
    (D(2025, 12, 26), "St Stephen's Day (Fri)"),
    (D(2026, 1, 1), "New Year's Day (Thu)"),
    (D(2026, 1, 6), "Epiphany (Tue)"),
    (D(2026, 4, 3), "Good Friday"),
    (D(2026, 4, 6), "Easter Monday"),
    (D(2026, 5, 1), "May Day (Fri)"),
    (D(2026, 5, 14), "Ascension Day (Thu)"),
    (D(2026, 6, 19), "Midsummer Eve (Fri)"),
    (D(2026, 12, 24), "Christmas Eve (Thu)"),
    (D(2026, 12, 25), "Christmas Day (Fri)"),
    (D(2027, 12, 6), "Independence Day (Mon)"),
    (D(2026, 3, 14), "a Saturday"),
    (D(2026, 3, 15), "a Sunday"),
])
def test_days_off(day, why):
    assert not is_working_day(day), why


@pytest.mark.parametrize("day, why", [
    (D(2026, 2, 5), "Runeberg Day: a flag day, not a day off"),
    (D(2026, 6, 4), "Flag Day of the Defence Forces (Thu): works"),
    (D(2026, 11, 6), "Svenska dagen (Fri): works"),
    (D(2025, 12, 31), "New Year's Eve (Wed): works"),
    (D(2026, 4, 2), "Maundy Thursday: works"),
    (D(2026, 4, 30), "Walpurgis Eve (Thu): works"),
    (D(2026, 3, 16), "an ordinary Monday"),
])
def test_working_days(day, why):
    assert is_working_day(day), why


def test_holiday_names_in_three_languages():
    assert workdays.holiday_name(D(2026, 6, 19), "fi") == "Juhannusaatto"
    assert workdays.holiday_name(D(2026, 6, 19), "sv") == "Midsommarafton"
    assert workdays.holiday_name(D(2026, 12, 24), "en") == "Christmas Eve"
    assert workdays.holiday_name(D(2026, 3, 16)) is None


def test_a_datetime_counts_as_its_day():
    assert not is_working_day(dt.datetime(2026, 4, 3, 9, 0))
    assert next_working_day(dt.datetime(2026, 4, 3, 9, 0)) == D(2026, 4, 7)


# --- next working day (laki 150/1930) ----------------------------------------------------


@pytest.mark.parametrize("day, expected", [
    (D(2026, 3, 16), D(2026, 3, 16)),   # a working day stays
    (D(2026, 3, 14), D(2026, 3, 16)),   # Sat → Mon
    (D(2026, 4, 3), D(2026, 4, 7)),     # Good Friday → Tue after Easter Monday
    (D(2026, 6, 19), D(2026, 6, 22)),   # Midsummer Eve → Mon
    (D(2026, 6, 20), D(2026, 6, 22)),   # Midsummer Day (Sat) → Mon
    (D(2025, 12, 24), D(2025, 12, 29)),  # Christmas Eve → Mon after St Stephen's
    (D(2025, 12, 27), D(2025, 12, 29)),
    (D(2026, 1, 1), D(2026, 1, 2)),     # New Year's Day (Thu) → Fri
    (D(2027, 12, 6), D(2027, 12, 7)),   # Independence Day (Mon) → Tue
])
def test_next_working_day(day, expected):
    assert next_working_day(day) == expected


# --- adding working days: intake, 2 working days ------------------------------------------


@pytest.mark.parametrize("received, expected, why", [
    # Thu 2.4.; Fri 3.4. Good Friday, Sat, Sun, Mon 6.4. Easter Monday; Tue 7.4. = 1, Wed 8.4. = 2
    (D(2026, 4, 2), D(2026, 4, 8), "Easter 2026"),
    # Thu 17.4.; Fri 18.4. Good Friday, Mon 21.4. Easter Monday; Tue 22.4. = 1, Wed 23.4. = 2
    (D(2025, 4, 17), D(2025, 4, 23), "Easter 2025"),
    # Thu 19.6.; Fri 20.6. Midsummer Eve, Sat 21.6. Midsummer Day; Mon 23.6. = 1, Tue 24.6. = 2
    (D(2025, 6, 19), D(2025, 6, 24), "Midsummer 2025"),
    # Thu 18.6.; Fri 19.6. Midsummer Eve; Mon 22.6. = 1, Tue 23.6. = 2
    (D(2026, 6, 18), D(2026, 6, 23), "Midsummer 2026"),
    # Tue 23.12.; Wed 24., Thu 25., Fri 26. off, weekend; Mon 29.12. = 1, Tue 30.12. = 2
    (D(2025, 12, 23), D(2025, 12, 30), "Christmas 2025"),
    # Wed 23.12.; Thu 24., Fri 25. off, Sat 26. St Stephen's, Sun; Mon 28.12. = 1, Tue 29.12. = 2
    (D(2026, 12, 23), D(2026, 12, 29), "Christmas 2026"),
    # Tue 30.12.; Wed 31.12. = 1, Thu 1.1. off, Fri 2.1.2026 = 2
    (D(2025, 12, 30), D(2026, 1, 2), "New Year, across the year"),
    # Wed 31.12.; Thu 1.1. off, Fri 2.1. = 1, Mon 5.1. = 2
    (D(2025, 12, 31), D(2026, 1, 5), "New Year's Eve"),
    # Fri 3.12.2027; weekend, Mon 6.12. Independence Day; Tue 7.12. = 1, Wed 8.12. = 2
    (D(2027, 12, 3), D(2027, 12, 8), "Independence Day 2027 (Mon)"),
    # Fri 5.12.2025; Sat 6.12. Independence Day is a Saturday anyway; Mon 8. = 1, Tue 9. = 2
    (D(2025, 12, 5), D(2025, 12, 9), "Independence Day 2025 (Sat)"),
    # Wed 13.5.; Thu 14.5. Ascension Day; Fri 15.5. = 1, Mon 18.5. = 2
    (D(2026, 5, 13), D(2026, 5, 18), "Ascension Day 2026"),
    # Wed 28.5.; Thu 29.5. Ascension Day; Fri 30.5. = 1, Mon 2.6. = 2
    (D(2025, 5, 28), D(2025, 6, 2), "Ascension Day 2025"),
    # Thu 30.4.; Fri 1.5. May Day; Mon 4.5. = 1, Tue 5.5. = 2
    (D(2026, 4, 30), D(2026, 5, 5), "May Day 2026"),
    # Wed 30.4.; Thu 1.5. May Day; Fri 2.5. = 1, Mon 5.5. = 2
    (D(2025, 4, 30), D(2025, 5, 5), "May Day 2025"),
    # Mon 5.1.; Tue 6.1. Epiphany; Wed 7.1. = 1, Thu 8.1. = 2
    (D(2026, 1, 5), D(2026, 1, 8), "Epiphany 2026"),
    # Fri 3.1.; Mon 6.1. Epiphany; Tue 7.1. = 1, Wed 8.1. = 2
    (D(2025, 1, 3), D(2025, 1, 8), "Epiphany 2025"),
    # an ordinary week: Mon 16.3. → Wed 18.3.
    (D(2026, 3, 16), D(2026, 3, 18), "ordinary Monday"),
])
def test_intake_due(received, expected, why):
    assert intake_due(received) == expected, why
    assert add_working_days(received, 2) == expected, why


def test_friday_afternoon_request_counts_from_friday():
    # Fri 13.3.2026 16:55: Mon 16.3. = 1, Tue 17.3. = 2
    assert intake_due(dt.datetime(2026, 3, 13, 16, 55)) == D(2026, 3, 17)


@pytest.fixture
def helsinki_time(monkeypatch):
    """The computer's clock in Finnish time (EET/EEST), whatever the test machine uses."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is Unix only")
    monkeypatch.setenv("TZ", "Europe/Helsinki")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_utc_time_counts_from_its_local_day(helsinki_time):
    # Sun 15.3.2026 22:30 UTC is Mon 16.3. 00:30 in Helsinki: Tue 17. = 1, Wed 18.3. = 2
    received = dt.datetime(2026, 3, 15, 22, 30, tzinfo=dt.timezone.utc)
    assert workdays.local_day(received) == D(2026, 3, 16)
    assert intake_due(received) == D(2026, 3, 18)
    # the same moment as a naive Sunday wall-clock time would count from Sunday
    assert intake_due(dt.datetime(2026, 3, 15, 22, 30)) == D(2026, 3, 17)


def test_weekend_request_counts_from_monday():
    # Sat 14.3. and Sun 15.3.: Mon 16.3. = 1, Tue 17.3. = 2
    assert intake_due(D(2026, 3, 14)) == D(2026, 3, 17)
    assert intake_due(dt.datetime(2026, 3, 15, 22, 0)) == D(2026, 3, 17)


def test_a_request_on_a_holiday_counts_from_the_next_working_day():
    # Good Friday 3.4.2026: Tue 7.4. = 1, Wed 8.4. = 2 (same as the day before)
    assert intake_due(D(2026, 4, 3)) == D(2026, 4, 8)


def test_zero_and_negative_days():
    assert add_working_days(D(2026, 3, 16), 0) == D(2026, 3, 16)
    assert add_working_days(D(2026, 6, 19), 0) == D(2026, 6, 22)
    with pytest.raises(ValueError):
        add_working_days(D(2026, 3, 16), -1)
    with pytest.raises(TypeError):
        add_working_days(D(2026, 3, 16), 1.5)


def test_many_years_ahead():
    # 2026 has 252 working days: 261 weekdays less 9 weekday days off (1.1., 6.1., 3.4.,
    # 6.4., 1.5., 14.5., 19.6., 24.12., 25.12.; 6.12. is a Sunday, 26.12. a Saturday)
    start = D(2025, 12, 31)
    assert workdays.working_days_between(start, D(2026, 12, 31)) == 252
    assert add_working_days(start, 252) == D(2026, 12, 31)
    assert add_working_days(start, 2000) > D(2033, 1, 1)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(1, 400))
def test_add_and_count_agree(start, n):
    end = add_working_days(start, n)
    assert is_working_day(end)
    assert end > start
    assert workdays.working_days_between(start, end) == n
    # the day before the deadline leaves one working day fewer
    assert workdays.working_days_between(start, end - dt.timedelta(days=1)) == n - 1


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(1, 15))
def test_matches_a_day_by_day_count(start, n):
    day, left = start, n
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    assert add_working_days(start, n) == day


# --- preparation: 10 working days -----------------------------------------------------------


def test_preparation_after_the_actual_intake():
    # intake Thu 2.4.2026: Tue 7. = 1 … Fri 10. = 4, Mon 13. = 5 … Fri 17. = 9, Mon 20.4. = 10
    assert preparation_due(D(2026, 4, 2), D(2026, 4, 2)) == D(2026, 4, 20)


def test_preparation_before_intake_counts_from_the_intake_due_date():
    # received Thu 2.4.2026 → intake due Wed 8.4.; Thu 9. = 1 … Wed 22.4. = 10
    assert preparation_due(None, dt.datetime(2026, 4, 2, 10, 30)) == D(2026, 4, 22)


@pytest.mark.parametrize("intake, expected", [
    # Mon 15.12.2025: 16.–19. = 1–4, 22. = 5, 23. = 6, 24.–26. off, 29. = 7, 30. = 8, 31. = 9,
    # Thu 1.1. off, Fri 2.1.2026 = 10
    (D(2025, 12, 15), D(2026, 1, 2)),
    # Thu 30.4.2026: Fri 1.5. off, 4.–8. = 1–5, 11.–13. = 6–8, Thu 14. off, Fri 15. = 9,
    # Mon 18.5. = 10
    (D(2026, 4, 30), D(2026, 5, 18)),
    # Mon 16.6.2025: 17. = 1, 18. = 2, 19. = 3, Fri 20. off, 23.–27. = 4–8, 30. = 9, Tue 1.7. = 10
    (D(2025, 6, 16), D(2025, 7, 1)),
])
def test_preparation_across_holidays(intake, expected):
    assert preparation_due(intake, None) == expected


def test_preparation_needs_a_date():
    with pytest.raises(ValueError):
        preparation_due(None, None)


def test_rules_are_settings():
    rules = DeadlineRules(intake_working_days=5, preparation_working_days=3)
    # Thu 2.4.2026: Tue 7. = 1, Wed 8. = 2, Thu 9. = 3, Fri 10. = 4, Mon 13.4. = 5
    assert intake_due(D(2026, 4, 2), rules) == D(2026, 4, 13)
    # … then Tue 14. = 1, Wed 15. = 2, Thu 16.4. = 3
    assert preparation_due(None, D(2026, 4, 2), rules) == D(2026, 4, 16)
    assert DeadlineRules.from_mapping({"intake_working_days": 5, "other": 1}) == \
        DeadlineRules(intake_working_days=5)
    assert DeadlineRules.from_mapping(None) == deadlines.DEFAULT_RULES
    for bad in (-1, 1000, "2", True, 2.0):
        with pytest.raises(UserError) as err:
            DeadlineRules(intake_working_days=bad)
        assert err.value.key == "error.out_of_range"


# --- what is next -------------------------------------------------------------------------------

RECEIVED = dt.datetime(2026, 4, 2, 10, 30)     # Thu before Easter
SESSION = D(2026, 4, 28)
FOLLOW_UP = D(2026, 6, 1)


@pytest.mark.parametrize("status, intake, session, follow_up, expected", [
    ("requested", None, None, None, ("intake", D(2026, 4, 8))),
    ("accepted", D(2026, 4, 2), None, None, ("preparation", D(2026, 4, 20))),
    ("accepted", None, None, None, ("preparation", D(2026, 4, 22))),
    ("prepared", D(2026, 4, 2), SESSION, None, ("session", SESSION)),
    ("prepared", D(2026, 4, 2), None, None, None),
    ("held", D(2026, 4, 2), SESSION, FOLLOW_UP, ("follow_up", FOLLOW_UP)),
    ("held", D(2026, 4, 2), SESSION, None, None),
    ("summary_delivered", D(2026, 4, 2), SESSION, FOLLOW_UP, ("follow_up", FOLLOW_UP)),
    ("summary_delivered", D(2026, 4, 2), SESSION, None, None),
    ("closed", D(2026, 4, 2), SESSION, FOLLOW_UP, None),
    ("declined", None, None, None, None),
    ("redirected", D(2026, 4, 2), None, None, None),
])
def test_next_due(status, intake, session, follow_up, expected):
    due = next_due(status, RECEIVED, intake, session, follow_up)
    assert due == expected
    if due is not None:
        assert isinstance(due, Due) and due.what in deadlines.STEPS


def test_next_due_covers_every_status():
    for status in STATUSES:
        next_due(status, RECEIVED, None, None, None)  # no error for any known status
    with pytest.raises(UserError) as err:
        next_due("lost", RECEIVED, None, None, None)
    assert err.value.key == "error.status_unknown"


def test_next_due_without_a_received_time():
    assert next_due("requested", None, None, None, None) is None
    assert next_due("accepted", None, None, None, None) is None


def test_next_due_for_a_consultation():
    c = Consultation(status="held", received_at=RECEIVED, intake_date=D(2026, 4, 2),
                     session=Session(date=SESSION), plan=Plan(follow_up_date=FOLLOW_UP))
    assert next_due_for(c) == ("follow_up", FOLLOW_UP)
    c.status = "requested"
    assert next_due_for(c, DeadlineRules(intake_working_days=1)) == ("intake", D(2026, 4, 7))


def test_is_overdue():
    due = D(2026, 4, 8)
    assert not is_overdue(due, D(2026, 4, 7))
    assert not is_overdue(due, D(2026, 4, 8))     # the due day itself is in time
    assert is_overdue(due, D(2026, 4, 9))
    assert is_overdue(due, dt.datetime(2026, 4, 9, 0, 1))
