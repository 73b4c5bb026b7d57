"""Debriefs and what they contain: graded items, subjects, addenda; tasking and payments."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utc_now
from app.domain.enums import (
    Corroboration,
    DebriefStatus,
    GradingScheme,
    PaymentKind,
    SubjectKind,
    TaskingStatus,
)
from app.models.base import Base, IdMixin, TimestampMixin
from app.models.people import str_enum


class Debrief(IdMixin, TimestampMixin, Base):
    """The report of a contact. Draft -> submitted -> approved (or returned).
    Once submitted its own fields are frozen; it grows only by addenda."""

    __tablename__ = "debrief"
    __table_args__ = (
        # Keyset paging of the debrief list, newest first, inside a compartment set.
        Index("ix_debrief_compartment_created", "compartment_id", "created_at", "id"),
        Index("ix_debrief_source_created", "source_id", "created_at"),
        # Newest-first lists walk this index and stop early; compartment_id makes it
        # covering, so the scope filter needs no table lookups.
        Index("ix_debrief_created", "created_at", "id", "compartment_id"),
    )

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE")
    )
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[DebriefStatus] = mapped_column(
        str_enum(DebriefStatus, "debrief_status"), default=DebriefStatus.DRAFT
    )
    narrative: Mapped[str] = mapped_column(default="")
    welfare_observations: Mapped[str] = mapped_column(default="")
    security_observations: Mapped[str] = mapped_column(default="")
    runner_assessment: Mapped[str] = mapped_column(default="")
    critical_reflection: Mapped[str] = mapped_column(default="")
    author_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    submitted_at: Mapped[datetime | None]
    reviewed_at: Mapped[datetime | None]
    reviewer_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    review_comment: Mapped[str] = mapped_column(default="")


class Addendum(IdMixin, Base):
    __tablename__ = "addendum"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    debrief_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("debrief.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str]
    author_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Attachment(IdMixin, Base):
    """A file that belongs to a debrief (a photo of a document the source showed,
    a screenshot of a message). Its bytes live only inside the encrypted vault;
    like the debrief, it can be added or removed only while the debrief is a draft."""

    __tablename__ = "attachment"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    debrief_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("debrief.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class IntelligenceItem(IdMixin, TimestampMixin, Base):
    """One graded piece of reported information. Grading codes are stored in the
    item's own scheme (see app.domain.grading)."""

    __tablename__ = "intelligence_item"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    debrief_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("debrief.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(default="")
    sanitised_text: Mapped[str] = mapped_column(default="")
    scheme: Mapped[GradingScheme] = mapped_column(
        str_enum(GradingScheme, "grading_scheme"), default=GradingScheme.UK_3X5X2
    )
    source_evaluation: Mapped[str] = mapped_column(String(4), default="")
    intelligence_assessment: Mapped[str] = mapped_column(String(4), default="")
    handling_code: Mapped[str] = mapped_column(String(4), default="")
    handling_conditions: Mapped[str] = mapped_column(default="")
    corroboration: Mapped[Corroboration] = mapped_column(
        str_enum(Corroboration, "corroboration"), default=Corroboration.UNCHECKED
    )
    exculpatory: Mapped[bool] = mapped_column(default=False)


class Subject(IdMixin, Base):
    """A person, place, vehicle or organisation mentioned in intelligence.

    Subjects belong to a compartment; cross-references between compartments go
    through ``normalised`` and are always filtered by the caller's scope."""

    __tablename__ = "subject"
    __table_args__ = (UniqueConstraint("compartment_id", "kind", "normalised"),)

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SubjectKind] = mapped_column(str_enum(SubjectKind, "subject_kind"))
    name: Mapped[str] = mapped_column(String(200))
    normalised: Mapped[str] = mapped_column(String(200), index=True)
    notes: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ItemSubject(Base):
    __tablename__ = "item_subject"

    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("intelligence_item.id", ondelete="CASCADE"), primary_key=True
    )
    subject_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Tasking(IdMixin, Base):
    """What a source was asked to find out, within which limits, and what came of it."""

    __tablename__ = "tasking"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    debrief_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("debrief.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str]
    limits: Mapped[str] = mapped_column(default="")
    deadline: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[TaskingStatus] = mapped_column(
        str_enum(TaskingStatus, "tasking_status"), default=TaskingStatus.OPEN
    )
    outcome: Mapped[str] = mapped_column(default="")
    created_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    closed_at: Mapped[datetime | None]


class Payment(IdMixin, Base):
    """A reward or expense paid to a source, or an offer made; with witness and approver."""

    __tablename__ = "payment"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    debrief_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("debrief.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[PaymentKind] = mapped_column(str_enum(PaymentKind, "payment_kind"))
    amount_cents: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    reason: Mapped[str] = mapped_column(default="")
    occurred_on: Mapped[date]
    witness_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    approved_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
