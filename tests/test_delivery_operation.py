"""The one delivery operation (otdesk/operations/delivery.py) and the writer's queue."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest
from pypdf import PdfReader

from otdesk.core.domain import Consultation, PlanStep
from otdesk.core.errors import UserError
from otdesk.operations import delivery
from otdesk.core.profile import ConsultantProfile
from otdesk.storage.writer import BackgroundWriter

CONTEXT = delivery.SummaryContext()


def _held(repo, **fields) -> Consultation:
    c = repo.create(Consultation(question="Mitä tehdään?", **fields))
    for status in ("accepted", "prepared", "held"):
        c = repo.change_status(c.id, status)
    return c


def test_a_delivery_renders_the_stored_record_and_seals_in_one_go(vault, repo, tmp_path):
    c = _held(repo)
    prepared = delivery.prepare(vault, c.id, "fi", CONTEXT)
    out = tmp_path / prepared.file_name()
    d = delivery.save_pdf(vault, prepared, out, protected=[vault.paths.data_dir])
    assert out.name == f"{c.reference}-yhteenveto-v1.pdf"
    assert out.read_bytes() == vault.deliveries.pdf(d.id) == prepared.pdf
    assert d.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    after = repo.get(c.id)
    assert after.status == "summary_delivered" and repo.is_sealed(c.id)
    actions = [e.action for e in repo.audit_entries(f"consultation:{c.id}")]
    assert actions.count("summary.saved") == 1


def test_what_must_not_leave_is_refused_before_rendering(vault, repo):
    early = repo.create(Consultation(question="Vasta pyyntö"))
    with pytest.raises(UserError) as err:
        delivery.prepare(vault, early.id, "fi", CONTEXT)
    assert err.value.key == "error.delivery_status"
    assert delivery.prepare(vault, early.id, "fi", CONTEXT, draft=True).draft  # a draft is fine
    identified = _held(repo, anonymous=False, client_description="Poika 13 v.")
    with pytest.raises(UserError) as err:
        delivery.prepare(vault, identified.id, "fi", CONTEXT)
    assert err.value.key == "error.delivery_consent"


def test_a_draft_says_so_on_every_page_and_is_no_delivery(vault, repo, tmp_path):
    c = _held(repo)
    c.plan.steps = [PlanStep(action="Vaihe " + "sana " * 300) for _ in range(12)]
    repo.update(c)
    draft = delivery.prepare(vault, c.id, "sv", CONTEXT, draft=True)
    out = delivery.write_draft(vault, draft, tmp_path / "x.pdf", protected=[])
    pages = PdfReader(out).pages
    assert len(pages) > 1 and all("UTKAST" in p.extract_text() for p in pages)
    assert vault.deliveries.of(c.id) == [] and not repo.is_sealed(c.id)
    with pytest.raises(ValueError):
        delivery.record(vault, draft, method="pdf")


def test_targets_in_the_data_folder_folders_and_existing_files_are_refused(vault, tmp_path):
    data = vault.paths.data_dir
    link = tmp_path / "innocent.pdf"
    os.symlink(data / "otdesk.db", link)
    for bad, key in ((data / "otdesk.db", "error.out_in_data_dir"),
                     (data / "keyslots.json", "error.out_in_data_dir"),
                     (data / "sub" / ".." / "new.pdf", "error.out_in_data_dir"),
                     (link, "error.out_in_data_dir"),
                     (tmp_path, "error.out_not_pdf_name"),
                     ("", "error.out_not_pdf_name"),
                     (False, "error.out_not_pdf_name")):
        with pytest.raises(UserError) as err:
            delivery.check_target(bad, [data], force=True)
        assert err.value.key == key, bad
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    with pytest.raises(UserError) as err:
        delivery.check_target(existing, [data])
    assert err.value.key == "error.out_exists"
    assert delivery.check_target(existing, [data], force=True) == existing.resolve()


def test_when_the_record_cannot_be_written_the_file_is_removed_again(vault, repo, tmp_path):
    c = _held(repo)
    prepared = delivery.prepare(vault, c.id, "fi", CONTEXT)
    vault.conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON deliveries "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    out = tmp_path / "v1.pdf"
    with pytest.raises(UserError) as err:
        delivery.save_pdf(vault, prepared, out, protected=[])
    assert err.value.key == "error.delivery_not_recorded"
    assert "poistettiin" in err.value.message("fi")
    assert not out.exists() and vault.deliveries.of(c.id) == []
    older = tmp_path / "vanha.pdf"  # a file the save dialog was told to replace stays
    older.write_bytes(b"%PDF-1.4 an older summary")
    with pytest.raises(UserError):
        delivery.save_pdf(vault, prepared, older, protected=[], force=True)
    assert older.read_bytes() == b"%PDF-1.4 an older summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "vanha.pdf"]  # no part left
    assert repo.get(c.id).status == "held"


def test_a_reprint_records_the_earlier_version_exactly(vault, repo):
    c = _held(repo)
    first = delivery.record(vault, delivery.prepare(vault, c.id, "fi", CONTEXT), method="pdf")
    repo.add_addendum(c.id, "Lisäys")
    second = delivery.record(vault, delivery.prepare(vault, c.id, "sv", CONTEXT), method="print")
    again = delivery.record(vault, delivery.stored(vault, first.id), method="print")
    assert (first.version, second.version, again.version) == (1, 2, 1)
    assert again.sha256 == first.sha256 and again.lang == "fi"
    # a render made before a change is not recorded as the current version
    stale = delivery.prepare(vault, c.id, "fi", CONTEXT)
    repo.add_addendum(c.id, "Toinen lisäys")
    with pytest.raises(UserError) as err:
        delivery.record(vault, stale, method="print")
    assert err.value.key == "error.delivery_changed"


def test_the_profile_is_the_contact_and_the_actor(vault, repo, tmp_path):
    c = _held(repo)
    profile = ConsultantProfile(name="Sanna Virtanen", title="OT-koordinaattori",
                                phone="040 123 4567", email="sanna@example.fi")
    vault.repository.actor = profile.actor()
    context = delivery.SummaryContext(consultant=profile)
    d = delivery.record(vault, delivery.prepare(vault, c.id, "en", context), method="pdf")
    text = PdfReader(__import__("io").BytesIO(vault.deliveries.pdf(d.id))).pages[-1].extract_text()
    assert "Contact person" in text and "040 123 4567" in text and "sanna@example.fi" in text
    assert "Feedback" in text
    assert d.actor.startswith("Sanna Virtanen (")


# -- the writer runs operations in order, after the autosaves before them --------------------


def _writer(vault):
    return BackgroundWriter(vault)


def test_an_edit_submitted_just_before_a_delivery_is_in_it(vault, repo):
    c = _held(repo)
    writer = _writer(vault)
    try:
        c.situation.background = "Kirjoitettu juuri ennen tulostusta"
        writer.submit(c)
        done = threading.Event()
        result = {}
        writer.run(lambda store: delivery.record(
            store, delivery.prepare(store, c.id, "fi", CONTEXT), method="print"),
            on_done=lambda d: (result.update(d=d), done.set()),
            on_error=lambda e: (result.update(e=e), done.set()), saved_first=c.id)
        assert done.wait(20)
        pdf = vault.deliveries.pdf(result["d"].id)
        text = " ".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(pdf)).pages)
        assert "Kirjoitettu juuri ennen tulostusta" in text
    finally:
        writer.close()


def test_an_operation_waits_for_a_refused_edit_and_is_refused(vault, repo):
    c = _held(repo)
    writer = _writer(vault)
    vault.conn.execute("CREATE TRIGGER refuse BEFORE UPDATE ON consultation_docs "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    try:
        c.situation.background = "Ei mahdu levylle"
        writer.submit(c)
        done = threading.Event()
        result = {}
        writer.run(lambda store: pytest.fail("must not run"),
                   on_done=lambda v: done.set(),
                   on_error=lambda e: (result.update(e=e), done.set()), saved_first=c.id)
        assert done.wait(20)
        assert result["e"].key == "error.delivery_unsaved"
        assert "Mitään ei kirjattu" in result["e"].message("fi")
    finally:
        vault.conn.execute("DROP TRIGGER refuse")
        writer.close()


def test_operations_run_in_the_order_asked_and_an_unexpected_fault_is_a_clear_error(vault):
    writer = _writer(vault)
    order, errors = [], []
    done = threading.Event()
    try:
        for i in range(5):
            writer.run(lambda store, i=i: order.append(i), on_done=lambda v: None,
                       on_error=errors.append)
        writer.run(lambda store: 1 / 0, on_done=lambda v: None,
                   on_error=lambda e: (errors.append(e), done.set()))
        assert done.wait(10)
        assert order == [0, 1, 2, 3, 4]
        assert [e.key for e in errors] == ["error.storage"]
    finally:
        writer.close()


def test_soft_hyphens_are_dropped_before_layout():
    """A text full of soft hyphens made reportlab try each as a break (20 s for 100,000
    characters); they are invisible, so the summary leaves them out."""
    from otdesk.summary import clean

    assert clean("huol\xadto\xadrii\xadta") == "huoltoriita"
