"""Receiving packages: a handler verifies a runner's package and imports it.

Everything is checked before anything is kept: that this vault is a recipient,
that the signer is a confirmed peer of the right role, that the manifest names
this vault (so a recipient cannot re-seal it to a third party), that every record
and file matches its hash, the sender's audit events (checked while the search
index is written, inside the transaction), and how the package fits its channel
(a replay or a second package with the same number is refused; a gap or a late
arrival is imported with a warning). The import is one transaction: a refusal
anywhere leaves the vault as it was, apart from the audit event that records the
refusal.
The decrypted container is kept once as evidence (``package_evidence``),
compressed in a thread of its own while the records are written.

Memory: the file is decrypted chunk by chunk as it is read (``user_files``: a
regular file within the limit, or refused unread), so the container is the one
copy of the package held; its body is read where it lies in it (``package_body``).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import PeerRole, Role
from app.domain.scope import Scope
from app.errors import AccessDenied, Notice, PackageError
from app.export import compression
from app.export.deconfliction import KEY_KIND, NOTICE_KIND
from app.export.errors import (
    NotForThisVault,
    UnknownSender,
)
from app.export.manifest import Manifest
from app.models.packages import PackageLog
from app.services.exchange import (
    deconfliction_key,
    handover_receive,
    keys,
    package_body,
    package_evidence,
    package_import,
    package_log,
)
from app.services.exchange.gc_pause import collection_paused
from app.services.exchange.package_arrival import (
    PackageSource,
    Verified,
    arrival_of,
    log_arrival,
    open_verified,
    refuse_if_replayed,
)
from app.services.records.identity_recompute import Recomputed
from app.services.views import IdentityFields
from app.vault import audit_chain
from app.vault.engine import bulk_cache
from app.vault.vault import Vault

if TYPE_CHECKING:
    from app.services.exchange.deconfliction_notices import NoticeImport

ProgressFn = Callable[[int, int], None]


def _refuse_known_file(vault: Vault, sha: str) -> None:
    """A file byte for byte the same as one already imported is a replay, refused
    before it is parsed: it was verified in full when it was imported, and its
    second import would change nothing. (A replay under another name or another
    package with the same number is found after verification, by ``_arrival``.)"""
    with vault.read() as session:
        seen = session.execute(
            select(PackageLog.id).where(
                PackageLog.direction == package_log.IN, PackageLog.sha256 == sha
            )
        ).first()
    if seen is not None:
        refuse_if_replayed(package_log.Arrival("already imported"))


def _refused(vault: Vault, scope: Scope, exc: Exception) -> None:
    # Auditing a refusal must never hide the refusal itself.
    with contextlib.suppress(Exception):
        vault.audit(
            scope.actor,
            "package.refused",
            record_type="package",
            detail={"reason": type(exc).__name__},
        )


# What ``package verify`` and ``package import`` take: a runner's debriefs, or a
# source handed from one runner to another (docs/package-format.md, 7.4), from a
# runner; a deconfliction key (7.5), from central or the handler; central's
# notice of deconfliction matches (7.6).
PACKAGE_KINDS = ("debriefs", "handover")
IMPORT_KINDS = VERIFY_KINDS = (*PACKAGE_KINDS, KEY_KIND, NOTICE_KIND)
_SENDERS = (PeerRole.RUNNER, PeerRole.HANDLER, PeerRole.CENTRAL)


def _check_sender(scope: Scope, verified: Verified) -> None:
    """A record package comes from a runner; a key, as ``deconfliction_key`` says;
    a notice, from central (``deconfliction_notices.take_in`` says so)."""
    kind = verified.opened.manifest.kind
    if kind == KEY_KIND:
        deconfliction_key.check_sender(scope, verified.sender)
    elif kind != NOTICE_KIND and verified.sender.role is not PeerRole.RUNNER:
        raise UnknownSender(
            "The package is signed by a key this vault has not confirmed for that role "
            "(import and compare the sender's key first)."
        )


def _check_importer(
    vault: Vault, scope: Scope, verified: Verified, contents: package_body.Contents
) -> tuple[str, IdentityFields | None]:
    """Who may take this package: a debriefs package, a handler; a handover, the
    runner it names (into their own files) or a handler, then what both check of it
    first (``handover_receive.checked_first``). Returns this vault's fingerprint and
    a handover's true identity, opened (import keeps it; verify does not)."""
    own_fp = keys.own_fingerprint(vault).hex
    if contents.handover is None:
        if scope.role is not Role.HANDLER:
            raise AccessDenied(
                "Packages of debriefs are imported by a handler; a runner imports only a "
                "source handed over to them."
            )
    elif contents.handover["to_runner"] == own_fp:
        if scope.role is not Role.RUNNER:
            raise AccessDenied("A handed-over source is taken on under a runner's cover name.")
    elif scope.role is not Role.HANDLER:
        raise AccessDenied("This handover is for another runner; a handler imports it too.")
    o = verified.opened
    return own_fp, handover_receive.checked_first(
        vault, o.manifest, o.sha256, contents.handover, own_fp
    )


