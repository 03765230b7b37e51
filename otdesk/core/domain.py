"""The consultation and its rules: dataclasses, status workflow, validation.

No Qt and no SQL here.  A :class:`Consultation` is a plain tree of
dataclasses that converts to and from a JSON-ready ``dict``
(:meth:`Consultation.to_dict` / :meth:`Consultation.from_dict`); the storage
keeps that dict and indexes its text.  Words follow ``shared/domain.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from otdesk.core import dates
from otdesk.core.errors import Fields, Term, UserError
from otdesk.core.hints import field_types, is_record, list_item, strip_optional

# --- vocabularies (codes are stable; wording lives in templates) -------------

SECTORS = ("social_care", "health_care", "education", "ngo", "other")
CHANNELS = ("phone", "email", "other")
SESSION_MODES = ("in_person", "video", "phone")
#: how the requester's statement of the client's consent was given
CONSENT_FORMS = ("written", "verbal")
CATEGORIES = (
    "high_conflict_separation",
    "family_homicide_threat",
    "family_violence",
    "psychiatric_substance_child_welfare",
    "neuropsychiatric",
    "functional_disorder",
    "rare_disease",
    "child_suspected_crime",
    "child_abduction",
    "honour_violence",
    "human_trafficking",
    "migration_trauma",
    "intellectual_disability_psychiatric",
    "substitute_care",
    "other_complex",
)
REGIONS = (
    "Itä-Uusimaa", "Keski-Uusimaa", "Länsi-Uusimaa", "Vantaa-Kerava", "Helsinki",
    "Varsinais-Suomi", "Satakunta", "Kanta-Häme", "Pirkanmaa", "Päijät-Häme",
    "Kymenlaakso", "Etelä-Karjala", "Etelä-Savo", "Pohjois-Savo", "Pohjois-Karjala",
    "Keski-Suomi", "Etelä-Pohjanmaa", "Pohjanmaa", "Keski-Pohjanmaa",
    "Pohjois-Pohjanmaa", "Kainuu", "Lappi",
)

# --- status workflow ----------------------------------------------------------

STATUSES = (
    "requested", "accepted", "prepared", "held", "summary_delivered", "closed",
    "declined", "redirected",
)
#: statuses after which nothing more is done (the list's "open" filter leaves them out)
FINISHED_STATUSES = ("closed", "declined", "redirected")
#: statuses that need a reason
REASONED_STATUSES = ("declined", "redirected")
#: the status only a recorded delivery of the summary gives (never chosen by hand)
DELIVERED_STATUS = "summary_delivered"
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "requested": ("accepted", "declined", "redirected"),
    "accepted": ("prepared", "declined", "redirected"),
    "prepared": ("held", "redirected"),
    "held": ("summary_delivered",),
    "summary_delivered": ("closed",),
    "closed": (),
    "declined": (),
    "redirected": (),
}


def check_transition(current: str, new: str, reason: str = "", *,
                     by_delivery: bool = False) -> None:
    """Raise :class:`UserError` when ``current → new`` is not allowed.

    "Summary delivered" follows the facts: only recording a delivery
    (``by_delivery=True``) moves a consultation there.
    """
    if new not in STATUSES:
        raise UserError("error.status_unknown", status=new)
    if new == current:
        return
    if new not in TRANSITIONS.get(current, ()):
        raise UserError("error.status_transition", current=current, new=new)
    if new == DELIVERED_STATUS and not by_delivery:
        raise UserError("error.status_by_delivery")
    if new in REASONED_STATUSES and not reason.strip():
        raise UserError("error.status_reason_needed", new=new)


def status_after_delivery(current: str) -> str:
    """The status a consultation has once its summary was delivered: a held one
    becomes "summary delivered"; a delivered or closed one keeps its status (a
    reprint, a later version).  Any other is refused: a summary follows the session.
    """
    if current == "held":
        return DELIVERED_STATUS
    if current in (DELIVERED_STATUS, "closed"):
        return current
    raise UserError("error.delivery_status", status=Term(("statuses", current)))


def check_addendum(c: Consultation, text: str) -> None:
    """An addendum is permanent: in an anonymous consultation it may not hold a
    personal identity code (it could never be removed, and would block every delivery)."""
    from otdesk.core.identifiers import find_hetu

    if c.anonymous and find_hetu(text):
        raise UserError("error.addendum_hetu")


# --- the consultation tree ----------------------------------------------------


@dataclass
class Requester:
    name: str = ""
    title: str = ""
    organisation: str = ""
    sector: str = ""
    region: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class Consent:
    """The requester's statement that the client consented (identified cases)."""

    given_by: str = ""
    given_on: dt.date | None = None
    scope: str = ""
    form: str = ""  # CONSENT_FORMS: written or verbal
    recorded_by: str = ""  # the consultant who wrote the statement down

    def missing(self) -> list[str]:
        """The keys (``consent.…``) of what a complete consent record still lacks."""
        out = [f"consent.{name}" for name in ("given_by", "scope", "recorded_by")
               if not getattr(self, name).strip()]
        if self.given_on is None:
            out.insert(1, "consent.given_on")
        if self.form not in CONSENT_FORMS:
            out.append("consent.form")
        return out


