"""What a field of the consultation is called, in the user's language.

One place for turning a dotted key (``situation.background``, ``plan.steps.2.action``,
``consent.given_by``) into the words the editor shows: the phase fields come from
``templates/structure.toml``, the request's own fields from the ``[field]`` table of
``templates/messages.toml``.  Used to name the field in a message.  No Qt.
"""

from __future__ import annotations

from otdesk.core.errors import message
from otdesk.core.structure import load_structure, tr


def field_label(key: str, lang: str) -> str:
    """``plan.steps.2.action`` → "Toimenpiteet 2: Toimenpide" (fi)."""
    parts = key.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        try:
            f = load_structure().field(prefix)
        except KeyError:
            continue
        label = tr(f.label, lang)
        rest = parts[n:]
        if rest and rest[0].isdigit():
            label = f"{label} {rest[0]}"
            columns = {c.key: tr(c.label, lang) for c in f.columns}
            if len(rest) > 1 and rest[1] in columns:
                label = f"{label}: {columns[rest[1]]}"
        return label
    phase = next((p for p in load_structure().phases if p.id == key), None)
    if phase is not None:  # a whole phase: "situation" → "Tilanne"
        return tr(phase.title, lang)
    section = message(f"section.{key}", lang) if len(parts) == 1 else None
    if section is not None and section != f"section.{key}":
        return section  # a whole part: "requester" → "Pyytäjän tiedot"
    generic = ".".join(p if not p.isdigit() else "#" for p in parts)
    text = message(f"field.{generic}", lang)
    if text == f"field.{generic}":  # a field of the request or the close-out, by its name
        form_fields = (*load_structure().request.fields, *load_structure().closeout.fields)
        return next((f.name_in(lang) for f in form_fields if f.key == key), key)
    numbers = [p for p in parts if p.isdigit()]
    return text.replace("#", numbers[0]) if numbers else text
