"""The spelling check: unknown words underlined in the text fields, suggestions and
"Add to dictionary" on the real context menu, the consultant's own words in the vault
(never in Enchant's word list), off by the settings or by the organisation's policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from conftest import PASSPHRASE, close_window, database_at_schema, open_in_editor, require
from otdesk.config.policy import load_policy
from otdesk.core import spelling
from otdesk.core.domain import Consultation
from otdesk.storage import personal_words
from otdesk.storage.vault import open_vault
from otdesk.ui.main_window import MainWindow
from test_ui_consultation import keys, widget


def _speller(lang: str = "fi", own=()) -> spelling.Speller:
    speller = spelling.Speller.open(lang, own)
    require(speller is not None, f"no Enchant dictionary for {lang} (libenchant-2-voikko, "
            "hunspell-sv, hunspell-en-us, pyenchant)")
    return speller


# -- what is checked -----------------------------------------------------------------------

def test_references_addresses_numbers_and_abbreviations_are_not_words_to_check():
    text = "Soitto OT-2026-0042 klo 14.30, sanna@kunta.example, www.thl.fi, THL ja a-klinikka."
    assert [w for _, w in spelling.words(text)] == ["Soitto", "klo", "ja", "a-klinikka"]


def test_finnish_inflected_and_compound_words_are_known_a_misspelling_is_not():
    fi = _speller("fi")
    for word in ("huoltoriidassa", "lastensuojeluilmoitus", "tapaamisen", "Virtanen",
                 "OT-keskuksen"):  # (a hyphenated word: each part is known)
        assert fi.known(word), word
    text = "Vanhemmat ovat huoltorriidassa."
    [(start, length)] = list(fi.unknown(text))
    assert text[start:start + length] == "huoltorriidassa"
    assert fi.suggest("huoltorriidassa")[0] == "huoltoriidassa"


def test_swedish_and_english_have_their_dictionaries():
    sv = _speller("sv")
    assert sv.known("vårdnadstvisten") and not sv.known("vårdnadstvissten")
    assert "vårdnadstvisten" in sv.suggest("vårdnadstvissten")
    en = _speller("en")
    assert en.known("custody") and "custody" in en.suggest("custdy")


def test_the_consultants_own_words_are_known_in_any_case():
    fi = _speller("fi", own=["pöllökkä"])
    assert fi.known("Pöllökkä") and fi.suggest("Pöllökkä") == []
    assert not fi.known("Pöllökkäinen")
    fi.add("Pöllökkäinen")
    assert fi.known("pöllökkäinen")


# -- the vault's dictionary ----------------------------------------------------------------

def test_a_word_added_is_in_the_vault_once_and_audited_without_the_word(vault, repo):
    assert personal_words.add(repo, "Pöllökkä") == "pöllökkä"
    personal_words.add(repo, "PÖLLÖKKÄ")
    assert personal_words.words(vault.conn) == ["pöllökkä"]
    added = [e for e in repo.audit_entries() if e.action == "dictionary.word_added"]
    assert len(added) == 1 and "llökk" not in repr(added)
    for bad in ("", "x", "kaksi sanaa", "OT-2026-0042", "a" * 65):
        with pytest.raises(Exception) as refused:
            personal_words.add(repo, bad)
        assert getattr(refused.value, "key", "") == "error.word_not_addable"
    assert personal_words.words(vault.conn) == ["pöllökkä"]


def test_a_vault_made_before_the_dictionary_opens_with_an_empty_one(vault, data_dir,
                                                                     no_keyring):
    key = vault.data_key
    vault.close()
    conn = database_at_schema(data_dir, key, 6)
    conn.close()
    again = open_vault(data_dir, passphrase=PASSPHRASE, backend=no_keyring)
    try:
        assert personal_words.words(again.conn) == []
        personal_words.add(again.repository, "Pöllökkä")
        assert personal_words.words(again.conn) == ["pöllökkä"]
    finally:
        again.close()


# -- in the window -------------------------------------------------------------------------

@pytest.fixture
def enchant_home(tmp_path, monkeypatch):
    """Enchant's own config folder, to show that nothing is ever written there."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("ENCHANT_CONFIG_DIR", str(home / "enchant"))
    return home


def _window(qtbot, vault, policy=None, settings=None):
    from otdesk.config.settings import UserSettings

    cid = vault.repository.create(Consultation()).id  # (before the worker writes)
    w = MainWindow(vault, lang="fi", policy=policy,
                   settings=settings or UserSettings(language="fi"))
    w.cid = cid
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    w.show()
    qtbot.waitExposed(w)
    return w


def _question(qtbot, window, vault):
    cid = window.cid
    open_in_editor(qtbot, window, cid)
    field = widget(window.editor, "Konsultaatiokysymys")
    field.setFocus()
    return cid, field


def _marked(field) -> list[str]:
    """The words of the field drawn with the spelling underline."""
    out = []
    block = field.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == r.format.UnderlineStyle.SpellCheckUnderline:
                out.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return out


