"""Reports from the GUI: internal report from a debrief, sanitised request refused
by the guard, handler approval, issue, preview, verify; previews cleared on lock."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.cli import report_approval_commands
from app.models import AuditEvent, CompartmentMember, Source
from app.models.reports import IssuedReport
from app.reports.blocks import ProgressMark
from app.services import reports
from app.services.admin import aliases
from app.services.records import debriefs, identity
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.ui.report_preview import ReportPreviewDialog
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.test_report_support import pages_text
from tests.ui.conftest import unlock

W = TypeVar("W", bound=QWidget)


def visible(kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def reports_page(window: MainWindow) -> ReportsPage:
    page = window.page(ReportsPage)
    assert isinstance(page, ReportsPage)
    return page


def show_reports(window: MainWindow) -> ReportsPage:
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    return page


def test_internal_report_from_the_debrief_editor(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "RAPPORT")
    debrief_id = factory.debrief(vault, scope, source, narrative="The van left at 22:00.")
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, Qt.MouseButton.LeftButton)
    page = reports_page(window)
    assert window.stack.currentWidget() is page
    assert "RAPPORT" in page.one.text()
    assert page.internal.isChecked()
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    question = confirm(qtbot, "issueReportConfirm")  # issuing asks first
    assert "RAPPORT" in question
    assert "internal report" in question
    qtbot.waitUntil(lambda: bool(page.previews), timeout=20_000)
    preview = page.previews[0]
    qtbot.waitUntil(lambda: "Nothing has been written" in preview.status.text(), timeout=20_000)
    assert "issued" in page.status.text()
    # Locking drops the preview with the PDF it held.
    controller.lock.lock("manual")
    assert preview._pdf is None


@pytest.mark.usefixtures("english")
def test_sanitised_report_refused_then_approved_and_issued(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = unlock(qtbot, controller)
    vault, runner = window.session.vault, window.session.scope
    source = factory.source(vault, runner, "GESCHOOND")
    havik = aliases.resolve_scope(vault, "Havik")
    with vault.write() as session:
        comp = session.get(Source, source).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=havik.alias_id))
    identity.record_identity(vault, runner, source, IdentityFields(full_name="Karel Kaasboer"))
    leaky = factory.graded_item(
        "Karel said the van is his.", sanitised_text="Karel Kaasboer reportedly owns the van."
    )
    debrief_id = factory.debrief(vault, runner, source, items=(leaky,), submit=True)
    monkeypatch.setattr(
        "app.ui.pages.reports.QInputDialog.getText", lambda *a, **k: (factory.PASSPHRASE, True)
    )
    page = show_reports(window)
    page.set_debrief(debrief_id, "GESCHOOND")
    radio = page.sanitised
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert page.sanitised.isChecked()
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Refused" in page.status.text(), timeout=20_000)
    boxes = [b for b in visible(QMessageBox) if b.objectName() == "sanitisationRefused"]
    assert boxes
    assert "Kaasboer" in boxes[0].detailedText()
    for box in boxes:
        box.close()

    # A clean wording passes the guard and waits for a handler.
    clean = debriefs.create_draft(vault, runner, source)
    debriefs.save_draft(
        vault, runner, clean, debriefs.DebriefContent(narrative="n", critical_reflection="r")
    )
    debriefs.add_item(
        vault,
        runner,
        clean,
        factory.graded_item(
            "The van belongs to Karel.", sanitised_text="A van reportedly belongs to a local man."
        ),
    )
    # Shareable, but not worded for sharing: left out, and the requester is told.
    debriefs.add_item(vault, runner, clean, factory.graded_item("Karel is 40.", sanitised_text=""))
    debriefs.submit(vault, runner, clean)
    page.set_debrief(clean, "GESCHOOND")
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "waits for a handler" in page.status.text(), timeout=20_000)
    assert (
        "1 item that may be shared has no sanitised wording and is left out." in page.status.text()
    )
    qtbot.waitUntil(lambda: page.approvals.model.rowCount() == 1)  # loaded in the pool
    assert not page.approve_button.isVisible()  # a runner cannot approve

    window.session.switch_alias("Havik")
    page = show_reports(window)
    assert page.approve_button.isVisible()
    qtbot.waitUntil(lambda: page.approvals.model.rowCount() == 1)
    # What the request covers, in the list: its source (two requests told apart).
    covers = page.approvals.model.index(0, 2).data()
    assert covers.startswith("GESCHOOND")
    assert " – " not in covers  # one debrief, one day: the day once, not twice
    page.approvals.view.selectRow(0)
    # The approver's preview is laid out in the pool, not on the GUI thread.
    threads: list[threading.Thread] = []
    preview = reports.preview_approval

    def recorded(*args: object, **kwargs: object) -> bytes:
        threads.append(threading.current_thread())
        return preview(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("app.ui.pages.reports.reports.preview_approval", recorded)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.previews), timeout=20_000)
    assert threads
    assert threads[0] is not threading.main_thread()
    held = page.previews[0]._pdf
    assert held is not None
    assert "AWAITING APPROVAL" in pages_text(held)[0]
    page.previews[0].close()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    question = confirm(qtbot, "approveReportConfirm")
    assert "Approve the sanitised report" in question
    # The approver is told what the requester was: a shareable item is left out.
    assert "1 item that may be shared had no sanitised wording and is left out of it." in question
    qtbot.waitUntil(lambda: statuses(page) == ["approved"])  # the list loaded again

    window.session.switch_alias(runner.alias_name)
    page = show_reports(window)
    qtbot.waitUntil(lambda: statuses(page) == ["approved"])
    page.approvals.view.selectRow(0)
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, "issueReportConfirm")
    qtbot.waitUntil(lambda: bool(page.previews), timeout=20_000)
    issued_text = page.status.text()
    assert "issued" in issued_text

    # Saved on explicit choice, the file verifies; an altered copy does not.
    report = page.previews[0]
    assert isinstance(report, ReportPreviewDialog)
    out = tmp_path / "report.pdf"
    assert report._pdf is not None
    out.write_bytes(report._pdf)
    page.verify_path(out)
    assert page.verify_result.text().startswith("VERIFIED")
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    out.write_bytes(bytes(data))
    page.verify_path(out)
    assert page.verify_result.text().startswith("NOT VERIFIED")
    assert reports.list_approvals(vault, runner, status=None)[0].status.value == "issued"


def statuses(page: ReportsPage) -> list[str]:
    """The statuses the approvals list shows, top to bottom."""
    rows = (page.approvals.model.row_at(r) for r in range(page.approvals.model.rowCount()))
    return [str(row.status.value) for row in rows if row is not None]


def _progress_dialog(page: ReportsPage) -> QProgressDialog | None:
    dialogs = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
    return dialogs[0] if dialogs else None


def _batch_page(window: MainWindow) -> ReportsPage:
    window.session.switch_alias("Uil")  # the demo runner with the most files
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    return page


def _batch_choice(qtbot: QtBot, page: ReportsPage) -> None:
    """Every debrief of the alias's files since 2000: a long report."""
    box = page.date_from.enabled
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert page.date_from.edit.isEnabled()
    page.date_from.set_value(date(2000, 1, 1))


