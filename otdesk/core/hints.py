"""The type of each attribute of a dataclass, read one way for all of OT Desk.

``typing.get_type_hints`` resolves the annotations (``dt.date | None`` → the union of
``datetime.date`` and ``None``); :func:`strip_optional` takes ``X | None`` to ``X``.
Decoding a stored consultation, checking the structure template's keys and walking a
field path all read types here.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """{attribute: its resolved type} of the dataclass ``cls``."""
    return typing.get_type_hints(cls)


def strip_optional(hint: Any) -> Any:
    """``X | None`` → ``X``; any other type as it is."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def list_item(hint: Any) -> Any | None:
    """The item type of ``list[X]``; None for any other type."""
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        return item
    return None


def is_record(hint: Any) -> bool:
    """Whether ``hint`` is a dataclass (a record with attributes of its own)."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)
