"""Synthetic demo consultations, in Finnish, for trying the app and for benchmarks.

No Qt.  :func:`generate_cases` yields :class:`DemoCase` objects: a
:class:`~otdesk.core.domain.Consultation` that looks like the real thing — requests
from social care, health care and schools across the wellbeing regions, in
every status of the workflow, with situation, reflections, options and a
progression plan, all passing ``validate()`` — and, for the ones whose summary
went out, the :class:`DeliveryPlan` of what happened after the session.
:func:`insert_demo` stores them in an open vault.

"Summary delivered" and "closed" are never written as bare statuses: such a
consultation is created *held* (with everything a held consultation has) and
then delivered for real, through :mod:`otdesk.operations.delivery` — the
summary rendered from the stored record, its PDF kept, the record sealed —
followed by the requester's feedback, dated addenda (a few delivered again as a
second version) and, for the closed ones, the step to "closed".

Everything here is invented.  Texts are composed from phrase fragments so no
two consultations read the same; the only names are fictional professionals
(requesters, consultants).  Children and families are never named: they are
"poika, 13 v." at most, and only in identified consultations, which always
carry a complete consent record (so each can be delivered); no text holds a
personal identity code.  About 2 % of the consultations carry one very long
text (10 000–50 000 characters, like a pasted case history) to exercise search
and storage.

The fragments are data, in ``templates/demo.toml``; :func:`phrases` reads it once,
when the first consultation is generated (not on import).  The weights stay here.
With a ``seed`` the output is reproducible for the same ``now`` and phrase file.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from typing import NamedTuple

from otdesk.core import dates
from otdesk.core.domain import (
    CATEGORIES,
    REGIONS,
    Addendum,
    Consent,
    Consultation,
    Feedback,
    Option,
    PlanStep,
    Reflections,
    Requester,
    ScaleRating,
    Session,
)

#: share of consultations with one very long text field
LONG_TEXT_SHARE = 0.02
LONG_TEXT_RANGE = (10_000, 50_000)
#: the received dates cover about this many days back from now
SPAN_DAYS = 3 * 365
#: ``insert_demo(deliveries=None)`` delivers summaries for real up to this many
#: consultations (a summary is ~74 KB and ~80 ms to render; beyond this, the fast path)
DELIVERIES_UP_TO = 500
#: share of delivered consultations that get dated addenda, and of those, the share
#: whose summary is delivered again as a second version
ADDENDA_SHARE = 0.25
SECOND_VERSION_SHARE = 0.4

#: a rough weight per region (population-ish), so the big regions ask more (others: 2)
REGION_WEIGHTS = {
    "Helsinki": 9, "Pirkanmaa": 7, "Varsinais-Suomi": 7, "Länsi-Uusimaa": 7,
    "Pohjois-Pohjanmaa": 6, "Pohjois-Savo": 8, "Keski-Suomi": 5, "Vantaa-Kerava": 4,
    "Pohjois-Karjala": 5, "Etelä-Savo": 5, "Keski-Uusimaa": 3,
}
#: who asks, by sector
SECTOR_WEIGHTS = {"social_care": 45, "health_care": 25, "education": 20, "ngo": 6, "other": 4}
#: how often each category is tagged (joint clients and custody disputes are the big ones)
CATEGORY_WEIGHTS = {
    "high_conflict_separation": 16, "family_homicide_threat": 2, "family_violence": 9,
    "psychiatric_substance_child_welfare": 20, "neuropsychiatric": 12, "functional_disorder": 4,
    "rare_disease": 2, "child_suspected_crime": 6, "child_abduction": 1, "honour_violence": 2,
    "human_trafficking": 1, "migration_trauma": 5, "intellectual_disability_psychiatric": 5,
    "substitute_care": 10, "other_complex": 5,
}
#: how the requester said the consent was given (CONSENT_FORMS), by weight
CONSENT_FORM_WEIGHTS = {"written": 3, "verbal": 2}

#: the 0–10 safety scale: demanding cases sit mostly in the middle
_SCALE_WEIGHTS = (1, 2, 4, 6, 8, 8, 7, 5, 3, 2, 1)
# statuses by how far the consultation has come; declined/redirected stop early
_STAGE = {"requested": 0, "accepted": 1, "prepared": 2, "held": 3, "summary_delivered": 4,
          "closed": 5}
#: (max age in days, {status: weight}): young requests are still open, old ones closed
_STATUS_BY_AGE = (
    (3, {"requested": 70, "accepted": 20, "declined": 5, "redirected": 5}),
    (14, {"requested": 15, "accepted": 40, "prepared": 30, "declined": 7, "redirected": 8}),
    (30, {"accepted": 10, "prepared": 25, "held": 35, "summary_delivered": 20, "declined": 5,
          "redirected": 5}),
    (90, {"prepared": 3, "held": 12, "summary_delivered": 40, "closed": 35, "declined": 5,
          "redirected": 5}),
    (10**6, {"held": 2, "summary_delivered": 8, "closed": 78, "declined": 6, "redirected": 6}),
)


if set(CATEGORY_WEIGHTS) != set(CATEGORIES):
    raise RuntimeError("otdesk.demo is out of step with the vocabularies in otdesk.core.domain")


# --- the phrases (templates/demo.toml) ------------------------------------------------

TEMPLATE = "demo.toml"
SCHEMA = 1


class Region(NamedTuple):
    """A wellbeing region as its requesters' organisations are named."""

    organisation: str
    hospital: str
    #: (name, organisation), e.g. ("Porvoo", "Porvoon kaupunki")
    municipalities: tuple[tuple[str, str], ...]


