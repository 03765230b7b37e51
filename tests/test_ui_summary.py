"""The Summary step as a consultant uses it: the real Print and Save buttons, their
dialogs answered by a script, and what the printer, the file and the vault received.

Only the dialogs the buttons open are replaced (their ``exec`` / ``getSaveFileName``);
everything else — the page, the storage worker, the print thread — runs for real.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from otdesk.core.domain import Consultation, Option, PlanStep, Requester
from conftest import close_window, open_in_editor, wait_for_editor
from otdesk.config.settings import UserSettings
from otdesk.core.profile import ConsultantProfile, os_login
from otdesk.storage.deliveries import Deliveries
from otdesk.storage.repository import Repository
from otdesk.ui import summary_page
from otdesk.ui.main_window import MainWindow
from otdesk.ui.profile_dialog import ProfileDialog

PROFILE = ConsultantProfile(name="Sanna Virtanen", title="OT-koordinaattori",
                            phone="040 123 4567", email="sanna.virtanen@example.fi")


@contextlib.contextmanager
def disk(vault):
    """A repository on a connection of the test's own: the vault's own connection only
    reads while a MainWindow is open on it (its storage worker writes)."""
    conn = vault.open_connection()
    try:
        yield Repository(conn)
    finally:
        conn.close()


def stored_pdf(vault, delivery_id: int) -> bytes:
    """The delivered PDF as the vault keeps it (reading it is audited: a write)."""
    with disk(vault) as repo:
        return Deliveries(repo).pdf(delivery_id)


def _held(vault, **fields) -> Consultation:
    with disk(vault) as repo:
        return _held_in(repo, **fields)


def _held_in(repo, **fields) -> Consultation:
    c = repo.create(Consultation(
        question="Miten tukea koulunkäyntiä huoltoriidan keskellä?",
        requester=Requester(name="Liisa Korhonen", organisation="Kuopion kaupunki"),
        options=[Option(title="Verkostopalaveri", chosen=True)], **fields))
    c.plan.steps.append(PlanStep(action="Kutsu palaveri koolle", responsible="Liisa"))
    repo.update(c)
    for status in ("accepted", "prepared", "held"):
        repo.change_status(c.id, status)
    return repo.get(c.id)


@pytest.fixture
def held(vault):
    return _held(vault)


def make_window(qtbot, vault, tmp_path, profile=PROFILE) -> MainWindow:
    settings = UserSettings(profile=ConsultantProfile(**vars(profile)))
    w = MainWindow(vault, lang="fi", settings=settings, settings_file=tmp_path / "settings.toml")
    # at teardown pytest-qt closes its widgets first: close as Ctrl+Q and wait until stored
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    with qtbot.waitActive(w):  # shortcuts reach the active window only
        w.show()
        w.activateWindow()
    return w


@pytest.fixture
def window(qtbot, vault, tmp_path):
    w = make_window(qtbot, vault, tmp_path)
    yield w
    if not w._closed:
        close_window(qtbot, w)


# -- the scripted dialogs ---------------------------------------------------------------


class Script:
    """Answers to the dialogs the buttons open, and what they were shown."""

    def __init__(self, monkeypatch, tmp_path):
        self.print_to = None  # a path: print into a PDF file; None: cancel
        self.save_to = None  # a path: choose it; None: cancel
        self.warning_ok = True
        self.go_to_field = True
        self.suggested = []  # the file names the save dialog proposed
        self.warnings = []  # texts of message boxes
        self.refusals = []
        self.profile_answer = None
        script = self

        def print_exec(dialog):
            if script.print_to is None:
                return QDialog.DialogCode.Rejected
            printer = dialog.printer()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(script.print_to))
            return QDialog.DialogCode.Accepted

        def get_save_file_name(parent, caption, proposed, file_filter):
            script.suggested.append(proposed)
            return (str(script.save_to) if script.save_to else "", "")

        def warning_exec(box):
            return (QMessageBox.StandardButton.Ok if script.warning_ok
                    else QMessageBox.StandardButton.Cancel)

        def refusal_go(box):
            script.refusals.append(box.text())
            return script.go_to_field

        def profile_exec(dialog):
            if script.profile_answer is None:
                dialog.reject()
                return QDialog.DialogCode.Rejected
            for name, value in vars(script.profile_answer).items():
                getattr(dialog.form, name).setText(value)
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(QPrintDialog, "exec", print_exec)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
        monkeypatch.setattr(summary_page.UnencryptedWarning, "exec", warning_exec)
        monkeypatch.setattr(summary_page.RefusalBox, "go", refusal_go)
        monkeypatch.setattr(ProfileDialog, "exec", profile_exec)
        monkeypatch.setattr(QMessageBox, "warning",
                            staticmethod(lambda parent, title, text, *a: script.warnings.append(
                                text)))


@pytest.fixture
def script(monkeypatch, tmp_path):
    return Script(monkeypatch, tmp_path)


# -- helpers ----------------------------------------------------------------------------


def open_summary(qtbot, window, consultation_id):
    """Open the consultation from the list with the keyboard, then Ctrl+9."""
    window.show_list()
    lst = window.list
    table = lst.table
    if lst.model.row_of(consultation_id) is None:  # made by the test after the window:
        lst.reload()  # as after a restart
    qtbot.waitUntil(lambda: lst.model.row_of(consultation_id) is not None, timeout=5000)
    row = lst.model.row_of(consultation_id)
    table.setCurrentIndex(lst.model.index(row, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = window.editor
    qtbot.waitUntil(lambda: window.stack.currentWidget() is editor and editor.c is not None
                    and editor.c.id == consultation_id, timeout=5000)
    qtbot.keyClick(editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.summary
    assert editor.pages.currentWidget() is page
    wait_ready(qtbot, page)
    return page


def wait_ready(qtbot, page):
    qtbot.waitUntil(lambda: not page.busy and page.print_button.isEnabled()
                    and page.preview.document.pageCount() > 0, timeout=10000)


def wait_deliveries(qtbot, vault, consultation_id, n, page):
    """``n`` deliveries recorded and the delivery over as the person sees it: the page has
    its answer (a saved file gets its name just after the record: delivery.py)."""
    qtbot.waitUntil(lambda: len(vault.deliveries.of(consultation_id)) >= n and not page.busy,
                    timeout=15000)
    return vault.deliveries.of(consultation_id)


def pages_as_images(pdf: bytes, dpi: int = 40) -> list[QImage]:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        image = document.render(page, QSize(round(size.width() / 72 * dpi),
                                            round(size.height() / 72 * dpi)))
        images.append(image.convertToFormat(QImage.Format.Format_Grayscale8))
    document.close()
    return images


def assert_same_pages(printed: bytes, delivered: bytes) -> None:
    """The printed pages look like the delivered PDF's (within rasterising tolerance)."""
    a, b = pages_as_images(printed), pages_as_images(delivered)
    assert len(a) == len(b) and a
    for x, y in zip(a, b):
        assert (x.width(), x.height()) == (y.width(), y.height())
        bx, by = x.constBits().tobytes(), y.constBits().tobytes()
        diff = sum(abs(p - q) for p, q in zip(bx, by)) / len(bx)
        ink = sum(255 - p for p in by) / len(by)
        assert diff < 0.25 * ink, (diff, ink)  # far less than a different page would give


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def press_print(qtbot, page):
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)


