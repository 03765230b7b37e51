"""Every kind of field is filled in by a widget (its renderer in the summary:
tests/test_summary.py): the one list of kinds, otdesk.core.kinds, and the field path."""

from __future__ import annotations

import datetime as dt

import pytest

from otdesk.core import domain
from otdesk.core.field_path import FieldPath, FieldPathError
from otdesk.core.kinds import KINDS, KindError, kind_for
from otdesk.core.structure import load_structure


def test_every_kind_has_a_widget():
    from otdesk.ui.field_widgets import WIDGETS

    assert set(WIDGETS) == set(KINDS)


def test_every_field_of_the_structure_has_a_known_kind_that_holds_its_type():
    for f in load_structure().every_field():
        assert f.kind in KINDS
        assert KINDS[f.kind].value == f.key.type_in(domain.Consultation)
        for c in f.columns:
            assert KINDS[c.kind].column


def test_a_kind_must_hold_the_fields_type():
    assert kind_for(str).name == "text"
    assert kind_for(dt.date).name == "date"
    assert kind_for(str, "line").name == "line"
    with pytest.raises(KindError, match="holds"):
        kind_for(str, "date")
    with pytest.raises(KindError, match="unknown kind"):
        kind_for(str, "colour")
    with pytest.raises(KindError, match="not a field a person fills in"):
        kind_for(list[str])


def test_a_field_path_reads_writes_and_fills_an_empty_record_on_the_way():
    c = domain.Consultation()
    assert c.consent is None
    assert FieldPath("consent.given_by").get(c) is None
    FieldPath("consent.given_by").set(c, "Äiti")
    assert c.consent.given_by == "Äiti"
    FieldPath("session.duration_minutes").set(c, 75)
    assert FieldPath("session.duration_minutes").get(c) == 75
    assert FieldPath("consent.given_on").type_in(domain.Consultation) is dt.date
    with pytest.raises(FieldPathError, match="has no attribute"):
        FieldPath("requester.shoe_size").type_in(domain.Consultation)
