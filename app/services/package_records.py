"""Debriefs as package records: serialised on the runner's side, validated on the
handler's. A record is plain data (names instead of alias ids, ISO timestamps),
so it means the same in any vault; its SHA-256 is over its canonical JSON."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc
from app.export import canonical
from app.export.errors import MalformedPackage
from app.models import (
    Addendum,
    Alias,
    Attachment,
    AuditEvent,
    Compartment,
    Contact,
    ContactAttendee,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Payment,
    Source,
    Subject,
    Tasking,
)
from app.models.enums import (
    ContactKind,
    Corroboration,
    DebriefStatus,
    GradingScheme,
    PaymentKind,
    SourceKind,
    SourceStatus,
    SubjectKind,
    TaskingStatus,
)

_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def record_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical.dumps(data)).hexdigest()


def _ts(value: Any) -> str | None:
    return None if value is None else iso_utc(value)


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _chunks(ids: Sequence[uuid.UUID], size: int = 500) -> list[list[uuid.UUID]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def serialise(
    session: Session, debrief_ids: Sequence[uuid.UUID]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(debrief records, source headers) for ``debrief_ids``, loaded in bulk.

    Core selects of the columns a record needs (plain rows, no ORM objects): a
    package of 10,000 debriefs loads in a fraction of a second."""
    names = dict(session.execute(select(Alias.id, Alias.name)).all())

    def name(alias_id: uuid.UUID | None) -> str | None:
        return names.get(alias_id) if alias_id is not None else None

    debriefs: list[Any] = []
    for chunk in _chunks(debrief_ids):
        debriefs += session.execute(
            select(
                Debrief.id,
                Debrief.source_id,
                Debrief.compartment_id,
                Debrief.contact_id,
                Debrief.status,
                Debrief.narrative,
                Debrief.welfare_observations,
                Debrief.security_observations,
                Debrief.runner_assessment,
                Debrief.critical_reflection,
                Debrief.author_alias_id,
                Debrief.reviewer_alias_id,
                Debrief.review_comment,
                Debrief.created_at,
                Debrief.updated_at,
                Debrief.submitted_at,
                Debrief.reviewed_at,
            ).where(Debrief.id.in_(chunk))
        ).all()
    ids = [d.id for d in debriefs]
    contact_ids = [d.contact_id for d in debriefs if d.contact_id is not None]
    contacts: dict[uuid.UUID, Any] = {}
    attendees: dict[uuid.UUID, list[str]] = defaultdict(list)
    for chunk in _chunks(contact_ids):
        for contact in session.execute(
            select(
                Contact.id,
                Contact.kind,
                Contact.occurred_at,
                Contact.duration_minutes,
                Contact.location_codeword,
                Contact.reconnaissance_notes,
                Contact.safety_notes,
                Contact.notes,
            ).where(Contact.id.in_(chunk))
        ):
            contacts[contact.id] = contact
        for cid, aid in session.execute(
            select(ContactAttendee.contact_id, ContactAttendee.alias_id).where(
                ContactAttendee.contact_id.in_(chunk)
            )
        ):
            attendees[cid].append(names.get(aid, "?"))
    items: dict[uuid.UUID, list[tuple[Any, ...]]] = defaultdict(list)
    addenda: dict[uuid.UUID, list[tuple[Any, ...]]] = defaultdict(list)
    taskings: dict[uuid.UUID, list[tuple[Any, ...]]] = defaultdict(list)
    payments: dict[uuid.UUID, list[tuple[Any, ...]]] = defaultdict(list)
    subjects: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    files: dict[uuid.UUID, list[tuple[Any, ...]]] = defaultdict(list)
    for chunk in _chunks(ids):
        for file_row in session.execute(
            select(
                Attachment.debrief_id,
                Attachment.id,
                Attachment.name,
                Attachment.media_type,
                Attachment.size,
                Attachment.sha256,
                Attachment.created_at,
            ).where(Attachment.debrief_id.in_(chunk))
        ):
            files[file_row[0]].append(tuple(file_row[1:]))
        chunk_items = session.execute(
            select(
                IntelligenceItem.debrief_id,
                IntelligenceItem.id,
                IntelligenceItem.position,
                IntelligenceItem.text,
                IntelligenceItem.sanitised_text,
                IntelligenceItem.scheme,
                IntelligenceItem.source_evaluation,
                IntelligenceItem.intelligence_assessment,
                IntelligenceItem.handling_code,
                IntelligenceItem.handling_conditions,
                IntelligenceItem.corroboration,
                IntelligenceItem.exculpatory,
            ).where(IntelligenceItem.debrief_id.in_(chunk))
        ).all()
        for item in chunk_items:
            items[item[0]].append(tuple(item[1:]))
        for item_chunk in _chunks([i.id for i in chunk_items]):
            for item_id, kind, subject_name in session.execute(
                select(ItemSubject.item_id, Subject.kind, Subject.name)
                .join(Subject, Subject.id == ItemSubject.subject_id)
                .where(ItemSubject.item_id.in_(item_chunk))
            ):
                subjects[item_id].append((kind.value, subject_name))
        for addendum_row in session.execute(
            select(
                Addendum.debrief_id,
                Addendum.id,
                Addendum.text,
                Addendum.author_alias_id,
                Addendum.created_at,
            ).where(Addendum.debrief_id.in_(chunk))
        ):
            addenda[addendum_row[0]].append(tuple(addendum_row[1:]))
        for tasking_row in session.execute(
            select(
                Tasking.debrief_id,
                Tasking.id,
                Tasking.description,
                Tasking.limits,
                Tasking.deadline,
                Tasking.status,
                Tasking.outcome,
                Tasking.created_at,
            ).where(Tasking.debrief_id.in_(chunk))
        ):
            taskings[tasking_row[0]].append(tuple(tasking_row[1:]))  # type: ignore[index]
        for payment_row in session.execute(
            select(
                Payment.debrief_id,
                Payment.id,
                Payment.kind,
                Payment.amount_cents,
                Payment.currency,
                Payment.reason,
                Payment.occurred_on,
                Payment.witness_alias_id,
                Payment.approved_by_alias_id,
                Payment.created_at,
            ).where(Payment.debrief_id.in_(chunk))
        ):
            payments[payment_row[0]].append(tuple(payment_row[1:]))  # type: ignore[index]
    records = []
    for d in sorted(debriefs, key=lambda x: (x.created_at, x.id)):
        c = contacts.get(d.contact_id) if d.contact_id else None
        records.append(
            {
                "id": str(d.id),
                "source_id": str(d.source_id),
                "compartment_id": str(d.compartment_id),
                "status": d.status.value,
                "narrative": d.narrative,
                "welfare_observations": d.welfare_observations,
                "security_observations": d.security_observations,
                "runner_assessment": d.runner_assessment,
                "critical_reflection": d.critical_reflection,
                "author": name(d.author_alias_id),
                "reviewer": name(d.reviewer_alias_id),
                "review_comment": d.review_comment,
                "created_at": _ts(d.created_at),
                "updated_at": _ts(d.updated_at),
                "submitted_at": _ts(d.submitted_at),
                "reviewed_at": _ts(d.reviewed_at),
                "contact": None
                if c is None
                else {
                    "id": str(c.id),
                    "kind": c.kind.value,
                    "occurred_at": _ts(c.occurred_at),
                    "duration_minutes": c.duration_minutes,
                    "location_codeword": c.location_codeword,
                    "reconnaissance_notes": c.reconnaissance_notes,
                    "safety_notes": c.safety_notes,
                    "notes": c.notes,
                    "attendees": sorted(attendees.get(c.id, [])),
                },
                "items": [
                    {
                        "id": str(iid),
                        "position": position,
                        "text": text,
                        "sanitised_text": sanitised,
                        "scheme": scheme.value,
                        "source_evaluation": evaluation,
                        "intelligence_assessment": assessment,
                        "handling_code": code,
                        "handling_conditions": conditions,
                        "corroboration": corroboration.value,
                        "exculpatory": exculpatory,
                        "subjects": [{"kind": k, "name": n} for k, n in sorted(subjects[iid])],
                    }
                    for (
                        iid,
                        position,
                        text,
                        sanitised,
                        scheme,
                        evaluation,
                        assessment,
                        code,
                        conditions,
                        corroboration,
                        exculpatory,
                    ) in sorted(items[d.id], key=lambda x: (x[1], x[0]))
                ],
                "addenda": [
                    {
                        "id": str(aid),
                        "text": text,
                        "author": name(author),
                        "created_at": _ts(created),
                    }
                    for aid, text, author, created in sorted(
                        addenda[d.id], key=lambda x: (x[3], x[0])
                    )
                ],
                "taskings": [
                    {
                        "id": str(tid),
                        "description": description,
                        "limits": limits,
                        "deadline": _day(deadline),
                        "status": status.value,
                        "outcome": outcome,
                        "created_at": _ts(created),
                    }
                    for tid, description, limits, deadline, status, outcome, created in sorted(
                        taskings[d.id], key=lambda x: x[0]
                    )
                ],
                "payments": [
                    {
                        "id": str(pid),
                        "kind": kind.value,
                        "amount_cents": amount,
                        "currency": currency,
                        "reason": reason,
                        "occurred_on": _day(occurred),
                        "witness": name(witness),
                        "approved_by": name(approver),
                        "created_at": _ts(created),
                    }
                    for (
                        pid,
                        kind,
                        amount,
                        currency,
                        reason,
                        occurred,
                        witness,
                        approver,
                        created,
                    ) in sorted(payments[d.id], key=lambda x: x[0])
                ],
                # Metadata only: the bytes travel beside the records, each checked
                # against this hash, so the record's own hash covers them.
                "attachments": [
                    {
                        "id": str(aid),
                        "name": file_name,
                        "media_type": media_type,
                        "size": size,
                        "sha256": sha,
                        "created_at": _ts(created),
                    }
                    for aid, file_name, media_type, size, sha, created in sorted(
                        files[d.id], key=lambda f: (f[5], f[0])
                    )
                ],
            }
        )
    source_ids = sorted({d.source_id for d in debriefs})
    sources = []
    for chunk in _chunks(source_ids):
        for s in session.execute(
            select(
                Source.id,
                Source.compartment_id,
                Compartment.name,
                Source.codename,
                Source.kind,
                Source.status,
            )
            .join(Compartment, Compartment.id == Source.compartment_id)
            .where(Source.id.in_(chunk))
        ):
            sources.append(
                {
                    "id": str(s[0]),
                    "compartment_id": str(s[1]),
                    "compartment": s[2],
                    "codename": s[3],
                    "kind": s[4].value,
                    "status": s[5].value,
                }
            )
    return records, sorted(sources, key=lambda s: s["id"])


