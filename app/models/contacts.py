"""Contacts with a source: meetings, calls, messages."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.enums import ContactKind
from app.models.base import Base, IdMixin, TimestampMixin
from app.models.people import str_enum


class Contact(IdMixin, TimestampMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (Index("ix_contact_source_occurred", "source_id", "occurred_at"),)

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    kind: Mapped[ContactKind] = mapped_column(str_enum(ContactKind, "contact_kind"))
    occurred_at: Mapped[datetime]
    duration_minutes: Mapped[int | None]
    location_codeword: Mapped[str] = mapped_column(String(80), default="")
    reconnaissance_notes: Mapped[str] = mapped_column(default="")
    safety_notes: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    created_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))


class ContactAttendee(Base):
    """Who attended, always by alias."""

    __tablename__ = "contact_attendee"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    alias_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("alias.id", ondelete="CASCADE"), primary_key=True
    )
