"""Closed vocabularies of the domain. Stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    RUNNER = "runner"
    HANDLER = "handler"


class AliasKind(StrEnum):
    COVER_NAME = "cover_name"  # a name a runner or handler acts under
    CODENAME = "codename"  # a source's codename


class SourceKind(StrEnum):
    INFORMANT = "informant"
    CIVILIAN_INFORMANT = "civilian_informant"  # burgerinformant, art. 126v Sv
    CONVERSATION_CONTACT = "conversation_contact"  # gesprekscontact


class SourceStatus(StrEnum):
    CANDIDATE = "candidate"
    UNDER_ASSESSMENT = "under_assessment"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class ContactKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    MESSAGE = "message"


class DebriefStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class GradingScheme(StrEnum):
    UK_3X5X2 = "3x5x2"
    UK_5X5X5 = "5x5x5"
    ADMIRALTY = "admiralty"


class Corroboration(StrEnum):
    UNCHECKED = "unchecked"
    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"


class SubjectKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    VEHICLE = "vehicle"
    ORGANISATION = "organisation"


class TaskingStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class PaymentKind(StrEnum):
    REWARD = "reward"
    EXPENSE = "expense"
    OFFER = "offer"  # an offer made to the source, not (yet) paid


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class PeerRole(StrEnum):
    """What a key this vault exchanges packages with belongs to."""

    HANDLER = "handler"
    CENTRAL = "central"  # the unit's central system
    RUNNER = "runner"


class ReportKind(StrEnum):
    INTERNAL = "internal"
    SANITISED = "sanitised"
    MANAGEMENT = "management"  # a handler's management information (figures, no record)
