"""The fixed structure of a consultation, from ``templates/structure.toml``.

Opening, the four phases (situation, reflections, options, plan) and
closing, each with a purpose, agenda minutes and the fields of
:class:`otdesk.core.domain.Consultation` it fills, with guiding prompts in
Finnish, Swedish and English.  The UI draws one page per phase from this;
the summary uses the same titles and labels.

The template is checked when it is loaded: every field key must be a real
attribute path of ``Consultation`` and every text must exist in fi, sv and
en; a broken template raises :class:`TemplateError` naming the bad entry.
No Qt here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from otdesk.core import domain
from otdesk.core.texts import DEFAULT_LANGUAGE, LANGUAGES

TEMPLATE = "structure.toml"
SCHEMA = 1
#: the four phases, in order (shared/domain.md)
PHASE_IDS = ("situation", "reflections", "options", "plan")
#: the worry zones of Huolen vyöhykkeistö (domain.Consultation.worry_start/worry_end)
WORRY_VALUES = (1, 2, 3, 4)

#: a text in every language: {"fi": …, "sv": …, "en": …}
Text = Mapping[str, str]
T = TypeVar("T")


class TemplateError(ValueError):
    """A template file does not fit its schema (a packaging or policy error)."""


def tr(texts: Mapping[str, T], lang: str) -> T:
    """``texts`` in ``lang``, falling back to Finnish (then any language there is)."""
    value = texts.get(lang) or texts.get(DEFAULT_LANGUAGE)
    if value:
        return value
    return next((v for v in texts.values() if v), "")  # type: ignore[return-value]


# --- the structure ------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One attribute of the items of a list field (an option's risks, a step's due date)."""

    key: str
    label: Text
    kind: str  # text, date, number, check


@dataclass(frozen=True)
class Field:
    """One field of the consultation, placed in a phase.

    ``key`` is the dotted attribute path in :class:`~otdesk.core.domain.Consultation`;
    ``kind`` tells the UI which editor it needs: ``text``, ``date``,
    ``worry_zone``, ``scale`` (list of ScaleRating), ``options`` (list of
    Option), ``steps`` (list of PlanStep); list fields have ``columns``.
    """

    key: str
    label: Text
    prompts: Mapping[str, tuple[str, ...]]
    kind: str = "text"
    columns: tuple[Column, ...] = ()

    def get(self, consultation: domain.Consultation) -> Any:
        """The value of this field in ``consultation``."""
        value: Any = consultation
        for part in self.key.split("."):
            value = getattr(value, part)
        return value

    def set(self, consultation: domain.Consultation, value: Any) -> None:
        """Put ``value`` into this field of ``consultation``."""
        *path, last = self.key.split(".")
        target: Any = consultation
        for part in path:
            target = getattr(target, part)
        setattr(target, last, value)


@dataclass(frozen=True)
class Phase:
    """One item of the agenda: the opening, a phase, or the closing."""

    id: str
    title: Text
    purpose: Text
    minutes: int
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class WorryZone:
    value: int
    label: Text
    description: Text


@dataclass(frozen=True)
class Scale:
    """The Signs of Safety 0–10 scale: its name and what its two ends mean."""

    title: Text
    low: Text
    high: Text


@dataclass(frozen=True)
class Structure:
    phases: tuple[Phase, ...]
    opening: Phase
    closing: Phase
    worry_zones: tuple[WorryZone, ...]
    worry_title: Text
    scale: Scale

    @property
    def agenda(self) -> tuple[Phase, ...]:
        """Opening, the four phases, closing: the session in order."""
        return (self.opening, *self.phases, self.closing)

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.agenda)

    def phase(self, phase_id: str) -> Phase:
        for p in self.agenda:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def fields(self) -> tuple[Field, ...]:
        """Every field of the agenda, in order."""
        return tuple(f for p in self.agenda for f in p.fields)

    def field(self, key: str) -> Field:
        for f in self.fields():
            if f.key == key:
                return f
        raise KeyError(key)

    def worry_zone(self, value: int) -> WorryZone:
        for z in self.worry_zones:
            if z.value == value:
                return z
        raise KeyError(value)


# --- loading --------------------------------------------------------------------------


@functools.cache
def load_structure() -> Structure:
    """The structure from the packaged template (read and checked once)."""
    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    return parse_structure(text)


