"""Debrief reports: build, register, approve, print, save and verify.

Internal reports are issued at once. Sanitised reports go through two people:

1. ``request_sanitised``: the guard (``app.services.sanitise``) checks the text
   against everything that identifies the sources (the identity check needs the
   passphrase again); if it passes, a *pending* approval fixes the debriefs and
   the SHA-256 of the sanitised body.
2. ``approve_sanitised``: an alias with the handler role, not the requester,
   approves (or ``reject_sanitised``). ``preview_approval`` shows the approver the
   report with an "awaiting approval" notice across every page.
3. ``issue_sanitised``: rebuilds the body, refuses if it changed since approval,
   runs the guard again, renders and registers the report. An approval is used once.

Every report that is issued is recorded in the register (``issued_report``) with
the SHA-256 of its content and of the PDF bytes, so ``verify_pdf`` can tell whether
this vault issued a file and whether it is unaltered. PDFs exist only in memory
until ``save_pdf`` writes one on the user's explicit choice. Everything is audited:
``report.issued``, ``report.sanitised_requested``, ``report.sanitised_approved``,
``report.sanitised_rejected``, ``report.approval_previewed``, ``report.printed``,
``report.saved``, ``report.verified``. Audit details carry ids, hashes and counts,
never report text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal.scope import Scope, get_visible, visible
from app.errors import (
    AccessDenied,
    InvalidInput,
    NotFound,
    ReportCancelled,
    ReportError,
    WorkflowError,
    WrongPassphrase,
)
from app.models import Alias, AuditEvent, Debrief, Source, TrueIdentity
from app.models.enums import Role
from app.models.reports import ApprovalStatus, IssuedReport, ReportApproval, ReportKind
from app.reports import labels, raster
from app.reports.hashing import body_sha256
from app.reports.render import KEYWORD_PREFIX, render
from app.reports.views import (
    AddendumPart,
    ContactPart,
    FileRecords,
    InternalBody,
    InternalDebrief,
    InternalItem,
    InternalReport,
    InternalStamp,
    Report,
    SanitisedReport,
    SanitisedStamp,
)
from app.services import debriefs, identity, local_config, output_paths, report_records
from app.services.sanitise import (
    Guard,
    GuardHit,
    SanitisationRefused,
    SanitisedSelection,
    compartment_identifiers,
    grading_line,
    identity_identifiers,
    sanitised_body,
)
from app.services.views import DebriefView
from app.vault import audit_chain
from app.vault.audit_chain import Actor
from app.vault.vault import Vault

__all__ = [
    "MARKINGS",
    "ApprovalStatus",
    "ApprovalView",
    "Cancel",
    "GuardHit",
    "IssuedPdf",
    "PageImage",
    "ReportKind",
    "SanitisationRefused",
    "Selection",
    "Verification",
    "VerifyResult",
]

PageImage = raster.PageImage
ProgressFn = Callable[[int, int], None]

# Dutch classification markings (VIR-BI), lowest first.
MARKINGS = (
    "DEPARTEMENTAAL VERTROUWELIJK",
    "STG. CONFIDENTIEEL",
    "STG. GEHEIM",
    "STG. ZEER GEHEIM",
)
DEFAULT_MARKING = "STG. CONFIDENTIEEL"
MAX_DEBRIEFS = 1000
PREVIEW_NOTICE = "AWAITING APPROVAL · NOT RELEASED"


# -- what callers pass and get back -----------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which debriefs a report covers: one debrief, or all debriefs of a source
    and/or of a date range (inclusive, by the day the debrief was made, UTC)."""

    debrief_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    date_from: date | None = None
    date_to: date | None = None

    def validated(self) -> Selection:
        ranged = self.source_id is not None or self.date_from or self.date_to
        if (self.debrief_id is None) == (not ranged):
            raise InvalidInput("Choose one debrief, or a source and/or a date range.")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInput("The date range ends before it starts.")
        return self


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


class VerifyResult(StrEnum):
    UNALTERED = "unaltered"  # this vault issued exactly this file
    ALTERED = "altered"  # this vault issued a report with this id, but not these bytes
    UNKNOWN = "unknown"  # not a report this vault issued