@dataclass(frozen=True)
class PackageCheck:
    package_id: uuid.UUID
    sender: str
    sender_spoken: str
    sequence: int
    records: int  # debriefs
    files: int
    audit_events: int
    created_at: str
    status: str  # "new" | "gap" | "late" | "already imported" | "conflict"
    sha256: str  # of the file: ``import_package(expected_sha256=...)`` imports this one only
    warnings: tuple[Notice, ...] = ()
    file_records: int = 0  # records of the sources' files (format version 3)
    version: int = 0  # the package's format version
    kind: str = "debriefs"
    key_id: str = ""  # a deconfliction key package: the key's id (never its secret)
    matches: int = 0  # a deconfliction notice: how many matches it tells of
    # A handover: the source it hands over, and whether a sealed true identity travels.
    handover_source: str = ""  # "CODENAME (id)"
    handover_identity: bool = False


def checked(
    vault: Vault,
    scope: Scope,
    verified: Verified,
    arrival: package_log.Arrival,
    *,
    records: int = 0,
    files: int = 0,
    file_records: int = 0,
    warnings: tuple[Notice, ...] = (),
    key_id: str = "",
    matches: int = 0,
    handover: tuple[str, bool] = ("", False),
) -> PackageCheck:
    """Audit the check and say what passed it, by the counts of its kind."""
    m = verified.opened.manifest
    vault.audit(
        scope.actor,
        "package.verified",
        record_type="package",
        record_id=m.package_id,
        detail={"status": arrival.status},
    )
    return PackageCheck(
        m.package_id, verified.sender.name, verified.sender.spoken, m.sequence, records, files,
        m.audit_events, m.created_at, arrival.status, verified.opened.sha256,
        arrival.warnings + warnings, file_records, m.version, m.kind, key_id, matches,
        *handover,
    )  # fmt: skip


@collection_paused()
def verify_package(vault: Vault, scope: Scope, source: PackageSource) -> PackageCheck:
    """Everything import checks, without changing the vault (only the audit log)."""
    try:
        verified = _opened(vault, scope, source)
        _check_sender(scope, verified)
        kind = verified.opened.manifest.kind
        # Imported here: those modules build on this one.
        if kind == KEY_KIND:
            from app.services.exchange import key_receive

            return key_receive.verify(vault, scope, verified)
        if kind == NOTICE_KIND:
            from app.services.exchange import deconfliction_notices

            return deconfliction_notices.verify(vault, scope, verified)
        # In import's order (one file, one error): the body, who may take it, then
        # the audit events, then what this vault holds.
        contents = package_body.contents(verified.opened, events_later=True)
        own_fp, _ = _check_importer(vault, scope, verified, contents)
        contents.check_events()
        with vault.read() as session:
            arrival = arrival_of(session, verified)
            notices = package_import.codename_notices(
                session, contents.sources, verified.opened.manifest.sender
            )
        if arrival.status not in ("already imported", "conflict"):  # else said as its status
            _check_held(vault, scope, verified, contents, own_fp)
    except PackageError as exc:
        _refused(vault, scope, exc)
        raise
    debriefs = sum(ref.type == "debrief" for ref in verified.opened.manifest.records)
    return checked(
        vault, scope, verified, arrival, records=debriefs, files=len(contents.blobs),
        warnings=notices, file_records=len(verified.opened.manifest.records) - debriefs,
        handover=handover_receive.described(contents.handover, contents.sources),
    )  # fmt: skip


