"""Receiving a handover package (docs/package-format.md, section 7.4), after its
records were written: the new runner takes the source on (runner assignment, the
true identity sealed again here, what counts as sent), and the handler records
that the new runner's key now holds the source. Sending is in ``handover``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.domain.enums import PeerRole
from app.domain.scope import Scope
from app.errors import PackageError
from app.export.manifest import Manifest
from app.models import RunnerAssignment, Source, TrueIdentity
from app.models.packages import PackageLog, PackageOrigin, PackagePeer, SourceHandover
from app.services.exchange import handover_identity, handover_order, keys
from app.services.exchange.handover import IN, SEEN, source_record_ids
from app.services.records import identity, identity_tokens
from app.services.views import IdentityFields
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class Received:
    role: str  # "new runner" | "handler"
    source_id: uuid.UUID
    identity: bool
    codename: str = ""


def checked_first(
    vault: Vault, manifest: Manifest, sha256: str, handover: dict[str, Any] | None, own_fp: str
) -> IdentityFields | None:
    """What ``package verify`` and ``package import`` both check of a handover
    right after who may take it, before what this vault holds: in a handler's
    vault, that ``to_runner`` is a runner's key it confirmed; in the new runner's,
    the true identity, opened and checked (returned for import to keep; verify
    keeps nothing). Nothing for a package that is no handover, or for this very file
    imported before: import refuses it as that before it is read, and verify says so
    as its status, whatever this vault holds since."""
    if handover is None:
        return None
    with vault.read() as session:
        imported = select(PackageLog.id).where(
            PackageLog.direction == "in", PackageLog.sha256 == sha256
        )
        if session.execute(imported).first() is not None:
            return None
        if handover["to_runner"] != own_fp:
            _check_runner_key(session, handover["to_runner"])
            return None
    seed = keys.private_keys(vault).receiving_seed
    return handover_identity.opened(manifest.package_id, handover, seed)


def _check_runner_key(session: Session, to_runner: str) -> None:
    """A handler follows a handover only to a key it confirmed as a runner's."""
    peer = session.execute(
        select(PackagePeer.role, PackagePeer.active).where(PackagePeer.fingerprint == to_runner)
    ).first()
    if peer is not None and peer.role is not PeerRole.RUNNER:
        raise PackageError(
            "The handover hands the source to a key this vault holds as another role's "
            "(central's or a handler's), not a runner's; nothing was imported."
        )
    if peer is None or not peer.active:
        raise PackageError(
            "The handover hands the source to a runner whose key this vault has not "
            "confirmed: import the new runner's key and compare its fingerprint first, "
            "then import this package again; nothing was imported."
        )


def described(handover: dict[str, Any] | None, sources: list[dict[str, Any]]) -> tuple[str, bool]:
    """A handover's source, as ``CODENAME (id)``, and whether it carries a sealed identity
    (for ``package verify``'s answer); nothing for a package that is no handover."""
    if handover is None:
        return "", False
    wanted = uuid.UUID(handover["source_id"])
    source = next(s for s in sources if uuid.UUID(s["id"]) == wanted)
    return f"{source['codename']} ({source['id']})", handover["identity"] is not None


def check_holder(
    session: Session, handover: dict[str, Any] | None, sender: str, own_fp: str
) -> dict[str, str]:
    """Before a handover's records are written: a handler takes it only from the
    source's runner here, or from the old runner when the new runner's package came
    first (``handover_order.check_handler``, whose answer this returns for
    ``package_import``); a runner it is handed back to has first taken in the
    receipt for handing it on. Nothing to check for another kind of package."""
    if handover is None:
        return {}
    if handover["to_runner"] != own_fp:
        return handover_order.check_handler(session, handover, sender)
    waiting = session.execute(
        select(SourceHandover.package_id)
        .join(Source, Source.id == SourceHandover.source_id)
        .where(
            SourceHandover.source_id == uuid.UUID(handover["source_id"]),
            SourceHandover.direction == "out",
            SourceHandover.confirmed_at.is_(None),
        )
        .limit(1)
    ).first()
    if waiting is not None:
        # Its records are still here as this vault's own until that receipt: taking
        # the source back first would mix the two.
        raise PackageError(
            "This vault handed that source on and has not taken in the new runner's "
            "receipt for it yet: take in that receipt first (Packages, Take in a "
            "receipt), then import this handover again; nothing was imported."
        )
    return {}


