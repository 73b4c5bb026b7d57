"""The record types that travel in a package, one declaration each (data only; the
machinery is in ``app.models.wire_fields``, the overview in ``app.models.wire``).
Each names its model's columns; what does not travel is listed with the reason."""

from __future__ import annotations

from app.domain.enums import DebriefStatus
from app.domain.names import NameKind
from app.models.audit import AuditEvent
from app.models.contacts import Contact
from app.models.debriefs import (
    Addendum,
    Attachment,
    Debrief,
    IntelligenceItem,
    Payment,
    Subject,
    Tasking,
)
from app.models.sources import ReliabilityReview, RiskAssessment, Source, SourceInstruction
from app.models.wire_fields import (
    DECONFLICTION,
    Field,
    Nested,
    RecordType,
    Wire,
    alias,
    col,
    hex_id,
)

_AUDIT_TEXT = 100_000  # an audit event's text fields

_DEBRIEF_STATUS = tuple(s.value for s in DebriefStatus if s is not DebriefStatus.DRAFT)

SOURCE = RecordType(
    "source",
    Source,
    (
        col(Source.id),
        col(Source.compartment_id),
        Field(
            "compartment",
            Wire.NAME,
            None,
            limit=NameKind.COMPARTMENT.limit,
            name_kind=NameKind.COMPARTMENT,
            derived="compartment_name",
            about="the name of the source's compartment",
        ),
        col(Source.codename, name_kind=NameKind.CODENAME),
        col(Source.kind),
        col(Source.status),
        Field(
            DECONFLICTION,
            Wire.TOKENS,
            None,
            derived="deconfliction",
            optional=True,
            since=3,
            about=(
                "the source's blind deconfliction tokens under the sender's current key "
                "(section 7.7); `[]`: withdrawn; left out when there are none to say"
            ),
        ),
    ),
    local={"codename_key": "derived from the codename"},
    about="A source a package's records belong to (the body's `sources`).",
)

REGISTRATION = RecordType(
    "registration",
    Source,
    (
        col(Source.id, since=3, about="the source's id"),
        col(Source.compartment_id, since=3),
        col(Source.motivation, since=3),
        col(Source.information_position, since=3),
        col(Source.legal_basis, since=3),
        col(Source.contracted_on, since=3),
        col(Source.contract_review_on, since=3),
        col(Source.suitability_review_on, since=3),
        col(Source.antecedents_checked_on, since=3),
        col(Source.antecedents_result, since=3),
        col(Source.notes, since=3),
        col(Source.closed_at, since=3, about="when the closing was recorded"),
        col(Source.close_reason, since=3, about="why the registration was closed"),
        col(Source.closed_on, since=3, about="the day the closing was decided"),
        alias(Source.closed_by_alias_id, "closed_by", since=3, about="who decided"),
        col(Source.created_at, since=3),
        col(Source.updated_at, since=3),
    ),
    versioned=True,
    source_ref="id",
    audit_type="source",
    since=3,
    about="A source's registration data: its id is the source's.",
)

RISK_ASSESSMENT = RecordType(
    "risk_assessment",
    RiskAssessment,
    (
        col(RiskAssessment.id, since=3),
        col(RiskAssessment.source_id, since=3),
        col(RiskAssessment.compartment_id, since=3),
        col(RiskAssessment.assessed_at, since=3),
        col(RiskAssessment.level, since=3),
        col(RiskAssessment.threats, since=3),
        col(RiskAssessment.mitigations, since=3),
        col(RiskAssessment.welfare_notes, since=3),
        col(RiskAssessment.review_on, since=3),
        alias(RiskAssessment.assessed_by_alias_id, "assessed_by", since=3),
    ),
    versioned=True,
    source_ref="source_id",
    audit_type="risk_assessment",
    since=3,
    about="A risk and welfare assessment.",
)

RELIABILITY_REVIEW = RecordType(
    "reliability_review",
    ReliabilityReview,
    (
        col(ReliabilityReview.id, since=3),
        col(ReliabilityReview.source_id, since=3),
        col(ReliabilityReview.compartment_id, since=3),
        col(ReliabilityReview.reviewed_at, since=3),
        col(ReliabilityReview.evaluation, since=3),
        col(ReliabilityReview.rationale, since=3),
        alias(ReliabilityReview.reviewed_by_alias_id, "reviewed_by", since=3),
    ),
    versioned=True,
    source_ref="source_id",
    audit_type="reliability_review",
    since=3,
    about="An entry of a source's reliability history.",
)

