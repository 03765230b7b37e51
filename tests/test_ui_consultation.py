"""A whole consultation driven as a consultant would: keyboard, mouse, shortcuts.

Then the database is read directly, and the app is started again on the same
vault to show the same content.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QCheckBox, QMessageBox, QPushButton, QRadioButton,
                               QWidget)

from conftest import PASSPHRASE, close_window, open_in_editor, wait_for_editor, wait_for_list
from otdesk.core import dates
from otdesk.storage.vault import open_vault
from otdesk.ui.main_window import MainWindow


#: where a person clicks a check box or radio button: on its box, at the left
LEFT = QPoint(6, 6)


def widget(root: QWidget, name: str, kind=QWidget) -> QWidget:
    """The widget whose accessible name is ``name``: the one, or the one on screen."""
    QApplication.processEvents()  # as between a person's actions: layouts settle
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    if len(found) > 1:
        found = [w for w in found if w.isVisible()]
    assert len(found) == 1, (name, [w.accessibleName() for w in found])
    return found[0]


def type_into(qtbot, w: QWidget, text: str) -> None:
    w.setFocus()
    keys(qtbot, w, text)


def keys(qtbot, w: QWidget, text: str) -> None:
    """Type ``text`` key by key; letters outside ASCII (ä, ö, å) arrive as a keyboard
    layout delivers them: a key event carrying the character (QTest's own typing
    asserts on them)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(w, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(w, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                    Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def window(qtbot, vault):
    w = MainWindow(vault, lang="en")
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    w.show()
    qtbot.waitExposed(w)
    yield w


def saved(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.editor.save_label.text().startswith("Saved "), timeout=3000)
    assert window.writer.flush()


def test_a_whole_consultation_from_phone_call_to_close_out(qtbot, window, vault, data_dir,
                                                           monkeypatch):
    repo = vault.repository
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    editor = window.editor
    cid = editor.c.id

    # the phone call: who, where from, what
    type_into(qtbot, widget(editor, "Name"), "Sanna Virtanen")
    type_into(qtbot, widget(editor, "Organisation"), "Kuopion kaupunki, lastensuojelu")
    type_into(qtbot, widget(editor, "E-mail"), "sanna@kunta.example")
    type_into(qtbot, widget(editor, "The consultation question"),
              "Miten tukea lasta, joka ei käy koulua huoltoriidan keskellä?")
    qtbot.mouseClick(widget(editor, "High-conflict separation or custody dispute (incl. stalking, alienation)",
                            QCheckBox), Qt.MouseButton.LeftButton, pos=LEFT)
    sector = widget(editor, "Sector")
    sector.setFocus()
    qtbot.keyClicks(sector, "Social")  # type-ahead in the combo box
    consultants = widget(editor, "Consultants")
    type_into(qtbot, consultants, "Maija Korhonen, Olli Ojala")
    saved(qtbot, window)

    stored = repo.get(cid)
    assert stored.requester.name == "Sanna Virtanen"
    assert stored.requester.organisation == "Kuopion kaupunki, lastensuojelu"
    assert stored.question.startswith("Miten tukea lasta")
    assert stored.categories == ["high_conflict_separation"]
    assert stored.consultants == ["Maija Korhonen", "Olli Ojala"]
    assert stored.anonymous is True
    # the experts covering the chosen category are suggested first
    suggested = [b.text() for b in editor.intake.experts.boxes.values()]
    assert suggested and "(suggested)" in suggested[0]

    # accept the request: the intake date is recorded
    _choose_status(qtbot, editor, "Accepted")
    saved(qtbot, window)
    assert repo.get(cid).status == "accepted"
    assert repo.get(cid).intake_date == dates.today()

    # the session: Ctrl+2 opening, worry at the start
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.phase_ids[editor.nav.currentRow()] == "opening"
    qtbot.mouseClick(widget(editor, "3 Considerable worry (grey zone)", QRadioButton),
                     Qt.MouseButton.LeftButton, pos=LEFT)
    # Ctrl+3 situation
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    background = widget(editor, "Background")
    assert background.hasFocus()
    keys(qtbot, background, "Virhe")
    qtbot.keyClick(background, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert background.toPlainText() == ""
    keys(qtbot, background, "Vanhemmat erosivat 2024.")
    type_into(qtbot, widget(editor, "What is going well"), "Hyvä suhde isoäitiin.")
    qtbot.mouseClick(widget(editor, "Add a rating", QPushButton), Qt.MouseButton.LeftButton)
    type_into(qtbot, widget(editor, "Who rates 1"), "Sosiaalityöntekijä")
    rating = widget(editor, "Rating (0–10) 1")
    rating.setFocus()
    rating.selectAll()
    qtbot.keyClicks(rating, "4")
    # Ctrl+PgDown to reflections, then options
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.phase_ids[editor.nav.currentRow()] == "reflections"
    type_into(qtbot, widget(editor, "Hypotheses"), "Voisiko olla niin, että lapsi suojaa äitiä?")
    qtbot.keyClick(editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(widget(editor, "Add an option", QPushButton), Qt.MouseButton.LeftButton)
    type_into(qtbot, widget(editor, "Option 1"), "Verkostopalaveri koululla")
    type_into(qtbot, widget(editor, "Risks 1"), "Isä ei osallistu")
    qtbot.mouseClick(widget(editor, "Options 1: Chosen", QCheckBox), Qt.MouseButton.LeftButton,
                     pos=LEFT)
    # plan
    qtbot.keyClick(editor, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(widget(editor, "Add a step", QPushButton), Qt.MouseButton.LeftButton)
    type_into(qtbot, widget(editor, "What 1"), "Kutsu verkostopalaveri koolle")
    type_into(qtbot, widget(editor, "Who 1"), "Sanna Virtanen")
    # closing: worry at the end
    qtbot.keyClick(editor, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(widget(editor, "2 Small worry", QRadioButton), Qt.MouseButton.LeftButton,
                     pos=LEFT)
    # close-out
    qtbot.keyClick(editor, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    mode = widget(editor, "Mode")
    mode.setFocus()
    qtbot.keyClicks(mode, "Video")
    score = widget(editor, "Feedback score from 1 to 5")
    score.setFocus()
    score.selectAll()
    qtbot.keyClicks(score, "5")
    saved(qtbot, window)

    c = repo.get(cid)
    assert c.worry_start == 3 and c.worry_end == 2
    assert c.situation.background == "Vanhemmat erosivat 2024."
    assert c.situation.going_well == "Hyvä suhde isoäitiin."
    assert [(r.participant, r.value) for r in c.situation.scale] == [("Sosiaalityöntekijä", 4)]
    assert c.reflections.hypotheses.startswith("Voisiko olla niin")
    assert [(o.title, o.risks, o.chosen) for o in c.options] == \
        [("Verkostopalaveri koululla", "Isä ei osallistu", True)]
    assert [(s.action, s.responsible) for s in c.plan.steps] == \
        [("Kutsu verkostopalaveri koolle", "Sanna Virtanen")]
    assert c.session.mode == "video" and c.feedback.score == 5

    # an invalid step is refused with the reason shown, and nothing changes
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert editor.change_status("closed") is False
    assert shown and "cannot change" in shown[0]
    assert repo.get(cid).status == "accepted"

    # back to the list (Esc): the new consultation is there, with its deadline
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.list
    qtbot.waitUntil(lambda: window.list.model.row_of(cid) is not None)
    wait_for_list(qtbot, window.list)
    line = window.list.model.line(window.list.model.row_of(cid))
    assert line.summary.organisation == "Kuopion kaupunki, lastensuojelu"
    assert line.due is not None and line.due.what == "preparation"

    # the app started again on the same vault shows the same content
    close_window(qtbot, window)
    vault.close()
    again_vault = open_vault(data_dir, passphrase=PASSPHRASE)
    try:
        again = MainWindow(again_vault, lang="en")
        qtbot.addWidget(again, before_close_func=lambda w: w._closed or close_window(qtbot, w))
        with qtbot.waitActive(again):
            again.show()
            again.activateWindow()
        open_in_editor(qtbot, again, cid)
        assert widget(again.editor, "Name").text() == "Sanna Virtanen"
        # each page shows what was stored when it is shown (Ctrl+3 situation, Ctrl+5 options)
        qtbot.keyClick(again.editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert widget(again.editor, "Background").toPlainText() == "Vanhemmat erosivat 2024."
        qtbot.keyClick(again.editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        assert widget(again.editor, "Option 1").text() == "Verkostopalaveri koululla"
        close_window(qtbot, again)
    finally:
        again_vault.close()


def test_autosave_reaches_the_disk_within_a_second(qtbot, window, vault):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    cid = window.editor.c.id
    type_into(qtbot, widget(window.editor, "The consultation question"), "Kiireellinen")
    qtbot.waitUntil(lambda: vault.repository.get(cid).question == "Kiireellinen", timeout=1000)


def test_an_untouched_new_consultation_is_not_left_behind(qtbot, window, vault):
    before = vault.repository.count()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    assert vault.repository.count() == before + 1
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: vault.repository.count() == before)
    wait_for_list(qtbot, window.list, before)


def test_a_very_long_situation_text_is_kept_whole(qtbot, window, vault):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    editor = window.editor
    cid = editor.c.id
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    background = widget(editor, "Background")
    long_text = ("Tapahtumat kuukausittain: " + "äiti soitti, isä ei vastannut. " * 3300)[:100_000]
    background.insertPlainText(long_text)  # as a paste
    keys(qtbot, background, " Loppu.")
    saved(qtbot, window)
    assert vault.repository.get(cid).situation.background == long_text + " Loppu."


def test_identified_needs_consent_and_going_back_to_anonymous_clears_details(
        qtbot, window, vault, monkeypatch):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    editor = window.editor
    cid = editor.c.id
    qtbot.mouseClick(widget(editor, "Identified, with the client's consent", QRadioButton),
                     Qt.MouseButton.LeftButton, pos=LEFT)
    assert "consent" in editor.problems_label.text()
    type_into(qtbot, widget(editor, "Client (identifying details)"), "Poika 12 v.")
    type_into(qtbot, widget(editor, "Consent given by"), "Äiti")
    saved(qtbot, window)
    assert vault.repository.get(cid).client_description == "Poika 12 v."
    assert not editor.problems_label.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(widget(editor, "Anonymous (no data identifying the client)",
                            QRadioButton), Qt.MouseButton.LeftButton, pos=LEFT)
    saved(qtbot, window)
    stored = vault.repository.get(cid)
    assert stored.anonymous and stored.client_description == ""


def _demo_list(qtbot, vault, count: int):
    """A main window (English) on ``count`` demo consultations, its list read."""
    from otdesk.demo import insert_demo

    insert_demo(vault, count, seed=5, deliveries=False)  # the list only: the fast path
    # one request surely late and one surely in time, whatever the day and the hour (the
    # demo's dates move with the clock: at some hours none of its open requests is late)
    from otdesk.core import dates
    from otdesk.core.domain import Consultation

    for days in (7, 0):
        vault.repository.create(Consultation(received_at=dates.now() - dt.timedelta(days=days)))
    count += 2
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    lst = window.list
    wait_for_list(qtbot, lst, count)
    return window, lst


def test_list_search_filter_and_overdue_marking(qtbot, vault):
    window, lst = _demo_list(qtbot, vault, 200)
    total = lst.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert lst.search.hasFocus()
    qtbot.keyClicks(lst.search, "huoltoriita")
    qtbot.waitUntil(lambda: 0 < lst.model.rowCount() < total, timeout=2000)
    wait_for_list(qtbot, lst)
    ids = vault.repository.search_ids("huoltoriita")
    assert {lst.model.id_at(i) for i in range(lst.model.rowCount())} == ids
    lst.search.clear()
    wait_for_list(qtbot, lst, total)
    lst.status_filter.setCurrentIndex(lst.status_filter.findData("requested"))
    qtbot.waitUntil(lambda: lst.model.rowCount() < total, timeout=2000)
    wait_for_list(qtbot, lst)
    for i in range(lst.model.rowCount()):  # as scrolling down draws them
        lst.table.scrollTo(lst.model.index(i, 0))
        qtbot.waitUntil(lambda i=i: lst.model.line(i) is not None, timeout=2000)
    shown = [lst.model.line(i) for i in range(lst.model.rowCount())]
    assert shown and all(r.summary.status == "requested" for r in shown)
    assert len(shown) == sum(1 for s in vault.repository.list() if s.status == "requested")
    overdue = [r for r in shown if r.overdue]
    for r in overdue:  # said in words, not by colour alone
        text = lst.model.data(lst.model.index(shown.index(r), 4))
        assert text.startswith("OVERDUE")
    assert str(len(overdue)) + " overdue" in lst.count_label.text()
    close_window(qtbot, window)


def _cell_image(table, row: int, column: int):
    rect = table.visualRect(table.model().index(row, column))
    return table.viewport().grab(rect).toImage()


def _has(image, wanted) -> bool:
    return any(wanted(image.pixelColor(x, y)) for x in range(image.width())
               for y in range(image.height()))


def test_the_list_draws_its_lines_as_the_model_gives_them(qtbot, vault):
    """Each cell: its text in ink, the warning icon before an overdue date (the line's
    words say OVERDUE too), the chosen line in the highlight colour."""
    window, lst = _demo_list(qtbot, vault, 120)
    model, table = lst.model, lst.table
    due = model.COLUMNS.index("due")
    shown = range(table.rowAt(table.viewport().height() - 1) + 1)
    qtbot.waitUntil(lambda: all(model.line(r) is not None for r in shown), timeout=3000)
    late = [r for r in shown if model.line(r).overdue]
    in_time = [r for r in shown if model.line(r).due is not None and not model.line(r).overdue]
    assert late and in_time, "the demo's first screen has both"

    def warning_yellow(c):
        return c.red() > 180 and c.green() > 120 and c.blue() < 90

    def ink(c):
        return c.lightness() < 110

    assert _has(_cell_image(table, late[0], due), warning_yellow)
    assert not _has(_cell_image(table, in_time[0], due), warning_yellow)
    for r in shown:
        for c in range(model.columnCount()):
            assert _has(_cell_image(table, r, c), ink) == bool(model.cell(r, c)[0]), (r, c)
    # the keyboard chooses a line: it is drawn in the highlight colour, its text too
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = table.currentIndex().row()
    highlight = table.palette().color(table.palette().ColorRole.Highlight)
    assert _has(_cell_image(table, chosen, 0), lambda c: c == highlight)
    assert not _has(_cell_image(table, chosen + 1, 0), lambda c: c == highlight)
    # a larger font: the texts are laid out anew, not drawn in the old font's places
    painter = table.itemDelegate()
    assert painter._texts
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    table.setFont(font)
    assert not painter._texts
    close_window(qtbot, window)


def test_the_lines_painted_in_one_call_are_the_pixels_qt_paints(qtbot, vault):
    """The list paints its lines itself (CellPainter.paint_rows, once per paint, not once
    per cell, from the first paint on): the same pixels as Qt's own QTableView paint —
    the alternate lines, the overdue icon and bold text, the chosen line with its focus
    frame, the grid — at the top of the list and scrolled to a part line."""
    window, lst = _demo_list(qtbot, vault, 120)
    model, table = lst.model, lst.table
    painter = table.itemDelegate()
    calls, qt_paints = [], []
    paint_rows = painter.paint_rows
    # (qt_paints: paint_rows declines, as it does for what it does not draw: Qt paints)
    painter.paint_rows = lambda *args: False if qt_paints else (
        calls.append(args[2]) or paint_rows(*args))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    shown = range(table.rowAt(table.viewport().height() - 1) + 1)
    qtbot.waitUntil(lambda: all(model.line(r) is not None for r in shown), timeout=3000)
    assert any(model.line(r).overdue for r in shown), "the demo's first screen has one"

    def both():
        calls.clear()
        ours = table.viewport().grab().toImage()
        assert calls, "the lines were painted in one call"
        qt_paints.append(True)
        try:
            theirs = table.viewport().grab().toImage()
        finally:
            qt_paints.clear()
        return ours, theirs

    ours, theirs = both()
    assert ours == theirs
    table.verticalScrollBar().setValue(table.verticalScrollBar().value() + 7)  # seven lines down
    qtbot.waitUntil(lambda: model.line(table.rowAt(table.viewport().height() - 1)) is not None,
                    timeout=3000)
    ours, theirs = both()
    assert ours == theirs
    # a new answer's first screen is laid out when it comes, and only painted after
    laid_in_paint, inside = [], []
    laid_out = painter._laid_out

    def spying(text, *args):
        if inside and (text, args[0], args[1]) not in painter._texts:
            laid_in_paint.append(text)
        return laid_out(text, *args)

    def painting(*args):
        inside.append(True)
        try:
            return paint_rows(*args)
        finally:
            inside.pop()
            calls.append(args[2])

    show_listing = model.show_listing

    def shown_anew(answer):  # (what was painted before this answer does not count)
        show_listing(answer)
        painter._texts.clear()
        laid_in_paint.clear()
        calls.clear()

    painter._laid_out, painter.paint_rows = spying, painting
    model.show_listing = shown_anew
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(lst.search, "huolto")
    qtbot.waitUntil(lambda: model.shown_query is not None
                    and model.shown_query.search == "huolto" and bool(calls), timeout=5000)
    assert painter._texts and not laid_in_paint
    close_window(qtbot, window)


def test_the_request_pages_boxes_are_framed_as_fusion_frames_them(qtbot, window):
    """The request page's group boxes (ui/group_box.py: the frame's middle filled, not a
    pixmap stretched over it) are the pixels of Fusion's own group boxes."""
    from PySide6.QtWidgets import QGroupBox

    from otdesk.ui.group_box import _FusionFrames

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()  # (a focus frame is no part of the comparison)
    boxes = [b for b in window.editor.findChildren(QGroupBox) if b.isVisible()]
    assert len(boxes) >= 2 and all(isinstance(b.style(), _FusionFrames) for b in boxes)
    ours = [b.grab().toImage() for b in boxes]
    for b in boxes:
        b.setStyle(None)  # the application's style: Fusion itself
    assert not any(isinstance(b.style(), _FusionFrames) for b in boxes)
    assert [b.grab().toImage() for b in boxes] == ours
    close_window(qtbot, window)


def _choose_status(qtbot, editor, label: str) -> None:
    """Open the status box with the mouse and pick ``label`` with the keyboard."""
    box = editor.status_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.view().isVisible(), timeout=2000)
    row = box.findText(label)
    assert row >= 0 and box.model().item(row).isEnabled(), label
    box.view().setCurrentIndex(box.model().index(row, 0))
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.currentText() == label, timeout=2000)
    # (offscreen, the closed popup leaves no window active: a window manager gives it back)
    box.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box.window(), timeout=2000)


def test_the_expert_directory_is_edited_in_the_app_and_feeds_suggestions(qtbot, window,
                                                                          vault):
    from PySide6.QtCore import QTimer

    from otdesk.ui.experts_dialog import ExpertForm, ExpertsDialog

    dialog = ExpertsDialog(window.runner, "en", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 0)
    before = dialog.list.count()
    assert before > 5  # the default directory from the seeds

    def fill():
        form = QApplication.activeModalWidget()
        if not isinstance(form, ExpertForm):
            QTimer.singleShot(20, fill)
            return
        type_into(qtbot, form.name, "Harvinaisten sairauksien osaamiskeskus")
        type_into(qtbot, form.description, "Konsultoi harvinaisissa sairauksissa.")
        qtbot.mouseClick(form.categories.boxes["rare_disease"], Qt.MouseButton.LeftButton,
                         pos=LEFT)
        form.accept()

    QTimer.singleShot(20, fill)
    dialog.add()
    qtbot.waitUntil(lambda: dialog.list.count() == before + 1)
    from otdesk.storage.experts import ExpertDirectory
    names = [e.name for e in ExpertDirectory(vault.conn, read_only=True).suggest(
        ["rare_disease"])]
    assert "Harvinaisten sairauksien osaamiskeskus" in names
    dialog.close()

    qtbot.mouseClick(window.list.new_button, Qt.MouseButton.LeftButton)
    wait_for_editor(qtbot, window)
    editor = window.editor
    qtbot.mouseClick(widget(editor, "Rare disease", QCheckBox), Qt.MouseButton.LeftButton,
                     pos=LEFT)
    QApplication.processEvents()  # the list of experts is rebuilt for the new category
    boxes = editor.intake.experts.boxes
    first = next(iter(boxes))
    assert "(suggested)" in boxes[first].text()
    assert any(name == "Harvinaisten sairauksien osaamiskeskus" for name in boxes)
    qtbot.mouseClick(boxes["Harvinaisten sairauksien osaamiskeskus"], Qt.MouseButton.LeftButton,
                     pos=LEFT)
    saved(qtbot, window)
    assert vault.repository.get(editor.c.id).experts == ["Harvinaisten sairauksien osaamiskeskus"]
