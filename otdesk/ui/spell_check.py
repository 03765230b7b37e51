"""The spelling check in the text fields: unknown words underlined, suggestions on the
context menu (right click, the Menu key or Shift+F10), "Add to dictionary".

:class:`SpellCheck` is the app's one check: made when a vault opens (:func:`install`),
its dictionary opened on a thread of its own once the list is painted (:meth:`start`:
Enchant and Voikko never load at start-up, and the UI never waits for them), on or
off as the settings or the organisation's policy say.  Every :class:`CheckedText`
(the text fields of the consultation) underlines with it; the word being typed is
left alone until the cursor leaves it.  What is checked and how is
:mod:`otdesk.core.spelling`; the consultant's own words are stored in the vault
(:mod:`otdesk.storage.personal_words`) through the function the window gives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QSyntaxHighlighter, QTextCharFormat,
                           QTextCursor)
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from shiboken6 import isValid

from otdesk.core import spelling

_current: SpellCheck | None = None


def install(check: SpellCheck | None) -> None:
    """The check the text fields made from now on use (None: none)."""
    global _current
    _current = check


def current() -> SpellCheck | None:
    """The app's check (None: none, or its window is gone)."""
    return _current if _current is not None and isValid(_current) else None


class SpellCheck(QObject):
    # the dictionary arrived, the check was switched, or a word was added
    changed = Signal()
    _opened = Signal(object)  # (from the loading thread)

    def __init__(self, lang: str, enabled: bool,
                 store_word: Callable[[str], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.enabled = enabled
        self.speller: spelling.Speller | None = None
        self._store_word = store_word
        self._loading = False
        self._own: set[str] = set()
        self._opened.connect(self._arrived)

    @property
    def active(self) -> bool:
        return self.enabled and self.speller is not None

    def start(self, own_words: Iterable[str] = ()) -> None:
        """Open the dictionary (once), off the UI thread; ``own_words`` from the vault."""
        self._own.update(own_words)
        if self.speller is not None:
            for word in self._own:
                self.speller.add(word)
            return
        if self._loading or not self.enabled:
            return
        self._loading = True
        own = set(self._own)
        threading.Thread(target=lambda: self._opened.emit(spelling.Speller.open(self.lang, own)),
                         name="otdesk-spelling", daemon=True).start()

    def _arrived(self, speller) -> None:
        self._loading = False
        if speller is None:
            return
        for word in self._own:  # (added while it loaded)
            speller.add(word)
        self.speller = speller
        self.changed.emit()

    def set_enabled(self, enabled: bool) -> None:
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled and self.speller is None:
            self.start()
        self.changed.emit()

    def add(self, word: str) -> None:
        """The consultant's own word: known from now on, and kept in the vault."""
        self._own.add(spelling.normal(word))
        if self.speller is not None:
            self.speller.add(word)
        if self._store_word is not None:
            self._store_word(word)
        self.changed.emit()


class Underliner(QSyntaxHighlighter):
    """Underlines the unknown words of one text field."""

    def __init__(self, edit: QPlainTextEdit, check: SpellCheck) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.check = check
        self.mark = QTextCharFormat()
        self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.mark.setUnderlineColor(QColor("#c0392b"))
        self._spared: int | None = None  # the block whose word being typed was left alone
        check.changed.connect(self.rehighlight)
        edit.cursorPositionChanged.connect(self._moved)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt API)
        if not self.check.active or not text:
            return
        typing_at = self._typing_at()
        for start, length in self.check.speller.unknown(text):
            if typing_at is not None and start <= typing_at <= start + length:
                self._spared = self.currentBlock().blockNumber()
                continue
            self.setFormat(start, length, self.mark)

    def _typing_at(self) -> int | None:
        """Where in this block the person is typing (None: not in this block)."""
        if not self.edit.hasFocus():
            return None
        cursor = self.edit.textCursor()
        if cursor.block() != self.currentBlock() or cursor.hasSelection():
            return None
        return cursor.positionInBlock()

    def _moved(self) -> None:
        """The cursor left the word being typed: check it now."""
        if self._spared is None:
            return
        block = self.document().findBlockByNumber(self._spared)
        cursor = self.edit.textCursor()
        if block.isValid() and cursor.block() == block and self._typing_in(block, cursor):
            return
        self._spared = None
        if block.isValid():
            self.rehighlightBlock(block)

    def _typing_in(self, block, cursor) -> bool:
        at = cursor.positionInBlock()
        return any(start <= at <= start + len(word)
                   for start, word in spelling.words(block.text())
                   if not self.check.speller.known(word))


class CheckedText(QPlainTextEdit):
    """A multi-line text field with the spelling check (when the app has one)."""

    def __init__(self) -> None:
        super().__init__()
        check = current()
        self.underliner = Underliner(self, check) if check is not None else None

    def word_at(self, cursor: QTextCursor) -> QTextCursor | None:
        """The unknown word at ``cursor``, selected (None: no unknown word there)."""
        if self.underliner is None or not self.underliner.check.active:
            return None
        block = cursor.block()
        at = cursor.positionInBlock()
        for start, word in spelling.words(block.text()):
            if start <= at <= start + len(word):
                if self.underliner.check.speller.known(word):
                    return None
                found = QTextCursor(block)
                found.setPosition(block.position() + start)
                found.setPosition(block.position() + start + len(word),
                                  QTextCursor.MoveMode.KeepAnchor)
                return found
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        menu = self.createStandardContextMenu(event.pos())
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        word = self.word_at(self.textCursor() if keyboard else self.cursorForPosition(event.pos()))
        if word is not None:
            self._offer(menu, word, keyboard)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _offer(self, menu: QMenu, word: QTextCursor, keyboard: bool) -> None:
        """The suggestions for ``word`` and "Add to dictionary", above the usual actions."""
        check = self.underliner.check
        text = word.selectedText()
        first = menu.actions()[0] if menu.actions() else None
        offered = []
        suggestions = check.speller.suggest(text)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _=False, s=suggestion: self._replace(word, s))
            offered.append(action)
        if not suggestions:
            none = menu.addAction(QCoreApplication.translate("SpellCheck", "No suggestions"))
            none.setEnabled(False)
            offered.append(none)
        if spelling.addable(text):
            add = menu.addAction(QCoreApplication.translate("SpellCheck",
                                                            "&Add to dictionary"))
            add.triggered.connect(lambda: check.add(text))
            offered.append(add)
        for action in offered:  # (above Undo, Cut, Copy, …)
            menu.removeAction(action)
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        if suggestions and keyboard:  # (Enter takes the best; never a mouse's release,
            menu.setActiveAction(offered[0])  # which a menu opened under it would take)

    def _replace(self, word: QTextCursor, suggestion: str) -> None:
        word.insertText(suggestion)  # (one undo step; an edit like any typed)
        self.setTextCursor(word)
