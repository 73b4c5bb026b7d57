"""What a handler accepts as a record, a source or an audit event from a package.

Every field of every entry is checked for its exact JSON type, its form and its
length, and an entry must have exactly its keys. A parsed package body holds
about a million values for 10,000 debriefs, so the checks are written out inline
(exact-type tests, one compiled pattern per form) rather than as a call per field.
"""

from __future__ import annotations

import functools
import operator
import re
from datetime import datetime
from typing import Any

from app.domain import names
from app.domain.names import NameKind
from app.export.errors import MalformedPackage
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
from app.vault import audit_chain

# ASCII digits only: \d would also take other scripts' digits.
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MAX_INT = 2**53
TEXT_LIMIT = 1_000_000


class _Bad(Exception):
    pass


class _BadName(Exception):
    """A name breaks the rule of app/domain/names.py: its own message, since the
    sender can act on it (their vault holds a name from before the rule)."""


def _bad_name() -> MalformedPackage:
    return MalformedPackage(
        "The package holds a name (an alias, codename or compartment) that is too long or "
        "holds characters that cannot be shown safely; nothing was imported."
    )


@functools.cache
def _values(enum_cls: type) -> frozenset[str]:
    return frozenset(m.value for m in enum_cls)  # type: ignore[attr-defined]


_DEBRIEF_STATUS = _values(DebriefStatus) - {DebriefStatus.DRAFT.value}
_CONTACT_KIND = _values(ContactKind)
_SCHEME = _values(GradingScheme)
_CORROBORATION = _values(Corroboration)
_SUBJECT_KIND = _values(SubjectKind)
_TASKING_STATUS = _values(TaskingStatus)
_PAYMENT_KIND = _values(PaymentKind)


def _stamp(v: object) -> bool:
    """An ``iso_utc`` timestamp of a real moment."""
    if type(v) is not str or _STAMP.fullmatch(v) is None:
        return False
    try:
        datetime.fromisoformat(v[:-1])
    except ValueError:
        return False
    return True


def _stamp_or_none(v: object) -> bool:
    return v is None or _stamp(v)


def _day(v: object) -> bool:
    if type(v) is not str or _DAY.fullmatch(v) is None:
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _text(v: object, limit: int = TEXT_LIMIT) -> bool:
    return type(v) is str and len(v) <= limit


def _name(v: object, kind: NameKind = NameKind.ALIAS) -> bool:
    if type(v) is not str:
        return False
    if not names.is_clean(v, kind):
        raise _BadName
    return True


def _name_or_none(v: object) -> bool:
    return v is None or _name(v)


def _count(v: object) -> bool:
    return type(v) is int and 0 <= v < _MAX_INT


def _uuid(v: object) -> bool:
    """The form ``str(uuid.UUID(...))`` gives, the only one a runner writes."""
    return type(v) is str and _UUID.fullmatch(v) is not None


def _entries(v: object) -> list[dict[str, Any]]:
    if type(v) is not list or any(type(e) is not dict for e in v):
        raise _Bad
    return v


_DEBRIEF_KEYS = frozenset(
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
    }
)
_DEBRIEF_TEXTS = (
    "narrative",
    "welfare_observations",
    "security_observations",
    "runner_assessment",
    "critical_reflection",
    "review_comment",
)
_CONTACT_KEYS = frozenset(
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
    }
)
_ITEM_KEYS = frozenset(
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
    }
)
_SUBJECT_KEYS = frozenset({"kind", "name"})
_ADDENDUM_KEYS = frozenset({"id", "text", "author", "created_at"})
_TASKING_KEYS = frozenset(
    {"id", "description", "limits", "deadline", "status", "outcome", "created_at"}
)
_PAYMENT_KEYS = frozenset(
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
    }
)
_ATTACHMENT_KEYS = frozenset({"id", "name", "media_type", "size", "sha256", "created_at"})


def _check_contact(c: object) -> None:
    if c is None:
        return
    if type(c) is not dict or c.keys() != _CONTACT_KEYS:
        raise _Bad
    attendees = c["attendees"]
    if not (
        _uuid(c["id"])
        and c["kind"] in _CONTACT_KIND
        and _stamp(c["occurred_at"])
        and (c["duration_minutes"] is None or _count(c["duration_minutes"]))
        and _text(c["location_codeword"], 80)
        and _text(c["reconnaissance_notes"])
        and _text(c["safety_notes"])
        and _text(c["notes"])
        and type(attendees) is list
        and all(_name(a) for a in attendees)
    ):
        raise _Bad


def _check_items(items: object) -> None:
    for i in _entries(items):
        if i.keys() != _ITEM_KEYS:
            raise _Bad
        subjects = i["subjects"]
        if not (
            _uuid(i["id"])
            and _count(i["position"])
            and _text(i["text"])
            and _text(i["sanitised_text"])
            and _text(i["handling_conditions"])
            and i["scheme"] in _SCHEME
            and _text(i["source_evaluation"], 4)
            and _text(i["intelligence_assessment"], 4)
            and _text(i["handling_code"], 4)
            and i["corroboration"] in _CORROBORATION
            and type(i["exculpatory"]) is bool
        ):
            raise _Bad
        for s in _entries(subjects):
            if not (
                s.keys() == _SUBJECT_KEYS and s["kind"] in _SUBJECT_KIND and _text(s["name"], 200)
            ):
                raise _Bad