INSTRUCTION = RecordType(
    "instruction",
    SourceInstruction,
    (
        col(SourceInstruction.id, since=3),
        col(SourceInstruction.source_id, since=3),
        col(SourceInstruction.compartment_id, since=3),
        col(SourceInstruction.text, since=3),
        col(SourceInstruction.given_at, since=3),
        alias(SourceInstruction.given_by_alias_id, "given_by", since=3),
        col(SourceInstruction.acknowledged_at, since=3),
    ),
    versioned=True,
    source_ref="source_id",
    audit_type="instruction",
    since=3,
    about="An instruction given to the source, and when they acknowledged it.",
)

TASKING = RecordType(
    "tasking",
    Tasking,
    (
        col(Tasking.id),
        col(Tasking.source_id, since=3),
        col(Tasking.compartment_id, since=3),
        col(
            Tasking.debrief_id,
            since=3,
            derived="sent_debrief",
            about="the debrief it was given in; null while that debrief is a draft",
        ),
        col(Tasking.description),
        col(Tasking.limits),
        col(Tasking.deadline),
        col(Tasking.status),
        col(Tasking.outcome),
        alias(Tasking.created_by_alias_id, "created_by", since=3),
        col(Tasking.created_at),
        col(Tasking.closed_at, since=3),
    ),
    local={},
    versioned=True,
    source_ref="source_id",
    audit_type="tasking",
    about="A tasking given to the source (version 2: only inside the debrief it names).",
)

PAYMENT = RecordType(
    "payment",
    Payment,
    (
        col(Payment.id),
        col(Payment.source_id, since=3),
        col(Payment.compartment_id, since=3),
        col(
            Payment.debrief_id,
            since=3,
            derived="sent_debrief",
            about="the debrief it was recorded with; null while that debrief is a draft",
        ),
        col(Payment.kind),
        col(Payment.amount_cents),
        col(Payment.currency, length=3),
        col(Payment.reason),
        col(Payment.occurred_on),
        alias(Payment.witness_alias_id, "witness"),
        alias(Payment.approved_by_alias_id, "approved_by"),
        col(Payment.created_at),
    ),
    versioned=True,
    source_ref="source_id",
    audit_type="payment",
    about="A payment or offer (version 2: only inside the debrief it names).",
)

CONTACT = RecordType(
    "contact",
    Contact,
    (
        col(Contact.id),
        col(Contact.kind),
        col(Contact.occurred_at),
        col(Contact.duration_minutes),
        col(Contact.location_codeword),
        col(Contact.reconnaissance_notes),
        col(Contact.safety_notes),
        col(Contact.notes),
        Field(
            "attendees",
            Wire.NAMES,
            None,
            limit=NameKind.ALIAS.limit,
            name_kind=NameKind.ALIAS,
            derived="attendees",
            about="cover names of who attended (contact_attendee)",
        ),
    ),
    local={
        "compartment_id": "the debrief's",
        "source_id": "the debrief's",
        "created_by_alias_id": "the audit events say who recorded it",
        "created_at": "set from the debrief on import",
        "updated_at": "set from the debrief on import",
    },
    about="The contact a debrief reports on (inside the debrief).",
)

SUBJECT = RecordType(
    "subject",
    Subject,
    (col(Subject.kind), col(Subject.name)),
    local={
        "id": "found again by compartment, kind and name on import",
        "compartment_id": "the item's",
        "normalised": "derived from the name",
        "notes": "a handler's own notes on the subject",
        "created_at": "when this vault first met the name",
    },
    about="A person, place, vehicle or organisation an item names (item_subject).",
)

ITEM = RecordType(
    "item",
    IntelligenceItem,
    (
        col(IntelligenceItem.id),
        col(IntelligenceItem.position),
        col(IntelligenceItem.text),
        col(IntelligenceItem.sanitised_text),
        col(IntelligenceItem.scheme),
        col(IntelligenceItem.source_evaluation),
        col(IntelligenceItem.intelligence_assessment),
        col(IntelligenceItem.handling_code),
        col(IntelligenceItem.handling_conditions),
        col(IntelligenceItem.corroboration),
        col(IntelligenceItem.exculpatory),
        Nested("subjects", "subject", True, "", order=("kind", "name")),
    ),
    local={
        "compartment_id": "the debrief's",
        "debrief_id": "the debrief it is in",
        "created_at": "set from the debrief on import",
        "updated_at": "set from the debrief on import",
    },
    about="A graded item of a debrief.",
)

