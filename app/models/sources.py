"""A source's file: the source itself, its sealed true identity, runners, risk."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.clock import utc_now
from app.domain import names
from app.models.base import Base, IdMixin, TimestampMixin
from app.models.enums import RiskLevel, SourceKind, SourceStatus
from app.models.people import str_enum


class Source(IdMixin, TimestampMixin, Base):
    __tablename__ = "source"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="RESTRICT"), index=True
    )
    # Not unique: two runners may give two people one codename (issue 17);
    # the id tells them apart.
    codename: Mapped[str] = mapped_column(String(80))
    # names.key(codename), set with the codename: the sources service keeps
    # codenames unique by it (not an index: see Alias).
    codename_key: Mapped[str | None] = mapped_column(String(), index=True)
    kind: Mapped[SourceKind] = mapped_column(str_enum(SourceKind, "source_kind"))
    status: Mapped[SourceStatus] = mapped_column(str_enum(SourceStatus, "source_status"))
    motivation: Mapped[str] = mapped_column(default="")
    information_position: Mapped[str] = mapped_column(default="")
    # Contract (civilian informants are contracted under art. 126v Sv).
    legal_basis: Mapped[str] = mapped_column(default="")
    contracted_on: Mapped[date | None]
    contract_review_on: Mapped[date | None] = mapped_column(index=True)
    suitability_review_on: Mapped[date | None] = mapped_column(index=True)
    antecedents_checked_on: Mapped[date | None]
    antecedents_result: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    # Closing the registration: when it was recorded (``closed_at``), the reason,
    # the day it was decided and who decided (the alias that closed it).
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str] = mapped_column(default="", server_default=text("''"))
    closed_on: Mapped[date | None]
    # use_alter: an alias can name its source (``Alias.source_id``), so the two
    # tables refer to each other; SQLite keeps both keys in the tables anyway.
    closed_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("alias.id", use_alter=True)
    )

    @validates("codename")
    def _set_key(self, _field: str, value: str) -> str:
        self.codename_key = names.key(value)
        return value


class TrueIdentity(IdMixin, Base):
    """Kept apart from everything else. ``sealed`` is an HPKE ciphertext of the
    identity fields (name, birth date, addresses, phones, photo) to the vault's
    identity key, which is unwrapped only for a deliberate, audited reveal."""

    __tablename__ = "true_identity"

    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), unique=True
    )
    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class RunnerAssignment(Base):
    __tablename__ = "runner_assignment"

    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    alias_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("alias.id", ondelete="CASCADE"), primary_key=True
    )
    is_primary: Mapped[bool] = mapped_column(default=False)
    assigned_at: Mapped[datetime] = mapped_column(default=utc_now)


class SourceInstruction(IdMixin, Base):
    """An instruction given to the source (what they may and may not do) and when
    the source acknowledged it."""

    __tablename__ = "source_instruction"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str]
    given_at: Mapped[datetime] = mapped_column(default=utc_now)
    given_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    acknowledged_at: Mapped[datetime | None]


class ReliabilityReview(IdMixin, Base):
    """One entry of a source's reliability history."""

    __tablename__ = "reliability_review"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    reviewed_at: Mapped[datetime] = mapped_column(default=utc_now)
    evaluation: Mapped[str] = mapped_column(String(8))  # a source-evaluation code, e.g. "1"
    rationale: Mapped[str] = mapped_column(default="")
    reviewed_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))


class RiskAssessment(IdMixin, Base):
    __tablename__ = "risk_assessment"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    assessed_at: Mapped[datetime] = mapped_column(default=utc_now)
    level: Mapped[RiskLevel] = mapped_column(str_enum(RiskLevel, "risk_level"))
    threats: Mapped[str] = mapped_column(default="")
    mitigations: Mapped[str] = mapped_column(default="")
    welfare_notes: Mapped[str] = mapped_column(default="")
    review_on: Mapped[date] = mapped_column(index=True)
    assessed_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
