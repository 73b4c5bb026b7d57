"""Handing a source over to another runner (docs/package-format.md, section 7.4).

The old runner writes a ``handover`` package: the source's whole file as this
vault holds it (registration, assessments, reviews, instructions, taskings,
payments, every debrief that is not a draft), sealed to the new runner, the
handler(s) and central (where this vault confirmed its key), every key confirmed
by fingerprint before. It is the only package that carries a true identity: opened
here with the passphrase and sealed again to the new runner's receiving key alone,
so the handler and central, who open the package, cannot read it; ids stay.

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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.dal.scope import get_visible, visible
from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import (
    AccessDenied,
    InvalidInput,
    WrongPassphrase,
)
from app.export import canonical, compression, package
from app.export.manifest import Manifest
from app.models import Source, TrueIdentity, wire
from app.models.packages import (
    PackageLog,
    PackageOrigin,
    PackagePeer,
    RecordVersion,
    SourceHandover,
)
from app.services.exchange import (
    export_names,
    handover_peers,
    handover_ready,
    keys,
    outgoing_copies,
    package_json,
    package_log,
    package_records,
    packages,
    unwritten_packages,
)
from app.services.exchange.gc_pause import collection_paused
from app.services.files import output_paths
from app.services.records import identity, identity_tokens
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
    # out: the new runner's receipt came; in: this vault issued its receipt; seen: None
    confirmed_at: datetime | None
    purged_at: datetime | None  # out: the source left this vault
    from_name: str = ""  # the old runner's key as this vault confirmed it, if it did


@dataclass
class _Outgoing:
    """What a handover read from the vault, before sealing."""

    codename: str
    compartment_id: uuid.UUID
    runner: PackagePeer
    others: list[PackagePeer]  # the team's handlers, and central where confirmed
    gathered: packages.Gathered
    event_count: int
    events: canonical.Parts
    blobs: list[dict[str, Any]]
    sealed_here: bytes | None  # the true identity as this vault seals it
    recipients: list[str]
    channel: str
    sequence: int
    previous: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in [self.runner, *self.others])


def _read_outgoing(
    session: Session, scope: Scope, source_id: uuid.UUID, to_runner: str, sender: str
) -> _Outgoing:
    """The source's whole file and who it goes to; refused if the active alias
    does not run the source, or the source went already or is not ready to go
    (``handover_ready``)."""
    source = get_visible(session, scope, Source, source_id)
    handover_ready.refuse_not_running(session, scope, source_id)
    if session.execute(packages.handed_over().where(SourceHandover.source_id == source_id)).first():
        raise InvalidInput(
            "This source was already handed over; if its package was lost, write it again "
            "(package write)."
        )
    handover_ready.refuse_unready(session, source_id)
    runner = handover_peers.new_runner(session, to_runner)
    others = handover_peers.others(session)
    gathered = packages.gather_source(session, source_id)
    export_names.refuse_old_names(session, gathered)  # before anything is recorded
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
    recipients = sorted([runner.fingerprint, *(h.fingerprint for h in others)])
    channel = package_log.channel_key(sender, recipients)
    sequence, previous = package_log.next_out(session, channel)
    return _Outgoing(
        source.codename,
        source.compartment_id,
        runner,
        others,
        gathered,
        event_count,
        events,
        blobs,
        sealed_here,
        recipients,
        channel,
        sequence,
        previous,
    )


def _seal_identity(
    vault: Vault,
    scope: Scope,
    out: _Outgoing,
    source_id: uuid.UUID,
    package_id: uuid.UUID,
    passphrase: str,
) -> bytes | None:
    """The true identity sealed again to the new runner alone (None: there is none).
    A wrong passphrase is refused and audited."""
    try:
        # Always: the passphrase confirms the act, an identity or not.
        vault.unwrap_identity_key(passphrase).wipe()
        if out.sealed_here is None:
            return None
        return identity.seal_for_handover(
            vault,
            source_id,
            out.sealed_here,
            passphrase=passphrase,
            recipient_public=out.runner.recipient_public,
            info=identity.handover_info(package_id, source_id, out.runner.fingerprint),
        )
    except WrongPassphrase:
        vault.audit(
            scope.actor,
            "source.handover_refused",
            record_type="source",
            record_id=source_id,
            compartment_id=out.compartment_id,
            detail={"why": "wrong passphrase"},
        )
        raise


def _manifest_and_body(
    out: _Outgoing,
    package_id: uuid.UUID,
    sender: str,
    source_id: uuid.UUID,
    sealed_identity: bytes | None,
) -> tuple[Manifest, canonical.Parts]:
    handover_part = {
        "identity": None
        if sealed_identity is None
        else base64.b64encode(sealed_identity).decode("ascii"),
        "source_id": str(source_id),
        "to_runner": out.runner.fingerprint,
    }
    manifest = Manifest(
        kind="handover",
        package_id=package_id,
        created_at=iso_utc(utc_now()),
        schema=migrate.SCHEMA_HEAD,
        sender=sender,
        recipients=tuple(out.recipients),
        sequence=out.sequence,
        previous=out.previous,
        records=tuple(out.gathered.refs),
        audit_events=out.event_count,
    )
    body = canonical.object_parts(
        {
            "sources": [package_records.encoded(out.gathered.sources)],
            "records": canonical.array_parts(out.gathered.encoded),
            "attachments": [canonical.dumps(out.blobs)],
            "audit": out.events,
            "handover": [canonical.dumps(handover_part)],
        }
    )
    return manifest, body


def _record_handover(
    session: Session,
    scope: Scope,
    out: _Outgoing,
    manifest: Manifest,
    source_id: uuid.UUID,
    sha: str,
    with_identity: bool,
) -> None:
    """Log the package and what it carried, keep the handover row, audit it."""
    package_id, now, runner_fp = manifest.package_id, utc_now(), out.runner.fingerprint
    session.add(
        PackageLog(
            id=package_id,
            direction=package_log.OUT,
            kind="handover",
            channel=out.channel,
            counterpart=", ".join(out.names)[:200],
            sequence=out.sequence,
            sha256=sha,
            previous=out.previous,
            created_at=now,
            records=len(out.gathered.refs),
            recipients=",".join(out.recipients),
        )
    )
    session.flush()
    packages.record_exports(session, package_id, out.gathered, manifest.version)
    identity_tokens.forget_retired(session, scope.actor)
    session.add(
        SourceHandover(
            package_id=package_id,
            direction=OUT,
            source_id=source_id,
            codename=out.codename,
            from_runner=manifest.sender,
            to_runner=runner_fp,
            to_name=out.runner.name[:200],
            from_compartment_id=out.compartment_id,
            compartment_id=out.compartment_id,
            identity=with_identity,
            created_at=now,
        )
    )
    if with_identity:
        audit_chain.append(
            session,
            scope.actor,
            "identity.handed_over",
            record_type="source",
            record_id=source_id,
            compartment_id=out.compartment_id,
            detail={"handover_package": package_id.hex, "to": runner_fp},
        )
    audit_chain.append(
        session,
        scope.actor,
        "source.handed_over",
        record_type="source",
        record_id=source_id,
        compartment_id=out.compartment_id,
        detail={
            "handover_package": package_id.hex,
            "to": runner_fp,
            "sequence": out.sequence,
            "records": len(out.gathered.refs),
            "sha256": sha,
        },
    )


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
        out = _read_outgoing(session, scope, source_id, to_runner, own.fingerprint.hex)
    package_id = uuid.uuid4()
    sealed_identity = _seal_identity(vault, scope, out, source_id, package_id, passphrase)
    manifest, body = _manifest_and_body(
        out, package_id, own.fingerprint.hex, source_id, sealed_identity
    )
    publics = {p.fingerprint: p.recipient_public for p in [out.runner, *out.others]}
    sealer, inner = package.prepare_signed(
        manifest, body, own.signing, [publics[fp] for fp in out.recipients]
    )
    packing = compression.Packing(inner)
    sealed, nonce = sealer.seal_with_nonce(inner)
    sha = hashlib.sha256(sealed).hexdigest()
    target = output_paths.check_file(
        folder / packages.package_file_name(package_id), vaults=[vault.paths.root]
    )
    writing = BackgroundWrite(target, sealed, mode=0o600)
    try:
        with vault.write() as session:
            if package_log.next_out(session, out.channel) != (out.sequence, out.previous):
                raise InvalidInput(
                    "Another package went out meanwhile; hand the source over again."
                )
            _record_handover(
                session, scope, out, manifest, source_id, sha, sealed_identity is not None
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
        out.codename,
        out.runner.name,
        len(out.gathered.refs),
        sealed_identity is not None,
        out.names,
    )


def source_record_ids(session: Session, source_id: uuid.UUID) -> dict[str, list[str]]:
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


def handed_on(session: Session, sender: str) -> set[str]:
    """Sources (hex) this handler's vault saw ``sender`` hand to another runner and
    not get back. A package ``sender`` wrote before the handover may still arrive
    (packages travel in any order): it may name them and their records, but change
    nothing: only the versions this vault holds, or older ones, are taken
    (``package_import``; docs/package-format.md, section 7.4)."""
    seen = {
        s.hex
        for s in session.execute(
            select(SourceHandover.source_id).where(
                SourceHandover.direction == SEEN, SourceHandover.from_runner == sender
            )
        ).scalars()
    }
    if not seen:
        return set()
    back = select(PackageOrigin.record_id).where(
        PackageOrigin.record_type == "source",
        PackageOrigin.record_id.in_([uuid.UUID(hex=s) for s in seen]),
        PackageOrigin.sender == sender,
    )
    return seen - {s.hex for s in session.execute(back).scalars()}


def handed_versions(session: Session, sender: str, record_ids: list[str]) -> dict[str, int]:
    """Record id (hex) -> the newest version of it this vault took in from ``sender``'s
    packages: of a source ``sender`` handed on, what its handover carried (each
    record at a version held, or brought then). A package of that sender written
    before the handover may bring older versions, never one past that."""
    if not record_ids:
        return {}
    from_sender = select(PackageLog.id).where(
        PackageLog.direction == "in",
        PackageLog.peer_id.in_(select(PackagePeer.id).where(PackagePeer.fingerprint == sender)),
    )
    out: dict[str, int] = {}
    for start in range(0, len(record_ids), 500):
        chunk = [uuid.UUID(hex=r) for r in record_ids[start : start + 500]]
        rows = session.execute(
            select(RecordVersion.record_id, func.max(RecordVersion.version))
            .where(RecordVersion.record_id.in_(chunk), RecordVersion.package_id.in_(from_sender))
            .group_by(RecordVersion.record_id)
        ).all()
        out.update({r.hex: int(v) for r, v in rows})
    return out


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


def handovers(vault: Vault, scope: Scope) -> list[HandoverView]:
    """Every handover this vault took part in, newest first (the source may be
    gone from this vault: its codename stays here)."""
    with vault.read() as session:
        member = select(SourceHandover).where(
            visible(SourceHandover.compartment_id, scope, drive=True)
        )
        rows = list(session.execute(member.order_by(SourceHandover.created_at.desc())).scalars())
        named = dict(
            session.execute(
                select(PackagePeer.fingerprint, PackagePeer.name).where(
                    PackagePeer.fingerprint.in_({r.from_runner for r in rows})
                )
            ).all()
        )
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
                named.get(r.from_runner, ""),
            )
            for r in rows
        ]


def of_source(vault: Vault, scope: Scope, source_id: uuid.UUID) -> HandoverView | None:
    """The newest handover of a source this vault took part in, if any."""
    found = [h for h in handovers(vault, scope) if h.source_id == source_id]
    return found[0] if found else None