def test_a_batch_report_runs_off_the_gui_thread_with_a_progress_dialog(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.admin import local_config

    local_config.save(local_config.LocalConfig("nl"))  # reports follow the interface
    page = _batch_page(unlock(qtbot, controller))
    _batch_choice(qtbot, page)
    # Each step as the dialog showed it, recorded as it arrives on the GUI thread
    # (polling the dialog could miss a fast report on a busy machine).
    seen: list[tuple[int, int, bool, bool]] = []
    real_step = page._step

    def step(progress: QProgressDialog, done: int, total: int) -> None:
        # Noted before the step: a modal dialog's setValue runs the event loop, which
        # may deliver the next steps inside this one.
        seen.append(
            (done, total, progress.isVisible(), progress.findChild(QPushButton) is not None)
        )
        real_step(progress, done, total)

    monkeypatch.setattr(page, "_step", step)
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, "issueReportConfirm")
    assert not page.previews  # the click returned at once; the work is in the pool
    qtbot.waitUntil(lambda: bool(page.previews), timeout=90_000)
    assert _progress_dialog(page) is None
    values = [done for done, _total, _visible, _cancel in seen]
    assert len([v for v in values if v > 0]) >= 2
    assert values == sorted(values)
    assert max(total for _v, total, _visible, _cancel in seen) > 40  # twice the debriefs
    assert any(visible for _v, _t, visible, _cancel in seen)  # shown while it worked
    assert all(cancel for _v, _t, _visible, cancel in seen)  # with a Cancel button
    pdf = page.previews[0]._pdf
    assert pdf is not None
    assert "Pagina 1 van" in pages_text(pdf)[0]


