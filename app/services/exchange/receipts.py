"""Receipts: the handler confirms, signed and sealed to the runner, which packages
arrived (by id and hash) and passes back the reviews made since the last receipt;
the runner imports the receipt and, per the vault's retention rule, purges what
the handler now holds.

A receipt is a package of kind ``receipt`` (docs/package-format.md): same
container, same signature, its own numbered channel from handler to runner.
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain import names
from app.domain.enums import DebriefStatus, PeerRole, Role
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import InvalidInput, NotFound, Notice, PackageError, VaultError
from app.export import package
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest, ReceiptEntry
from app.models import Alias, Debrief
from app.models.packages import PackageLog, PackagePeer, RecordVersion
from app.services.admin import aliases
from app.services.admin import settings as vault_settings
from app.services.exchange import (
    handover_confirm,
    keys,
    outgoing_copies,
    package_log,
    package_validation,
    purge,
    receipt_returns,
)
from app.services.exchange.package_arrival import (
    PackageSource,
    arrival_of,
    log_arrival,
    open_verified,
    refuse_if_replayed,
)
from app.services.exchange.packages import write_package_file
from app.services.files import output_paths
from app.vault import audit_chain, migrate, text_guard
from app.vault.vault import Vault

REVIEWED = (DebriefStatus.APPROVED, DebriefStatus.RETURNED)


class UnknownPackage(PackageError):
    """A receipt names a package this vault never sent (or with other bytes)."""


@dataclass(frozen=True)
class ReceiptResult:
    receipt_id: uuid.UUID
    path: Path
    packages: int
    reviews: int


def _runner_peer(session: Session, runner: str) -> PackagePeer:
    """A runner by the name given to its key, or by (a prefix of) its fingerprint."""
    wanted = runner.strip()
    wanted_key = names.lookup_key(wanted, NameKind.KEY)
    digits = keys.normalise_spoken(wanted)

    def matches(p: PackagePeer) -> bool:
        if names.key(p.name) == wanted_key:
            return True
        if len(wanted) >= 8 and p.fingerprint.startswith(wanted.lower()):
            return True
        return len(digits) >= 10 and keys.normalise_spoken(p.spoken).startswith(digits)

    peers = [
        p
        for p in session.execute(
            select(PackagePeer).where(
                PackagePeer.role == PeerRole.RUNNER, PackagePeer.active.is_(True)
            )
        ).scalars()
        if matches(p)
    ]
    if not peers:
        raise NotFound(
            "No confirmed runner key by that name or fingerprint; 'veldboek keys peers' "
            "lists the keys this vault confirmed (in the app: Packages, Keys)."
        )
    if len(peers) > 1:
        raise InvalidInput("More than one runner key matches; give more of the fingerprint.")
    return peers[0]


def _reviews_since(
    session: Session, runner: PackagePeer, since: datetime | None
) -> list[dict[str, Any]]:
    """Reviews (approve/return) of debriefs this runner sent, made after ``since``."""
    from_runner = select(PackageLog.id).where(
        PackageLog.direction == package_log.IN, PackageLog.peer_id == runner.id
    )
    ids = select(RecordVersion.record_id).where(
        RecordVersion.record_type == "debrief", RecordVersion.package_id.in_(from_runner)
    )
    query = select(Debrief).where(Debrief.id.in_(ids), Debrief.status.in_(REVIEWED))
    if since is not None:
        query = query.where(Debrief.reviewed_at > since)
    alias_names = dict(session.execute(select(Alias.id, Alias.name)).all())
    out = []
    for d in session.execute(query.order_by(Debrief.reviewed_at, Debrief.id)).scalars():
        if d.reviewed_at is None:
            continue
        out.append(
            {
                "debrief_id": str(d.id),
                "status": d.status.value,
                "reviewer": alias_names.get(d.reviewer_alias_id, "") if d.reviewer_alias_id else "",
                "comment": d.review_comment,
                "reviewed_at": iso_utc(d.reviewed_at),
            }
        )
    return out


def _any_from(session: Session, peer: PackagePeer, kind: str) -> bool:
    came = select(PackageLog.id).where(
        PackageLog.direction == package_log.IN,
        PackageLog.kind == kind,
        PackageLog.peer_id == peer.id,
    )
    return session.execute(came.limit(1)).first() is not None


def _to_confirm(
    session: Session, peer: PackagePeer, kind: str, package_ids: Sequence[uuid.UUID] | None
) -> list[PackageLog]:
    """The packages of ``kind`` imported from ``peer`` that the receipt confirms."""
    query = select(PackageLog).where(
        PackageLog.direction == package_log.IN,
        PackageLog.kind == kind,
        PackageLog.peer_id == peer.id,
    )
    if package_ids is None:
        query = query.where(PackageLog.confirmed_at.is_(None))
    else:
        query = query.where(PackageLog.id.in_(list(package_ids)))
    confirmed = list(session.execute(query.order_by(PackageLog.sequence)).scalars())
    if package_ids is not None and len(confirmed) != len(set(package_ids)):
        raise NotFound("Not every package named was imported from that runner.")
    if not confirmed and package_ids is None and not _any_from(session, peer, kind):
        # "already confirmed" of packages that never came would send one looking.
        raise InvalidInput("This vault has imported no package from that runner to confirm.")
    if not confirmed:
        raise InvalidInput("Every package from that runner is already confirmed.")
    return confirmed


def _last_receipt_at(session: Session, peer: PackagePeer) -> datetime | None:
    """When this vault last issued a receipt to ``peer`` (None: never)."""
    return session.execute(
        select(PackageLog.created_at)
        .where(
            PackageLog.direction == package_log.OUT,
            PackageLog.kind == "receipt",
            PackageLog.peer_id == peer.id,
        )
        .order_by(PackageLog.created_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def create_receipt(
    vault: Vault,
    scope: Scope,
    *,
    runner: str,
    to_dir: Path,
    package_ids: Sequence[uuid.UUID] | None = None,
) -> ReceiptResult:
    """Confirm the runner's imported packages not yet confirmed (or the ones
    named), sealed to that runner and signed by this vault."""
    # A runner confirms only a source handed over to them (``handover``).
    kind = "debriefs" if scope.role is Role.HANDLER else "handover"
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    own = keys.private_keys(vault)
    with vault.read() as session:
        peer = _runner_peer(session, runner)
        confirmed = _to_confirm(session, peer, kind, package_ids)
        reviews = (
            _reviews_since(session, peer, _last_receipt_at(session, peer))
            if kind == "debriefs"
            else []
        )
        recipients = [peer.fingerprint]
        channel = package_log.channel_key(own.fingerprint.hex, recipients)
        sequence, previous = package_log.next_out(session, channel)
        peer_id, peer_name, peer_public = peer.id, peer.name, peer.recipient_public
    receipt_id = uuid.uuid4()
    now = utc_now()
    manifest = Manifest(
        kind="receipt",
        package_id=receipt_id,
        created_at=iso_utc(now),
        schema=migrate.SCHEMA_HEAD,
        sender=own.fingerprint.hex,
        recipients=tuple(recipients),
        sequence=sequence,
        previous=previous,
        receipts=tuple(ReceiptEntry(p.id, p.sha256) for p in confirmed),
    )
    sealed = package.seal(manifest, {"reviews": reviews}, own.signing, [peer_public])
    with vault.write() as session:
        session.add(
            PackageLog(
                id=receipt_id,
                direction=package_log.OUT,
                kind="receipt",
                peer_id=peer_id,
                channel=channel,
                counterpart=peer_name,
                sequence=sequence,
                sha256=hashlib.sha256(sealed).hexdigest(),
                previous=previous,
                created_at=now,
                records=len(confirmed),
                sealed=sealed,
            )
        )
        for row in confirmed:
            stored = session.get(PackageLog, row.id)
            if stored is not None and stored.confirmed_at is None:
                stored.confirmed_at, stored.confirmed_by = now, receipt_id
        if kind == "handover":
            handover_confirm.receipt_issued(session, [p.id for p in confirmed], now)
        audit_chain.append(
            session,
            scope.actor,
            "receipt.issued",
            record_type="package",
            record_id=receipt_id,
            detail={
                "runner": peer.fingerprint,
                "packages": len(confirmed),
                "reviews": len(reviews),
            },
        )
    path = write_package_file(vault, receipt_id, folder, sealed)
    return ReceiptResult(receipt_id, path, len(confirmed), len(reviews))


# -- runner side ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptImport:
    receipt_id: uuid.UUID
    sender: str
    confirmed: int
    already_confirmed: int
    reviews_applied: int
    purged: int
    retention: str
    warnings: tuple[Notice, ...] = ()
    sources_purged: int = 0  # handed-over sources that left with their debriefs


def _reviews(body: dict[str, Any], version: int) -> list[dict[str, Any]]:
    """The reviews of a receipt's body, each as section 7.2 declares it (the
    ``review`` record of ``app.models.wire``), in the order the handler made them
    (by ``reviewed_at``, then ``debrief_id``), one per debrief."""
    if set(body) != {"reviews"} or not isinstance(body["reviews"], list):
        raise MalformedPackage("The receipt's body is malformed.")
    out = []
    for r in body["reviews"]:
        try:
            package_validation.check("review", version, r)
        except package_validation.BadName:
            raise MalformedPackage(
                "The receipt names a reviewer by a name that is too long or holds "
                "characters that cannot be shown safely; nothing was taken in."
            ) from None
        except package_validation.Bad:
            raise MalformedPackage("A review in the receipt is malformed.") from None
        at = datetime.fromisoformat(r["reviewed_at"].replace("Z", "+00:00"))
        out.append({**r, "reviewed_at": at})
    # One review per debrief: a second could hide a return from the purge's choice.
    if len({r["debrief_id"] for r in out}) != len(out):
        raise MalformedPackage("The receipt reviews a debrief twice.")
    order = [(r["reviewed_at"], r["debrief_id"]) for r in out]
    if any(a >= b for a, b in itertools.pairwise(order)):
        raise MalformedPackage("The receipt's reviews are not in the order they were made.")
    return out


def _reviewer(session: Session, name: str) -> uuid.UUID | None:
    # A colleague's cover name: known here so the review can name them, never an
    # alias this vault's user can act under.
    return aliases.colleague_id(session, name) if name else None


def _apply_review(session: Session, scope: Scope, review: dict[str, Any]) -> DebriefStatus | None:
    """The status the review gave the debrief, or None if it does not apply.

    A review applies (docs/package-format.md, section 11) when this vault still
    holds the debrief, it is no draft, the review was made at or after the
    debrief's last submission (a review of an earlier submission says nothing
    about the answer), and after any review this vault already holds for it (a
    handler may return what it approved before, or approve what it returned)."""
    debrief = session.get(Debrief, uuid.UUID(review["debrief_id"]))
    if debrief is None or debrief.status is DebriefStatus.DRAFT:
        return None  # purged already, or being answered here
    at = review["reviewed_at"]
    if debrief.submitted_at is not None and debrief.submitted_at > at:
        return None  # the review is of an earlier submission
    if debrief.reviewed_at is not None and debrief.reviewed_at >= at:
        return None  # this vault holds that review, or a later one
    debrief.status = DebriefStatus(review["status"])
    debrief.reviewed_at = at
    debrief.reviewer_alias_id = _reviewer(session, review["reviewer"])
    text_guard.as_sent(debrief, "review_comment", review["comment"])  # kept as it came
    audit_chain.append(
        session,
        scope.actor,
        f"debrief.{'approved' if debrief.status is DebriefStatus.APPROVED else 'returned'}",
        record_type="debrief",
        record_id=debrief.id,
        compartment_id=debrief.compartment_id,
        detail={"by": "receipt"},
    )
    return debrief.status


def _sealed_to_others(sent: PackageLog, sender: str) -> bool:
    """Was ``sent`` sealed to a recipient besides ``sender`` (known since 0007)?"""
    return sent.recipients is not None and any(r != sender for r in sent.recipients.split(",") if r)


def _confirm(
    session: Session, m: Manifest, sender_role: PeerRole, now: datetime
) -> tuple[int, int, list[uuid.UUID]]:
    """Mark the packages the receipt names as confirmed: (newly confirmed, already
    confirmed, ids of the handover packages among them). Refused whole if it names
    a package this vault did not send to its sender."""
    confirmed = already = 0
    handed_over: list[uuid.UUID] = []
    for entry in m.receipts:
        sent = session.get(PackageLog, entry.package_id)
        if sent is None or sent.direction != package_log.OUT or sent.sha256 != entry.sha256:
            raise UnknownPackage(
                "The receipt names a package this vault did not send (or with other "
                "contents); nothing was changed."
            )
        if sent.recipients is not None and m.sender not in sent.recipients.split(","):
            raise UnknownPackage(
                "The receipt comes from a key that package was not sealed to; nothing was changed."
            )
        handover_confirm.check_receipt_entry(session, sent, sender_role)
        # Central's receipt confirms what central holds, not that the handler, to
        # whom the package went as well, has it: the copy stays, to be written again
        # for the handler (package write), until a receipt of another recipient.
        for_handler = sender_role is PeerRole.CENTRAL and _sealed_to_others(sent, m.sender)
        if sent.confirmed_at is not None:
            already += 1
            if not for_handler:
                sent.sealed = None
                outgoing_copies.drop(session, sent.id)
            continue
        sent.confirmed_at, sent.confirmed_by = now, m.package_id
        if not for_handler:
            sent.sealed = None
            outgoing_copies.drop(session, sent.id)
        confirmed += 1
        if sent.kind == "handover":
            handed_over.append(sent.id)
    return confirmed, already, handed_over


def _compact(vault: Vault) -> tuple[Notice, ...]:
    """Rebuild the vault file after a secure delete; a notice if it cannot be yet."""
    try:
        vault.compact()
    except VaultError:  # the receipt and the purge are committed; the rebuild is owed
        return (
            Notice(
                "The confirmed debriefs are deleted, but the vault file could not be "
                "rebuilt yet (is the disk full?); it is rebuilt at the next unlock."
            ),
        )
    return ()


def _purge(
    session: Session,
    scope: Scope,
    purge_plan: tuple[list[tuple[uuid.UUID, uuid.UUID]], str],
    outcomes: dict[uuid.UUID, DebriefStatus | None],
    handed_over: list[uuid.UUID],
    now: datetime,
) -> tuple[int, int]:
    """Purge per the rule, in the receipt's transaction (a receipt is never taken in
    without the purge its rule asks for; a second import of it is refused as a
    replay). Returns the debriefs purged and the handed-over sources that left."""
    targets, rule = purge_plan
    # A return that applies keeps the debrief, approved before or not: the runner
    # has to answer it. The debriefs a confirmed handover carried go with their
    # source below, counted (and audited) there.
    leaving = handover_confirm.debriefs_left_to_confirm(session, handed_over)
    kept = [
        (rid, pid)
        for rid, pid in dict(targets).items()
        if outcomes.get(rid) in (None, DebriefStatus.APPROVED) and rid not in leaving
    ]
    purged = purge.purge_targets(session, scope, kept, rule)
    # The new runner holds the source now: it leaves this vault per the rule.
    sources_left = 0
    for package_id in handed_over:
        done = handover_confirm.confirmed(session, scope, package_id, rule, now)
        purged += done.debriefs
        sources_left += done.source_left
    return purged, sources_left


def import_receipt(vault: Vault, scope: Scope, source: PackageSource) -> ReceiptImport:
    """Check the receipt, mark the packages it names as confirmed, apply the
    reviews, then purge per the retention rule. ``source``: the file (refused unread
    unless a regular file within ``limits.MAX_RECEIPT_BYTES``) or its bytes."""
    try:
        verified = open_verified(
            vault,
            source,
            kind="receipt",
            sender_roles=(PeerRole.HANDLER, PeerRole.CENTRAL, PeerRole.RUNNER),
        )
        m = verified.opened.manifest
        reviews = _reviews(verified.opened.body, m.version)
        if reviews and verified.sender.role is PeerRole.RUNNER:
            raise MalformedPackage("A runner's receipt carries reviews; nothing was changed.")
        now = utc_now()
        rule = vault_settings.load(vault).retention_after_receipt
        with vault.write() as session:
            arrival = arrival_of(session, verified)
            refuse_if_replayed(arrival, receipt=True)
            confirmed, already, handed_over = _confirm(session, m, verified.sender.role, now)
            # Confirmed and unchanged before the reviews: an approval changes the
            # record only by what the handler already holds, so it may still go; a
            # return changes it (it has to go out again).
            targets = purge.purgeable(session) if rule != "keep" else []
            unheld = receipt_returns.not_held(session, reviews)
            outcomes = {
                uuid.UUID(r["debrief_id"]): _apply_review(session, scope, r) for r in reviews
            }
            applied = sum(status is not None for status in outcomes.values())
            purged, sources_left = _purge(
                session, scope, (targets, rule), outcomes, handed_over, now
            )
            log_arrival(session, verified, records=len(m.receipts))
            audit_chain.append(
                session,
                scope.actor,
                "receipt.imported",
                record_type="package",
                record_id=m.package_id,
                detail={"confirmed": confirmed, "already": already, "reviews": applied},
            )
    except PackageError as exc:
        with vault.write() as session:
            audit_chain.append(
                session,
                scope.actor,
                "receipt.refused",
                record_type="package",
                detail={"reason": type(exc).__name__},
            )
        raise
    warnings = arrival.warnings + unheld
    if (purged or sources_left) and rule == "secure_delete":
        warnings += _compact(vault)
    return ReceiptImport(
        m.package_id,
        verified.sender.name,
        confirmed,
        already,
        applied,
        purged,
        rule,
        warnings,
        sources_left,
    )
