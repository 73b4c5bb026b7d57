"""Debriefs as package records: serialised on the runner's side, validated on the
handler's. A record is plain data (names instead of alias ids, ISO timestamps),
so it means the same in any vault; its SHA-256 is over its canonical JSON."""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc
from app.errors import DatabaseCorrupt
from app.export import canonical
from app.models import Attachment
from app.models.base import parse_stored_utc

_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def record_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical.dumps(data)).hexdigest()


def _chunks(ids: Sequence[uuid.UUID], size: int = 500) -> list[list[uuid.UUID]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


# Reading stored values as the column types would, without building a UUID or a
# datetime for each: ids are stored as 32 lowercase hex digits, timestamps as
# ``iso_utc`` text, days as ISO dates; enum columns have CHECK constraints. A value
# in any other form goes the long way round, so the result is always the same.
_STORED_HEX = re.compile(r"[0-9a-f]{32}")


def _stored_hex(value: str) -> str:
    return value if _STORED_HEX.fullmatch(value) else uuid.UUID(hex=value).hex


def _dashed(value: str) -> str:
    """str(uuid) of a stored id."""
    h = _stored_hex(value)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _stored_ts(value: str | None) -> str | None:
    if value is None or _STAMP.fullmatch(value):
        return value
    return iso_utc(parse_stored_utc(value))


def _stored_day(value: str | None) -> str | None:
    if value is None or _DAY.fullmatch(value):
        return value
    return date.fromisoformat(value).isoformat()


class StoredNumberDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "A record holds a number that is not a whole number: the vault database is "
            "damaged. Run `veldboek check`."
        )


class StoredTextDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "A record holds damaged text (not valid UTF-8, or bytes where text belongs): "
            "the vault database is damaged. Run `veldboek check`."
        )


def encoded(value: Any) -> bytes:
    """``canonical.dumps_plain`` of what this module read. A text column with TEXT
    affinity holds text, NULL or a blob; orjson refuses a blob, which only a
    damaged vault holds there."""
    try:
        return canonical.dumps_plain(value)
    except ValueError:
        raise StoredTextDamaged() from None


# Records and events are plain JSON by construction, so they are encoded without
# canonical.dumps walking them again (``encoded``): text columns hold text (or a
# blob, refused there), and the integer columns are checked here, the only
# place SQLite could hand back a fraction.
def _whole(value: object) -> int:
    if type(value) is not int:
        raise StoredNumberDamaged()
    return value


def _whole_or_none(value: object) -> int | None:
    return None if value is None else _whole(value)


