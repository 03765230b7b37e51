"""Values that change on screen, told to a screen reader too.

A label's accessible name replaces its text for a screen reader, so a label named
"Tallennus" was heard as "Tallennus", never as what it showed ("Tallennettu klo 14.05").
A :class:`LiveLabel` keeps its name (what it is) and carries what it shows now as its
accessible description, which a screen reader reads after the name; :meth:`announce`
tells a change that matters at once, politely (after what is being read), through
``QAccessibleAnnouncementEvent``.
"""

from __future__ import annotations

from PySide6.QtGui import Qt, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Tell a screen reader ``text`` about ``widget`` now: politely (after what it is
    reading) or, for a mistake just made, assertively."""
    # (imported here: QAccessible's nine enums cost ~3 ms of every start otherwise)
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def plain(text: str) -> str:
    """What a label shows, without its markup."""
    if Qt.mightBeRichText(text):  # (QtGui's Qt namespace has it; QtCore's has not)
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


class LiveLabel(QLabel):
    """A label whose accessible name says what it is and whose description what it
    shows now."""

    def __init__(self, name: str = "", parent=None) -> None:
        super().__init__(parent)
        if name:
            self.setAccessibleName(name)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self.setAccessibleDescription(plain(text))

    def announce(self, text: str | None = None) -> bool:
        """Say ``text`` (by default what the label shows) now, politely; False when there
        is nothing to say or the label is not on screen (then nothing is said)."""
        said = plain(self.text() if text is None else text)
        if not said or not self.isVisible():
            return False
        announce(self, said)
        return True
