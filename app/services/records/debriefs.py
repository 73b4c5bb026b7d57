"""Debriefs: drafts with autosave, graded items, the submit/approve workflow, addenda.

A draft is edited freely. Submitting freezes it: from then on it only grows by
addenda. A handler approves it or returns it with a comment; a returned debrief
is answered with an addendum and submitted again. Every transition is audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, delete, func, select
from sqlalchemy.orm import Session

from app import limits
from app.clock import utc_now
from app.dal.keyset import Sort, SortKeys, cut
from app.dal.scope import get_visible, is_narrow, visible
from app.dal.source_names import shown_codenames
from app.domain.enums import (
    ContactKind,
    Corroboration,
    DebriefStatus,
    GradingScheme,
    Role,
    SubjectKind,
)
from app.domain.grading import Grading
from app.domain.scope import Scope
from app.domain.text import normalise_name
from app.errors import AccessDenied, InvalidInput, WorkflowError
from app.models import (
    Addendum,
    Contact,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Payment,
    Source,
    Subject,
    Tasking,
)
from app.services import mapping
from app.services.views import AddendumView, DebriefRow, DebriefView, Page
from app.vault import audit_chain
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


@dataclass(frozen=True)
class DebriefContent:
    """The free-text parts of a debrief, as the editor holds them."""

    narrative: str = ""
    welfare_observations: str = ""
    security_observations: str = ""
    runner_assessment: str = ""
    critical_reflection: str = ""


@dataclass(frozen=True)
class ItemDraft:
    text: str
    sanitised_text: str = ""
    scheme: GradingScheme = GradingScheme.UK_3X5X2
    source_evaluation: str = ""
    intelligence_assessment: str = ""
    handling_code: str = ""
    handling_conditions: str = ""
    corroboration: Corroboration = Corroboration.UNCHECKED
    exculpatory: bool = False
    subjects: tuple[tuple[SubjectKind, str], ...] = ()

    @property
    def grading(self) -> Grading:
        return Grading(
            self.scheme,
            self.source_evaluation,
            self.intelligence_assessment,
            self.handling_code,
            self.handling_conditions,
        )


def _audit(session: Session, scope: Scope, action: str, d: Debrief, **detail: object) -> None:
    audit_chain.append(
        session,
        scope.actor,
        action,
        record_type="debrief",
        record_id=d.id,
        compartment_id=d.compartment_id,
        detail=dict(detail) if detail else None,
    )


def _require_draft(d: Debrief) -> None:
    if d.status is not DebriefStatus.DRAFT:
        raise WorkflowError("This debrief has been submitted; it can only be added to (addendum).")


def create_draft(
    vault: Vault, scope: Scope, source_id: uuid.UUID, *, contact_id: uuid.UUID | None = None
) -> uuid.UUID:
    with vault.write() as session:
        source = get_visible(session, scope, Source, source_id)
        if contact_id is not None:
            contact = get_visible(session, scope, Contact, contact_id)
            if contact.source_id != source.id:
                raise InvalidInput("That contact belongs to another source.")
        debrief = Debrief(
            compartment_id=source.compartment_id,
            source_id=source.id,
            contact_id=contact_id,
            author_alias_id=scope.alias_id,
        )
        session.add(debrief)
        session.flush()
        _audit(session, scope, "debrief.created", debrief)
        return debrief.id


@dataclass(frozen=True)
class DraftSaved:
    """What ``save_draft`` did: whether it wrote anything, and which fields it did
    not empty (their saved text was kept; the editor should ask)."""

    changed: bool
    kept: tuple[str, ...] = ()


def save_draft(
    vault: Vault,
    scope: Scope,
    debrief_id: uuid.UUID,
    content: DebriefContent,
    *,
    emptying: frozenset[str] = frozenset(),
) -> DraftSaved:
    """Store the editor's text (autosave calls this every few seconds); unchanged
    saves write nothing and audit nothing.

    A field whose saved text is not blank is never replaced by blank text unless
    it is named in ``emptying`` (the user said so): a stray select-all and delete
    that an autosave catches must not wipe a narrative. Such a field keeps its
    saved text and is named in ``DraftSaved.kept``; the other fields are saved."""
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        _require_draft(d)
        changed = []
        kept = []
        for f in fields(DebriefContent):
            value = getattr(content, f.name)
            saved = getattr(d, f.name)
            if saved == value:
                continue
            if not value.strip() and saved.strip() and f.name not in emptying:
                kept.append(f.name)
                continue
            setattr(d, f.name, value)
            changed.append(f.name)
        if changed:
            _audit(session, scope, "debrief.draft_saved", d, fields=sorted(changed))
        return DraftSaved(bool(changed), tuple(kept))


def _upsert_subjects(
    session: Session, compartment_id: uuid.UUID, subjects: tuple[tuple[SubjectKind, str], ...]
) -> list[uuid.UUID]:
    ids = []
    for kind, name in subjects:
        clean = " ".join(name.split())
        if not clean:
            continue
        key = normalise_name(clean)
        existing = session.execute(
            select(Subject.id).where(
                Subject.compartment_id == compartment_id,
                Subject.kind == kind,
                Subject.normalised == key,
            )
        ).scalar_one_or_none()
        if existing is None:
            subject = Subject(compartment_id=compartment_id, kind=kind, name=clean, normalised=key)
            session.add(subject)
            session.flush()
            existing = subject.id
        if existing not in ids:
            ids.append(existing)
    return ids


def _apply_item(item: IntelligenceItem, draft: ItemDraft) -> None:
    for name in (
        "text",
        "sanitised_text",
        "scheme",
        "source_evaluation",
        "intelligence_assessment",
        "handling_code",
        "handling_conditions",
        "corroboration",
        "exculpatory",
    ):
        setattr(item, name, getattr(draft, name))


def add_item(vault: Vault, scope: Scope, debrief_id: uuid.UUID, draft: ItemDraft) -> uuid.UUID:
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        _require_draft(d)
        position = session.execute(
            select(func.coalesce(func.max(IntelligenceItem.position), -1) + 1).where(
                IntelligenceItem.debrief_id == d.id
            )
        ).scalar_one()
        item = IntelligenceItem(compartment_id=d.compartment_id, debrief_id=d.id, position=position)
        _apply_item(item, draft)
        session.add(item)
        session.flush()
        for sid in _upsert_subjects(session, d.compartment_id, draft.subjects):
            session.add(ItemSubject(item_id=item.id, subject_id=sid))
        _audit(session, scope, "debrief.item_added", d, item_id=item.id.hex)
        return item.id


def update_item(vault: Vault, scope: Scope, item_id: uuid.UUID, draft: ItemDraft) -> None:
    with vault.write() as session:
        item = get_visible(session, scope, IntelligenceItem, item_id)
        d = get_visible(session, scope, Debrief, item.debrief_id)
        _require_draft(d)
        _apply_item(item, draft)
        session.execute(delete(ItemSubject).where(ItemSubject.item_id == item.id))
        for sid in _upsert_subjects(session, d.compartment_id, draft.subjects):
            session.add(ItemSubject(item_id=item.id, subject_id=sid))
        _audit(session, scope, "debrief.item_updated", d, item_id=item.id.hex)


def remove_item(vault: Vault, scope: Scope, item_id: uuid.UUID) -> None:
    with vault.write() as session:
        item = get_visible(session, scope, IntelligenceItem, item_id)
        d = get_visible(session, scope, Debrief, item.debrief_id)
        _require_draft(d)
        session.delete(item)
        _audit(session, scope, "debrief.item_removed", d, item_id=item_id.hex)


@dataclass(frozen=True)
class Blocker:
    """One thing missing before submit: ``what`` is a field name (``narrative``,
    ``critical reflection``, ``text`` or a grading part); ``item`` is the item's
    number, or None for the debrief itself."""

    what: str
    item: int | None = None

    def __str__(self) -> str:
        return self.what if self.item is None else f"item {self.item}: {self.what}"


def blockers(d: Debrief, items: list[IntelligenceItem]) -> list[Blocker]:
    return content_blockers(
        d.narrative,
        d.critical_reflection,
        [
            (
                item.text,
                Grading(
                    item.scheme,
                    item.source_evaluation,
                    item.intelligence_assessment,
                    item.handling_code,
                    item.handling_conditions,
                ),
            )
            for item in sorted(items, key=lambda i: i.position)
        ],
    )


def content_blockers(
    narrative: str, critical_reflection: str, items: Sequence[tuple[str, Grading]]
) -> list[Blocker]:
    """``blockers`` over plain values: the items' (text, grading), in item order."""
    found = []
    if not narrative.strip():
        found.append(Blocker("narrative"))
    if not critical_reflection.strip():
        found.append(Blocker("critical reflection"))
    for n, (text, grading) in enumerate(items, start=1):
        if not text.strip():
            found.append(Blocker("text", n))
        found.extend(Blocker(problem, n) for problem in grading.problems())
    return found


