"""The keyboard and the screen reader: what a person without a mouse, or without sight,
meets — typed dates, Tab, the list's search box, shortcuts, and values that are read out.

The app is driven by keys (and a click where a sighted person clicks); what a screen
reader hears is read through Qt's accessibility interface (name, description, value)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QWidget

from conftest import close_window, wait_for_editor, wait_for_list
from otdesk.config.policy import load_policy
from otdesk.config.settings import UserSettings
from otdesk.ui.main_window import MainWindow
from test_ui_consultation import _demo_list, keys, saved, type_into, widget

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_window(qtbot, vault, lang: str = "en") -> MainWindow:
    """The main window on ``vault``, shown and active (shortcuts reach it)."""
    w = MainWindow(vault, lang=lang)
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


@pytest.fixture
def window(qtbot, vault):
    return shown_window(qtbot, vault)


def heard(w) -> tuple[str, str]:
    """What a screen reader reads of ``w``: its accessible name and description."""
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def new_consultation(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    wait_for_editor(qtbot, window)
    return window.editor


def test_a_typed_date_is_stored_and_tab_leaves_the_field(qtbot, window, vault):
    editor = new_consultation(qtbot, window)
    field = widget(editor, "Taken into processing on", QLineEdit)
    type_into(qtbot, field, "8.1.2027")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()  # one Tab: out of the field, on to the next
    assert field.text() == "8.1.2027"
    saved(qtbot, window)
    assert vault.repository.get(editor.c.id).intake_date == dt.date(2027, 1, 8)


def test_what_is_not_a_date_is_said_and_the_stored_date_stays(qtbot, window, vault):
    editor = new_consultation(qtbot, window)
    field = widget(editor, "Taken into processing on", QLineEdit)
    type_into(qtbot, field, "08.01.2027")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    saved(qtbot, window)
    field.selectAll()
    type_into(qtbot, field, "31.2.2027")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    name, description = heard(field)
    assert name == "Taken into processing on"
    assert description.startswith("Not a date") and "8.1.2027" in description, description
    assert field.toolTip() == description
    assert window.writer.flush()
    assert vault.repository.get(editor.c.id).intake_date == dt.date(2027, 1, 8)
    # emptied: no date
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not heard(field)[1].startswith("Not a date")
    qtbot.waitUntil(lambda: vault.repository.get(editor.c.id).intake_date is None, timeout=3000)


def test_tab_walks_every_page_without_a_trap(qtbot, window):
    """On each page of the editor, Tab from its first field goes round the window once:
    no field holds it, every stop says what it is, and the page's own fields come before
    the header and the agenda bar do again."""
    editor = new_consultation(qtbot, window)
    for n, page in enumerate(editor.phase_ids):
        qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{n + 1}"), CTRL)
        shown = editor.pages.currentWidget()
        first = getattr(shown, "first_input", None) or next(  # (the summary: its first)
            w for w in shown.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(shown))
        first = first.focusProxy() or first
        first.setFocus()
        qtbot.waitUntil(lambda first=first: QApplication.focusWidget() is first, timeout=2000)
        seen = []
        for _ in range(120):
            w = QApplication.focusWidget()
            seen.append(w)
            qtbot.keyClick(w, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is first:
                break
        names = [heard(w)[0] for w in seen]
        assert QApplication.focusWidget() is first, (page, names)  # round and back
        assert len(set(map(id, seen))) == len(seen), (page, names)  # each stop once
        assert all(names), (page, [type(w).__name__ for w, m in zip(seen, names) if not m])
        on_page = [editor.pages.currentWidget().isAncestorOf(w) for w in seen]
        assert on_page[: on_page.index(False)] == [True] * on_page.index(False), page


def test_a_one_line_field_set_through_accessibility_is_saved(qtbot, window, vault):
    editor = new_consultation(qtbot, window)
    name = widget(editor, "Name", QLineEdit)
    iface = QAccessible.queryAccessibleInterface(name)
    iface.setText(QAccessible.Text.Value, "Sanna Virtanen")  # as Orca's typing does
    assert name.text() == "Sanna Virtanen"
    saved(qtbot, window)
    assert vault.repository.get(editor.c.id).requester.name == "Sanna Virtanen"


def test_live_values_are_heard_with_their_name(qtbot, window):
    editor = new_consultation(qtbot, window)
    keys(qtbot, widget(editor, "Name", QLineEdit), "Sanna")
    saved(qtbot, window)
    assert heard(editor.save_label) == ("Saving", editor.save_label.text())
    assert editor.save_label.text().startswith("Saved ")
    name, description = heard(editor.title)
    assert name == "Consultation" and description.startswith(editor.c.reference)
    # a combo box: heard as its label (its buddy) and the status chosen now
    status = QAccessible.queryAccessibleInterface(editor.status_box)
    assert status.text(QAccessible.Text.Value) == "Requested"
    label = next(w for w in editor.findChildren(QLabel) if w.buddy() is editor.status_box)
    assert label.text().replace("&", "") == "Status:"
    assert heard(editor.due_label)[1].startswith("intake due")
    agenda = editor.agenda
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    assert heard(agenda.start_button)[0] == "Stop session clock"
    assert heard(agenda.clock)[0] == "Session clock"
    assert "by the plan now" in heard(agenda.clock)[1]
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    assert heard(agenda.start_button)[0] == "Start session clock"


def test_each_field_says_its_guiding_questions_and_options_are_told_apart(qtbot, window):
    editor = new_consultation(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    background = widget(editor, "Background")
    assert "In your own words" in heard(background)[1]
    page = editor.phase_ids.index("options")
    qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{page + 1}"), CTRL)
    for n in (1, 2):
        qtbot.mouseClick(widget(editor, "Add an option"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=n: len(chosen_boxes(editor)) == n, timeout=2000)
    assert [b.accessibleName() for b in chosen_boxes(editor)] == \
        ["Options 1: Chosen", "Options 2: Chosen"]


def chosen_boxes(editor) -> list:
    QApplication.processEvents()
    return [b for b in editor.findChildren(QCheckBox) if b.text() == "Chosen" and b.isVisible()]


def test_from_the_search_box_down_goes_into_the_results_and_enter_opens(qtbot, vault):
    window, lst = _demo_list(qtbot, vault, 30)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(lst.search, Qt.Key.Key_Down)
    assert lst.table.hasFocus() and lst.table.currentIndex().row() == 0
    # a reference typed, Enter at once (before the search has answered): it opens
    reference = lst.model.line(3).summary.reference
    cid = lst.model.id_at(3)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    lst.table.clearSelection()
    lst.table.setCurrentIndex(lst.model.index(-1, -1))
    keys(qtbot, lst.search, reference)
    qtbot.keyClick(lst.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.editor
                    and window.editor.c is not None and window.editor.c.id == cid,
                    timeout=5000)
    name, description = heard(lst.count_label)
    assert name == "Number of consultations shown" and description == lst.count_label.text()
    assert description.startswith("1 ")
    close_window(qtbot, window)


def test_settings_open_with_ctrl_comma_and_locked_rows_show_no_ampersand(
        qtbot, window, tmp_path, monkeypatch):
    from otdesk.ui.settings_dialog import SettingsDialog

    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('default_language = "en"\n', encoding="utf-8")
    window.policy = load_policy(policy_file)
    window.settings = UserSettings(language="sv")
    seen = []

    def answer(dialog):
        seen.append(dialog)
        return 0  # Cancel

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    wait_for_list(qtbot, window.list)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert len(seen) == 1
    # the locked row's name is a label with its field as buddy: "&" is a mnemonic, not text
    row = next(label for label in seen[0].findChildren(QLabel)
               if label.text().replace("&", "") == "Language")
    assert row.buddy() is seen[0].language and not seen[0].language.isEnabled()
    action = next(a for a in window.findChildren(QAction) if a.text() == "&Settings…")
    assert QKeySequence("Ctrl+,") in action.shortcuts()


def test_new_option_cards_and_plan_rows_come_in_their_place_in_tab_order(qtbot, window):
    editor = new_consultation(qtbot, window)
    for page, add, first in (("options", "Add an option", "Option 1"),
                             ("plan", "Add a step", "What 1")):
        number = editor.phase_ids.index(page)
        qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{number + 1}"), CTRL)
        qtbot.mouseClick(widget(editor, add), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda first=first: QApplication.focusWidget() is not None
                        and heard(QApplication.focusWidget())[0] == first, timeout=2000)
        walked = []
        for _ in range(20):
            walked.append(heard(QApplication.focusWidget())[0])
            if walked[-1] == add:
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert walked[-1] == add, walked  # the row's fields, then its Add: not the agenda
        assert not any(name.endswith(" min") for name in walked), walked


def test_the_running_clock_does_not_widen_the_window(qtbot, vault, finnish):
    window = shown_window(qtbot, vault, "fi")  # (Finnish: the longest words)
    window.resize(1280, 820)
    editor = new_consultation(qtbot, window)
    qtbot.mouseClick(editor.agenda.start_button, Qt.MouseButton.LeftButton)
    for minutes in (0, 62):  # the first phase, then the longest name (the plan)
        editor.agenda._started -= minutes * 60  # noqa: SLF001 (the clock's start, moved back)
        editor.agenda._tick()  # noqa: SLF001 (what its one-second timer calls)
        QApplication.processEvents()
        # what the agenda bar needs (its clock included) fits the 1280 px window
        assert editor.agenda.minimumSizeHint().width() <= 1200, editor.agenda.clock.text()
        assert window.width() == 1280
    assert "Etenemissuunnitelma" in editor.agenda.clock.text()


def test_the_summary_can_be_read_as_text(qtbot, vault):
    from conftest import open_in_editor
    from otdesk.core.domain import Consultation

    c = Consultation()
    c.requester.organisation = "Kuopion kaupunki"
    c.situation.background = "Vanhemmat erosivat 2024."
    vault.repository.create(c)
    window = shown_window(qtbot, vault)
    open_in_editor(qtbot, window, c.id)
    editor = window.editor
    qtbot.keyClick(editor, Qt.Key.Key_9, CTRL)
    page = editor.summary
    qtbot.waitUntil(lambda: "Vanhemmat erosivat 2024." in page.text_view.toPlainText(),
                    timeout=10000)
    alt_x = (Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Show as te&xt
    qtbot.keyClick(QApplication.focusWidget(), *alt_x)
    qtbot.waitUntil(page.text_view.isVisible, timeout=2000)  # (a mnemonic clicks 100 ms on)
    assert not page.preview.isVisible()
    assert page.text_view.hasFocus()
    assert heard(page.text_view)[0] == "Text of the summary"
    qtbot.keyClick(QApplication.focusWidget(), *alt_x)
    qtbot.waitUntil(page.preview.isVisible, timeout=2000)
    assert not page.text_view.isVisible()


def test_an_overdue_deadline_is_announced_once_when_opened(qtbot, vault, monkeypatch):
    from conftest import open_in_editor
    from otdesk.core.domain import Consultation
    from PySide6 import QtGui

    said = []
    real = QtGui.QAccessible.updateAccessibility

    class Recording:  # QAccessible, with every event it is given seen on the way
        AnnouncementPoliteness = QtGui.QAccessible.AnnouncementPoliteness

        @staticmethod
        def updateAccessibility(event):  # noqa: N802 (Qt API)
            said.append(event.message())
            real(event)

    monkeypatch.setattr(QtGui, "QAccessible", Recording)  # (otdesk.ui.live imports it late)
    c = Consultation()
    c.received_at = dt.datetime.now().astimezone() - dt.timedelta(days=30)
    vault.repository.create(c)
    window = shown_window(qtbot, vault)
    open_in_editor(qtbot, window, c.id)
    qtbot.waitUntil(lambda: any("OVERDUE" in m for m in said), timeout=3000)
    keys(qtbot, widget(window.editor, "Name", QLineEdit), "Sanna")  # the header again
    saved(qtbot, window)
    assert sum("OVERDUE" in m for m in said) == 1, said