@dataclass
class ScaleRating:
    """One participant's number on the 0–10 safety scale."""

    participant: str = ""
    value: int = 0


@dataclass
class Situation:
    background: str = ""
    tried: str = ""
    services: str = ""
    worries: str = ""
    going_well: str = ""
    needs_to_happen: str = ""
    child_view: str = ""
    scale: list[ScaleRating] = field(default_factory=list)


@dataclass
class Reflections:
    requester_thoughts: str = ""
    hypotheses: str = ""
    perspectives: str = ""


@dataclass
class Option:
    title: str = ""
    description: str = ""
    benefits: str = ""
    risks: str = ""
    needs: str = ""
    chosen: bool = False
    why: str = ""


@dataclass
class PlanStep:
    action: str = ""
    responsible: str = ""
    due: dt.date | None = None


@dataclass
class Plan:
    steps: list[PlanStep] = field(default_factory=list)
    follow_up_date: dt.date | None = None
    follow_up_agreement: str = ""
    contacts: str = ""


@dataclass
class Session:
    date: dt.date | None = None
    duration_minutes: int | None = None
    mode: str = ""


@dataclass
class Feedback:
    score: int | None = None
    comment: str = ""


@dataclass
class Addendum:
    """A dated addition to a consultation whose summary was already delivered."""

    at: dt.datetime | None = None
    author: str = ""
    text: str = ""


#: what may still change once a summary was delivered (the rest is sealed;
#: changes to it are written as addenda)
UNSEALED_FIELDS = frozenset({"status", "status_reason", "feedback", "addenda", "updated_at"})


