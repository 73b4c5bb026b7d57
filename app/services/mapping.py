"""Turning rows into view objects. Internal to the services package."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.orm import Session

from app.dal.scope import Scope
from app.dal.source_names import shown_codename
from app.domain.grading import Grading
from app.models import (
    Alias,
    Contact,
    ContactAttendee,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Payment,
    ReliabilityReview,
    RiskAssessment,
    Source,
    SourceInstruction,
    Subject,
    Tasking,
)
from app.models.enums import AliasKind
from app.services.views import (
    ContactView,
    DebriefRow,
    InstructionView,
    ItemView,
    PaymentView,
    ReliabilityView,
    RiskView,
    SubjectView,
    TaskingView,
)


def alias_names(session: Session) -> dict[uuid.UUID, str]:
    # Cover names are few (a team); reading them all is cheaper than joining each time.
    # Only cover names: codenames belong to compartments and are not needed here.
    return dict(
        session.execute(
            select(Alias.id, Alias.name).where(Alias.kind == AliasKind.COVER_NAME)
        ).all()
    )


def attendees(
    session: Session, contact_ids: Sequence[uuid.UUID], names: dict[uuid.UUID, str]
) -> dict[uuid.UUID, tuple[str, ...]]:
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    if contact_ids:
        for cid, aid in session.execute(
            select(ContactAttendee.contact_id, ContactAttendee.alias_id).where(
                ContactAttendee.contact_id.in_(contact_ids)
            )
        ):
            out[cid].append(names.get(aid, "?"))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def contact_view(c: Contact, attendee_names: tuple[str, ...]) -> ContactView:
    return ContactView(
        id=c.id,
        source_id=c.source_id,
        kind=c.kind,
        occurred_at=c.occurred_at,
        duration_minutes=c.duration_minutes,
        location_codeword=c.location_codeword,
        reconnaissance_notes=c.reconnaissance_notes,
        safety_notes=c.safety_notes,
        notes=c.notes,
        attendees=attendee_names,
    )


def item_count() -> ScalarSelect[Any]:
    """A debrief's number of items (a correlated sub-select on the debrief row)."""
    return (
        select(func.count())
        .where(IntelligenceItem.debrief_id == Debrief.id)
        .correlate(Debrief)
        .scalar_subquery()
    )


def debrief_row_query(scope: Scope) -> Select[Any]:
    items = item_count()
    return (
        select(
            Debrief.id,
            Debrief.source_id,
            shown_codename(scope),
            Debrief.created_at,
            Debrief.status,
            Contact.kind,
            items,
        )
        .join(Source, Source.id == Debrief.source_id)
        .outerjoin(Contact, Contact.id == Debrief.contact_id)
    )


def debrief_row(r: Sequence[Any]) -> DebriefRow:
    return DebriefRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6]))


def tasking_view(t: Tasking, codename: str) -> TaskingView:
    return TaskingView(
        t.id,
        t.source_id,
        codename,
        t.description,
        t.limits,
        t.deadline,
        t.status,
        t.outcome,
        t.created_at,
    )


def payment_view(p: Payment, names: dict[uuid.UUID, str]) -> PaymentView:
    return PaymentView(
        p.id,
        p.kind,
        p.amount_cents,
        p.currency,
        p.reason,
        p.occurred_on,
        names.get(p.witness_alias_id) if p.witness_alias_id else None,
        names.get(p.approved_by_alias_id) if p.approved_by_alias_id else None,
    )


def risk_view(r: RiskAssessment, names: dict[uuid.UUID, str]) -> RiskView:
    return RiskView(
        r.id,
        r.level,
        r.threats,
        r.mitigations,
        r.welfare_notes,
        r.assessed_at,
        r.review_on,
        names.get(r.assessed_by_alias_id) if r.assessed_by_alias_id else None,
    )


def instruction_view(i: SourceInstruction) -> InstructionView:
    return InstructionView(i.id, i.text, i.given_at, i.acknowledged_at)


def reliability_view(r: ReliabilityReview) -> ReliabilityView:
    return ReliabilityView(r.id, r.reviewed_at, r.evaluation, r.rationale)


def item_views(session: Session, items: Iterable[IntelligenceItem]) -> tuple[ItemView, ...]:
    items = list(items)
    subjects: dict[uuid.UUID, list[SubjectView]] = defaultdict(list)
    if items:
        for item_id, subj in session.execute(
            select(ItemSubject.item_id, Subject)
            .join(Subject, Subject.id == ItemSubject.subject_id)
            .where(ItemSubject.item_id.in_([i.id for i in items]))
            .order_by(Subject.kind, Subject.name, Subject.id)
        ):
            subjects[item_id].append(SubjectView(subj.id, subj.kind, subj.name))
    return tuple(
        ItemView(
            id=i.id,
            position=i.position,
            text=i.text,
            sanitised_text=i.sanitised_text,
            grading=Grading(
                i.scheme,
                i.source_evaluation,
                i.intelligence_assessment,
                i.handling_code,
                i.handling_conditions,
            ),
            corroboration=i.corroboration,
            exculpatory=i.exculpatory,
            subjects=tuple(subjects.get(i.id, ())),
        )
        for i in sorted(items, key=lambda x: (x.position, x.id))
    )
