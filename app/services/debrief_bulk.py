"""Many debriefs as views at once: what ``debriefs.get_debrief`` gives for one,
for a whole report, in a constant number of statements (``app.dal.debrief_parts``:
eight, plus one for the cover names), inside the caller's read transaction.

Parts come ordered as ``get_debrief`` orders them, with the id as the last tie
breaker, so one debrief reads the same either way (tests/test_report_bulk.py).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from app.dal import debrief_parts
from app.dal.scope import Scope
from app.domain.grading import Grading
from app.errors import NotFound
from app.services import mapping
from app.services.views import (
    AddendumView,
    ContactView,
    DebriefView,
    ItemView,
    PaymentView,
    SubjectView,
    TaskingView,
)

Rows = dict[uuid.UUID, list[Row[Any]]]


def _by(rows: list[Row[Any]], key: str) -> Rows:
    out: Rows = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


def _item(row: Row[Any], subjects: list[Row[Any]]) -> ItemView:
    return ItemView(
        id=row.id,
        position=row.position,
        text=row.text,
        sanitised_text=row.sanitised_text,
        grading=Grading(
            row.scheme,
            row.source_evaluation,
            row.intelligence_assessment,
            row.handling_code,
            row.handling_conditions,
        ),
        corroboration=row.corroboration,
        exculpatory=row.exculpatory,
        subjects=tuple(SubjectView(s.id, s.kind, s.name) for s in subjects),
    )


class _Views:
    """Turns the parts' rows into views, one debrief at a time."""

    def __init__(self, parts: debrief_parts.DebriefParts, names: dict[uuid.UUID, str]) -> None:
        self.names = names
        self.contacts = {c.id: c for c in parts.contacts}
        self.attendees: dict[uuid.UUID, tuple[str, ...]] = {
            cid: tuple(sorted(names.get(r.alias_id, "?") for r in rows))
            for cid, rows in _by(parts.attendees, "contact_id").items()
        }
        self.items = _by(parts.items, "debrief_id")
        self.subjects = _by(parts.subjects, "item_id")
        self.addenda = _by(parts.addenda, "debrief_id")
        self.taskings = _by(parts.taskings, "debrief_id")
        self.payments = _by(parts.payments, "debrief_id")

    def name(self, alias_id: uuid.UUID | None) -> str | None:
        return self.names.get(alias_id) if alias_id else None

    def contact(self, contact_id: uuid.UUID | None) -> ContactView | None:
        c = self.contacts.get(contact_id) if contact_id is not None else None
        if c is None:
            return None
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
            attendees=self.attendees.get(c.id, ()),
        )

    def debrief(self, d: Row[Any]) -> DebriefView:
        items = self.items.get(d.id, ())
        addenda = self.addenda.get(d.id, ())
        taskings = self.taskings.get(d.id, ())
        payments = self.payments.get(d.id, ())
        return DebriefView(
            id=d.id,
            source_id=d.source_id,
            compartment_id=d.compartment_id,
            codename=d.codename,
            status=d.status,
            contact=self.contact(d.contact_id),
            narrative=d.narrative,
            welfare_observations=d.welfare_observations,
            security_observations=d.security_observations,
            runner_assessment=d.runner_assessment,
            critical_reflection=d.critical_reflection,
            author=self.name(d.author_alias_id),
            created_at=d.created_at,
            updated_at=d.updated_at,
            submitted_at=d.submitted_at,
            reviewed_at=d.reviewed_at,
            reviewer=self.name(d.reviewer_alias_id),
            review_comment=d.review_comment,
            items=tuple(_item(i, self.subjects.get(i.id, [])) for i in items),
            addenda=tuple(
                AddendumView(a.id, a.text, self.name(a.author_alias_id), a.created_at)
                for a in addenda
            ),
            taskings=tuple(
                TaskingView(
                    t.id,
                    t.source_id,
                    d.codename,
                    t.description,
                    t.limits,
                    t.deadline,
                    t.status,
                    t.outcome,
                    t.created_at,
                )
                for t in taskings
            ),
            payments=tuple(
                PaymentView(
                    p.id,
                    p.kind,
                    p.amount_cents,
                    p.currency,
                    p.reason,
                    p.occurred_on,
                    self.name(p.witness_alias_id),
                    self.name(p.approved_by_alias_id),
                )
                for p in payments
            ),
        )


def read_debriefs(
    session: Session, scope: Scope, debrief_ids: Sequence[uuid.UUID]
) -> list[DebriefView]:
    """The debriefs ``debrief_ids`` as views, in that order. NotFound (as
    ``get_debrief`` says it) if any of them is not in the scope's files."""
    parts = debrief_parts.read(session, scope, debrief_ids)
    views = _Views(parts, mapping.alias_names(session))
    found = {d.id: d for d in parts.debriefs}
    if any(i not in found for i in debrief_ids):
        raise NotFound("No such {record} in the active alias's files.", record="debrief")
    return [views.debrief(found[i]) for i in debrief_ids]