def test_cancel_stops_a_batch_report_and_nothing_is_issued(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    page = _batch_page(window)
    laid_out: list[object] = []
    draw = ProgressMark.draw

    def slow_draw(mark: ProgressMark) -> None:
        laid_out.append(mark)
        time.sleep(0.05)  # long enough to press Cancel in the middle
        draw(mark)

    # Debriefs are read all at once; the report is cancelled while they are laid
    # out (the layout reaches a mark after each debrief).
    monkeypatch.setattr(ProgressMark, "draw", slow_draw)
    _batch_choice(qtbot, page)
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, "issueReportConfirm")
    qtbot.waitUntil(lambda: _progress_dialog(page) is not None, timeout=30_000)
    dialog = _progress_dialog(page)
    assert dialog is not None
    button = dialog.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.runner.pending() == 0, timeout=30_000)
    assert "Cancelled" in page.status.text()
    assert not page.previews
    vault = window.session.vault
    total = debriefs.count_debriefs(vault, window.session.scope)
    assert 0 < len(laid_out) < total  # it stopped part-way
    with vault.read() as session:
        assert session.execute(select(IssuedReport)).first() is None
        issued = session.execute(
            select(AuditEvent).where(AuditEvent.action == "report.issued")
        ).first()
    assert issued is None
    qtbot.wait(300)
    assert _progress_dialog(page) is None  # late progress does not bring it back


PAGES = {
    "en": (" page. Nothing has been written to disk.", " pages. Nothing has been written to disk."),
    "nl": (
        " pagina. Er is niets naar schijf geschreven.",
        " pagina's. Er is niets naar schijf geschreven.",
    ),
}
ISSUED = {"en": (" page.", " pages."), "nl": (" pagina.", " pagina's.")}


def test_a_report_counts_its_pages_in_words(
    qtbot: QtBot, language: str, controller: AppController
) -> None:
    """ "2 pages", "1 pagina": never "page(s)" (Qt's plural forms, in both languages)."""
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "TELLING")
    debrief_id = factory.debrief(vault, scope, source, narrative="The van left at 22:00.")
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, Qt.MouseButton.LeftButton)
    page = reports_page(window)
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, "issueReportConfirm")
    qtbot.waitUntil(lambda: bool(page.previews), timeout=20_000)
    preview = page.previews[0]
    total = preview._total
    one_or_more = 0 if total == 1 else 1
    qtbot.waitUntil(
        lambda: preview.status.text() == f"{total}{PAGES[language][one_or_more]}", timeout=20_000
    )
    assert page.status.text().endswith(f": {total}{ISSUED[language][one_or_more]}")
    assert "(s)" not in page.status.text() + preview.status.text()


def test_covers_in_the_app_and_on_the_command_line() -> None:
    def request(start: date | None, end: date | None) -> reports.ApprovalView:
        return reports.ApprovalView(
            id=uuid.uuid4(),
            status=reports.ApprovalStatus.PENDING,
            marking="STG. CONFIDENTIEEL",
            requested_by="Valk",
            requested_at=datetime(2026, 12, 7, 9, tzinfo=UTC),
            decided_by=None,
            decided_at=None,
            decision_note="",
            debrief_count=1,
            period_from=start,
            period_to=end,
            issued_report_id=None,
            sources=("JASPIS", "ONYX"),
        )

    day, later = date(2026, 12, 7), date(2026, 12, 9)
    assert request(day, day).covers == "JASPIS, ONYX · 2026-12-07"
    assert request(day, later).covers == "JASPIS, ONYX · 2026-12-07 – 2026-12-09"
    assert request(day, None).covers == "JASPIS, ONYX · 2026-12-07 – …"
    assert request(None, later).covers == "JASPIS, ONYX · … – 2026-12-09"
    assert request(None, None).covers == "JASPIS, ONYX"
    # The command line keeps " to " between the days (its output only gains fields).
    cli = report_approval_commands.covers
    assert cli(request(day, later)) == "JASPIS, ONYX · 2026-12-07 to 2026-12-09"
    assert cli(request(day, None)) == "JASPIS, ONYX · 2026-12-07 to …"
    assert cli(request(None, None)) == "JASPIS, ONYX"
