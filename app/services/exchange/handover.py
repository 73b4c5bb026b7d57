"""Handing a source over to another runner (docs/package-format.md, section 7.4).

The old runner writes a ``handover`` package: the source's whole file as this
vault holds it (registration, assessments, reviews, instructions, taskings,
payments, every debrief that is not a draft), sealed to the new runner and the
handler(s), both keys confirmed by fingerprint before. It is the only package that
carries a true identity: opened here with the passphrase and sealed again to the
new runner's receiving key alone, so the handler, who can open the package, cannot
read it. The source keeps its id and compartment id everywhere.

The new runner imports it into a compartment of their own (the source's
compartment, in their vault) and answers with a receipt (``receipt create``);
that receipt, and only that one, lets the old vault purge the source per its
retention rule. The handler imports it too: the source's records, and from then
on the new runner's key is the one that may change them (``package_origin``).
Every vault keeps a ``source_handover`` row and audits each step.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.dal.scope import get_visible, visible
from app.domain.enums import DebriefStatus, PeerRole, Role
from app.domain.scope import Scope
from app.errors import (
    AccessDenied,
    InvalidInput,
    NoRecipient,
    NotFound,
    Notice,
    WrongPassphrase,
)
from app.export import canonical, compression, package
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest
from app.models import Debrief, Source, TrueIdentity, wire
from app.models.packages import ExportedRecord, PackageLog, PackagePeer, SourceHandover
from app.services.exchange import (
    keys,
    outgoing_copies,
    package_json,
    package_log,
    package_records,
    packages,
    purge,
    unwritten_packages,
)
from app.services.exchange.gc_pause import collection_paused
from app.services.files import output_paths
from app.services.records import identity
from app.vault import audit_chain, migrate
from app.vault.atomic import BackgroundWrite
from app.vault.vault import Vault

OUT, IN, SEEN = "out", "in", "seen"


@dataclass(frozen=True)
class HandoverResult:
    package_id: uuid.UUID
    path: Path
    codename: str
    to_runner: str  # the name given to the new runner's key
    records: int
    identity: bool
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class HandoverView:
    """One handover as this vault knows it (sent, received, or seen as handler)."""

    package_id: uuid.UUID
    direction: str
    source_id: uuid.UUID
    codename: str
    from_runner: str
    to_runner: str
    to_name: str
    identity: bool
    created_at: datetime
    confirmed_at: datetime | None
    purged_at: datetime | None


def _new_runner(session: Session, wanted: str) -> PackagePeer:
    """The new runner's key, by its name or fingerprint; only a key a person
    confirmed by its fingerprint (and did not retire) qualifies."""
    text = wanted.strip()
    lowered = text.lower().replace(" ", "").replace(":", "")
    digits = keys.normalise_spoken(text)
    found = []
    for peer in session.execute(select(PackagePeer)).scalars():
        by_name = peer.name.casefold() == text.casefold()
        by_fp = len(lowered) >= 8 and peer.fingerprint.startswith(lowered)
        by_spoken = len(digits) >= 10 and keys.normalise_spoken(peer.spoken).startswith(digits)
        if by_name or by_fp or by_spoken:
            found.append(peer)
    if not found:
        raise NotFound(
            "No confirmed runner key by that name or fingerprint: import the new runner's key "
            "and compare its fingerprint with them first (keys import)."
        )
    if len(found) > 1:
        raise InvalidInput("More than one key matches; give more of the fingerprint.")
    peer = found[0]
    if peer.role is not PeerRole.RUNNER:
        raise InvalidInput("That key is not a runner's: a source is handed over to a runner.")
    if not peer.active:
        raise InvalidInput(
            "That runner's key was retired; import their current key and compare its "
            "fingerprint first."
        )
    return peer


def _handlers(session: Session) -> list[PackagePeer]:
    found = list(
        session.execute(
            select(PackagePeer)
            .where(PackagePeer.role == PeerRole.HANDLER, PackagePeer.active.is_(True))
            .order_by(PackagePeer.fingerprint)
        ).scalars()
    )
    if not found:
        raise NoRecipient(
            "No handler key is confirmed in this vault: import the team handler's key and "
            "compare its fingerprint first (keys import)."
        )
    return found


@collection_paused()
def hand_over(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    *,
    passphrase: str,
    to_runner: str,
    to_dir: Path,
) -> HandoverResult:
    """Write the handover package of a source into ``to_dir``. The passphrase
    unwraps the identity key (handing a source over is as deliberate as a
    reveal); a wrong one is refused and audited."""
    if scope.role is not Role.RUNNER:
        raise AccessDenied("A source is handed over by its runner.")
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    own = keys.private_keys(vault)
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        codename, compartment_id = source.codename, source.compartment_id
        if session.execute(
            packages.handed_over().where(SourceHandover.source_id == source_id)
        ).first():
            raise InvalidInput(
                "This source was already handed over; if its package was lost, write it again "
                "(package write)."
            )
        drafts = session.execute(
            select(Debrief.id).where(
                Debrief.source_id == source_id, Debrief.status == DebriefStatus.DRAFT
            )
        ).first()
        if drafts:
            raise InvalidInput(
                "The source has a draft debrief: submit or delete it before the handover."
            )
        runner = _new_runner(session, to_runner)
        handlers = _handlers(session)
        gathered = packages.gather_source(session, source_id)
        chosen = [r.id for r in gathered.refs]
        types = [wire.RECORD_TYPES[t].audit_type for t in {r.type for r in gathered.refs}]
        types.append("source")
        event_count, events = package_json.audit_events(session, [*chosen, source_id], types)
        blobs = package_records.attachment_blobs(
            session, [r.id for r in gathered.refs if r.type == "debrief"]
        )
        sealed_here = session.execute(
            select(TrueIdentity.sealed).where(TrueIdentity.source_id == source_id)
        ).scalar_one_or_none()
        recipients = sorted([runner.fingerprint, *(h.fingerprint for h in handlers)])
        channel = package_log.channel_key(own.fingerprint.hex, recipients)
        sequence, previous = package_log.next_out(session, channel)
        runner_fp, runner_name, runner_public = (
            runner.fingerprint,
            runner.name,
            runner.recipient_public,
        )
        publics = {p.fingerprint: p.recipient_public for p in [runner, *handlers]}
        names = tuple(p.name for p in [runner, *handlers])
    package_id = uuid.uuid4()
    sealed_identity = None
    try:
        # Always: the passphrase confirms the act, an identity or not.
        vault.unwrap_identity_key(passphrase).wipe()
        if sealed_here is not None:
            sealed_identity = identity.seal_for_handover(
                vault,
                source_id,
                sealed_here,
                passphrase=passphrase,
                recipient_public=runner_public,
                info=identity.handover_info(package_id, source_id, runner_fp),
            )
    except WrongPassphrase:
        vault.audit(
            scope.actor,
            "source.handover_refused",
            record_type="source",
            record_id=source_id,
            compartment_id=compartment_id,
            detail={"why": "wrong passphrase"},
        )
        raise
    handover_part = {
        "identity": None
        if sealed_identity is None
        else base64.b64encode(sealed_identity).decode("ascii"),
        "source_id": str(source_id),
        "to_runner": runner_fp,
    }
    manifest = Manifest(
        kind="handover",
        package_id=package_id,
        created_at=iso_utc(utc_now()),
        schema=migrate.SCHEMA_HEAD,
        sender=own.fingerprint.hex,
        recipients=tuple(recipients),
        sequence=sequence,
        previous=previous,
        records=tuple(gathered.refs),
        audit_events=event_count,
    )
    body = canonical.object_parts(
        {
            "sources": [package_records.encoded(gathered.sources)],
            "records": canonical.array_parts(gathered.encoded),
            "attachments": [canonical.dumps(blobs)],
            "audit": events,
            "handover": [canonical.dumps(handover_part)],
        }
    )
    sealer, inner = package.prepare_signed(
        manifest, body, own.signing, [publics[fp] for fp in recipients]
    )
    packing = compression.Packing(inner)
    sealed, nonce = sealer.seal_with_nonce(inner)
    sha = hashlib.sha256(sealed).hexdigest()
    target = output_paths.check_file(
        folder / packages.package_file_name(package_id), vaults=[vault.paths.root]
    )
    writing = BackgroundWrite(target, sealed, mode=0o600)
    now = utc_now()
    try:
        with vault.write() as session:
            if package_log.next_out(session, channel) != (sequence, previous):
                raise InvalidInput(
                    "Another package went out meanwhile; hand the source over again."
                )
            session.add(
                PackageLog(
                    id=package_id,
                    direction=package_log.OUT,
                    kind="handover",
                    channel=channel,
                    counterpart=", ".join(names)[:200],
                    sequence=sequence,
                    sha256=sha,
                    previous=previous,
                    created_at=now,
                    records=len(gathered.refs),
                    recipients=",".join(recipients),
                )
            )
            session.flush()
            packages.record_exports(session, package_id, gathered, manifest.version)
            session.add(
                SourceHandover(
                    package_id=package_id,
                    direction=OUT,
                    source_id=source_id,
                    codename=codename,
                    from_runner=own.fingerprint.hex,
                    to_runner=runner_fp,
                    to_name=runner_name[:200],
                    from_compartment_id=compartment_id,
                    compartment_id=compartment_id,
                    identity=sealed_identity is not None,
                    created_at=now,
                )
            )
            if sealed_identity is not None:
                audit_chain.append(
                    session,
                    scope.actor,
                    "identity.handed_over",
                    record_type="source",
                    record_id=source_id,
                    compartment_id=compartment_id,
                    detail={"handover_package": package_id.hex, "to": runner_fp},
                )
            audit_chain.append(
                session,
                scope.actor,
                "source.handed_over",
                record_type="source",
                record_id=source_id,
                compartment_id=compartment_id,
                detail={
                    "handover_package": package_id.hex,
                    "to": runner_fp,
                    "sequence": sequence,
                    "records": len(gathered.refs),
                    "sha256": sha,
                },
            )
            unwritten_packages.owe(session, package_id)
            outgoing_copies.keep(session, package_id, sealer, nonce, packing)
        path = packages._finish_package_file(package_id, writing)
    except BaseException:
        writing.abandon()
        raise
    unwritten_packages.settle(vault, package_id)
    return HandoverResult(
        package_id,
        path,
        codename,
        runner_name,
        len(gathered.refs),
        sealed_identity is not None,
        names,
    )


# -- receiving (the new runner, or the handler) -----------------------------------------


@dataclass(frozen=True)
class Received:
    role: str  # "new runner" | "handler"
    source_id: uuid.UUID
    identity: bool
    # For a handler whose vault has not confirmed the new runner's key yet.
    notice: Notice | None = None


def _source_record_ids(session: Session, source_id: uuid.UUID) -> dict[str, list[str]]:
    """Record type -> ids (hex) of every record of the source this vault holds."""
    out: dict[str, list[str]] = {"source": [source_id.hex]}
    for type_name in (*wire.FILE_RECORDS, "debrief"):
        if type_name == "registration":
            continue
        model = wire.RECORD_TYPES[type_name].model
        out[type_name] = [
            i.hex
            for i in session.execute(select(model.id).where(model.source_id == source_id)).scalars()
        ]
    return out


def refuse_unless_held_by_sender(session: Session, handover: dict[str, Any], sender: str) -> None:
    """A handler takes a handover only from the runner its vault says runs the
    source (or of a source it does not hold yet)."""
    from app.models.packages import PackageOrigin

    holder = session.execute(
        select(PackageOrigin.sender).where(
            PackageOrigin.record_type == "source",
            PackageOrigin.record_id == uuid.UUID(handover["source_id"]),
        )
    ).scalar_one_or_none()
    if holder is not None and holder != sender:
        raise MalformedPackage(
            "The handover comes from a runner who does not run that source in this vault; "
            "nothing was imported."
        )


def received(
    vault: Vault,
    session: Session,
    scope: Scope,
    manifest: Manifest,
    handover: dict[str, Any],
    source: dict[str, Any],
    refs: list[tuple[str, uuid.UUID, int, str]],
    own_fingerprint: str,
    receiving_seed: bytes,
) -> Received:
    """After ``package_import.apply`` wrote the records (same transaction): the
    new runner takes the source on (runner assignment, identity, what counts as
    sent); the handler records that the new runner's key now holds it."""
    from app.models import RunnerAssignment
    from app.models.packages import PackageOrigin

    source_id = uuid.UUID(handover["source_id"])
    compartment_id = uuid.UUID(source["compartment_id"])
    to_runner = handover["to_runner"]
    now = utc_now()
    new_runner = to_runner == own_fingerprint
    got_identity = False
    if new_runner:
        session.merge(
            RunnerAssignment(source_id=source_id, alias_id=scope.alias_id, is_primary=True)
        )
        # What the handover carried counts as sent from here: the next package
        # numbers a changed record as the next version, an unchanged one not at all.
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        raw.executemany(
            "INSERT OR REPLACE INTO exported_record (record_type, record_id, version, sha256, "
            "package_id, compartment_id, format) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    t,
                    rid.hex,
                    version,
                    sha,
                    manifest.package_id.hex,
                    compartment_id.hex,
                    manifest.version,
                )
                for t, rid, version, sha in refs
            ],
        )
        if handover["identity"] is not None:
            sealed = identity.seal_received(
                vault,
                source_id,
                base64.b64decode(handover["identity"]),
                receiving_seed,
                identity.handover_info(manifest.package_id, source_id, own_fingerprint),
            )
            if sealed is None:
                raise MalformedPackage(
                    "The true identity in the handover does not open with this vault's key; "
                    "nothing was imported."
                )
            session.execute(delete(TrueIdentity).where(TrueIdentity.source_id == source_id))
            session.add(
                TrueIdentity(source_id=source_id, compartment_id=compartment_id, sealed=sealed)
            )
            got_identity = True
            audit_chain.append(
                session,
                scope.actor,
                "identity.received",
                record_type="source",
                record_id=source_id,
                compartment_id=compartment_id,
                detail={"handover_package": manifest.package_id.hex, "from": manifest.sender},
            )
    else:
        # From now on the new runner's key is the one that may change the source
        # and its records here; the old runner's may not.
        for record_type, ids in _source_record_ids(session, source_id).items():
            for start in range(0, len(ids), 500):
                session.execute(
                    update(PackageOrigin)
                    .where(
                        PackageOrigin.record_type == record_type,
                        PackageOrigin.record_id.in_(
                            [uuid.UUID(hex=i) for i in ids[start : start + 500]]
                        ),
                        PackageOrigin.sender == manifest.sender,
                    )
                    .values(sender=to_runner)
                )
    session.add(
        SourceHandover(
            package_id=manifest.package_id,
            direction=IN if new_runner else SEEN,
            source_id=source_id,
            codename=source["codename"],
            from_runner=manifest.sender,
            to_runner=to_runner,
            to_name=_peer_name(session, to_runner)[:200],
            from_compartment_id=compartment_id,
            compartment_id=compartment_id,
            identity=handover["identity"] is not None,
            created_at=now,
        )
    )
    audit_chain.append(
        session,
        scope.actor,
        "source.taken_over" if new_runner else "source.runner_changed",
        record_type="source",
        record_id=source_id,
        compartment_id=compartment_id,
        detail={
            "handover_package": manifest.package_id.hex,
            "from": manifest.sender,
            "to": to_runner,
            "identity": handover["identity"] is not None,
        },
    )
    notice = None
    confirmed_runner = session.execute(
        select(PackagePeer.id).where(
            PackagePeer.fingerprint == to_runner,
            PackagePeer.role == PeerRole.RUNNER,
            PackagePeer.active.is_(True),
        )
    ).first()
    if not new_runner and confirmed_runner is None:
        notice = Notice(
            "The new runner's key is not confirmed in this vault yet: their packages are "
            "refused until you import it and compare its fingerprint."
        )
    return Received("new runner" if new_runner else "handler", source_id, got_identity, notice)


