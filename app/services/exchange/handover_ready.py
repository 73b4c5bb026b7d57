"""Who hands a source over (the alias that runs it), and what its file must be
first: everything of it that the new runner should hold must travel, since the
old vault purges the source once the new runner confirms it
(docs/package-format.md, section 7.4)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal import source_runner
from app.domain.enums import DebriefStatus
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput
from app.models import AuditEvent, Contact, ContactAttendee, Debrief
from app.services.exchange import token_sends


def refuse_not_running(session: Session, scope: Scope, source_id: uuid.UUID) -> None:
    """Refused unless the active alias runs the source (``source_runner``): another
    alias with access to the file may add to it, not give it away."""
    runner = source_runner.other_runner(session, scope, source_id)
    if runner is not None:
        raise AccessDenied(
            "Only {runner}, the alias that runs this source, may hand it over: switch to "
            "that alias. Another alias with access to the file may read it and add to it. "
            "Nothing was written.",
            runner=runner,
        )


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
    """A contact that no debrief here names would be lost: the new runner and the
    handler would never get it (not even its day: a no-show's contact with no
    details is a record of a meeting too), and the old vault purges it. Not
    refused: one whose debrief went out and was purged after the handler's receipt
    (only its day, kind and length stay here; the handler holds the rest)."""
    debriefed = select(Debrief.contact_id).where(Debrief.contact_id.is_not(None))
    alone = session.execute(
        select(Contact.id, Contact.occurred_at, Contact.created_at, Contact.compartment_id)
        .where(Contact.source_id == source_id, Contact.id.not_in(debriefed))
        .order_by(Contact.occurred_at)
    ).all()
    if not alone:
        return
    sent, before = _purged_contacts(session, alone[0].compartment_id)
    bare = _without_details(session, [c.id for c in alone])
    for contact in alone:
        # Purged before the purge named its contact: as then, a bare one recorded
        # before that purge is taken for one whose details went with it.
        older = before is not None and contact.id in bare and contact.created_at <= before
        if contact.id.hex not in sent and not older:
            raise InvalidInput(
                "The source has a contact without a debrief (on {day}): contacts travel "
                "only in their debriefs, so write and submit its debrief before the handover.",
                day=f"{contact.occurred_at:%Y-%m-%d}",
            )


def _purged_contacts(
    session: Session, compartment_id: uuid.UUID
) -> tuple[set[str], datetime | None]:
    """The contacts (hex) whose debriefs were purged after a receipt, and when the
    newest purge happened that did not name its contact (a vault's older purges)."""
    sent: set[str] = set()
    before: datetime | None = None
    for at, detail in session.execute(
        select(AuditEvent.at, AuditEvent.detail).where(
            AuditEvent.compartment_id == compartment_id, AuditEvent.action == "debrief.purged"
        )
    ):
        fields = json.loads(detail or "{}")
        if "contact" not in fields:
            before = at if before is None else max(before, at)
        elif isinstance(fields["contact"], str):
            sent.add(fields["contact"])
    return sent, before


def _without_details(session: Session, contact_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Of ``contact_ids``, those with no place, notes or attendees."""
    attended = select(ContactAttendee.contact_id)
    return set(
        session.execute(
            select(Contact.id).where(
                Contact.id.in_(contact_ids),
                Contact.location_codeword == "",
                Contact.notes == "",
                Contact.reconnaissance_notes == "",
                Contact.safety_notes == "",
                Contact.id.not_in(attended),
            )
        ).scalars()
    )