def received(
    vault: Vault,
    session: Session,
    scope: Scope,
    manifest: Manifest,
    handover: dict[str, Any],
    source: dict[str, Any],
    refs: list[tuple[str, uuid.UUID, int, str]],
    own_fingerprint: str,
    fields: IdentityFields | None,
) -> Received:
    """After ``package_import.apply`` wrote the records (same transaction): the
    new runner takes the source on (runner assignment, the identity ``checked_first``
    opened, what counts as sent); the handler records that the new runner's key
    now holds it."""
    source_id = uuid.UUID(handover["source_id"])
    compartment_id = uuid.UUID(source["compartment_id"])
    new_runner = handover["to_runner"] == own_fingerprint
    if new_runner:
        _take_on(session, scope, manifest, source_id, compartment_id, refs)
        if fields is not None:
            _keep_identity(vault, session, scope, manifest, source_id, compartment_id, fields)
    else:
        _follow_new_runner(session, manifest, source_id, handover["to_runner"])
    _record_received(session, scope, manifest, handover, source, new_runner)
    role = "new runner" if new_runner else "handler"
    return Received(role, source_id, fields is not None, str(source["codename"]))


def _take_on(
    session: Session,
    scope: Scope,
    manifest: Manifest,
    source_id: uuid.UUID,
    compartment_id: uuid.UUID,
    refs: list[tuple[str, uuid.UUID, int, str]],
) -> None:
    """The new runner runs the source from now on."""
    session.merge(RunnerAssignment(source_id=source_id, alias_id=scope.alias_id, is_primary=True))
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


def _keep_identity(
    vault: Vault,
    session: Session,
    scope: Scope,
    manifest: Manifest,
    source_id: uuid.UUID,
    compartment_id: uuid.UUID,
    fields: IdentityFields,
) -> None:
    """The true identity the handover brought, sealed here as this vault seals its
    own, with its blind tokens under this vault's key."""
    sealed = identity.seal_identity(vault, source_id, fields)
    tokens = identity_tokens.compute(vault, fields)
    session.execute(delete(TrueIdentity).where(TrueIdentity.source_id == source_id))
    session.add(TrueIdentity(source_id=source_id, compartment_id=compartment_id, sealed=sealed))
    session.flush()
    identity_tokens.store(session, source_id, tokens)
    audit_chain.append(
        session,
        scope.actor,
        "identity.received",
        record_type="source",
        record_id=source_id,
        compartment_id=compartment_id,
        detail={"handover_package": manifest.package_id.hex, "from": manifest.sender},
    )


def _follow_new_runner(
    session: Session, manifest: Manifest, source_id: uuid.UUID, to_runner: str
) -> None:
    """From now on the new runner's key is the one that may change the source and
    its records here; the old runner's may not."""
    for record_type, ids in source_record_ids(session, source_id).items():
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


def _record_received(
    session: Session,
    scope: Scope,
    manifest: Manifest,
    handover: dict[str, Any],
    source: dict[str, Any],
    new_runner: bool,
) -> None:
    source_id = uuid.UUID(handover["source_id"])
    compartment_id = uuid.UUID(source["compartment_id"])
    to_runner = handover["to_runner"]
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
            created_at=utc_now(),
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


def _peer_name(session: Session, fingerprint: str) -> str:
    name = session.execute(
        select(PackagePeer.name).where(PackagePeer.fingerprint == fingerprint)
    ).scalar_one_or_none()
    return name or ""
