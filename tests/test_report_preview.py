"""The print-preview dialog: pages rendered off the GUI thread and shown, Print
paints every page on the printer, Save PDF asks first and hands over to the caller."""

from __future__ import annotations

import io
import os
import stat
import uuid
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QScrollArea
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.reports import raster
from app.services import reports
from app.services.reports import IssuedPdf, Selection, printing
from app.ui import report_preview
from app.ui.report_preview import PreviewInfo, ReportPreviewDialog
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.boxes import RETURN, answering, shown_error
from tests.helpers.fit import LAPTOP, off_screen, on_laptop_screen


@pytest.fixture
def issued(vault: Vault, runner: Scope) -> IssuedPdf:
    source_id = factory.source(vault, runner, "ONYX")
    items = tuple(factory.graded_item(f"Item {n} " + "detail " * 40) for n in range(12))
    debrief_id = factory.debrief(vault, runner, source_id, items=items)
    result = reports.issue_internal(vault, runner, Selection(debrief_id=debrief_id))
    assert result.page_count >= 2
    return result


def _dialog(qtbot: QtBot, issued: IssuedPdf, **callbacks: object) -> ReportPreviewDialog:
    info = PreviewInfo("Debrief report", str(issued.report_id), issued.marking, "r.pdf")
    dialog = ReportPreviewDialog(issued.pdf, info, **callbacks)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    return dialog


def _page_area(dialog: ReportPreviewDialog) -> QScrollArea:
    area = dialog.findChild(QScrollArea)
    assert area is not None
    return area


def _press(qtbot: QtBot, dialog: ReportPreviewDialog, key: Qt.Key) -> None:
    """A key press on the pages, as the user makes it; then wait for the pages
    it brought into view."""
    qtbot.keyClick(_page_area(dialog), key)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)


def _page_down_to_the_end(qtbot: QtBot, dialog: ReportPreviewDialog) -> None:
    bar = _page_area(dialog).verticalScrollBar()
    for _ in range(100):
        if bar.value() == bar.maximum():
            return
        _press(qtbot, dialog, Qt.Key.Key_PageDown)
    raise AssertionError("Page Down did not reach the last page")


