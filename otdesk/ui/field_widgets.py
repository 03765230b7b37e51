"""Which widget fills in which kind of field: the UI's half of ``otdesk.core.kinds``.

:data:`WIDGETS` maps every kind to a function making its input for a field of the
structure (a test fails when a kind has none); :func:`make_input` is what a page calls.
A list of records gets a :class:`~otdesk.ui.list_editors.RecordListEditor`, every
other kind a :class:`~otdesk.ui.fields.Binding`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from otdesk.core import domain, vocabulary
from otdesk.core.structure import Field, tr
from otdesk.ui.fields import (AnonymityBinding, Binding, CheckBinding, CheckListBinding,
                              CodeChoiceBinding, DateBinding, DateTimeBinding, ExpertsBinding,
                              LineBinding, ListLineBinding, NumberBinding, TextBinding,
                              WorryBinding)
from otdesk.ui.list_editors import RecordListEditor


def _texts() -> dict[str, str]:
    """The words the inputs bring themselves, in the app's language."""
    return {
        "remove": QCoreApplication.translate("FieldWidgets", "Remove"),
        "scale": QCoreApplication.translate("FieldWidgets", "Add a &rating"),
        "options": QCoreApplication.translate("FieldWidgets", "Add an &option"),
        "steps": QCoreApplication.translate("FieldWidgets", "Add a &step"),
        "suggested": QCoreApplication.translate("FieldWidgets", "suggested"),
        "anonymous": QCoreApplication.translate(
            "FieldWidgets", "&Anonymous (no data identifying the client)"),
        "identified": QCoreApplication.translate(
            "FieldWidgets", "&Identified, with the client's consent"),
        "not_asked": QCoreApplication.translate("FieldWidgets", "Not asked yet"),
    }


def _placeholder(field: Field, lang: str) -> str:
    return tr(field.placeholder, lang) if field.placeholder else ""


def _records(item: type):
    def make(field: Field, name: str, lang: str) -> RecordListEditor:
        texts = _texts()
        return RecordListEditor(field, item, lang, lambda items: None, texts[field.kind],
                                texts["remove"], cards=field.kind == "options")
    return make


#: kind → (field, accessible name, language) → its input
WIDGETS: dict[str, Callable[[Field, str, str], Binding | RecordListEditor]] = {
    "text": lambda f, name, lang: TextBinding(name, None, lines=f.lines),
    "line": lambda f, name, lang: LineBinding(name, None, placeholder=_placeholder(f, lang)),
    "choice": lambda f, name, lang: CodeChoiceBinding(
        name, None, vocabulary.labels(f.vocabulary, lang)),
    "choices": lambda f, name, lang: CheckListBinding(
        name, None, vocabulary.labels(f.vocabulary, lang), columns=1),
    "names": lambda f, name, lang: ListLineBinding(name, None,
                                                   placeholder=_placeholder(f, lang)),
    "experts": lambda f, name, lang: ExpertsBinding(None, name, _texts()["suggested"]),
    "date": lambda f, name, lang: DateBinding(name, None),
    "moment": lambda f, name, lang: DateTimeBinding(name, None),
    "number": lambda f, name, lang: NumberBinding(
        name, None, f.low if f.low is not None else 0, f.high if f.high is not None else 9999,
        suffix=f.suffix),
    "check": lambda f, name, lang: CheckBinding(tr(f.label, lang), None),
    "anonymity": lambda f, name, lang: AnonymityBinding(
        None, _texts()["anonymous"], _texts()["identified"], name),
    "worry_zone": lambda f, name, lang: WorryBinding(name, None, lang, _texts()["not_asked"]),
    "scale": _records(domain.ScaleRating),
    "options": _records(domain.Option),
    "steps": _records(domain.PlanStep),
}

#: kinds whose input carries its own words (no label beside it in a form)
SELF_LABELLED = frozenset({"check", "anonymity"})


def make_input(field: Field, lang: str) -> Binding | RecordListEditor:
    """The input of ``field`` (its ``on_edit`` still to be connected by the page)."""
    return WIDGETS[field.kind](field, field.name_in(lang), lang)
