"""Export: a runner's debriefs leave the laptop as one signed package sealed to
the team handler and the central system (format: docs/package-format.md).

Export refuses incomplete debriefs and lists what each lacks. It numbers packages
per channel and chains each to the previous one by hash. The package is recorded
in the vault (log, what it carried, audit event, and a copy until a receipt
confirms it: ``outgoing_copies``) before the file is written, so a crash or a
pulled USB stick can never leave two different packages with the same number: the
kept copy is simply written again (``write_again``). A package whose file never got
its name is marked (``unwritten_packages``) and written again by the next export
(``recover``). Two exports at once: the second sees the number taken when it comes
to record its package, and starts over (usually to find nothing new).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.dal.scope import get_visible
from app.domain.enums import PeerRole, Role
from app.domain.scope import Scope
from app.errors import (
    AccessDenied,
    InvalidInput,
    NoRecipient,
    NotFound,
    VaultBusy,
    VaultError,
)
from app.export import canonical, compression, package
from app.export.manifest import Manifest
from app.models import Debrief, wire
from app.models.packages import (
    ExportedCopy,
    PackageLog,
    PackagePeer,
)
from app.services.exchange import (
    export_gather,
    export_names,
    keys,
    outgoing_copies,
    package_json,
    package_log,
    package_records,
    unwritten_packages,
)
from app.services.exchange.export_gather import EXPORTABLE as EXPORTABLE
from app.services.exchange.export_gather import Candidate as Candidate
from app.services.exchange.export_gather import Gathered as Gathered
from app.services.exchange.export_gather import IncompletePackage as IncompletePackage
from app.services.exchange.export_gather import Sent as Sent
from app.services.exchange.export_gather import gather_source as gather_source
from app.services.exchange.export_gather import handed_over as handed_over
from app.services.exchange.export_gather import latest_exports as latest_exports
from app.services.exchange.export_gather import record_exports as record_exports
from app.services.exchange.export_gather import unchanged_since_sent as unchanged_since_sent
from app.services.exchange.gc_pause import collection_paused
from app.services.exchange.package_files import FILE_SUFFIX as FILE_SUFFIX
from app.services.exchange.package_files import PackageNotWritten as PackageNotWritten
from app.services.exchange.package_files import package_file_name as package_file_name
from app.services.exchange.package_files import write_package_file as write_package_file
from app.services.exchange.unwritten_packages import Unwritten
from app.services.files import output_paths
from app.services.records import identity_tokens
from app.vault import audit_chain, migrate
from app.vault.atomic import BackgroundWrite
from app.vault.vault import Vault

ProgressFn = Callable[[int, int], None]
# How often an export starts over because another one took its number first.
RACE_ATTEMPTS = 3


class NothingToExport(InvalidInput):
    """Every chosen debrief was already sent as it is now."""


class _Raced(Exception):
    """Another export recorded its package (this number) while this one was sealing."""

    def __init__(self, sequence: int) -> None:
        super().__init__(sequence)
        self.sequence = sequence


@dataclass(frozen=True)
class ExportPlan:
    candidates: tuple[Candidate, ...]
    recipients: tuple[str, ...]
    # Packages recorded earlier whose file was never written: the next export
    # writes them again (``recover``).
    unwritten: tuple[Unwritten, ...] = ()
    # Records of the sources' files the export would carry (new or changed since
    # they last went out): registration data, assessments, reviews, instructions,
    # taskings and payments.
    file_records: int = 0
    token_sources: int = 0  # sources going only for changed tokens (``token_sends``)

    @property
    def blocked(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.missing)


@dataclass(frozen=True)
class ExportResult:
    package_id: uuid.UUID
    path: Path
    sequence: int
    debriefs: int
    size: int
    recipients: tuple[str, ...]
    file_records: int = 0
    token_sources: int = 0


@dataclass(frozen=True)
class Rewritten:
    package_id: uuid.UUID
    sequence: int
    path: Path


@dataclass(frozen=True)
class Recovery:
    """What ``recover`` did before an export: packages written again, and hidden
    temporary files of interrupted writes removed from the folder."""

    rewritten: tuple[Rewritten, ...]
    leftovers_removed: int


def recipients(session: Session) -> list[PackagePeer]:
    """Whom a package is sealed to (a handover's also to its new runner): the
    team's handlers and, where this vault confirmed its key, the central system;
    active keys only, by fingerprint. Possibly none: each caller says what it needs."""
    return list(
        session.execute(
            select(PackagePeer)
            .where(
                PackagePeer.active.is_(True),
                PackagePeer.role.in_([PeerRole.HANDLER, PeerRole.CENTRAL]),
            )
            .order_by(PackagePeer.fingerprint)
        ).scalars()
    )


def _recipients(session: Session) -> list[PackagePeer]:
    peers = recipients(session)
    if not peers:
        raise NoRecipient(
            "No recipient is known yet: import the team handler's key first (keys import)."
        )
    return peers


def plan_export(
    vault: Vault,
    scope: Scope,
    *,
    debrief_ids: Sequence[uuid.UUID] | None = None,
    all_new: bool = False,
) -> ExportPlan:
    """What an export would carry and what blocks it, without changing anything."""
    with vault.read() as session:
        peers = _recipients(session)
        ids = export_gather.chosen_ids(session, scope, debrief_ids, all_new)
        gathered, candidates = export_gather.gather(
            session, scope, ids, skip_unchanged=all_new, all_new=all_new
        )
        unwritten = unwritten_packages.owed(session, kind="debriefs")
    return ExportPlan(
        tuple(candidates),
        tuple(p.name for p in peers),
        tuple(unwritten),
        gathered.file_records,
        gathered.token_sources,
    )


def refuse_a_handler(scope: Scope) -> None:
    """Every reader takes a package of debriefs from a runner's key only: a
    handler's would be refused by all, so it is not written (nor recovered)."""
    if scope.role is Role.HANDLER:
        raise AccessDenied(
            "Packages of debriefs are written by a runner; a handler sends receipts "
            "(receipt create) and the deconfliction key."
        )


def recover(vault: Vault, scope: Scope, to_dir: Path, *, overwrite: bool = False) -> Recovery:
    """Before an export to ``to_dir``: remove the hidden temporary files that
    interrupted writes left there, and write again every package that was recorded
    but whose file never got its name (a kill, a crash, a full stick). Its debriefs
    count as sent, so no later package would carry them: this file is their way out.
    Should the first file exist after all, it is the same package, byte for byte,
    and the handler's import refuses the second copy as already imported."""
    refuse_a_handler(scope)
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    removed = unwritten_packages.remove_leftovers(folder)
    with vault.read() as session:
        owed = unwritten_packages.owed(session, kind="debriefs")
    rewritten = tuple(
        Rewritten(
            u.package_id,
            u.sequence,
            write_again(vault, scope, u.package_id, folder, overwrite=overwrite),
        )
        for u in owed
    )
    return Recovery(rewritten, removed)


@collection_paused()
def export_package(
    vault: Vault,
    scope: Scope,
    *,
    to_dir: Path,
    debrief_ids: Sequence[uuid.UUID] | None = None,
    all_new: bool = False,
    progress: ProgressFn | None = None,
) -> ExportResult:
    refuse_a_handler(scope)
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    taken_by: int | None = None
    for _attempt in range(RACE_ATTEMPTS):
        try:
            return _export_once(
                vault, scope, folder, debrief_ids, all_new, progress, taken_by=taken_by
            )
        except _Raced as raced:
            taken_by = raced.sequence
    raise VaultBusy(
        "Other exports of this vault kept recording their packages first; try again once "
        "they are done."
    )


@dataclass
class _Prepared:
    """What an export read from the vault, before sealing: the records, their audit
    events and files, the recipients, and the number the package would take."""

    peers: list[PackagePeer]
    gathered: Gathered
    event_count: int
    events: canonical.Parts
    blobs: list[dict[str, Any]]
    channel: str
    sequence: int
    previous: str

    @property
    def recipients(self) -> list[str]:
        return [p.fingerprint for p in self.peers]


def _prepare(
    session: Session,
    scope: Scope,
    sender: str,
    debrief_ids: Sequence[uuid.UUID] | None,
    all_new: bool,
    taken_by: int | None,
) -> _Prepared:
    """Gather what the package carries; refuse an empty or incomplete one."""
    peers = _recipients(session)
    ids = export_gather.chosen_ids(session, scope, debrief_ids, all_new)
    gathered, candidates = export_gather.gather(
        session, scope, ids, skip_unchanged=all_new, all_new=all_new
    )
    if not gathered.refs:
        if taken_by is not None:
            raise NothingToExport(
                "Another export of this vault sent these debriefs at the same moment "
                "(package {n}); there is nothing new to export.",
                n=taken_by,
            )
        raise NothingToExport("There is nothing new to export.")
    blocked = [c for c in candidates if c.missing]
    if blocked:
        raise IncompletePackage(blocked=tuple(blocked))
    export_names.refuse_old_names(session, gathered)
    record_ids = [r.id for r in gathered.refs]
    types = [wire.RECORD_TYPES[t].audit_type for t in {r.type for r in gathered.refs}]
    event_count, events = package_json.audit_events(session, record_ids, types)
    blobs = package_records.attachment_blobs(
        session, [r.id for r in gathered.refs if r.type == "debrief"]
    )
    channel = package_log.channel_key(sender, [p.fingerprint for p in peers])
    sequence, previous = package_log.next_out(session, channel)
    return _Prepared(peers, gathered, event_count, events, blobs, channel, sequence, previous)


def _manifest_and_body(
    prepared: _Prepared, package_id: uuid.UUID, sender: str
) -> tuple[Manifest, canonical.Parts]:
    manifest = Manifest(
        kind="debriefs",
        package_id=package_id,
        created_at=iso_utc(utc_now()),
        schema=migrate.SCHEMA_HEAD,
        sender=sender,
        recipients=tuple(prepared.recipients),
        sequence=prepared.sequence,
        previous=prepared.previous,
        records=tuple(prepared.gathered.refs),
        audit_events=prepared.event_count,
    )
    # The body as canonical.dumps would make it, from the records' JSON made above.
    body = canonical.object_parts(
        {
            "sources": [package_records.encoded(prepared.gathered.sources)],
            "records": canonical.array_parts(prepared.gathered.encoded),
            "attachments": [canonical.dumps(prepared.blobs)],
            "audit": prepared.events,
        }
    )
    return manifest, body


def _record_export(
    session: Session,
    scope: Scope,
    prepared: _Prepared,
    manifest: Manifest,
    sha: str,
    names: tuple[str, ...],
) -> None:
    """Log the package, what it carried, and the audit event (under the write lock)."""
    gathered, package_id = prepared.gathered, manifest.package_id
    session.add(
        PackageLog(
            id=package_id,
            direction=package_log.OUT,
            kind="debriefs",
            channel=prepared.channel,
            counterpart=", ".join(names)[:200],
            sequence=prepared.sequence,
            sha256=sha,
            previous=prepared.previous,
            created_at=utc_now(),
            records=len(gathered.refs),
            recipients=",".join(prepared.recipients),
        )
    )
    session.flush()
    record_exports(session, package_id, gathered, manifest.version)
    identity_tokens.forget_retired(session, scope.actor)
    audit_chain.append(
        session,
        scope.actor,
        "package.exported",
        record_type="package",
        record_id=package_id,
        detail={
            "sequence": prepared.sequence,
            "debriefs": len(gathered.refs) - gathered.file_records,
            "file_records": gathered.file_records,
            "token_sources": gathered.token_sources,
            "sha256": sha,
            "recipients": len(prepared.recipients),
        },
    )


def _export_once(
    vault: Vault,
    scope: Scope,
    to_dir: Path,
    debrief_ids: Sequence[uuid.UUID] | None,
    all_new: bool,
    progress: ProgressFn | None,
    *,
    taken_by: int | None,
) -> ExportResult:
    own = keys.private_keys(vault)
    if progress:
        progress(0, 4)
    with vault.read() as session:
        prepared = _prepare(session, scope, own.fingerprint.hex, debrief_ids, all_new, taken_by)
    if progress:
        progress(1, 4)
    package_id = uuid.uuid4()
    manifest, body = _manifest_and_body(prepared, package_id, own.fingerprint.hex)
    sealer, inner = package.prepare_signed(
        manifest, body, own.signing, [p.recipient_public for p in prepared.peers]
    )
    packing = compression.Packing(inner)  # the kept copy, compressed while sealing
    sealed, nonce = sealer.seal_with_nonce(inner)
    if progress:
        progress(2, 4)
    sha = hashlib.sha256(sealed).hexdigest()
    names = tuple(p.name for p in prepared.peers)
    target = output_paths.check_file(
        to_dir / package_file_name(package_id), vaults=[vault.paths.root]
    )
    # The file is written (not yet under its name) while the vault records the export.
    writing = BackgroundWrite(target, sealed, mode=0o600)
    try:
        with vault.write() as session:
            # Under the write lock: had another export taken this number meanwhile,
            # this package would repeat it (and what it carried). Start over instead.
            if package_log.next_out(session, prepared.channel) != (
                prepared.sequence,
                prepared.previous,
            ):
                raise _Raced(prepared.sequence)
            _record_export(session, scope, prepared, manifest, sha, names)
            # Until the file has its name: a kill from here on leaves a package the
            # next export writes again.
            unwritten_packages.owe(session, package_id)
            # Last: the compression had the time of the writes above.
            outgoing_copies.keep(session, package_id, sealer, nonce, packing)
        if progress:
            progress(3, 4)
        path = _finish_package_file(package_id, writing)
    except BaseException:
        # Not recorded, or not put in place: no file, and no hidden temporary one
        # (a recorded package can be written again).
        writing.abandon()
        raise
    unwritten_packages.settle(vault, package_id)
    if progress:
        progress(4, 4)
    gathered = prepared.gathered
    return ExportResult(
        package_id,
        path,
        prepared.sequence,
        len(gathered.refs) - gathered.file_records,
        len(sealed),
        names,
        gathered.file_records,
        gathered.token_sources,
    )


def _finish_package_file(package_id: uuid.UUID, writing: BackgroundWrite) -> Path:
    try:
        writing.finish()
    except VaultError as exc:
        raise PackageNotWritten(package_id, str(exc).rstrip(".")) from exc
    return writing.path


def write_again(
    vault: Vault, scope: Scope, package_id: uuid.UUID, to_dir: Path, *, overwrite: bool = False
) -> Path:
    """Write a sent, not yet confirmed package again, byte for byte (a lost stick,
    a write that failed, an export killed before its file got its name). Its number
    and hash stay the same. Audited once the file is in place."""
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    unwritten_packages.remove_leftovers(folder)
    with vault.read() as session:
        row = session.get(PackageLog, package_id)
        if row is None or row.direction != package_log.OUT:
            raise NotFound("No such package was sent from this vault.")
        sealed = outgoing_copies.sealed(session, row)
    path = write_package_file(vault, package_id, folder, sealed, overwrite=overwrite)
    with vault.write() as session:
        audit_chain.append(
            session,
            scope.actor,
            "package.written_again",
            record_type="package",
            record_id=package_id,
        )
        unwritten_packages.settle_in(session, package_id)
    return path


def exported_in(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[tuple[int, uuid.UUID]]:
    """(version, package id) of every package that carried this debrief."""
    with vault.read() as session:
        get_visible(session, scope, Debrief, debrief_id)
        rows = session.execute(
            select(ExportedCopy.version, ExportedCopy.package_id)
            .join(PackageLog, PackageLog.id == ExportedCopy.package_id)
            .where(ExportedCopy.record_type == "debrief", ExportedCopy.record_id == debrief_id)
            .order_by(ExportedCopy.version, PackageLog.created_at)
        ).all()
        return [(int(v), p) for v, p in rows]