def test_preview_shows_every_page_rendered_in_memory(
    qtbot: QtBot, issued: IssuedPdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    dialog = _dialog(qtbot, issued)
    assert _page_area(dialog).hasFocus()  # Page Down works at once
    _page_down_to_the_end(qtbot, dialog)
    assert dialog.rendered_pages() == issued.page_count
    first = dialog.findChild(type(dialog.status), "previewPage1")
    assert first is not None
    pixmap = first.pixmap()
    assert pixmap.width() > 700  # A4 at 96 dpi is 794 px wide
    assert pixmap.toImage().pixelColor(10, 10).name() == "#ffffff"
    assert "Nothing has been written to disk" in dialog.status.text()
    assert not dialog.print_button.isVisible()  # no callbacks, no buttons
    assert not dialog.save_button.isVisible()
    assert list(work.iterdir()) == []
    assert list(tmp_path.rglob("*.pdf")) == []
    dialog.close()
    assert dialog.rendered_pages() == 0  # closing drops the rendered pages


def test_the_preview_and_its_buttons_fit_a_laptop_screen(
    qtbot: QtBot, issued: IssuedPdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_laptop_screen(monkeypatch)
    dialog = _dialog(qtbot, issued, on_printed=lambda _p, _c: None, on_save=lambda _p, _o: None)
    assert dialog.height() < 1000  # as tall as it would be on a larger screen: not here
    assert dialog.height() > LAPTOP.height() - 100  # but it takes what there is
    assert off_screen(dialog) == []
    for button in (dialog.print_button, dialog.save_button):
        assert button.isVisible()


def test_paging_through_the_preview_renders_each_page_once_from_one_parse(
    qtbot: QtBot, issued: IssuedPdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    rendered: list[int] = []
    document, render = pdfium.PdfDocument, raster._render

    def counted_document(*args: object, **kwargs: object) -> object:
        parsed.append(1)
        return document(*args, **kwargs)

    def counted_render(doc: object, index: int, dpi: float) -> raster.PageImage:
        rendered.append(index + 1)
        return render(doc, index, dpi)

    monkeypatch.setattr(pdfium, "PdfDocument", counted_document)
    monkeypatch.setattr(raster, "_render", counted_render)
    dialog = _dialog(qtbot, issued)
    pages = issued.page_count
    assert pages >= 4
    # Only what is in view, and the page after it.
    assert 1 <= len(rendered) < pages
    assert dialog.rendered_pages() == len(rendered)

    _page_down_to_the_end(qtbot, dialog)
    bar = _page_area(dialog).verticalScrollBar()
    while bar.value() > 0:  # and back up, and down again: nothing is rendered twice
        _press(qtbot, dialog, Qt.Key.Key_PageUp)
    _page_down_to_the_end(qtbot, dialog)
    for _ in range(3):
        _press(qtbot, dialog, Qt.Key.Key_Up)
    assert sorted(rendered) == list(range(1, pages + 1))
    assert dialog.rendered_pages() == pages
    assert parsed == [1]  # the document was parsed once, for every page
    for number in range(1, pages + 1):
        label = dialog.findChild(type(dialog.status), f"previewPage{number}")
        assert label is not None
        assert label.pixmap().width() > 700


def test_print_paints_every_page_and_reports_it(
    qtbot: QtBot,
    issued: IssuedPdf,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shm_runtime: Path,
) -> None:
    printed: list[tuple[int, int]] = []
    dialog = _dialog(
        qtbot, issued, on_printed=lambda pages, copies: printed.append((pages, copies))
    )
    # No printer on a test machine: the "printer" is Qt's PDF engine, set up before
    # the (mocked) print dialog runs, so the dialog did not redirect it to a file.
    sink = tmp_path / "printer-output.pdf"

    def make_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(sink))
        printer.setFullPage(True)
        printer.setResolution(150)
        return printer

    monkeypatch.setattr(dialog, "_make_printer", make_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    assert printed == [(issued.page_count, 1)]
    pages = PdfReader(io.BytesIO(sink.read_bytes())).pages
    assert len(pages) == issued.page_count
    for page in pages:
        assert list(page.images), "each printed page carries the rendered page image"
    assert "Sent" in dialog.status.text()


def test_print_refuses_a_dialog_that_redirects_to_a_file(
    qtbot: QtBot, issued: IssuedPdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[tuple[int, int]] = []
    warnings: list[str] = []
    dialog = _dialog(qtbot, issued, on_printed=lambda p, c: printed.append((p, c)))
    target = tmp_path / "via-dialog.pdf"

    def choose_file(self: QPrintDialog) -> int:
        self.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    def record_warning(
        parent: object, title: str, text: str, *rest: object
    ) -> QMessageBox.StandardButton:
        warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QPrintDialog, "exec", choose_file)
    monkeypatch.setattr(QMessageBox, "warning", record_warning)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert warnings
    assert "not allowed" in warnings[0]
    qtbot.wait(200)
    assert printed == []
    assert not target.exists()


@pytest.mark.parametrize("confirm", [False, True])
def test_save_asks_for_confirmation_then_calls_back(
    qtbot: QtBot, issued: IssuedPdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, confirm: bool
) -> None:
    saved: list[Path] = []
    asked: list[str] = []
    dialog = _dialog(qtbot, issued, on_save=lambda path, _overwrite: saved.append(path))
    answer = QMessageBox.StandardButton.Save if confirm else QMessageBox.StandardButton.Cancel

    def warn(parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "warning", warn)
    chosen = tmp_path / "chosen.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), "PDF files (*.pdf)")
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "NOT be encrypted" in asked[0]
    assert issued.marking in asked[0]
    assert saved == ([chosen] if confirm else [])
    assert not chosen.exists()  # the dialog never writes; the callback does


def test_dialog_saves_through_the_service_and_it_is_audited(
    qtbot: QtBot,
    issued: IssuedPdf,
    vault: Vault,
    runner: Scope,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(
        qtbot,
        issued,
        on_save=lambda path, overwrite: reports.save_pdf(
            vault, runner, issued, path, overwrite=overwrite
        ),
    )
    target = tmp_path / f"{uuid.uuid4().hex}.pdf"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == issued.pdf
    assert reports.verify_pdf(vault, target.read_bytes(), actor=runner.actor).ok


def _pdf_printer(sink: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(sink))
    printer.setFullPage(True)
    printer.setResolution(72)
    return printer


def test_the_print_systems_temporary_file_goes_to_memory(
    qtbot: QtBot,
    issued: IssuedPdf,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shm_runtime: Path,
) -> None:
    """When the job starts (where Qt's CUPS engine makes its temporary file with
    cupsTempFd, which reads TMPDIR), TMPDIR is the owner-only folder in memory."""
    printed: list[int] = []
    dialog = _dialog(qtbot, issued, on_printed=lambda pages, copies: printed.append(pages))
    at_start: list[str | None] = []

    class Painter(QPainter):
        def begin(self, device: QPaintDevice) -> bool:
            at_start.append(os.environ.get("TMPDIR"))
            return bool(super().begin(device))

    monkeypatch.setattr(report_preview, "QPainter", Painter)
    monkeypatch.setattr(dialog, "_make_printer", lambda: _pdf_printer(tmp_path / "out.pdf"))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    warned: list[object] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    spool = shm_runtime / "veldboek"
    assert at_start == [str(spool)]
    assert stat.S_IMODE(os.stat(spool).st_mode) == 0o700
    assert warned == []  # nothing to warn about


@pytest.mark.parametrize("confirm", [False, True])
def test_printing_where_the_job_would_be_spooled_to_disk_asks_first(
    qtbot: QtBot,
    issued: IssuedPdf,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    confirm: bool,
) -> None:
    printed: list[int] = []
    dialog = _dialog(qtbot, issued, on_printed=lambda pages, copies: printed.append(pages))
    monkeypatch.setattr(
        printing,  # the module the dialog calls
        "ready_for_printing",
        lambda: printing.SpoolDir(None, "no owner-only folder in memory"),
    )
    monkeypatch.setattr(dialog, "_make_printer", lambda: _pdf_printer(tmp_path / "out.pdf"))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    asked: list[str] = []

    def warning(parent: object, title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "unencrypted file on disk" in asked[0]
    if confirm:
        qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
        assert printed == [issued.page_count]
    else:
        qtbot.wait(300)
        assert printed == []
        assert not (tmp_path / "out.pdf").exists()


def test_save_refuses_a_vault_file_and_asks_before_replacing(
    qtbot: QtBot,
    issued: IssuedPdf,
    vault: Vault,
    runner: Scope,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(
        qtbot,
        issued,
        on_save=lambda path, overwrite: reports.save_pdf(
            vault, runner, issued, path, overwrite=overwrite
        ),
    )
    root = vault.paths.root
    wal = root / "vault.db-wal"
    assert wal.exists()  # the vault is open
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "db-link").symlink_to(root / "vault.db")
    os.link(root / "vault.header", outside / "header-link")
    chosen: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen[-1]), ""))
    for target in (
        root / "vault.db",
        wal,
        root / "report.pdf",
        outside / "db-link",
        outside / "header-link",
    ):
        before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
        chosen.append(target)
        with answering("Save"):  # the warning that the PDF is not encrypted
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        error = shown_error()
        assert "nothing was written" in error.text(), error.text()
        error.close()
        assert {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()} == before
        assert dialog.status.text() != "Saved an unencrypted copy."

    existing = outside / "report.pdf"
    existing.write_bytes(b"an older report\n")
    chosen.append(existing)
    with answering("Save", RETURN) as asked:  # Return: the default, No
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked.names[1] == "replaceFileBox"
    assert "report.pdf already exists" in asked.texts[1]
    assert existing.read_bytes() == b"an older report\n"
    with answering("Save", "Yes"):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert existing.read_bytes() == issued.pdf
    assert dialog.status.text() == "Saved an unencrypted copy."
