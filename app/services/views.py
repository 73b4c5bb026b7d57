"""Plain, frozen view objects handed to the UI, the CLI and reports.

They carry only what a screen needs; no ORM object leaves the services, so a
widget cannot lazy-load a relation it should not see.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from app.domain.enums import (
    ContactKind,
    Corroboration,
    DebriefStatus,
    PaymentKind,
    RiskLevel,
    Role,
    SourceKind,
    SourceStatus,
    SubjectKind,
    TaskingStatus,
)
from app.domain.grading import Grading


@dataclass(frozen=True)
class AliasView:
    id: uuid.UUID
    name: str
    role: Role | None
    colour: str
    can_act: bool


@dataclass(frozen=True)
class SourceRow:
    id: uuid.UUID
    codename: str
    kind: SourceKind
    status: SourceStatus
    last_contact_at: datetime | None
    next_review_on: date | None


@dataclass(frozen=True)
class SourceOverview:
    id: uuid.UUID
    compartment_id: uuid.UUID
    codename: str
    shown_codename: str  # with its runner while another visible source has the codename
    kind: SourceKind
    status: SourceStatus
    motivation: str
    information_position: str
    legal_basis: str
    contracted_on: date | None
    contract_review_on: date | None
    suitability_review_on: date | None
    antecedents_checked_on: date | None
    antecedents_result: str
    notes: str
    runners: tuple[str, ...]
    other_codenames: tuple[str, ...]
    has_identity: bool
    created_at: datetime
    # Closing the registration (``closing``): when recorded, why, the day, who decided.
    closed_at: datetime | None = None
    close_reason: str = ""
    closed_on: date | None = None
    closed_by: str | None = None
    # Whether the active alias runs the source (``source_runner``: only it hands the
    # source over or closes it), and else who does.
    runs_it: bool = False
    run_by: str = ""


@dataclass(frozen=True)
class ContactView:
    id: uuid.UUID
    source_id: uuid.UUID
    kind: ContactKind
    occurred_at: datetime
    duration_minutes: int | None
    location_codeword: str
    reconnaissance_notes: str
    safety_notes: str
    notes: str
    attendees: tuple[str, ...]


@dataclass(frozen=True)
class TaskingView:
    id: uuid.UUID
    source_id: uuid.UUID
    codename: str
    description: str
    limits: str
    deadline: date | None
    status: TaskingStatus
    outcome: str
    created_at: datetime


@dataclass(frozen=True)
class PaymentView:
    id: uuid.UUID
    kind: PaymentKind
    amount_cents: int
    currency: str
    reason: str
    occurred_on: date
    witness: str | None
    approved_by: str | None


@dataclass(frozen=True)
class RiskView:
    id: uuid.UUID
    level: RiskLevel
    threats: str
    mitigations: str
    welfare_notes: str
    assessed_at: datetime
    review_on: date
    assessed_by: str | None


@dataclass(frozen=True)
class InstructionView:
    id: uuid.UUID
    text: str
    given_at: datetime
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class ReliabilityView:
    id: uuid.UUID
    reviewed_at: datetime
    evaluation: str
    rationale: str


@dataclass(frozen=True)
class DebriefRow:
    id: uuid.UUID
    source_id: uuid.UUID
    codename: str
    created_at: datetime
    status: DebriefStatus
    contact_kind: ContactKind | None
    item_count: int


@dataclass(frozen=True)
class SubjectView:
    id: uuid.UUID
    kind: SubjectKind
    name: str


@dataclass(frozen=True)
class ItemView:
    id: uuid.UUID
    position: int
    text: str
    sanitised_text: str
    grading: Grading
    corroboration: Corroboration
    exculpatory: bool
    subjects: tuple[SubjectView, ...]


@dataclass(frozen=True)
class AddendumView:
    id: uuid.UUID
    text: str
    author: str | None
    created_at: datetime


@dataclass(frozen=True)
class DebriefView:
    id: uuid.UUID
    source_id: uuid.UUID
    compartment_id: uuid.UUID
    codename: str
    status: DebriefStatus
    contact: ContactView | None
    narrative: str
    welfare_observations: str
    security_observations: str
    runner_assessment: str
    critical_reflection: str
    author: str | None
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    reviewed_at: datetime | None
    reviewer: str | None
    review_comment: str
    items: tuple[ItemView, ...] = ()
    addenda: tuple[AddendumView, ...] = ()
    taskings: tuple[TaskingView, ...] = ()
    payments: tuple[PaymentView, ...] = ()
    # A runner's draft a handler sees: read only (``debrief_writer``).
    written_by_another: bool = False

    @property
    def editable(self) -> bool:
        return self.status is DebriefStatus.DRAFT and not self.written_by_another


@dataclass(frozen=True)
class SourceFile:
    overview: SourceOverview
    contacts: tuple[ContactView, ...]
    debriefs: tuple[DebriefRow, ...]
    taskings: tuple[TaskingView, ...]
    payments: tuple[PaymentView, ...]
    risks: tuple[RiskView, ...]
    instructions: tuple[InstructionView, ...]
    reliability: tuple[ReliabilityView, ...]


@dataclass(frozen=True)
class IdentityFields:
    """A source's true identity. Only ever built by a deliberate reveal."""

    full_name: str
    date_of_birth: str = ""
    addresses: tuple[str, ...] = ()
    phone_numbers: tuple[str, ...] = ()
    photo_png: bytes = b""
    notes: str = ""


@dataclass(frozen=True)
class SearchHit:
    kind: str  # narrative | item | subject | addendum
    ref_id: uuid.UUID
    debrief_id: uuid.UUID | None
    codename: str
    snippet: str  # with \x02 ... \x03 around matched terms
    rank: float
    written_at: datetime | None = None  # the debrief's (none for a subject)
    source_id: uuid.UUID | None = None  # whose file: a codename may be shared


class ReminderKind(StrEnum):
    RISK_REVIEW = "risk_review"
    TASKING_DEADLINE = "tasking_deadline"
    CONTRACT_REVIEW = "contract_review"
    SUITABILITY_REVIEW = "suitability_review"


@dataclass(frozen=True)
class Reminder:
    """Something due. The screen words it (translated) from ``kind`` and ``level``;
    ``detail`` is vault text shown as typed (a tasking's description, a legal basis)."""

    due_on: date
    kind: ReminderKind
    source_id: uuid.UUID
    codename: str
    record_id: uuid.UUID
    level: RiskLevel | None = None  # risk reviews: the level of the latest assessment
    detail: str = ""

    def overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str  # as stored (and hashed)
    action: str
    record_type: str
    record_id: str
    detail: str
    # Veldboek itself acted, not a person under an alias: ``actor`` is then one of
    # ``audit.APP_ACTORS`` ("system", "cli"), a word a screen may translate.
    by_app: bool = False


R = TypeVar("R")


@dataclass(frozen=True)
class Page(Generic[R]):
    """A keyset page (app.dal.keyset): rows, the cursor to ask for the next page
    with (the ordering values of the last row), and whether there is one."""

    rows: tuple[R, ...]
    cursor: tuple[Any, ...] | None
    has_more: bool = field(default=False)