def attachment_blobs(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The attached files' bytes (base64), once per distinct content, by hash."""
    out: dict[str, str] = {}
    for chunk in _chunks(debrief_ids):
        for sha, data in session.execute(
            select(Attachment.sha256, Attachment.data).where(Attachment.debrief_id.in_(chunk))
        ):
            out.setdefault(sha, base64.b64encode(data).decode("ascii"))
    return [{"sha256": sha, "data": out[sha]} for sha in sorted(out)]


def read_blobs(doc: Any) -> dict[str, bytes]:
    """Check every file in a package body against its hash (handler side)."""
    if not isinstance(doc, list):
        raise MalformedPackage("The package's files are malformed.")
    out: dict[str, bytes] = {}
    for entry in doc:
        if (
            not isinstance(entry, dict)
            or set(entry) != {"sha256", "data"}
            or not isinstance(entry["sha256"], str)
            or not isinstance(entry["data"], str)
        ):
            raise MalformedPackage("A file in the package is malformed.")
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (binascii.Error, ValueError):
            raise MalformedPackage("A file in the package is malformed.") from None
        if hashlib.sha256(data).hexdigest() != entry["sha256"] or entry["sha256"] in out:
            raise MalformedPackage("A file in the package does not match its hash.")
        out[entry["sha256"]] = data
    return out


def audit_events(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The runner's audit events about these debriefs, as they are in its chain."""
    out = []
    for chunk in _chunks(debrief_ids):
        for e in session.execute(
            select(
                AuditEvent.seq,
                AuditEvent.at,
                AuditEvent.actor,
                AuditEvent.actor_alias_id,
                AuditEvent.action,
                AuditEvent.record_type,
                AuditEvent.record_id,
                AuditEvent.compartment_id,
                AuditEvent.detail,
                AuditEvent.prev_hash,
                AuditEvent.hash,
            )
            .where(
                AuditEvent.record_type == "debrief",
                AuditEvent.record_id.in_([d.hex for d in chunk]),
            )
            .order_by(AuditEvent.seq)
        ):
            out.append(
                {
                    "seq": e.seq,
                    "at": iso_utc(e.at),
                    "actor": e.actor,
                    "actor_alias_id": e.actor_alias_id.hex if e.actor_alias_id else "",
                    "action": e.action,
                    "record_type": e.record_type,
                    "record_id": e.record_id,
                    "compartment_id": e.compartment_id.hex if e.compartment_id else "",
                    "detail": e.detail,
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                }
            )
    return sorted(out, key=lambda e: e["seq"])


# -- validation (handler side) ------------------------------------------------------------


class _Bad(Exception):
    pass


def _need(cond: bool) -> None:
    if not cond:
        raise _Bad


def _text(v: Any, limit: int = 1_000_000) -> str:
    _need(isinstance(v, str) and len(v) <= limit)
    return str(v)


def _opt_text(v: Any) -> str | None:
    return None if v is None else _text(v, 200)


def _uuid(v: Any) -> str:
    _need(isinstance(v, str))
    try:
        return str(uuid.UUID(v))
    except ValueError:
        raise _Bad from None


def _stamp(v: Any, optional: bool = False) -> None:
    if optional and v is None:
        return
    _need(isinstance(v, str) and bool(_STAMP.match(v)))


def _day_ok(v: Any) -> None:
    if v is not None:
        _need(isinstance(v, str) and bool(_DAY.match(v)))


@functools.cache
def _values(enum_cls: type) -> frozenset[str]:
    return frozenset(m.value for m in enum_cls)  # type: ignore[attr-defined]


def _enum(v: Any, enum_cls: type) -> None:
    _need(isinstance(v, str) and v in _values(enum_cls))


def _int(v: Any, optional: bool = False) -> None:
    if optional and v is None:
        return
    _need(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53)


def _keys(doc: Any, keys: set[str]) -> dict[str, Any]:
    _need(isinstance(doc, dict) and set(doc) == keys)
    return doc  # type: ignore[no-any-return]


def validate_debrief(doc: Any) -> dict[str, Any]:
    try:
        d = _keys(
            doc,
            {
                "id",
                "source_id",
                "compartment_id",
                "status",
                "narrative",
                "welfare_observations",
                "security_observations",
                "runner_assessment",
                "critical_reflection",
                "author",
                "reviewer",
                "review_comment",
                "created_at",
                "updated_at",
                "submitted_at",
                "reviewed_at",
                "contact",
                "items",
                "addenda",
                "taskings",
                "payments",
                "attachments",
            },
        )
        for key in ("id", "source_id", "compartment_id"):
            _uuid(d[key])
        _enum(d["status"], DebriefStatus)
        _need(d["status"] != DebriefStatus.DRAFT.value)
        for key in (
            "narrative",
            "welfare_observations",
            "security_observations",
            "runner_assessment",
            "critical_reflection",
            "review_comment",
        ):
            _text(d[key])
        _opt_text(d["author"])
        _opt_text(d["reviewer"])
        _stamp(d["created_at"])
        _stamp(d["updated_at"])
        _stamp(d["submitted_at"], optional=True)
        _stamp(d["reviewed_at"], optional=True)
        if d["contact"] is not None:
            c = _keys(
                d["contact"],
                {
                    "id",
                    "kind",
                    "occurred_at",
                    "duration_minutes",
                    "location_codeword",
                    "reconnaissance_notes",
                    "safety_notes",
                    "notes",
                    "attendees",
                },
            )
            _uuid(c["id"])
            _enum(c["kind"], ContactKind)
            _stamp(c["occurred_at"])
            _int(c["duration_minutes"], optional=True)
            _text(c["location_codeword"], 80)
            for key in ("reconnaissance_notes", "safety_notes", "notes"):
                _text(c[key])
            _need(isinstance(c["attendees"], list))
            for a in c["attendees"]:
                _text(a, 80)
        _need(isinstance(d["items"], list))
        for i in d["items"]:
            item = _keys(
                i,
                {
                    "id",
                    "position",
                    "text",
                    "sanitised_text",
                    "scheme",
                    "source_evaluation",
                    "intelligence_assessment",
                    "handling_code",
                    "handling_conditions",
                    "corroboration",
                    "exculpatory",
                    "subjects",
                },
            )
            _uuid(item["id"])
            _int(item["position"])
            for key in ("text", "sanitised_text", "handling_conditions"):
                _text(item[key])
            _enum(item["scheme"], GradingScheme)
            for key in ("source_evaluation", "intelligence_assessment", "handling_code"):
                _text(item[key], 4)
            _enum(item["corroboration"], Corroboration)
            _need(isinstance(item["exculpatory"], bool))
            _need(isinstance(item["subjects"], list))
            for s in item["subjects"]:
                subject = _keys(s, {"kind", "name"})
                _enum(subject["kind"], SubjectKind)
                _text(subject["name"], 200)
        _need(isinstance(d["addenda"], list))
        for a in d["addenda"]:
            addendum = _keys(a, {"id", "text", "author", "created_at"})
            _uuid(addendum["id"])
            _text(addendum["text"])
            _opt_text(addendum["author"])
            _stamp(addendum["created_at"])
        _need(isinstance(d["taskings"], list))
        for t in d["taskings"]:
            tasking = _keys(
                t, {"id", "description", "limits", "deadline", "status", "outcome", "created_at"}
            )
            _uuid(tasking["id"])
            for key in ("description", "limits", "outcome"):
                _text(tasking[key])
            _day_ok(tasking["deadline"])
            _enum(tasking["status"], TaskingStatus)
            _stamp(tasking["created_at"])
        _need(isinstance(d["payments"], list))
        for p in d["payments"]:
            payment = _keys(
                p,
                {
                    "id",
                    "kind",
                    "amount_cents",
                    "currency",
                    "reason",
                    "occurred_on",
                    "witness",
                    "approved_by",
                    "created_at",
                },
            )
            _uuid(payment["id"])
            _enum(payment["kind"], PaymentKind)
            _int(payment["amount_cents"])
            _need(isinstance(payment["currency"], str) and len(payment["currency"]) == 3)
            _text(payment["reason"])
            _need(payment["occurred_on"] is not None)
            _day_ok(payment["occurred_on"])
            _opt_text(payment["witness"])
            _opt_text(payment["approved_by"])
            _stamp(payment["created_at"])
        _need(isinstance(d["attachments"], list))
        for f in d["attachments"]:
            attachment = _keys(f, {"id", "name", "media_type", "size", "sha256", "created_at"})
            _uuid(attachment["id"])
            _need(bool(_text(attachment["name"], 200)))
            _text(attachment["media_type"], 100)
            _int(attachment["size"])
            _need(
                isinstance(attachment["sha256"], str) and bool(_HEX64.match(attachment["sha256"]))
            )
            _stamp(attachment["created_at"])
    except _Bad:
        raise MalformedPackage("A record in the package is malformed.") from None
    return d


def validate_source(doc: Any) -> dict[str, Any]:
    try:
        s = _keys(doc, {"id", "compartment_id", "compartment", "codename", "kind", "status"})
        _uuid(s["id"])
        _uuid(s["compartment_id"])
        _text(s["compartment"], 120)
        _need(bool(_text(s["codename"], 80).strip()))
        _enum(s["kind"], SourceKind)
        _enum(s["status"], SourceStatus)
    except _Bad:
        raise MalformedPackage("A source entry in the package is malformed.") from None
    return s


def validate_event(doc: Any) -> dict[str, Any]:
    try:
        e = _keys(
            doc,
            {
                "seq",
                "at",
                "actor",
                "actor_alias_id",
                "action",
                "record_type",
                "record_id",
                "compartment_id",
                "detail",
                "prev_hash",
                "hash",
            },
        )
        _int(e["seq"])
        _stamp(e["at"])
        for key in ("actor", "action", "record_type", "record_id", "detail"):
            _text(e[key], 100_000)
        for key in ("actor_alias_id", "compartment_id"):
            _need(e[key] == "" or bool(_HEX32.match(str(e[key]))))
        for key in ("prev_hash", "hash"):
            _need(isinstance(e[key], str) and bool(_HEX64.match(e[key])))
    except _Bad:
        raise MalformedPackage("An audit event in the package is malformed.") from None
    return e
