"""Handing a summary's exact bytes to the printer, on a thread of its own.

Where the platform's print system takes PDF itself (CUPS on Linux and macOS,
through ``lp``) the stored bytes are sent as they are.  Otherwise — a printer
Qt drives natively on Windows, or "print to file" — every page is rendered
from those same bytes at no more than 300 dpi and painted onto the printer.
The thread owns its own QPdfDocument; the UI thread only starts it and hears
``done`` or ``failed``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QThread, Signal
from PySide6.QtGui import QImageWriter, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

#: the most dots per inch a page is rendered at (1200 took 5 s and 6.7 MB per page)
MAX_DPI = 300


class PrintFailed(Exception):
    """The print system refused; ``str()`` is the print system's own words (CUPS
    speaks the user's language), or empty when Qt could not drive the printer."""


def _lp() -> str | None:
    """The CUPS client, where the platform has one."""
    if sys.platform.startswith(("linux", "darwin", "freebsd")):
        return shutil.which("lp")
    return None


def send_to_print_system(pdf: bytes, printer: QPrinter) -> None:
    """The PDF bytes, unchanged, to the printer chosen in the dialog (CUPS ``lp``)."""
    command = [_lp() or "lp", "-s"]
    if printer.printerName():
        command += ["-d", printer.printerName()]
    if printer.copyCount() > 1:
        command += ["-n", str(printer.copyCount())]
    sides = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
             QPrinter.DuplexMode.DuplexNone: "one-sided"}.get(printer.duplex())
    if sides:
        command += ["-o", f"sides={sides}"]
    if printer.docName():
        command += ["-t", printer.docName()]
    try:
        result = subprocess.run(command, input=pdf, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed("") from exc
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PrintFailed(reason[-1][:200] if reason else f"lp {result.returncode}")


def paint_pages(pdf: bytes, printer: QPrinter) -> int:
    """Render every page of ``pdf`` onto ``printer`` (the whole summary, as recorded)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintFailed("")
    first, last = 0, document.pageCount()
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setResolution(dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("")
    try:
        for page in range(first, last):
            if page > first and not printer.newPage():
                raise PrintFailed("")
            size = document.pagePointSize(page)
            image = document.render(page, QSize(round(size.width() / 72 * dpi),
                                                round(size.height() / 72 * dpi)))
            if image.isNull():
                raise PrintFailed("")
            painter.drawImage(QRectF(painter.viewport()), image)
    finally:
        painter.end()
    document.close()
    return last - first


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Print ``pdf`` on ``printer`` as the platform allows best (see the module)."""
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and _lp():
        send_to_print_system(pdf, printer)
    else:
        paint_pages(pdf, printer)


class PrintJob(QThread):
    """Prints off the UI thread; calls ``printed`` or emits ``failed(reason)``."""

    failed = Signal(str)

    def __init__(self, pdf: bytes, printer: QPrinter, printed, parent=None) -> None:
        """``printed()`` is called on the print thread once the printer has the job."""
        super().__init__(parent)
        # Qt loads its image-format plugins the first time a page image goes into a PDF
        # engine; on the print thread that takes a Qt lock while PySide holds the
        # interpreter, and the UI thread, holding that lock and waiting for the
        # interpreter, hangs both (seen in CI).  Loaded here, on the UI thread, once.
        QImageWriter.supportedImageFormats()
        self.pdf = pdf
        self.printer = printer
        self.printed = printed

    def run(self) -> None:  # noqa: D401 (Qt API)
        try:
            print_pdf(self.pdf, self.printer)
        except PrintFailed as exc:
            self.failed.emit(str(exc))
        except Exception:  # never a traceback: the user hears it failed
            self.failed.emit("")
        else:
            self.printed()
