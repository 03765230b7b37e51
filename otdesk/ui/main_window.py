"""The main window: for now the consultation list with a search box.

The guided consultation (intake, the four phases, deadlines) builds on this.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QLabel, QLineEdit, QMainWindow, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from otdesk.storage.vault import Vault

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    def __init__(self, vault: Vault, lang: str = "fi") -> None:
        super().__init__()
        self.vault = vault
        self.lang = lang
        self.setWindowTitle("OT Desk")
        self.resize(1000, 640)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all text…"))
        self.search.setAccessibleName(self.tr("Search consultations"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Consultations"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Reference"), self.tr("Received"), self.tr("Status"),
             self.tr("Organisation")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.count_label = QLabel()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.setCentralWidget(central)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        rows = self.vault.repository.list(search=self.search.text())
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, value in enumerate((r.reference, (r.received_at or "")[:10], r.status,
                                       r.organisation)):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.count_label.setText(self.tr("%n consultation(s)", "", len(rows)))
