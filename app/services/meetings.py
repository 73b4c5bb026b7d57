"""Meeting mode's quick note. The contact and its draft debrief are recorded when
the meeting starts, so the note can be autosaved into the vault every few seconds
(a crash loses at most that much); the end of the meeting fills in its length."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.clock import utc_now
from app.dal.scope import Scope
from app.models.enums import ContactKind
from app.services import contacts, debriefs
from app.services.contacts import ContactDraft
from app.services.debriefs import DebriefContent
from app.vault.vault import Vault


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


def save_note(vault: Vault, scope: Scope, meeting: MeetingRecord, note: str) -> bool:
    """Autosave: the note is the draft debrief's narrative. Returns whether it changed."""
    return debriefs.save_draft(vault, scope, meeting.debrief_id, DebriefContent(narrative=note))


def close_meeting(vault: Vault, scope: Scope, meeting: MeetingRecord, note: str) -> MeetingRecord:
    """Keep the last of the note and record how long the meeting lasted."""
    save_note(vault, scope, meeting, note)
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
