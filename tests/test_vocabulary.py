"""Labels for the domain's codes, and the wellbeing regions as data."""

from __future__ import annotations

from importlib import resources

import pytest

from otdesk.core import domain, vocabulary
from otdesk.core.texts import LANGUAGES
from otdesk.core.structure import TemplateError
from otdesk.core.vocabulary import label, labels, parse_vocabulary


@pytest.fixture(scope="module")
def template_text():
    return resources.files("otdesk.templates").joinpath("vocabulary.toml").read_text("utf-8")


@pytest.mark.parametrize("kind, codes", [
    ("categories", domain.CATEGORIES),
    ("sectors", domain.SECTORS),
    ("channels", domain.CHANNELS),
    ("statuses", domain.STATUSES),
    ("session_modes", domain.SESSION_MODES),
])
def test_codes_match_the_domain_exactly(kind, codes):
    vocab = vocabulary.load_vocabulary()
    assert tuple(vocab.labels[kind]) == codes
    assert [code for code, _ in labels(kind, "fi")] == list(codes)


@pytest.mark.parametrize("kind", [*vocabulary.CODE_KINDS, "regions", "areas", "worry_zones"])
def test_every_code_has_a_label_in_every_language(kind):
    for lang in LANGUAGES:
        pairs = labels(kind, lang)
        assert pairs
        for code, text in pairs:
            assert text.strip() and text != code or kind in ("regions",), (kind, code, lang)
        # labels of one kind are distinct in each language
        assert len({t for _, t in pairs}) == len(pairs), (kind, lang)


def test_finnish_and_swedish_wording():
    assert label("categories", "high_conflict_separation", "fi") == \
        "Eroriita tai huoltoriita (myös vaino, vieraannuttaminen)"
    assert label("categories", "family_homicide_threat", "fi") == "Perhesurman uhka"
    assert label("sectors", "education", "fi") == "Sivistystoimi"
    assert label("sectors", "social_care", "sv") == "Socialvård"
    assert label("statuses", "accepted", "fi") == "Otettu käsittelyyn"
    assert label("statuses", "redirected", "fi") == "Ohjattu muualle"
    assert label("statuses", "declined", "en") == "Declined"
    assert label("worry_zones", 3, "fi") == "Tuntuva huoli (harmaa vyöhyke)"
    assert label("worry_zones", "1", "sv") == "Ingen oro"


def test_unknown_codes_show_as_they_are():
    assert label("categories", "from_a_newer_version", "fi") == "from_a_newer_version"
    assert label("regions", "Ahvenanmaa", "sv") == "Ahvenanmaa"
    assert label("worry_zones", 9, "fi") == "9"
    with pytest.raises(KeyError):
        label("colours", "red", "fi")


def test_unknown_language_falls_back_to_finnish():
    assert label("channels", "email", "de") == "Sähköposti"


# --- regions and areas --------------------------------------------------------------------


def test_regions_are_the_domains_regions():
    regions = vocabulary.regions()
    assert [r.code for r in regions] == list(domain.REGIONS)
    assert len(regions) == 22  # 21 wellbeing regions and the City of Helsinki


def test_five_collaboration_areas():
    areas = vocabulary.areas()
    assert [a.code for a in areas] == ["south", "west", "inner", "east", "north"]
    assert {r.area for r in vocabulary.regions()} == {a.code for a in areas}


@pytest.mark.parametrize("area, members", [
    ("east", {"Etelä-Savo", "Keski-Suomi", "Pohjois-Karjala", "Pohjois-Savo"}),
    ("west", {"Varsinais-Suomi", "Satakunta", "Pohjanmaa"}),
    ("inner", {"Etelä-Pohjanmaa", "Pirkanmaa", "Kanta-Häme"}),
    ("north", {"Pohjois-Pohjanmaa", "Kainuu", "Lappi", "Keski-Pohjanmaa"}),
    ("south", {"Itä-Uusimaa", "Keski-Uusimaa", "Länsi-Uusimaa", "Vantaa-Kerava", "Helsinki",
               "Kymenlaakso", "Etelä-Karjala", "Päijät-Häme"}),
])
def test_regions_by_area(area, members):
    assert {r.code for r in vocabulary.regions(area)} == members


def test_region_names_in_three_languages():
    assert vocabulary.region("Itä-Uusimaa").name("sv") == "Östra Nyland"
    assert vocabulary.region("Helsinki").name("sv") == "Helsingfors"
    assert vocabulary.region("Vantaa-Kerava").name("sv") == "Vanda och Kervo"
    assert vocabulary.region("Varsinais-Suomi").name("en") == "Southwest Finland"
    assert vocabulary.region("Pohjois-Savo").name("fi") == "Pohjois-Savo"
    assert label("regions", "Lappi", "sv") == "Lappland"
    assert label("areas", "east", "fi") == "Itä-Suomen yhteistyöalue"
    with pytest.raises(KeyError):
        vocabulary.region("Ahvenanmaa")


def test_every_code_validates_in_the_domain():
    for code, _ in labels("categories", "fi"):
        domain.Consultation(categories=[code]).validate()
    for region in vocabulary.regions():
        domain.Consultation(requester=domain.Requester(region=region.code)).validate()


# --- a template that drifts from the domain is refused -----------------------------------------


@pytest.mark.parametrize("old, new, message", [
    ("\nrare_disease = {", "\nrare_illness = {", r"\[categories\] does not match domain.py"),
    ('\nother = { fi = "Muu", sv = "Annan", en = "Other" }\n\n[channels]',
     '\n\n[channels]', r"\[sectors\] does not match"),
    ('code = "Kainuu"', 'code = "Kainuun hyvinvointialue"', r"\[regions\] does not match"),
    ('area = "north"', 'area = "arctic"', "unknown area 'arctic'"),
    ('sv = "Socialvård"', 'sv = ""', "sectors.social_care: no text in 'sv'"),
    ('sv = "Östra Nyland"', 'sw = "Östra Nyland"', r"regions\[0\]: no text in 'sv'"),
    ("\nschema = 1", "\nschema = 7", "schema must be 1"),
])
def test_drifting_templates_are_refused(template_text, old, new, message):
    assert old in template_text
    with pytest.raises(TemplateError, match=message):
        parse_vocabulary(template_text.replace(old, new, 1))


def test_an_area_without_regions_is_refused(template_text):
    extra = template_text + '\n[[areas]]\ncode = "aland"\nfi = "Ahvenanmaa"\nsv = "Åland"\n' \
                            'en = "Åland"\n'
    with pytest.raises(TemplateError, match="areas without regions"):
        parse_vocabulary(extra)