def press_save(qtbot, page):
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


# -- the tests --------------------------------------------------------------------------


def test_print_button_prints_the_stored_pdf_and_seals(qtbot, window, vault, held, script,
                                                      tmp_path):
    page = open_summary(qtbot, window, held.id)
    script.print_to = tmp_path / "tulostettu.pdf"
    press_print(qtbot, page)
    (d,) = wait_deliveries(qtbot, vault, held.id, 1, page)
    assert (d.method, d.lang, d.version, d.via) == ("print", "fi", 1, "app")
    assert d.actor == f"Sanna Virtanen ({os_login()})"
    stored = stored_pdf(vault, d.id)
    assert d.sha256 == hashlib.sha256(stored).hexdigest()
    qtbot.waitUntil(lambda: script.print_to.exists() and not page.busy, timeout=10000)
    assert_same_pages(script.print_to.read_bytes(), stored)
    assert "Sanna Virtanen" in text_of(stored) and "040 123 4567" in text_of(stored)
    assert vault.repository.get(held.id).status == "summary_delivered"
    assert vault.repository.is_sealed(held.id)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.sealed_label.isVisibleTo(editor))
    assert not editor.intake.requester_name.isEnabled()
    qtbot.waitUntil(lambda: page.history.count() == 1)
    assert not script.warnings


