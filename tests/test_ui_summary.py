"""The Summary step in the app: the preview is the PDF that is printed, saved and kept."""

from __future__ import annotations

import hashlib

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from otdesk.domain import Consultation, Option, PlanStep, Requester
from otdesk.ui.main_window import MainWindow


@pytest.fixture
def held(vault):
    repo = vault.repository
    c = repo.create(Consultation(
        question="Miten tukea koulunkäyntiä huoltoriidan keskellä?",
        requester=Requester(name="Sanna Virtanen", organisation="Kuopion kaupunki"),
        options=[Option(title="Verkostopalaveri", chosen=True)]))
    c.plan.steps.append(PlanStep(action="Kutsu palaveri koolle", responsible="Sanna"))
    repo.update(c)
    for status in ("accepted", "prepared", "held"):
        repo.change_status(c.id, status)
    return repo.get(c.id)


@pytest.fixture
def window(qtbot, vault, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    w = MainWindow(vault, lang="fi")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _open_summary(qtbot, window, consultation_id):
    window.open_consultation(consultation_id)
    editor = window.editor
    qtbot.keyClick(editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.summary
    assert editor.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.preview.document.pageCount() > 0, timeout=5000)
    return page


def test_print_records_the_delivery_and_seals_the_record(qtbot, window, vault, held, tmp_path):
    page = _open_summary(qtbot, window, held.id)
    preview_bytes = page.pdf
    assert preview_bytes.startswith(b"%PDF")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "tulostettu.pdf"
    printer.setOutputFileName(str(out))
    assert page.print_summary(printer)
    printed = PdfReader(out)
    assert len(printed.pages) == page.preview.document.pageCount()

    (delivery,) = vault.deliveries.of(held.id)
    assert delivery.method == "print" and delivery.lang == "fi" and delivery.version == 1
    assert vault.deliveries.pdf(delivery.id) == preview_bytes  # exactly what was shown
    assert delivery.sha256 == hashlib.sha256(preview_bytes).hexdigest()
    assert vault.repository.get(held.id).status == "summary_delivered"
    assert page.history.count() == 1

    # sealed: the phases are read-only, an addendum gives version 2
    editor = window.editor
    assert editor.sealed_label.isVisibleTo(editor)
    assert not editor.intake.requester_name.isEnabled()
    page.addendum.setFocus()
    qtbot.keyClicks(page.addendum, "Palaveri siirtyi viikolla.")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert vault.repository.get(held.id).addenda[0].text == "Palaveri siirtyi viikolla."
    assert "2" in page.state.text()

    # back in the list, the consultation shows as delivered
    window.show_list()
    row = window.list.model.find(held.id)
    assert window.list.model.row(row).summary.delivered


def test_save_as_pdf_writes_the_same_bytes_and_earlier_versions_reopen(
        qtbot, window, vault, held, tmp_path):
    page = _open_summary(qtbot, window, held.id)
    first = page.pdf
    target = tmp_path / "yhteenveto.pdf"
    assert page.save_summary(str(target))
    assert target.read_bytes() == first
    page.addendum.setPlainText("Lisäys: isä tavattu.")
    page.add_addendum()
    second = page.pdf
    assert second != first
    assert page.save_summary(str(tmp_path / "v2.pdf"))
    versions = [(d.version, d.method) for d in vault.deliveries.of(held.id)]
    assert versions == [(1, "pdf"), (2, "pdf")]
    page.reopen(page.history.item(0))
    assert page.preview.pdf == first  # the first delivered version, exactly


def test_the_preview_follows_the_chosen_language(qtbot, window, held):
    page = _open_summary(qtbot, window, held.id)
    finnish = page.pdf
    page.language.setCurrentIndex(page.language.findData("sv"))
    assert page.pdf != finnish
    text = "".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(page.pdf)).pages)
    assert "Sammanfattning" in text or "sammanfattning" in text
