"""The summary PDF (otdesk/summary/), read back the way a person or a machine reads it.

Text comes out with pypdf (content-stream order, so "in order" means the order it was
drawn) and, for fonts and layout, with poppler's pdffonts and pdftotext.
"""

from __future__ import annotations

import datetime as dt
import contextlib
import hashlib
import io
import logging
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from otdesk import summary
from otdesk.summary import fonts, phrases, style
from otdesk.summary import text as summary_text

from otdesk.core import vocabulary
from otdesk.core.domain import (
    Addendum,
    Consent,
    Consultation,
    Option,
    Plan,
    PlanStep,
    Reflections,
    Requester,
    ScaleRating,
    Session,
    Situation,
)
from otdesk.core.structure import TemplateError, load_structure, tr
from otdesk.core.summary_org import SummaryOrg
from otdesk.summary import clean, render_summary, wording
from otdesk.summary.story import RENDERERS, Story
from tests.conftest import require

LANGS = ("fi", "sv", "en")
ORG = SummaryOrg(name="ZQORG keskus", contact="ZQORGCONTACT\nPL 1, 70029 Kuopio")


# --- helpers ------------------------------------------------------------------------------


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


@contextlib.contextmanager
def pypdf_complaints():
    """The warnings pypdf logs while reading (a broken CMap, a bad xref …)."""
    found: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    handler, logger = Catch(logging.WARNING), logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in reader(pdf).pages]


def flat(text: str) -> str:
    """Whitespace collapsed, so that a wrapped line reads as one."""
    return " ".join(text.split())


def all_text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def assert_in_order(text: str, expected: list[str]) -> None:
    position = 0
    for item in expected:
        found = text.find(flat(item), position)
        context = text[position:position + 300]
        assert found >= 0, f"{item!r} missing after position {position}: …{context}…"
        position = found + len(flat(item))


def label(key: str, lang: str) -> str:
    return tr(load_structure().field(key).label, lang)


def column(key: str, col: str, lang: str) -> str:
    f = load_structure().field(key)
    return tr(next(c for c in f.columns if c.key == col).label, lang)


def phase_title(phase_id: str, lang: str) -> str:
    return tr(load_structure().phase(phase_id).title, lang)


def canary_consultation(**changes) -> Consultation:
    """Every field filled with its own marker word, so its place can be found."""
    c = Consultation(
        id=7, reference="OT-TEST-0001", status="held",
        received_at=dt.datetime(2026, 2, 3, 9, 15), channel="email",
        requester=Requester(name="ZQREQNAME", title="ZQREQTITLE", organisation="ZQREQORG",
                            sector="social_care", region="Pohjois-Savo"),
        question="ZQQUESTION?", categories=["family_violence"],
        anonymous=True, client_description="", consent=None,
        consultants=["ZQCONSULTANT"], experts=["ZQEXPERT"],
        worry_start=3, worry_end=2,
        session=Session(date=dt.date(2026, 2, 12), duration_minutes=60, mode="video"),
        situation=Situation(background="ZQBACKGROUND", tried="ZQTRIED", services="ZQSERVICES",
                            worries="ZQWORRIES", going_well="ZQGOINGWELL",
                            needs_to_happen="ZQNEEDS", child_view="ZQCHILDVIEW",
                            scale=[ScaleRating("ZQRATER", 4)]),
        reflections=Reflections(requester_thoughts="ZQTHOUGHTS", hypotheses="ZQHYPOTHESES",
                                perspectives="ZQPERSPECTIVES"),
        options=[Option("ZQOPTION1", "ZQDESC1", "ZQBENEFIT1", "ZQRISK1", "ZQNEED1", True,
                        "ZQWHY1"),
                 Option("ZQOPTION2", "ZQDESC2", "ZQBENEFIT2", "ZQRISK2", "ZQNEED2", False, "")],
        plan=Plan(steps=[PlanStep("ZQACTION1", "ZQWHO1", dt.date(2026, 2, 27)),
                         PlanStep("ZQACTION2", "ZQWHO2", dt.date(2026, 3, 6))],
                  follow_up_date=dt.date(2026, 3, 26), follow_up_agreement="ZQAGREEMENT",
                  contacts="ZQCONTACTS"),
    )
    for key, value in changes.items():
        setattr(c, key, value)
    return c


