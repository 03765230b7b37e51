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

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from otdesk.core import domain
from otdesk.core.field_path import FieldPath, FieldPathError
from otdesk.core.hints import list_item
from otdesk.core.kinds import RECORD_LISTS, KindError, kind_for
from otdesk.core.templates import TemplateError, read_template  # noqa: F401 (re-exported)
from otdesk.core.texts import Text, TextProblem, language_lists, language_text, tr  # noqa: F401 (tr: re-exported)

TEMPLATE = "structure.toml"
SCHEMA = 1
#: the four phases, in order (shared/domain.md)
PHASE_IDS = ("situation", "reflections", "options", "plan")
#: the worry zones of Huolen vyöhykkeistö (domain.Consultation.worry_start/worry_end)
WORRY_VALUES = (1, 2, 3, 4)

#: what else shows a field's value, and so must hear of its change (``affects``)
EFFECTS = frozenset({"header", "experts"})
#: when a group of a form is shown (``shown_when``)
CONDITIONS = frozenset({"identified"})


# --- the structure ------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One attribute of the items of a list field (an option's risks, a step's due date)."""

    key: str
    label: Text
    kind: str  # text, line, date, number, check (otdesk.core.kinds)
    low: int | None = None  # a number's range
    high: int | None = None
    lines: int = 1  # a text's height


@dataclass(frozen=True)
class Field:
    """One field of the consultation, placed on a page.

    ``key`` is the dotted attribute path in :class:`~otdesk.core.domain.Consultation`;
    ``kind`` (:mod:`otdesk.core.kinds`) tells the UI which editor it needs and the
    summary how to print it; list fields have ``columns``.
    """

    key: FieldPath
    label: Text
    prompts: Mapping[str, tuple[str, ...]]
    kind: str = "text"
    columns: tuple[Column, ...] = ()
    #: what a screen reader says for it (the label without its mnemonic by default)
    name: Text | None = None
    placeholder: Text | None = None
    lines: int = 4
    low: int | None = None
    high: int | None = None
    suffix: str = ""
    vocabulary: str | None = None
    affects: frozenset[str] = frozenset()
    #: a field of the request or the close-out printed in the summary's details (the
    #: phases' fields are printed always; the request's usual ones in its title block)
    summary: bool = False

    def get(self, consultation: domain.Consultation) -> Any:
        """The value of this field in ``consultation``."""
        return self.key.get(consultation)

    def set(self, consultation: domain.Consultation, value: Any) -> None:
        """Put ``value`` into this field of ``consultation``."""
        self.key.set(consultation, value)

    def name_in(self, lang: str) -> str:
        """What the field is called for a screen reader, in ``lang``."""
        return tr(self.name, lang) if self.name else tr(self.label, lang).replace("&", "")


@dataclass(frozen=True)
class Group:
    """A group of a form's fields under one title (or none), shown always or only
    while ``shown_when`` holds."""

    id: str
    title: Text | None
    fields: tuple[Field, ...]
    shown_when: str | None = None


