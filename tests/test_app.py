"""The desktop app as it stands before the guided-consultation issue: a window over the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt

from otdesk.domain import Consultation, Requester
from otdesk.ui.main_window import MainWindow


def test_main_window_lists_and_searches_the_vault(qtbot, vault, repo):
    repo.create(Consultation(question="Huoltoriita kärjistynyt",
                             requester=Requester(organisation="Kuopion kaupunki")))
    repo.create(Consultation(question="Koulupoissaolot",
                             requester=Requester(organisation="Joensuun kaupunki")))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "OT Desk" in window.windowTitle()
    assert window.table.rowCount() == 2

    qtbot.mouseClick(window.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.search, "huolto")
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=2000)
    assert window.table.item(0, 3).text() == "Kuopion kaupunki"
    assert window.search.accessibleName()

    window.search.clear()
    qtbot.waitUntil(lambda: window.table.rowCount() == 2, timeout=2000)