class _RolledBack(Exception):
    """Ends ``_check_held``'s transaction: nothing it wrote stays."""


def _check_held(
    vault: Vault,
    scope: Scope,
    verified: Verified,
    contents: package_body.Contents,
    own_fp: str,
) -> None:
    """What import refuses by what this vault holds (who brought which record, a
    version held with other content, a source its sender handed on, a child's id
    that another record uses), refused here alike: import's own checks, in a
    transaction that is rolled back. Only a clash the writing itself meets (a
    database constraint) is left to import."""
    m = verified.opened.manifest
    handover = contents.handover
    try:
        with vault.write() as session:
            first = handover_receive.check_holder(session, handover, m.sender, own_fp)
            package_import.check(
                session,
                scope,
                m.package_id,
                m.sender,
                contents.sources,
                contents.records,
                version=m.version,
                new_runner_first=first,
            )
            raise _RolledBack
    except _RolledBack:
        pass


@dataclass(frozen=True)
class ImportResult:
    package_id: uuid.UUID
    sender: str
    sequence: int
    new: int  # debriefs, as the four counts here
    updated: int
    unchanged: int
    older: int
    audit_events: int  # kept with the package's container (``package_evidence``)
    warnings: tuple[Notice, ...] = ()
    # The records of the sources' files (format version 3), counted the same way.
    file_records: package_import.ImportCounts = field(default_factory=package_import.ImportCounts)
    kind: str = "debriefs"
    taken_on: handover_receive.Received | None = None  # a handover package: what this vault did
    key: deconfliction_key.KeyStored | None = None  # a deconfliction key package
    recomputed: Recomputed | None = None  # its tokens, when the passphrase was given
    notice: NoticeImport | None = None  # a deconfliction notice: what it told


def _opened(
    vault: Vault,
    scope: Scope,
    source: PackageSource,
    decrypted: Callable[[str], None] | None = None,
) -> Verified:
    """``open_verified`` as verify and import both do it, in the same words."""
    try:
        verified = open_verified(
            vault,
            source,
            kind=IMPORT_KINDS,
            sender_roles=_SENDERS,
            decrypted=decrypted,
        )
    except NotForThisVault:
        if scope.role is Role.HANDLER:
            raise
        # A runner's own package, or one sealed to other vaults: say both.
        raise NotForThisVault(
            "This vault's key opens none of the package's recipient slots: the package is "
            "not addressed to this vault (a runner's vault takes in only a source handed "
            "over to it, and keys and notices from its handler), or its header was damaged."
        ) from None
    return verified


def _audit_imported(
    session: Session,
    scope: Scope,
    m: Manifest,
    applied: package_import.Applied,
    arrival_status: str,
) -> None:
    counts = applied.debriefs
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
            "file_records": sum(vars(applied.files).values()),  # all it brought, unchanged too
            "arrival": arrival_status,
            "version": m.version,
            "shared_codenames": len(applied.notices),
        },
    )


def _checked_file(vault: Vault, expected_sha256: str | None) -> Callable[[str], None]:
    """What to check of the file once it is decrypted, before it is parsed: that it
    is the one ``verify_package`` saw, and not one already imported."""

    def decrypted(sha: str) -> None:
        if expected_sha256 is not None and sha != expected_sha256:
            raise PackageError(
                "The file is not the one that was checked (it changed, or another was put "
                "in its place); nothing was imported. Check it again."
            )
        _refuse_known_file(vault, sha)

    return decrypted