ADDENDUM = RecordType(
    "addendum",
    Addendum,
    (
        col(Addendum.id),
        col(Addendum.text),
        alias(Addendum.author_alias_id, "author"),
        col(Addendum.created_at),
    ),
    local={"compartment_id": "the debrief's", "debrief_id": "the debrief it is in"},
    about="An addendum to a submitted debrief.",
)

ATTACHMENT = RecordType(
    "attachment",
    Attachment,
    (
        col(Attachment.id),
        col(Attachment.name, non_empty=True, file_name=True),
        col(Attachment.media_type),
        col(Attachment.size),
        Field("sha256", Wire.SHA256, "sha256"),
        col(Attachment.created_at),
    ),
    local={
        "compartment_id": "the debrief's",
        "debrief_id": "the debrief it is in",
        "data": "the bytes travel once per content in the body's `attachments`",
        "added_by_alias_id": "the audit events say who attached it",
    },
    about="A file's metadata; its bytes are in the body's `attachments`, by hash.",
)

DEBRIEF = RecordType(
    "debrief",
    Debrief,
    (
        col(Debrief.id),
        col(Debrief.source_id),
        col(Debrief.compartment_id),
        col(Debrief.status, values=_DEBRIEF_STATUS, about="drafts never travel"),
        col(Debrief.narrative),
        col(Debrief.welfare_observations),
        col(Debrief.security_observations),
        col(Debrief.runner_assessment),
        col(Debrief.critical_reflection),
        alias(Debrief.author_alias_id, "author"),
        alias(Debrief.reviewer_alias_id, "reviewer"),
        col(Debrief.review_comment),
        col(Debrief.created_at),
        col(Debrief.updated_at),
        col(Debrief.submitted_at),
        col(Debrief.reviewed_at),
        Nested("contact", "contact", False, "contact_id"),
        Nested("items", "item", True, "debrief_id", order=("position", "id")),
        Nested("addenda", "addendum", True, "debrief_id", order=("created_at", "id")),
        Nested("taskings", "tasking", True, "debrief_id", order=("id",), until=2),
        Nested("payments", "payment", True, "debrief_id", order=("id",), until=2),
        Nested("attachments", "attachment", True, "debrief_id", order=("created_at", "id")),
    ),
    versioned=True,
    source_ref="source_id",
    audit_type="debrief",
    about="A debrief (never a draft) with its contact, items, addenda and files.",
)

AUDIT_EVENT = RecordType(
    "audit_event",
    AuditEvent,
    (
        col(AuditEvent.seq),
        col(AuditEvent.at),
        col(AuditEvent.actor, limit=_AUDIT_TEXT),
        hex_id(AuditEvent.actor_alias_id),
        col(AuditEvent.action, limit=_AUDIT_TEXT),
        col(AuditEvent.record_type, limit=_AUDIT_TEXT),
        col(AuditEvent.record_id, limit=_AUDIT_TEXT),
        hex_id(AuditEvent.compartment_id),
        col(AuditEvent.detail, limit=_AUDIT_TEXT),
        Field("prev_hash", Wire.SHA256, "prev_hash"),
        Field("hash", Wire.SHA256, "hash"),
    ),
    about="An event of the sender's audit chain about the package's records.",
)

REVIEW = RecordType(
    "review",
    Debrief,
    (
        col(Debrief.id, name="debrief_id"),
        col(Debrief.status, values=("approved", "returned")),
        alias(Debrief.reviewer_alias_id, "reviewer", empty_for_none=True),
        col(Debrief.review_comment, name="comment", limit=20_000),
        Field("reviewed_at", Wire.TIME, "reviewed_at"),
    ),
    about="A handler's review of a debrief, in a receipt.",
)

RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        SOURCE,
        REGISTRATION,
        RISK_ASSESSMENT,
        RELIABILITY_REVIEW,
        INSTRUCTION,
        TASKING,
        PAYMENT,
        CONTACT,
        SUBJECT,
        ITEM,
        ADDENDUM,
        ATTACHMENT,
        DEBRIEF,
        AUDIT_EVENT,
        REVIEW,
    )
}
# Projections of a table that another record type declares in full.
PROJECTIONS = frozenset({"review"})
