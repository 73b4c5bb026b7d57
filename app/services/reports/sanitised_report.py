"""Sanitised reports, for dissemination, made by two people:

1. ``request_sanitised``: the guard (``app.services.reports.sanitise``) checks the text
   against everything that identifies the sources (the identity check needs the
   passphrase again); if it passes, a *pending* approval fixes the debriefs and
   the SHA-256 of the sanitised body (``approvals``).
2. A handler, not the requester, approves it (or rejects it); ``preview_approval``
   shows the approver the report with an "awaiting approval" notice on every page.
3. ``issue_sanitised``: rebuilds the body, refuses if it changed since approval,
   runs the guard again, renders and registers the report. An approval is used once.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import select

from app.clock import utc_now
from app.domain.scope import Scope
from app.errors import WorkflowError, WrongPassphrase
from app.models import TrueIdentity
from app.models.reports import ApprovalStatus, ReportApproval
from app.reports import labels
from app.reports.hashing import body_sha256
from app.reports.render import render
from app.reports.views import SanitisedBody, SanitisedReport, SanitisedStamp
from app.services.records import identity
from app.services.reports import reading
from app.services.reports.approvals import (
    ApprovalView,
    approval_ids,
    approval_view,
    visible_approval,
)
from app.services.reports.choices import DEFAULT_MARKING, Selection, check_language, check_marking
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.progress import Cancel, ProgressFn, offset, steps
from app.services.reports.register import IssuedPdf, issue, printer_reference
from app.services.reports.sanitise import (
    Guard,
    GuardHit,
    SanitisationRefused,
    SanitisedSelection,
    compartment_identifiers,
    meeting_times,
    sanitised_body,
)
from app.services.views import DebriefView
from app.vault import audit_chain
from app.vault.vault import Vault

PREVIEW_NOTICE = "AWAITING APPROVAL · NOT RELEASED"


def _guard_for(
    vault: Vault,
    scope: Scope,
    chosen: SanitisedSelection,
    views: Iterable[DebriefView],
    passphrase: str,
) -> Guard:
    """Identifiers of every source in the report and the ids of its debriefs. Each
    source's sealed identity is opened only to collect its strings (nothing is
    shown); that unwraps the identity key with the passphrase, once per source. A
    wrong passphrase is refused even when no source has an identity recorded."""
    views = list(views)
    ids = list(dict.fromkeys(v.source_id for v in views))
    found = [Identifier("debrief id", str(v.id)) for v in views]
    found += meeting_times(views, chosen.debrief_ids)
    with vault.read() as session:
        found += compartment_identifiers(session, scope, ids)
        with_identity = set(
            session.execute(
                select(TrueIdentity.source_id).where(TrueIdentity.source_id.in_(ids))
            ).scalars()
        )
    for source_id in ids:
        if source_id in with_identity:
            found += identity_identifiers(
                identity.identity_strings(vault, scope, source_id, passphrase)
            )
    if not with_identity and not vault.verify_passphrase(passphrase):
        raise WrongPassphrase("Wrong passphrase.")
    return Guard(found)


def _sanitised_selection(
    vault: Vault, scope: Scope, selection: Selection
) -> tuple[SanitisedSelection, list[DebriefView]]:
    views = reading.read_selection(vault, scope, selection)
    period = None
    if selection.date_from and selection.date_to:
        period = (selection.date_from, selection.date_to)
    chosen = sanitised_body(views, period)
    if not chosen.body.debriefs:
        raise WorkflowError(
            "Nothing to share: no submitted or approved debrief in that choice has an item "
            "whose handling code allows sharing and that has a sanitised wording."
        )
    kept = set(chosen.debrief_ids)
    return chosen, [v for v in views if v.id in kept]


def _refused(
    vault: Vault,
    scope: Scope,
    hits: Sequence[GuardHit],
    compartment_id: uuid.UUID | None,
    *,
    stage: str,
    approval_id: uuid.UUID | None = None,
) -> NoReturn:
    """Audit a guard refusal (how many hits, never what) and raise it."""
    vault.audit(
        scope.actor,
        "report.sanitised_refused",
        record_type="report_approval" if approval_id is not None else "report",
        record_id=approval_id or "",
        compartment_id=compartment_id,
        detail={"hits": len(hits), "stage": stage},
    )
    raise SanitisationRefused(hits)


def check_sanitised(
    vault: Vault, scope: Scope, selection: Selection, *, passphrase: str
) -> list[GuardHit]:
    """Run the guard without requesting anything (for a "check" button)."""
    chosen, views = _sanitised_selection(vault, scope, selection)
    return _guard_for(vault, scope, chosen, views, passphrase).check(chosen.body)


def request_sanitised(
    vault: Vault,
    scope: Scope,
    selection: Selection,
    *,
    passphrase: str,
    marking: str = DEFAULT_MARKING,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> ApprovalView:
    """Check the sanitised text and, if the guard passes, ask a handler to approve.
    Raises ``SanitisationRefused`` (with ``hits``) when it names the source. The
    view's ``withheld_items`` counts the shareable items left out for want of a
    sanitised wording.
    ``progress(done, total)`` once the debriefs are read."""
    clean_marking = check_marking(marking)
    step = steps(progress, cancel)
    chosen, views = _sanitised_selection(vault, scope, selection)
    if step is not None:
        step(len(views), len(views))
    source_ids = {v.source_id for v in views}
    hits = _guard_for(vault, scope, chosen, views, passphrase).check(chosen.body)
    compartments = {v.compartment_id for v in views}
    single = next(iter(compartments)) if len(compartments) == 1 else None
    if hits:
        _refused(vault, scope, hits, single, stage="request")
    if cancel is not None:
        cancel.check()
    with vault.write() as session:
        approval = ReportApproval(
            status=ApprovalStatus.PENDING,
            marking=clean_marking,
            compartment_id=single,
            source_id=next(iter(source_ids)) if len(source_ids) == 1 else None,
            period_from=chosen.body.period_from,
            period_to=chosen.body.period_to,
            debrief_ids=json.dumps([v.id.hex for v in views]),
            body_sha256=body_sha256(chosen.body),
            requested_by_alias_id=scope.alias_id,
        )
        session.add(approval)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "report.sanitised_requested",
            record_type="report_approval",
            record_id=approval.id,
            compartment_id=single,
            detail={
                "debriefs": len(views),
                "items": sum(len(d.items) for d in chosen.body.debriefs),
                "withheld_items": chosen.withheld_items,
                "skipped_debriefs": chosen.skipped_debriefs,
                "identity_checked": True,
                "body_sha256": approval.body_sha256,
            },
        )
        view = approval_view(session, scope, approval)
    return dataclasses.replace(view, withheld_items=chosen.withheld_items)


def _approved_body(
    vault: Vault, scope: Scope, approval: ReportApproval
) -> tuple[SanitisedSelection, list[DebriefView]]:
    period = None
    if approval.period_from and approval.period_to:
        period = (approval.period_from, approval.period_to)
    views = reading.read_debriefs(vault, scope, approval_ids(approval))
    chosen = sanitised_body(views, period)
    if body_sha256(chosen.body) != approval.body_sha256:
        raise WorkflowError(
            "The sanitised content has changed since it was checked and approved; "
            "request the report again."
        )
    return chosen, views


def preview_approval(
    vault: Vault,
    scope: Scope,
    approval_id: uuid.UUID,
    *,
    language: str = labels.DEFAULT_LANGUAGE,
) -> bytes:
    """The requested report as the approver will release it, with an "awaiting
    approval" notice across every page. Not registered: it is not an issued report."""
    language = check_language(language)
    with vault.read() as session:
        approval = visible_approval(session, scope, approval_id)
    chosen, _views = _approved_body(vault, scope, approval)
    stamp = SanitisedStamp(
        # Random: the approval's id is a UUIDv7, and its first 12 digits are the
        # time the report was requested, to the millisecond.
        report_id=f"PREVIEW-{uuid.uuid4().hex[:12]}",
        marking=approval.marking,
        printer_reference="",  # nobody printed an issued report: the footer says so
        printed_by_role=scope.role.value,
        printed_on=utc_now().date(),
        draft_notice=PREVIEW_NOTICE,
        language=language,
    )
    pdf = render(SanitisedReport(stamp, chosen.body)).data
    _audit_preview(vault, scope, approval)
    return pdf


