"""What of each table travels in a package, and in which form: one declaration per
record type (docs/package-format.md, section 7).

Each field is declared once, from its model's column where it has one: its wire
type, whether it may be null, its allowed values and its length limit are read off
the column (an ``Enum`` column's values, a ``String(n)``'s length, the column's
nullability), so the table and the package cannot drift apart. What is declared
here drives both exporters (``package_records`` in Python, ``package_json`` in
SQL), the validator (``package_validation``), the importer's columns
(``import_writer``) and the field tables of the format document
(``tools/package_doc.py``). ``tests/packages/test_declarations.py`` fails when a
model column is neither declared here nor listed as local, with the reason it
never leaves the vault (``LOCAL_TABLES``, ``RecordType.local``).

Adding a field to a record that travels: the column on the model, its migration,
one line here (``since`` the format version that first carries it), and the
screen that edits it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Enum, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.enums import DebriefStatus
from app.domain.names import NameKind
from app.models.audit import AuditEvent
from app.models.base import ISODate, UTCDateTime
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

# The format versions this code reads; it writes the newest.
VERSIONS = (2, 3)
CURRENT = 3
# A source entry's optional list of keyed identity tokens (blind deconfliction,
# the field below; its form: app/export/deconfliction.py, ``check_tokens``).
DECONFLICTION = "deconfliction"
# A text column without a length of its own: no text value in a package is longer.
TEXT_LIMIT = 1_000_000


class Wire(StrEnum):
    """How a value is written in a package (the types of section 5)."""

    ID = "id"  # a UUID, lower-case hyphenated; stored as 32 hex digits
    TEXT = "text"  # a string of at most ``limit`` characters
    NAME = "name"  # a name by the rule of app/domain/names.py (``name_kind``)
    NAMES = "names"  # a list of names, sorted, each once
    CODE = "code"  # one of ``values``
    TIME = "time"  # YYYY-MM-DDTHH:MM:SS.ffffffZ
    DAY = "day"  # YYYY-MM-DD
    COUNT = "integer"  # a whole number, 0 <= n < 2^53
    BOOL = "boolean"
    SHA256 = "sha256"  # 64 lower-case hex digits
    HEX_ID = "hex id"  # 32 lower-case hex digits, or "" for none (audit events)
    # Blind deconfliction tokens (section 7.7): a sorted list of {kind, key_id, token}.
    TOKENS = "deconfliction tokens"


@dataclass(frozen=True)
class Field:
    """One member of a record's JSON object."""

    name: str
    wire: Wire
    column: str | None  # the model's column it is read from and written to
    nullable: bool = False
    values: tuple[str, ...] = ()
    limit: int | None = None  # characters, for TEXT and NAME
    length: int | None = None  # exactly this many characters (a currency code)
    non_empty: bool = False
    name_kind: NameKind | None = None
    # The column holds an alias id; the package carries that alias's cover name.
    by_alias: bool = False
    # NAME: the empty string stands for "nobody" (receipts' reviews); else null does.
    empty_for_none: bool = False
    # How a value without a column of its own is made (section 7 says so in words).
    derived: str = ""
    since: int = 2
    until: int | None = None
    about: str = ""
    # May be left out of a record (never null): a writer leaves it out when it has
    # nothing to say, so records written before it existed stay valid as they are.
    optional: bool = False

    def present(self, version: int) -> bool:
        return self.since <= version and (self.until is None or version <= self.until)


@dataclass(frozen=True)
class Nested:
    """A record of another type inside this one: a list of them, or one or null."""

    name: str
    record: str  # the nested record type's name
    many: bool
    # many: the child's column naming this record (``debrief_id``); one: this
    # record's column naming the child (``contact_id``). "" for a link table.
    link: str
    order: tuple[str, ...] = ()  # many: the fields the list is sorted by
    since: int = 2
    until: int | None = None
    about: str = ""

    def present(self, version: int) -> bool:
        return self.since <= version and (self.until is None or version <= self.until)


Member = Field | Nested


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type[Any]
    members: tuple[Member, ...]
    # Columns of ``model`` that never travel in this record, and why.
    local: dict[str, str] = field(default_factory=dict)
    # A record of its own in a package's manifest (``records``), versioned; the
    # others travel inside one (or are a package's sources, audit events, reviews).
    versioned: bool = False
    source_ref: str = ""  # the field naming the record's source
    audit_type: str = ""  # ``audit_event.record_type`` of events about it
    since: int = 2
    about: str = ""

    def fields(self, version: int) -> tuple[Field, ...]:
        return tuple(m for m in self.members if isinstance(m, Field) and m.present(version))

    def nested(self, version: int) -> tuple[Nested, ...]:
        return tuple(m for m in self.members if isinstance(m, Nested) and m.present(version))

    def keys(self, version: int) -> frozenset[str]:
        return frozenset(m.name for m in self.members if m.present(version))

    def required(self, version: int) -> frozenset[str]:
        """The keys every record of ``version`` has (``keys`` less the optional)."""
        return frozenset(
            m.name
            for m in self.members
            if m.present(version) and not (isinstance(m, Field) and m.optional)
        )

    def member(self, name: str) -> Member:
        for m in self.members:
            if m.name == name:
                return m
        raise KeyError(name)

    def columns(self) -> set[str]:
        """The model's columns this record reads or writes."""
        out = {m.column for m in self.members if isinstance(m, Field) and m.column}
        out |= {m.link for m in self.members if isinstance(m, Nested) and not m.many and m.link}
        return out


def _column(attr: InstrumentedAttribute[Any]) -> Any:
    return attr.property.columns[0]


