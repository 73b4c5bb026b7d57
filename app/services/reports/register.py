"""Issuing a report: render it and record it in the register (``issued_report``)
with the SHA-256 of its content and of its PDF bytes, audited as
``report.issued``. The PDF lives only in memory (``IssuedPdf``)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.enums import ReportKind
from app.domain.scope import Scope
from app.models.reports import ApprovalStatus, IssuedReport, ReportApproval
from app.reports.management_view import ManagementStamp
from app.reports.render import RenderedPdf, render
from app.reports.views import Report, SanitisedReport
from app.services.reports.choices import Selection
from app.services.reports.progress import Cancel, ProgressFn
from app.services.views import DebriefView
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class IssuedPdf:
    """A report that was issued and registered; ``pdf`` lives only in memory."""

    report_id: uuid.UUID
    kind: ReportKind
    marking: str
    pdf: bytes
    page_count: int
    content_sha256: str
    pdf_sha256: str
    debrief_count: int
    skipped_debriefs: int = 0
    withheld_items: int = 0

    @property
    def suggested_name(self) -> str:
        # No codename in a file name: names show up in recent-file lists and backups.
        return f"veldboek-{self.kind.value}-{self.report_id.hex[:8]}.pdf"


def printer_reference(vault: Vault, report_id: uuid.UUID, printed_by: str) -> str:
    """Who printed a sanitised report, as the page may say it: a short keyed code
    of the report id and the printing alias. Only this vault can compute it, so
    only its register resolves it (``verify``). A new code for every report, so
    codes do not link the reports one runner printed."""
    digest = vault.mac("report printer reference", report_id.bytes + printed_by.encode())
    code = base64.b32encode(digest[:5]).decode("ascii")  # 40 bits, 8 characters
    return f"PR-{code[:4]}-{code[4:]}"


def _period(views: Sequence[DebriefView], selection: Selection) -> tuple[date | None, date | None]:
    if selection.date_from or selection.date_to:
        return selection.date_from, selection.date_to
    days = [v.created_at.date() for v in views]
    return (min(days), max(days)) if days else (None, None)


def _kind(report: Report) -> ReportKind:
    return ReportKind.SANITISED if isinstance(report, SanitisedReport) else ReportKind.INTERNAL


def _only(values: set[uuid.UUID]) -> uuid.UUID | None:
    return next(iter(values)) if len(values) == 1 else None


def _register(
    vault: Vault,
    scope: Scope,
    report: Report,
    rendered: RenderedPdf,
    pdf_sha: str,
    views: Sequence[DebriefView],
    selection: Selection,
    *,
    printed_at: datetime,
    approval_id: uuid.UUID | None,
) -> None:
    """The register entry and its audit event, in one transaction; an approval
    used for it is marked issued."""
    report_id = uuid.UUID(report.stamp.report_id)
    kind = _kind(report)
    compartment = _only({v.compartment_id for v in views})
    period = _period(views, selection)
    with vault.write() as session:
        session.add(
            IssuedReport(
                id=report_id,
                kind=kind,
                marking=report.stamp.marking,
                content_sha256=rendered.content_sha256,
                pdf_sha256=pdf_sha,
                page_count=rendered.page_count,
                printed_by_alias_id=scope.alias_id,
                printed_by=scope.alias_name,
                # The time on the page, so the page and ``verify`` agree.
                printed_at=printed_at,
                compartment_id=compartment,
                source_id=_only({v.source_id for v in views}),
                period_from=period[0],
                period_to=period[1],
                debrief_ids=json.dumps([v.id.hex for v in views]),
                approval_id=approval_id,
            )
        )
        if approval_id is not None:
            approval = session.get(ReportApproval, approval_id)
            assert approval is not None
            approval.status = ApprovalStatus.ISSUED
            approval.issued_report_id = report_id
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "report.issued",
            record_type="report",
            record_id=report_id,
            compartment_id=compartment,
            detail={
                "kind": kind.value,
                "marking": report.stamp.marking,
                "pages": rendered.page_count,
                "debriefs": len(views),
                "content_sha256": rendered.content_sha256,
                "pdf_sha256": pdf_sha,
                "approval_id": approval_id.hex if approval_id else None,
            },
        )


def register_management(
    vault: Vault,
    scope: Scope,
    stamp: ManagementStamp,
    rendered: RenderedPdf,
    *,
    first: date,
    last: date,
) -> IssuedPdf:
    """Record an issued management report as the others are: a register row and
    its ``report.issued`` event in one transaction. It covers figures, not
    records: no debrief, source or compartment."""
    report_id = uuid.UUID(stamp.report_id)
    pdf_sha = hashlib.sha256(rendered.data).hexdigest()
    with vault.write() as session:
        session.add(
            IssuedReport(
                id=report_id,
                kind=ReportKind.MANAGEMENT,
                marking=stamp.marking,
                content_sha256=rendered.content_sha256,
                pdf_sha256=pdf_sha,
                page_count=rendered.page_count,
                printed_by_alias_id=scope.alias_id,
                printed_by=scope.alias_name,
                printed_at=stamp.printed_at,
                period_from=first,
                period_to=last,
                debrief_ids="[]",
            )
        )
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "report.issued",
            record_type="report",
            record_id=report_id,
            detail={
                "kind": ReportKind.MANAGEMENT.value,
                "marking": stamp.marking,
                "pages": rendered.page_count,
                "period": f"{first.isoformat()}..{last.isoformat()}",
                "content_sha256": rendered.content_sha256,
                "pdf_sha256": pdf_sha,
            },
        )
    return IssuedPdf(
        report_id=report_id,
        kind=ReportKind.MANAGEMENT,
        marking=stamp.marking,
        pdf=rendered.data,
        page_count=rendered.page_count,
        content_sha256=rendered.content_sha256,
        pdf_sha256=pdf_sha,
        debrief_count=0,
    )


def issue(
    vault: Vault,
    scope: Scope,
    report: Report,
    views: Sequence[DebriefView],
    selection: Selection,
    *,
    printed_at: datetime,
    progress: ProgressFn | None,
    cancel: Cancel | None,
    approval_id: uuid.UUID | None = None,
    skipped: int = 0,
    withheld: int = 0,
) -> IssuedPdf:
    """Render ``report`` and register it; ``approval_id``: the approval it uses up."""
    rendered = render(report, progress=progress)
    if cancel is not None:
        cancel.check()  # the last chance: after this, the report is registered
    pdf_sha = hashlib.sha256(rendered.data).hexdigest()
    _register(
        vault,
        scope,
        report,
        rendered,
        pdf_sha,
        views,
        selection,
        printed_at=printed_at,
        approval_id=approval_id,
    )
    return IssuedPdf(
        report_id=uuid.UUID(report.stamp.report_id),
        kind=_kind(report),
        marking=report.stamp.marking,
        pdf=rendered.data,
        page_count=rendered.page_count,
        content_sha256=rendered.content_sha256,
        pdf_sha256=pdf_sha,
        debrief_count=len(views),
        skipped_debriefs=skipped,
        withheld_items=withheld,
    )
