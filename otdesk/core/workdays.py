"""Finnish working days, for deadlines.

A *working day* is Monday to Friday when it is not a Finnish public holiday,
Midsummer Eve or Christmas Eve.  Those two eves are not public holidays in
law, but laki säädettyjen määräaikain laskemisesta (150/1930) moves a
deadline falling on them, as on a Saturday, Sunday or public holiday, to the
next weekday, and they are days off in practice; so here they are days off.

Public holidays come from the maintained ``holidays`` package (its ``PUBLIC``
category for Finland, which lists Midsummer Eve and Christmas Eve too; they
are added by date should a version ever drop them).  Its other Finnish
categories are *not* days off: ``WORKDAY`` holds the official flag days
(Kalevala Day, Mother's Day, …), which are ordinary working days, and
``UNOFFICIAL`` the customary flag days.

Counting rule (:func:`add_working_days`): the day the request arrives is day
0, whatever the hour and whether or not it is a working day; the deadline is
the *n*-th working day after it.  This is how 150/1930 § 2 counts a time
limit ("the day of the event is not counted"), it needs no office-hours
cut-off, and the result is always a working day.  Examples: a request on
Friday, 2 working days → Tuesday; on Saturday or Sunday → also Tuesday
(Monday is day 1).

Everything is computed from a per-year cache, so thousands of deadlines take
a few milliseconds.  Importing ``holidays`` costs about 100 ms at start-up (it
loads every country), so the weekday holidays of the years around today are
also kept in a small JSON file in the user's cache folder, keyed by the
``holidays`` version; the package is imported only when that file is missing
or stale, or for holiday names.  The file holds public dates, nothing else.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import threading
from pathlib import Path

import platformdirs

from otdesk.core.dates import local_day  # (the organisation's days)

#: years around today kept in the cache file
_CACHE_YEARS_BACK, _CACHE_YEARS_AHEAD = 5, 10

#: the names of the two eves, should the ``holidays`` package not list them
_EVE_NAMES = {
    "midsummer_eve": {"fi": "Juhannusaatto", "sv": "Midsommarafton", "en": "Midsummer Eve"},
    "christmas_eve": {"fi": "Jouluaatto", "sv": "Julafton", "en": "Christmas Eve"},
}
#: our language codes → the ``holidays`` package's
_HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


def _midsummer_eve(year: int) -> dt.date:
    """The Friday between 19 and 25 June (since 1955)."""
    june19 = dt.date(year, 6, 19)
    return june19 + dt.timedelta(days=(4 - june19.weekday()) % 7)


@functools.cache
def _holidays(year: int, lang: str = "fi") -> dict[dt.date, str]:
    """Finnish public holidays of ``year`` plus the two eves, date → name."""
    import holidays

    calendar = holidays.country_holidays(
        "FI", years=year, categories=(holidays.PUBLIC,),
        language=_HOLIDAY_LANGUAGES.get(lang, "fi"))
    days = dict(calendar.items())
    days.setdefault(_midsummer_eve(year), _EVE_NAMES["midsummer_eve"].get(lang, "Juhannusaatto"))
    days.setdefault(dt.date(year, 12, 24), _EVE_NAMES["christmas_eve"].get(lang, "Jouluaatto"))
    return days


@functools.cache
def _days_off(year: int) -> frozenset[dt.date]:
    """Weekday holidays of ``year`` (weekends are told by ``weekday()``)."""
    cached = _cached_days_off().get(year)
    if cached is not None:
        return cached
    return frozenset(d for d in _holidays(year) if d.weekday() < 5)


@functools.cache
def calendar_version() -> str:
    """Which holiday data the days off come from (the ``holidays`` package's version):
    deadlines stored with another version are computed again.

    Read from the name of the package's ``holidays-<version>.dist-info`` folder (the
    packaging standard for an installed project), which asks for neither the package
    nor :mod:`importlib.metadata` (3 MiB at every start); where there is no such
    folder, from :mod:`importlib.metadata`."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        found = sorted(site.glob("holidays-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("holidays-"):-len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:
        return "unknown"


