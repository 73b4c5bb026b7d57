"""Debriefs and everything recorded in them, for many debriefs at once, in scope.

One statement per kind of part, however many debriefs are asked for: the ids go
in as one JSON array read by ``json_each``, so there is no chunking to SQLite's
limit on bound values, and every statement filters its own rows by the scope's
compartments (``visible``), so a part of a debrief outside the scope is never
read, even when an id of one is asked for.

Values come back as stored, without the column types' conversions: ids as 32
hex digits, times as ``iso_utc`` text, days as ISO dates, enums as their text,
flags as 0/1. Converting only what a caller shows is several times cheaper than
SQLAlchemy building a UUID, a datetime or an enum member for every value read
(``benchmarks/reports.py``), and stored text is what the package serialiser
encodes. Reports read through it (``app.services.records.debrief_bulk``), one debrief or
a thousand alike.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, String, func, literal, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from app.dal.scope import visible
from app.dal.source_names import shown_codename
from app.domain.scope import Scope
from app.models import (
    Addendum,
    Attachment,
    Contact,
    ContactAttendee,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Payment,
    Source,
    Subject,
    Tasking,
)


def ids_json(ids: Sequence[uuid.UUID]) -> str:
    """The ids as stored (32 lowercase hex digits), as one JSON array."""
    return json.dumps([i.hex for i in ids])


def listed(column: Any, ids: str) -> ColumnElement[bool]:
    """``column`` is one of ``ids`` (``ids_json``). The list is one bound value;
    SQLite probes the column's index once per id."""
    each = func.json_each(literal(ids, type_=String())).table_valued("value")
    return column.in_(select(each.c.value))  # type: ignore[no-any-return]