def _right_click(qtbot, field, word: str, choose) -> list[str]:
    """Right-click ``word`` in ``field`` as a person does; ``choose(menu)`` acts on the
    menu that opens.  Returns the menu's items."""
    at = field.toPlainText().index(word) + 2
    cursor = QTextCursor(field.document())
    cursor.setPosition(at)
    point = field.cursorRect(cursor).center()
    seen: list[str] = []

    def poll():
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible():
            seen.extend(a.text() for a in menu.actions())
            choose(menu)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)
    # (through the window, as the platform delivers a click: Qt makes the context menu's
    # event from it; QTest's click on the widget itself never opens one)
    window = field.window()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, field.viewport().mapTo(window, point))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None and bool(seen), timeout=5000)
    return seen


def _click(qtbot, menu: QMenu, text: str) -> None:
    [action] = [a for a in menu.actions() if a.text() == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_a_misspelt_word_is_underlined_and_its_suggestion_chosen_from_the_menu(
        qtbot, vault, enchant_home, finnish):
    _speller("fi")
    window = _window(qtbot, vault)
    cid, field = _question(qtbot, window, vault)
    keys(qtbot, field, "Vanhemmat ovat huoltorriidassa")
    qtbot.wait(300)
    assert _marked(field) == []  # (the word being typed is left alone)
    keys(qtbot, field, " lasten asioista.")
    qtbot.waitUntil(lambda: _marked(field) == ["huoltorriidassa"], timeout=10000)

    def best(menu):
        # (opened by the mouse nothing is chosen yet: the button's release must not choose)
        assert menu.activeAction() is None
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    items = _right_click(qtbot, field, "huoltorriidassa", best)
    assert items[0] == "huoltoriidassa" and "&Lisää sanastoon" in items
    assert field.toPlainText() == "Vanhemmat ovat huoltoriidassa lasten asioista."
    qtbot.waitUntil(lambda: _marked(field) == [], timeout=5000)
    qtbot.waitUntil(lambda: vault.repository.get(cid).question == field.toPlainText(),
                    timeout=5000)  # (stored as typing is)
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert "huoltorriidassa" in field.toPlainText()


def test_add_to_dictionary_keeps_the_word_in_the_vault_and_nowhere_else(
        qtbot, vault, enchant_home, finnish):
    _speller("fi")
    window = _window(qtbot, vault)
    cid, field = _question(qtbot, window, vault)
    keys(qtbot, field, "Tapaaminen Pöllökkä-kodissa sovittiin. ")
    qtbot.waitUntil(lambda: _marked(field) == ["Pöllökkä-kodissa"], timeout=10000)
    _right_click(qtbot, field, "Pöllökkä", lambda menu: _click(qtbot, menu, "&Lisää sanastoon"))
    qtbot.waitUntil(lambda: _marked(field) == [], timeout=5000)
    window.writer.flush()
    assert personal_words.words(vault.conn) == ["pöllökkä-kodissa"]
    # Enchant keeps a personal word list per language (an empty one appears when a
    # dictionary opens); the word is in none of them
    lists = [p for folder in (enchant_home, Path.home() / ".config" / "enchant")
             for p in folder.rglob("*") if p.is_file()]
    assert not [p for p in lists if "llökk" in p.read_text("utf-8", "replace").casefold()]


def _settings(qtbot, window, monkeypatch, act) -> None:
    """Open the settings with Ctrl+, as a person does; ``act(dialog)`` answers it."""
    from otdesk.ui.settings_dialog import SettingsDialog

    seen = []

    def answer(dialog):
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1


def test_the_consultant_switches_it_off_in_the_settings(qtbot, vault, enchant_home, finnish,
                                                         tmp_path, monkeypatch):
    _speller("fi")
    from PySide6.QtWidgets import QDialogButtonBox

    window = _window(qtbot, vault)
    window.settings_file = tmp_path / "settings.toml"
    _, field = _question(qtbot, window, vault)
    keys(qtbot, field, "Vanhemat riitelevät. ")
    qtbot.waitUntil(lambda: _marked(field) == ["Vanhemat"], timeout=10000)

    def untick(dialog):
        box = dialog.spell_check
        assert box.isEnabled() and box.isChecked()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    _settings(qtbot, window, monkeypatch, untick)
    assert not window.settings.spell_check
    qtbot.waitUntil(lambda: _marked(field) == [], timeout=5000)
    assert "spell_check = false" in window.settings_file.read_text("utf-8")


def test_the_organisations_policy_switches_it_off_and_locks_it(qtbot, vault, enchant_home,
                                                                tmp_path, monkeypatch):
    _speller("fi")
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text("spell_check = false\n", "utf-8")
    window = _window(qtbot, vault, policy=load_policy(policy_file))
    _, field = _question(qtbot, window, vault)
    keys(qtbot, field, "Vanhemat riitelevät. ")
    qtbot.wait(1500)
    assert _marked(field) == [] and window.spelling.speller is None
    shown = []
    _settings(qtbot, window, monkeypatch, lambda dialog: (shown.append(
        (dialog.spell_check.isEnabled(), dialog.spell_check.isChecked(),
         "spell_check" in dialog.lock_labels)), dialog.reject()))
    assert shown == [(False, False, True)]