def test_save_button_warns_then_saves_the_exact_bytes(qtbot, window, vault, held, script,
                                                      tmp_path):
    page = open_summary(qtbot, window, held.id)
    script.save_to = tmp_path / "lähtevät" / "OT-2026-0001-yhteenveto-v1.pdf"
    script.save_to.parent.mkdir()
    # the mnemonic Alt+D of "Save as P&DF…"
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    (d,) = wait_deliveries(qtbot, vault, held.id, 1, page)
    assert script.suggested[0].endswith(f"{held.reference}-yhteenveto-v1.pdf")
    saved = script.save_to.read_bytes()
    assert saved == stored_pdf(vault, d.id)
    assert d.sha256 == hashlib.sha256(saved).hexdigest() and d.method == "pdf"
    # the folder is remembered for the next save
    qtbot.waitUntil(lambda: not page.busy)
    assert window.settings.last_save_folder == str(script.save_to.parent)
    assert "last_save_folder" in (tmp_path / "settings.toml").read_text("utf-8")


def test_cancelling_any_dialog_records_nothing(qtbot, window, vault, held, script, tmp_path):
    page = open_summary(qtbot, window, held.id)
    press_print(qtbot, page)  # print dialog: Cancel
    script.warning_ok = False
    press_save(qtbot, page)  # "not encrypted": Cancel
    script.warning_ok = True
    press_save(qtbot, page)  # save dialog: Cancel
    assert len(script.suggested) == 1
    qtbot.wait(300)
    assert vault.deliveries.of(held.id) == []
    assert vault.repository.get(held.id).status == "held"
    assert not vault.repository.is_sealed(held.id)
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_printer_error_is_said_and_records_nothing(qtbot, window, vault, held, script,
                                                     tmp_path):
    page = open_summary(qtbot, window, held.id)
    script.print_to = tmp_path / "no such folder" / "x.pdf"  # the printer cannot open it
    press_print(qtbot, page)
    qtbot.waitUntil(lambda: bool(script.warnings), timeout=10000)
    assert "Tulostus epäonnistui" in script.warnings[0]
    assert "QPainter" not in script.warnings[0] and "tulostin ei ottanut" in script.warnings[0]
    assert "Mitään ei kirjattu" in script.warnings[0]
    qtbot.wait(200)
    assert vault.deliveries.of(held.id) == []
    assert page.print_button.isEnabled()


def test_save_into_the_data_folder_is_refused(qtbot, window, vault, held, script):
    page = open_summary(qtbot, window, held.id)
    before = vault.paths.slots.read_bytes()
    script.save_to = vault.paths.slots
    press_save(qtbot, page)
    qtbot.waitUntil(lambda: bool(script.warnings), timeout=10000)
    assert "tietokansioon" in script.warnings[0]
    assert vault.paths.slots.read_bytes() == before
    assert vault.deliveries.of(held.id) == []