def read_template(text: str, source: str, schema: int) -> dict:
    """Parse a template's TOML and check its ``schema`` number (TemplateError otherwise)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{source}: not valid TOML: {exc}") from exc
    if data.get("schema") != schema:
        raise TemplateError(f"{source}: schema must be {schema}, not {data.get('schema')!r}")
    return data


def parse_structure(text: str, source: str = TEMPLATE) -> Structure:
    """Build and check a :class:`Structure` from TOML text."""
    data = read_template(text, source, SCHEMA)
    r = _Reader(source)

    scale_data = r.table(data, "scale")
    scale = Scale(r.text(scale_data, "title", "scale"), r.text(scale_data, "low", "scale"),
                  r.text(scale_data, "high", "scale"))

    worry = r.table(data, "worry")
    zones = tuple(
        WorryZone(r.integer(z, "value", f"worry.zones[{i}]"),
                  r.text(z, "label", f"worry.zones[{i}]"),
                  r.text(z, "description", f"worry.zones[{i}]"))
        for i, z in enumerate(r.array(worry, "zones", "worry")))
    if tuple(z.value for z in zones) != WORRY_VALUES:
        raise TemplateError(f"{source}: worry.zones must have the values {WORRY_VALUES} in order")

    opening = r.phase(r.table(data, "opening"), "opening")
    closing = r.phase(r.table(data, "closing"), "closing")
    phases = tuple(r.phase(p, f"phases[{i}]") for i, p in enumerate(r.array(data, "phases", "")))
    if tuple(p.id for p in phases) != PHASE_IDS:
        raise TemplateError(f"{source}: phases must be {PHASE_IDS} in this order, "
                            f"not {tuple(p.id for p in phases)}")
    if opening.id != "opening" or closing.id != "closing":
        raise TemplateError(f"{source}: the opening and closing ids must be 'opening' and "
                            "'closing'")

    structure = Structure(phases, opening, closing, zones, r.text(worry, "title", "worry"), scale)
    seen: set[str] = set()
    for f in structure.fields():
        if f.key in seen:
            raise TemplateError(f"{source}: field {f.key!r} appears twice")
        seen.add(f.key)
    return structure


class _Reader:
    """Typed access to the parsed TOML, with errors that name the bad entry."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> TemplateError:
        return TemplateError(f"{self.source}: {where}: {what}")

    def table(self, data: dict, key: str) -> dict:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(key, "missing table")
        return value

    def array(self, data: dict, key: str, where: str) -> list[dict]:
        value = data.get(key)
        name = f"{where}.{key}" if where else key
        if not isinstance(value, list) or not value or \
                not all(isinstance(v, dict) for v in value):
            raise self.fail(name, "missing or empty array of tables")
        return value

    def string(self, data: dict, key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", "missing text")
        return value

    def integer(self, data: dict, key: str, where: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where}.{key}", "missing whole number")
        return value

    def text(self, data: dict, key: str, where: str) -> Text:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{where}.{key}", "missing {fi, sv, en} table")
        out = {}
        for lang in LANGUAGES:
            s = value.get(lang)
            if not isinstance(s, str) or not s.strip():
                raise self.fail(f"{where}.{key}", f"no text in {lang!r}")
            out[lang] = s
        return types.MappingProxyType(out)

    def prompts(self, data: dict, where: str) -> Mapping[str, tuple[str, ...]]:
        value = data.get("prompts")
        if not isinstance(value, dict):
            raise self.fail(f"{where}.prompts", "missing {fi = [...], sv = [...], en = [...]}")
        out = {}
        for lang in LANGUAGES:
            items = value.get(lang)
            if not isinstance(items, list) or not items or \
                    not all(isinstance(s, str) and s.strip() for s in items):
                raise self.fail(f"{where}.prompts", f"no prompts in {lang!r}")
            out[lang] = tuple(items)
        return types.MappingProxyType(out)

    def phase(self, data: dict, where: str) -> Phase:
        minutes = self.integer(data, "minutes", where)
        if minutes <= 0:
            raise self.fail(f"{where}.minutes", "must be more than 0")
        fields = tuple(self.field(f, f"{where}.fields[{i}]")
                       for i, f in enumerate(self.array(data, "fields", where)))
        return Phase(self.string(data, "id", where), self.text(data, "title", where),
                     self.text(data, "purpose", where), minutes, fields)

    def field(self, data: dict, where: str) -> Field:
        key = self.string(data, "key", where)
        try:
            hint = resolve_key(key)
        except TemplateError as exc:
            raise self.fail(f"{where}.key", str(exc)) from None
        kind, item = _kind(key, hint)
        if kind is None:
            raise self.fail(f"{where}.key", f"{key!r} is not a field a person fills in")
        columns: tuple[Column, ...] = ()
        if item is not None:
            columns = tuple(self.column(c, item, f"{where}.columns[{i}]")
                            for i, c in enumerate(self.array(data, "columns", where)))
        elif "columns" in data:
            raise self.fail(f"{where}.columns", f"{key!r} is not a list of records")
        return Field(key, self.text(data, "label", where), self.prompts(data, where),
                     kind, columns)

    def column(self, data: dict, item: type, where: str) -> Column:
        key = self.string(data, "key", where)
        hints = _hints(item)
        if key not in hints:
            raise self.fail(f"{where}.key", f"{item.__name__} has no attribute {key!r}")
        kind = _LEAF_KINDS.get(_strip_optional(hints[key]))
        if kind is None:
            raise self.fail(f"{where}.key", f"{item.__name__}.{key} is not a simple value")
        return Column(key, self.text(data, "label", where), kind)


# --- resolving keys against the domain ------------------------------------------------

_LEAF_KINDS: dict[Any, str] = {str: "text", dt.date: "date", int: "number", bool: "check"}
_LIST_KINDS: dict[type, str] = {
    domain.ScaleRating: "scale", domain.Option: "options", domain.PlanStep: "steps"}
_ZONE_KEYS = frozenset({"worry_start", "worry_end"})


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(hint: Any) -> Any:
    """``X | None`` → ``X``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def resolve_key(key: str) -> Any:
    """The type of the attribute ``key`` (a dotted path) of ``domain.Consultation``.

    Raises :class:`TemplateError` when a part of the path does not exist.
    """
    tp: Any = domain.Consultation
    walked = []
    for part in key.split("."):
        if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
            raise TemplateError(f"{'.'.join(walked)} has no attributes (looking for {part!r})")
        hints = _hints(tp)
        if part not in hints:
            raise TemplateError(f"{tp.__name__} has no attribute {part!r} (in {key!r})")
        tp = _strip_optional(hints[part])
        walked.append(part)
    return tp


def _kind(key: str, hint: Any) -> tuple[str | None, type | None]:
    """The editor kind of a field, and the item class of a list of records."""
    if key in _ZONE_KEYS:
        return "worry_zone", None
    if hint in _LEAF_KINDS:
        return _LEAF_KINDS[hint], None
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        if item in _LIST_KINDS:
            return _LIST_KINDS[item], item
    return None, None