def visible_sources(
    session: Session, scope: Scope, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """The source of each of ``ids`` in the scope's files, in one statement; an id
    outside them (or of no debrief) is left out."""
    if not ids:
        return {}
    rows = session.execute(
        select(Debrief.id, Debrief.source_id).where(
            listed(Debrief.id, ids_json(ids)), visible(Debrief.compartment_id, scope)
        )
    )
    return {debrief_id: source_id for debrief_id, source_id in rows}


@dataclass(frozen=True)
class DebriefParts:
    """The rows of every part. Each kind comes in the order a debrief shows it
    (items by position, subjects by kind and name, addenda and taskings by time,
    payments by day, then time), the id breaking ties; debriefs, contacts and
    attendees in no particular order. Columns are named as in the statements
    below; ``debrief_id`` ties a part to its debrief."""

    debriefs: list[Row[Any]]
    contacts: list[Row[Any]]
    attendees: list[Row[Any]]  # contact_id, alias_id
    items: list[Row[Any]]
    subjects: list[Row[Any]]  # item_id, id, kind, name
    addenda: list[Row[Any]]
    taskings: list[Row[Any]]
    payments: list[Row[Any]]
    attachments: list[Row[Any]]  # metadata only, and only when asked for


def _columns(*columns: Any) -> list[Any]:
    """The columns as stored (no type's conversion), labelled by their names."""
    return [type_coerce(c, NullType()).label(c.key) for c in columns]


def _debriefs(scope: Scope, ids: str) -> Select[Any]:
    d = Debrief
    return (
        select(
            *_columns(
                d.id,
                d.source_id,
                d.compartment_id,
                d.contact_id,
                d.status,
                d.narrative,
                d.welfare_observations,
                d.security_observations,
                d.runner_assessment,
                d.critical_reflection,
                d.author_alias_id,
                d.reviewer_alias_id,
                d.review_comment,
                d.created_at,
                d.updated_at,
                d.submitted_at,
                d.reviewed_at,
            ),
            type_coerce(shown_codename(scope), NullType()).label("codename"),
        )
        .join(Source, Source.id == d.source_id)
        .where(listed(d.id, ids), visible(d.compartment_id, scope))
    )


def _contacts(scope: Scope, ids: str) -> Select[Any]:
    c = Contact
    return (
        select(
            *_columns(
                c.id,
                c.source_id,
                c.kind,
                c.occurred_at,
                c.duration_minutes,
                c.location_codeword,
                c.reconnaissance_notes,
                c.safety_notes,
                c.notes,
            )
        )
        .join(Debrief, Debrief.contact_id == c.id)
        .where(
            listed(Debrief.id, ids),
            visible(Debrief.compartment_id, scope),
            visible(c.compartment_id, scope),
        )
    )


def _attendees(scope: Scope, ids: str) -> Select[Any]:
    a = ContactAttendee
    return (
        select(*_columns(a.contact_id, a.alias_id))
        .join(Debrief, Debrief.contact_id == a.contact_id)
        .join(Contact, Contact.id == a.contact_id)
        .where(
            listed(Debrief.id, ids),
            visible(Debrief.compartment_id, scope),
            visible(Contact.compartment_id, scope),
        )
    )


def _items(scope: Scope, ids: str) -> Select[Any]:
    i = IntelligenceItem
    return (
        select(
            *_columns(
                i.debrief_id,
                i.id,
                i.position,
                i.text,
                i.sanitised_text,
                i.scheme,
                i.source_evaluation,
                i.intelligence_assessment,
                i.handling_code,
                i.handling_conditions,
                i.corroboration,
                i.exculpatory,
            )
        )
        .where(listed(i.debrief_id, ids), visible(i.compartment_id, scope))
        .order_by(i.position, i.id)
    )


def _subjects(scope: Scope, ids: str) -> Select[Any]:
    i, s = IntelligenceItem, Subject
    return (
        select(*_columns(ItemSubject.item_id, s.id, s.kind, s.name))
        .join(i, i.id == ItemSubject.item_id)
        .join(s, s.id == ItemSubject.subject_id)
        .where(
            listed(i.debrief_id, ids),
            visible(i.compartment_id, scope),
            visible(s.compartment_id, scope),
        )
        .order_by(s.kind, s.name, s.id)
    )


def _addenda(scope: Scope, ids: str) -> Select[Any]:
    a = Addendum
    return (
        select(*_columns(a.debrief_id, a.id, a.text, a.author_alias_id, a.created_at))
        .where(listed(a.debrief_id, ids), visible(a.compartment_id, scope))
        .order_by(a.created_at, a.id)
    )


def _taskings(scope: Scope, ids: str) -> Select[Any]:
    t = Tasking
    return (
        select(
            *_columns(
                t.debrief_id,
                t.id,
                t.source_id,
                t.description,
                t.limits,
                t.deadline,
                t.status,
                t.outcome,
                t.created_at,
            )
        )
        .where(listed(t.debrief_id, ids), visible(t.compartment_id, scope))
        .order_by(t.created_at, t.id)
    )


def _payments(scope: Scope, ids: str) -> Select[Any]:
    p = Payment
    return (
        select(
            *_columns(
                p.debrief_id,
                p.id,
                p.kind,
                p.amount_cents,
                p.currency,
                p.reason,
                p.occurred_on,
                p.witness_alias_id,
                p.approved_by_alias_id,
                p.created_at,
            )
        )
        .where(listed(p.debrief_id, ids), visible(p.compartment_id, scope))
        .order_by(p.occurred_on, p.created_at, p.id)
    )


def _attachments(scope: Scope, ids: str) -> Select[Any]:
    a = Attachment
    return (
        select(*_columns(a.debrief_id, a.id, a.name, a.media_type, a.size, a.sha256, a.created_at))
        .where(listed(a.debrief_id, ids), visible(a.compartment_id, scope))
        .order_by(a.created_at, a.id)
    )


def read(
    session: Session,
    scope: Scope,
    debrief_ids: Sequence[uuid.UUID],
    *,
    attachments: bool = False,
) -> DebriefParts:
    """Every part of the debriefs ``debrief_ids`` that ``scope`` may see: eight
    statements (nine with ``attachments``), whatever the number of ids. A debrief
    outside the scope, or that does not exist, is simply not among the rows."""
    ids = ids_json(debrief_ids)

    # Core execution: rows of columns need none of the ORM's machinery.
    connection = session.connection()

    def rows(query: Select[Any]) -> list[Row[Any]]:
        return list(connection.execute(query).all())

    return DebriefParts(
        debriefs=rows(_debriefs(scope, ids)),
        contacts=rows(_contacts(scope, ids)),
        attendees=rows(_attendees(scope, ids)),
        items=rows(_items(scope, ids)),
        subjects=rows(_subjects(scope, ids)),
        addenda=rows(_addenda(scope, ids)),
        taskings=rows(_taskings(scope, ids)),
        payments=rows(_payments(scope, ids)),
        attachments=rows(_attachments(scope, ids)) if attachments else [],
    )
