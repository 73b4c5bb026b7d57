"""Typed SQLAlchemy tables. No behaviour beyond the record itself."""

# Imported for their side effect of registering tables on Base.metadata.
from app.models import packages as _packages  # noqa: F401
from app.models import reports as _reports  # noqa: F401
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.contacts import Contact, ContactAttendee
from app.models.debriefs import (
    Addendum,
    Attachment,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Payment,
    Subject,
    Tasking,
)
from app.models.meta import Setting, VaultMeta
from app.models.people import Alias, Compartment, CompartmentMember
from app.models.sources import (
    ReliabilityReview,
    RiskAssessment,
    RunnerAssignment,
    Source,
    SourceInstruction,
    TrueIdentity,
)

__all__ = [
    "Addendum",
    "Alias",
    "Attachment",
    "AuditEvent",
    "Base",
    "Compartment",
    "CompartmentMember",
    "Contact",
    "ContactAttendee",
    "Debrief",
    "IntelligenceItem",
    "ItemSubject",
    "Payment",
    "ReliabilityReview",
    "RiskAssessment",
    "RunnerAssignment",
    "Setting",
    "Source",
    "SourceInstruction",
    "Subject",
    "Tasking",
    "TrueIdentity",
    "VaultMeta",
]