def test_an_edit_the_disk_refused_stops_the_delivery(qtbot, window, vault, held, script,
                                                     tmp_path):
    page = open_summary(qtbot, window, held.id)
    editor = window.editor
    # from now on every write of this consultation fails, as on a failing disk
    failing = vault.open_connection()
    failing.execute("CREATE TRIGGER refuse BEFORE UPDATE ON consultation_docs "
                    "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    try:
        qtbot.keyClick(editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # options
        qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # situation
        field = editor.phase_pages["situation"].first_input
        field.setFocus()
        qtbot.keyClicks(field, "Uusi tieto juuri ennen tulostusta")
        editor.save_now()
        qtbot.waitUntil(lambda: "NOT SAVED" in editor.save_label.text()
                        or "EI TALLENNETTU" in editor.save_label.text().upper(), timeout=10000)
        qtbot.keyClick(editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
        # the preview says at once that the latest change is not on disk
        qtbot.waitUntil(lambda: "ei saatu tallennettua" in page.state.text(), timeout=15000)
        script.save_to = tmp_path / "ei-pitäisi-syntyä.pdf"
        press_save(qtbot, page)
        qtbot.waitUntil(lambda: bool(script.warnings), timeout=15000)
        assert "ei toimitettu" in script.warnings[-1] or "Mitään ei kirjattu" in script.warnings[-1]
        assert vault.deliveries.of(held.id) == []
        assert not script.save_to.exists()
    finally:
        failing.execute("DROP TRIGGER refuse")
        failing.close()


def test_identified_without_consent_is_refused_and_goes_to_the_consent(
        qtbot, window, vault, script, tmp_path):
    c = _held(vault, anonymous=False, client_description="Poika, 13 v.")
    page = open_summary(qtbot, window, c.id)
    assert page.blockers.isVisible() and "suostumu" in page.blockers.text()
    script.save_to = tmp_path / "x.pdf"
    press_save(qtbot, page)
    assert script.refusals and "Suostumuksen antaja" in script.refusals[0]
    assert script.suggested == []  # refused before any dialog
    editor = window.editor
    assert editor.pages.currentIndex() == 0  # the Request page
    given_by = editor._bindings["consent.given_by"][0].widget
    qtbot.waitUntil(lambda: QApplication.focusWidget() is given_by)
    assert vault.deliveries.of(c.id) == [] and not script.save_to.exists()
    # the consultant writes who consented; who recorded it is filled in from the profile
    qtbot.keyClicks(given_by, "Lapsen huoltajat")
    assert editor._bindings["consent.recorded_by"][0].widget.text() == "Sanna Virtanen"


def test_a_henkilotunnus_in_an_anonymous_text_blocks_delivery(qtbot, window, vault, script,
                                                              tmp_path):
    with disk(vault) as repo:
        c = _held_in(repo)
        c.situation.background = "Äidin henkilötunnus 131052-308T kirjattiin vahingossa."
        repo.update(c)
    page = open_summary(qtbot, window, c.id)
    script.print_to = tmp_path / "x.pdf"
    script.go_to_field = False
    press_print(qtbot, page)
    assert script.refusals and "Tausta" in script.refusals[0]
    qtbot.wait(200)
    assert vault.deliveries.of(c.id) == [] and not script.print_to.exists()


def test_summary_delivered_cannot_be_chosen_by_hand(qtbot, window, vault, held):
    open_in_editor(qtbot, window, held.id)
    editor = window.editor
    box = editor.status_box
    item = box.model().item(box.findText("Yhteenveto toimitettu"))
    assert not item.isEnabled()  # (greyed in the box: a person cannot choose it)
    assert "tulosta" in item.toolTip()


def test_the_first_delivery_asks_for_the_profile_once(qtbot, vault, held, script, tmp_path):
    w = make_window(qtbot, vault, tmp_path, profile=ConsultantProfile())
    try:
        page = open_summary(qtbot, w, held.id)
        script.profile_answer = ConsultantProfile(name="Pekka Mäkinen", title="psykologi",
                                                  phone="044 765 4321", email="pekka@example.fi")
        script.save_to = tmp_path / "v1.pdf"
        press_save(qtbot, page)
        (d,) = wait_deliveries(qtbot, vault, held.id, 1, page)
        assert d.actor == f"Pekka Mäkinen ({os_login()})"
        text = text_of(script.save_to.read_bytes())
        assert "Pekka Mäkinen" in text and "044 765 4321" in text
        saved = UserSettings.load(tmp_path / "settings.toml")
        assert saved.profile.name == "Pekka Mäkinen" and saved.profile_asked
    finally:
        close_window(qtbot, w)


def test_the_consultants_journey_every_delivery_is_what_went_out(qtbot, window, vault, script,
                                                                 tmp_path):
    """New request, every page typed, Save as PDF, reopen, addendum, print version 2,
    reopen version 1 and print it: each recorded delivery equals what went out."""
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    editor = window.editor
    cid = editor.c.id

    def type_into(widget, text):
        widget.setFocus()
        qtbot.keyClicks(widget, text)

    type_into(editor.intake.requester_name, "Liisa Korhonen")
    type_into(editor._bindings["question"][0].widget, "Miten tukea koulunkayntia?")
    for number, phase in ((2, "opening"), (3, "situation"), (4, "reflections"), (5, "options"),
                          (6, "plan"), (7, "closing")):
        qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        first = editor.phase_pages[phase].first_input
        if first is not None and hasattr(first, "insertPlainText"):
            type_into(first, f"Kirjoitettu sivulle {phase}")
    editor.save_now()
    qtbot.waitUntil(lambda: "Kirjoitettu sivulle situation" in " ".join(
        vault.repository.get(cid).texts()), timeout=5000)
    # the session was held (status menu: accepted, prepared, held)
    for status in ("accepted", "prepared", "held"):
        choose_status(qtbot, editor, status)
    qtbot.waitUntil(lambda: vault.repository.get(cid).status == "held", timeout=5000)

    qtbot.keyClick(editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.summary
    wait_ready(qtbot, page)
    script.save_to = tmp_path / "v1.pdf"
    press_save(qtbot, page)
    (first,) = wait_deliveries(qtbot, vault, cid, 1, page)
    assert script.save_to.read_bytes() == stored_pdf(vault, first.id)
    assert "Kirjoitettu sivulle situation" in text_of(script.save_to.read_bytes())

    # reopen from the list, write an addendum, print version 2
    qtbot.waitUntil(lambda: not page.busy)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.list)
    page = open_summary(qtbot, window, cid)
    qtbot.waitUntil(lambda: page.addendum.isEnabled())
    type_into(page.addendum, "Palaveri siirtyi viikolla.")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(vault.repository.get(cid).addenda), timeout=5000)
    wait_ready(qtbot, page)
    qtbot.waitUntil(lambda: "2" in page.state.text())
    script.print_to = tmp_path / "v2-printed.pdf"
    press_print(qtbot, page)
    second = wait_deliveries(qtbot, vault, cid, 2, page)[1]
    assert (second.version, second.method) == (2, "print")
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert_same_pages(script.print_to.read_bytes(), stored_pdf(vault, second.id))

    # reopen version 1 from the list of deliveries (keyboard) and print it again
    wait_ready(qtbot, page)
    qtbot.waitUntil(lambda: page.history.count() == 2)
    page.history.setFocus()
    page.history.setCurrentRow(0)
    qtbot.keyClick(page.history, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.showing is not None and page.showing.reprint, timeout=5000)
    assert page.pdf == stored_pdf(vault, first.id)
    script.print_to = tmp_path / "v1-again.pdf"
    wait_ready(qtbot, page)
    press_print(qtbot, page)
    third = wait_deliveries(qtbot, vault, cid, 3, page)[2]
    assert (third.version, third.method, third.sha256) == (1, "print", first.sha256)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert_same_pages(script.print_to.read_bytes(), stored_pdf(vault, first.id))
    assert not script.warnings


def choose_status(qtbot, editor, status):
    """Open the status box with the mouse and pick ``status`` with the keyboard."""
    box = editor.status_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.view().isVisible(), timeout=2000)
    box.view().setCurrentIndex(box.model().index(box.findData(status), 0))
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.c.status == status, timeout=3000)
    # (offscreen, the closed popup leaves no window active: a window manager gives it back)
    box.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box.window(), timeout=2000)


