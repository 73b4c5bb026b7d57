"""What a source's file must be before it is handed over: everything of it that
the new runner should hold must travel, since the old vault purges the source
once the new runner confirms it (docs/package-format.md, section 7.4)."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.enums import DebriefStatus
from app.errors import InvalidInput
from app.models import Contact, ContactAttendee, Debrief
from app.services.exchange import token_sends


def refuse_unready(session: Session, source_id: uuid.UUID) -> None:
    """Refused: a draft debrief (it cannot leave the laptop), a contact that no
    debrief carries (contacts travel inside their debriefs only), or a withdrawal
    of tokens still to send (``token_sends``)."""
    drafts = select(Debrief.id).where(
        Debrief.source_id == source_id, Debrief.status == DebriefStatus.DRAFT
    )
    if session.execute(drafts).first():
        raise InvalidInput(
            "The source has a draft debrief: submit or delete it before the handover."
        )
    _refuse_contacts_without_debrief(session, source_id)
    token_sends.refuse_withdrawal_waiting(session, source_id)


def _refuse_contacts_without_debrief(session: Session, source_id: uuid.UUID) -> None:
    """A contact with details (a place, notes, who attended) that no debrief names
    would be lost: the new runner and the handler would never get it, and the old
    vault purges it. One whose details were purged after a receipt (its debrief
    went out, and only its day, kind and length stay here) is not refused."""
    debriefed = select(Debrief.contact_id).where(Debrief.contact_id.is_not(None))
    attended = select(ContactAttendee.contact_id)
    alone = session.execute(
        select(Contact.occurred_at)
        .where(
            Contact.source_id == source_id,
            Contact.id.not_in(debriefed),
            or_(
                Contact.location_codeword != "",
                Contact.notes != "",
                Contact.reconnaissance_notes != "",
                Contact.safety_notes != "",
                Contact.id.in_(attended),
            ),
        )
        .order_by(Contact.occurred_at)
    ).first()
    if alone is not None:
        raise InvalidInput(
            "The source has a contact without a debrief (on {day}): contacts travel only "
            "in their debriefs, so write and submit its debrief before the handover.",
            day=f"{alone[0]:%Y-%m-%d}",
        )
