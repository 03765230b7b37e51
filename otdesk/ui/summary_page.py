"""The Summary step: preview the exact PDF, print it, save it, and see what was delivered.

What is shown, printed, saved and recorded are the same bytes, rendered from
the *stored* record by :mod:`otdesk.operations.delivery` on the storage worker
(after every pending edit is on disk).  The page only starts operations and
shows their outcome; the window never waits for them:

- **Print…** opens the print dialog, then the worker renders the summary, a
  print thread hands those bytes to the printer (:mod:`otdesk.ui.printing`),
  and only when that worked is the delivery recorded and the record sealed.
- **Save as PDF…** warns that the file is not encrypted, opens a save dialog
  (``OT-2026-0042-yhteenveto-v2.pdf`` in the folder used last), and the worker
  renders, writes and records in one go.  Cancelling any step records nothing.
- A delivered version reopened from the list is what Print and Save then hand
  out again, byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from otdesk.core import dates
from otdesk.core.errors import UserError
from otdesk.operations import delivery
from otdesk.ui.live import LiveLabel
from otdesk.ui.spell_check import CheckedText

LANGUAGE_NAMES = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))
#: refusals that name a field the consultant can go to and fix
FIELD_REFUSALS = ("error.delivery_consent", "error.delivery_hetu")


class SummaryHost(Protocol):
    """What the page needs from the window around it."""

    runner: object  # otdesk.ui.operations.OperationRunner
    protected_folders: list[Path]

    def summary_context(self) -> delivery.SummaryContext: ...
    def ensure_profile(self) -> bool: ...
    def author_name(self) -> str: ...
    def last_save_folder(self) -> str: ...
    def remember_save_folder(self, folder: str) -> None: ...


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

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf``; the buffer holds its own copy of the bytes and lives as long as
        the view (QtPdf may still read an earlier buffer while it closes that document)."""
        self.document.close()
        buffer = QBuffer(self.document)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffers.append(buffer)
        self.document.load(buffer)


