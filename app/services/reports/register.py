"""Issuing a report: render it and record it in the register (``issued_report``)
with the SHA-256 of its content and of its PDF bytes, audited as
``report.issued``. The PDF lives only in memory (``IssuedPdf``)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.enums import ReportKind
from app.domain.meeting import met_on
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
    return reference_code(digest)


def reference_code(raw: bytes) -> str:
    """A printer reference as pages print it: ``PR-`` and the first 40 bits of
    ``raw`` in 8 base32 characters (the central system's are random)."""
    code = base64.b32encode(raw[:5]).decode("ascii")
    return f"PR-{code[:4]}-{code[4:]}"


def _period(views: Sequence[DebriefView], selection: Selection) -> tuple[date | None, date | None]:
    """The period chosen, else the days of the meetings covered, as the reports
    date their debriefs (``met_on``), not the days they were written up."""
    if selection.date_from or selection.date_to:
        return selection.date_from, selection.date_to
    days = [met_on(v) for v in views]
    return (min(days), max(days)) if days else (None, None)


def _kind(report: Report) -> ReportKind:
    return ReportKind.SANITISED if isinstance(report, SanitisedReport) else ReportKind.INTERNAL


def _only(values: set[uuid.UUID]) -> uuid.UUID | None:
    return next(iter(values)) if len(values) == 1 else None


@dataclass(frozen=True)
class _Entry:
    """What a register row says beyond the rendering: what the report is and
    covers (a management report covers figures: no debrief, source or
    compartment); its ``report.issued`` event says the same of every kind."""

    report_id: uuid.UUID
    kind: ReportKind
    marking: str
    printed_at: datetime  # the time on the page, so the page and ``verify`` agree
    period: tuple[date | None, date | None]
    debrief_ids: tuple[uuid.UUID, ...] = ()
    compartment_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    approval_id: uuid.UUID | None = None


def _period_text(period: tuple[date | None, date | None]) -> str | None:
    first, last = period
    return f"{first.isoformat()}..{last.isoformat()}" if first and last else None


def _register(vault: Vault, scope: Scope, entry: _Entry, rendered: RenderedPdf) -> IssuedPdf:
    """The register row and its audit event, in one transaction; an approval used
    for it is marked issued. The PDF stays in memory."""
    pdf_sha = hashlib.sha256(rendered.data).hexdigest()
    with vault.write() as session:
        session.add(
            IssuedReport(
                id=entry.report_id,
                kind=entry.kind,
                marking=entry.marking,
                content_sha256=rendered.content_sha256,
                pdf_sha256=pdf_sha,
                page_count=rendered.page_count,
                printed_by_alias_id=scope.alias_id,
                printed_by=scope.alias_name,
                printed_at=entry.printed_at,
                compartment_id=entry.compartment_id,
                source_id=entry.source_id,
                period_from=entry.period[0],
                period_to=entry.period[1],
                debrief_ids=json.dumps([i.hex for i in entry.debrief_ids]),
                approval_id=entry.approval_id,
            )
        )
        if entry.approval_id is not None:
            approval = session.get(ReportApproval, entry.approval_id)
            assert approval is not None
            approval.status = ApprovalStatus.ISSUED
            approval.issued_report_id = entry.report_id
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "report.issued",
            record_type="report",
            record_id=entry.report_id,
            compartment_id=entry.compartment_id,
            detail={
                "kind": entry.kind.value,
                "marking": entry.marking,
                "pages": rendered.page_count,
                "debriefs": len(entry.debrief_ids),
                "period": _period_text(entry.period),
                "approval_id": entry.approval_id.hex if entry.approval_id else None,
                "content_sha256": rendered.content_sha256,
                "pdf_sha256": pdf_sha,
            },
        )
    return IssuedPdf(
        report_id=entry.report_id,
        kind=entry.kind,
        marking=entry.marking,
        pdf=rendered.data,
        page_count=rendered.page_count,
        content_sha256=rendered.content_sha256,
        pdf_sha256=pdf_sha,
        debrief_count=len(entry.debrief_ids),
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
    """Record an issued management report as the others are."""
    entry = _Entry(
        report_id=uuid.UUID(stamp.report_id),
        kind=ReportKind.MANAGEMENT,
        marking=stamp.marking,
        printed_at=stamp.printed_at,
        period=(first, last),
    )
    return _register(vault, scope, entry, rendered)


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
    entry = _Entry(
        report_id=uuid.UUID(report.stamp.report_id),
        kind=_kind(report),
        marking=report.stamp.marking,
        printed_at=printed_at,
        period=_period(views, selection),
        debrief_ids=tuple(v.id for v in views),
        compartment_id=_only({v.compartment_id for v in views}),
        source_id=_only({v.source_id for v in views}),
        approval_id=approval_id,
    )
    issued = _register(vault, scope, entry, rendered)
    return dataclasses.replace(issued, skipped_debriefs=skipped, withheld_items=withheld)