@dataclass(frozen=True)
class Verification:
    result: VerifyResult
    pdf_sha256: str
    report_id: uuid.UUID | None = None
    kind: ReportKind | None = None
    marking: str = ""
    printed_by: str = ""
    printed_at: datetime | None = None
    page_count: int = 0
    debrief_count: int = 0
    audit_consistent: bool = True  # the register entry matches its audit event
    printer_reference: str = ""  # as printed on a sanitised report's pages

    @property
    def ok(self) -> bool:
        return self.result is VerifyResult.UNALTERED and self.audit_consistent

    def message(self) -> str:
        if self.result is VerifyResult.UNKNOWN:
            return "NOT VERIFIED: this vault did not issue this file."
        if self.result is VerifyResult.ALTERED:
            return (
                f"NOT VERIFIED: this vault issued report {self.report_id}, "
                "but this file is not the one it issued (it has been altered)."
            )
        if not self.audit_consistent:
            return (
                f"NOT VERIFIED: report {self.report_id} is in the register, but the register "
                "entry does not match its audit record."
            )
        assert self.kind is not None
        assert self.printed_at is not None
        printer = self.printed_by
        if self.kind is ReportKind.SANITISED:
            printer += f" (printer reference {self.printer_reference})"
        return (
            f"VERIFIED: this vault issued this {self.kind.value} report {self.report_id} "
            f"({self.marking}, {self.page_count} pages), printed by {printer} "
            f"on {self.printed_at:%Y-%m-%d %H:%M} UTC; the file is unaltered."
        )


def printer_reference(vault: Vault, report_id: uuid.UUID, printed_by: str) -> str:
    """Who printed a sanitised report, as the page may say it: a short keyed code
    of the report id and the printing alias. Only this vault can compute it, so
    only its register resolves it (``verify``). A new code for every report, so
    codes do not link the reports one runner printed."""
    digest = vault.mac("report printer reference", report_id.bytes + printed_by.encode())
    code = base64.b32encode(digest[:5]).decode("ascii")  # 40 bits, 8 characters
    return f"PR-{code[:4]}-{code[4:]}"


# -- selecting debriefs -----------------------------------------------------------------


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _selected_ids(session: Session, scope: Scope, selection: Selection) -> list[uuid.UUID]:
    sel = selection.validated()
    if sel.debrief_id is not None:
        return [get_visible(session, scope, Debrief, sel.debrief_id).id]
    query = select(Debrief.id).where(visible(Debrief.compartment_id, scope))
    if sel.source_id is not None:
        source = get_visible(session, scope, Source, sel.source_id)
        query = query.where(Debrief.source_id == source.id)
    if sel.date_from is not None:
        query = query.where(Debrief.created_at >= _day_start(sel.date_from))
    if sel.date_to is not None:
        query = query.where(Debrief.created_at < _day_start(sel.date_to + timedelta(days=1)))
    ids = list(
        session.execute(query.order_by(Debrief.created_at, Debrief.id).limit(MAX_DEBRIEFS + 1))
        .scalars()
        .all()
    )
    if not ids:
        raise NotFound("No debriefs match that choice in the active alias's files.")
    if len(ids) > MAX_DEBRIEFS:
        raise InvalidInput(
            "A report covers at most {n} debriefs; narrow the choice.", n=MAX_DEBRIEFS
        )
    return ids


def _load(
    vault: Vault,
    scope: Scope,
    ids: Sequence[uuid.UUID],
    progress: ProgressFn | None,
    total: int,
) -> list[DebriefView]:
    views = []
    for n, debrief_id in enumerate(ids, start=1):
        views.append(debriefs.get_debrief(vault, scope, debrief_id))
        if progress is not None:
            progress(n, total)
    return views


def _check_marking(marking: str) -> str:
    clean = " ".join(marking.split()).upper()
    if clean not in MARKINGS:
        raise InvalidInput("Choose a marking: {markings}.", markings=", ".join(MARKINGS))
    return clean


# -- internal reports -------------------------------------------------------------------


