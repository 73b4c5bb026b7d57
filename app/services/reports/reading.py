"""Reading what a report shows: the debriefs a selection names, every part of
them, and the file records beside them, in one read transaction (so a report is
one consistent moment of the vault) and in a constant number of statements
however many debriefs it covers (``app.services.records.debrief_bulk``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.dal.scope import get_visible, visible
from app.domain.enums import DebriefStatus
from app.domain.scope import Scope
from app.errors import InvalidInput, NotFound
from app.models import Contact, Debrief, Source
from app.reports.views import FileRecords
from app.services.records import debrief_bulk
from app.services.reports import file_records
from app.services.reports.choices import MAX_DEBRIEFS, Selection
from app.services.views import DebriefView
from app.vault.vault import Vault


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _met_at() -> ColumnElement[datetime]:
    """When a debrief's information came in (``app.domain.meeting.met_at``, in
    SQL): its contact's time, else (no contact linked) when the debrief was
    made. A period is of meetings: "November" is the
    debriefs of the meetings in November, whenever they were written up; the
    report heads each debrief with the same moment."""
    return func.coalesce(Contact.occurred_at, Debrief.created_at)


def _ranged(session: Session, scope: Scope, sel: Selection) -> Select[Any]:
    """The debriefs of a source and/or a period, drafts too."""
    query = (
        select(Debrief.id)
        .outerjoin(Contact, Contact.id == Debrief.contact_id)
        .where(visible(Debrief.compartment_id, scope))
    )
    if sel.source_id is not None:
        source = get_visible(session, scope, Source, sel.source_id)
        query = query.where(Debrief.source_id == source.id)
    if sel.date_from is not None:
        query = query.where(_met_at() >= _day_start(sel.date_from))
    if sel.date_to is not None:
        query = query.where(_met_at() < _day_start(sel.date_to + timedelta(days=1)))
    return query


def selected_ids(
    session: Session, scope: Scope, selection: Selection, *, leave_out_drafts: bool = False
) -> list[uuid.UUID]:
    """The ids of the debriefs ``selection`` names in the scope's files, by the
    time of their meeting (``_met_at``), oldest first (NotFound if none,
    InvalidInput if more than a report covers). With
    ``leave_out_drafts`` (an internal report's source or period, unless it asks
    for them: ``Selection.include_drafts``) no drafts; a sanitised report skips
    them itself, and counts them as left out."""
    sel = selection.validated()
    if sel.debrief_id is not None:
        return [get_visible(session, scope, Debrief, sel.debrief_id).id]
    query = _ranged(session, scope, sel)
    if leave_out_drafts:
        query = query.where(Debrief.status != DebriefStatus.DRAFT)
    ids = list(
        session.execute(
            query.order_by(_met_at(), Debrief.created_at, Debrief.id).limit(MAX_DEBRIEFS + 1)
        )
        .scalars()
        .all()
    )
    if not ids and leave_out_drafts and _drafts(session, scope, sel):
        raise NotFound(
            "Only drafts match that choice; a report leaves them out unless asked to include them."
        )
    if not ids:
        raise NotFound("No debriefs match that choice in the active alias's files.")
    if len(ids) > MAX_DEBRIEFS:
        raise InvalidInput(
            "A report covers at most {n} debriefs; narrow the choice.", n=MAX_DEBRIEFS
        )
    return ids


def _drafts(session: Session, scope: Scope, sel: Selection) -> int:
    """How many drafts ``sel`` covers, counted by the database."""
    query = _ranged(session, scope, sel).where(Debrief.status == DebriefStatus.DRAFT)
    return session.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def drafts_in(vault: Vault, scope: Scope, selection: Selection) -> int:
    """How many drafts ``selection`` covers: those a report includes if asked
    (``Selection.include_drafts``), or leaves out; the one debrief chosen if it
    is a draft."""
    sel = selection.validated()
    with vault.read() as session:
        if sel.debrief_id is not None:
            one = get_visible(session, scope, Debrief, sel.debrief_id)
            return int(one.status is DebriefStatus.DRAFT)
        return _drafts(session, scope, sel)


def unlinked_for(
    session: Session, scope: Scope, selection: Selection, views: Sequence[DebriefView]
) -> tuple[FileRecords, ...]:
    """A source or period report also shows the files' records outside debriefs."""
    if selection.debrief_id is not None:
        return ()
    return file_records.unlinked_records(
        session,
        scope,
        source_id=selection.source_id,
        date_from=selection.date_from,
        date_to=selection.date_to,
        files={v.codename: v.source_id for v in views},
    )


def read_selection(vault: Vault, scope: Scope, selection: Selection) -> list[DebriefView]:
    """The debriefs ``selection`` names, drafts too, oldest first (``selected_ids``):
    a sanitised report's, which skips drafts itself and has no file records."""
    with vault.read() as session:
        ids = selected_ids(session, scope, selection)
        return debrief_bulk.read_debriefs(session, scope, ids)


def read_internal(
    vault: Vault, scope: Scope, selection: Selection
) -> tuple[list[DebriefView], tuple[FileRecords, ...], int]:
    """An internal report's debriefs (``selected_ids``) and file records, and
    how many drafts of a source or period it leaves out (none when it includes
    them, ``Selection.include_drafts``): the report says so on its first page.
    Counted in the same read, so the note and the debriefs agree."""
    sel = selection.validated()
    leave_out = not sel.include_drafts and sel.debrief_id is None
    with vault.read() as session:
        ids = selected_ids(session, scope, sel, leave_out_drafts=leave_out)
        views = debrief_bulk.read_debriefs(session, scope, ids)
        left_out = _drafts(session, scope, sel) if leave_out else 0
        return views, unlinked_for(session, scope, sel, views), left_out


def read_debriefs(vault: Vault, scope: Scope, ids: Sequence[uuid.UUID]) -> list[DebriefView]:
    """The debriefs ``ids``, in that order (an approval's list)."""
    with vault.read() as session:
        return debrief_bulk.read_debriefs(session, scope, ids)