def _check_history(d: dict[str, Any]) -> None:
    """Addenda, taskings, payments and files of a debrief."""
    for a in _entries(d["addenda"]):
        if not (
            a.keys() == _ADDENDUM_KEYS
            and _uuid(a["id"])
            and _text(a["text"])
            and _name_or_none(a["author"])
            and _stamp(a["created_at"])
        ):
            raise _Bad
    for t in _entries(d["taskings"]):
        if not (
            t.keys() == _TASKING_KEYS
            and _uuid(t["id"])
            and _text(t["description"])
            and _text(t["limits"])
            and _text(t["outcome"])
            and (t["deadline"] is None or _day(t["deadline"]))
            and t["status"] in _TASKING_STATUS
            and _stamp(t["created_at"])
        ):
            raise _Bad
    for p in _entries(d["payments"]):
        currency = p.get("currency")
        if not (
            p.keys() == _PAYMENT_KEYS
            and _uuid(p["id"])
            and p["kind"] in _PAYMENT_KIND
            and _count(p["amount_cents"])
            and type(currency) is str
            and len(currency) == 3
            and _text(p["reason"])
            and _day(p["occurred_on"])
            and _name_or_none(p["witness"])
            and _name_or_none(p["approved_by"])
            and _stamp(p["created_at"])
        ):
            raise _Bad
    for f in _entries(d["attachments"]):
        if not (
            f.keys() == _ATTACHMENT_KEYS
            and _uuid(f["id"])
            and _text(f["name"], 200)
            and f["name"] != ""
            and _text(f["media_type"], 100)
            and _count(f["size"])
            and type(f["sha256"]) is str
            and _HEX64.fullmatch(f["sha256"]) is not None
            and _stamp(f["created_at"])
        ):
            raise _Bad


def validate_debrief(doc: Any) -> dict[str, Any]:
    """``doc`` itself, once it holds as a debrief record (no draft leaves a vault)."""
    try:
        if type(doc) is not dict or doc.keys() != _DEBRIEF_KEYS:
            raise _Bad
        d: dict[str, Any] = doc
        if not (
            _uuid(d["id"])
            and _uuid(d["source_id"])
            and _uuid(d["compartment_id"])
            and type(d["status"]) is str
            and d["status"] in _DEBRIEF_STATUS
            and all(_text(d[key]) for key in _DEBRIEF_TEXTS)
            and _name_or_none(d["author"])
            and _name_or_none(d["reviewer"])
            and _stamp(d["created_at"])
            and _stamp(d["updated_at"])
            and _stamp_or_none(d["submitted_at"])
            and _stamp_or_none(d["reviewed_at"])
        ):
            raise _Bad
        _check_contact(d["contact"])
        _check_items(d["items"])
        _check_history(d)
    except (_Bad, TypeError):  # TypeError: an unhashable value where a code belongs
        raise MalformedPackage("A record in the package is malformed.") from None
    except _BadName:
        raise _bad_name() from None
    return d


_SOURCE_KEYS = frozenset({"id", "compartment_id", "compartment", "codename", "kind", "status"})
_SOURCE_KIND = _values(SourceKind)
_SOURCE_STATUS = _values(SourceStatus)


def validate_source(doc: Any) -> dict[str, Any]:
    try:
        if not (
            type(doc) is dict
            and doc.keys() == _SOURCE_KEYS
            and _uuid(doc["id"])
            and _uuid(doc["compartment_id"])
            and _name(doc["compartment"], NameKind.COMPARTMENT)
            and _name(doc["codename"], NameKind.CODENAME)
            and doc["kind"] in _SOURCE_KIND
            and doc["status"] in _SOURCE_STATUS
        ):
            raise _Bad
    except (_Bad, TypeError):
        raise MalformedPackage("A source entry in the package is malformed.") from None
    except _BadName:
        raise _bad_name() from None
    return doc


_EVENT_KEYS = frozenset(
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
    }
)


_hash_fields = operator.itemgetter(
    "seq",
    "at",
    "actor_alias_id",
    "actor",
    "action",
    "record_type",
    "record_id",
    "compartment_id",
    "detail",
    "prev_hash",
)


def validate_event(doc: Any) -> dict[str, Any]:
    """An audit event as the runner's chain hashed it (``at`` as ``iso_utc`` text,
    alias and compartment ids as 32 hex digits or ""), its hash recomputed."""
    # A package carries about five events per debrief: checked without a call per field.
    if type(doc) is not dict or doc.keys() != _EVENT_KEYS:
        raise MalformedPackage("An audit event in the package is malformed.")
    seq, at, alias_id, actor, action, record_type, record_id, comp_id, detail, prev = _hash_fields(
        doc
    )
    given = doc["hash"]
    if not (
        type(seq) is int
        and 0 <= seq < _MAX_INT
        and _stamp(at)
        and type(actor) is str
        and type(action) is str
        and type(record_type) is str
        and type(record_id) is str
        and type(detail) is str
        and max(len(actor), len(action), len(record_type), len(record_id), len(detail)) <= 100_000
        and (alias_id == "" or (type(alias_id) is str and _HEX32.fullmatch(alias_id)))
        and (comp_id == "" or (type(comp_id) is str and _HEX32.fullmatch(comp_id)))
        and type(prev) is str
        and _HEX64.fullmatch(prev)
        and type(given) is str
        and _HEX64.fullmatch(given)
    ):
        raise MalformedPackage("An audit event in the package is malformed.")
    recomputed = audit_chain.stored_event_hash(
        prev_hash=prev,
        seq=seq,
        at=at,
        actor_alias_id=alias_id,
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=record_id,
        compartment_id=comp_id,
        detail=detail,
    )
    if recomputed != given:
        raise MalformedPackage("An audit event in the package does not match its hash.")
    return doc
