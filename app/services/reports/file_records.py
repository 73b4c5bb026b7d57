"""Beside its debriefs, an internal report over a source or a period shows the
file's taskings and payments in that period that are not linked to a debrief:
taskings given and money paid outside a debriefed contact are part of running a
source too, and a report that left them out would look complete when it is not.

A tasking counts by the day it was given, a payment by the day it was paid (UTC).
A report of one debrief shows only what is linked to that debrief.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal.scope import visible
from app.dal.source_names import shown_codename
from app.domain.scope import Scope
from app.models import Payment, Source, Tasking
from app.reports.views import FileRecords, PaymentPart, TaskingPart
from app.services import mapping
from app.services.views import PaymentView, TaskingView

# A report is read on paper: past this, the selection is too wide to be useful.
MAX_RECORDS = 2000


def tasking_part(t: TaskingView) -> TaskingPart:
    return TaskingPart(
        t.description, t.limits, t.deadline, t.status.value, t.outcome, t.created_at.date()
    )


def payment_part(p: PaymentView) -> PaymentPart:
    return PaymentPart(
        p.kind.value, p.amount_cents, p.currency, p.reason, p.occurred_on, p.witness, p.approved_by
    )


def unlinked_records(
    session: Session,
    scope: Scope,
    *,
    source_id: uuid.UUID | None,
    date_from: date | None,
    date_to: date | None,
    files: Mapping[str, uuid.UUID] | None = None,
) -> tuple[FileRecords, ...]:
    """Taskings and payments not linked to a debrief, of one source (or of every
    file in scope), in the inclusive day range; grouped by file, by the name shown
    (unique among the files the alias sees), each with its source's id. ``files``
    (name shown -> source id) are listed even when they have none, so the report
    says "none" rather than leaving the reader to wonder."""
    taskings: dict[str, list[TaskingPart]] = defaultdict(list)
    payments: dict[str, list[PaymentPart]] = defaultdict(list)
    names = mapping.alias_names(session)
    ids: dict[str, uuid.UUID] = dict(files or {})
    tq = (
        select(Tasking, shown_codename(scope))
        .join(Source, Source.id == Tasking.source_id)
        .where(visible(Tasking.compartment_id, scope), Tasking.debrief_id.is_(None))
    )
    pq = (
        select(Payment, shown_codename(scope))
        .join(Source, Source.id == Payment.source_id)
        .where(visible(Payment.compartment_id, scope), Payment.debrief_id.is_(None))
    )
    if source_id is not None:
        tq = tq.where(Tasking.source_id == source_id)
        pq = pq.where(Payment.source_id == source_id)
    if date_from is not None:
        tq = tq.where(Tasking.created_at >= _start(date_from))
        pq = pq.where(Payment.occurred_on >= date_from)
    if date_to is not None:
        tq = tq.where(Tasking.created_at < _start(date_to, days=1))
        pq = pq.where(Payment.occurred_on <= date_to)
    tq = tq.order_by(Source.codename, Tasking.created_at, Tasking.id).limit(MAX_RECORDS)
    pq = pq.order_by(Source.codename, Payment.occurred_on, Payment.id).limit(MAX_RECORDS)
    for tasking, codename in session.execute(tq):
        ids[codename] = tasking.source_id
        taskings[codename].append(tasking_part(mapping.tasking_view(tasking, codename)))
    for payment, codename in session.execute(pq):
        ids[codename] = payment.source_id
        payments[codename].append(payment_part(mapping.payment_view(payment, names)))
    return tuple(
        FileRecords(
            codename, tuple(taskings[codename]), tuple(payments[codename]), str(ids[codename])
        )
        for codename in sorted(ids)
    )


def _start(day: date, *, days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=days), time(0), tzinfo=UTC)
