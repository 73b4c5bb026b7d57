"""Print preview of a report held in memory: pages on screen, Print, Save PDF.

The PDF never touches the disk here. It is parsed once (``reports.open_pdf``);
each page is rendered to an image off the GUI thread when it first scrolls into
view (or is next below it), and kept: scrolling back shows it again without
rendering it again. Print sends page images rendered at the printer's resolution straight to
the printer; the print dialog cannot redirect it to a file. The print system's
own temporary file goes to an owner-only folder in memory
(``app.services.reports.printing``); where there is none, the user is warned
first. "Save PDF…" warns that
the file is unencrypted, asks where, and hands the path to the caller's callback,
which writes and audits (the dialog never touches the vault). Printing is reported
to another callback for the audit.

The caller should close the dialog (or call ``clear``) when the vault locks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QRectF, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QPageSize, QPainter, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import VeldboekError
from app.services.reports import OpenPdf, PageImage, open_pdf, printing
from app.ui import unencrypted_save
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import show_error
from app.ui.window_size import resize_within_screen

PREVIEW_DPI = 96.0
MAX_PRINT_DPI = 300.0  # enough for text; a 1200 dpi A4 page would be 130 MB of pixels
PAGE_MARGIN = 6  # px around each page on screen


@dataclass(frozen=True)
class PreviewInfo:
    title: str
    report_id: str
    marking: str
    suggested_name: str = "report.pdf"


def to_qimage(page: PageImage) -> QImage:
    """A QImage owning a copy of the page's RGBX pixels."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


class _PageSignals(QObject):
    page = Signal(object)  # PageImage
    failed = Signal(object)  # BaseException
    finished = Signal()


class _RenderPages(QRunnable):
    """Renders pages ``numbers`` of ``doc`` at ``dpi`` in the thread pool, one
    signal a page, one page at a time: each is handed over (and can be printed
    and dropped) before the next is rendered, so a long report never sits in
    memory whole. Stops between pages once ``cancel`` is set."""

    def __init__(
        self, doc: OpenPdf, numbers: list[int], dpi: float, cancel: threading.Event
    ) -> None:
        super().__init__()
        self.signals = _PageSignals()
        self._doc = doc
        self._numbers = numbers
        self._dpi = dpi
        self._cancel = cancel

    def run(self) -> None:
        try:
            for number in self._numbers:
                if self._cancel.is_set():
                    break
                self.signals.page.emit(self._doc.render(number, self._dpi))
        except BaseException as exc:  # delivered to the GUI, never lost in the pool
            if not self._cancel.is_set():  # else: the document was closed under it
                self.signals.failed.emit(exc)
        self.signals.finished.emit()


class _PrintJob(QObject):
    """Paints page images onto an open printer as they arrive. A child of the
    dialog, so its connections die with it."""

    printed = Signal(int)  # pages sent

    def __init__(self, printer: QPrinter, painter: QPainter, parent: QObject) -> None:
        super().__init__(parent)
        self.printer = printer
        self.painter = painter
        self.pages = 0

    @Slot(object)
    def paint(self, page: object) -> None:
        assert isinstance(page, PageImage)
        if self.pages:
            self.printer.newPage()
        image = to_qimage(page)
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel)
        scale = min(paper.width() / image.width(), paper.height() / image.height())
        self.painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
        self.pages += 1

    @Slot()
    def finish(self) -> None:
        self.painter.end()
        self.printed.emit(self.pages)