class CategoryText(NamedTuple):
    """What a request in one category asks, and the clauses its situation is told in."""

    questions: tuple[str, ...]
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """The phrase banks of templates/demo.toml (what each one is for is written there).
    Every list is a tuple, in the file's order: a seed draws the same from it."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    consultants: tuple[str, ...]
    experts: tuple[str, ...]
    social_units: tuple[str, ...]
    region_health_units: tuple[str, ...]
    hospital_units: tuple[str, ...]
    edu_units: tuple[str, ...]
    ngos: tuple[str, ...]
    other_orgs: tuple[str, ...]
    openers: tuple[str, ...]
    generic_questions: tuple[str, ...]
    question_tails: tuple[str, ...]
    background: tuple[str, ...]
    tried: tuple[str, ...]
    services: tuple[str, ...]
    service_tails: tuple[str, ...]
    worries: tuple[str, ...]
    going_well: tuple[str, ...]
    needs: tuple[str, ...]
    child_view: tuple[str, ...]
    requester_thoughts: tuple[str, ...]
    hypotheses: tuple[str, ...]
    perspectives: tuple[str, ...]
    benefits: tuple[str, ...]
    risks: tuple[str, ...]
    option_needs: tuple[str, ...]
    why: tuple[str, ...]
    plan_actions: tuple[str, ...]
    responsible: tuple[str, ...]
    follow_up: tuple[str, ...]
    scale_participants: tuple[str, ...]
    feedback: tuple[str, ...]
    declined: tuple[str, ...]
    redirected: tuple[str, ...]
    consent_by: tuple[str, ...]
    consent_scope: tuple[str, ...]
    addenda: tuple[str, ...]
    #: sector -> titles
    titles: Mapping[str, tuple[str, ...]]
    #: the word -> its nominative, genitive, partitive, adessive and allative
    child_forms: Mapping[str, tuple[str, ...]]
    parent_forms: Mapping[str, tuple[str, ...]]
    #: region code -> the region
    regions: Mapping[str, Region]
    #: category code -> its questions and clauses
    categories: Mapping[str, CategoryText]
    #: (title, description)
    options: tuple[tuple[str, str], ...]


@functools.cache
def phrases() -> Phrases:
    """The phrases from the packaged templates/demo.toml, read and checked once (when
    the first consultation is generated, not on import)."""
    from otdesk.core.structure import TemplateError, read_template

    text = resources.files("otdesk.templates").joinpath(TEMPLATE).read_text("utf-8")
    data = _tuples(read_template(text, TEMPLATE, SCHEMA))
    del data["schema"]
    try:
        data["regions"] = {code: Region(**r) for code, r in data["regions"].items()}
        data["categories"] = {code: CategoryText(**c) for code, c in data["categories"].items()}
        data["options"] = tuple((o["title"], o["description"]) for o in data["options"])
        p = Phrases(**data)
    except (KeyError, TypeError) as exc:
        raise TemplateError(f"{TEMPLATE} does not fit otdesk/demo.py: {exc!r}") from exc
    if set(p.categories) != set(CATEGORIES) or set(p.regions) != set(REGIONS) \
            or set(p.titles) != set(SECTOR_WEIGHTS):
        raise TemplateError(f"{TEMPLATE} is out of step with the vocabularies in "
                            "otdesk.core.domain")
    return p


def _tuples(value):
    """TOML's arrays as tuples, all the way down (the generator adds and samples tuples)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {key: _tuples(v) for key, v in value.items()}
    return value


