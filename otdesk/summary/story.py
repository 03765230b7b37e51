"""The story of one summary: the flowables of a consultation, section by section — the
title block, the question, the phases in the order and with the labels of
``templates/structure.toml``, the worry zones, the contact box, the feedback request
and the dated addenda.  A field of a phase is printed by the renderer of its kind
(:data:`RENDERERS`, one for every kind of :mod:`otdesk.core.kinds`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from otdesk.core import vocabulary
from otdesk.core.dates import clock_text, day_text
from otdesk.core.domain import Consultation
from otdesk.core.profile import ConsultantProfile
from otdesk.core.structure import Field, load_structure, tr
from otdesk.core.summary_org import SummaryOrg
from otdesk.summary.fonts import FONT_BOLD
from otdesk.summary.phrases import wording
from otdesk.summary.style import (
    ACCENT,
    BODY_CHARS,
    BODY_LINES,
    BOX_FILL,
    CELL_LINES,
    FRAME_W,
    TABLE_BASE,
    Heading,
    Paragraph,
    chars_for,
    continued,
    lines,
    styles,
)
from otdesk.summary.tables import Grid, glue_tables
from otdesk.summary.text import clean, markup, pieces


class Story:
    """The flowables of one summary, section by section."""

    def __init__(self, c: Consultation, lang: str, org: SummaryOrg, org_name: str,
                 version: int, addenda: Sequence, generated: dt.date | None,
                 consultant: ConsultantProfile | None = None) -> None:
        self.c = c
        self.consultant = consultant
        self.lang = lang
        self.org = org
        self.org_name = org_name
        self.version = version
        self.addenda = addenda
        self.generated = generated
        self.st = styles()
        self.structure = load_structure()
        self.out: list[Flowable] = []
        self.section = 0
        self.phase_title = ""

    def w(self, key: str, **params: object) -> str:
        return wording(key, self.lang, **params)

    def label_of(self, f: Field) -> str:
        """The field's name as printed: its label without the keyboard mnemonic."""
        return tr(f.label, self.lang).replace("&", "")

    def table_label(self, f: Field) -> list[Flowable]:
        """The label over a table, unless it only repeats the phase's title."""
        label = self.label_of(f)
        if label.strip().casefold() == self.phase_title.strip().casefold():
            return []
        return [Paragraph(markup(label), self.st["table_label"])]

    # -- building blocks -----------------------------------------------------------------

    def heading(self, text: str, numbered: bool = True) -> None:
        if numbered:
            self.section += 1
            text = f"{self.section}\u2002{text}"
        self.out.append(Heading(markup(clean(text)), self.st["h2"]))

    def paragraphs(self, text: str, style: ParagraphStyle | None = None, *, lead: str = "",
                   bullet: str | None = None, chars: int = BODY_CHARS) -> list[Flowable]:
        """``text`` (cleaned) as paragraphs of at most ``chars`` characters each.

        ``lead`` is markup put before the first piece (a bold label), ``bullet`` its
        bullet; the pieces after the first continue without space above them.
        """
        style = style or self.st["body"]
        out: list[Flowable] = []
        for i, piece in enumerate(pieces(text, chars, BODY_LINES)):
            if i == 0:
                out += lines(piece, style, lead, bullet)
            else:
                out += lines(piece, continued(style))
        return out

    def labelled(self, label: str, text: str) -> None:
        """A field: its label, then its text (skipped when the text is empty)."""
        text = clean(text).strip()
        if not text:
            return
        self.out.append(Paragraph(markup(clean(label)), self.st["label"]))
        self.out += self.paragraphs(text)

    def inline(self, label: str, value: str) -> None:
        """A short field on one line: "Label: value"."""
        value = clean(value).strip()
        if value:
            self.out += self.paragraphs(
                value, self.st["inline"],
                lead=f'<font name="{FONT_BOLD}" color="#2F3B4B">{markup(clean(label))}:</font> ')

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.out += self.paragraphs(item, self.st["bullet"], bullet="•")

    # -- the whole -----------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        self.title_block()
        self.question_and_categories()
        self.request_details()
        for phase in self.structure.phases:
            self.phase(phase)
        self.worry()
        self.contact()
        self.feedback_request()
        self.addenda_section()
        return glue_tables(self.out)

    def title_block(self) -> None:
        c, st = self.c, self.st
        block: list[Flowable] = [Paragraph(markup(self.w("title")), st["title"])]
        sub = []
        reference = " ".join(clean(c.reference).split())
        if len(reference) > 200:  # not a reference but a text: print all of it, plainly
            block += self.paragraphs(reference, st["subtitle"])
        elif reference:
            sub.append(f'<font name="{FONT_BOLD}" color="#1F3A5F">{markup(reference)}</font>')
        if self.version > 1:
            sub.append(f'<font name="{FONT_BOLD}">{markup(self.w("version", n=self.version))}'
                       "</font>")
        if self.generated is not None:
            sub.append(markup(self.w("generated", date=day_text(self.generated))))
        if sub:
            block.append(Paragraph("\u2003·\u2003".join(sub), st["subtitle"]))
        else:
            block.append(Spacer(1, 7))

        facts: list[tuple[str, str]] = []
        if c.received_at is not None:
            received = day_text(c.received_at)
            if c.channel:
                received += " · " + vocabulary.label("channels", c.channel, self.lang)
            facts.append((self.w("received"), received))
        session = []
        if c.session.date is not None:
            session.append(day_text(c.session.date))
        if c.session.mode:
            session.append(vocabulary.label("session_modes", c.session.mode, self.lang))
        if c.session.duration_minutes:
            session.append(self.w("minutes", n=c.session.duration_minutes))
        if session and c.session.date is not None:
            facts.append((self.w("session"), " · ".join(session)))
        r = c.requester
        who = ", ".join(x for x in (clean(r.name).strip(), clean(r.title).strip()) if x)
        org = clean(r.organisation).strip()
        requester = "\n".join(x for x in (who, org) if x)
        if requester:
            facts.append((self.w("requester"), requester))
        consultants = [clean(n).strip() for n in c.consultants if clean(n).strip()]
        if consultants:
            facts.append((self.w("consultants" if len(consultants) > 1 else "consultant"),
                          ", ".join(consultants)))
        facts = [(a, b, "fact") for a, b in facts] + self.client_facts()
        if facts:
            block.append(self.facts_table(facts))
        self.out.append(KeepTogether(block))

    def facts_table(self, facts: list[tuple[str, str, str]]) -> Table:
        label_w = 42 * mm
        value_w = FRAME_W - label_w
        rows = []
        for label, value, style in facts:
            chunks = pieces(clean(value), chars_for(value_w, self.st[style], CELL_LINES),
                            CELL_LINES)
            for i, chunk in enumerate(chunks):
                rows.append([Paragraph(markup(label) if i == 0 else "", self.st["fact_label"]),
                             lines(chunk, self.st[style])])
        style = [*TABLE_BASE, ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                 ("LEFTPADDING", (0, 0), (0, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                 ("TOPPADDING", (0, 0), (-1, 0), 7), ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
                 ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT)]
        return Table(rows, colWidths=[label_w, value_w], style=style, splitInRow=1)

    def question_and_categories(self) -> None:
        question = clean(self.c.question).strip()
        cats = [vocabulary.label("categories", code, self.lang) for code in self.c.categories]
        cats = [clean(x).strip() for x in cats if clean(x).strip()]
        if not question and not cats:
            return
        self.heading(self.label_of(self.structure.field("question")), numbered=False)
        if question:
            self.out += self.paragraphs(question)
        if cats:
            self.out.append(Paragraph(markup(self.w("categories")), self.st["label"]))
            self.bullets(cats)

    def request_details(self) -> None:
        """The request's fields marked ``summary = true`` in the structure (those the
        title block does not place itself), each as its kind prints it."""
        for f in self.structure.request.fields:
            if f.summary:
                self.field(f)

    def client_facts(self) -> list[tuple[str, str, str]]:
        """Anonymous: one sentence.  Identified: the client and the consent statement."""
        c = self.c
        if c.anonymous:
            return [(self.w("client"), self.w("anonymous_note"), "fact_note")]
        out = []
        description = clean(c.client_description).strip()
        if description:
            out.append((self.w("client"), description, "fact"))
        consent = c.consent
        if consent is not None:
            lines = [f"{self.w(key)}: {value}" for key, value in (
                ("consent_given_by", " ".join(clean(consent.given_by).split())),
                ("consent_given_on", day_text(consent.given_on)),
                ("consent_scope", clean(consent.scope).strip()),
                ("consent_form", vocabulary.label("consent_forms", consent.form, self.lang)
                 if consent.form else ""),
                ("consent_recorded_by", " ".join(clean(consent.recorded_by).split())))
                if value]
            if lines:
                out.append((self.w("consent"), self.w("identified_note"), "fact_note"))
                out.append(("", "\n".join(lines), "fact"))
        return out

    # -- the phases ----------------------------------------------------------------------

    def phase(self, phase: Any) -> None:
        body: list[Flowable] = []
        saved, self.out = self.out, body
        try:
            self.phase_title = tr(phase.title, self.lang)
            for f in phase.fields:
                self.field(f)
                if f.key == "plan.contacts":
                    self.experts()
        finally:
            self.out = saved
        if body:
            self.heading(tr(phase.title, self.lang))
            self.out += body

    def field(self, f: Field) -> None:
        """A field of a phase, as the renderer of its kind prints it."""
        RENDERERS[f.kind](self, f, f.get(self.c))

    def scale(self, f: Field, ratings: list) -> None:
        rows = [r for r in ratings if clean(r.participant).strip() or r.value]
        if not rows:
            return
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        widths = [70 * mm, 30 * mm]
        table = Grid(self.st, [cols.get("participant", ""), cols.get("value", "")], widths)
        for r in rows:
            table.row([[("td", clean(r.participant).strip() or "—")],
                       [("td_title", str(r.value))]])
        scale = self.structure.scale
        note = f"{tr(scale.low, self.lang)} · {tr(scale.high, self.lang)}"
        self.out.append(KeepTogether([
            Paragraph(markup(self.label_of(f)), self.st["label"]),
            Spacer(1, 2), table.build(),
            Paragraph(markup(note), ParagraphStyle("scale_note", parent=self.st["note"],
                                                   spaceBefore=3))]))

    def options(self, f: Field, options: list) -> None:
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        keys = ("title", "benefits", "risks", "needs")
        widths = [FRAME_W * x for x in (0.28, 0.24, 0.24, 0.24)]
        table = Grid(self.st, [cols.get(k, k) for k in keys], widths)
        shown = 0
        for n, o in enumerate(options, 1):
            texts = {k: clean(getattr(o, k, "")).strip()
                     for k in ("title", "description", "benefits", "risks", "needs", "why")}
            if not any(texts.values()) and not o.chosen:
                continue
            shown += 1
            first: list[tuple[str, str]] = [
                ("td_title", f"{n}. {texts['title'] or self.w('option_untitled', n=n)}")]
            if o.chosen:
                first.append(("td_chosen", f"\u2713 {cols.get('chosen', 'Valittu').upper()}"))
            if texts["description"]:
                first.append(("td", texts["description"]))
            why = None
            if texts["why"]:
                why = (cols.get("why", ""), texts["why"])
            table.row([first, [("td", texts["benefits"])], [("td", texts["risks"])],
                       [("td", texts["needs"])]], shade=bool(o.chosen), span=why)
        if not shown:
            return
        self.out += self.table_label(f)
        self.out.append(table.build())

    def steps(self, f: Field, steps: list) -> None:
        cols = {col.key: tr(col.label, self.lang) for col in f.columns}
        widths = [FRAME_W - 80 * mm, 48 * mm, 32 * mm]
        table = Grid(self.st, [cols.get("action", ""), cols.get("responsible", ""),
                                cols.get("due", "")], widths)
        shown = 0
        for s in steps:
            action, who = clean(s.action).strip(), clean(s.responsible).strip()
            if not (action or who or s.due):
                continue
            shown += 1
            table.row([[("td", action)], [("td", who)], [("td", day_text(s.due))]])
        if not shown:
            return
        self.out += self.table_label(f)
        self.out.append(table.build())

    def experts(self) -> None:
        names = [clean(x).strip() for x in self.c.experts]
        names = [x for x in names if x]
        if not names:
            return
        self.out.append(Paragraph(markup(self.w("experts_involved")), self.st["label"]))
        self.bullets(names)

    # -- the end ---------------------------------------------------------------------------

    def zone_text(self, value: int) -> str:
        """A worry zone as printed: "3 / 4 · Tuntuva huoli (harmaa vyöhyke)"."""
        return f"{value} / 4 · {vocabulary.label('worry_zones', value, self.lang)}"

    def worry(self) -> None:
        rows = []
        for key in ("worry_start", "worry_end"):
            value = getattr(self.c, key)
            if value is None:
                continue
            rows.append((self.label_of(self.structure.field(key)), self.zone_text(value)))
        if not rows:
            return
        body: list[Flowable] = [Heading(markup(tr(self.structure.worry_title, self.lang)),
                                        self.st["h2"])]
        table = Table([[Paragraph(markup(a), self.st["fact_label"]),
                        Paragraph(markup(b), self.st["fact"])] for a, b in rows],
                      colWidths=[42 * mm, FRAME_W - 42 * mm],
                      style=[*TABLE_BASE, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
        body.append(table)
        self.out.append(KeepTogether(body))

    def contact(self) -> None:
        """The consultant contact block: a tinted box, one table row per paragraph so that
        even a very long contact text splits across pages row by row."""
        st = self.st
        chars = BODY_CHARS // 2
        inner: list[Flowable] = [Paragraph(markup(self.w("contact_intro")),
                                           st["contact_intro"])]
        person = _person_lines(self.consultant) if self.consultant is not None else []
        me = " ".join(clean(self.consultant.name).split()).casefold() if person else ""
        consultants = [clean(n).strip() for n in self.c.consultants if clean(n).strip()
                       and " ".join(clean(n).split()).casefold() != me]
        if consultants:  # (the contact person below is not named twice)
            label = self.w("consultants" if len(consultants) > 1 else "consultant")
            inner += self.paragraphs(", ".join(consultants), st["contact"], chars=chars,
                                     lead=f'<font name="{FONT_BOLD}">{markup(label)}:</font> ')
        if person:
            label = f'<font name="{FONT_BOLD}">{markup(self.w("contact_person"))}:</font> '
            inner += self.paragraphs(person[0], st["contact"], chars=chars, lead=label)
            for line in person[1:]:
                inner += self.paragraphs(line, st["contact"], chars=chars)
        inner += self.paragraphs(self.org_name, st["contact_org"], chars=chars)
        contact = clean(self.org.contact).strip()
        if contact and not person:  # without a profile, the centre's own contact
            inner += self.paragraphs(contact, st["contact"], chars=chars)
        last = len(inner) - 1
        box = Table([[f] for f in inner], colWidths=[FRAME_W], style=[
            *TABLE_BASE, ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ("BOTTOMPADDING", (0, last), (-1, last), 9)])
        self.out.append(KeepTogether([
            Heading(markup(self.w("contact")), st["h2"]), box]))

    def feedback_request(self) -> None:
        """A short request for feedback (1–5 and a comment) and how to return it."""
        st = self.st
        reference = " ".join(clean(self.c.reference).split())[:80]
        scale = "\u2003\u2003".join(f"\u2610 {n}" for n in range(1, 6))
        back = (self.w("feedback_return", reference=reference) if reference
                else self.w("feedback_return_plain"))
        self.out.append(KeepTogether([
            Heading(markup(self.w("feedback")), st["h2"]),
            Paragraph(markup(self.w("feedback_intro")), st["body"]),
            Paragraph(markup(scale), ParagraphStyle("feedback_scale", parent=st["body"],
                                                    fontSize=11, leading=16, spaceBefore=2)),
            Paragraph(markup(self.w("feedback_comment")) + " " + "_" * 60, st["body"]),
            Paragraph(markup(back), st["note"])]))

    def addenda_section(self) -> None:
        items = []
        for a in self.addenda:
            text = clean(getattr(a, "text", "")).strip()
            if not text:
                continue
            at = getattr(a, "at", None)
            author = " ".join(clean(getattr(a, "author", "")).split())
            when = _date_time(at, self.lang) if isinstance(at, dt.datetime) else (
                day_text(at) if isinstance(at, dt.date) else "")
            items.append((" · ".join(x for x in (when, author) if x), text))
        if not items:
            return
        self.out.append(Heading(markup(self.w("addenda")), self.st["h2"]))
        self.out.append(Paragraph(markup(self.w("addenda_intro")), self.st["note"]))
        for head, text in items:
            if head:
                self.out += self.paragraphs(head, self.st["addendum"])
            else:
                self.out.append(Spacer(1, 7))
            self.out += self.paragraphs(text)


def _person_lines(p: ConsultantProfile) -> list[str]:
    """The consultant's name and title, phone, e-mail: the lines given."""
    def one(text: str) -> str:
        return " ".join(clean(text).split())

    who = ", ".join(x for x in (one(p.name), one(p.title)) if x)
    return [x for x in (who, one(p.phone), one(p.email)) if x]




def _date_time(value: dt.datetime, lang: str) -> str:
    """A day and a time of day: "2.3.2026 klo 0.05" (en "2.3.2026 at 00:05")."""
    return f"{day_text(value)} {wording('time', lang, time=clock_text(value, lang))}"


# --- a field of a phase, by its kind -------------------------------------------------------

#: prints one field: (the story, the field, its value in the consultation)
Renderer = Callable[[Story, Field, Any], None]


def _text(story: Story, f: Field, value: str) -> None:
    story.labelled(story.label_of(f), value)


def _line(story: Story, f: Field, value: str) -> None:
    story.inline(story.label_of(f), value)


def _choice(story: Story, f: Field, code: str) -> None:
    if code:
        story.inline(story.label_of(f), vocabulary.label(f.vocabulary, code, story.lang))


def _listed(story: Story, f: Field, items: list[str]) -> None:
    """The label, then the items as bullets (none: nothing)."""
    items = [x for x in (clean(item).strip() for item in items or ()) if x]
    if items:
        story.out.append(Paragraph(markup(clean(story.label_of(f))), story.st["label"]))
        story.bullets(items)


def _choices(story: Story, f: Field, codes: list[str]) -> None:
    _listed(story, f, [vocabulary.label(f.vocabulary, code, story.lang) for code in codes or ()])


def _names(story: Story, f: Field, names: list[str]) -> None:
    story.inline(story.label_of(f), ", ".join(
        x for x in (clean(n).strip() for n in names or ()) if x))


def _date(story: Story, f: Field, value: dt.date | None) -> None:
    story.inline(story.label_of(f), day_text(value))


def _moment(story: Story, f: Field, value: dt.datetime | None) -> None:
    if value is not None:
        story.inline(story.label_of(f), _date_time(value, story.lang))


def _number(story: Story, f: Field, value: int | None) -> None:
    if value is not None:
        story.inline(story.label_of(f), str(value))


def _check(story: Story, f: Field, value: bool | None) -> None:
    """A tick for yes; nothing for no (the summary's wording has no yes and no)."""
    if value:
        story.inline(story.label_of(f), "\u2713")


def _anonymity(story: Story, f: Field, anonymous: bool) -> None:
    story.labelled(story.label_of(f),
                   story.w("anonymous_note" if anonymous else "identified_note"))


def _worry_zone(story: Story, f: Field, value: int | None) -> None:
    if value is not None:
        story.inline(story.label_of(f), story.zone_text(value))


#: the renderer of each kind of field (:data:`otdesk.core.kinds.KINDS`)
RENDERERS: dict[str, Renderer] = {
    "text": _text,
    "line": _line,
    "choice": _choice,
    "choices": _choices,
    "names": _names,
    "experts": _listed,
    "date": _date,
    "moment": _moment,
    "number": _number,
    "check": _check,
    "anonymity": _anonymity,
    "worry_zone": _worry_zone,
    "scale": Story.scale,
    "options": Story.options,
    "steps": Story.steps,
}