def _internal_debrief(v: DebriefView) -> InternalDebrief:
    c = v.contact
    contact = (
        None
        if c is None
        else ContactPart(
            kind=c.kind.value,
            occurred_at=c.occurred_at,
            duration_minutes=c.duration_minutes,
            location_codeword=c.location_codeword,
            attendees=c.attendees,
            reconnaissance_notes=c.reconnaissance_notes,
            safety_notes=c.safety_notes,
            notes=c.notes,
        )
    )
    return InternalDebrief(
        debrief_id=str(v.id),
        codename=v.codename,
        status=v.status.value,
        author=v.author,
        created_at=v.created_at,
        submitted_at=v.submitted_at,
        reviewed_at=v.reviewed_at,
        reviewer=v.reviewer,
        review_comment=v.review_comment,
        contact=contact,
        narrative=v.narrative,
        items=tuple(
            InternalItem(
                number=n,
                text=i.text,
                sanitised_text=i.sanitised_text,
                grading=grading_line(i.grading),
                shareable=i.grading.shareable,
                corroboration=i.corroboration.value,
                exculpatory=i.exculpatory,
                subjects=tuple(s.name for s in i.subjects),
            )
            for n, i in enumerate(v.items, start=1)
        ),
        taskings=tuple(report_records.tasking_part(t) for t in v.taskings),
        payments=tuple(report_records.payment_part(p) for p in v.payments),
        welfare_observations=v.welfare_observations,
        security_observations=v.security_observations,
        runner_assessment=v.runner_assessment,
        critical_reflection=v.critical_reflection,
        addenda=tuple(AddendumPart(a.text, a.author, a.created_at) for a in v.addenda),
    )


def internal_body(
    views: Sequence[DebriefView],
    selection: Selection,
    unlinked: tuple[FileRecords, ...] = (),
) -> InternalBody:
    codenames = tuple(sorted({v.codename for v in views} | {f.codename for f in unlinked}))
    title = "Debrief report" if len(views) == 1 else "Debrief reports"  # count in the subtitle
    return InternalBody(
        title=title,
        codenames=codenames,
        period_from=selection.date_from,
        period_to=selection.date_to,
        debriefs=tuple(_internal_debrief(v) for v in views),
        unlinked=unlinked,
    )


def unlinked_for(
    vault: Vault, scope: Scope, selection: Selection, views: Sequence[DebriefView]
) -> tuple[FileRecords, ...]:
    """A source or period report also shows the files' records outside debriefs."""
    if selection.debrief_id is not None:
        return ()
    return report_records.unlinked_records(
        vault,
        scope,
        source_id=selection.source_id,
        date_from=selection.date_from,
        date_to=selection.date_to,
        files={v.codename for v in views},
    )


REPORT_LANGUAGES = labels.LANGUAGES


def default_language() -> str:
    """The report language when none is given: the interface language setting
    (``system`` read from the locale, as for the interface)."""
    return labels.resolve(local_config.load().language)


def _check_language(language: str) -> str:
    try:
        return labels.checked(language)
    except ValueError:
        raise InvalidInput("Reports are printed in English (en) or Dutch (nl).") from None


