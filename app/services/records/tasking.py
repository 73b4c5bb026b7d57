"""Tasking given to a source, and payments and offers made to one."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal.handed_over import get_writable
from app.dal.scope import get_visible, visible
from app.dal.source_names import shown_codename
from app.domain.enums import AliasKind, PaymentKind, TaskingStatus
from app.domain.scope import Scope
from app.errors import InvalidInput, WorkflowError
from app.models import Alias, Debrief, Payment, Source, Tasking
from app.services import mapping
from app.services.records.debrief_writer import require_linkable
from app.services.views import TaskingView
from app.vault import audit_chain
from app.vault.vault import Vault

# A package carries no integer of 2^53 or more (docs/package-format.md, section 5).
MAX_AMOUNT_CENTS = 2**53


def _in_debrief(session: Session, scope: Scope, debrief_id: uuid.UUID, source: Source) -> None:
    """A tasking or payment recorded in a debrief: of the same source, and one the
    scope may write (a runner's draft is not a handler's to add to)."""
    d = get_visible(session, scope, Debrief, debrief_id)
    if d.source_id != source.id:
        raise InvalidInput("That debrief belongs to another source.")
    require_linkable(d, scope)


def add_tasking(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    description: str,
    *,
    limits: str = "",
    deadline: date | None = None,
    debrief_id: uuid.UUID | None = None,
) -> uuid.UUID:
    if not description.strip():
        raise InvalidInput("A tasking needs a description of what to find out.")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if debrief_id is not None:
            _in_debrief(session, scope, debrief_id, source)
        tasking = Tasking(
            compartment_id=source.compartment_id,
            source_id=source.id,
            debrief_id=debrief_id,
            description=description.strip(),
            limits=limits.strip(),
            deadline=deadline,
            created_by_alias_id=scope.alias_id,
        )
        session.add(tasking)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "tasking.added",
            record_type="tasking",
            record_id=tasking.id,
            compartment_id=tasking.compartment_id,
        )
        return tasking.id


def close_tasking(
    vault: Vault, scope: Scope, tasking_id: uuid.UUID, status: TaskingStatus, outcome: str
) -> None:
    if status is TaskingStatus.OPEN:
        raise InvalidInput("Close a tasking as done or cancelled.")
    with vault.write() as session:
        tasking = get_writable(session, scope, Tasking, tasking_id)
        if tasking.status is not TaskingStatus.OPEN:
            raise WorkflowError("This tasking is already closed.")
        tasking.status = status
        tasking.outcome = outcome.strip()
        tasking.closed_at = utc_now()
        audit_chain.append(
            session,
            scope.actor,
            "tasking.closed",
            record_type="tasking",
            record_id=tasking.id,
            compartment_id=tasking.compartment_id,
            detail={"status": status.value},
        )


def open_taskings(
    vault: Vault, scope: Scope, source_id: uuid.UUID | None = None
) -> list[TaskingView]:
    with vault.read() as session:
        query = (
            select(Tasking, shown_codename(scope))
            .join(Source, Source.id == Tasking.source_id)
            .where(visible(Tasking.compartment_id, scope), Tasking.status == TaskingStatus.OPEN)
            .order_by(Tasking.deadline.is_(None), Tasking.deadline, Tasking.created_at)
        )
        if source_id is not None:
            query = query.where(Tasking.source_id == source_id)
        return [mapping.tasking_view(t, codename) for t, codename in session.execute(query)]


def record_payment(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    *,
    kind: PaymentKind,
    amount_cents: int,
    reason: str,
    occurred_on: date,
    witness_alias_id: uuid.UUID | None,
    approved_by_alias_id: uuid.UUID | None = None,
    currency: str = "EUR",
    debrief_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """A payment needs a witness (by alias); offers may be recorded without one."""
    if amount_cents <= 0:
        raise InvalidInput("An amount must be more than zero.")
    if amount_cents >= MAX_AMOUNT_CENTS:  # every integer of a package is below 2^53
        raise InvalidInput("An amount that large cannot be recorded.")
    if kind is not PaymentKind.OFFER and witness_alias_id is None:
        raise InvalidInput("A payment needs a witness.")
    if len(currency) != 3 or not currency.isalpha():
        raise InvalidInput("Currency is a three-letter code such as EUR.")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        for alias_id in (witness_alias_id, approved_by_alias_id):
            if alias_id is not None:
                alias = session.get(Alias, alias_id)
                if alias is None or alias.kind is not AliasKind.COVER_NAME:
                    raise InvalidInput("Witnesses and approvers are named by cover name.")
        if witness_alias_id is not None and witness_alias_id == scope.alias_id:
            raise InvalidInput("The witness must be someone other than the runner who pays.")
        if debrief_id is not None:
            _in_debrief(session, scope, debrief_id, source)
        payment = Payment(
            compartment_id=source.compartment_id,
            source_id=source.id,
            debrief_id=debrief_id,
            kind=kind,
            amount_cents=amount_cents,
            currency=currency.upper(),
            reason=reason.strip(),
            occurred_on=occurred_on,
            witness_alias_id=witness_alias_id,
            approved_by_alias_id=approved_by_alias_id,
        )
        session.add(payment)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "payment.recorded",
            record_type="payment",
            record_id=payment.id,
            compartment_id=payment.compartment_id,
            detail={"kind": kind.value},
        )
        return payment.id
