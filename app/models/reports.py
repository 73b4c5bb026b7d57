"""Tables for issued debrief reports and their approvals.

``issued_report`` is the register the vault keeps of every report it produced:
``veldboek report verify`` looks a PDF up here by the SHA-256 of its bytes. It is
append-only (SQL triggers, see migration 0004) and has no foreign keys to the
records it covers, so it outlives them, like the audit log.

``report_approval`` holds the second-person approval a sanitised report needs
before it may be produced: requested by one alias, approved by another with the
handler role, then issued once.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utc_now
from app.domain.enums import ReportKind
from app.models.base import Base, IdMixin
from app.models.people import str_enum


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ISSUED = "issued"  # the approved report has been produced; an approval is used once


class ReportApproval(IdMixin, Base):
    """A request for a sanitised report and its decision. ``body_sha256`` fixes the
    content that was checked and approved: issuing refuses if it has changed."""

    __tablename__ = "report_approval"

    status: Mapped[ApprovalStatus] = mapped_column(
        str_enum(ApprovalStatus, "approval_status"), default=ApprovalStatus.PENDING, index=True
    )
    marking: Mapped[str] = mapped_column(String(40))
    # What the report covers: a single compartment when it covers one source.
    compartment_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    source_id: Mapped[uuid.UUID | None]
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    debrief_ids: Mapped[str]  # JSON list of hex ids, in report order
    body_sha256: Mapped[str] = mapped_column(String(64))
    requested_by_alias_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alias.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utc_now)
    decided_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(default="")
    issued_report_id: Mapped[uuid.UUID | None]


class IssuedReport(Base):
    """One produced report. ``id`` is the report id printed on every page and in the
    PDF metadata; ``pdf_sha256`` identifies the exact file that left the vault."""

    __tablename__ = "issued_report"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[ReportKind] = mapped_column(str_enum(ReportKind, "report_kind"))
    marking: Mapped[str] = mapped_column(String(40))
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    page_count: Mapped[int]
    printed_by_alias_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alias.id"))
    printed_by: Mapped[str] = mapped_column(String(80))
    printed_at: Mapped[datetime] = mapped_column(default=utc_now)
    compartment_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    source_id: Mapped[uuid.UUID | None]
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    debrief_ids: Mapped[str]  # JSON list of hex ids, in report order
    approval_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("report_approval.id"))
