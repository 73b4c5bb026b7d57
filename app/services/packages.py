"""Packages: a runner exports debriefs, sealed to the handler and the central
system and signed; a handler verifies and imports them.

Export refuses incomplete debriefs, numbers packages per channel (one sender to
one set of recipients) and chains each to the previous one by hash, writes the
file atomically, marks what it carried and audits it. Import checks, before any
change: that this vault is a recipient, that the signer is a confirmed runner,
that the manifest names this vault, that every record matches its hash, and that
the package is neither a replay nor older than one already imported. A gap in
the sequence is imported with a warning that a package is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.dal.scope import Scope, get_visible, visible
from app.errors import AccessDenied, InvalidInput, PackageError, WorkflowError
from app.export import package
from app.export.errors import IncompletePackage, MalformedPackage, ReplayedPackage, UnknownSender
from app.export.manifest import Manifest, RecordRef
from app.models import Debrief, IntelligenceItem, Source
from app.models.enums import DebriefStatus, Role
from app.models.packages import (
    ExportedRecord,
    ImportedAuditEvent,
    PackageLog,
    PackagePeer,
    PeerRole,
)
from app.services import keys, package_import, package_records
from app.services.debriefs import blockers
from app.vault import audit_chain, migrate
from app.vault.atomic import atomic_write_bytes
from app.vault.vault import Vault

ProgressFn = Callable[[int, int], None]
FILE_SUFFIX = ".age"


def channel_key(sender: str, recipients: Sequence[str]) -> str:
    return hashlib.sha256(f"{sender}|{','.join(sorted(recipients))}".encode()).hexdigest()


def next_in_channel(session: Session, direction: str, channel: str) -> tuple[int, str]:
    """(next sequence number, hash of the last package) for a channel."""
    last = session.execute(
        select(PackageLog.sequence, PackageLog.sha256)
        .where(PackageLog.direction == direction, PackageLog.channel == channel)
        .order_by(PackageLog.sequence.desc())
        .limit(1)
    ).first()
    return (1, "") if last is None else (last[0] + 1, last[1])


def package_file_name(package_id: uuid.UUID) -> str:
    # Nothing in the name about sender, recipients or content.
    return f"veldboek-{package_id}{FILE_SUFFIX}"


@dataclass(frozen=True)
class ExportResult:
    package_id: uuid.UUID
    path: Path
    sequence: int
    debriefs: int
    size: int
    recipients: tuple[str, ...]


def _recipients(session: Session) -> list[PackagePeer]:
    peers = list(
        session.execute(
            select(PackagePeer)
            .where(
                PackagePeer.active.is_(True),
                PackagePeer.role.in_([PeerRole.HANDLER, PeerRole.CENTRAL]),
            )
            .order_by(PackagePeer.fingerprint)
        ).scalars()
    )
    if not peers:
        raise InvalidInput(
            "No recipient is known yet: import the team handler's key first (keys import)."
        )
    return peers


def _latest_exports(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, str]]:
    out: dict[uuid.UUID, tuple[int, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for rid, version, sha in session.execute(
            select(ExportedRecord.record_id, ExportedRecord.version, ExportedRecord.sha256).where(
                ExportedRecord.record_type == "debrief", ExportedRecord.record_id.in_(chunk)
            )
        ):
            if rid not in out or version > out[rid][0]:
                out[rid] = (version, sha)
    return out


def _check_complete(session: Session, ids: list[uuid.UUID]) -> None:
    problems = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(Debrief, Source.codename)
            .join(Source, Source.id == Debrief.source_id)
            .where(Debrief.id.in_(chunk))
        ).all()
        items: dict[uuid.UUID, list[IntelligenceItem]] = {}
        for item in session.execute(
            select(IntelligenceItem).where(IntelligenceItem.debrief_id.in_(chunk))
        ).scalars():
            items.setdefault(item.debrief_id, []).append(item)
        for debrief, codename in rows:
            missing = blockers(debrief, items.get(debrief.id, []))
            if missing:
                problems.append(
                    f"{codename} {debrief.created_at:%Y-%m-%d}: "
                    + ", ".join(str(b) for b in missing)
                )
    if problems:
        raise IncompletePackage(
            "Not exported; complete these debriefs first: "
            + "; ".join(problems[:20])
            + ("; …" if len(problems) > 20 else "")
        )


def export_package(
    vault: Vault,
    scope: Scope,
    *,
    to_dir: Path,
    debrief_ids: Sequence[uuid.UUID] | None = None,
    all_new: bool = False,
    progress: ProgressFn | None = None,
) -> ExportResult:
    if not to_dir.is_dir():
        raise InvalidInput(f"The folder {to_dir} does not exist.")
    if (debrief_ids is None) == (not all_new):
        raise InvalidInput("Export chosen debriefs, or everything new (--all-new).")
    own = keys.private_keys(vault)
    with vault.read() as session:
        peers = _recipients(session)
        if all_new:
            candidates = list(
                session.execute(
                    select(Debrief.id)
                    .where(
                        visible(Debrief.compartment_id, scope, drive=True),
                        Debrief.status != DebriefStatus.DRAFT,
                    )
                    .order_by(Debrief.created_at)
                ).scalars()
            )
        else:
            candidates = []
            for debrief_id in debrief_ids or ():
                d = get_visible(session, scope, Debrief, debrief_id)
                if d.status is DebriefStatus.DRAFT:
                    raise WorkflowError("A draft cannot leave the laptop: submit it first.")
                candidates.append(d.id)
        if progress:
            progress(0, 4)
        records, sources = package_records.serialise(session, candidates)
        exported = _latest_exports(session, candidates)
        refs: list[RecordRef] = []
        chosen: list[dict[str, object]] = []
        for data in records:
            rid = uuid.UUID(str(data["id"]))
            sha = package_records.record_hash(data)
            last_version, last_sha = exported.get(rid, (0, ""))
            if all_new and sha == last_sha:
                continue  # already sent as it is now
            version = last_version if sha == last_sha else last_version + 1
            refs.append(RecordRef("debrief", rid, version, sha))
            chosen.append({"type": "debrief", "id": str(rid), "version": version, "data": data})
        if not refs:
            raise InvalidInput("There is nothing new to export.")
        chosen_ids = [r.id for r in refs]
        _check_complete(session, chosen_ids)
        used_sources = {str(d["data"]["source_id"]) for d in chosen}  # type: ignore[index]
        events = package_records.audit_events(session, chosen_ids)
        recipients = [p.fingerprint for p in peers]
        channel = channel_key(own.fingerprint.hex, recipients)
        sequence, previous = next_in_channel(session, "out", channel)
        compartments = {
            r.id: uuid.UUID(str(d["data"]["compartment_id"]))  # type: ignore[index]
            for r, d in zip(refs, chosen, strict=True)
        }
    if progress:
        progress(1, 4)
    package_id = uuid.uuid4()
    manifest = Manifest(
        kind="debriefs",
        package_id=package_id,
        created_at=iso_utc(utc_now()),
        schema=migrate.SCHEMA_HEAD,
        sender=own.fingerprint.hex,
        recipients=tuple(recipients),
        sequence=sequence,
        previous=previous,
        records=tuple(refs),
        audit_events=len(events),
    )
    body = {
        "sources": [s for s in sources if s["id"] in used_sources],
        "records": chosen,
        "audit": events,
    }
    sealed = package.seal(manifest, body, own.signing, [p.recipient_public for p in peers])
    if progress:
        progress(2, 4)
    path = to_dir / package_file_name(package_id)
    atomic_write_bytes(path, sealed, mode=0o600)
    sha = hashlib.sha256(sealed).hexdigest()
    try:
        with vault.write() as session:
            session.add(
                PackageLog(
                    id=package_id,
                    direction="out",
                    kind="debriefs",
                    channel=channel,
                    sequence=sequence,
                    sha256=sha,
                    previous=previous,
                    created_at=utc_now(),
                    records=len(refs),
                )
            )
            session.flush()
            for ref in refs:
                session.merge(
                    ExportedRecord(
                        record_type="debrief",
                        record_id=ref.id,
                        version=ref.version,
                        sha256=ref.sha256,
                        package_id=package_id,
                        compartment_id=compartments[ref.id],
                    )
                )
            audit_chain.append(
                session,
                scope.actor,
                "package.exported",
                record_type="package",
                record_id=package_id,
                detail={
                    "sequence": sequence,
                    "debriefs": len(refs),
                    "sha256": sha,
                    "recipients": len(recipients),
                },
            )
    except BaseException:
        path.unlink(missing_ok=True)  # no file the vault does not know it sent
        raise
    if progress:
        progress(4, 4)
    return ExportResult(
        package_id, path, sequence, len(refs), len(sealed), tuple(p.name for p in peers)
    )


# -- receiving ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Verified:
    opened: package.Opened
    sender: PackagePeer
    channel: str


def open_verified(
    vault: Vault, data: bytes, *, kind: str, sender_roles: tuple[PeerRole, ...]
) -> Verified:
    """Decrypt, check the signer is a confirmed peer of the right role, that this
    vault was addressed, and that every record matches its hash."""
    own = keys.private_keys(vault)
    opened = package.open_package(data, own.receiving_seed)
    manifest = opened.manifest
    with vault.read() as session:
        sender = session.execute(
            select(PackagePeer).where(
                PackagePeer.fingerprint == manifest.sender, PackagePeer.active.is_(True)
            )
        ).scalar_one_or_none()
    if sender is None or sender.role not in sender_roles:
        raise UnknownSender(
            "The package is signed by a key this vault has not confirmed "
            "(import and compare the sender's key first)."
        )
    opened.inner.verify(sender.signing_public)
    package.check_recipients(opened, own.fingerprint.hex)
    if manifest.kind != kind:
        raise MalformedPackage(f"This is a {manifest.kind} package, not a {kind} package.")
    return Verified(opened, sender, channel_key(manifest.sender, manifest.recipients))


def _records(verified: Verified) -> list[tuple[RecordRef, dict[str, object]]]:
    body = verified.opened.body
    if set(body) != {"sources", "records", "audit"}:
        raise MalformedPackage("The package body has missing or unknown parts.")
    entries = body["records"]
    refs = verified.opened.manifest.records
    if not isinstance(entries, list) or len(entries) != len(refs):
        raise MalformedPackage("The package body does not list the manifest's records.")
    out = []
    for ref, entry in zip(refs, entries, strict=True):
        if not isinstance(entry, dict) or set(entry) != {"type", "id", "version", "data"}:
            raise MalformedPackage("A record entry in the package is malformed.")
        if (entry["type"], entry["id"], entry["version"]) != (ref.type, str(ref.id), ref.version):
            raise MalformedPackage("The package's records are not in the manifest's order.")
        data = package_records.validate_debrief(entry["data"])
        if package_records.record_hash(data) != ref.sha256 or data["id"] != str(ref.id):
            raise MalformedPackage("A record does not match its hash in the manifest.")
        out.append((ref, data))
    return out


@dataclass(frozen=True)
class PackageCheck:
    package_id: uuid.UUID
    sender: str
    sender_spoken: str
    sequence: int
    records: int
    audit_events: int
    created_at: str
    status: str  # "new" | "already imported" | "older than imported" | "gap"
    warnings: tuple[str, ...] = ()


def _sequence_status(session: Session, verified: Verified) -> tuple[str, list[str]]:
    manifest = verified.opened.manifest
    seen = session.execute(
        select(PackageLog.processed_at).where(
            (PackageLog.id == manifest.package_id) | (PackageLog.sha256 == verified.opened.sha256)
        )
    ).first()
    if seen is not None:
        return "already imported", []
    expected, last_sha = next_in_channel(session, "in", verified.channel)
    if manifest.sequence < expected:
        return "older than imported", []
    warnings = []
    if manifest.sequence > expected:
        missing = (
            f"{expected}"
            if manifest.sequence == expected + 1
            else f"{expected} to {manifest.sequence - 1}"
        )
        warnings.append(f"Package(s) {missing} from this sender have not arrived: one is missing.")
    elif last_sha and manifest.previous != last_sha:
        warnings.append("This package does not follow the last one imported from this sender.")
    return ("gap" if manifest.sequence > expected else "new"), warnings


def verify_package(vault: Vault, scope: Scope, data: bytes) -> PackageCheck:
    """Everything import checks, without changing the vault (only the audit log)."""
    try:
        verified = open_verified(vault, data, kind="debriefs", sender_roles=(PeerRole.RUNNER,))
        _records(verified)
        with vault.read() as session:
            status, warnings = _sequence_status(session, verified)
    except PackageError as exc:
        _refused(vault, scope, exc)
        raise
    m = verified.opened.manifest
    vault.audit(
        scope.actor,
        "package.verified",
        record_type="package",
        record_id=m.package_id,
        detail={"status": status},
    )
    return PackageCheck(
        m.package_id,
        verified.sender.name,
        verified.sender.spoken,
        m.sequence,
        len(m.records),
        m.audit_events,
        m.created_at,
        status,
        tuple(warnings),
    )


@dataclass(frozen=True)
class ImportResult:
    package_id: uuid.UUID
    sender: str
    sequence: int
    new: int
    updated: int
    unchanged: int
    older: int
    audit_events: int
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _refused(vault: Vault, scope: Scope, exc: Exception) -> None:
    # Auditing a refusal must never hide the refusal itself.
    with contextlib.suppress(Exception):
        vault.audit(
            scope.actor,
            "package.refused",
            record_type="package",
            detail={"reason": type(exc).__name__},
        )


def import_package(
    vault: Vault, scope: Scope, data: bytes, progress: ProgressFn | None = None
) -> ImportResult:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Packages are imported by a handler.")
    try:
        verified = open_verified(vault, data, kind="debriefs", sender_roles=(PeerRole.RUNNER,))
        records = _records(verified)
        m = verified.opened.manifest
        sources = [
            package_records.validate_source(s) for s in _list(verified.opened.body["sources"])
        ]
        events = [package_records.validate_event(e) for e in _list(verified.opened.body["audit"])]
        if len(events) != m.audit_events:
            raise MalformedPackage("The package's audit events do not match its manifest.")
        with vault.write() as session:
            status, warnings = _sequence_status(session, verified)
            if status == "already imported":
                raise ReplayedPackage(
                    "This package was already imported; nothing was changed (replay refused)."
                )
            if status == "older than imported":
                raise ReplayedPackage(
                    "This package is older than one already imported from this sender: "
                    "replay refused, nothing was changed."
                )
            counts = package_import.apply(session, scope, m.package_id, sources, records, progress)
            kept = _keep_events(session, verified, events)
            session.add(
                PackageLog(
                    id=m.package_id,
                    direction="in",
                    kind="debriefs",
                    peer_id=verified.sender.id,
                    channel=verified.channel,
                    sequence=m.sequence,
                    sha256=verified.opened.sha256,
                    previous=m.previous,
                    created_at=utc_now(),
                    records=len(records),
                )
            )
            audit_chain.append(
                session,
                scope.actor,
                "package.imported",
                record_type="package",
                record_id=m.package_id,
                detail={
                    "sender": m.sender,
                    "sequence": m.sequence,
                    "new": counts.new,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                    "older": counts.older,
                    "warnings": len(warnings),
                },
            )
    except PackageError as exc:
        _refused(vault, scope, exc)
        raise
    return ImportResult(
        m.package_id,
        verified.sender.name,
        m.sequence,
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.older,
        kept,
        tuple(warnings),
    )


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise MalformedPackage("The package body is malformed.")
    return value


def _keep_events(session: Session, verified: Verified, events: list[dict[str, Any]]) -> int:
    """Store the runner's audit events (each one's hash checked) as a copy of the
    runner's log kept outside the runner's laptop."""
    sender = verified.opened.manifest.sender
    known = set(
        session.execute(
            select(ImportedAuditEvent.seq).where(ImportedAuditEvent.sender == sender)
        ).scalars()
    )
    kept = 0
    for e in events:
        at = datetime.fromisoformat(str(e["at"])[:-1] + "+00:00")
        recomputed = audit_chain.event_hash(
            prev_hash=str(e["prev_hash"]),
            seq=int(e["seq"]),
            at=at,
            actor_alias_id=uuid.UUID(hex=str(e["actor_alias_id"])) if e["actor_alias_id"] else None,
            actor=str(e["actor"]),
            action=str(e["action"]),
            record_type=str(e["record_type"]),
            record_id=str(e["record_id"]),
            compartment_id=uuid.UUID(hex=str(e["compartment_id"])) if e["compartment_id"] else None,
            detail=str(e["detail"]),
        )
        if recomputed != e["hash"]:
            raise MalformedPackage("An audit event in the package does not match its hash.")
        if e["seq"] in known:
            continue
        session.add(
            ImportedAuditEvent(
                sender=sender,
                package_id=verified.opened.manifest.package_id,
                seq=e["seq"],
                at=at,
                actor=str(e["actor"])[:80],
                actor_alias_id=uuid.UUID(hex=str(e["actor_alias_id"]))
                if e["actor_alias_id"]
                else None,
                action=str(e["action"])[:60],
                record_type=str(e["record_type"])[:40],
                record_id=str(e["record_id"])[:64],
                compartment_id=uuid.UUID(hex=str(e["compartment_id"]))
                if e["compartment_id"]
                else None,
                detail=str(e["detail"]),
                prev_hash=str(e["prev_hash"]),
                hash=str(e["hash"]),
            )
        )
        known.add(int(e["seq"]))
        kept += 1
    return kept


@dataclass(frozen=True)
class LogEntry:
    package_id: uuid.UUID
    direction: str
    kind: str
    peer: str | None
    sequence: int
    records: int
    created_at: str
    confirmed: bool


def package_log(vault: Vault, *, limit: int = 200) -> list[LogEntry]:
    with vault.read() as session:
        names = dict(session.execute(select(PackagePeer.id, PackagePeer.name)).all())
        rows = session.execute(
            select(PackageLog).order_by(PackageLog.processed_at.desc()).limit(limit)
        ).scalars()
        return [
            LogEntry(
                r.id,
                r.direction,
                r.kind,
                names.get(r.peer_id) if r.peer_id else None,
                r.sequence,
                r.records,
                iso_utc(r.created_at),
                r.confirmed_at is not None,
            )
            for r in rows
        ]


def exported_count(vault: Vault, scope: Scope) -> int:
    with vault.read() as session:
        return int(
            session.execute(
                select(func.count())
                .select_from(ExportedRecord)
                .where(visible(ExportedRecord.compartment_id, scope, drive=True))
            ).scalar_one()
        )
