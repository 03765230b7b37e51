"""The kinds of field a consultant fills in: the one list of them.

A field of ``templates/structure.toml`` has a kind; each kind holds one type of value
of :mod:`otdesk.core.domain`.  The UI maps every kind to its widget
(``otdesk/ui/field_widgets.py``), the summary to its renderer
(``otdesk/summary/story.py``), and a test fails when a kind lacks either.  A field
whose kind is not written in the template gets the default kind of its type.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from typing import Any

from otdesk.core import domain


@dataclass(frozen=True)
class Kind:
    name: str
    #: the domain type a field of this kind holds
    value: Any
    about: str
    #: may be a column of a list of records (a plan step's due date)
    column: bool = False


_ALL = (
    Kind("text", str, "free text, several lines", column=True),
    Kind("line", str, "free text on one line", column=True),
    Kind("choice", str, "one code of a vocabulary table, shown by its label"),
    Kind("choices", list[str], "codes of a vocabulary table, as check boxes"),
    Kind("names", list[str], "names on one line, separated by commas"),
    Kind("experts", list[str], "names from the expert directory, suggested by category"),
    Kind("date", dt.date, "a day that may be empty", column=True),
    Kind("moment", dt.datetime, "a day and a time"),
    Kind("number", int, "a whole number in a range that may be empty", column=True),
    Kind("check", bool, "yes or no", column=True),
    Kind("anonymity", bool, "anonymous or identified with consent"),
    Kind("worry_zone", int, "one of the zones of concern (1–4), or not asked yet"),
    Kind("scale", list[domain.ScaleRating], "ratings on the 0–10 safety scale"),
    Kind("options", list[domain.Option], "the options weighed, as cards"),
    Kind("steps", list[domain.PlanStep], "the plan's steps"),
)
KINDS: dict[str, Kind] = {k.name: k for k in _ALL}

#: the kind of a field whose template entry names none
DEFAULT_KINDS: dict[Any, str] = {
    str: "text", dt.date: "date", dt.datetime: "moment", int: "number", bool: "check",
    list[domain.ScaleRating]: "scale", list[domain.Option]: "options",
    list[domain.PlanStep]: "steps",
}

#: the kinds that hold a list of records (with columns)
RECORD_LISTS = frozenset({"scale", "options", "steps"})


class KindError(ValueError):
    """A kind that does not exist or does not fit the field's type."""


def kind_for(value_type: Any, named: str | None = None, *, column: bool = False) -> Kind:
    """The kind of a field holding ``value_type``: ``named`` when the template names
    one (it must hold that type), else the type's default."""
    if named is None:
        named = DEFAULT_KINDS.get(value_type)
        if named is None:
            raise KindError(f"a {_name(value_type)} is not a field a person fills in "
                            f"(no kind holds it by default)")
    kind = KINDS.get(named)
    if kind is None:
        raise KindError(f"unknown kind {named!r} (known: {', '.join(KINDS)})")
    if kind.value != value_type:
        raise KindError(f"kind {named!r} holds {_name(kind.value)}, not {_name(value_type)}")
    if column and not kind.column:
        raise KindError(f"kind {named!r} cannot be a column")
    return kind


def _name(tp: Any) -> str:
    return str(tp) if typing.get_args(tp) else getattr(tp, "__name__", str(tp))
