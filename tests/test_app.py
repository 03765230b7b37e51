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


def test_the_window_speaks_finnish_by_default_and_swedish_on_request(qtbot, qapp, vault):
    from otdesk.ui.i18n import install_translators

    for lang, placeholder, header in [("fi", "Hae kaikesta tekstistä…", "Tunnus"),
                                      ("sv", "Sök i all text…", "Referens")]:
        translators = install_translators(qapp, lang)
        try:
            window = MainWindow(vault, lang=lang)
            qtbot.addWidget(window)
            assert window.search.placeholderText() == placeholder
            assert window.table.horizontalHeaderItem(0).text() == header
        finally:
            for t in translators:
                qapp.removeTranslator(t)


def test_every_translation_is_finished():
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "resources" / "translations"
    for lang in ("fi", "sv", "en"):
        tree = ET.parse(root / f"otdesk_{lang}.ts")
        messages = list(tree.iter("message"))
        assert messages
        for msg in messages:
            tr = msg.find("translation")
            assert tr.get("type") not in ("unfinished", "obsolete"), msg.find("source").text
            assert (tr.text or "").strip() or list(tr), msg.find("source").text