def missing_for_submit(d: Debrief, items: list[IntelligenceItem]) -> list[str]:
    """What still has to be filled in before a debrief can be submitted."""
    return [str(b) for b in blockers(d, items)]


def submit_blockers(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[Blocker]:
    with vault.read() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        return blockers(d, _items(session, d.id))


def _items(session: Session, debrief_id: uuid.UUID) -> list[IntelligenceItem]:
    return list(
        session.execute(
            select(IntelligenceItem).where(IntelligenceItem.debrief_id == debrief_id)
        ).scalars()
    )


def submit(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> None:
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        if d.status is DebriefStatus.RETURNED:
            answered = session.execute(
                select(func.count()).where(
                    Addendum.debrief_id == d.id,
                    Addendum.created_at > (d.reviewed_at or d.created_at),
                )
            ).scalar_one()
            if not answered:
                raise WorkflowError(
                    "A returned debrief is resubmitted with an addendum that answers the comment."
                )
        elif d.status is not DebriefStatus.DRAFT:
            raise WorkflowError("Only a draft or a returned debrief can be submitted.")
        missing = missing_for_submit(d, _items(session, d.id))
        if missing:
            raise WorkflowError(
                "Cannot submit yet; missing: {missing}.", missing="; ".join(missing)
            )
        previous = d.status
        d.status = DebriefStatus.SUBMITTED
        d.submitted_at = utc_now()
        _audit(session, scope, "debrief.submitted", d, previous=previous.value)


def _review(
    vault: Vault, scope: Scope, debrief_id: uuid.UUID, status: DebriefStatus, comment: str
) -> None:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Only a handler may approve or return a debrief.")
    if len(comment) > limits.MAX_REVIEW_COMMENT_CHARS:
        raise InvalidInput(
            "A review comment holds at most {n} characters.", n=limits.MAX_REVIEW_COMMENT_CHARS
        )
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        if d.status is not DebriefStatus.SUBMITTED:
            raise WorkflowError("Only a submitted debrief can be approved or returned.")
        if d.author_alias_id == scope.alias_id:
            raise AccessDenied("A debrief is reviewed by someone other than its author.")
        d.status = status
        d.reviewed_at = utc_now()
        d.reviewer_alias_id = scope.alias_id
        d.review_comment = comment
        action = "debrief.approved" if status is DebriefStatus.APPROVED else "debrief.returned"
        _audit(session, scope, action, d)


def approve(vault: Vault, scope: Scope, debrief_id: uuid.UUID, comment: str = "") -> None:
    _review(vault, scope, debrief_id, DebriefStatus.APPROVED, comment.strip())


def return_to_runner(vault: Vault, scope: Scope, debrief_id: uuid.UUID, comment: str) -> None:
    if not comment.strip():
        raise InvalidInput("Say why the debrief is returned.")
    _review(vault, scope, debrief_id, DebriefStatus.RETURNED, comment.strip())


def add_addendum(vault: Vault, scope: Scope, debrief_id: uuid.UUID, text: str) -> uuid.UUID:
    if not text.strip():
        raise InvalidInput("An addendum needs text.")
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        if d.status is DebriefStatus.DRAFT:
            raise WorkflowError("A draft is edited directly; addenda are for submitted debriefs.")
        addendum = Addendum(
            compartment_id=d.compartment_id,
            debrief_id=d.id,
            text=text.strip(),
            author_alias_id=scope.alias_id,
        )
        session.add(addendum)
        session.flush()
        _audit(session, scope, "debrief.addendum_added", d, addendum_id=addendum.id.hex)
        return addendum.id


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
            items=mapping.item_views(session, _items(session, d.id)),
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
