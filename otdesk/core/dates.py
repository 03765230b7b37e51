"""Dates and "now": one time zone, one way to write a day.

Every "now" and "today" of OT Desk is taken in the organisation's time zone (the
policy's ``time_zone``, Europe/Helsinki unless it says otherwise), not the laptop's:
a consultant abroad, or a machine left on UTC, still counts deadlines and stamps
records in the office's days.  The composition root sets it once (:func:`use_zone`).
A day is written d.M.yyyy, the Finnish way, in every language (as Finnish documents
in Swedish and English do); a clock as 14.05 (en: 14:05).
"""

from __future__ import annotations

import datetime as dt
import re

DEFAULT_ZONE = "Europe/Helsinki"

_zone: dt.tzinfo | None = None


class UnknownZone(ValueError):
    """The named time zone is not in the time-zone database."""


def zone_named(name: str) -> dt.tzinfo:
    """The time zone ``name`` (an IANA name such as "Europe/Helsinki")."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownZone(name) from exc


def use_zone(name: str) -> None:
    """Take "now" and "today" in ``name`` from here on (the policy's time zone; the
    default one falls back as :func:`zone` does where there is no time-zone database)."""
    global _zone
    if name == DEFAULT_ZONE:
        _zone = None
        zone()
        return
    _zone = zone_named(name)


def zone() -> dt.tzinfo:
    """The organisation's time zone; without a time-zone database (a bare Windows
    without ``tzdata``) the computer's own."""
    global _zone
    if _zone is None:
        try:
            _zone = zone_named(DEFAULT_ZONE)
        except UnknownZone:
            _zone = dt.datetime.now().astimezone().tzinfo
    return _zone


def now() -> dt.datetime:
    """This moment in the organisation's time zone (aware)."""
    return dt.datetime.now(zone())


def now_stamp() -> str:
    """This moment as stored: ISO 8601 with milliseconds and the zone's offset."""
    return now().isoformat(timespec="milliseconds")


def today() -> dt.date:
    """Today in the organisation's time zone."""
    return now().date()


def local(value: dt.datetime) -> dt.datetime:
    """``value`` in the organisation's time zone; a naive time is taken as already so."""
    return value.astimezone(zone()) if value.tzinfo is not None else value


def local_day(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a date or a datetime in the organisation's time zone: 01.30
    in Helsinki is that day, not the day before in UTC."""
    if isinstance(value, dt.datetime):
        return local(value).date()
    return value


_TYPED_DAY = re.compile(r"\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\s*\.?\s*")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def parse_day(text: str) -> dt.date | None:
    """A day as a person types it: d.m.yyyy (8.1.2027, 08.01.2027) or yyyy-mm-dd; blank is
    no day.  Raises ValueError for anything else, and for a day the calendar has not."""
    if not text.strip():
        return None
    m = _TYPED_DAY.fullmatch(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO_DAY.fullmatch(text)
        if not m:
            raise ValueError(text)
        year, month, day = (int(g) for g in m.groups())
    if not 1900 <= year <= 2999:
        raise ValueError(text)
    return dt.date(year, month, day)  # (ValueError for 31.2.)


def day_text(value: dt.date | dt.datetime | None) -> str:
    """d.M.yyyy (a datetime: its day in the organisation's time zone); None → ""."""
    if value is None:
        return ""
    day = local_day(value)
    return f"{day.day}.{day.month}.{day.year}"


def clock_text(value: dt.datetime, lang: str) -> str:
    """The time of day: 14.05, in English 14:05 (in the organisation's time zone)."""
    value = local(value)
    if lang == "en":
        return f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.hour}.{value.minute:02d}"