def test_the_preview_follows_the_chosen_language(qtbot, window, held):
    page = open_summary(qtbot, window, held.id)
    finnish = page.pdf
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # suomi → svenska
    qtbot.waitUntil(lambda: page.pdf != finnish and not page.busy, timeout=5000)
    assert "ammanfattning" in text_of(page.pdf)
    assert dt.date.today().year  # (the summary carries today's date)


def test_the_profile_is_edited_in_settings_and_becomes_the_actor(qtbot, window, vault, held,
                                                                 script, tmp_path,
                                                                 monkeypatch):
    from PySide6.QtTest import QTest
    from test_ui_consultation import keys

    from otdesk.ui.settings_dialog import SettingsDialog

    def fill(dialog):
        dialog.profile.name.selectAll()
        keys(qtbot, dialog.profile.name, "Maija Mehiläinen")
        dialog.profile.email.selectAll()
        QTest.keyClicks(dialog.profile.email, "ei-osoite")
        dialog.accept()  # OK: a bad e-mail keeps the dialog open and says so
        assert "ei ole kelvollinen" in dialog.profile.error.text()
        dialog.profile.email.selectAll()
        QTest.keyClicks(dialog.profile.email, "maija@example.fi")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    (settings_action,) = [a for a in window.menuBar().actions()[1].menu().actions()
                          if "Settings" in a.text() or "Asetukset" in a.text()]
    settings_action.trigger()
    assert UserSettings.load(tmp_path / "settings.toml").profile.name == "Maija Mehiläinen"
    page = open_summary(qtbot, window, held.id)
    script.print_to = tmp_path / "p.pdf"
    press_print(qtbot, page)
    (d,) = wait_deliveries(qtbot, vault, held.id, 1, page)
    assert d.actor == f"Maija Mehiläinen ({os_login()})"
    assert "maija@example.fi" in text_of(stored_pdf(vault, d.id))
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)


