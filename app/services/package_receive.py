"""Receiving packages: a handler verifies a runner's package and imports it.

Everything is checked before anything changes: that this vault is a recipient,
that the signer is a confirmed peer of the right role, that the manifest names
this vault (so a recipient cannot re-seal it to a third party), that every record
and file matches its hash, and how the package fits its channel (a replay or a
second package with the same number is refused; a gap or a late arrival is
imported with a warning). The import is one transaction: a refusal anywhere
leaves the vault as it was, apart from the audit event that records the refusal.
The decrypted container is kept once as evidence (``package_evidence``),
compressed in a thread of its own while the records are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal.scope import Scope
from app.errors import AccessDenied, Notice, PackageError
from app.export import canonical, compression, package
from app.export.errors import MalformedPackage, ReplayedPackage, UnknownSender
from app.export.manifest import RecordRef
from app.models.enums import PeerRole, Role
from app.models.packages import PackageLog, PackagePeer
from app.services import (
    keys,
    package_evidence,
    package_import,
    package_log,
    package_records,
    package_validation,
)
from app.services.gc_pause import collection_paused
from app.vault import audit_chain
from app.vault.engine import bulk_cache
from app.vault.vault import Vault

ProgressFn = Callable[[int, int], None]
BODY_PARTS = frozenset({"sources", "records", "attachments", "audit"})
_ENTRY_KEYS = frozenset({"type", "id", "version", "data"})


@dataclass(frozen=True)
class Verified:
    opened: package.Opened
    sender: PackagePeer
    channel: str


def open_verified(
    vault: Vault, data: bytes, *, kind: str, sender_roles: tuple[PeerRole, ...]
) -> Verified:
    """Decrypt, check the signer is a confirmed peer of one of ``sender_roles`` and
    that this vault was addressed by the signer."""
    own = keys.private_keys(vault)
    # A debriefs body is proven canonical and checked value by value (``_contents``).
    opened = package.open_package(
        data, own.receiving_seed, body_checked_by_caller=kind == "debriefs"
    )
    manifest = opened.manifest
    with vault.read() as session:
        sender = session.execute(
            select(PackagePeer).where(
                PackagePeer.fingerprint == manifest.sender, PackagePeer.active.is_(True)
            )
        ).scalar_one_or_none()
        if sender is not None:
            session.expunge(sender)
    if sender is None or sender.role not in sender_roles:
        raise UnknownSender(
            "The package is signed by a key this vault has not confirmed for that role "
            "(import and compare the sender's key first)."
        )
    opened.inner.verify(sender.signing_public)
    package.check_recipients(opened, own.fingerprint.hex)
    if manifest.kind != kind:
        raise MalformedPackage(
            "This is a {found} package, not a {wanted} package.", found=manifest.kind, wanted=kind
        )
    return Verified(opened, sender, package_log.channel_key(manifest.sender, manifest.recipients))


def log_arrival(session: Session, verified: Verified, *, records: int) -> None:
    """Enter a received package or receipt in the package log."""
    m = verified.opened.manifest
    session.add(
        PackageLog(
            id=m.package_id,
            direction=package_log.IN,
            kind=m.kind,
            peer_id=verified.sender.id,
            channel=verified.channel,
            counterpart=verified.sender.name,
            sequence=m.sequence,
            sha256=verified.opened.sha256,
            previous=m.previous,
            created_at=datetime.fromisoformat(m.created_at.replace("Z", "+00:00")),
            records=records,
        )
    )


def arrival_of(session: Session, verified: Verified) -> package_log.Arrival:
    m = verified.opened.manifest
    return package_log.arrival(
        session,
        channel=verified.channel,
        package_id=m.package_id,
        sha256=verified.opened.sha256,
        sequence=m.sequence,
        previous=m.previous,
    )


def refuse_if_replayed(arrival: package_log.Arrival) -> None:
    if arrival.status == "already imported":
        raise ReplayedPackage("This package was already imported; nothing was changed.")
    if arrival.status == "conflict":
        raise ReplayedPackage(
            "Another package with the same number from this sender was already imported; "
            "nothing was changed."
        )


def _refuse_known_bytes(vault: Vault, data: bytes) -> None:
    """A file byte for byte the same as one already imported is a replay, refused
    before it is opened: it was verified in full when it was imported, and its
    second import would change nothing. (A replay under another name or another
    package with the same number is found after verification, by ``_arrival``.)"""
    sha = hashlib.sha256(data).hexdigest()
    with vault.read() as session:
        seen = session.execute(
            select(PackageLog.id).where(
                PackageLog.direction == package_log.IN, PackageLog.sha256 == sha
            )
        ).first()
    if seen is not None:
        refuse_if_replayed(package_log.Arrival("already imported"))


@dataclass(frozen=True)
class Contents:
    records: list[tuple[RecordRef, dict[str, Any]]]
    sources: list[dict[str, Any]]
    blobs: dict[str, bytes]
    events: list[dict[str, Any]]
    # Where each record's canonical JSON (as its hash was checked over) lies in the
    # container: (offset, length).
    locations: list[tuple[int, int]]


class _Canonical:
    """Walks the body's bytes beside the encoding of what was parsed from them: the
    body is canonical only if every piece is found where the last one ended and
    nothing follows. (The parse did not check it: ``canonical.loads``.)"""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def expect_value(self, value: Any) -> int:
        """``expect`` of the canonical encoding of ``value`` (a part of the body)."""
        try:
            encoded = canonical.dumps_loaded(value)
        except ValueError:  # nested deeper than the encoder goes: not what a runner writes
            raise MalformedPackage("package data is not canonical") from None
        return self.expect(encoded)

    def expect(self, piece: bytes) -> int:
        """Where ``piece`` begins (it must lie at the current position)."""
        start = self.at
        if not self.data.startswith(piece, start):
            raise MalformedPackage("package data is not in canonical form")
        self.at = start + len(piece)
        return start

    def end(self) -> None:
        if self.at != len(self.data):
            raise MalformedPackage("package data is not in canonical form")


def _contents(verified: Verified) -> Contents:
    body = verified.opened.body
    if type(body) is not dict or body.keys() != BODY_PARTS:
        raise MalformedPackage("The package body has missing or unknown parts.")
    entries = body["records"]
    refs = verified.opened.manifest.records
    if type(entries) is not list or len(entries) != len(refs):
        raise MalformedPackage("The package body does not list the manifest's records.")
    inner = verified.opened.inner
    # canonical.dumps(body), in the order it sorts the keys; each record's own
    # encoding is one of the pieces, so its place is known as it is found.
    walk = _Canonical(inner.body_bytes)
    walk.expect(b'{"attachments":')
    walk.expect_value(body["attachments"])
    walk.expect(b',"audit":')
    walk.expect_value(body["audit"])
    walk.expect(b',"records":[')
    records = []
    locations = []
    for n, (ref, entry) in enumerate(zip(refs, entries, strict=True)):
        if (
            type(entry) is not dict
            or entry.keys() != _ENTRY_KEYS
            or type(entry["version"]) is not int  # 1.0 == 1, and is no version
        ):
            raise MalformedPackage("A record entry in the package is malformed.")
        if (entry["type"], entry["id"], entry["version"]) != (ref.type, str(ref.id), ref.version):
            raise MalformedPackage("The package's records are not in the manifest's order.")
        data = package_validation.validate_debrief(entry["data"])  # the parsed dict itself
        text = canonical.dumps_loaded(data)
        if hashlib.sha256(text).hexdigest() != ref.sha256 or data["id"] != str(ref.id):
            raise MalformedPackage("A record does not match its hash in the manifest.")
        walk.expect(b'{"data":' if n == 0 else b',{"data":')
        locations.append((inner.body_start + walk.expect(text), len(text)))
        walk.expect(
            b',"id":%b,"type":%b,"version":%b}'
            % tuple(canonical.dumps_loaded(entry[k]) for k in ("id", "type", "version"))
        )
        records.append((ref, data))
    walk.expect(b'],"sources":')
    walk.expect_value(body["sources"])
    walk.expect(b"}")
    walk.end()
    if len({ref.id for ref, _ in records}) != len(records):
        raise MalformedPackage("The package carries a record twice.")
    sources = [package_validation.validate_source(s) for s in _list(body["sources"])]
    if len({s["id"] for s in sources}) != len(sources):
        raise MalformedPackage("The package lists a source twice.")
    events = [package_validation.validate_event(e) for e in _list(body["audit"])]
    if len(events) != verified.opened.manifest.audit_events:
        raise MalformedPackage("The package's audit events do not match its manifest.")
    return Contents(
        records, sources, package_records.read_blobs(body["attachments"]), events, locations
    )


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise MalformedPackage("The package body is malformed.")
    return value


def _refused(vault: Vault, scope: Scope, exc: Exception) -> None:
    # Auditing a refusal must never hide the refusal itself.
    with contextlib.suppress(Exception):
        vault.audit(
            scope.actor,
            "package.refused",
            record_type="package",
            detail={"reason": type(exc).__name__},
        )


@dataclass(frozen=True)
class PackageCheck:
    package_id: uuid.UUID
    sender: str
    sender_spoken: str
    sequence: int
    records: int
    files: int
    audit_events: int
    created_at: str
    status: str  # "new" | "gap" | "late" | "already imported" | "conflict"
    warnings: tuple[Notice, ...] = ()


@collection_paused()
def verify_package(vault: Vault, scope: Scope, data: bytes) -> PackageCheck:
    """Everything import checks, without changing the vault (only the audit log)."""
    try:
        verified = open_verified(vault, data, kind="debriefs", sender_roles=(PeerRole.RUNNER,))
        contents = _contents(verified)
        with vault.read() as session:
            arrival = arrival_of(session, verified)
    except PackageError as exc:
        _refused(vault, scope, exc)
        raise
    m = verified.opened.manifest
    vault.audit(
        scope.actor,
        "package.verified",
        record_type="package",
        record_id=m.package_id,
        detail={"status": arrival.status},
    )
    return PackageCheck(
        m.package_id,
        verified.sender.name,
        verified.sender.spoken,
        m.sequence,
        len(m.records),
        len(contents.blobs),
        m.audit_events,
        m.created_at,
        arrival.status,
        arrival.warnings,
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
    audit_events: int  # kept with the package's container (``package_evidence``)
    warnings: tuple[Notice, ...] = ()


@collection_paused()
def import_package(
    vault: Vault, scope: Scope, data: bytes, progress: ProgressFn | None = None
) -> ImportResult:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Packages are imported by a handler.")
    try:
        _refuse_known_bytes(vault, data)
        verified = open_verified(vault, data, kind="debriefs", sender_roles=(PeerRole.RUNNER,))
        contents = _contents(verified)
        # Kept once it checked out: a refused package is not compressed for nothing.
        packing = compression.Packing(verified.opened.container)
        m = verified.opened.manifest
        with vault.write() as session, bulk_cache(session):
            arrival = arrival_of(session, verified)
            refuse_if_replayed(arrival)
            counts = package_import.apply(
                session,
                scope,
                m.package_id,
                m.sender,
                contents.sources,
                contents.records,
                contents.blobs,
                contents.locations,
                progress,
            )
            log_arrival(session, verified, records=len(contents.records))
            session.flush()
            package_evidence.keep(session, m.package_id, packing)
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
                    "arrival": arrival.status,
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
        len(contents.events),
        arrival.warnings,
    )
