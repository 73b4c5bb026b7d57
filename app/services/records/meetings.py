"""Meeting mode's quick note. The contact and its draft debrief are recorded when
the meeting starts, so the note can be autosaved into the vault every few seconds
(a crash loses at most that much); the end of the meeting fills in its length.

A meeting started by mistake is discarded (``discard_meeting``) in its first
``DISCARD_MINUTES``: its contact and its draft go, and the audit log says so. Only
whoever started it can, only while nothing but the note was recorded, and a note
with text goes only when the caller says the user agreed to lose it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal.scope import get_visible
from app.domain.enums import ContactKind, DebriefStatus
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, WorkflowError
from app.models import (
    Addendum,
    Attachment,
    Contact,
    ContactAttendee,
    Debrief,
    IntelligenceItem,
    Payment,
    Tasking,
)
from app.services.records import contacts, debriefs
from app.services.records.contacts import ContactDraft
from app.services.records.debriefs import DebriefContent, DraftSaved
from app.vault import audit_chain
from app.vault.vault import Vault

# How long after its start a meeting can still be discarded as a mistake.
DISCARD_MINUTES = 10


@dataclass(frozen=True)
class MeetingRecord:
    contact_id: uuid.UUID
    debrief_id: uuid.UUID
    started_at: datetime


def start_meeting(vault: Vault, scope: Scope, source_id: uuid.UUID) -> MeetingRecord:
    started_at = utc_now()
    contact_id = contacts.record_contact(
        vault,
        scope,
        source_id,
        ContactDraft(
            kind=ContactKind.MEETING, occurred_at=started_at, attendee_ids=(scope.alias_id,)
        ),
    )
    debrief_id = debriefs.create_draft(vault, scope, source_id, contact_id=contact_id)
    return MeetingRecord(contact_id, debrief_id, started_at)


def save_note(vault: Vault, scope: Scope, meeting: MeetingRecord, note: str) -> DraftSaved:
    """Autosave: the note is the draft debrief's narrative. A note emptied on screen
    does not empty the saved one (``DraftSaved.kept``; see ``debriefs.save_draft``)."""
    return debriefs.save_draft(vault, scope, meeting.debrief_id, DebriefContent(narrative=note))


def close_meeting(vault: Vault, scope: Scope, meeting: MeetingRecord, note: str) -> MeetingRecord:
    """Keep the last of the note and record how long the meeting lasted. An empty
    note on screen keeps the saved one, in the draft and in the contact."""
    saved = save_note(vault, scope, meeting, note)
    if saved.kept:
        note = debriefs.get_debrief(vault, scope, meeting.debrief_id).narrative
    minutes = max(1, round((utc_now() - meeting.started_at).total_seconds() / 60))
    contacts.finish_contact(
        vault, scope, meeting.contact_id, duration_minutes=min(minutes, 24 * 60), notes=note
    )
    return meeting


def close_as_saved(vault: Vault, scope: Scope, meeting: MeetingRecord) -> MeetingRecord:
    """End a meeting whose note is already saved (left open by a lock, and the app
    is quitting before the runner went back to it)."""
    note = debriefs.get_debrief(vault, scope, meeting.debrief_id).narrative
    return close_meeting(vault, scope, meeting, note)


def discard_meeting(
    vault: Vault, scope: Scope, meeting: MeetingRecord, *, lose_note: bool = False
) -> None:
    """Remove a meeting started by mistake: its contact and its draft debrief.

    Refused after ``DISCARD_MINUTES`` (counted from when the vault recorded the
    contact, not from what the caller says), once the meeting was ended, for
    anyone but the alias that started it, and when anything besides the note was
    recorded for it (items, files, taskings, payments, another debrief). A note
    with text is lost only with ``lose_note`` (the user was told and agreed)."""
    with vault.write() as session:
        contact = get_visible(session, scope, Contact, meeting.contact_id)
        debrief = get_visible(session, scope, Debrief, meeting.debrief_id)
        if debrief.contact_id != contact.id or contact.kind is not ContactKind.MEETING:
            raise InvalidInput("That draft does not belong to this meeting.")
        if not contact.created_by_alias_id == debrief.author_alias_id == scope.alias_id:
            raise AccessDenied("Only the alias that started a meeting can discard it.")
        if contact.duration_minutes is not None or debrief.status is not DebriefStatus.DRAFT:
            raise WorkflowError("This meeting was ended; it can no longer be discarded.")
        minutes = (utc_now() - contact.created_at).total_seconds() / 60
        if minutes > DISCARD_MINUTES:
            raise WorkflowError(
                "A meeting can be discarded only in its first {minutes} minutes; end it instead.",
                minutes=DISCARD_MINUTES,
            )
        if _recorded_besides_note(session, contact.id, debrief.id):
            raise WorkflowError("More than the note was recorded for this meeting; end it instead.")
        has_text = any(getattr(debrief, f.name).strip() for f in fields(DebriefContent))
        if has_text and not lose_note:
            raise WorkflowError(
                "The meeting's note holds text that discarding would lose; nothing was discarded."
            )
        audit_chain.append(
            session,
            scope.actor,
            "meeting.discarded",
            record_type="contact",
            record_id=contact.id,
            compartment_id=contact.compartment_id,
            detail={
                "debrief": debrief.id.hex,
                "minutes": int(minutes),
                "note_lost": bool(has_text),
            },
        )
        session.execute(delete(Debrief).where(Debrief.id == debrief.id))
        session.execute(delete(ContactAttendee).where(ContactAttendee.contact_id == contact.id))
        session.execute(delete(Contact).where(Contact.id == contact.id))


def _recorded_besides_note(session: Session, contact_id: uuid.UUID, debrief_id: uuid.UUID) -> bool:
    checks = (
        select(func.count()).where(IntelligenceItem.debrief_id == debrief_id),
        select(func.count()).where(Attachment.debrief_id == debrief_id),
        select(func.count()).where(Addendum.debrief_id == debrief_id),
        select(func.count()).where(Tasking.debrief_id == debrief_id),
        select(func.count()).where(Payment.debrief_id == debrief_id),
        select(func.count()).where(Debrief.contact_id == contact_id, Debrief.id != debrief_id),
    )
    return any(session.execute(check).scalar_one() for check in checks)
