"""Approvals of sanitised reports: the request a handler decides on (approve or
reject), who may see it, and the list of them. An approval fixes the debriefs
and the SHA-256 of the sanitised body; it is used once (``sanitised_report``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal.debrief_parts import listed, visible_sources
from app.dal.scope import visible
from app.dal.source_names import shown_codenames
from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, NotFound, WorkflowError
from app.models import Alias, AuditEvent, Debrief
from app.models.reports import ApprovalStatus, ReportApproval
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class ApprovalView:
    id: uuid.UUID
    status: ApprovalStatus
    marking: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str
    debrief_count: int
    period_from: date | None
    period_to: date | None
    issued_report_id: uuid.UUID | None
    # Items that may be shared but had no sanitised wording when requested, left
    # out of the report: the requester and the approver are told.
    withheld_items: int = 0
    # The sources covered, as the scope reads their codenames (sorted): two
    # requests of one runner are told apart by them.
    sources: tuple[str, ...] = ()

    @property
    def period_days(self) -> tuple[str, ...]:
        """The period as days to show: none, one day for a one-day request (not
        the same day twice), else its first and last ("…" for an open end)."""
        start, end = self.period_from, self.period_to
        if start is None and end is None:
            return ()
        if start == end:
            return (start.isoformat(),) if start else ()
        return tuple(d.isoformat() if d else "…" for d in (start, end))

    @property
    def covers(self) -> str:
        """What a request covers, as the app's list shows it: its sources and its
        period (two requests of one runner on one day are told apart by it)."""
        return self.covered(" – ")

    def covered(self, separator: str) -> str:
        """``covers`` with ``separator`` between the period's days: the command
        line keeps the " to " its scripts read."""
        days = separator.join(self.period_days)
        return " · ".join(filter(None, (", ".join(self.sources), days)))


def _withheld(session: Session, approvals: Sequence[ReportApproval]) -> dict[str, int]:
    """By approval (hex id): the count its request recorded in its audit event (not
    a column: the approval table predates it)."""
    hexes = json.dumps([a.id.hex for a in approvals])
    rows = session.execute(
        select(AuditEvent.record_id, AuditEvent.detail).where(
            AuditEvent.record_type == "report_approval",
            listed(AuditEvent.record_id, hexes),
            AuditEvent.action == "report.sanitised_requested",
        )
    )
    found: dict[str, int] = {}
    for record_id, detail in rows:
        count = json.loads(detail).get("withheld_items", 0) if detail else 0
        found.setdefault(record_id, count if isinstance(count, int) else 0)
    return found


def approval_view(session: Session, scope: Scope, a: ReportApproval) -> ApprovalView:
    return _views(session, scope, [a], visible_sources(session, scope, approval_ids(a)))[0]


def _views(
    session: Session,
    scope: Scope,
    approvals: Sequence[ReportApproval],
    sources_of: Mapping[uuid.UUID, uuid.UUID],
) -> list[ApprovalView]:
    """The views of ``approvals``, in a few statements for all of them (not a few
    for each: the Reports page lists up to 500). ``sources_of``: the source of
    each of their debriefs (``visible_sources``)."""
    alias_ids = {x for a in approvals for x in (a.requested_by_alias_id, a.decided_by_alias_id)}
    alias_ids.discard(None)
    names: dict[uuid.UUID, str] = (
        dict(session.execute(select(Alias.id, Alias.name).where(Alias.id.in_(alias_ids))).all())
        if alias_ids
        else {}
    )
    withheld = _withheld(session, approvals) if approvals else {}
    covered = {a.id: {sources_of[i] for i in approval_ids(a) if i in sources_of} for a in approvals}
    codenames = shown_codenames(session, scope, set().union(*covered.values()))
    return [
        ApprovalView(
            id=a.id,
            status=a.status,
            marking=a.marking,
            requested_by=names.get(a.requested_by_alias_id, "?"),
            requested_at=a.requested_at,
            decided_by=names.get(a.decided_by_alias_id) if a.decided_by_alias_id else None,
            decided_at=a.decided_at,
            decision_note=a.decision_note,
            debrief_count=len(json.loads(a.debrief_ids)),
            period_from=a.period_from,
            period_to=a.period_to,
            issued_report_id=a.issued_report_id,
            withheld_items=withheld.get(a.id.hex, 0),
            sources=tuple(sorted(codenames[s] for s in covered[a.id] if s in codenames)),
        )
        for a in approvals
    ]


def approval_ids(a: ReportApproval) -> list[uuid.UUID]:
    """The debriefs the approval covers, in the report's order."""
    return [uuid.UUID(hex=h) for h in json.loads(a.debrief_ids)]


def _all_seen(ids: list[uuid.UUID], seen: Mapping[uuid.UUID, uuid.UUID]) -> bool:
    """Every debrief of an approval is in the scope's files (``visible_approval``)."""
    return len({i for i in ids if i in seen}) == len(ids)


