"""What is due: risk reviews, tasking deadlines, contract and suitability reviews.
Computed from the vault alone (offline), in scope, sorted by due date. Closed
sources are left out: nothing about them is due any more."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.dal.scope import visible
from app.dal.source_names import shown_codename
from app.domain.enums import SourceStatus, TaskingStatus
from app.domain.scope import Scope
from app.models import RiskAssessment, Source, Tasking
from app.services.views import Reminder, ReminderKind
from app.vault.vault import Vault

DEFAULT_HORIZON_DAYS = 30


def reminders(
    vault: Vault, scope: Scope, today: date, *, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[Reminder]:
    """Everything due up to ``today + horizon_days`` (overdue items included)."""
    until = today + timedelta(days=horizon_days)
    with vault.read() as session:
        out = _risk_reviews(session, scope, until)
        out += _tasking_deadlines(session, scope, until)
        out += _source_reviews(session, scope, until)
    out.sort(key=lambda r: (r.due_on, r.codename, r.kind))
    return out


def _risk_reviews(session: Session, scope: Scope, until: date) -> list[Reminder]:
    """Each live source's latest risk assessment, when its review falls due."""
    out: list[Reminder] = []
    live = Source.status != SourceStatus.CLOSED
    latest = (
        select(RiskAssessment.source_id, func.max(RiskAssessment.assessed_at).label("at"))
        .where(visible(RiskAssessment.compartment_id, scope))
        .group_by(RiskAssessment.source_id)
        .subquery()
    )
    risk_rows = session.execute(
        select(RiskAssessment, shown_codename(scope))
        .join(
            latest,
            (latest.c.source_id == RiskAssessment.source_id)
            & (latest.c.at == RiskAssessment.assessed_at),
        )
        .join(Source, Source.id == RiskAssessment.source_id)
        .where(RiskAssessment.review_on <= until, live)
    )
    for risk, codename in risk_rows:
        out.append(
            Reminder(
                risk.review_on,
                ReminderKind.RISK_REVIEW,
                risk.source_id,
                codename,
                risk.id,
                level=risk.level,
            )
        )
    return out


def _tasking_deadlines(session: Session, scope: Scope, until: date) -> list[Reminder]:
    """Open taskings with a deadline."""
    out: list[Reminder] = []
    live = Source.status != SourceStatus.CLOSED
    tasking_rows = session.execute(
        select(Tasking, shown_codename(scope))
        .join(Source, Source.id == Tasking.source_id)
        .where(
            visible(Tasking.compartment_id, scope),
            live,
            Tasking.status == TaskingStatus.OPEN,
            Tasking.deadline.is_not(None),
            Tasking.deadline <= until,
        )
    )
    for tasking, codename in tasking_rows:
        assert tasking.deadline is not None
        out.append(
            Reminder(
                tasking.deadline,
                ReminderKind.TASKING_DEADLINE,
                tasking.source_id,
                codename,
                tasking.id,
                detail=tasking.description,
            )
        )
    return out


def _source_reviews(session: Session, scope: Scope, until: date) -> list[Reminder]:
    """Contract and suitability reviews of live sources."""
    out: list[Reminder] = []
    live = Source.status != SourceStatus.CLOSED
    source_rows = session.execute(
        select(Source, shown_codename(scope)).where(visible(Source.compartment_id, scope), live)
    ).all()
    for source, codename in source_rows:
        if source.contract_review_on and source.contract_review_on <= until:
            out.append(
                Reminder(
                    source.contract_review_on,
                    ReminderKind.CONTRACT_REVIEW,
                    source.id,
                    codename,
                    source.id,
                    detail=source.legal_basis,
                )
            )
        if source.suitability_review_on and source.suitability_review_on <= until:
            out.append(
                Reminder(
                    source.suitability_review_on,
                    ReminderKind.SUITABILITY_REVIEW,
                    source.id,
                    codename,
                    source.id,
                )
            )
    return out
