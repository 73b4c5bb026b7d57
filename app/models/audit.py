"""The append-only, hash-chained audit log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AuditEvent(Base):
    """One event. ``hash`` covers every other column and the previous event's hash,
    so editing or deleting an event breaks the chain (see app.services.admin.audit).
    There are deliberately no foreign keys: the log outlives the records it names."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor_alias_id: Mapped[uuid.UUID | None]
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    record_type: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    compartment_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    detail: Mapped[str] = mapped_column(default="{}")  # canonical JSON, never vault content
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
