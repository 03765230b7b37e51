"""Load the app's Qt translations (and Qt's own, for standard buttons) for a language.

Sources are ``resources/translations/otdesk_<lang>.ts`` (edit with Qt Linguist);
``make translations`` compiles them into ``otdesk/translations/*.qm``, which ship
with the package.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install OT Desk's and Qt's translators for ``lang``; returns them (keep a reference)."""
    installed = []
    folder = str(resources.files("otdesk.translations"))  # a real folder, also when frozen
    own = QTranslator(app)
    if own.load(f"otdesk_{lang}", folder):
        app.installTranslator(own)
        installed.append(own)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(lang), "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    return installed