class UnencryptedWarning(QMessageBox):
    """"The saved file is not encrypted": OK goes on to the save dialog, Cancel stops."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("OT Desk")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(self.tr("The saved PDF file is not encrypted."))
        self.setInformativeText(self.tr(
            "Save it only where the requester's confidential documents may be kept, and "
            "delete it when it has been sent."))
        self.setStandardButtons(QMessageBox.StandardButton.Ok
                                | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Ok)

    def confirmed(self) -> bool:
        return self.exec() == QMessageBox.StandardButton.Ok


class RefusalBox(QMessageBox):
    """Why the summary cannot leave yet, with a button that goes to the field."""

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("OT Desk")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(text)
        self.go_button = self.addButton(self.tr("&Go to the field"),
                                        QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.go_button)

    def go(self) -> bool:
        self.exec()
        return self.clickedButton() is self.go_button


class SummaryPage(QWidget):
    """Preview, print, save; the deliveries so far; addenda once the record is sealed."""

    # the consultation changed in the vault (a delivery moved its status, an addendum)
    changed = Signal(int)
    # True while an operation of this page runs (the editor keeps its pages still)
    busy_changed = Signal(bool)
    # the consultant should fix this field (a dotted key) before delivering
    go_to_field = Signal(str)

    def __init__(self, host: SummaryHost, lang: str, parent=None, *, allow_print: bool = True,
                 allow_pdf: bool = True) -> None:
        super().__init__(parent)
        # the organisation's policy may forbid printing or saving a PDF
        self.allow_print = allow_print
        self.allow_pdf = allow_pdf
        self.host = host
        self.lang = lang
        self.consultation_id: int | None = None
        self.view: delivery.SummaryView | None = None
        self.showing: delivery.Prepared | None = None  # what Print / Save hand out
        self.busy = False
        self._request = 0  # the newest preview asked for wins
        self._text_pages: list[str] = []  # the shown PDF's text so far (_take_text)
        self._text_of = 0  # counts the PDFs shown: a page read for an older one is dropped
        self._job = None
        self._notice = ""  # said once above the state, after a delivery
        self._state_before = ""
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the summary"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(lang))
        self.language.currentIndexChanged.connect(lambda _index: self.refresh())
        # clicked(bool) must not reach the slots as an argument: lambdas take it
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the summary"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_summary())
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.save_button.setAccessibleName(self.tr("Save the summary as a PDF file"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_summary())
        not_allowed = self.tr("The organisation's policy does not allow this.")
        for button, allowed in ((self.print_button, allow_print), (self.save_button, allow_pdf)):
            if not allowed:
                button.setToolTip(not_allowed)
                button.setAccessibleDescription(not_allowed)
        self.state = LiveLabel(self.tr("Summary state"))
        self.state.setWordWrap(True)
        self.blockers = LiveLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setObjectName("deliveryBlockers")
        self.blockers.setStyleSheet("color: #8a1c10")
        self.blockers.setAccessibleName(self.tr("Why the summary cannot be delivered yet"))
        self.blockers.hide()
        self.preview = PdfPreview(self)
        self.preview.setAccessibleName(self.tr("Preview of the summary"))
        # the same pages as text, for a screen reader (and for reading at a large font)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text of the summary"))
        self.text_view.hide()
        self.preview.document.statusChanged.connect(self._take_text)
        self.as_text = QPushButton(self.tr("Show as te&xt"))
        self.as_text.setCheckable(True)
        self.as_text.toggled.connect(self._show_as_text)
        self.preview.setAccessibleDescription(self.tr(
            "A picture of the pages; Show as text gives the same pages as text."))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Delivered summaries"))
        self.history.setMaximumHeight(110)
        self.history.setWordWrap(True)
        self.history.itemActivated.connect(self.reopen)
        self.addendum = CheckedText()  # (the spelling check too)
        self.addendum.setAccessibleName(self.tr("New addendum"))
        self.addendum.setTabChangesFocus(True)
        self.addendum.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Add addendum"))
        self.add_button.setAccessibleName(self.tr("Add addendum"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_addendum())
        self.current_button = QPushButton(self.tr("Show the current version"))
        self.current_button.clicked.connect(lambda _checked=False: self.refresh())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.as_text)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        side = QVBoxLayout()
        side.addWidget(self.state)
        side.addWidget(self.blockers)
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
        body.addWidget(self.text_view, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        title = self.tr("Summary")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._enable()

    def _take_text(self, status) -> None:
        """The shown PDF's text into the text view, a page per turn of the event loop:
        a page takes 1–3 ms, and a 19-page summary read at once held the UI thread for
        50 ms on the 2-core machine."""
        if status != QPdfDocument.Status.Ready:
            return
        self._text_of += 1
        self._text_pages = []
        shown = self._text_of  # (the first page too in a turn of its own: this one shows it)
        QTimer.singleShot(0, self, lambda: self._next_text_page(shown))

    def _next_text_page(self, shown: int) -> None:
        document = self.preview.document
        if shown != self._text_of or document.status() != QPdfDocument.Status.Ready:
            return  # another PDF is shown now (its own reading has begun), or none
        if len(self._text_pages) < document.pageCount():
            self._text_pages.append(document.getAllText(len(self._text_pages)).text())
            QTimer.singleShot(0, self, lambda: self._next_text_page(shown))
        else:
            self.text_view.setPlainText("\n\n".join(self._text_pages))

    def _show_as_text(self, on: bool) -> None:
        self.preview.setVisible(not on)
        self.text_view.setVisible(on)
        (self.text_view if on else self.preview).setFocus()

    @property
    def pdf(self) -> bytes:
        """The bytes the preview shows (and Print / Save would hand out)."""
        return self.showing.pdf if self.showing is not None else b""

    # -- showing -------------------------------------------------------------------------

    def show_consultation(self, consultation) -> None:
        if consultation.id != self.consultation_id:
            self.view = self.showing = None
            self.history.clear()
        self.consultation_id = consultation.id
        self.refresh()

    def refresh(self) -> None:
        """Render the current version from the vault (on the worker) and show it."""
        cid = self.consultation_id
        if cid is None:
            return
        self._request += 1
        request = self._request
        lang = self.language.currentData()
        context = self.host.summary_context()
        self.state.setText(self.tr("Preparing the preview…"))
        self._enable(preparing=True)
        self.host.runner.run(lambda store: delivery.view(store, cid, lang, context),
                             lambda view: self._viewed(request, view),
                             lambda exc: self._preview_failed(request, exc),
                             saved_first=cid)

    def _viewed(self, request: int, view: delivery.SummaryView) -> None:
        if request != self._request or view.prepared.consultation_id != self.consultation_id:
            return  # an older answer, or another consultation meanwhile
        self.view = view
        self.showing = view.prepared
        self.preview.show_pdf(view.prepared.pdf)
        self._fill_history(view.deliveries)
        self._show_state()
        self._enable()

    def _preview_failed(self, request: int, exc: UserError) -> None:
        if request != self._request:
            return
        self.state.setText(exc.message(self.lang))
        self._enable()

    def _show_state(self) -> None:
        view = self.view
        if view is None:
            return
        if self.showing is not None and self.showing.reprint:
            return  # _reopened() wrote the state
        version = str(view.prepared.version)
        if view.sealed:
            self.state.setText(self.tr("Delivered: the record is sealed. Later changes are "
                                       "written as dated addenda; printing now gives "
                                       "version %1.").replace("%1", version))
        else:
            self.state.setText(self.tr("Not delivered yet. Printing or saving records the "
                                       "delivery and seals the record."))
        if self._notice:
            self.state.setText(self._notice + "\n\n" + self.state.text())
            self._notice = ""
        texts = [e.message(self.lang) for e in view.blockers]
        self.blockers.setText("\n".join(texts))
        self.blockers.setVisible(bool(texts))

    def _fill_history(self, deliveries) -> None:
        self.history.clear()
        for d in deliveries:
            how = self.tr("printed") if d.method == "print" else self.tr("saved as PDF")
            text = (f"v{d.version} · {dates.day_text(d.delivered_at)} "
                    f"{dates.clock_text(d.delivered_at, 'fi')} · {how} · {d.lang} · {d.actor}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(f"{text}\nSHA-256 {d.sha256}")
            self.history.addItem(item)

    def reopen(self, item: QListWidgetItem) -> None:
        """Show a delivered summary exactly as it was given; Print / Save then hand out
        that version again."""
        delivery_id = item.data(Qt.ItemDataRole.UserRole)
        text = item.text()
        self._start(self.tr("Opening the delivered version…"))
        self.host.runner.run(lambda store: delivery.stored(store, delivery_id),
                             lambda prepared: self._reopened(prepared, text), self._refused)

    def _reopened(self, prepared: delivery.Prepared, text: str) -> None:
        self._finish()
        if prepared.consultation_id != self.consultation_id:
            return
        self.showing = prepared
        self.preview.show_pdf(prepared.pdf)
        self.blockers.hide()
        self.state.setText(self.tr("Showing a delivered summary: %1. Printing or saving now "
                                   "hands out exactly this version again.").replace("%1", text))

    # -- delivering ------------------------------------------------------------------------

    def _what_to_hand_out(self):
        """The operation that gives the bytes to hand out: the shown delivered version
        as stored, or the current version rendered from the vault."""
        cid, lang = self.consultation_id, self.language.currentData()
        if self.showing is not None and self.showing.reprint:
            shown = self.showing
            return lambda store: shown
        context = self.host.summary_context()
        return lambda store: delivery.prepare(store, cid, lang, context)

    def print_summary(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self._may_start(self.allow_print):
            return
        if self.host.ensure_profile():
            self.refresh()  # the preview shows the contact details just given
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.showing.file_name() if self.showing else "OT Desk")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the summary"))
        # the whole summary goes out, as recorded; a file only where a PDF may be saved
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(options.PrintPageRange, False)
        dialog.setOption(options.PrintCurrentPage, False)
        dialog.setOption(options.PrintSelection, False)
        dialog.setOption(options.PrintToFile, self.allow_pdf)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        if printer.outputFileName():  # "print to file": an unencrypted file after all
            try:
                if not self.allow_pdf:
                    raise UserError("error.export_not_allowed", export="PDF")
                delivery.check_target(printer.outputFileName(), self.host.protected_folders,
                                      force=True)
            except UserError as exc:
                self._refused(exc)
                return
            if not UnencryptedWarning(self).confirmed():
                return
        self._start(self.tr("Printing…"))
        self.host.runner.run(self._what_to_hand_out(),
                             lambda prepared: self._print(prepared, printer), self._refused,
                             saved_first=self.consultation_id)

    def _print(self, prepared: delivery.Prepared, printer) -> None:
        from otdesk.ui.printing import PrintJob

        runner = self.host.runner

        def printed() -> None:  # on the print thread: queue the record before it ends,
            runner.run(lambda store: delivery.record(store, prepared, method="print"),
                       self._delivered, self._not_recorded_after_print)  # so closing waits

        job = PrintJob(prepared.pdf, printer, printed, self)
        self._job = job
        job.failed.connect(self._print_failed)
        job.finished.connect(self._job_finished)
        job.start()

    def wait_for_print(self) -> None:
        """Closing: a print under way ends (and its delivery is queued) first."""
        if self._job is not None:
            self._job.wait()

    def _job_finished(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None

    def _print_failed(self, reason: str) -> None:
        self._finish()
        error = UserError("error.print_error", detail=reason) if reason else \
            UserError("error.print_refused")
        QMessageBox.warning(self, "OT Desk", error.message(self.lang))

    def _not_recorded_after_print(self, exc: UserError) -> None:
        self._finish()
        QMessageBox.warning(self, "OT Desk", UserError("error.print_not_recorded", reason=exc)
                            .message(self.lang))

    def save_summary(self) -> None:
        if not self._may_start(self.allow_pdf):
            return
        if self.host.ensure_profile():
            self.refresh()
        if not UnencryptedWarning(self).confirmed():
            return
        name = self.showing.file_name() if self.showing else "yhteenveto.pdf"
        folder = self.host.last_save_folder()
        if not folder or not Path(folder).is_dir():
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            folder = documents if documents and Path(documents).is_dir() else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the summary"),
                                              str(Path(folder) / name),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        force = True  # the dialog asked before replacing a file
        if not Path(path).suffix:
            path, force = path + ".pdf", False
        hand_out = self._what_to_hand_out()
        protected = list(self.host.protected_folders)
        self._start(self.tr("Saving…"))

        def saved(d) -> None:
            self.host.remember_save_folder(str(Path(path).parent))  # only a folder that worked
            self._delivered(d)

        self.host.runner.run(
            lambda store: delivery.save_pdf(store, hand_out(store), path, protected=protected,
                                            force=force),
            saved, self._refused, saved_first=self.consultation_id)

    def _delivered(self, d) -> None:
        self._finish()
        self.changed.emit(d.consultation_id)
        reprint = self.showing is not None and self.showing.reprint
        when = d.delivered_at.astimezone()
        if d.method == "print":
            text = self.tr("Printed version %1 at %2.")
        else:
            text = self.tr("Saved version %1 as a PDF at %2.")
        self._notice = text.replace("%1", str(d.version)).replace("%2", f"{when:%H.%M}")
        if reprint:
            self._notice += " " + self.tr("Exactly the delivered version was handed out again.")
        self.refresh()

    def _refused(self, exc: UserError) -> None:
        self._finish()
        fields = exc.params.get("fields") or ()
        if exc.key in FIELD_REFUSALS and fields:
            if RefusalBox(self, exc.message(self.lang)).go():
                self.go_to_field.emit(fields[0])
            return
        QMessageBox.warning(self, "OT Desk", exc.message(self.lang))

    def add_addendum(self) -> None:
        text = self.addendum.toPlainText().strip()
        cid = self.consultation_id
        if not text or cid is None or self.busy:
            return
        author = self.host.author_name() or None  # printed: the name, never the login
        self._start(self.tr("Saving…"))
        self.host.runner.run(lambda store: store.repository.add_addendum(cid, text, author),
                             self._addendum_added, self._refused, saved_first=cid)

    def _addendum_added(self, consultation) -> None:
        self._finish()
        self.addendum.clear()
        self.changed.emit(consultation.id)
        self.refresh()

    # -- busy state ------------------------------------------------------------------------

    def _may_start(self, allowed: bool) -> bool:
        """Whether Print / Save may begin; a known refusal is said before any dialog."""
        if not allowed or self.busy or self.consultation_id is None or self.showing is None:
            return False
        if not self.showing.reprint and self.view is not None and self.view.blockers:
            self._refused(self.view.blockers[0])
            return False
        return True

    def _start(self, text: str) -> None:
        self.busy = True
        self._state_before = self.state.text()
        self.state.setText(text)
        self._enable()
        self.busy_changed.emit(True)

    def _finish(self) -> None:
        if self.busy:
            self.state.setText(self._state_before)
        self.busy = False
        self._enable()
        self.busy_changed.emit(False)

    def _enable(self, preparing: bool = False) -> None:
        ready = not self.busy and not preparing and self.showing is not None
        self.print_button.setEnabled(self.allow_print and ready)
        self.save_button.setEnabled(self.allow_pdf and ready)
        sealed = self.view is not None and self.view.sealed
        self.addendum.setEnabled(sealed and not self.busy)
        self.add_button.setEnabled(sealed and not self.busy)
        self.language.setEnabled(not self.busy)
        self.history.setEnabled(not self.busy)
        self.current_button.setEnabled(not self.busy)
        self.setCursor(Qt.CursorShape.BusyCursor if self.busy or preparing
                       else Qt.CursorShape.ArrowCursor)
