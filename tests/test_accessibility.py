"""The accessibility tree makes sense on its own: every control a screen reader
reaches has a name, and every page can be reached by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox,
                               QLineEdit, QPlainTextEdit, QWidget)

from conftest import close_window, open_in_editor
from otdesk.core.domain import Consultation, Option, PlanStep, ScaleRating, Situation
from otdesk.ui.main_window import MainWindow

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
            QAbstractItemView)


def _reachable_controls(root: QWidget) -> list[QWidget]:
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisibleTo(root):
            continue
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = w.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box is part of it
        found.append(w)
    return found


def _name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def test_every_control_on_every_page_has_an_accessible_name(qtbot, vault):
    c = vault.repository.create(Consultation(
        question="Kysymys", situation=Situation(scale=[ScaleRating("Sosiaalityö", 5)]),
        options=[Option(title="Vaihtoehto")], anonymous=False))
    c.plan.steps.append(PlanStep(action="Soitto"))
    vault.repository.update(c)
    window = MainWindow(vault, lang="fi")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    unnamed = {f"list: {type(w).__name__}" for w in _reachable_controls(window.list)
               if not _name(w).strip()}
    open_in_editor(qtbot, window, c.id)
    editor = window.editor
    for i in range(editor.nav.count()):
        editor.show_page(i)
        qtbot.wait(10)
        page = editor.pages.currentWidget()
        for w in _reachable_controls(page) + _reachable_controls(editor.agenda):
            if not _name(w).strip():
                unnamed.add(f"{editor.phase_ids[i]}: {type(w).__name__} {w.objectName()}")
    assert not unnamed, sorted(unnamed)


def test_pages_are_reached_by_keyboard_alone(qtbot, vault):
    c = vault.repository.create(Consultation(question="Kysymys"))
    window = MainWindow(vault, lang="fi")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    open_in_editor(qtbot, window, c.id)
    editor = window.editor
    for i in range(editor.nav.count()):
        qtbot.wait(5)  # a person's pause between key presses: the focus settles
        qtbot.keyClick(_focused(editor), Qt.Key(Qt.Key.Key_1 + i),
                       Qt.KeyboardModifier.ControlModifier)
        assert editor.nav.currentRow() == i
    for i in range(editor.nav.count() - 1, 0, -1):
        qtbot.wait(5)
        assert editor.pages.currentWidget().isAncestorOf(_focused(editor))
        qtbot.keyClick(_focused(editor), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
        assert editor.nav.currentRow() == i - 1


def _focused(fallback: QWidget) -> QWidget:
    """Where a key press goes: the widget with the keyboard focus."""
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget() or fallback
