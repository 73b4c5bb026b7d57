"""Meeting mode's quick note: at the end of a meeting it becomes a recorded
contact and a draft debrief to finish later."""

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


def close_meeting(
    vault: Vault, scope: Scope, source_id: uuid.UUID, started_at: datetime, note: str
) -> MeetingRecord:
    minutes = max(1, round((utc_now() - started_at).total_seconds() / 60))
    contact_id = contacts.record_contact(
        vault,
        scope,
        source_id,
        ContactDraft(
            kind=ContactKind.MEETING,
            occurred_at=started_at,
            duration_minutes=min(minutes, 24 * 60),
            notes=note,
            attendee_ids=(scope.alias_id,),
        ),
    )
    debrief_id = debriefs.create_draft(vault, scope, source_id, contact_id=contact_id)
    if note.strip():
        debriefs.save_draft(vault, scope, debrief_id, DebriefContent(narrative=note))
    return MeetingRecord(contact_id, debrief_id)