class ReportPreviewDialog(QDialog):
    """Shows ``pdf``; Print and "Save PDF…" appear only when their callback is given.

    ``on_printed(pages, copies)`` is called after a print job was sent;
    ``on_save(path, overwrite)`` writes the PDF (and audits it) after the user
    confirmed; it refuses a vault's place, and an existing file unless ``overwrite``
    (asked for here, once)."""

    def __init__(
        self,
        pdf: bytes,
        info: PreviewInfo,
        *,
        on_printed: Callable[[int, int], None] | None = None,
        on_save: Callable[[Path, bool], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("Report preview"))
        # A page and a half of A4 where the screen has room; on a laptop screen
        # the buttons must stay on it.
        resize_within_screen(self, 900, 1000)
        self._pdf: bytes | None = pdf
        self._doc: OpenPdf | None = open_pdf(pdf)
        doc = self._doc
        self.destroyed.connect(lambda: doc.close())  # if never closed nor cleared
        self._info = info
        self._on_printed = on_printed
        self._on_save = on_save
        self._cancel = threading.Event()
        self._jobs: list[_RenderPages] = []  # keep signal objects alive until finished
        self._preview_job: _RenderPages | None = None
        self._queued: list[int] = []  # pages in view, not yet asked of a job
        self._asked: set[int] = set()  # rendered, or being rendered: each page once
        self._total = self._doc.page_count

        header = QLabel(
            self.tr(
                "{title} · {marking} · report {report_id} · %n page(s)", "", self._total
            ).format(title=info.title, marking=info.marking, report_id=info.report_id)
        )
        header.setObjectName("previewHeader")
        header.setWordWrap(True)
        self.status = QLabel(self.tr("Rendering pages…"))
        self.status.setObjectName("previewStatus")
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._page_labels = self._blank_pages(self._doc)
        self.page_area = QScrollArea()
        self.page_area.setObjectName("previewPages")
        self.page_area.setWidgetResizable(True)
        self.page_area.setWidget(self.pages)
        self.page_area.setStyleSheet("QScrollArea { background: #808080; }")
        bar = self.page_area.verticalScrollBar()
        bar.valueChanged.connect(self._render_in_view)
        bar.rangeChanged.connect(self._render_in_view)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("previewPrint")
        self.print_button.clicked.connect(self.print_report)
        self.print_button.setVisible(on_printed is not None)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("previewSave")
        self.save_button.clicked.connect(self.save_pdf)
        self.save_button.setVisible(on_save is not None)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.page_area, 1)
        layout.addLayout(buttons)
        keyboard_dialog(self, first=self.page_area)  # Space never prints
        self.page_area.setFocus()  # Page Up/Down, arrows scroll the pages at once

    # -- rendering ---------------------------------------------------------------------

    def _blank_pages(self, doc: OpenPdf) -> list[QLabel]:
        """One blank page of the right size for each page, so the scroll bar is
        right from the start; each is filled when it first comes into view."""
        labels = []
        for number in range(1, doc.page_count + 1):
            label = QLabel()
            label.setObjectName(f"previewPage{number}")
            width, height = doc.page_size(number, PREVIEW_DPI)
            label.setFixedSize(width + 2 * PAGE_MARGIN, height + 2 * PAGE_MARGIN)
            label.setStyleSheet(f"background: white; margin: {PAGE_MARGIN}px;")
            self.pages_layout.addWidget(label)
            labels.append(label)
        return labels

    def _start(
        self,
        numbers: list[int],
        dpi: float,
        on_page: Callable[[object], None],
        on_done: Callable[[], None],
    ) -> _RenderPages | None:
        """Render ``numbers`` in the pool; ``on_page`` and ``on_done`` must be slots
        of a QObject that lives in the GUI thread (so they run there, and the
        connection ends when that object is destroyed)."""
        if self._doc is None:
            return None
        job = _RenderPages(self._doc, numbers, dpi, self._cancel)
        job.setAutoDelete(False)  # its signals object must outlive run()
        job.signals.page.connect(on_page)
        job.signals.failed.connect(self._failed)
        job.signals.finished.connect(on_done)
        job.signals.finished.connect(self._job_finished)
        self._jobs.append(job)
        QThreadPool.globalInstance().start(job)
        return job

    @Slot()
    def _job_finished(self) -> None:
        sender = self.sender()
        self._jobs = [job for job in self._jobs if job.signals is not sender]

    def _in_view(self) -> list[int]:
        """The pages the viewport shows, and the one after them (read next)."""
        bar = self.page_area.verticalScrollBar()
        seen = QRect(0, bar.value(), self.pages.width(), self.page_area.viewport().height())
        shown = [
            number
            for number, label in enumerate(self._page_labels, start=1)
            if label.geometry().intersects(seen)
        ]
        if shown and shown[-1] < self._total:
            shown.append(shown[-1] + 1)
        return shown

    @Slot()
    def _render_in_view(self) -> None:
        if self._doc is None or not self.isVisible():
            return
        for number in self._in_view():
            if number not in self._asked:
                self._asked.add(number)
                self._queued.append(number)
        if self._queued and self._preview_job is None:
            numbers, self._queued = self._queued, []
            self.status.setText(self.tr("Rendering pages…"))
            self._preview_job = self._start(
                numbers, PREVIEW_DPI, self._show_page, self._preview_done
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._render_in_view()

    @Slot(object)
    def _show_page(self, page: object) -> None:
        assert isinstance(page, PageImage)
        if self._doc is None:  # cleared while it was on its way
            return
        label = self._page_labels[page.number - 1]
        label.setPixmap(QPixmap.fromImage(to_qimage(page)))

    @Slot()
    def _preview_done(self) -> None:
        self._preview_job = None
        if self._queued:  # scrolled on while that job ran
            self._render_in_view()
            return
        self.status.setText(
            self.tr("%n page(s). Nothing has been written to disk.", "", self._total)
        )

    @Slot(object)
    def _failed(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            show_error(self, exc, self.tr("Report preview"))

    def rendered_pages(self) -> int:
        """Pages rendered and shown (each is rendered once, when first in view)."""
        return sum(1 for label in self._page_labels if not label.pixmap().isNull())

    def busy(self) -> bool:
        return bool(self._jobs)

    # -- printing ----------------------------------------------------------------------

    def _make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(self.tr("Veldboek report"))
        return printer

    def print_report(self) -> None:
        if self._pdf is None:
            return
        printer = self._make_printer()
        file_before = printer.outputFileName()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.tr("Print report"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.outputFileName() != file_before:
            QMessageBox.warning(
                self,
                self.tr("Print report"),
                self.tr(
                    "Printing to a file is not allowed here. Use Save PDF… to keep a copy: "
                    "it warns you and is recorded."
                ),
            )
            return
        # The print system spools the job as a file: in memory if it can be.
        if not printing.ready_for_printing().in_memory and not self._confirm_disk_spool():
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print report"), self.tr("The printer could not be started.")
            )
            return
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        job = _PrintJob(printer, painter, self)
        job.printed.connect(self._printed)
        dpi = min(float(printer.resolution()), MAX_PRINT_DPI)
        self._start(list(range(1, self._total + 1)), dpi, job.paint, job.finish)

    def _confirm_disk_spool(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Print report"),
            self.tr(
                "This computer has no private folder in memory for the print job. The print "
                "system will keep the report as an unencrypted file on disk while it prints "
                "(and the printer's queue may keep a copy afterwards). Print anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(int)
    def _printed(self, pages: int) -> None:
        job = self.sender()
        copies = job.printer.copyCount() if isinstance(job, _PrintJob) else 1
        if isinstance(job, _PrintJob):
            job.deleteLater()
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Sent %n page(s) to the printer.", "", pages))
        if self._on_printed is not None and pages:
            try:
                self._on_printed(pages, copies)
            except VeldboekError as exc:
                show_error(self, exc, self.tr("Print report"))

    # -- saving --------------------------------------------------------------------------

    def save_pdf(self) -> None:
        if self._pdf is None or self._on_save is None:
            return
        title = unencrypted_save.title()
        path = unencrypted_save.chosen_path(
            self, self._info.marking, title, self._info.suggested_name
        )
        if path is None:
            return
        try:
            saved = unencrypted_save.write(self, path, title, self._on_save)
        except VeldboekError as exc:
            show_error(self, exc, title)
            return
        if saved:
            self.status.setText(self.tr("Saved an unencrypted copy."))

    # -- clearing ------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop the PDF and every rendered page (on lock)."""
        self._cancel.set()
        self._pdf = None
        if self._doc is not None:
            self._doc.close()  # waits for a page being rendered; the job then stops
            self._doc = None
        for label in self._page_labels:
            label.clear()
            label.deleteLater()
        self._page_labels.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()
        super().closeEvent(event)


__all__ = ["PreviewInfo", "ReportPreviewDialog", "to_qimage"]