@dataclass(frozen=True)
class Form:
    """A page filled outside the session: the request, the close-out."""

    id: str
    title: Text
    groups: tuple[Group, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for g in self.groups for f in g.fields)


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
    request: Form
    closeout: Form

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
        """The agenda's field ``key``."""
        for f in self.fields():
            if f.key == key:
                return f
        raise KeyError(key)

    def every_field(self) -> tuple[Field, ...]:
        """Every field a consultant fills: the request, the agenda, the close-out (a key
        on the request page and in a phase, as the question, is there twice)."""
        return (*self.request.fields, *self.fields(), *self.closeout.fields)

    def affected_by(self, key: str) -> frozenset[str]:
        """What else shows the field ``key`` (its ``affects``, wherever it is placed)."""
        return frozenset().union(*(f.affects for f in self.every_field() if f.key == key))

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

    request = r.form(r.table(data, "request"), "request")
    closeout = r.form(r.table(data, "closeout"), "closeout")
    structure = Structure(phases, opening, closing, zones, r.text(worry, "title", "worry"), scale,
                          request, closeout)
    for fields in (structure.fields(), (*request.fields, *closeout.fields)):
        seen: set[str] = set()
        for f in fields:
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
        try:
            return language_text(data.get(key))
        except TextProblem as exc:
            raise self.fail(f"{where}.{key}", str(exc)) from None

    def optional_text(self, data: dict, key: str, where: str) -> Text | None:
        return self.text(data, key, where) if key in data else None

    def prompts(self, data: dict, where: str) -> Mapping[str, tuple[str, ...]]:
        try:
            return language_lists(data.get("prompts"), "prompts")
        except TextProblem as exc:
            raise self.fail(f"{where}.prompts", str(exc)) from None

    def form(self, data: dict, where: str) -> Form:
        groups = []
        for i, g in enumerate(self.array(data, "groups", where)):
            at = f"{where}.groups[{i}]"
            shown_when = g.get("shown_when")
            if shown_when is not None and shown_when not in CONDITIONS:
                raise self.fail(f"{at}.shown_when", f"must be one of {sorted(CONDITIONS)}")
            fields = tuple(self.field(f, f"{at}.fields[{j}]", prompts=False)
                           for j, f in enumerate(self.array(g, "fields", at)))
            groups.append(Group(self.string(g, "id", at), self.optional_text(g, "title", at),
                                fields, shown_when))
        return Form(self.string(data, "id", where), self.text(data, "title", where),
                    tuple(groups))

    def phase(self, data: dict, where: str) -> Phase:
        minutes = self.integer(data, "minutes", where)
        if minutes <= 0:
            raise self.fail(f"{where}.minutes", "must be more than 0")
        fields = tuple(self.field(f, f"{where}.fields[{i}]")
                       for i, f in enumerate(self.array(data, "fields", where)))
        return Phase(self.string(data, "id", where), self.text(data, "title", where),
                     self.text(data, "purpose", where), minutes, fields)

    def field(self, data: dict, where: str, prompts: bool = True) -> Field:
        key = FieldPath(self.string(data, "key", where))
        try:
            value_type = key.type_in(domain.Consultation)
            kind = kind_for(value_type, data.get("kind")).name
        except (FieldPathError, KindError) as exc:
            raise self.fail(f"{where}.key", str(exc)) from None
        columns: tuple[Column, ...] = ()
        if kind in RECORD_LISTS:
            item = list_item(value_type)
            columns = tuple(self.column(c, item, f"{where}.columns[{i}]")
                            for i, c in enumerate(self.array(data, "columns", where)))
        elif "columns" in data:
            raise self.fail(f"{where}.columns", f"{key!r} is not a list of records")
        affects = data.get("affects", [])
        if not isinstance(affects, list) or not set(affects) <= EFFECTS:
            raise self.fail(f"{where}.affects", f"must be a list of {sorted(EFFECTS)}")
        vocabulary = data.get("vocabulary")
        if (vocabulary is None) != (kind not in ("choice", "choices")):
            raise self.fail(f"{where}.vocabulary", "a choice needs one, nothing else has one")
        low, high = self.range(data, where)
        lines = self.lines(data, where, 4)
        return Field(key, self.text(data, "label", where),
                     self.prompts(data, where) if prompts or "prompts" in data else {},
                     kind, columns, name=self.optional_text(data, "name", where),
                     placeholder=self.optional_text(data, "placeholder", where), lines=lines,
                     low=low, high=high, suffix=str(data.get("suffix", "")),
                     vocabulary=vocabulary, affects=frozenset(affects),
                     summary=self.flag(data, "summary", where))

    def flag(self, data: dict, key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", "must be true or false")
        return value

    def lines(self, data: dict, where: str, default: int) -> int:
        lines = data.get("lines", default)
        if isinstance(lines, bool) or not isinstance(lines, int) or not 1 <= lines <= 40:
            raise self.fail(f"{where}.lines", "must be a whole number from 1 to 40")
        return lines

    def range(self, data: dict, where: str) -> tuple[int | None, int | None]:
        value = data.get("range")
        if value is None:
            return None, None
        if not (isinstance(value, list) and len(value) == 2 and
                all(isinstance(v, int) and not isinstance(v, bool) for v in value) and
                value[0] <= value[1]):
            raise self.fail(f"{where}.range", "must be [low, high], whole numbers")
        return value[0], value[1]

    def column(self, data: dict, item: type, where: str) -> Column:
        key = self.string(data, "key", where)
        try:
            value_type = FieldPath(key).type_in(item)
            kind = kind_for(value_type, data.get("kind"), column=True).name
        except (FieldPathError, KindError) as exc:
            raise self.fail(f"{where}.key", str(exc)) from None
        low, high = self.range(data, where)
        return Column(key, self.text(data, "label", where), kind, low, high,
                      self.lines(data, where, 1))


# --- resolving keys against the domain ------------------------------------------------


def resolve_key(key: str) -> Any:
    """The type of the attribute ``key`` (a dotted path) of ``domain.Consultation``.

    Raises :class:`TemplateError` when a part of the path does not exist.
    """
    try:
        return FieldPath(key).type_in(domain.Consultation)
    except FieldPathError as exc:
        raise TemplateError(str(exc)) from None