def _audit_preview(vault: Vault, scope: Scope, approval: ReportApproval) -> None:
    vault.audit(
        scope.actor,
        "report.approval_previewed",
        record_type="report_approval",
        record_id=approval.id,
        compartment_id=approval.compartment_id,
    )


@dataclass(frozen=True)
class ApprovalText:
    """What a handler approves, as text: the sanitised body and the start of its
    SHA-256 (``seen``), which ``approve_sanitised(seen=...)`` checks."""

    approval: ApprovalView
    body: SanitisedBody
    body_sha256: str

    @property
    def seen(self) -> str:
        return self.body_sha256[:16]


def approval_text(vault: Vault, scope: Scope, approval_id: uuid.UUID) -> ApprovalText:
    """The requested report's text for the approver (the command line's preview).
    Audited as a preview, like ``preview_approval``."""
    with vault.read() as session:
        approval = visible_approval(session, scope, approval_id)
        view = approval_view(session, scope, approval)
    chosen, _views = _approved_body(vault, scope, approval)
    _audit_preview(vault, scope, approval)
    return ApprovalText(view, chosen.body, approval.body_sha256)


def issue_sanitised(
    vault: Vault,
    scope: Scope,
    approval_id: uuid.UUID,
    *,
    passphrase: str,
    language: str = labels.DEFAULT_LANGUAGE,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> IssuedPdf:
    """Produce an approved sanitised report (once). The guard runs again, against
    the identities as they are now. ``language`` is that of the fixed text only:
    the approved content is the same in either."""
    language = check_language(language)
    step = steps(progress, cancel)
    with vault.read() as session:
        approval = visible_approval(session, scope, approval_id)
    if approval.status is ApprovalStatus.ISSUED:
        raise WorkflowError("This approved report has already been issued; request a new one.")
    if approval.status is not ApprovalStatus.APPROVED:
        raise WorkflowError("A sanitised report is released only after a handler approves it.")
    chosen, views = _approved_body(vault, scope, approval)
    total = 2 * len(views)
    if step is not None:
        step(len(views), total)
    hits = _guard_for(vault, scope, chosen, views, passphrase).check(chosen.body)
    if hits:
        _refused(
            vault, scope, hits, approval.compartment_id, stage="issue", approval_id=approval.id
        )
    now = utc_now()
    report_id = uuid.uuid4()
    stamp = SanitisedStamp(
        report_id=str(report_id),
        marking=approval.marking,
        printer_reference=printer_reference(vault, report_id, scope.alias_name),
        printed_by_role=scope.role.value,
        printed_on=now.date(),
        language=language,
    )
    return issue(
        vault,
        scope,
        SanitisedReport(stamp, chosen.body),
        views,
        Selection(date_from=approval.period_from, date_to=approval.period_to),
        printed_at=now,
        progress=offset(step, len(views), total),
        cancel=cancel,
        approval_id=approval.id,
        skipped=chosen.skipped_debriefs,
        withheld=chosen.withheld_items,
    )