@dataclass(frozen=True)
class _Written:
    arrival: package_log.Arrival
    applied: package_import.Applied
    received: handover_receive.Received | None


def _write(
    vault: Vault,
    scope: Scope,
    verified: Verified,
    contents: package_body.Contents,
    own_fp: str,
    fields: IdentityFields | None,
    progress: ProgressFn | None,
) -> _Written:
    """The package's records, its log entry, its kept copy and the audit event, in
    one transaction."""
    handover = contents.handover
    # Compressed once the signer and the records checked out (the audit events
    # and the channel are checked meanwhile: refused for those, it was for nothing).
    packing = compression.Packing(verified.opened.container)
    m = verified.opened.manifest
    with vault.write() as session, bulk_cache(session):
        try:
            arrival = arrival_of(session, verified)
            refuse_if_replayed(arrival)
            first = handover_receive.check_holder(session, handover, m.sender, own_fp)
            applied = package_import.apply(
                session,
                scope,
                m.package_id,
                m.sender,
                contents.sources,
                contents.records,
                contents.blobs,
                contents.locations,
                progress,
                version=m.version,
                meanwhile=contents.check_events,
                new_runner_first=first,
            )
        except PackageError:
            # The package's own faults are named before what this vault holds, as
            # verify_package names them: its events, if not checked yet, first.
            contents.check_events()
            raise
        contents.check_events()  # done by now: whatever apply did, nothing is kept unchecked
        log_arrival(session, verified, records=len(contents.records))
        session.flush()
        received = None
        if handover is not None:
            received = handover_receive.received(
                vault,
                session,
                scope,
                m,
                handover,
                contents.sources[0],
                [(r.type, r.id, r.version, r.sha256) for r, _ in contents.records],
                own_fp,
                fields,
            )
        # Once it is compressed, the plain container (and the files read from it)
        # can go before the kept copy is written: not both at once.
        packing.wait()
        verified.opened.release()
        package_evidence.keep(session, m.package_id, packing)
        _audit_imported(session, scope, m, applied, arrival.status)
    return _Written(arrival, applied, received)


def _result(verified: Verified, contents: package_body.Contents, written: _Written) -> ImportResult:
    m, counts = verified.opened.manifest, written.applied.debriefs
    warnings = written.arrival.warnings + written.applied.notices
    return ImportResult(
        m.package_id,
        verified.sender.name,
        m.sequence,
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.older,
        len(contents.events),
        warnings,
        written.applied.files,
        m.kind,
        written.received,
    )


@collection_paused()
def import_package(
    vault: Vault,
    scope: Scope,
    source: PackageSource,
    progress: ProgressFn | None = None,
    *,
    expected_sha256: str | None = None,
    passphrase: str | None = None,
) -> ImportResult:
    """Import a runner's package (or a handover, a deconfliction key or notice) after
    every check, in one transaction. ``expected_sha256``: the file's hash as
    ``verify_package`` saw it; another file under the same name (a stick swapped after
    the check) is refused. ``passphrase``: for a deconfliction key, recompute every
    source's tokens under it at once (else ``identity_recompute.recompute`` does, later)."""
    try:
        verified = _opened(vault, scope, source, _checked_file(vault, expected_sha256))
        _check_sender(scope, verified)
        kind = verified.opened.manifest.kind
        # Imported here: those modules build on this one.
        if kind == NOTICE_KIND:
            from app.services.exchange import deconfliction_notices

            return deconfliction_notices.imported(vault, scope, verified)
        if kind == KEY_KIND:
            from app.services.exchange import key_receive

            return key_receive.take_in(vault, scope, verified, passphrase)
        # The audit events are checked while the search index is written (apply).
        contents = package_body.contents(verified.opened, events_later=True)
        own_fp, fields = _check_importer(vault, scope, verified, contents)
        written = _write(vault, scope, verified, contents, own_fp, fields, progress)
    except PackageError as exc:
        _refused(vault, scope, exc)
        raise
    return _result(verified, contents, written)
