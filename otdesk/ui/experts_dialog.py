"""Edit the expert directory: who the centre can bring in, and for which situations."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QPushButton, QVBoxLayout)

from otdesk.core import vocabulary
from otdesk.core.errors import UserError
from otdesk.storage.experts import Expert
from otdesk.ui.fields import CheckListBinding


class ExpertForm(QDialog):
    """One expert: name, what they do, contact, the situations they cover."""

    def __init__(self, expert: Expert, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expert"))
        self.expert = expert
        self.name = QLineEdit(expert.name)
        self.name.setAccessibleName(self.tr("Name"))
        self.description = QPlainTextEdit(expert.description)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.contact = QLineEdit(expert.contact)
        self.contact.setAccessibleName(self.tr("Contact"))
        self._categories = list(expert.categories)
        self.categories = CheckListBinding(self.tr("Situations covered"),
                                           lambda v: setattr(self, "_categories", v),
                                           vocabulary.labels("categories", lang))
        self.categories.load(self._categories)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Contact"), self.contact)
        form.addRow(self.tr("Situations covered"), self.categories.widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_expert(self) -> Expert:
        return dataclasses.replace(self.expert, name=self.name.text().strip(),
                                   description=self.description.toPlainText().strip(),
                                   contact=self.contact.text().strip(),
                                   categories=tuple(self._categories))


class ExpertsDialog(QDialog):
    """The directory, read on the reader; every change a write on the storage worker."""

    def __init__(self, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.lang = lang
        self._experts: dict[int, Expert] = {}
        self.setWindowTitle(self.tr("Expert directory"))
        self.resize(640, 480)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Experts"))
        self.list.itemActivated.connect(lambda item: self.edit())
        add = QPushButton(self.tr("&Add…"))
        edit = QPushButton(self.tr("&Edit…"))
        remove = QPushButton(self.tr("&Remove"))
        add.clicked.connect(self.add)
        edit.clicked.connect(self.edit)
        remove.clicked.connect(self.remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (add, edit, remove):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(close)
        runner.changed.connect(self._changed)  # e.g. the directory seeded at the first start
        self.reload()

    def _changed(self, changes) -> None:
        if "experts" in changes.tables:
            self.reload()

    def reload(self) -> None:
        self.runner.read(lambda store: store.directory.all(), self._show, self._refused,
                         key="experts-dialog")

    def _show(self, experts: list[Expert]) -> None:
        current = self._selected()
        self._experts = {e.id: e for e in experts}
        self.list.clear()
        for expert in experts:
            cats = ", ".join(vocabulary.label("categories", c, self.lang)
                             for c in expert.categories)
            item = QListWidgetItem(f"{expert.name} — {cats}" if cats else expert.name)
            item.setData(256, expert.id)
            item.setToolTip(expert.description)
            self.list.addItem(item)
            if current is not None and expert.id == current.id:
                self.list.setCurrentItem(item)

    def _selected(self) -> Expert | None:
        item = self.list.currentItem()
        return self._experts.get(item.data(256)) if item else None

    def _store(self, change, expert: Expert) -> None:
        """``change(directory)`` on the storage worker; the list is read again after it."""
        if not expert.name:
            QMessageBox.warning(self, "OT Desk", self.tr("An expert needs a name."))
            return
        self.runner.run(lambda store: change(store.directory), lambda _: self.reload(),
                        self._refused)

    def _refused(self, exc: UserError) -> None:
        QMessageBox.warning(self, "OT Desk", exc.message(self.lang))

    def add(self) -> None:
        form = ExpertForm(Expert(), self.lang, self)
        if form.exec():
            expert = form.result_expert()
            self._store(lambda directory: directory.add(expert), expert)

    def edit(self) -> None:
        expert = self._selected()
        if expert is None:
            return
        form = ExpertForm(expert, self.lang, self)
        if form.exec():
            changed = form.result_expert()
            self._store(lambda directory: directory.update(changed), changed)

    def remove(self) -> None:
        expert = self._selected()
        if expert is None:
            return
        answer = QMessageBox.question(self, "OT Desk", self.tr(
            "Remove %1 from the directory? Consultations that named them keep the name.")
            .replace("%1", expert.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._store(lambda directory: directory.remove(expert.id), expert)
