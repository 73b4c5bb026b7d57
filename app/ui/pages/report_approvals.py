"""The reports page's sanitised reports: the list of requests and their approvals,
and what a handler or runner does with one (preview, approve, reject, issue).
Functions of the page; their texts are translated in the "ReportsPage" context,
as the page's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from app.services import reports
from app.services.reports import ApprovalView, IssuedPdf
from app.ui.confirm import ConfirmDialog, ask, ask_with_comment
from app.ui.errors import show_error
from app.ui.record_table import RecordTable
from app.ui.report_preview import PreviewInfo, ReportPreviewDialog
from app.ui.table_models import Column
from app.ui.widgets import day_text, local_time

if TYPE_CHECKING:
    from app.ui.pages.reports import ReportsPage

translate = QCoreApplication.translate


def build(page: ReportsPage) -> QGroupBox:
    """The list of sanitised reports with its buttons (the page's ``approvals`` and
    ``*_button`` attributes), in its group box."""
    page.approvals = RecordTable(
        [
            Column(
                translate("ReportsPage", "Requested"),
                lambda a: local_time(a.requested_at),
                key=lambda a: a.requested_at,
                newest_first=True,
            ),
            Column(translate("ReportsPage", "By"), lambda a: a.requested_by),
            Column(translate("ReportsPage", "Covers"), lambda a: a.covers),
            Column(translate("ReportsPage", "Status"), lambda a: status_text(a)),
            Column(
                translate("ReportsPage", "Debriefs"),
                lambda a: str(a.debrief_count),
                key=lambda a: a.debrief_count,
            ),
            Column(translate("ReportsPage", "Marking"), lambda a: a.marking),
            Column(translate("ReportsPage", "Decided by"), lambda a: a.decided_by or ""),
        ],
        "approvalsTable",
        empty=lambda: (
            translate("ReportsPage", "No sanitised reports requested.")
            if page.approvals_loaded
            else ""
        ),
    )
    page.preview_button = page.approvals.add_button(
        translate("ReportsPage", "Preview"), page.preview_approval, "previewApproval", on_a_row=True
    )
    page.approve_button = page.approvals.add_button(
        translate("ReportsPage", "Approve"), page.approve, "approveReport", on_a_row=True
    )
    page.reject_button = page.approvals.add_button(
        translate("ReportsPage", "Reject…"), page.reject, "rejectReport", on_a_row=True
    )
    page.issue_button = page.approvals.add_button(
        translate("ReportsPage", "Issue…"), page.issue, "issueReport", on_a_row=True
    )
    box = QGroupBox(translate("ReportsPage", "Sanitised reports"))
    layout = QVBoxLayout(box)
    layout.addWidget(page.approvals)
    return box


def load(page: ReportsPage) -> None:
    """The list off the GUI thread, as the other pages load theirs (up to 500
    requests, each checked against the scope's files). An answer to an earlier
    ask is dropped: the list was asked for again, or cleared (``forget``)."""
    vault, scope = page.session.vault, page.session.scope
    page.approvals_asked += 1
    asked = page.approvals_asked

    def show(rows: list[ApprovalView]) -> None:
        if asked == page.approvals_asked:
            page.approvals_loaded = True  # first: the empty list may now say so
            page.approvals.set_rows(rows)

    def failed(exc: BaseException) -> None:
        if asked == page.approvals_asked:
            show_error(page, exc)

    page.runner.start(
        lambda _p: reports.list_approvals(vault, scope, status=None), show, failed, writes=None
    )


def forget(page: ReportsPage) -> None:
    """No list, and none on its way (a lock, another alias): nothing of it shows."""
    page.approvals_asked += 1
    page.approvals_loaded = False
    page.approvals.clear()


def status_text(approval: ApprovalView) -> str:
    return {
        "pending": translate("ReportsPage", "Awaiting approval"),
        "approved": translate("ReportsPage", "Approved: can be issued"),
        "rejected": translate("ReportsPage", "Rejected"),
        "issued": translate("ReportsPage", "Issued"),
    }.get(str(approval.status.value), str(approval.status.value))


def selected(page: ReportsPage) -> ApprovalView | None:
    approval = page.approvals.selected()
    if approval is None:
        page.status.setText(
            translate("ReportsPage", "Select a sanitised report in the list first.")
        )
    return approval


def approval_text(approval: ApprovalView) -> str:
    return translate(
        "ReportsPage",
        "the sanitised report requested by {by} on {day} (%n debrief(s), {marking})",
        "",
        approval.debrief_count,
    ).format(
        by=approval.requested_by, day=day_text(approval.requested_at), marking=approval.marking
    )


def preview(page: ReportsPage) -> None:
    """Lay out the requested report in the pool (it can be long), then show it."""
    approval = selected(page)
    if approval is None:
        return
    vault, scope, language = page.session.vault, page.session.scope, page.report_language()
    progress = page._progress(translate("ReportsPage", "Laying out the preview…"))

    def work(_report: Any) -> bytes:
        return reports.preview_approval(vault, scope, approval.id, language=language)

    def show(pdf: object) -> None:
        progress.close()
        assert isinstance(pdf, bytes)
        title = translate("ReportsPage", "Sanitised report awaiting approval")
        info = PreviewInfo(title, str(approval.id), approval.marking)
        dialog = ReportPreviewDialog(pdf, info, parent=page)
        page.previews.append(dialog)
        dialog.finished.connect(lambda _r: page._forget(dialog))
        dialog.open()

    def failed(exc: BaseException) -> None:
        progress.close()
        show_error(page, exc)

    # Not registered (it is no issued report); only the audit log records it.
    page.runner.start(work, show, failed, writes=None)


def approve(page: ReportsPage) -> ConfirmDialog | None:
    approval = selected(page)
    if approval is None:
        return None

    def approve() -> None:
        try:
            reports.approve_sanitised(page.session.vault, page.session.scope, approval.id)
        except Exception as exc:
            show_error(page, exc)
        page.reload()

    text = translate(
        "ReportsPage",
        "Approve {what}? Once approved it can be issued and shared outside the unit.",
    ).format(what=approval_text(approval))
    if approval.withheld_items:
        # The approver decides on what is shared: also on what is left out of it.
        text += " " + translate(
            "ReportsPage",
            "%n item(s) that may be shared had no sanitised wording and are left out of it.",
            "",
            approval.withheld_items,
        )
    return ask(
        page,
        title=translate("ReportsPage", "Approve sanitised report"),
        text=text,
        confirm=translate("ReportsPage", "Approve"),
        on_confirm=approve,
        name="approveReportConfirm",
    )


def reject(page: ReportsPage) -> ConfirmDialog | None:
    approval = selected(page)
    if approval is None:
        return None

    def reject(note: str) -> None:
        try:
            reports.reject_sanitised(page.session.vault, page.session.scope, approval.id, note)
        except Exception as exc:
            show_error(page, exc)
        page.reload()

    return ask_with_comment(
        page,
        title=translate("ReportsPage", "Reject sanitised report"),
        text=translate(
            "ReportsPage",
            "Reject {what}? It can then never be issued; a new request is needed.",
        ).format(what=approval_text(approval)),
        comment=translate("ReportsPage", "Why?"),
        confirm=translate("ReportsPage", "Reject"),
        on_confirm=reject,
        name="rejectReportConfirm",
    )


def issue(page: ReportsPage) -> ConfirmDialog | None:
    approval = selected(page)
    if approval is None:
        return None
    return ask(
        page,
        title=translate("ReportsPage", "Issue sanitised report"),
        text=translate(
            "ReportsPage",
            "Issue {what}? It gets a report number and is recorded in the audit log; "
            "it is printed or saved only if you choose so in the preview.",
        ).format(what=approval_text(approval)),
        confirm=translate("ReportsPage", "Issue report"),
        on_confirm=lambda: _issue(page, approval),
        name="issueReportConfirm",
    )


def _issue(page: ReportsPage, approval: ApprovalView) -> None:
    passphrase = page._ask_passphrase(
        translate(
            "ReportsPage",
            "Issuing checks the text once more against the identities: give your passphrase.",
        )
    )
    if passphrase is None:
        return
    vault, scope, language = page.session.vault, page.session.scope, page.report_language()
    cancel = page._running = reports.Cancel()
    progress = page._progress(translate("ReportsPage", "Producing the sanitised report…"), cancel)

    def work(report: Any) -> IssuedPdf:
        return reports.issue_sanitised(
            vault,
            scope,
            approval.id,
            passphrase=passphrase,
            language=language,
            progress=report,
            cancel=cancel,
        )

    page.runner.start(
        work,
        lambda pdf: page._issued(progress, pdf),
        lambda exc: page._failed(progress, exc),
        lambda d, t: page._step(progress, d, t),
        writes=progress.labelText(),
    )