def _peer_name(session: Session, fingerprint: str) -> str:
    name = session.execute(
        select(PackagePeer.name).where(PackagePeer.fingerprint == fingerprint)
    ).scalar_one_or_none()
    return name or ""


def taken_over_compartments(session: Session, sender: str) -> set[str]:
    """Compartments (hex) a package from ``sender`` may name though this vault did
    not get them from ``sender``: on a handler's vault, those of sources a handover
    gave ``sender``; on a runner's, those of sources this vault handed to ``sender``
    (a source handed back)."""
    seen_by_handler = (SourceHandover.direction == SEEN) & (SourceHandover.to_runner == sender)
    # A source this vault handed to ``sender``, coming back: its compartment is ours.
    handed_back = (SourceHandover.direction == OUT) & (SourceHandover.to_runner == sender)
    return {
        c.hex
        for c in session.execute(
            select(SourceHandover.compartment_id).where(seen_by_handler | handed_back)
        ).scalars()
    }


# -- the old runner, once the new runner's receipt arrives ------------------------------


def confirmed(
    session: Session, scope: Scope, package_id: uuid.UUID, rule: str, when: datetime
) -> int:
    """The new runner confirmed the handover: the source is purged per the
    retention rule (``keep`` leaves it, marked handed over). Inside the receipt's
    transaction. Returns the number of debriefs purged."""
    row = session.get(SourceHandover, package_id)
    if row is None or row.direction != OUT:
        return 0
    row.confirmed_at = when
    if rule == "keep":
        audit_chain.append(
            session,
            scope.actor,
            "source.handover_confirmed",
            record_type="source",
            record_id=row.source_id,
            compartment_id=row.compartment_id,
            detail={"handover_package": package_id.hex, "rule": rule},
        )
        return 0
    source_id = row.source_id
    ids = _source_record_ids(session, source_id)
    debriefs = [uuid.UUID(hex=i) for i in ids["debrief"]]
    purged = purge.purge_targets(session, scope, [(d, package_id) for d in debriefs], rule)
    all_ids = [uuid.UUID(hex=i) for group in ids.values() for i in group]
    # No readable copy of the file may stay in an older package never confirmed.
    outgoing_copies.seal_those_carrying(session, all_ids)
    session.execute(delete(Source).where(Source.id == source_id))  # cascades to its file
    for start in range(0, len(all_ids), 500):
        session.execute(
            update(ExportedRecord)
            .where(ExportedRecord.record_id.in_(all_ids[start : start + 500]))
            .values(purged_at=when)
        )
    row.purged_at = when
    audit_chain.append(
        session,
        scope.actor,
        "source.purged_after_handover",
        record_type="source",
        record_id=source_id,
        compartment_id=row.compartment_id,
        detail={"handover_package": package_id.hex, "rule": rule, "debriefs": purged},
    )
    if rule == "secure_delete" and not purged:
        from app.vault.vault import owe_compaction

        owe_compaction(session)
    return max(purged, 1)