@dataclass
class Consultation:
    """One consultation request and everything recorded about it."""

    id: int | None = None
    reference: str = ""
    status: str = "requested"
    status_reason: str = ""
    received_at: dt.datetime | None = None
    channel: str = ""
    requester: Requester = field(default_factory=Requester)
    question: str = ""
    categories: list[str] = field(default_factory=list)
    anonymous: bool = True
    consent: Consent | None = None
    client_description: str = ""
    consultants: list[str] = field(default_factory=list)
    experts: list[str] = field(default_factory=list)
    intake_date: dt.date | None = None
    worry_start: int | None = None
    worry_end: int | None = None
    situation: Situation = field(default_factory=Situation)
    reflections: Reflections = field(default_factory=Reflections)
    options: list[Option] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)
    session: Session = field(default_factory=Session)
    feedback: Feedback = field(default_factory=Feedback)
    addenda: list[Addendum] = field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    # -- the workflow ----------------------------------------------------------

    def move_to(self, status: str, reason: str = "", today: dt.date | None = None) -> list[str]:
        """Move along the status workflow, and change what goes with the step: the reason
        of a declined or redirected request, the intake date when it is accepted, the
        session date when the session is held (each only when not filled in yet; both
        ``today`` by default, in the organisation's time zone).  Raises
        :class:`UserError` for a step the workflow does not allow (see
        :func:`check_transition`; a delivery moves on by recording one).  Returns the
        keys changed besides the status."""
        check_transition(self.status, status, reason)
        if status == self.status:
            return []
        day = today or dates.today()
        self.status = status
        changed = []
        if status in REASONED_STATUSES:
            self.status_reason = reason
            changed.append("status_reason")
        if status == "accepted" and self.intake_date is None:
            self.intake_date = day
            changed.append("intake_date")
        if status == "held" and self.session.date is None:
            self.session.date = day
            changed.append("session.date")
        return changed

    # -- conversion ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return _encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Consultation:
        return _decode(cls, data)

    def texts(self) -> list[str]:
        """Every free text of the consultation, for full-text search."""
        return [t for _, t in self.text_fields()]

    def text_fields(self) -> list[tuple[str, str]]:
        """Every non-empty free text with its place: ``("plan.steps.2.action", "…")``
        (list items counted from 1)."""
        out: list[tuple[str, str]] = []
        _collect_texts(self, out, "")
        return [(k, t) for k, t in out if t]

    def delivery_blockers(self) -> list[UserError]:
        """Why this summary must not leave the vault yet (empty: it may).

        An identified consultation needs a complete consent record; an anonymous
        one must not hold a valid personal identity code in any text.
        """
        from otdesk.core.identifiers import find_hetu

        if not self.anonymous:
            missing = (self.consent or Consent()).missing()
            return [UserError("error.delivery_consent", fields=Fields(missing))] if missing else []
        places = [key for key, text in self.text_fields() if find_hetu(text)]
        return [UserError("error.delivery_hetu", fields=Fields(places))] if places else []

    def validate(self) -> None:
        """Raise :class:`UserError` naming the first value that must not be stored."""
        if self.status not in STATUSES:
            raise UserError("error.status_unknown", status=self.status)
        if self.status in REASONED_STATUSES and not self.status_reason.strip():
            raise UserError("error.status_reason_needed", new=self.status)
        _check_choice("channel", self.channel, CHANNELS)
        _check_choice("requester.sector", self.requester.sector, SECTORS)
        _check_choice("session.mode", self.session.mode, SESSION_MODES)
        if self.consent is not None:
            _check_choice("consent.form", self.consent.form, CONSENT_FORMS)
        for cat in self.categories:
            if cat not in CATEGORIES:
                raise UserError("error.category_unknown", category=cat)
        _check_range("worry_start", self.worry_start, 1, 4)
        _check_range("worry_end", self.worry_end, 1, 4)
        for rating in self.situation.scale:
            _check_range("situation.scale", rating.value, 0, 10)
        _check_range("feedback.score", self.feedback.score, 1, 5)
        _check_range("session.duration_minutes", self.session.duration_minutes, 1, 24 * 60)
        if self.anonymous and self.client_description.strip():
            raise UserError("error.anonymous_identifying")

    def sealed_changes(self, stored: Consultation) -> list[str]:
        """The sealed fields in which this differs from ``stored`` (see UNSEALED_FIELDS);
        earlier addenda count as sealed too: they are only ever added to."""
        mine, theirs = self.to_dict(), stored.to_dict()
        changed = [k for k in mine if k not in UNSEALED_FIELDS and k not in
                   ("id", "reference", "created_at") and mine[k] != theirs.get(k)]
        if mine["addenda"][: len(theirs["addenda"])] != theirs["addenda"]:
            changed.append("addenda")
        return changed

    def problems(self) -> list[UserError]:
        """What is still missing or looks wrong, without refusing to store it.

        Hard rules (:meth:`validate`) stop a write; these do not, so that what a
        consultant types is always saved, and the editor lists them instead.
        """
        found = []
        problem = email_problem(self.requester.email)
        if problem:
            found.append(problem)
        if not self.anonymous and (self.consent is None or not self.consent.given_by.strip()):
            found.append(UserError("error.consent_needed"))
        return found


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def email_problem(value: str) -> UserError | None:
    """A malformed e-mail address as a UserError; None for a good or an empty one."""
    if value and not _EMAIL.fullmatch(value.strip()):
        return UserError("error.email_invalid", value=value[:80])
    return None


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value and value not in allowed:
        raise UserError("error.choice_invalid", field=Fields((name,)), value=value)


def _check_range(name: str, value: int | None, low: int, high: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UserError("error.out_of_range", field=Fields((name,)), value=value, low=low,
                        high=high)


# --- generic dataclass <-> dict ------------------------------------------------


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _decode(tp: Any, data: Any) -> Any:
    """Build dataclass ``tp`` from ``data``, ignoring unknown keys (older/newer files)."""
    hints = field_types(tp)
    kwargs = {}
    for f in dataclasses.fields(tp):
        if f.name in data:
            kwargs[f.name] = _decode_value(hints[f.name], data[f.name])
    return tp(**kwargs)


def _decode_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    base = strip_optional(hint)
    item = list_item(base)
    if item is not None:
        return [_decode_value(item, v) for v in value]
    if base is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if base is dt.date:
        return dt.date.fromisoformat(value)
    if is_record(base):
        return _decode(base, value)
    return value


def _collect_texts(value: Any, out: list[tuple[str, str]], key: str) -> None:
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in _CODE_FIELDS:
                _collect_texts(getattr(value, f.name), out, f"{key}.{f.name}".lstrip("."))
    elif isinstance(value, list):
        for i, v in enumerate(value, 1):
            _collect_texts(v, out, f"{key}.{i}")
    elif isinstance(value, str):
        out.append((key, value))


#: string fields that hold codes, not text a person would search for
_CODE_FIELDS = frozenset({"status", "channel", "sector", "mode", "categories", "form"})