# --- composing ------------------------------------------------------------------------


class _Composer:
    """Draws from the phrase banks with one random generator and one case context."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.openers = phrases().openers
        self.ctx: dict[str, object] = {}

    def sentence(self, clause: str, opener: bool = True) -> str:
        text = clause.format_map(self.ctx)
        if opener and self.rng.random() < 0.25:
            text = f"{self.rng.choice(self.openers)} {text}"
        return text[0].upper() + text[1:]

    def text(self, bank: tuple[str, ...], low: int, high: int, opener: bool = True) -> str:
        k = min(self.rng.randint(low, high), len(bank))
        return " ".join(self.sentence(c, opener) for c in self.rng.sample(bank, k))

    def long_text(self, banks: list[tuple[str, ...]], length: int, start: dt.date) -> str:
        """A pasted case history: dated entries until ``length`` characters."""
        rng, parts, size, day = self.rng, [], 0, start
        pool = [c for bank in banks for c in bank]
        while size < length:
            day -= dt.timedelta(days=rng.randint(2, 20))
            entry = f"{day.day}.{day.month}.{day.year}: " + " ".join(
                self.sentence(clause) for clause in rng.sample(pool, rng.randint(2, 6)))
            parts.append(entry)
            size += len(entry) + 1
        return "\n".join(reversed(parts))[:length]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _ascii(text: str) -> str:
    return (text.lower().replace("ä", "a").replace("ö", "o").replace("å", "a")
            .replace(" ", "").replace("-", ""))


def _add_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _received(rng: random.Random, now: dt.datetime) -> dt.datetime:
    """A weekday office-hours time; a fifth of the requests are from the last month."""
    days = rng.uniform(0, 30) if rng.random() < 0.2 else rng.uniform(0, SPAN_DAYS)
    day = (now - dt.timedelta(days=days)).date()
    while day.weekday() >= 5 and rng.random() < 0.95:
        day -= dt.timedelta(days=1)
    at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 15), rng.randint(0, 59),
                     tzinfo=dates.zone())
    if at > now:
        at = (now - dt.timedelta(minutes=rng.randint(1, 180))).replace(second=0, microsecond=0)
    return at


def _requester(rng: random.Random, region: str) -> Requester:
    p = phrases()
    wbr, hospital, municipalities = p.regions[region]
    kunta, municipality = rng.choice(municipalities)
    sector = _weighted(rng, SECTOR_WEIGHTS)
    if sector == "social_care":
        org = f"{rng.choice((wbr, wbr, municipality))}, {rng.choice(p.social_units)}"
    elif sector == "health_care":
        org = (f"{hospital} {rng.choice(p.hospital_units)}" if rng.random() < 0.5
               else f"{wbr}, {rng.choice(p.region_health_units)}")
    elif sector == "education":
        org = f"{municipality}, {rng.choice(p.edu_units)}"
    elif sector == "ngo":
        org = f"{rng.choice(p.ngos)}, {kunta}"
    else:
        org = rng.choice(p.other_orgs).format(org=municipality, kunta=kunta)
    first, last = rng.choice(p.first_names), rng.choice(p.last_names)
    r = Requester(name=f"{first} {last}", title=rng.choice(p.titles[sector]), organisation=org,
                  sector=sector, region=region)
    if rng.random() < 0.8:  # fictional: the .example domain never resolves
        r.email = f"{_ascii(first)}.{_ascii(last)}@{_ascii(region)}.example"
    if rng.random() < 0.6:
        r.phone = f"040 0{rng.randint(10, 99)} {rng.randint(1000, 9999)}"
    return r


def _context(rng: random.Random, region: str, year: int) -> dict[str, object]:
    age = rng.choices(range(2, 18), weights=[1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 8, 7, 6, 5])[0]
    noun = rng.choice(("poika", "tyttö", "nuori" if age >= 12 else "lapsi"))
    parent = rng.choice(("äiti", "äiti", "isä"))
    other = "isä" if parent == "äiti" else "äiti"
    if age < 6:
        school = "{l} on varhaiskasvatuksessa"
    elif age == 6:
        school = "{l} on esiopetuksessa"
    elif age <= 12:
        school = f"{{l}} käy alakoulun {age - 6}. luokkaa"
    elif age <= 15:
        school = f"{{l}} käy yläkoulun {age - 6}. luokkaa"
    else:
        school = rng.choice(("{l} opiskelee ammatillisessa oppilaitoksessa",
                             "{l} on lukion ensimmäisellä vuosikurssilla",
                             "{l} keskeytti toisen asteen opinnot syksyllä"))
    p = phrases()
    kunta = rng.choice(p.regions[region].municipalities)[0]
    ctx: dict[str, object] = {"ika": age, "n": rng.randint(2, 6), "vuosi": year - rng.randint(1, 6),
                              "kunta": kunta}
    for prefix, forms in (("l", p.child_forms[noun]), ("v", p.parent_forms[parent]),
                          ("t", p.parent_forms[other])):
        for suffix, form in zip(("", "_gen", "_part", "_ade", "_all"), forms):
            ctx[prefix + suffix] = form
    ctx["koulu"] = school.format_map(ctx)
    return ctx


def _one(rng: random.Random, now: dt.datetime) -> DemoCase:
    p = phrases()
    comp = _Composer(rng)
    received = _received(rng, now)
    age_days = (now - received).days
    status = next(_weighted(rng, w) for limit, w in _STATUS_BY_AGE if age_days < limit)
    if status in _STAGE:
        stage = _STAGE[status]
    else:  # declined from requested/accepted, redirected up to prepared
        stage = rng.randint(0, 1 if status == "declined" else 2)
    region = _weighted(rng, {r: REGION_WEIGHTS.get(r, 2) for r in p.regions})
    comp.ctx = _context(rng, region, received.year)
    categories = []
    while len(categories) < rng.choice((1, 1, 2, 2, 2, 3)):
        cat = _weighted(rng, CATEGORY_WEIGHTS)
        if cat not in categories:
            categories.append(cat)
    cat_clauses = tuple(c for cat in categories for c in p.categories[cat].clauses)
    today = now.date()

    c = Consultation(status=status, received_at=received,
                     channel=rng.choices(("phone", "email", "other"), weights=(5, 4, 1))[0],
                     requester=_requester(rng, region), categories=categories)
    questions = p.categories[categories[0]].questions + p.generic_questions
    c.question = comp.sentence(rng.choice(questions), opener=False) + rng.choice(p.question_tails)
    if status == "declined":
        c.status_reason = rng.choice(p.declined)
    elif status == "redirected":
        c.status_reason = rng.choice(p.redirected)

    if rng.random() < 0.12:  # identified, with the requester's statement of consent
        c.anonymous = False
        c.consent = Consent(given_by=rng.choice(p.consent_by),
                            given_on=received.date() - dt.timedelta(days=rng.randint(0, 10)),
                            scope=rng.choice(p.consent_scope),
                            form=_weighted(rng, CONSENT_FORM_WEIGHTS))
        ctx = comp.ctx
        c.client_description = (f"{str(ctx['l']).capitalize()}, {ctx['ika']} v., asuu "
                                f"{ctx['v_gen']} kanssa, {ctx['kunta']}.")

    s = c.situation
    s.background = comp.text(p.background, 1, 3) + " " + comp.text(cat_clauses, 1, 2)
    s.worries = comp.text(cat_clauses + p.worries, 1, 3)
    intake = _add_workdays(received.date(), rng.randint(0, 2))
    if stage >= 1:
        c.intake_date = min(intake, today)
        c.consultants = rng.sample(p.consultants, rng.choice((1, 1, 2)))
    if stage >= 2:
        c.experts = rng.sample(p.experts, rng.randint(0, 3))
        s.tried = comp.text(p.tried, 1, 3)
        services = rng.sample(p.services, rng.randint(2, 5))
        s.services = (f"Perheen kanssa työskentelevät {', '.join(services[:-1])} ja "
                      f"{services[-1]}. {rng.choice(p.service_tails)}").strip()
        s.going_well = comp.text(p.going_well, 1, 2)
        s.needs_to_happen = comp.text(p.needs, 1, 2)
        s.child_view = comp.text(p.child_view, 0, 2, opener=False)
    if stage >= 3:
        session_day = min(intake + dt.timedelta(days=rng.randint(2, 14)), today)
        c.session = Session(date=session_day, duration_minutes=rng.choice((45, 60, 75, 90, 120)),
                            mode=rng.choices(("in_person", "video", "phone"), weights=(3, 6, 1))[0])
        c.worry_start = rng.randint(2, 4)
        c.worry_end = max(1, c.worry_start - rng.choice((0, 1, 1, 1, 2)))
        s.scale = [ScaleRating(who, rng.choices(range(11), weights=_SCALE_WEIGHTS)[0])
                   for who in rng.sample(p.scale_participants, rng.randint(1, 3))]
        c.reflections = Reflections(requester_thoughts=comp.text(p.requester_thoughts, 1, 2),
                                    hypotheses=comp.text(p.hypotheses, 1, 2, opener=False),
                                    perspectives=comp.text(p.perspectives, 1, 3, opener=False))
        options = rng.sample(p.options, rng.randint(1, 4))
        chosen = rng.randrange(len(options))
        for i, (title, description) in enumerate(options):
            c.options.append(Option(
                title=title, description=comp.sentence(description, opener=False),
                benefits=comp.text(p.benefits, 1, 2, opener=False),
                risks=comp.text(p.risks, 0, 2, opener=False),
                needs=comp.text(p.option_needs, 0, 2, opener=False),
                chosen=i == chosen,
                why=comp.text(p.why, 1, 1, opener=False) if i == chosen else ""))
        for action in rng.sample(p.plan_actions, rng.randint(2, 5)):
            c.plan.steps.append(PlanStep(
                action=comp.sentence(action, opener=False), responsible=rng.choice(p.responsible),
                due=session_day + dt.timedelta(days=rng.randint(7, 60))))
        c.plan.follow_up_date = session_day + dt.timedelta(days=rng.choice((14, 30, 42, 60)))
        c.plan.follow_up_agreement = rng.choice(p.follow_up)
        c.plan.contacts = "; ".join(rng.sample(p.experts, rng.randint(0, 2)))
    if c.consent is not None:  # written down by the consultant who took the request
        c.consent.recorded_by = c.consultants[0] if c.consultants else rng.choice(p.consultants)
    plan = None
    if stage >= 4:  # created held; the summary goes out afterwards (see insert_demo)
        c.status = "held"
        plan = _delivery_plan(rng, comp, c, status, now)

    if rng.random() < LONG_TEXT_SHARE:
        length = rng.randint(*LONG_TEXT_RANGE)
        history = comp.long_text([p.background, p.tried, cat_clauses, p.worries, p.going_well],
                                 length, received.date())
        if stage >= 3 and rng.random() < 0.3:
            c.reflections.requester_thoughts = history
        else:
            s.background = history
    return DemoCase(c, plan)


def _delivery_plan(rng: random.Random, comp: _Composer, c: Consultation, status: str,
                   now: dt.datetime) -> DeliveryPlan:
    """What happens once the session of held ``c`` is over: the summary is prepared a
    few days later, printed or saved; feedback and addenda may follow."""
    p = phrases()
    today = now.date()
    first = min(c.session.date + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5))), today)
    feedback = None
    if rng.random() < (0.85 if status == "closed" else 0.4):
        feedback = Feedback(score=rng.choices((1, 2, 3, 4, 5), weights=(1, 2, 6, 16, 20))[0],
                            comment=rng.choice(p.feedback))
    addenda: list[Addendum] = []
    if first < today and rng.random() < ADDENDA_SHARE:
        for clause in rng.sample(p.addenda, rng.choice((1, 1, 2))):
            day = min(first + dt.timedelta(days=rng.randint(1, 40)), today)
            at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 15),
                             rng.randint(0, 59), tzinfo=dates.zone())
            if at > now:
                at = (now - dt.timedelta(minutes=rng.randint(1, 60))).replace(second=0,
                                                                             microsecond=0)
            addenda.append(Addendum(at=at, author=rng.choice(c.consultants),
                                    text=comp.sentence(clause, opener=False)))
        addenda.sort(key=lambda a: a.at)
    second = None
    if addenda and rng.random() < SECOND_VERSION_SHARE:
        second = (addenda[-1].at.date(), rng.choice(("print", "pdf")))
    return DeliveryPlan(status=status, today=first, method=rng.choice(("print", "pdf", "pdf")),
                        feedback=feedback, addenda=addenda, second=second)


# --- public ---------------------------------------------------------------------------


@dataclass
class DeliveryPlan:
    """What happens to a demo consultation after its session: its summary goes out."""

    #: the status it ends in: "summary_delivered" or "closed"
    status: str
    #: the date the summary is prepared on (the session day or a few days after)
    today: dt.date
    #: "print" or "pdf"
    method: str
    #: the requester's feedback, given after the summary
    feedback: Feedback | None = None
    #: dated additions written after the first delivery
    addenda: list[Addendum] = field(default_factory=list)
    #: (date, method) of a second delivered version (with the addenda), or None
    second: tuple[dt.date, str] | None = None


@dataclass
class DemoCase:
    """One demo consultation as it is created, and what follows its session (None:
    nothing, its summary never went out)."""

    consultation: Consultation
    delivery: DeliveryPlan | None = None

    @property
    def status(self) -> str:
        """The status the consultation ends in once :func:`insert_demo` stored it with
        deliveries."""
        return self.delivery.status if self.delivery else self.consultation.status


def generate_cases(count: int, seed: int | None = None, *,
                   now: dt.datetime | None = None) -> Iterator[DemoCase]:
    """Yield ``count`` new (unsaved) demo cases.

    Each consultation passes ``validate()`` and ``delivery_blockers()`` is empty (an
    identified one has a complete consent record, no text holds a personal identity
    code).  One whose summary went out comes *held*, without feedback, with its
    :class:`DeliveryPlan`.  ``now`` (timezone-aware, default: this moment) anchors
    the received dates, which spread over about three years before it; times are in
    the organisation's time zone (:func:`otdesk.core.dates.zone`).
    """
    rng = random.Random(seed)
    now = (now or dates.now()).astimezone(dates.zone())
    for _ in range(count):
        yield _one(rng, now)


def generate(count: int, seed: int | None = None, *,
             now: dt.datetime | None = None) -> Iterator[Consultation]:
    """The consultations of :func:`generate_cases`, as they are created: one whose
    summary is to be delivered is held (only a recorded delivery makes it "summary
    delivered")."""
    for case in generate_cases(count, seed, now=now):
        yield case.consultation


def insert_demo(vault, count: int, *, seed: int | None = None, deliveries: bool | None = None,
                batch: int = 500, now: dt.datetime | None = None) -> int:
    """Generate ``count`` consultations and store them in the open ``vault`` (anything
    with ``.repository`` and ``.deliveries``).  Returns how many were stored.

    The consultations are created with ``repository.create_many``, ``batch`` per
    transaction.  With ``deliveries``, each one whose summary went out is then
    delivered for real: :func:`otdesk.operations.delivery.prepare` renders its summary
    (in Finnish, dated as planned), :func:`~otdesk.operations.delivery.record` keeps
    the PDF, seals the record and makes it "summary delivered"; feedback and addenda
    follow (a few delivered again as version 2), and the closed ones are closed.

    Without ``deliveries`` those consultations stay **held** — nothing is ever
    "summary delivered" or "closed" without a recorded delivery — and get no feedback
    or addenda.  ``deliveries=None`` (the default) delivers when ``count`` is at most
    :data:`DELIVERIES_UP_TO`: a summary is ~74 KB and ~80 ms, so a big vault takes the
    fast path.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    if deliveries is None:
        deliveries = count <= DELIVERIES_UP_TO
    repository = vault.repository
    stored = 0
    source = generate_cases(count, seed, now=now)
    while chunk := list(islice(source, batch)):
        stored += len(repository.create_many([case.consultation for case in chunk]))
        if deliveries:
            for case in chunk:
                if case.delivery is not None:
                    _deliver(vault, case.consultation.id, case.delivery)
        repository.tidy_index(steps=4)  # keep the search index merged as it grows
    return stored


def _deliver(vault, consultation_id: int, plan: DeliveryPlan) -> None:
    """Deliver the summary of held consultation ``consultation_id`` as ``plan`` says,
    through the one delivery operation (rendered from the stored record, recorded and
    sealed in one transaction)."""
    from otdesk.operations import delivery

    def deliver(today: dt.date, method: str) -> None:
        prepared = delivery.prepare(vault, consultation_id, "fi",
                                    delivery.SummaryContext(org=None, consultant=None,
                                                            today=today))
        delivery.record(vault, prepared, method=method, via="app")

    repository = vault.repository
    deliver(plan.today, plan.method)
    if plan.feedback is not None or plan.addenda:  # both may change on a sealed record
        c = repository.get(consultation_id)
        if plan.feedback is not None:
            c.feedback = Feedback(plan.feedback.score, plan.feedback.comment)
        c.addenda += [Addendum(a.at, a.author, a.text) for a in plan.addenda]
        repository.update(c)
    if plan.second is not None:
        deliver(*plan.second)
    if plan.status == "closed":
        repository.change_status(consultation_id, "closed")