ADDENDA = [Addendum(dt.datetime(2026, 2, 16, 14, 5), "ZQAUTHOR1", "ZQADDENDUM1"),
           Addendum(dt.datetime(2026, 2, 20, 8, 30), "ZQAUTHOR2", "ZQADDENDUM2")]


def expected_parts(lang: str) -> list[str]:
    v = vocabulary.label
    chosen = column("options", "chosen", lang).upper()
    return [
        wording("title", lang), "OT-TEST-0001", wording("version", lang, n=2),
        wording("generated", lang, date="16.2.2026"),
        wording("received", lang), "3.2.2026", v("channels", "email", lang),
        wording("session", lang), "12.2.2026", v("session_modes", "video", lang),
        wording("requester", lang), "ZQREQNAME", "ZQREQTITLE", "ZQREQORG",
        wording("consultant", lang), "ZQCONSULTANT",
        wording("client", lang), wording("anonymous_note", lang),
        label("question", lang), "ZQQUESTION?",
        wording("categories", lang), v("categories", "family_violence", lang),
        phase_title("situation", lang),
        label("situation.background", lang), "ZQBACKGROUND",
        label("situation.tried", lang), "ZQTRIED",
        label("situation.services", lang), "ZQSERVICES",
        label("situation.worries", lang), "ZQWORRIES",
        label("situation.going_well", lang), "ZQGOINGWELL",
        label("situation.needs_to_happen", lang), "ZQNEEDS",
        label("situation.child_view", lang), "ZQCHILDVIEW",
        label("situation.scale", lang), column("situation.scale", "participant", lang),
        column("situation.scale", "value", lang), "ZQRATER", "4",
        phase_title("reflections", lang),
        label("reflections.requester_thoughts", lang), "ZQTHOUGHTS",
        label("reflections.hypotheses", lang), "ZQHYPOTHESES",
        label("reflections.perspectives", lang), "ZQPERSPECTIVES",
        phase_title("options", lang),
        column("options", "title", lang), column("options", "benefits", lang),
        column("options", "risks", lang), column("options", "needs", lang),
        "ZQOPTION1", chosen, "ZQDESC1", "ZQBENEFIT1", "ZQRISK1", "ZQNEED1",
        column("options", "why", lang), "ZQWHY1",
        "ZQOPTION2", "ZQDESC2", "ZQBENEFIT2", "ZQRISK2", "ZQNEED2",
        phase_title("plan", lang), label("plan.steps", lang),
        column("plan.steps", "action", lang), column("plan.steps", "responsible", lang),
        column("plan.steps", "due", lang),
        "ZQACTION1", "ZQWHO1", "27.2.2026", "ZQACTION2", "ZQWHO2", "6.3.2026",
        label("plan.contacts", lang), "ZQCONTACTS",
        wording("experts_involved", lang), "ZQEXPERT",
        label("plan.follow_up_date", lang), "26.3.2026",
        label("plan.follow_up_agreement", lang), "ZQAGREEMENT",
        tr(load_structure().worry_title, lang),
        label("worry_start", lang), v("worry_zones", 3, lang),
        label("worry_end", lang), v("worry_zones", 2, lang),
        wording("contact", lang), wording("contact_intro", lang), "ZQCONSULTANT",
        "ZQORG keskus", "ZQORGCONTACT",
        wording("addenda", lang), "16.2.2026", "ZQAUTHOR1", "ZQADDENDUM1",
        "20.2.2026", "ZQAUTHOR2", "ZQADDENDUM2",
    ]


def render_full(lang: str, **kw) -> bytes:
    return render_summary(canary_consultation(), lang, org=ORG, version=2, addenda=ADDENDA,
                          generated=dt.date(2026, 2, 16), **kw)


def long_consultation(words: int = 9000) -> Consultation:
    c = canary_consultation()
    c.situation.background = " ".join(f"sana{i}" for i in range(words))
    c.plan.steps = [PlanStep(f"ZQSTEP{i:03d} " + "toimenpide " * 12, f"vastaava {i}",
                             dt.date(2026, 3, 1) + dt.timedelta(days=i)) for i in range(90)]
    return c


def pdffonts(pdf: bytes, tmp_path) -> list[list[str]]:
    require(shutil.which("pdffonts") is not None, "pdffonts (poppler-utils) is not installed")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