def _cache_file() -> Path:
    return (platformdirs.user_cache_path("otdesk", "OT Desk")
            / f"holidays-fi-{calendar_version()}.json")


@functools.cache
def _cached_days_off() -> dict[int, frozenset[dt.date]]:
    """Weekday holidays of the years around today, from the cache file (made if missing)."""
    path = _cache_file()
    try:
        data = json.loads(path.read_text("utf-8"))
        return {int(y): frozenset(dt.date.fromisoformat(d) for d in days)
                for y, days in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    this_year = dt.date.today().year
    years = range(this_year - _CACHE_YEARS_BACK, this_year + _CACHE_YEARS_AHEAD + 1)
    table = {y: frozenset(d for d in _holidays(y) if d.weekday() < 5) for y in years}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({y: sorted(d.isoformat() for d in days)
                                   for y, days in table.items()}), "utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: compute again next time
    return table


@functools.cache
def _working_ordinals(year: int) -> tuple[int, ...]:
    """The working days of ``year`` as ``date.toordinal()`` numbers, ascending."""
    off = _days_off(year)
    first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    out = []
    for o in range(first, last + 1):
        d = dt.date.fromordinal(o)
        if d.weekday() < 5 and d not in off:
            out.append(o)
    return tuple(out)


class _Index:
    """A sorted list of working-day ordinals over a growing range of years.

    The range, once built, is replaced as a whole (one tuple assignment), so
    readers on other threads never see half of it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[int, int, list[int]] = (0, -1, [])

    def covering(self, lo: int, hi: int) -> list[int]:
        """The list, covering at least the years ``lo..hi``."""
        have_lo, have_hi, ords = self._state
        if have_lo <= lo and hi <= have_hi:
            return ords
        with self._lock:
            have_lo, have_hi, ords = self._state
            if have_lo <= lo and hi <= have_hi:
                return ords
            if have_lo <= have_hi:  # grow the range, never shrink it
                lo, hi = min(lo, have_lo), max(hi, have_hi)
            built: list[int] = []
            for year in range(lo, hi + 1):
                built.extend(_working_ordinals(year))
            self._state = (lo, hi, built)
            return built


_INDEX = _Index()


def is_working_day(d: dt.date) -> bool:
    """Monday–Friday and not a public holiday, Midsummer Eve or Christmas Eve."""
    d = local_day(d)
    return d.weekday() < 5 and d not in _days_off(d.year)


def holiday_name(d: dt.date, lang: str = "fi") -> str | None:
    """The name of the public holiday (or eve) on ``d`` in ``lang``, else None."""
    d = local_day(d)
    return _holidays(d.year, lang if lang in _HOLIDAY_LANGUAGES else "fi").get(d)


def next_working_day(d: dt.date) -> dt.date:
    """``d`` itself when it is a working day, else the first working day after it.

    This is where a deadline that falls on a day off moves (laki 150/1930).
    """
    d = local_day(d)
    if is_working_day(d):
        return d
    return add_working_days(d, 1)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``start`` (``start`` is day 0).

    ``n = 0`` gives :func:`next_working_day` of ``start``.  A Friday plus 2 is
    the Tuesday after; a Saturday plus 2 is the Tuesday after too.
    """
    start = local_day(start)
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return next_working_day(start)
    # ~250 working days a year: cover the start year and enough after it
    # a Finnish year has about 250 working days: this range is always enough
    hi = start.year + 1 + n // 240
    while True:
        ords = _INDEX.covering(start.year, hi)
        i = bisect.bisect_right(ords, start.toordinal()) + n - 1
        if i < len(ords):
            return dt.date.fromordinal(ords[i])
        hi += 1


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie after ``start`` up to and including ``end``.

    The inverse of :func:`add_working_days` for working-day ends:
    ``working_days_between(s, add_working_days(s, n)) == n``.  Negative when
    ``end`` is before ``start``.
    """
    start, end = local_day(start), local_day(end)
    if end < start:
        return -working_days_between(end, start)
    ords = _INDEX.covering(start.year, end.year)
    return (bisect.bisect_right(ords, end.toordinal())
            - bisect.bisect_right(ords, start.toordinal()))
