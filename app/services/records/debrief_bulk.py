"""Many debriefs as views at once: what ``debriefs.get_debrief`` gives for one,
for a whole report, in a constant number of statements (``app.dal.debrief_parts``:
eight, plus one for the cover names), inside the caller's read transaction.

The parts come as stored; each value is converted here as its column type would
convert it (``app.models.base``: ids, times, days; enums by value), once per
distinct id. Parts come ordered as ``get_debrief`` orders them, the id breaking
ties, so a debrief reads the same either way (tests/test_report_bulk.py checks
every field of every debrief of a varied vault).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.dal import debrief_parts
from app.domain.enums import (
    ContactKind,
    Corroboration,
    DebriefStatus,
    GradingScheme,
    PaymentKind,
    SubjectKind,
    TaskingStatus,
)
from app.domain.grading import Grading
from app.domain.scope import Scope
from app.errors import NotFound
from app.models.base import parse_stored_utc
from app.services import mapping
from app.services.records.debrief_writer import read_only_to
from app.services.views import (
    AddendumView,
    ContactView,
    DebriefView,
    ItemView,
    PaymentView,
    SubjectView,
    TaskingView,
)

Rows = dict[str, list[Any]]


def _by_first(rows: list[Any]) -> Rows:
    """Rows grouped by their first column (the stored id of what they belong to),
    in the order they came."""
    out: Rows = defaultdict(list)
    for row in rows:
        out[row[0]].append(row)
    return out


def _time(value: str | None) -> datetime | None:
    return None if value is None else parse_stored_utc(value)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


class _Views:
    """Turns the parts' stored rows into views, one debrief at a time."""

    def __init__(
        self, parts: debrief_parts.DebriefParts, names: dict[uuid.UUID, str], scope: Scope
    ) -> None:
        self.scope = scope
        self._ids: dict[str, uuid.UUID] = {}
        self._names = {alias_id.hex: name for alias_id, name in names.items()}
        self._gradings: dict[tuple[Any, ...], Grading] = {}
        self._subjects: dict[str, SubjectView] = {}
        self.contacts: dict[str, Any] = {c[0]: c for c in parts.contacts}
        attendees = _by_first(parts.attendees)
        self.attendees = {
            cid: tuple(sorted(self._names.get(a[1], "?") for a in rows))
            for cid, rows in attendees.items()
        }
        self.items = _by_first(parts.items)
        self.subjects = _by_first(parts.subjects)
        self.addenda = _by_first(parts.addenda)
        self.taskings = _by_first(parts.taskings)
        self.payments = _by_first(parts.payments)

    def uid(self, stored: str) -> uuid.UUID:
        found = self._ids.get(stored)
        if found is None:
            found = self._ids[stored] = uuid.UUID(hex=stored)
        return found

    def name(self, alias_id: str | None) -> str | None:
        return self._names.get(alias_id) if alias_id else None

    def contact(self, contact_id: str | None) -> ContactView | None:
        c = self.contacts.get(contact_id) if contact_id is not None else None
        if c is None:
            return None
        cid, source_id, kind, occurred_at, duration, codeword, recon, safety, notes = c
        return ContactView(
            id=self.uid(cid),
            source_id=self.uid(source_id),
            kind=ContactKind(kind),
            occurred_at=parse_stored_utc(occurred_at),
            duration_minutes=duration,
            location_codeword=codeword,
            reconnaissance_notes=recon,
            safety_notes=safety,
            notes=notes,
            attendees=self.attendees.get(cid, ()),
        )

    def subject(self, stored_id: str, kind: str, name: str) -> SubjectView:
        # Subjects recur across a file's items: one view each.
        view = self._subjects.get(stored_id)
        if view is None:
            view = SubjectView(self.uid(stored_id), SubjectKind(kind), name)
            self._subjects[stored_id] = view
        return view

    def grading(self, codes: tuple[Any, ...]) -> Grading:
        found = self._gradings.get(codes)
        if found is None:
            scheme, evaluation, assessment, handling, conditions = codes
            found = Grading(GradingScheme(scheme), evaluation, assessment, handling, conditions)
            self._gradings[codes] = found
        return found

    def item(self, row: Any) -> ItemView:
        _debrief, iid, position, text, sanitised, *codes, corroboration, exculpatory = row
        return ItemView(
            id=self.uid(iid),
            position=position,
            text=text,
            sanitised_text=sanitised,
            grading=self.grading(tuple(codes)),
            corroboration=Corroboration(corroboration),
            exculpatory=bool(exculpatory),
            subjects=tuple(self.subject(s[1], s[2], s[3]) for s in self.subjects.get(iid, ())),
        )

    def tasking(self, row: Any, codename: str) -> TaskingView:
        _debrief, tid, source_id, description, limits, deadline, status, outcome, created = row
        return TaskingView(
            self.uid(tid),
            self.uid(source_id),
            codename,
            description,
            limits,
            _day(deadline),
            TaskingStatus(status),
            outcome,
            parse_stored_utc(created),
        )

    def payment(self, row: Any) -> PaymentView:
        _debrief, pid, kind, amount, currency, reason, occurred_on, witness, approver, _at = row
        return PaymentView(
            self.uid(pid),
            PaymentKind(kind),
            amount,
            currency,
            reason,
            date.fromisoformat(occurred_on),
            self.name(witness),
            self.name(approver),
        )

    def debrief(self, d: Any) -> DebriefView:
        (did, source_id, compartment_id, contact_id, status, narrative, welfare, security) = d[:8]
        (assessment, reflection, author, reviewer, comment, created, updated) = d[8:15]
        (submitted, reviewed, codename) = d[15:]
        return DebriefView(
            id=self.uid(did),
            source_id=self.uid(source_id),
            compartment_id=self.uid(compartment_id),
            codename=codename,
            status=DebriefStatus(status),
            contact=self.contact(contact_id),
            narrative=narrative,
            welfare_observations=welfare,
            security_observations=security,
            runner_assessment=assessment,
            critical_reflection=reflection,
            author=self.name(author),
            created_at=parse_stored_utc(created),
            updated_at=parse_stored_utc(updated),
            submitted_at=_time(submitted),
            reviewed_at=_time(reviewed),
            reviewer=self.name(reviewer),
            review_comment=comment,
            items=tuple(self.item(i) for i in self.items.get(did, ())),
            addenda=tuple(
                AddendumView(self.uid(a[1]), a[2], self.name(a[3]), parse_stored_utc(a[4]))
                for a in self.addenda.get(did, ())
            ),
            taskings=tuple(self.tasking(t, codename) for t in self.taskings.get(did, ())),
            payments=tuple(self.payment(p) for p in self.payments.get(did, ())),
            written_by_another=read_only_to(
                DebriefStatus(status), self.uid(author) if author else None, self.scope
            ),
        )


def read_debriefs(
    session: Session, scope: Scope, debrief_ids: Sequence[uuid.UUID]
) -> list[DebriefView]:
    """The debriefs ``debrief_ids`` as views, in that order. NotFound (as
    ``get_debrief`` says it) if any of them is not in the scope's files."""
    parts = debrief_parts.read(session, scope, debrief_ids)
    views = _Views(parts, mapping.alias_names(session), scope)
    found = {d[0]: d for d in parts.debriefs}
    stored = [i.hex for i in debrief_ids]
    if any(i not in found for i in stored):
        raise NotFound("No such {record} in the active alias's files.", record="debrief")
    return [views.debrief(found[i]) for i in stored]