def handovers(vault: Vault, scope: Scope) -> list[HandoverView]:
    """Every handover this vault took part in, newest first (the source may be
    gone from this vault: its codename stays here)."""
    with vault.read() as session:
        member = select(SourceHandover).where(
            visible(SourceHandover.compartment_id, scope, drive=True)
        )
        rows = session.execute(member.order_by(SourceHandover.created_at.desc())).scalars()
        return [
            HandoverView(
                r.package_id,
                r.direction,
                r.source_id,
                r.codename,
                r.from_runner,
                r.to_runner,
                r.to_name,
                r.identity,
                r.created_at,
                r.confirmed_at,
                r.purged_at,
            )
            for r in rows
        ]


def check_receipt_entry(session: Session, sent: PackageLog, sender_role: PeerRole) -> None:
    """A handover is confirmed by the new runner only; a runner confirms nothing else."""
    from app.services.exchange.receipts import UnknownPackage

    if (sent.kind == "handover") != (sender_role is PeerRole.RUNNER):
        raise UnknownPackage(
            "A handover is confirmed only by the runner it was handed to, and a runner "
            "confirms nothing else; nothing was changed."
        )


def of_source(vault: Vault, scope: Scope, source_id: uuid.UUID) -> HandoverView | None:
    """The newest handover of a source this vault took part in, if any."""
    found = [h for h in handovers(vault, scope) if h.source_id == source_id]
    return found[0] if found else None