def test_print_to_file_follows_the_save_rules(qtbot, window, vault, held, script, tmp_path):
    """The print dialog's "print to file" is an unencrypted file too: never into the data
    folder, and with the same warning as Save as PDF."""
    page = open_summary(qtbot, window, held.id)
    before = vault.paths.slots.read_bytes()
    script.print_to = vault.paths.slots
    press_print(qtbot, page)
    assert script.warnings and "tietokansioon" in script.warnings[0]
    script.print_to = tmp_path / "tiedostoon.pdf"
    script.warning_ok = False  # "not encrypted": Cancel
    press_print(qtbot, page)
    qtbot.wait(300)
    assert vault.paths.slots.read_bytes() == before and not script.print_to.exists()
    assert vault.deliveries.of(held.id) == []


def test_closing_during_a_print_still_records_it(qtbot, vault, held, script, tmp_path):
    w = make_window(qtbot, vault, tmp_path)
    page = open_summary(qtbot, w, held.id)
    script.print_to = tmp_path / "p.pdf"
    press_print(qtbot, page)
    qtbot.waitUntil(lambda: page._job is not None, timeout=10000)  # the printer has it
    close_window(qtbot, w)  # Ctrl+Q a moment later (closing waits until it is stored)
    (d,) = vault.deliveries.of(held.id)
    assert d.method == "print" and script.print_to.exists()


def test_status_set_on_the_summary_page_lifts_the_refusal(qtbot, window, vault, script):
    with disk(vault) as repo:
        c = repo.create(Consultation(question="Miten?"))
        for status in ("accepted", "prepared"):
            repo.change_status(c.id, status)
    page = open_summary(qtbot, window, c.id)
    assert "Konsultaatio pidetty" in page.blockers.text()
    choose_status(qtbot, window.editor, "held")
    qtbot.waitUntil(lambda: not page.blockers.isVisible() and not page.busy, timeout=5000)


def test_an_addendum_with_a_henkilotunnus_is_refused(qtbot, window, vault, held, script,
                                                     tmp_path):
    page = open_summary(qtbot, window, held.id)
    script.save_to = tmp_path / "v1.pdf"
    press_save(qtbot, page)
    wait_deliveries(qtbot, vault, held.id, 1, page)
    qtbot.waitUntil(lambda: page.addendum.isEnabled() and not page.busy, timeout=10000)
    page.addendum.setFocus()
    qtbot.keyClicks(page.addendum, "Isan tunnus 131052-308T")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(script.warnings), timeout=5000)
    assert "henkilötunnus" in script.warnings[0]
    assert vault.repository.get(held.id).addenda == []
