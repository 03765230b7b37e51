"""The Summary step: preview the exact PDF, print it, save it, and see what was delivered.

The preview, the printout and a saved file are the same bytes: the PDF is
rendered in memory by :mod:`otdesk.summary`, shown with QtPdf from a buffer
(no temporary file), printed page by page from that document, and stored in
the vault as a delivery when it is printed or saved.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from otdesk.errors import UserError

LANGUAGE_NAMES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


class PdfPreview(QPdfView):
    """A PDF shown from bytes held in memory.

    The document must not be the view's child: when the view is destroyed, a child
    document closing itself would signal the half-destroyed view (a crash in Qt 6.12).
    ``owner`` (created before the view) owns it instead, and is destroyed after it.
    """

    def __init__(self, owner: QWidget) -> None:
        super().__init__()
        self.document = QPdfDocument(owner)
        self.setDocument(self.document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffers: list[QBuffer] = []
        self.pdf = b""

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf``; the buffer holds its own copy of the bytes and lives as long as
        the view (QtPdf may still read an earlier buffer while it closes that document)."""
        self.document.close()
        self.pdf = pdf
        buffer = QBuffer(self.document)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffers.append(buffer)
        self.document.load(buffer)


def print_pdf(document: QPdfDocument, printer) -> None:
    """Print every page of ``document`` as an image at the printer's resolution."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("error.print_failed")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = document.render(page, QSize(int(size.width() * scale),
                                                int(size.height() * scale)))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()


class SummaryPage(QWidget):
    """Preview, print, save; the deliveries so far; addenda once the record is sealed."""

    # the consultation changed in the vault (a delivery moved its status, an addendum)
    changed = Signal(int)

    def __init__(self, vault, render, lang: str, parent=None, *, allow_print: bool = True,
                 allow_pdf: bool = True) -> None:
        super().__init__(parent)
        # the organisation's policy may forbid printing or saving a PDF
        self.allow_print = allow_print
        self.allow_pdf = allow_pdf
        self.vault = vault
        self.render = render  # consultation, lang -> PDF bytes
        self.lang = lang
        self.consultation = None
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the summary"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(lang))
        self.language.currentIndexChanged.connect(self.refresh)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the summary"))
        self.print_button.clicked.connect(self.print_summary)
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.save_button.setAccessibleName(self.tr("Save the summary as a PDF file"))
        self.save_button.clicked.connect(self.save_summary)
        not_allowed = self.tr("The organisation's policy does not allow this.")
        for button, allowed in ((self.print_button, allow_print), (self.save_button, allow_pdf)):
            if not allowed:
                button.setEnabled(False)
                button.setToolTip(not_allowed)
                button.setAccessibleDescription(not_allowed)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Summary state"))
        self.preview = PdfPreview(self)
        self.preview.setAccessibleName(self.tr("Preview of the summary"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Delivered summaries"))
        self.history.setMaximumHeight(110)
        self.history.setWordWrap(True)
        self.history.itemActivated.connect(self.reopen)
        self.addendum = QPlainTextEdit()
        self.addendum.setAccessibleName(self.tr("New addendum"))
        self.addendum.setTabChangesFocus(True)
        self.addendum.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Add addendum"))
        self.add_button.setAccessibleName(self.tr("Add addendum"))
        self.add_button.clicked.connect(self.add_addendum)
        self.current_button = QPushButton(self.tr("Show the current version"))
        self.current_button.clicked.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        side = QVBoxLayout()
        side.addWidget(self.state)
        delivered = self.tr("Delivered")
        side.addWidget(QLabel(f"<b>{delivered}</b>"))
        side.addWidget(self.history)
        side.addWidget(self.current_button)
        addendum = self.tr("Addendum")
        side.addWidget(QLabel(f"<b>{addendum}</b>"))
        side.addWidget(self.addendum)
        side.addWidget(self.add_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.preview, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        title = self.tr("Summary")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        layout.addLayout(top)
        layout.addLayout(body, 1)

    # -- showing -------------------------------------------------------------------------

    def show_consultation(self, consultation) -> None:
        self.consultation = consultation
        self.refresh()

    def refresh(self) -> None:
        c = self.consultation
        if c is None:
            return
        lang = self.language.currentData()
        try:
            self.pdf = self.render(c, lang)
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self.preview.show_pdf(self.pdf)
        self._fill_history()
        sealed = self.vault.repository.is_sealed(c.id) if c.id else False
        self.addendum.setEnabled(sealed)
        self.add_button.setEnabled(sealed)
        version = self.vault.deliveries.next_version(c.id)
        if sealed:
            self.state.setText(self.tr("Delivered: the record is sealed. Later changes are "
                                       "written as dated addenda; printing now gives "
                                       "version %1.").replace("%1", str(version)))
        else:
            self.state.setText(self.tr("Not delivered yet. Printing or saving records the "
                                       "delivery and seals the record."))

    def _fill_history(self) -> None:
        self.history.clear()
        for d in self.vault.deliveries.of(self.consultation.id):
            when = d.delivered_at.astimezone()
            how = self.tr("printed") if d.method == "print" else self.tr("saved as PDF")
            text = (f"v{d.version} · {when.day}.{when.month}.{when.year} "
                    f"{when:%H.%M} · {how} · {d.lang} · {d.actor}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(f"{text}\nSHA-256 {d.sha256}")
            self.history.addItem(item)

    def reopen(self, item: QListWidgetItem) -> None:
        """Show a delivered summary exactly as it was given."""
        try:
            pdf = self.vault.deliveries.pdf(item.data(Qt.ItemDataRole.UserRole))
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self.preview.show_pdf(pdf)
        self.state.setText(self.tr("Showing a delivered summary: %1").replace("%1", item.text()))

    # -- delivering ------------------------------------------------------------------------

    def _record(self, method: str) -> None:
        try:
            d = self.vault.deliveries.record(self.consultation.id, self.pdf,
                                             lang=self.language.currentData(), method=method)
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self.consultation = self.vault.repository.get(d.consultation_id)
        self.changed.emit(d.consultation_id)
        self.refresh()

    def print_summary(self, printer=None) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.allow_print:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        try:
            print_pdf(self.preview.document, printer)
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return False
        self._record("print")
        return True

    def save_summary(self, path: str | None = None) -> bool:
        if not self.allow_pdf:
            return False
        if path is None:
            QMessageBox.information(self, "OT Desk", self.tr(
                "The saved PDF file is not encrypted. Save it only where the requester's "
                "confidential documents may be kept, and delete it when it has been sent."))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the summary"), f"{self.consultation.reference}.pdf",
                self.tr("PDF files (*.pdf)"))
            if not path:
                return False
        try:
            with open(path, "wb") as fh:
                fh.write(self.pdf)
        except OSError:
            QMessageBox.warning(self, "OT Desk", UserError("error.save_failed", path=path)
                                .message(self.lang))
            return False
        self._record("pdf")
        return True

    def add_addendum(self) -> None:
        text = self.addendum.toPlainText().strip()
        if not text:
            return
        try:
            self.consultation = self.vault.repository.add_addendum(self.consultation.id, text)
        except UserError as exc:
            QMessageBox.warning(self, "OT Desk", exc.message(self.lang))
            return
        self.addendum.clear()
        self.changed.emit(self.consultation.id)
        self.refresh()
