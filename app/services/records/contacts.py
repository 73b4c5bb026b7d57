"""Contacts with a source (meetings, calls, messages)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.dal.handed_over import get_writable
from app.dal.scope import get_visible, visible
from app.domain.enums import AliasKind, ContactKind
from app.domain.scope import Scope
from app.errors import InvalidInput
from app.models import Alias, Contact, ContactAttendee, Source
from app.services import mapping
from app.services.views import ContactView
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class ContactDraft:
    kind: ContactKind
    occurred_at: datetime
    duration_minutes: int | None = None
    location_codeword: str = ""
    reconnaissance_notes: str = ""
    safety_notes: str = ""
    notes: str = ""
    attendee_ids: tuple[uuid.UUID, ...] = ()


def record_contact(
    vault: Vault, scope: Scope, source_id: uuid.UUID, draft: ContactDraft
) -> uuid.UUID:
    if draft.occurred_at.tzinfo is None:
        raise InvalidInput("A contact time needs a time zone.")
    if draft.duration_minutes is not None and not 0 <= draft.duration_minutes <= 24 * 60:
        raise InvalidInput("A contact lasts between 0 and 1440 minutes.")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        contact = Contact(
            compartment_id=source.compartment_id,
            source_id=source.id,
            kind=draft.kind,
            occurred_at=draft.occurred_at,
            duration_minutes=draft.duration_minutes,
            location_codeword=draft.location_codeword.strip(),
            reconnaissance_notes=draft.reconnaissance_notes,
            safety_notes=draft.safety_notes,
            notes=draft.notes,
            created_by_alias_id=scope.alias_id,
        )
        session.add(contact)
        session.flush()
        for alias_id in dict.fromkeys(draft.attendee_ids):
            alias = session.get(Alias, alias_id)
            if alias is None or alias.kind is not AliasKind.COVER_NAME:
                raise InvalidInput("Attendees are recorded by cover name only.")
            session.add(ContactAttendee(contact_id=contact.id, alias_id=alias_id))
        audit_chain.append(
            session,
            scope.actor,
            "contact.recorded",
            record_type="contact",
            record_id=contact.id,
            compartment_id=contact.compartment_id,
            detail={"kind": draft.kind.value},
        )
        return contact.id


def finish_contact(
    vault: Vault, scope: Scope, contact_id: uuid.UUID, *, duration_minutes: int, notes: str
) -> None:
    """Fill in a contact recorded while it was going on (meeting mode)."""
    if not 0 <= duration_minutes <= 24 * 60:
        raise InvalidInput("A contact lasts between 0 and 1440 minutes.")
    with vault.write() as session:
        contact = get_writable(session, scope, Contact, contact_id)
        if contact.duration_minutes == duration_minutes and contact.notes == notes:
            return
        contact.duration_minutes = duration_minutes
        contact.notes = notes
        audit_chain.append(
            session,
            scope.actor,
            "contact.finished",
            record_type="contact",
            record_id=contact.id,
            compartment_id=contact.compartment_id,
        )


def get_contact(vault: Vault, scope: Scope, contact_id: uuid.UUID) -> ContactView:
    with vault.read() as session:
        contact = get_visible(session, scope, Contact, contact_id)
        names = mapping.alias_names(session)
        return mapping.contact_view(
            contact, mapping.attendees(session, [contact.id], names).get(contact.id, ())
        )


def list_contacts(vault: Vault, scope: Scope, source_id: uuid.UUID) -> list[ContactView]:
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        names = mapping.alias_names(session)
        contacts = list(
            session.execute(
                select(Contact)
                .where(Contact.source_id == source.id, visible(Contact.compartment_id, scope))
                .order_by(Contact.occurred_at.desc())
            ).scalars()
        )
        people = mapping.attendees(session, [c.id for c in contacts], names)
        return [mapping.contact_view(c, people.get(c.id, ())) for c in contacts]
