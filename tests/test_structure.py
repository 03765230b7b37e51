"""The consultation structure template: loads, is complete, and fits the domain."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from importlib import resources

import pytest

from otdesk.core import domain
from otdesk.core.texts import LANGUAGES
from otdesk.core.structure import (PHASE_IDS, TemplateError, load_structure, parse_structure,
                              resolve_key, tr)


@pytest.fixture(scope="module")
def structure():
    return load_structure()


@pytest.fixture(scope="module")
def template_text():
    return resources.files("otdesk.templates").joinpath("structure.toml").read_text("utf-8")


def test_loads_and_is_cached(structure):
    assert load_structure() is structure


def test_four_phases_in_order(structure):
    assert tuple(p.id for p in structure.phases) == PHASE_IDS
    assert [tr(p.title, "fi") for p in structure.phases] == \
        ["Tilanne", "Pohdinta", "Vaihtoehdot", "Etenemissuunnitelma"]
    assert [p.id for p in structure.agenda] == ["opening", *PHASE_IDS, "closing"]


def test_agenda_fits_a_60_to_90_minute_session(structure):
    assert 60 <= structure.total_minutes <= 90
    assert all(p.minutes > 0 for p in structure.agenda)


def test_every_field_key_resolves(structure):
    c = domain.Consultation()
    for f in structure.fields():
        resolve_key(f.key)
        f.get(c)  # a real attribute path of a real Consultation


def test_every_field_of_the_phases_is_placed(structure):
    """Nothing the domain records for a phase is left without a place on a page."""
    keys = {f.key for f in structure.fields()}
    for prefix, cls in (("situation", domain.Situation), ("reflections", domain.Reflections),
                        ("plan", domain.Plan)):
        for f in dataclasses.fields(cls):
            assert f"{prefix}.{f.name}" in keys
    assert {"options", "worry_start", "worry_end", "question"} <= keys


def test_field_kinds(structure):
    kinds = {f.key: f.kind for f in structure.fields()}
    assert kinds["situation.worries"] == "text"
    assert kinds["situation.scale"] == "scale"
    assert kinds["options"] == "options"
    assert kinds["plan.steps"] == "steps"
    assert kinds["plan.follow_up_date"] == "date"
    assert kinds["worry_start"] == kinds["worry_end"] == "worry_zone"
    steps = structure.field("plan.steps")
    assert [(c.key, c.kind) for c in steps.columns] == \
        [("action", "text"), ("responsible", "text"), ("due", "date")]
    option_columns = {c.key for c in structure.field("options").columns}
    assert option_columns == {f.name for f in dataclasses.fields(domain.Option)}


def test_get_and_set_reach_the_consultation(structure):
    c = domain.Consultation()
    structure.field("situation.going_well").set(c, "Isä hakee lapsen koulusta joka päivä.")
    assert c.situation.going_well == "Isä hakee lapsen koulusta joka päivä."
    structure.field("plan.follow_up_date").set(c, dt.date(2026, 5, 4))
    assert structure.field("plan.follow_up_date").get(c) == dt.date(2026, 5, 4)
    structure.field("worry_start").set(c, 3)
    assert c.worry_start == 3


def _texts(structure):
    """Every localized text of the structure, with where it is."""
    yield "scale.title", structure.scale.title
    yield "scale.low", structure.scale.low
    yield "scale.high", structure.scale.high
    yield "worry.title", structure.worry_title
    for z in structure.worry_zones:
        yield f"zone {z.value} label", z.label
        yield f"zone {z.value} description", z.description
    for p in structure.agenda:
        yield f"{p.id}.title", p.title
        yield f"{p.id}.purpose", p.purpose
        for f in p.fields:
            yield f"{f.key}.label", f.label
            for c in f.columns:
                yield f"{f.key}.{c.key}", c.label


def test_every_text_has_fi_sv_en(structure):
    for where, text in _texts(structure):
        assert isinstance(text, Mapping)
        for lang in LANGUAGES:
            assert text[lang].strip(), f"{where} has no {lang}"


def test_prompts_in_every_language(structure):
    for f in structure.fields():
        counts = {lang: len(f.prompts[lang]) for lang in LANGUAGES}
        assert len(set(counts.values())) == 1, f"{f.key}: {counts}"
        assert 2 <= counts["fi"] <= 4, f.key
        for lang in LANGUAGES:
            assert all(p.strip() for p in f.prompts[lang])


def test_signs_of_safety_and_reflective_prompts(structure):
    fi = {f.key: f.prompts["fi"] for f in structure.fields()}
    assert "Mikä teitä huolestuttaa?" in fi["situation.worries"]
    assert "Mikä menee hyvin?" in fi["situation.going_well"]
    assert "Mitä pitää tapahtua?" in fi["situation.needs_to_happen"]
    assert any(p.startswith("Voisiko olla niin, että") for p in fi["reflections.hypotheses"])
    scale = " ".join(fi["situation.scale"])
    assert "0 = lapsi ei voi jäädä kotiin" in scale
    assert "yksi askel ylempänä" in scale and "pienin seuraava askel" in scale
    assert "tulipaloja" in structure.phase("reflections").purpose["fi"]


def test_worry_zones(structure):
    assert [z.value for z in structure.worry_zones] == [1, 2, 3, 4]
    assert [tr(z.label, "fi") for z in structure.worry_zones] == \
        ["Ei huolta", "Pieni huoli", "Tuntuva huoli (harmaa vyöhyke)", "Suuri huoli"]
    assert tr(structure.worry_zone(1).label, "sv") == "Ingen oro"
    assert "harmaa vyöhyke" in tr(structure.worry_zone(3).label, "fi")
    assert structure.opening.fields[-1].key == "worry_start"
    assert structure.closing.fields[0].key == "worry_end"


def test_tr_falls_back_to_finnish():
    text = {"fi": "Tilanne", "sv": "", "en": "Situation"}
    assert tr(text, "sv") == "Tilanne"
    assert tr(text, "de") == "Tilanne"
    assert tr(text, "en") == "Situation"
    assert tr({"en": "only"}, "sv") == "only"
    assert tr({}, "fi") == ""


# --- a broken template says what is wrong ------------------------------------------------------


@pytest.mark.parametrize("old, new, message", [
    ('key = "situation.tried"', 'key = "situation.triedd"', "Situation has no attribute 'triedd'"),
    ('key = "plan.contacts"', 'key = "plan.contacts.name"', "plan.contacts has no attributes"),
    ('key = "responsible"', 'key = "who"', "PlanStep has no attribute 'who'"),
    ('key = "situation.background"', 'key = "situation"', "not a field a person fills in"),
    ('key = "plan.contacts"', 'key = "situation.worries"', "appears twice"),
    ('id = "options"', 'id = "choices"', "phases must be"),
    ('minutes = 20', 'minutes = 0', "must be more than 0"),
    ('value = 4', 'value = 5', "worry.zones"),
    ('sv = "Bakgrund"', 'xx = "Bakgrund"', "no text in 'sv'"),
    ('label = { fi = "Tausta", sv = "Bakgrund", en = "Background" }',
     'label = { fi = "Tausta", sv = "Bakgrund", en = "" }', "no text in 'en'"),
    ('\nschema = 1', '\nschema = 2', "schema must be 1"),
])
def test_broken_templates_are_refused(template_text, old, new, message):
    assert old in template_text
    broken = template_text.replace(old, new, 1)
    with pytest.raises(TemplateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_structure(broken)


def test_missing_prompts_are_refused(template_text):
    fewer = template_text.replace('    "Mitä pitää tapahtua?",\n', "", 1)
    parse_structure(fewer)  # two Finnish prompts left there: fine
    no_sv = template_text.replace("\nsv = [\n", "\nsv_x = [\n", 1)
    with pytest.raises(TemplateError, match="no prompts in 'sv'"):
        parse_structure(no_sv)


def test_not_toml_is_refused():
    with pytest.raises(TemplateError, match="not valid TOML"):
        parse_structure("schema = = 1")