# --- the document, in order, in every language ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_part_is_there_in_order(lang):
    assert_in_order(all_text(render_full(lang)), expected_parts(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_language_title_author(lang):
    r = reader(render_full(lang))
    assert r.trailer["/Root"]["/Lang"] == summary.PDF_LANG[lang]
    assert r.metadata.title == wording("doc_title", lang, reference="OT-TEST-0001")
    assert r.metadata.author == "ZQORG keskus"
    assert r.metadata.subject == wording("title", lang)


def test_metadata_title_is_the_finnish_summary_name():
    r = reader(render_summary(canary_consultation(reference="OT-2026-0042")))
    assert r.metadata.title == "Yhteenveto OT-2026-0042"
    assert r.metadata.author == "OT-keskus"  # the default organisation
    assert r.trailer["/Root"]["/Lang"] == "fi-FI"


@pytest.mark.parametrize("lang", LANGS)
def test_confidentiality_marking_defaults_carry_the_finnish_legal_basis(lang):
    text = all_text(render_summary(canary_consultation(), lang))
    assert wording("confidentiality", lang) in text
    assert "24 §" in wording("confidentiality", lang)
    assert {"fi": "JulkL", "sv": "OffL", "en": "Openness of Government"}[lang] in text


def test_organisation_can_change_the_marking_per_language():
    org = SummaryOrg(confidentiality={"fi": "ZQMARKFI", "sv": "ZQMARKSV", "en": "ZQMARKEN"})
    assert "ZQMARKSV" in all_text(render_summary(canary_consultation(), "sv", org=org))
    org = SummaryOrg(confidentiality="ZQMARK ALL")
    text = all_text(render_summary(canary_consultation(), "en", org=org))
    assert "ZQMARK ALL" in text and "CONFIDENTIAL" not in text


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        render_summary(canary_consultation(), "de")


# --- fonts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_no_helvetica(lang, tmp_path):
    rows = pdffonts(render_full(lang), tmp_path)
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row[0], row[-5]
        assert emb == "yes", row
        assert "Helvetica" not in name and "DejaVuSans" in name, row


def test_fonts_and_licence_ship_in_the_package():
    from importlib import resources

    folder = resources.files("otdesk.fonts")
    for filename in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        assert folder.joinpath(filename).read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert "Bitstream Vera" in folder.joinpath("LICENSE-DejaVu.txt").read_text("utf-8")


# --- deterministic --------------------------------------------------------------------------


def test_same_bytes_twice():
    assert render_full("fi") == render_full("fi")
    assert render_full("sv") != render_full("fi")


def test_same_bytes_in_another_process():
    code = ("import hashlib, sys; sys.path.insert(0, '.');"
            "from tests.test_summary import render_full;"
            "print(hashlib.sha256(render_full('en')).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.strip()
    assert out == hashlib.sha256(render_full("en")).hexdigest()


def test_generated_date_is_the_creation_date_and_none_prints_no_date():
    with_date = render_full("fi")
    assert reader(with_date).metadata.creation_date.date() == dt.date(2026, 2, 16)
    without = render_summary(canary_consultation(), "fi")
    assert "Laadittu" not in all_text(without)


# --- the client -----------------------------------------------------------------------------


def test_anonymous_consultation_shows_nothing_identifying_the_client():
    c = canary_consultation(anonymous=True, client_description="ZQCLIENTSECRET",
                            consent=Consent("ZQCONSENTGIVER", dt.date(2026, 1, 30),
                                            "ZQCONSENTSCOPE"))
    for lang in LANGS:
        text = all_text(render_summary(c, lang))
        for canary in ("ZQCLIENTSECRET", "ZQCONSENTGIVER", "ZQCONSENTSCOPE", "30.1.2026"):
            assert canary not in text
        assert wording("anonymous_note", lang) in text
        assert "ZQREQNAME" in text  # the requester is a professional and is shown


def test_identified_consultation_shows_the_consent_statement_and_the_client():
    c = canary_consultation(anonymous=False, client_description="ZQCLIENTDESC",
                            consent=Consent("ZQCONSENTGIVER", dt.date(2026, 1, 30),
                                            "ZQCONSENTSCOPE"))
    text = all_text(render_summary(c, "fi"))
    assert_in_order(text, [wording("client", "fi"), "ZQCLIENTDESC", wording("consent", "fi"),
                           wording("identified_note", "fi"), "ZQCONSENTGIVER", "30.1.2026",
                           "ZQCONSENTSCOPE"])
    assert wording("anonymous_note", "fi") not in text


# --- versions and addenda -------------------------------------------------------------------


def test_first_version_and_no_addenda_print_neither():
    text = all_text(render_summary(canary_consultation(), "fi"))
    assert "Versio" not in text and wording("addenda", "fi") not in text


def test_addenda_accept_any_object_with_at_author_text():
    @dataclass
    class Note:
        at: dt.datetime
        author: str
        text: str

    pdf = render_summary(canary_consultation(), "sv", version=3,
                         addenda=[Note(dt.datetime(2026, 4, 1, 9, 5), "ZQA", "ZQNOTE")])
    text = all_text(pdf)
    assert_in_order(text, ["Version 3", wording("addenda", "sv"), "1.4.2026 kl. 9.05", "ZQA",
                           "ZQNOTE"])


def test_addendum_times_are_shown_in_finnish_time():
    at = dt.datetime(2026, 7, 1, 9, 5, tzinfo=dt.timezone.utc)  # summer: UTC+3
    text = all_text(render_summary(canary_consultation(), "fi",
                                   addenda=[Addendum(at, "ZQA", "ZQNOTE")]))
    assert "1.7.2026 klo 12.05 · ZQA" in text
    text = all_text(render_summary(canary_consultation(), "en",
                                   addenda=[Addendum(at, "ZQA", "ZQNOTE")]))
    assert "1.7.2026 at 12:05 · ZQA" in text


# --- empty fields ---------------------------------------------------------------------------


def test_an_empty_consultation_renders_without_empty_headings():
    text = all_text(render_summary(Consultation()))
    assert wording("title", "fi") in text
    for phase in ("situation", "reflections", "options", "plan"):
        assert phase_title(phase, "fi") not in text
    assert label("question", "fi") not in text
    assert tr(load_structure().worry_title, "fi") not in text


def test_empty_fields_are_skipped_but_tables_keep_their_header():
    c = Consultation(plan=Plan(steps=[PlanStep("ZQONLYSTEP")]),
                     situation=Situation(background="ZQONLY"))
    text = all_text(render_summary(c))
    assert_in_order(text, [phase_title("situation", "fi"), "ZQONLY", phase_title("plan", "fi"),
                           column("plan.steps", "action", "fi"),
                           column("plan.steps", "due", "fi"), "ZQONLYSTEP"])
    assert label("situation.tried", "fi") not in text
    assert label("plan.follow_up_agreement", "fi") not in text



def test_every_kind_of_field_has_a_renderer():
    """A kind of field the core knows (otdesk.core.kinds, which the structure's fields
    take their kind from) that the summary has no renderer for fails here."""
    from otdesk.core.kinds import KINDS

    assert set(KINDS) - set(RENDERERS) == set()
    assert set(RENDERERS) - set(KINDS) == set()  # no renderer of a kind that is gone
    assert {f.kind for f in load_structure().every_field()} <= set(RENDERERS)


def test_a_check_field_prints_a_tick_for_yes_and_nothing_else():
    import dataclasses

    f = dataclasses.replace(load_structure().field("plan.follow_up_agreement"), kind="check")
    for value, shown in ((True, True), (False, False), (None, False)):
        story = Story(Consultation(), "fi", ORG, "ZQORG", 1, (), None)
        RENDERERS["check"](story, f, value)
        printed = " ".join(p.text for p in story.out)
        assert ("\u2713" in printed and label("plan.follow_up_agreement", "fi") in printed) \
            == shown, (value, printed)

# --- long documents -------------------------------------------------------------------------


def test_a_long_case_runs_over_pages_each_with_marking_and_page_x_of_n():
    pdf = render_summary(long_consultation(), "fi", org=ORG)
    pages = page_texts(pdf)
    n = len(pages)
    assert n > 3
    marking = wording("confidentiality", "fi")
    for i, text in enumerate(pages, 1):
        assert marking in flat(text), f"page {i} has no marking"
        assert f"{i} / {n}" in text, f"page {i} has no page number"
        assert "ZQORG keskus" in text


def test_table_header_is_repeated_on_the_next_page():
    pdf = render_summary(long_consultation(words=10), "fi")
    header = column("plan.steps", "action", "fi")
    with_steps = [flat(t) for t in page_texts(pdf) if "ZQSTEP" in t]
    assert len(with_steps) >= 2
    for text in with_steps:
        assert header in text and column("plan.steps", "responsible", "fi") in text
    # every step is there once, in order
    steps = re.findall(r"ZQSTEP(\d{3})", " ".join(with_steps))
    assert steps == [f"{i:03d}" for i in range(90)]


def test_200000_characters_flow_to_the_end():
    words, length = [], 0
    while length < 200_000:
        words.append(f"pitkä{len(words)}")
        length += len(words[-1]) + 1
    text = " ".join(words)[:199_980] + " LOPPUSANAT ZQEND"
    assert len(text) >= 200_000 - 10
    c = canary_consultation()
    c.situation.background = text
    pdf = render_summary(c, "fi")
    extracted = all_text(pdf)
    assert extracted.count("ZQEND") == 1
    # nothing was dropped on the way: every numbered word is there
    numbers = [int(n) for n in re.findall(r"pitkä(\d+)", extracted)]
    assert numbers == sorted(numbers) and numbers[-1] >= len(words) - 3
    assert len(set(numbers)) == len(numbers) and len(numbers) >= len(words) - 3
    # … and the document goes on after it
    assert_in_order(extracted, ["LOPPUSANAT ZQEND", label("situation.tried", "fi"), "ZQTRIED"])


def test_a_huge_table_cell_splits_across_pages_instead_of_failing():
    c = canary_consultation()
    c.options[0].benefits = " ".join(f"hyöty{i}" for i in range(6000)) + " ZQBENEFITEND"
    c.options[0].risks = "q" * 5000
    c.plan.steps[0].action = "\n".join(f"rivi{i}" for i in range(600)) + "\nZQACTIONEND"
    c.plan.steps[0].responsible = "W" * 3000
    pdf = render_summary(c, "fi")
    text = all_text(pdf)
    assert "ZQBENEFITEND" in text and "ZQACTIONEND" in text
    assert text.count("q") >= 5000
    numbers = [int(n) for n in re.findall(r"hyöty(\d+)", text)]
    assert numbers == list(range(6000))


def text_right_edges(pdf: bytes, tmp_path) -> list[tuple[float, float]]:
    """(xMax, page width) of every word, from pdftotext -bbox."""
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    out = []
    for page in re.split(r"<page ", html)[1:]:
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        out += [(float(x), width) for x in re.findall(r'xMax="([\d.]+)"', page)]
    return out


def test_long_unbroken_words_wrap_inside_the_page(tmp_path):
    c = canary_consultation()
    c.situation.background = "ZQ" + "x" * 5000 + " end"
    c.options[0].benefits = "y" * 5000
    c.plan.steps[0].responsible = "Ж" * 2000
    c.requester.organisation = "z" * 3000
    pdf = render_summary(c, "fi")
    text = all_text(pdf)
    assert text.count("x") >= 5000 and text.count("y") >= 5000 and text.count("Ж") >= 2000
    right = style.PAGE_W - style.MARGIN_X + 1
    edges = text_right_edges(pdf, tmp_path)
    assert edges and all(x <= right for x, _ in edges), max(edges)


# --- any text -------------------------------------------------------------------------------

SPECIAL = [
    "😀👍🏽👨‍👩‍👧‍👦 emoji", "שלום עולם", "مرحبا بالعالم", "\u202eRTL override\u202c",
    "nul\x00 bell\x07 esc\x1b del\x7f c1\x85\x9b", "\ud800 lone \udfff surrogates",
    "a\r\nb\rc\u2028d\u2029e\x0bf\x0cg", "<b>not bold</b> & <br/> &amp; <font name='x'>",
    "\ufeff\ufffe\uffff\U0010ffff\U0001fffe", "a\u0308o\u0308 NFD", "\t\ttabs\t",
    "\n" * 500 + "after many blank lines", "ꙮ𒀱ﷺ﷽", " ", "",
]
texts = st.one_of(st.text(max_size=300), st.sampled_from(SPECIAL),
                  st.lists(st.sampled_from(SPECIAL), max_size=4).map("".join))


@st.composite
def any_consultation(draw) -> tuple[Consultation, str, SummaryOrg]:
    t = lambda: draw(texts)  # noqa: E731
    c = Consultation(
        reference=t(), received_at=dt.datetime(2026, 1, 2, 3, 4), question=t(),
        requester=Requester(t(), t(), t()), categories=["other_complex"],
        anonymous=draw(st.booleans()), client_description=t(),
        consent=Consent(t(), dt.date(2026, 1, 1), t()), consultants=[t(), t()],
        experts=[t()], worry_start=2, worry_end=1,
        situation=Situation(t(), t(), t(), t(), t(), t(), t(), [ScaleRating(t(), 5)]),
        reflections=Reflections(t(), t(), t()),
        options=[Option(t(), t(), t(), t(), t(), draw(st.booleans()), t()) for _ in range(2)],
        plan=Plan([PlanStep(t(), t(), dt.date(2026, 5, 1)) for _ in range(2)],
                  dt.date(2026, 6, 1), t(), t()))
    org = SummaryOrg(name=t(), confidentiality=draw(st.one_of(st.none(), texts)), contact=t())
    return c, draw(st.sampled_from(LANGS)), org


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=any_consultation(), addendum=texts)
def test_any_unicode_in_any_field_renders_a_valid_pdf(case, addendum):
    c, lang, org = case
    pdf = render_summary(c, lang, org=org, version=2,
                         addenda=[Addendum(dt.datetime(2026, 2, 1, 12, 0), addendum, addendum)])
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    with pypdf_complaints() as complaints:
        r = reader(pdf)
        assert len(r.pages) >= 1
        text = all_text(pdf)
    assert complaints == []
    assert wording("title", lang) in text
    assert r.trailer["/Root"]["/Lang"] == summary.PDF_LANG[lang]


def test_characters_beyond_the_basic_plane_extract_as_themselves():
    c = canary_consultation()
    c.situation.background = "Hymy 😀 ja ꙮ ja yksisarvinen 🦄\u200d ZQSMP"
    with pypdf_complaints() as complaints:
        text = all_text(render_summary(c))
    # what the font has extracts as itself; what it lacks as U+FFFD, not U+0000
    assert "Hymy 😀 ja ꙮ ja yksisarvinen \ufffd\u200d ZQSMP" in text
    assert "\x00" not in text
    assert complaints == []


# --- the pieces -----------------------------------------------------------------------------


def test_clean_keeps_text_and_drops_what_cannot_be_printed():
    assert clean("Äiti\tja isä\r\nlapsi") == "Äiti ja isä\nlapsi"
    assert clean("a\x00b\x07c\x1bd\x7fe\x9bf") == "abcdef"
    assert clean("x\ud800y\udfffz") == "xyz"
    assert clean("a\u0308") == "ä"  # NFC
    assert clean("\ufeffa\ufffeb\U0001fffec") == "abc"
    assert clean("a\n\n\n\n\nb") == "a\n\nb"
    assert clean(None) == "" and clean(42) == "42"
    assert clean("😀 שלום مرحبا") == "😀 שלום مرحبا"  # DejaVu Sans has these
    assert clean("🦄 𝐀") == "\ufffd \ufffd"  # … and not these
    assert clean("a\U000e0001b") == "ab"  # an invisible format character it lacks


def test_pieces_keep_every_character_and_respect_the_limits():
    text = "\n".join(["lyhyt rivi"] * 50 + ["x" * 1000, "Lause yksi. Lause kaksi. " * 40])
    parts = summary_text.pieces(text, 200, 10)
    assert all(len(p) <= 200 + 10 and p.count("\n") < 10 for p in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "") == \
        text.replace("\n", "").replace(" ", "")


def test_wording_template_needs_every_language():
    with pytest.raises(TemplateError, match="sv"):
        phrases.parse_wording('schema = 1\n[text]\ntitle = { fi = "a", en = "b" }\n')
    with pytest.raises(TemplateError, match="lacks"):
        phrases.parse_wording('schema = 1\n[text]\ntitle = { fi = "a", sv = "b", en = "c" }\n')
    assert set(phrases.load_wording()) >= phrases._WORDING_KEYS


# --- line breaks, and what keeps the summary fast ---------------------------------------------


def test_lines_and_blank_lines_are_kept_in_order(tmp_path):
    """A text with line breaks is one Paragraph per line and a Spacer of one line per
    blank line: running text and a table cell keep every line, in order, across pages,
    and a blank line shows as a line's gap."""
    from reportlab.platypus import Paragraph, Spacer

    fonts.register_fonts()
    inline = style.styles()["inline"]  # space above: on the first line only
    parts = style.lines("yksi\n\n \nkaksi <b>&\nkolme", inline, lead="<b>L:</b> ")
    assert [type(p) for p in parts][1:3] == [Spacer, Spacer]
    assert all(isinstance(p, Paragraph) for p in parts[:1] + parts[3:])
    assert [p.height for p in parts[1:3]] == [inline.leading] * 2
    assert [p.style.spaceBefore for p in (parts[0], parts[3], parts[4])] == \
        [inline.spaceBefore, 0, 0]

    def text(prefix: str, n: int) -> str:
        lines = []
        for i in range(n):
            lines.append(f"{prefix}{i:03d} <b>& " + "sana " * (i % 30))
            if i % 5 == 0:
                lines += [""] * (1 + i % 2)
        return "\n".join(lines)

    c = canary_consultation()
    c.situation.background = "ZQGAPA\n\nZQGAPB\nZQGAPC\n" + text("ZQLINE", 300)
    c.options[0].benefits = text("ZQCELL", 120)
    pdf = render_summary(c, "fi")
    assert len(reader(pdf).pages) > 3
    extracted = all_text(pdf)
    assert re.findall(r"ZQLINE(\d{3})", extracted) == [f"{i:03d}" for i in range(300)]
    assert re.findall(r"ZQCELL(\d{3})", extracted) == [f"{i:03d}" for i in range(120)]
    assert "ZQLINE007 <b>& sana sana" in extracted
    assert_in_order(extracted, ["ZQGAPA", "ZQGAPB", "ZQGAPC", "ZQLINE000",
                                label("situation.tried", "fi"), "ZQTRIED"])
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    path = tmp_path / "gaps.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "2", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    y = {w: float(m) for m, w in re.findall(r'yMin="([\d.]+)"[^>]*>(ZQGAP[ABC])<', html)}
    assert len(y) == 3 and y["ZQGAPA"] < y["ZQGAPB"] < y["ZQGAPC"]
    line = y["ZQGAPC"] - y["ZQGAPB"]
    assert y["ZQGAPB"] - y["ZQGAPA"] == pytest.approx(2 * line, abs=0.5)


def test_a_paragraph_wrapped_again_at_the_same_width_keeps_its_lines():
    from unittest import mock

    from reportlab.pdfgen.canvas import Canvas

    fonts.register_fonts()
    p = style.Paragraph("yksi kaksi kolme " * 30, style.styles()["body"])
    size = p.wrap(200, 1000)
    with mock.patch.object(style.Paragraph, "breakLines",
                           side_effect=AssertionError("broken again")):
        assert p.wrap(200, 500) == size
    assert p.wrap(300, 1000) != size and p.wrap(200, 1000) == size
    # a split that sends the paragraph on whole drops its lines: the next wrap breaks them
    assert len(p.wrap(200, 1000)) == 2 and p.height > 20 and p.split(200, 15) == []
    p.wrap(200, 1000)
    p.drawOn(Canvas(io.BytesIO()), 0, 0)


def test_texts_the_font_covers_need_no_translation():
    fonts.register_fonts()
    covered = summary_text._glyph_map().covered
    uncovered = summary_text._uncovered()
    for code in [*range(0x20, 0x3000), 0x1F600, 0x1F984, 0x1D400, 0xE0001, 0x10FFFD]:
        assert (uncovered.search(chr(code)) is None) == (code in covered), hex(code)


def test_reportlab_runs_on_its_c_accelerators():
    """rl_accel (a runtime dependency) is installed and reportlab takes its functions
    from the C module ``_rl_accel`` (else from pure Python, several times slower)."""
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == rl_accel.sameFrag.__module__ == "_rl_accel"
    assert rl_accel.instanceStringWidthTTF.__module__ == "_rl_accel"


# --- the organisation's logo ----------------------------------------------------------------


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (31, 58, 95)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_logo_is_drawn_on_every_page_and_a_broken_one_is_left_out():
    with_logo = render_summary(long_consultation(), "fi", org=SummaryOrg(logo=png_bytes()))
    r = reader(with_logo)
    for page in r.pages:
        assert page["/Resources"]["/XObject"], "no image on the page"
    broken = render_summary(canary_consultation(), "fi",
                            org=SummaryOrg(name="ZQBROKENLOGO", logo=b"not an image"))
    assert "ZQBROKENLOGO" in all_text(broken)
