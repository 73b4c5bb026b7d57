"""Appending to and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON array of its fields and the
previous event's hash. Sequence numbers are contiguous from 1. Editing an event
changes its hash; deleting one leaves a gap or a broken link; cutting events off
the end is caught by the anchor that the header keeps (see ``AuditAnchor``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain.scope import Actor
from app.models import AuditEvent

GENESIS_HASH = "0" * 64
CHAIN_VERSION = 1
SYSTEM_ACTOR = "system"


def canonical_detail(detail: dict[str, Any] | None) -> str:
    return json.dumps(detail or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
    *,
    prev_hash: str,
    seq: int,
    at: datetime,
    actor_alias_id: uuid.UUID | None,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    compartment_id: uuid.UUID | None,
    detail: str,
) -> str:
    return stored_event_hash(
        prev_hash=prev_hash,
        seq=seq,
        at=iso_utc(at),
        actor_alias_id="" if actor_alias_id is None else actor_alias_id.hex,
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=record_id,
        compartment_id="" if compartment_id is None else compartment_id.hex,
        detail=detail,
    )


def stored_event_hash(
    *,
    prev_hash: str,
    seq: int,
    at: str,
    actor_alias_id: str,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    compartment_id: str,
    detail: str,
) -> str:
    """``event_hash`` of the fields as they are hashed: ``at`` as ``iso_utc`` text,
    the ids as 32 hex digits or ""."""
    fields = (seq, at, actor_alias_id, actor, action, record_type, record_id, compartment_id)
    return fields_hash((*fields, detail, prev_hash))


def fields_hash(fields: tuple[Any, ...]) -> str:
    """``stored_event_hash`` of its fields in their order (``seq`` to ``detail``,
    then ``prev_hash``), without naming each: a package's events are checked by
    the ten thousand."""
    # The bytes of json.dumps(payload, separators=(",", ":"), ensure_ascii=False),
    # made by orjson (the same for text and integers; tests/packages/test_canonical.py).
    return hashlib.sha256(orjson.dumps((CHAIN_VERSION, *fields))).hexdigest()


SYSTEM = Actor(SYSTEM_ACTOR)


@dataclass
class ChainTail:
    seq: int
    hash: str


def chain_tail(session: Session) -> ChainTail:
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return ChainTail(0, GENESIS_HASH) if row is None else ChainTail(row[0], row[1])


def build_event(
    tail: ChainTail,
    actor: Actor,
    action: str,
    *,
    record_type: str = "",
    record_id: str | uuid.UUID = "",
    compartment_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Make the next event after ``tail`` and advance ``tail`` (for bulk appends)."""
    moment = at or utc_now()
    rid = record_id.hex if isinstance(record_id, uuid.UUID) else record_id
    detail_json = canonical_detail(detail)
    seq = tail.seq + 1
    digest = event_hash(
        prev_hash=tail.hash,
        seq=seq,
        at=moment,
        actor_alias_id=actor.alias_id,
        actor=actor.name,
        action=action,
        record_type=record_type,
        record_id=rid,
        compartment_id=compartment_id,
        detail=detail_json,
    )
    event = AuditEvent(
        seq=seq,
        at=moment,
        actor_alias_id=actor.alias_id,
        actor=actor.name,
        action=action,
        record_type=record_type,
        record_id=rid,
        compartment_id=compartment_id,
        detail=detail_json,
        prev_hash=tail.hash,
        hash=digest,
    )
    tail.seq, tail.hash = seq, digest
    return event


def append(
    session: Session,
    actor: Actor,
    action: str,
    *,
    record_type: str = "",
    record_id: str | uuid.UUID = "",
    compartment_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event inside the caller's (write) transaction, so the change and
    its audit record commit or vanish together."""
    event = build_event(
        chain_tail(session),
        actor,
        action,
        record_type=record_type,
        record_id=record_id,
        compartment_id=compartment_id,
        detail=detail,
        at=at,
    )
    session.add(event)
    session.flush()
    return event


@dataclass
class ChainReport:
    events: int = 0
    problems: list[str] = field(default_factory=list)
    tail: ChainTail = field(default_factory=lambda: ChainTail(0, GENESIS_HASH))

    @property
    def ok(self) -> bool:
        return not self.problems


def _iter_events(session: Session, batch: int = 5000) -> Iterator[AuditEvent]:
    last = 0
    while True:
        rows = (
            session.execute(
                select(AuditEvent)
                .where(AuditEvent.seq > last)
                .order_by(AuditEvent.seq)
                .limit(batch)
            )
            .scalars()
            .all()
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify_events(events: Iterable[AuditEvent], max_problems: int = 20) -> ChainReport:
    report = ChainReport()
    expected_seq, prev = 1, GENESIS_HASH
    for ev in events:
        report.events += 1
        if ev.seq != expected_seq:
            report.problems.append(
                f"audit event {expected_seq} is missing (next present is {ev.seq})"
            )
        if ev.prev_hash != prev:
            report.problems.append(f"audit event {ev.seq} does not link to the event before it")
        recomputed = event_hash(
            prev_hash=ev.prev_hash,
            seq=ev.seq,
            at=ev.at,
            actor_alias_id=ev.actor_alias_id,
            actor=ev.actor,
            action=ev.action,
            record_type=ev.record_type,
            record_id=ev.record_id,
            compartment_id=ev.compartment_id,
            detail=ev.detail,
        )
        if recomputed != ev.hash:
            report.problems.append(f"audit event {ev.seq} has been altered")
        expected_seq, prev = ev.seq + 1, ev.hash
        if len(report.problems) >= max_problems:
            report.problems.append("more problems not listed")
            break
    report.tail = ChainTail(expected_seq - 1, prev)
    return report


def verify_chain(session: Session) -> ChainReport:
    return verify_events(_iter_events(session))


def event_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def anchor_mac(anchor_key: bytes, seq: int, digest: str) -> str:
    return hmac.new(anchor_key, f"{seq}:{digest}".encode(), hashlib.sha256).hexdigest()


def event_hash_at(session: Session, seq: int) -> str | None:
    return session.execute(
        select(AuditEvent.hash).where(AuditEvent.seq == seq)
    ).scalar_one_or_none()
