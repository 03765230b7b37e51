"""The keyboard and the screen reader: what a person without a mouse, or without sight,
meets — typed dates, Tab, the list's search box, shortcuts, and values that are read out.

The app is driven by keys (and a click where a sighted person clicks); what a screen
reader hears is read through Qt's accessibility interface (name, description, value)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit

from conftest import close_window, wait_for_editor, wait_for_list
from otdesk.config.policy import load_policy
from otdesk.config.settings import UserSettings
from otdesk.ui.main_window import MainWindow
from test_ui_consultation import _demo_list, keys, saved, type_into, widget

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, vault):
    w = MainWindow(vault, lang="en")
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    yield w


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


def test_tab_walks_the_request_page_without_a_trap(qtbot, window):
    editor = new_consultation(qtbot, window)
    start = widget(editor, "Name", QLineEdit)
    start.setFocus()
    seen = []
    for _ in range(80):
        w = QApplication.focusWidget()
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            break
    names = [heard(w)[0] for w in seen]
    assert QApplication.focusWidget() is start, names  # round the window and back
    assert len(set(map(id, seen))) == len(seen), names  # each stop once: no field holds Tab
    assert "Taken into processing on" in names and "Received" in names
    assert all(names), [type(w).__name__ for w, n in zip(seen, names) if not n]


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
    assert heard(editor.status_button) == ("Status", "Status: Requested")
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
