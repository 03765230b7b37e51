"""Words for the codes of :mod:`otdesk.core.domain`, and the wellbeing regions as data.

The domain stores stable codes (``"family_violence"``, ``"social_care"``,
``"accepted"``); what a person reads is in ``templates/vocabulary.toml`` in
Finnish, Swedish and English.  The 21 wellbeing regions and the City of
Helsinki are data there too, each in its collaboration area (YTA); a
region's code is its Finnish name, as stored in consultations.

The template is checked when it is loaded: its codes must be exactly those
of ``domain.CATEGORIES``, ``SECTORS``, ``CHANNELS``, ``STATUSES``,
``SESSION_MODES`` and ``REGIONS``, and every text must exist in fi, sv and
en (:class:`~otdesk.core.templates.TemplateError` otherwise).  No Qt here.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Mapping
from importlib import resources
from typing import NamedTuple

from otdesk.core import domain
from otdesk.core.templates import TemplateError, read_template
from otdesk.core.texts import Text, TextProblem, language_text, tr

TEMPLATE = "vocabulary.toml"
SCHEMA = 1

#: the code lists the template labels, in the domain's order
CODE_KINDS: dict[str, tuple[str, ...]] = {
    "categories": domain.CATEGORIES,
    "sectors": domain.SECTORS,
    "channels": domain.CHANNELS,
    "statuses": domain.STATUSES,
    "session_modes": domain.SESSION_MODES,
    "consent_forms": domain.CONSENT_FORMS,
}
#: every kind :func:`label` knows
KINDS = (*CODE_KINDS, "regions", "areas", "worry_zones")


class Area(NamedTuple):
    """A collaboration area (yhteistyöalue, YTA), each with one OT centre."""

    code: str
    names: Text

    def name(self, lang: str) -> str:
        return tr(self.names, lang)


class Region(NamedTuple):
    """A wellbeing region (or the City of Helsinki); ``code`` is its Finnish name."""

    code: str
    names: Text
    area: str

    def name(self, lang: str) -> str:
        return tr(self.names, lang)


class Vocabulary(NamedTuple):
    labels: Mapping[str, Mapping[str, Text]]
    areas: tuple[Area, ...]
    regions: tuple[Region, ...]


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary from the packaged template (read and checked once)."""
    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    return parse_vocabulary(text)


def parse_vocabulary(text: str, source: str = TEMPLATE) -> Vocabulary:
    """Build and check a :class:`Vocabulary` from TOML text."""
    data = read_template(text, source, SCHEMA)

    labels: dict[str, Mapping[str, Text]] = {}
    for kind, codes in CODE_KINDS.items():
        table = data.get(kind)
        if not isinstance(table, dict):
            raise TemplateError(f"{source}: missing table [{kind}]")
        _same_codes(source, kind, set(table), codes)
        labels[kind] = types.MappingProxyType(
            {code: _text(source, f"{kind}.{code}", table[code]) for code in codes})

    areas = []
    for i, a in enumerate(_array(source, data, "areas")):
        code = a.get("code")
        if not isinstance(code, str) or not code:
            raise TemplateError(f"{source}: areas[{i}].code: missing")
        areas.append(Area(code, _text(source, f"areas[{i}]", a)))
    area_codes = [a.code for a in areas]
    if len(set(area_codes)) != len(area_codes):
        raise TemplateError(f"{source}: an area code appears twice")

    by_code = {}
    for i, r in enumerate(_array(source, data, "regions")):
        code = r.get("code")
        if not isinstance(code, str) or not code:
            raise TemplateError(f"{source}: regions[{i}].code: missing")
        if code in by_code:
            raise TemplateError(f"{source}: region {code!r} appears twice")
        if r.get("area") not in area_codes:
            raise TemplateError(f"{source}: region {code!r}: unknown area {r.get('area')!r}")
        names = _text(source, f"regions[{i}]", {"fi": code, **r})
        by_code[code] = Region(code, names, r["area"])
    _same_codes(source, "regions", set(by_code), domain.REGIONS)
    empty = set(area_codes) - {r.area for r in by_code.values()}
    if empty:
        raise TemplateError(f"{source}: areas without regions: {sorted(empty)}")

    return Vocabulary(types.MappingProxyType(labels), tuple(areas),
                      tuple(by_code[c] for c in domain.REGIONS))


def _same_codes(source: str, kind: str, found: set[str], expected: tuple[str, ...]) -> None:
    missing, extra = set(expected) - found, found - set(expected)
    if missing or extra:
        raise TemplateError(f"{source}: [{kind}] does not match domain.py: missing "
                            f"{sorted(missing)}, unknown {sorted(extra)}")


def _array(source: str, data: dict, key: str) -> list[dict]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise TemplateError(f"{source}: missing [[{key}]]")
    return value


def _text(source: str, where: str, value: object) -> Text:
    try:
        return language_text(value)
    except TextProblem as exc:
        raise TemplateError(f"{source}: {where}: {exc}") from None


# --- the public API -------------------------------------------------------------------


def label(kind: str, code: str | int, lang: str) -> str:
    """What a person reads for ``code`` of ``kind`` in ``lang``.

    ``kind`` is one of :data:`KINDS`.  A code the vocabulary does not know
    (data from a newer or older version) comes back as it is, so nothing is
    ever hidden; an unknown ``kind`` is a programming error (KeyError).
    """
    if kind == "worry_zones":
        try:
            return tr(_structure().worry_zone(int(code)).label, lang)
        except (KeyError, ValueError):
            return str(code)
    vocab = load_vocabulary()
    if kind == "regions":
        found = next((r for r in vocab.regions if r.code == code), None)
        return found.name(lang) if found else str(code)
    if kind == "areas":
        area = next((a for a in vocab.areas if a.code == code), None)
        return area.name(lang) if area else str(code)
    texts = vocab.labels[kind].get(str(code))
    return tr(texts, lang) if texts else str(code)


def labels(kind: str, lang: str) -> list[tuple[str, str]]:
    """``(code, label)`` for every code of ``kind``, in the domain's order (for choosers)."""
    if kind == "regions":
        return [(r.code, r.name(lang)) for r in regions()]
    if kind == "areas":
        return [(a.code, a.name(lang)) for a in areas()]
    if kind == "worry_zones":
        return [(str(z.value), tr(z.label, lang)) for z in _structure().worry_zones]
    return [(code, label(kind, code, lang)) for code in CODE_KINDS[kind]]


def regions(area: str | None = None) -> list[Region]:
    """The wellbeing regions in ``domain.REGIONS`` order (of one area when given)."""
    return [r for r in load_vocabulary().regions if area is None or r.area == area]


def areas() -> list[Area]:
    """The five collaboration areas."""
    return list(load_vocabulary().areas)


def region(code: str) -> Region:
    """The region whose code (Finnish name) is ``code``; KeyError when unknown."""
    for r in load_vocabulary().regions:
        if r.code == code:
            return r
    raise KeyError(code)


def _structure():
    """The consultation's structure, for the worry zones' words (imported here: the
    list's first screen needs the vocabulary, not the structure's twelve classes)."""
    from otdesk.core.structure import load_structure

    return load_structure()