def issue_internal(
    vault: Vault,
    scope: Scope,
    selection: Selection,
    *,
    marking: str = DEFAULT_MARKING,
    language: str = labels.DEFAULT_LANGUAGE,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> IssuedPdf:
    """Build, render and register an internal report. ``progress(done, total)``
    counts debriefs loaded, then debriefs laid out (total = twice their number).
    ``language`` (en, nl) is that of the headings and labels around the content.
    Setting ``cancel`` stops the work with ``ReportCancelled``."""
    clean_marking = _check_marking(marking)
    language = _check_language(language)
    progress = _steps(progress, cancel)
    with vault.read() as session:
        ids = _selected_ids(session, scope, selection)
    total = 2 * len(ids)
    views = _load(vault, scope, ids, progress, total)
    now = utc_now()
    report = InternalReport(
        InternalStamp(str(uuid.uuid4()), clean_marking, scope.alias_name, now, language),
        internal_body(views, selection, unlinked_for(vault, scope, selection, views)),
    )
    return _issue(
        vault,
        scope,
        report,
        views,
        selection,
        printed_at=now,
        progress=_offset(progress, len(ids), total),
        cancel=cancel,
    )


class Cancel:
    """Set from another thread (the GUI's Cancel button) to stop a report between
    two debriefs. Checked at every progress step and once more before anything is
    registered, so a cancelled report leaves no trace but the audit of nothing."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise ReportCancelled()


def _steps(progress: ProgressFn | None, cancel: Cancel | None) -> ProgressFn | None:
    """``progress`` that first stops the work if it was cancelled."""
    if cancel is None:
        return progress

    def step(done: int, total: int) -> None:
        cancel.check()
        if progress is not None:
            progress(done, total)

    return step


def _offset(progress: ProgressFn | None, offset: int, total: int) -> ProgressFn | None:
    if progress is None:
        return None
    return lambda done, _n: progress(offset + done, total)


def _issue(
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
    rendered = render(report, progress=progress)
    if cancel is not None:
        cancel.check()  # the last chance: after this, the report is registered
    pdf_sha = hashlib.sha256(rendered.data).hexdigest()
    kind = ReportKind.SANITISED if isinstance(report, SanitisedReport) else ReportKind.INTERNAL
    report_id = uuid.UUID(report.stamp.report_id)
    compartments = {v.compartment_id for v in views}
    sources = {v.source_id for v in views}
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
                compartment_id=next(iter(compartments)) if len(compartments) == 1 else None,
                source_id=next(iter(sources)) if len(sources) == 1 else None,
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
            compartment_id=next(iter(compartments)) if len(compartments) == 1 else None,
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
    return IssuedPdf(
        report_id=report_id,
        kind=kind,
        marking=report.stamp.marking,
        pdf=rendered.data,
        page_count=rendered.page_count,
        content_sha256=rendered.content_sha256,
        pdf_sha256=pdf_sha,
        debrief_count=len(views),
        skipped_debriefs=skipped,
        withheld_items=withheld,
    )


def _period(views: Sequence[DebriefView], selection: Selection) -> tuple[date | None, date | None]:
    if selection.date_from or selection.date_to:
        return selection.date_from, selection.date_to
    days = [v.created_at.date() for v in views]
    return (min(days), max(days)) if days else (None, None)


# -- sanitised reports: guard, approval, issue --------------------------------------------


def _guard_for(
    vault: Vault, scope: Scope, source_ids: Iterable[uuid.UUID], passphrase: str
) -> Guard:
    """Identifiers of every source in the report. Each source's sealed identity is
    opened only to collect its strings (nothing is shown); that unwraps the identity
    key with the passphrase, once per source. A wrong passphrase is refused even
    when no source has an identity recorded."""
    ids = list(dict.fromkeys(source_ids))
    with vault.read() as session:
        found = compartment_identifiers(session, ids)
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
    vault: Vault,
    scope: Scope,
    ids: Sequence[uuid.UUID],
    selection: Selection | None,
    progress: ProgressFn | None,
    total: int,
) -> tuple[SanitisedSelection, list[DebriefView]]:
    views = _load(vault, scope, ids, progress, total)
    period = None
    if selection is not None and selection.date_from and selection.date_to:
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
    with vault.read() as session:
        ids = _selected_ids(session, scope, selection)
    chosen, views = _sanitised_selection(vault, scope, ids, selection, None, len(ids))
    return _guard_for(vault, scope, {v.source_id for v in views}, passphrase).check(chosen.body)


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
    Raises ``SanitisationRefused`` (with ``hits``) when it names the source."""
    clean_marking = _check_marking(marking)
    progress = _steps(progress, cancel)
    with vault.read() as session:
        ids = _selected_ids(session, scope, selection)
    chosen, views = _sanitised_selection(vault, scope, ids, selection, progress, len(ids))
    source_ids = {v.source_id for v in views}
    hits = _guard_for(vault, scope, source_ids, passphrase).check(chosen.body)
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
        return _approval_view(session, approval)


def _approval_view(session: Session, a: ReportApproval) -> ApprovalView:
    names: dict[uuid.UUID, str] = dict(
        session.execute(
            select(Alias.id, Alias.name).where(
                Alias.id.in_([x for x in (a.requested_by_alias_id, a.decided_by_alias_id) if x])
            )
        ).all()
    )
    return ApprovalView(
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
    )


def _approval_ids(a: ReportApproval) -> list[uuid.UUID]:
    return [uuid.UUID(hex=h) for h in json.loads(a.debrief_ids)]


def _visible_approval(session: Session, scope: Scope, approval_id: uuid.UUID) -> ReportApproval:
    """An approval the scope may see: it covers only debriefs in the scope's files."""
    approval = session.get(ReportApproval, approval_id)
    if approval is None:
        raise NotFound("No such report approval in the active alias's files.")
    ids = _approval_ids(approval)
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
    """Approvals of reports over debriefs the scope can see, newest first."""
    with vault.read() as session:
        query = select(ReportApproval).order_by(ReportApproval.requested_at.desc())
        if status is not None:
            query = query.where(ReportApproval.status == status)
        out = []
        for approval in session.execute(query.limit(500)).scalars().all():
            try:
                _visible_approval(session, scope, approval.id)
            except NotFound:
                continue
            out.append(_approval_view(session, approval))
        return out


def _decide(
    vault: Vault, scope: Scope, approval_id: uuid.UUID, status: ApprovalStatus, note: str
) -> ApprovalView:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Only a handler may approve or reject a sanitised report.")
    with vault.write() as session:
        approval = _visible_approval(session, scope, approval_id)
        if approval.status is not ApprovalStatus.PENDING:
            raise WorkflowError("This request has already been decided.")
        if approval.requested_by_alias_id == scope.alias_id:
            raise AccessDenied(
                "A sanitised report is approved by someone other than its requester."
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
        return _approval_view(session, approval)


def approve_sanitised(
    vault: Vault, scope: Scope, approval_id: uuid.UUID, note: str = ""
) -> ApprovalView:
    return _decide(vault, scope, approval_id, ApprovalStatus.APPROVED, note)


def reject_sanitised(vault: Vault, scope: Scope, approval_id: uuid.UUID, note: str) -> ApprovalView:
    if not note.strip():
        raise InvalidInput("Say why the sanitised report is rejected.")
    return _decide(vault, scope, approval_id, ApprovalStatus.REJECTED, note)


def _approved_body(
    vault: Vault, scope: Scope, approval: ReportApproval, progress: ProgressFn | None, total: int
) -> tuple[SanitisedSelection, list[DebriefView]]:
    ids = _approval_ids(approval)
    period = None
    if approval.period_from and approval.period_to:
        period = (approval.period_from, approval.period_to)
    views = _load(vault, scope, ids, progress, total)
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
    language = _check_language(language)
    with vault.read() as session:
        approval = _visible_approval(session, scope, approval_id)
    ids = _approval_ids(approval)
    chosen, _views = _approved_body(vault, scope, approval, None, len(ids))
    stamp = SanitisedStamp(
        report_id=f"PREVIEW-{approval.id.hex[:12]}",
        marking=approval.marking,
        printer_reference=printer_reference(vault, approval.id, scope.alias_name),
        printed_by_role=scope.role.value,
        printed_on=utc_now().date(),
        draft_notice=PREVIEW_NOTICE,
        language=language,
    )
    pdf = render(SanitisedReport(stamp, chosen.body)).data
    vault.audit(
        scope.actor,
        "report.approval_previewed",
        record_type="report_approval",
        record_id=approval.id,
        compartment_id=approval.compartment_id,
    )
    return pdf


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
    language = _check_language(language)
    progress = _steps(progress, cancel)
    with vault.read() as session:
        approval = _visible_approval(session, scope, approval_id)
    if approval.status is ApprovalStatus.ISSUED:
        raise WorkflowError("This approved report has already been issued; request a new one.")
    if approval.status is not ApprovalStatus.APPROVED:
        raise WorkflowError("A sanitised report is released only after a handler approves it.")
    ids = _approval_ids(approval)
    total = 2 * len(ids)
    chosen, views = _approved_body(vault, scope, approval, progress, total)
    hits = _guard_for(vault, scope, {v.source_id for v in views}, passphrase).check(chosen.body)
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
    period = Selection(date_from=approval.period_from, date_to=approval.period_to)
    return _issue(
        vault,
        scope,
        SanitisedReport(stamp, chosen.body),
        views,
        period,
        printed_at=now,
        progress=_offset(progress, len(ids), total),
        cancel=cancel,
        approval_id=approval.id,
        skipped=chosen.skipped_debriefs,
        withheld=chosen.withheld_items,
    )


# -- printing, saving, verifying ----------------------------------------------------------


def _registered(session: Session, report_id: uuid.UUID, pdf_sha: str | None = None) -> IssuedReport:
    row = session.get(IssuedReport, report_id)
    if row is None or (pdf_sha is not None and row.pdf_sha256 != pdf_sha):
        raise ReportError("That report is not in this vault's register.")
    return row


def record_printed(
    vault: Vault, scope: Scope, report_id: uuid.UUID, *, pages: int, copies: int = 1
) -> None:
    """Audit that a registered report was sent to a printer."""
    with vault.write() as session:
        row = _registered(session, report_id)
        audit_chain.append(
            session,
            scope.actor,
            "report.printed",
            record_type="report",
            record_id=report_id,
            compartment_id=row.compartment_id,
            detail={"pages": pages, "copies": copies},
        )


def save_pdf(
    vault: Vault, scope: Scope, issued: IssuedPdf, path: Path, *, overwrite: bool = False
) -> None:
    """Write an issued report to ``path``: the explicit choice to keep an
    unencrypted copy. Never into a vault folder nor over an existing file unless
    ``overwrite`` (``output_paths``); atomic, owner-only permissions; audited
    (without the path, which can name things)."""
    pdf_sha = hashlib.sha256(issued.pdf).hexdigest()
    target = output_paths.check_file(path, vaults=[vault.paths.root], overwrite=overwrite)
    with vault.read() as session:
        row = _registered(session, issued.report_id, pdf_sha)
        compartment_id = row.compartment_id
    output_paths.write_file(target, issued.pdf, vaults=[vault.paths.root], overwrite=overwrite)
    vault.audit(
        scope.actor,
        "report.saved",
        record_type="report",
        record_id=issued.report_id,
        compartment_id=compartment_id,
        detail={"pdf_sha256": pdf_sha, "unencrypted": True},
    )


def _report_id_in(data: bytes) -> uuid.UUID | None:
    try:
        keywords = raster.metadata(data).get("Keywords", "")
    except ReportError:
        return None
    for word in keywords.split():
        if word.startswith(KEYWORD_PREFIX):
            try:
                return uuid.UUID(word.removeprefix(KEYWORD_PREFIX))
            except ValueError:
                return None
    return None


def _audit_matches(session: Session, row: IssuedReport) -> bool:
    detail = session.execute(
        select(AuditEvent.detail).where(
            AuditEvent.action == "report.issued", AuditEvent.record_id == row.id.hex
        )
    ).scalar_one_or_none()
    if detail is None:
        return False
    recorded: dict[str, Any] = json.loads(detail)
    return bool(
        recorded.get("pdf_sha256") == row.pdf_sha256
        and recorded.get("content_sha256") == row.content_sha256
    )


def verify_pdf(vault: Vault, data: bytes, *, actor: Actor) -> Verification:
    """Did this vault issue these exact bytes? Looked up by the file's SHA-256; if
    that is unknown, by the report id in the PDF's metadata (to say "altered")."""
    pdf_sha = hashlib.sha256(data).hexdigest()
    with vault.read() as session:
        row = session.execute(
            select(IssuedReport).where(IssuedReport.pdf_sha256 == pdf_sha)
        ).scalar_one_or_none()
        result = VerifyResult.UNALTERED
        if row is None:
            claimed = _report_id_in(data)
            row = session.get(IssuedReport, claimed) if claimed is not None else None
            result = VerifyResult.ALTERED if row is not None else VerifyResult.UNKNOWN
        if row is None:
            verification = Verification(VerifyResult.UNKNOWN, pdf_sha)
        else:
            verification = Verification(
                result=result,
                pdf_sha256=pdf_sha,
                report_id=row.id,
                kind=row.kind,
                marking=row.marking,
                printed_by=row.printed_by,
                printed_at=row.printed_at,
                page_count=row.page_count,
                debrief_count=len(json.loads(row.debrief_ids)),
                audit_consistent=_audit_matches(session, row),
                printer_reference=printer_reference(vault, row.id, row.printed_by),
            )
    vault.audit(
        actor,
        "report.verified",
        record_type="report",
        record_id=verification.report_id or "",
        compartment_id=row.compartment_id if row is not None else None,
        detail={"result": verification.result.value, "ok": verification.ok, "pdf_sha256": pdf_sha},
    )
    return verification


# -- preview --------------------------------------------------------------------------------


def render_pages(
    pdf: bytes, dpi: float, *, progress: ProgressFn | None = None
) -> list[raster.PageImage]:
    """Every page of ``pdf`` as RGBX pixels, rendered in memory (no temporary file)."""
    return raster.render_pages(pdf, dpi, progress=progress)


def render_page(pdf: bytes, number: int, dpi: float) -> raster.PageImage:
    """One page (1-based), e.g. to print at the printer's resolution page by page."""
    return next(raster.iter_pages(pdf, dpi, pages=range(number - 1, number)))


def page_count(pdf: bytes) -> int:
    return raster.page_count(pdf)