def rows_in(raw: Any, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """``sql`` has one ``IN ({})`` for ``ids``; run in chunks of 500."""
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out += raw.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return out


def serialise(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The debrief records of ``debrief_ids``, loaded in bulk (their sources'
    headers: ``sources``).

    Plain SQL selects of the columns a record needs, in chunks of 500 ids: no ORM
    objects, no UUID or datetime objects (benchmarks/packages.py)."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    names = {_stored_hex(aid): name for aid, name in raw.execute("SELECT id, name FROM alias")}

    def name(alias_id: str | None) -> str | None:
        return names.get(_stored_hex(alias_id)) if alias_id is not None else None

    debriefs = [
        (_stored_ts(row[13]), _stored_hex(row[0]), row)
        for row in rows_in(
            raw,
            "SELECT id, source_id, compartment_id, contact_id, status, narrative, "
            "welfare_observations, security_observations, runner_assessment, "
            "critical_reflection, author_alias_id, reviewer_alias_id, review_comment, "
            "created_at, updated_at, submitted_at, reviewed_at FROM debrief WHERE id IN ({})",
            [d.hex for d in debrief_ids],
        )
    ]
    debriefs.sort(key=lambda x: (x[0], x[1]))
    ids = [d[1] for d in debriefs]
    contact_ids = [_stored_hex(d[2][3]) for d in debriefs if d[2][3] is not None]
    attendees: dict[str, list[str]] = defaultdict(list)
    for cid, aid in rows_in(
        raw,
        "SELECT contact_id, alias_id FROM contact_attendee WHERE contact_id IN ({})",
        contact_ids,
    ):
        attendees[_stored_hex(cid)].append(names.get(_stored_hex(aid), "?"))
    contacts = {
        _stored_hex(c[0]): c
        for c in rows_in(
            raw,
            "SELECT id, kind, occurred_at, duration_minutes, location_codeword, "
            "reconnaissance_notes, safety_notes, notes FROM contact WHERE id IN ({})",
            contact_ids,
        )
    }
    files: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows_in(
        raw,
        "SELECT debrief_id, id, name, media_type, size, sha256, created_at FROM attachment "
        "WHERE debrief_id IN ({})",
        ids,
    ):
        files[_stored_hex(row[0])].append(
            (_stored_hex(row[1]), row[2], row[3], row[4], row[5], _stored_ts(row[6]))
        )
    items: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    item_ids = []
    for row in rows_in(
        raw,
        "SELECT debrief_id, id, position, text, sanitised_text, scheme, source_evaluation, "
        "intelligence_assessment, handling_code, handling_conditions, corroboration, "
        "exculpatory FROM intelligence_item WHERE debrief_id IN ({})",
        ids,
    ):
        item_id = _stored_hex(row[1])
        item_ids.append(item_id)
        items[_stored_hex(row[0])].append((row[2], item_id, *row[3:]))
    subjects: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item_id, kind, subject_name in rows_in(
        raw,
        "SELECT item_subject.item_id, subject.kind, subject.name FROM item_subject "
        "JOIN subject ON subject.id = item_subject.subject_id "
        "WHERE item_subject.item_id IN ({})",
        item_ids,
    ):
        subjects[_stored_hex(item_id)].append((kind, subject_name))
    addenda: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows_in(
        raw,
        "SELECT debrief_id, id, text, author_alias_id, created_at FROM addendum "
        "WHERE debrief_id IN ({})",
        ids,
    ):
        addenda[_stored_hex(row[0])].append(
            (_stored_ts(row[4]), _stored_hex(row[1]), row[2], row[3])
        )
    taskings: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows_in(
        raw,
        "SELECT debrief_id, id, description, limits, deadline, status, outcome, created_at "
        "FROM tasking WHERE debrief_id IN ({})",
        ids,
    ):
        taskings[_stored_hex(row[0])].append((_stored_hex(row[1]), *row[2:]))
    payments: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows_in(
        raw,
        "SELECT debrief_id, id, kind, amount_cents, currency, reason, occurred_on, "
        "witness_alias_id, approved_by_alias_id, created_at FROM payment "
        "WHERE debrief_id IN ({})",
        ids,
    ):
        payments[_stored_hex(row[0])].append((_stored_hex(row[1]), *row[2:]))
    records = []
    for created_at, did, d in debriefs:
        c = contacts.get(_stored_hex(d[3])) if d[3] else None
        records.append(
            {
                "id": _dashed(did),
                "source_id": _dashed(d[1]),
                "compartment_id": _dashed(d[2]),
                "status": d[4],
                "narrative": d[5],
                "welfare_observations": d[6],
                "security_observations": d[7],
                "runner_assessment": d[8],
                "critical_reflection": d[9],
                "author": name(d[10]),
                "reviewer": name(d[11]),
                "review_comment": d[12],
                "created_at": created_at,
                "updated_at": _stored_ts(d[14]),
                "submitted_at": _stored_ts(d[15]),
                "reviewed_at": _stored_ts(d[16]),
                "contact": None
                if c is None
                else {
                    "id": _dashed(c[0]),
                    "kind": c[1],
                    "occurred_at": _stored_ts(c[2]),
                    "duration_minutes": _whole_or_none(c[3]),
                    "location_codeword": c[4],
                    "reconnaissance_notes": c[5],
                    "safety_notes": c[6],
                    "notes": c[7],
                    "attendees": sorted(attendees.get(_stored_hex(c[0]), [])),
                },
                "items": [
                    {
                        "id": _dashed(iid),
                        "position": _whole(position),
                        "text": text,
                        "sanitised_text": sanitised,
                        "scheme": scheme,
                        "source_evaluation": evaluation,
                        "intelligence_assessment": assessment,
                        "handling_code": code,
                        "handling_conditions": conditions,
                        "corroboration": corroboration,
                        "exculpatory": bool(exculpatory),
                        "subjects": [{"kind": k, "name": n} for k, n in sorted(subjects[iid])],
                    }
                    for (
                        position,
                        iid,
                        text,
                        sanitised,
                        scheme,
                        evaluation,
                        assessment,
                        code,
                        conditions,
                        corroboration,
                        exculpatory,
                    ) in sorted(items[did], key=lambda x: (x[0], x[1]))
                ],
                "addenda": [
                    {
                        "id": _dashed(aid),
                        "text": text,
                        "author": name(author),
                        "created_at": created,
                    }
                    for created, aid, text, author in sorted(addenda[did], key=lambda x: x[:2])
                ],
                "taskings": [
                    {
                        "id": _dashed(tid),
                        "description": description,
                        "limits": limits,
                        "deadline": _stored_day(deadline),
                        "status": status,
                        "outcome": outcome,
                        "created_at": _stored_ts(created),
                    }
                    for tid, description, limits, deadline, status, outcome, created in sorted(
                        taskings[did], key=lambda x: x[0]
                    )
                ],
                "payments": [
                    {
                        "id": _dashed(pid),
                        "kind": kind,
                        "amount_cents": _whole(amount),
                        "currency": currency,
                        "reason": reason,
                        "occurred_on": _stored_day(occurred),
                        "witness": name(witness),
                        "approved_by": name(approver),
                        "created_at": _stored_ts(created),
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
                    ) in sorted(payments[did], key=lambda x: x[0])
                ],
                # Metadata only: the bytes travel beside the records, each checked
                # against this hash, so the record's own hash covers them.
                "attachments": [
                    {
                        "id": _dashed(aid),
                        "name": file_name,
                        "media_type": media_type,
                        "size": _whole(size),
                        "sha256": sha,
                        "created_at": created,
                    }
                    for aid, file_name, media_type, size, sha, created in sorted(
                        files[did], key=lambda f: (f[5], f[0])
                    )
                ],
            }
        )
    return records


def sources(session: Session, source_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The source headers a package carries beside its records, by id."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    out = [
        {
            "id": _dashed(row[0]),
            "compartment_id": _dashed(row[1]),
            "compartment": row[2],
            "codename": row[3],
            "kind": row[4],
            "status": row[5],
        }
        for row in rows_in(
            raw,
            "SELECT source.id, source.compartment_id, compartment.name, source.codename, "
            "source.kind, source.status FROM source "
            "JOIN compartment ON compartment.id = source.compartment_id WHERE source.id IN ({})",
            [i.hex for i in source_ids],
        )
    ]
    return sorted(out, key=lambda s: s["id"])


def attachment_blobs(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The attached files' bytes (base64), once per distinct content, by hash."""
    out: dict[str, str] = {}
    for chunk in _chunks(debrief_ids):
        for sha, data in session.execute(
            select(Attachment.sha256, Attachment.data).where(Attachment.debrief_id.in_(chunk))
        ):
            out.setdefault(sha, base64.b64encode(data).decode("ascii"))
    return [{"sha256": sha, "data": out[sha]} for sha in sorted(out)]


def audit_events(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The runner's audit events about these debriefs, as they are in its chain."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    out = [
        {
            "seq": _whole(e[0]),
            "at": _stored_ts(e[1]),
            "actor": e[2],
            "actor_alias_id": _stored_hex(e[3]) if e[3] else "",
            "action": e[4],
            "record_type": e[5],
            "record_id": e[6],
            "compartment_id": _stored_hex(e[7]) if e[7] else "",
            "detail": e[8],
            "prev_hash": e[9],
            "hash": e[10],
        }
        for e in rows_in(
            raw,
            "SELECT seq, at, actor, actor_alias_id, action, record_type, record_id, "
            "compartment_id, detail, prev_hash, hash FROM audit_event "
            "WHERE record_type = 'debrief' AND record_id IN ({}) ORDER BY seq",
            [d.hex for d in debrief_ids],
        )
    ]
    return sorted(out, key=lambda e: e["seq"])