def col(
    attr: InstrumentedAttribute[Any],
    *,
    name: str = "",
    since: int = 2,
    until: int | None = None,
    values: tuple[str, ...] | None = None,
    limit: int | None = None,
    length: int | None = None,
    non_empty: bool = False,
    name_kind: NameKind | None = None,
    derived: str = "",
    about: str = "",
) -> Field:
    """A field read off a model column: its wire type, nullability, allowed values
    and length limit come from the column's own definition."""
    column = _column(attr)
    kind = column.type
    wire: Wire
    found_values: tuple[str, ...] = ()
    found_limit: int | None = None
    if name_kind is not None:
        wire, found_limit = Wire.NAME, name_kind.limit
    elif isinstance(kind, Enum):
        wire = Wire.CODE
        found_values = tuple(m.value for m in kind.enum_class)  # type: ignore[union-attr]
    elif isinstance(kind, Uuid):
        wire = Wire.ID
    elif isinstance(kind, UTCDateTime):
        wire = Wire.TIME
    elif isinstance(kind, ISODate):
        wire = Wire.DAY
    elif isinstance(kind, Boolean):
        wire = Wire.BOOL
    elif isinstance(kind, Integer):
        wire = Wire.COUNT
    elif isinstance(kind, String | Text) and not isinstance(kind, LargeBinary):
        wire, found_limit = Wire.TEXT, kind.length or TEXT_LIMIT
    else:  # pragma: no cover - a column type no record carries yet
        raise TypeError(f"no wire type for {attr}")
    return Field(
        name=name or column.key,
        wire=wire,
        column=column.key,
        nullable=bool(column.nullable),
        values=values if values is not None else found_values,
        limit=limit if limit is not None else found_limit,
        length=length,
        non_empty=non_empty,
        name_kind=name_kind,
        derived=derived,
        since=since,
        until=until,
        about=about,
    )


def alias(
    attr: InstrumentedAttribute[Any],
    name: str,
    *,
    since: int = 2,
    empty_for_none: bool = False,
    about: str = "",
) -> Field:
    """A column holding an alias id, carried as that alias's cover name."""
    column = _column(attr)
    return Field(
        name=name,
        wire=Wire.NAME,
        column=column.key,
        nullable=bool(column.nullable) and not empty_for_none,
        limit=NameKind.ALIAS.limit,
        name_kind=NameKind.ALIAS,
        by_alias=True,
        empty_for_none=empty_for_none,
        since=since,
        about=about,
    )


def hex_id(attr: InstrumentedAttribute[Any]) -> Field:
    column = _column(attr)
    return Field(name=column.key, wire=Wire.HEX_ID, column=column.key)


# -- the record types -----------------------------------------------------------------

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
                "(section 7.7); left out when there are none"
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
        col(Attachment.name, non_empty=True),
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

# Records of a package's manifest, by format version, in the order a package
# carries them (a source's file first, its debriefs last).
FILE_RECORDS = (
    "registration",
    "risk_assessment",
    "reliability_review",
    "instruction",
    "tasking",
    "payment",
)


@functools.cache
def manifest_types(version: int) -> tuple[str, ...]:
    return ("debrief",) if version < 3 else (*FILE_RECORDS, "debrief")


@functools.cache
def only_leaves_out(type_name: str, older: int, newer: int) -> bool:
    """Does format ``newer`` write a record of ``type_name`` with nothing that format
    ``older`` did not write (only fields left out, nested ones included)? Then a
    record is unchanged in ``newer`` whenever it is unchanged in ``older``."""
    rt = RECORD_TYPES[type_name]
    if not rt.keys(newer) <= rt.keys(older):
        return False
    return all(only_leaves_out(n.record, older, newer) for n in rt.nested(newer))


def nested_in(rt: RecordType, version: int) -> Iterator[tuple[Nested, RecordType]]:
    for n in rt.nested(version):
        yield n, RECORD_TYPES[n.record]


# Tables that never travel as rows of their own, and why.
LOCAL_TABLES: dict[str, str] = {
    "true_identity": (
        "the sealed true identity never leaves the vault in a package of debriefs; a "
        "handover carries it sealed again to the new runner (handover.identity)"
    ),
    "alias": "aliases travel as the cover names the records carry",
    "compartment": "travels as the source's `compartment_id` and `compartment` (its name)",
    "compartment_member": "who may see a file is each vault's own decision",
    "runner_assignment": "the runner is the package's sender",
    "contact_attendee": "travels as the contact's `attendees`",
    "item_subject": "travels as the item's `subjects`",
    "setting": "this vault's settings",
    "vault_meta": "this vault's own facts",
    "vault_keypair": "this vault's private keys",
    "package_peer": "the keys this vault confirmed",
    "package_log": "this vault's record of packages",
    "exported_record": "the runner's trace of what went out",
    "exported_copy": "the runner's trace of what went out",
    "outgoing_copy": "a sent package kept until confirmed",
    "record_version": "the handler's trace of what arrived",
    "package_evidence": "a received package kept as it came",
    "package_origin": "who brought each record into this vault",
    "imported_audit_event": "events that came with packages before migration 0008",
    "issued_report": "reports this vault produced",
    "report_approval": "approvals of reports in this vault",
    "source_handover": "this vault's trace of a handover (the package's `handover` part)",
    "deconfliction_key": "the unit deconfliction keys: the secret travels only in a key package",
    "source_token": "travels as the source's `deconfliction`, under the current key only",
    "deconfliction_notice": "what the central system's notices told this handler's vault",
}
