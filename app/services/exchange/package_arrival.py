"""A package or receipt arriving: decrypted as its file is read, its signer a
confirmed peer of the expected role, this vault one of its recipients
(``open_verified``); then its place in its channel's package log (a replay or a
second package with the same number is refused)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import age
from app.domain.enums import PeerRole
from app.export import package
from app.export.errors import MalformedPackage, ReplayedPackage, UnknownSender
from app.models.packages import PackageLog, PackagePeer
from app.services.exchange import keys, package_log
from app.services.files import user_files
from app.vault.vault import Vault

# A package as a file the user chose, or its bytes (tests, benchmarks).
PackageSource = Path | bytes


@dataclass(frozen=True)
class Verified:
    opened: package.Opened
    sender: PackagePeer
    channel: str


# How a key bundle file begins (canonical JSON, its members sorted): both files lie
# on one stick, and "not a Veldboek package" would not say which command takes it.
_BUNDLE_START = b'{"created_at":'
_BUNDLE_FORMAT = b'"format":"' + keys.BUNDLE_FORMAT.encode() + b'"'


def _refuse_a_key_bundle(stream: io.FileIO) -> None:
    start = stream.read(128)
    stream.seek(0)
    if start.startswith(_BUNDLE_START) and _BUNDLE_FORMAT in start:
        raise MalformedPackage(
            "This is a key bundle, not a package: add it with 'veldboek keys import' and "
            "the fingerprint its owner reads out (in the app: Packages, Keys)."
        )


def decrypt(source: PackageSource, kind: user_files.Kind, receiving_seed: bytes) -> age.Decrypted:
    """The container of a package or receipt, decrypted as its file is read."""
    if isinstance(source, bytes):
        return package.decrypt(source, receiving_seed)
    with user_files.opened(source, kind) as chosen:
        _refuse_a_key_bundle(chosen.stream)
        return package.decrypt(age.Source(chosen.stream, chosen.size), receiving_seed)


def inspect(source: PackageSource) -> dict[str, Any]:
    """``package.inspect`` of a file the user chose: only its header is read."""
    if isinstance(source, bytes):
        return package.inspect(source)
    with user_files.opened(source, user_files.PACKAGE) as chosen:
        _refuse_a_key_bundle(chosen.stream)
        return package.inspect(age.Source(chosen.stream, chosen.size))


def open_verified(
    vault: Vault,
    source: PackageSource,
    *,
    kind: str | tuple[str, ...],
    sender_roles: tuple[PeerRole, ...],
    decrypted: Callable[[str], None] | None = None,
) -> Verified:
    """Decrypt, check the signer is a confirmed peer of one of ``sender_roles`` and
    that this vault was addressed by the signer. ``decrypted`` is called with the
    file's SHA-256 once it is decrypted, before it is parsed."""
    kinds = (kind,) if isinstance(kind, str) else kind
    own = keys.private_keys(vault)
    file_kind = user_files.RECEIPT if kinds == ("receipt",) else user_files.PACKAGE
    plain = decrypt(source, file_kind, own.receiving_seed)
    if decrypted is not None:
        decrypted(plain.sha256)
    # A debriefs (or handover) body is parsed, proven canonical and checked value
    # by value in ``package_body``; its files are never parsed at all.
    opened = package.parse(plain, parse_body="receipt" in kinds)
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
        _refuse_retired(vault, opened, sender_roles)
        raise UnknownSender(
            "The package is signed by a key this vault has not confirmed for that role "
            "(import and compare the sender's key first)."
        )
    opened.inner.verify(sender.signing_public)
    package.check_recipients(opened, own.fingerprint.hex)
    if manifest.kind == "receipt" and "receipt" not in kinds:
        raise MalformedPackage(
            "This is a receipt, not a package: take it in with 'receipt import' (in the "
            "app: Packages, Take in a receipt)."
        )
    if kinds == ("receipt",) and manifest.kind != "receipt":
        raise MalformedPackage(
            "This is a {found} package, not a receipt: import it with 'veldboek package "
            "import' (in the app: Packages, Check and import a package); nothing was changed.",
            found=manifest.kind,
        )
    if manifest.kind not in kinds:
        raise MalformedPackage(
            "This is a {found} package, not a {wanted} package.",
            found=manifest.kind,
            wanted=" or ".join(kinds),
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


def refuse_if_replayed(arrival: package_log.Arrival, *, receipt: bool = False) -> None:
    """Refuse a package (or, ``receipt``, a receipt) this vault took in before, or
    another with its number."""
    if receipt:
        _refuse_if_receipt_replayed(arrival)
    if arrival.status == "already imported":
        raise ReplayedPackage("This package was already imported; nothing was changed.")
    if arrival.status == "conflict":
        raise ReplayedPackage(
            "Another package with the same number from this sender was already imported; "
            "nothing was changed."
        )


def _refuse_if_receipt_replayed(arrival: package_log.Arrival) -> None:
    if arrival.status == "already imported":
        raise ReplayedPackage("This receipt was already taken in; nothing was changed.")
    if arrival.status == "conflict":
        raise ReplayedPackage(
            "Another receipt with the same number from this sender was already taken in; "
            "nothing was changed."
        )


def _refuse_retired(
    vault: Vault, opened: package.Opened, sender_roles: tuple[PeerRole, ...]
) -> None:
    """A key this vault confirmed and later retired is named as such, not as one it
    never confirmed: the user retired it, and comparing it again is not the answer.
    Its signature is checked first, so a package merely naming it is a forgery."""
    with vault.read() as session:
        retired = session.execute(
            select(PackagePeer.signing_public).where(
                PackagePeer.fingerprint == opened.manifest.sender,
                PackagePeer.active.is_(False),
                PackagePeer.role.in_(sender_roles),
            )
        ).scalar()
    if retired is not None:
        opened.inner.verify(retired)
        raise UnknownSender(
            "The package is signed by a key this vault retired; it takes no package "
            "of that key any more. Nothing was imported."
        )