def visible_approval(session: Session, scope: Scope, approval_id: uuid.UUID) -> ReportApproval:
    """An approval the scope may see: it covers only debriefs in the scope's files."""
    approval = session.get(ReportApproval, approval_id)
    if approval is None:
        raise NotFound("No such report approval in the active alias's files.")
    ids = approval_ids(approval)
    seen = session.execute(
        select(func.count())
        .select_from(Debrief)
        .where(Debrief.id.in_(ids), visible(Debrief.compartment_id, scope))
    ).scalar_one()
    if seen != len(ids):
        raise NotFound("No such report approval in the active alias's files.")
    return approval


def list_approvals(
    vault: Vault, scope: Scope, *, status: ApprovalStatus | None = ApprovalStatus.PENDING
) -> list[ApprovalView]:
    """Approvals of reports over debriefs the scope can see, newest first: five
    statements, however many there are."""
    with vault.read() as session:
        query = select(ReportApproval).order_by(ReportApproval.requested_at.desc())
        if status is not None:
            query = query.where(ReportApproval.status == status)
        approvals = session.execute(query.limit(500)).scalars().all()
        # Which of their debriefs the scope sees, and their sources, in one go.
        seen = visible_sources(session, scope, [i for a in approvals for i in approval_ids(a)])
        shown = [a for a in approvals if _all_seen(approval_ids(a), seen)]
        return _views(session, scope, shown, seen)


SEEN_MIN = 12  # hex digits of the body's SHA-256 that say which text was seen


def _check_seen(approval: ReportApproval, seen: str | None) -> None:
    if seen is None:
        return
    code = seen.strip().lower()
    if len(code) < SEEN_MIN or not approval.body_sha256.startswith(code):
        raise WorkflowError(
            "That is not the code of this sanitised text (or it changed since it was "
            "shown); show it again (veldboek report approvals --show ID) and approve "
            "what you read."
        )


def _decide(
    vault: Vault,
    scope: Scope,
    approval_id: uuid.UUID,
    status: ApprovalStatus,
    note: str,
    seen: str | None = None,
) -> ApprovalView:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Only a handler may approve or reject a sanitised report.")
    with vault.write() as session:
        approval = visible_approval(session, scope, approval_id)
        if approval.status is not ApprovalStatus.PENDING:
            raise WorkflowError("This request has already been decided.")
        _check_seen(approval, seen)
        if approval.requested_by_alias_id == scope.alias_id:
            # Says how to go on: a vault with one handler alias has no one else yet.
            raise AccessDenied(
                "A sanitised report is approved or rejected by someone other than its "
                "requester: another handler alias, one that sees its sources."
            )
        approval.status = status
        approval.decided_by_alias_id = scope.alias_id
        approval.decided_at = utc_now()
        approval.decision_note = note.strip()
        session.flush()
        action = (
            "report.sanitised_approved"
            if status is ApprovalStatus.APPROVED
            else "report.sanitised_rejected"
        )
        audit_chain.append(
            session,
            scope.actor,
            action,
            record_type="report_approval",
            record_id=approval.id,
            compartment_id=approval.compartment_id,
            detail={"body_sha256": approval.body_sha256},
        )
        return approval_view(session, scope, approval)


def approve_sanitised(
    vault: Vault, scope: Scope, approval_id: uuid.UUID, note: str = "", *, seen: str | None = None
) -> ApprovalView:
    """Approve a pending request. ``seen``: the start (at least 12 hex digits) of
    the body's SHA-256 as the approver's preview showed it; when given, the approval
    is refused unless it is the text requested."""
    return _decide(vault, scope, approval_id, ApprovalStatus.APPROVED, note, seen)


def reopen_unsaved(vault: Vault, scope: Scope, report_id: uuid.UUID) -> bool:
    """The sanitised report ``report_id`` was issued but could not be written: its
    approval may be issued again. The register keeps the entry (it is append-only),
    and the audit says it was not saved. False if no approval was used for it."""
    with vault.write() as session:
        approval = session.execute(
            select(ReportApproval).where(
                ReportApproval.issued_report_id == report_id,
                ReportApproval.status == ApprovalStatus.ISSUED,
            )
        ).scalar_one_or_none()
        if approval is None:
            return False
        visible_approval(session, scope, approval.id)
        approval.status = ApprovalStatus.APPROVED
        approval.issued_report_id = None
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "report.issue_unsaved",
            record_type="report_approval",
            record_id=approval.id,
            compartment_id=approval.compartment_id,
            detail={"report_id": report_id.hex},
        )
        return True


def reject_sanitised(vault: Vault, scope: Scope, approval_id: uuid.UUID, note: str) -> ApprovalView:
    if not note.strip():
        raise InvalidInput("Say why the sanitised report is rejected.")
    return _decide(vault, scope, approval_id, ApprovalStatus.REJECTED, note)
