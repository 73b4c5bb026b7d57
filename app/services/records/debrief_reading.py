"""Reading debriefs: keyset-paged lists in every sort and filter, counts, one
debrief in full, and rows for given ids; always within the alias's scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from app.dal.keyset import Sort, SortKeys, cut
from app.dal.scope import get_visible, is_narrow, visible
from app.dal.source_names import shown_codenames
from app.domain.enums import ContactKind, DebriefStatus
from app.domain.scope import Scope
from app.models import Addendum, Contact, Debrief, IntelligenceItem, Payment, Source, Tasking
from app.services import mapping
from app.services.records.debrief_writer import read_only_to
from app.services.views import AddendumView, DebriefRow, DebriefView, Page
from app.vault.vault import Vault

PAGE_SIZE = 200
# Workflow order: what still needs the runner, then what waits for the handler.
STATUS_ORDER = case(
    {
        DebriefStatus.DRAFT: 0,
        DebriefStatus.RETURNED: 1,
        DebriefStatus.SUBMITTED: 2,
        DebriefStatus.APPROVED: 3,
    },
    value=Debrief.status,
)
# No contact first, then meeting, call, message (the order of the contact form).
CONTACT_ORDER = func.coalesce(
    case({ContactKind.MEETING: 1, ContactKind.CALL: 2, ContactKind.MESSAGE: 3}, value=Contact.kind),
    0,
)
# Every ordering of a debrief list. Newest first by default; within one source,
# status, contact kind or item count, by time written; the id breaks the last ties
# (debriefs written in the same microsecond; stored ids, lowercase hex of
# time-ordered UUIDs, sort as the UUIDs do).
DEBRIEF_SORTS = SortKeys(
    {
        "written": (Debrief.created_at,),
        "source": (Source.codename, Debrief.created_at),
        "status": (STATUS_ORDER, Debrief.created_at),
        "contact": (CONTACT_ORDER, Debrief.created_at),
        "items": (mapping.item_count(), Debrief.created_at),
    },
    tiebreak=Debrief.id,
    default=Sort("written", descending=True),
)


def items_of(session: Session, debrief_id: uuid.UUID) -> list[IntelligenceItem]:
    return list(
        session.execute(
            select(IntelligenceItem).where(IntelligenceItem.debrief_id == debrief_id)
        ).scalars()
    )


@dataclass(frozen=True)
class DebriefFilter:
    """Which debriefs a list shows: every one in scope, narrowed by a source, any
    of some statuses, the time written (``written_from`` inclusive,
    ``written_before`` exclusive: the screen passes local days as UTC bounds) and
    the alias that wrote it."""

    source_id: uuid.UUID | None = None
    statuses: tuple[DebriefStatus, ...] = ()
    written_from: datetime | None = None
    written_before: datetime | None = None
    author_alias_id: uuid.UUID | None = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        if self.source_id is not None:
            query = query.where(Debrief.source_id == self.source_id)
        if self.statuses:
            query = query.where(Debrief.status.in_(self.statuses))
        if self.written_from is not None:
            query = query.where(Debrief.created_at >= self.written_from)
        if self.written_before is not None:
            query = query.where(Debrief.created_at < self.written_before)
        if self.author_alias_id is not None:
            query = query.where(Debrief.author_alias_id == self.author_alias_id)
        return query


def _filter(
    filters: DebriefFilter | None, source_id: uuid.UUID | None, status: DebriefStatus | None
) -> DebriefFilter:
    """``filters`` with the older keyword arguments folded in."""
    f = filters or DebriefFilter()
    if source_id is not None:
        f = replace(f, source_id=source_id)
    if status is not None:
        f = replace(f, statuses=(status,))
    return f


def _sorted_query(columns: Sequence[Any], sort: Sort | None) -> Select[Any]:
    """``columns`` from the debrief table, joined to what the sort reads."""
    key = (sort or DEBRIEF_SORTS.default).key
    query = select(*columns).select_from(Debrief)
    if key == "source":
        query = query.join(Source, Source.id == Debrief.source_id)
    elif key == "contact":
        query = query.outerjoin(Contact, Contact.id == Debrief.contact_id)
    return query


def list_debriefs(
    vault: Vault,
    scope: Scope,
    *,
    source_id: uuid.UUID | None = None,
    status: DebriefStatus | None = None,
    filters: DebriefFilter | None = None,
    sort: Sort | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page[DebriefRow]:
    """One keyset page of debriefs in ``sort``'s order (newest first unless told).
    Pass the returned cursor as ``after`` for the next page, with the same sort and
    filters; cost does not grow with how far one scrolls."""
    keyset = DEBRIEF_SORTS.keyset(sort)
    with vault.read() as session:
        query = (
            mapping.debrief_row_query(scope)
            .add_columns(*keyset.cursor_columns())
            .where(visible(Debrief.compartment_id, scope, drive=is_narrow(session, scope)))
        )
        query = _filter(filters, source_id, status).apply(query)
        found, has_more = cut(session.execute(keyset.page(query, after, limit)).all(), limit)
    width = len(keyset.columns)
    rows = tuple(mapping.debrief_row(r) for r in found)
    cursor = keyset.cursor_from(found[-1][-width:]) if found else None
    return Page(rows, cursor, has_more)


@dataclass(frozen=True)
class IdPage:
    ids: tuple[uuid.UUID, ...]
    cursor: tuple[Any, ...] | None
    has_more: bool


def debrief_id_page(
    vault: Vault,
    scope: Scope,
    *,
    source_id: uuid.UUID | None = None,
    status: DebriefStatus | None = None,
    filters: DebriefFilter | None = None,
    sort: Sort | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = 2000,
) -> IdPage:
    """Only the ids of one keyset page in ``sort``'s order: what a long list needs
    to know before it draws anything. The sort's values come back as stored and
    only the last row's are read into the cursor (parsing thousands of times
    costs more than the query)."""
    keyset = DEBRIEF_SORTS.keyset(sort)
    with vault.read() as session:
        query = _sorted_query((Debrief.id, *keyset.cursor_columns()), sort).where(
            visible(Debrief.compartment_id, scope, drive=is_narrow(session, scope))
        )
        query = _filter(filters, source_id, status).apply(query)
        rows, has_more = cut(session.execute(keyset.page(query, after, limit)).all(), limit)
    cursor = keyset.cursor_from(rows[-1][1:]) if rows else None
    return IdPage(tuple(r[0] for r in rows), cursor, has_more)


def count_debriefs(
    vault: Vault,
    scope: Scope,
    *,
    source_id: uuid.UUID | None = None,
    filters: DebriefFilter | None = None,
) -> int:
    with vault.read() as session:
        query = (
            select(func.count()).select_from(Debrief).where(visible(Debrief.compartment_id, scope))
        )
        query = _filter(filters, source_id, None).apply(query)
        return int(session.execute(query).scalar_one())


def get_debrief(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> DebriefView:
    with vault.read() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        names = mapping.alias_names(session)
        codename = shown_codenames(session, scope, {d.source_id})[d.source_id]
        contact = None
        if d.contact_id is not None:
            c = session.get(Contact, d.contact_id)
            if c is not None:
                contact = mapping.contact_view(
                    c, mapping.attendees(session, [c.id], names).get(c.id, ())
                )
        addenda = session.execute(
            select(Addendum)
            .where(Addendum.debrief_id == d.id)
            .order_by(Addendum.created_at, Addendum.id)
        ).scalars()
        taskings = session.execute(
            select(Tasking)
            .where(Tasking.debrief_id == d.id)
            .order_by(Tasking.created_at, Tasking.id)
        ).scalars()
        payments = session.execute(
            select(Payment)
            .where(Payment.debrief_id == d.id)
            .order_by(Payment.occurred_on, Payment.created_at, Payment.id)
        ).scalars()
        return DebriefView(
            id=d.id,
            source_id=d.source_id,
            compartment_id=d.compartment_id,
            codename=codename,
            status=d.status,
            contact=contact,
            narrative=d.narrative,
            welfare_observations=d.welfare_observations,
            security_observations=d.security_observations,
            runner_assessment=d.runner_assessment,
            critical_reflection=d.critical_reflection,
            author=names.get(d.author_alias_id) if d.author_alias_id else None,
            created_at=d.created_at,
            updated_at=d.updated_at,
            submitted_at=d.submitted_at,
            reviewed_at=d.reviewed_at,
            reviewer=names.get(d.reviewer_alias_id) if d.reviewer_alias_id else None,
            review_comment=d.review_comment,
            items=mapping.item_views(session, items_of(session, d.id)),
            addenda=tuple(
                AddendumView(
                    a.id,
                    a.text,
                    names.get(a.author_alias_id) if a.author_alias_id else None,
                    a.created_at,
                )
                for a in addenda
            ),
            taskings=tuple(mapping.tasking_view(t, codename) for t in taskings),
            payments=tuple(mapping.payment_view(p, names) for p in payments),
            written_by_another=read_only_to(d.status, d.author_alias_id, scope),
        )


def debrief_rows(
    vault: Vault, scope: Scope, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, DebriefRow]:
    """Rows for given ids (a block of a long list, search results), in scope only."""
    if not ids:
        return {}
    with vault.read() as session:
        rows = session.execute(
            mapping.debrief_row_query(scope).where(
                Debrief.id.in_(list(ids)), visible(Debrief.compartment_id, scope)
            )
        ).all()
        return {row.id: row for row in (mapping.debrief_row(r) for r in rows)}
