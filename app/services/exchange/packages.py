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
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.clock import iso_utc, utc_now
from app.dal.scope import get_visible, visible
from app.domain.enums import DebriefStatus, PeerRole
from app.domain.scope import Scope
from app.errors import (
    InvalidInput,
    NoRecipient,
    NotFound,
    OutputExists,
    PackageError,
    VaultBusy,
    VaultError,
    WorkflowError,
)
from app.export import canonical, compression, package
from app.export.manifest import Manifest, RecordRef
from app.models import Debrief, IntelligenceItem, Source, wire
from app.models.packages import (
    ExportedCopy,
    ExportedRecord,
    PackageLog,
    PackagePeer,
    SourceHandover,
)
from app.models.wire import CURRENT
from app.services.exchange import (
    keys,
    outgoing_copies,
    package_json,
    package_log,
    package_records,
    unwritten_packages,
)
from app.services.exchange.gc_pause import collection_paused
from app.services.exchange.unwritten_packages import Unwritten
from app.services.files import output_paths
from app.services.records.debriefs import blockers
from app.vault import audit_chain, migrate
from app.vault.atomic import BackgroundWrite
from app.vault.vault import Vault

ProgressFn = Callable[[int, int], None]
FILE_SUFFIX = ".age"
# Debriefs that may travel: a draft never leaves the laptop, and a returned one
# waits for the runner's answer (an addendum and a new submission).
EXPORTABLE = (DebriefStatus.SUBMITTED, DebriefStatus.APPROVED)
# How often an export starts over because another one took its number first.
RACE_ATTEMPTS = 3


def package_file_name(package_id: uuid.UUID) -> str:
    # Nothing in the name about sender, recipients or content.
    return f"veldboek-{package_id}{FILE_SUFFIX}"


@dataclass(frozen=True)
class Candidate:
    """A debrief an export would carry, with what it still lacks (if anything)."""

    debrief_id: uuid.UUID
    codename: str
    created_at: datetime
    status: DebriefStatus
    version: int
    missing: tuple[str, ...]


class IncompletePackage(PackageError):
    """Export refused: debriefs lack what a package must carry. ``blocked`` lists
    them and what each lacks (for the screen; the message names no content)."""

    def __init__(self, *, blocked: tuple[Candidate, ...]) -> None:
        super().__init__(
            "Not exported: {n} debrief(s) lack what a package must carry; complete them first.",
            n=len(blocked),
        )
        self.blocked = blocked


class NothingToExport(InvalidInput):
    """Every chosen debrief was already sent as it is now."""


class _Raced(Exception):
    """Another export recorded its package (this number) while this one was sealing."""

    def __init__(self, sequence: int) -> None:
        super().__init__(sequence)
        self.sequence = sequence


class PackageNotWritten(VaultError):
    """The package is made and kept in the vault, but the file could not be written."""

    def __init__(self, package_id: uuid.UUID, reason: str) -> None:
        self.package_id = package_id
        super().__init__(
            "Package {id} was made and is kept in the vault, but the file could not be "
            "written ({reason}). Write it again to a working folder.",
            id=package_id,
            reason=reason,
        )


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
        raise NoRecipient(
            "No recipient is known yet: import the team handler's key first (keys import)."
        )
    return peers


@dataclass(frozen=True)
class Sent:
    """The newest version of a record that went out: its number, hash and format."""

    version: int
    sha256: str
    format: int


def latest_exports(
    session: Session, record_type: str, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Sent]:
    out: dict[uuid.UUID, Sent] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for rid, version, sha, fmt in session.connection().execute(
            select(
                ExportedRecord.record_id,
                ExportedRecord.version,
                ExportedRecord.sha256,
                ExportedRecord.format,
            ).where(ExportedRecord.record_type == record_type, ExportedRecord.record_id.in_(chunk))
        ):
            if rid not in out or version > out[rid].version:
                out[rid] = Sent(version, sha, fmt)
    return out


def unchanged_since_sent(
    session: Session, now: dict[uuid.UUID, str], sent: dict[uuid.UUID, Sent], record_type: str
) -> set[uuid.UUID]:
    """The records (``now``: id -> hash in the current format) that are as they last
    went out. One sent in an older format is compared in that format where the
    current one only leaves things out of the record (format 3 takes a debrief's
    taskings and payments out): a debrief sent in a version 2 package is not
    changed by Veldboek learning format 3. Where a newer format adds a field, the
    record counts as changed and goes out once more, with it."""
    same = {rid for rid, sha in now.items() if rid in sent and sent[rid].sha256 == sha}
    older: dict[int, list[uuid.UUID]] = {}
    for rid in now:
        if rid in sent and rid not in same and sent[rid].format < CURRENT:
            older.setdefault(sent[rid].format, []).append(rid)
    for fmt, ids in older.items():
        if not wire.only_leaves_out(record_type, fmt, CURRENT):
            continue
        if record_type == "debrief":
            again = [(e.id, e.sha256) for e in package_json.debriefs(session, ids, fmt)]
        else:
            again = [(r.id, r.sha256) for r in package_json.records(session, record_type, ids, fmt)]
        same |= {rid for rid, sha in again if sent[rid].sha256 == sha}
    return same


def _missing(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    out: dict[uuid.UUID, tuple[str, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        items: dict[uuid.UUID, list[IntelligenceItem]] = {}
        for item in session.execute(
            select(IntelligenceItem).where(IntelligenceItem.debrief_id.in_(chunk))
        ).scalars():
            items.setdefault(item.debrief_id, []).append(item)
        for debrief in session.execute(select(Debrief).where(Debrief.id.in_(chunk))).scalars():
            out[debrief.id] = tuple(str(b) for b in blockers(debrief, items.get(debrief.id, [])))
    return out


def handed_over() -> Any:
    """The ids of the sources this vault handed to another runner (their file goes
    with the handover package only, never again in a package of debriefs)."""
    later = aliased(SourceHandover)
    # Unless it came back later (handed to this vault again).
    back = (
        select(later.package_id)
        .where(
            later.source_id == SourceHandover.source_id,
            later.direction == "in",
            later.created_at > SourceHandover.created_at,
        )
        .exists()
    )
    return select(SourceHandover.source_id).where(SourceHandover.direction == "out", ~back)


def _chosen_ids(
    session: Session, scope: Scope, debrief_ids: Sequence[uuid.UUID] | None, all_new: bool
) -> list[uuid.UUID]:
    if (debrief_ids is None) == (not all_new):
        raise InvalidInput("Export chosen debriefs, or everything new (--all-new).")
    if all_new:
        # Core, not ORM execution: the same statement, without per-row ORM work
        # (a few hundredths of a second on 10,000 ids).
        return list(
            session.connection()
            .execute(
                select(Debrief.id)
                .where(
                    visible(Debrief.compartment_id, scope, drive=True),
                    Debrief.status.in_(EXPORTABLE),
                    Debrief.source_id.not_in(handed_over()),
                )
                .order_by(Debrief.created_at, Debrief.id)
            )
            .scalars()
        )
    chosen = []
    for debrief_id in dict.fromkeys(debrief_ids or ()):
        d = get_visible(session, scope, Debrief, debrief_id)
        if session.execute(handed_over().where(SourceHandover.source_id == d.source_id)).first():
            raise WorkflowError(
                "This debrief's source was handed over to another runner; it goes with the "
                "handover package only."
            )
        if d.status is DebriefStatus.DRAFT:
            raise WorkflowError("A draft cannot leave the laptop: submit it first.")
        if d.status is DebriefStatus.RETURNED:
            raise WorkflowError(
                "A returned debrief goes out again once it is answered and submitted again."
            )
        chosen.append(d.id)
    if not chosen:
        raise InvalidInput("Choose at least one debrief to export.")
    return chosen


@dataclass
class _Gathered:
    refs: list[RecordRef]
    sources: list[dict[str, Any]]
    compartments: dict[uuid.UUID, uuid.UUID]
    # canonical JSON of each record entry, in the order of ``refs``
    encoded: list[bytes] = field(default_factory=list)
    file_records: int = 0


def _entry(ref: RecordRef, data: bytes) -> bytes:
    # canonical.dumps of the entry {"type", "id", "version", "data"} (keys in
    # order; the id, the type and the version need no escaping), around the
    # record's JSON
    return b'{"data":%b,"id":"%b","type":"%b","version":%d}' % (
        data,
        str(ref.id).encode("ascii"),
        ref.type.encode("ascii"),
        ref.version,
    )


def _file_record_ids(
    session: Session, type_name: str, source_ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    if type_name == "registration":
        return source_ids
    model = wire.RECORD_TYPES[type_name].model
    out: list[uuid.UUID] = []
    for start in range(0, len(source_ids), 500):
        chunk = source_ids[start : start + 500]
        out += (
            session.connection()
            .execute(select(model.id).where(model.source_id.in_(chunk)))
            .scalars()
        )
    return out


def _file_sources(
    session: Session, scope: Scope, debrief_sources: set[uuid.UUID], all_new: bool
) -> list[uuid.UUID]:
    """The sources whose files go out: every one in scope (``all_new``), or those
    of the chosen debriefs."""
    if not all_new:
        return sorted(debrief_sources)
    return sorted(
        session.connection()
        .execute(
            select(Source.id).where(
                visible(Source.compartment_id, scope, drive=True), Source.id.not_in(handed_over())
            )
        )
        .scalars()
    )


def _add_file_records(
    session: Session, gathered: _Gathered, source_ids: list[uuid.UUID], *, skip_unchanged: bool
) -> set[uuid.UUID]:
    """Add the records of these sources' files to ``gathered``, each numbered as
    the next version unless it went out as it is; returns the sources added."""
    used: set[uuid.UUID] = set()
    for type_name in wire.FILE_RECORDS:
        record_ids = _file_record_ids(session, type_name, source_ids)
        found = package_json.records(session, type_name, record_ids)
        sent = latest_exports(session, type_name, record_ids)
        same = unchanged_since_sent(session, {r.id: r.sha256 for r in found}, sent, type_name)
        for r in found:
            if skip_unchanged and r.id in same:
                continue
            last = sent.get(r.id)
            again = last is not None and last.sha256 == r.sha256
            version = 1 if last is None else last.version if again else last.version + 1
            ref = RecordRef(type_name, r.id, version, r.sha256)
            gathered.refs.append(ref)
            gathered.encoded.append(_entry(ref, r.json))
            gathered.compartments[r.id] = r.compartment_id
            gathered.file_records += 1
            used.add(r.source_id)
    return used


def gather_source(session: Session, source_id: uuid.UUID) -> _Gathered:
    """A source's whole file as this vault holds it, for a handover: every record
    of its file and every debrief that is not a draft, each numbered as the next
    version unless it went out as it is."""
    gathered = _Gathered([], [], {})
    _add_file_records(session, gathered, [source_id], skip_unchanged=False)
    ids = list(
        session.connection()
        .execute(
            select(Debrief.id)
            .where(Debrief.source_id == source_id, Debrief.status != DebriefStatus.DRAFT)
            .order_by(Debrief.created_at, Debrief.id)
        )
        .scalars()
    )
    encoded = package_json.debriefs(session, ids)
    exported = latest_exports(session, "debrief", ids)
    for e in encoded:
        last = exported.get(e.id)
        again = last is not None and last.sha256 == e.sha256
        version = 1 if last is None else last.version if again else last.version + 1
        ref = RecordRef("debrief", e.id, version, e.sha256)
        gathered.refs.append(ref)
        gathered.encoded.append(_entry(ref, e.json))
        gathered.compartments[e.id] = e.compartment_id
    gathered.sources = package_records.sources(session, [source_id])
    return gathered


def record_exports(
    session: Session, package_id: uuid.UUID, gathered: _Gathered, version: int
) -> None:
    """Name this package as the one that carried each of ``gathered``'s versions.
    One bulk upsert (as session.merge per record would do, without loading each
    row first): a version sent again now names this package."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    raw.executemany(
        "INSERT INTO exported_record (record_type, record_id, version, sha256, package_id, "
        "compartment_id, format) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (record_type, record_id, version) DO UPDATE SET "
        "sha256 = excluded.sha256, package_id = excluded.package_id, "
        "compartment_id = excluded.compartment_id, format = excluded.format",
        [
            (
                ref.type,
                ref.id.hex,
                ref.version,
                ref.sha256,
                package_id.hex,
                gathered.compartments[ref.id].hex,
                version,
            )
            for ref in gathered.refs
        ],
    )
    raw.executemany(
        "INSERT OR IGNORE INTO exported_copy (record_type, record_id, version, package_id) "
        "VALUES (?, ?, ?, ?)",
        [(ref.type, ref.id.hex, ref.version, package_id.hex) for ref in gathered.refs],
    )


def _gather(
    session: Session,
    scope: Scope,
    ids: list[uuid.UUID],
    *,
    skip_unchanged: bool,
    all_new: bool,
) -> tuple[_Gathered, list[Candidate]]:
    """Encode the debriefs and their sources' files, number their versions, and
    say what each debrief lacks. A source's file goes first, its debriefs last."""
    encoded = package_json.debriefs(session, ids)
    exported = latest_exports(session, "debrief", ids)
    unchanged = unchanged_since_sent(
        session, {e.id: e.sha256 for e in encoded}, exported, "debrief"
    )
    # Only a debrief that lacks something is looked at again, so the screen lists
    # its items exactly as the debrief page numbers them.
    missing = _missing(session, [e.id for e in encoded if e.lacks])
    codenames = dict(
        session.execute(
            select(Source.id, Source.codename).where(Source.id.in_({e.source_id for e in encoded}))
        ).all()
    )
    gathered = _Gathered([], [], {})
    candidates = []
    used: set[uuid.UUID] = set()
    file_sources = _file_sources(session, scope, {e.source_id for e in encoded}, all_new)
    used |= _add_file_records(session, gathered, file_sources, skip_unchanged=skip_unchanged)
    for e in encoded:
        last = exported.get(e.id)
        if skip_unchanged and e.id in unchanged:
            continue  # already sent as it is now
        # Sent again unchanged (in this format): the same version.
        again = last is not None and last.sha256 == e.sha256
        version = 1 if last is None else last.version if again else last.version + 1
        ref = RecordRef("debrief", e.id, version, e.sha256)
        gathered.refs.append(ref)
        gathered.encoded.append(_entry(ref, e.json))
        gathered.compartments[e.id] = e.compartment_id
        used.add(e.source_id)
        candidates.append(
            Candidate(
                e.id,
                codenames.get(e.source_id, "?"),
                datetime.fromisoformat(e.created_at.replace("Z", "+00:00")),
                DebriefStatus(e.status),
                version,
                missing.get(e.id, ()),
            )
        )
    if used:
        gathered.sources = package_records.sources(session, sorted(used))
    return gathered, candidates


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
        ids = _chosen_ids(session, scope, debrief_ids, all_new)
        gathered, candidates = _gather(session, scope, ids, skip_unchanged=all_new, all_new=all_new)
        unwritten = unwritten_packages.owed(session, kind="debriefs")
    return ExportPlan(
        tuple(candidates),
        tuple(p.name for p in peers),
        tuple(unwritten),
        gathered.file_records,
    )


def recover(vault: Vault, scope: Scope, to_dir: Path, *, overwrite: bool = False) -> Recovery:
    """Before an export to ``to_dir``: remove the hidden temporary files that
    interrupted writes left there, and write again every package that was recorded
    but whose file never got its name (a kill, a crash, a full stick). Its debriefs
    count as sent, so no later package would carry them: this file is their way out.
    Should the first file exist after all, it is the same package, byte for byte,
    and the handler's import refuses the second copy as already imported."""
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
        peers = _recipients(session)
        ids = _chosen_ids(session, scope, debrief_ids, all_new)
        gathered, candidates = _gather(session, scope, ids, skip_unchanged=all_new, all_new=all_new)
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
        chosen_ids = [r.id for r in gathered.refs]
        types = [wire.RECORD_TYPES[t].audit_type for t in {r.type for r in gathered.refs}]
        event_count, events = package_json.audit_events(session, chosen_ids, types)
        blobs = package_records.attachment_blobs(
            session, [r.id for r in gathered.refs if r.type == "debrief"]
        )
        recipients = [p.fingerprint for p in peers]
        channel = package_log.channel_key(own.fingerprint.hex, recipients)
        sequence, previous = package_log.next_out(session, channel)
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
        records=tuple(gathered.refs),
        audit_events=event_count,
    )
    # The body as canonical.dumps would make it, from the records' JSON made above.
    body = canonical.object_parts(
        {
            "sources": [package_records.encoded(gathered.sources)],
            "records": canonical.array_parts(gathered.encoded),
            "attachments": [canonical.dumps(blobs)],
            "audit": events,
        }
    )
    sealer, inner = package.prepare_signed(
        manifest, body, own.signing, [p.recipient_public for p in peers]
    )
    packing = compression.Packing(inner)  # the kept copy, compressed while sealing
    sealed, nonce = sealer.seal_with_nonce(inner)
    if progress:
        progress(2, 4)
    sha = hashlib.sha256(sealed).hexdigest()
    names = tuple(p.name for p in peers)
    target = output_paths.check_file(
        to_dir / package_file_name(package_id), vaults=[vault.paths.root]
    )
    # The file is written (not yet under its name) while the vault records the export.
    writing = BackgroundWrite(target, sealed, mode=0o600)
    try:
        with vault.write() as session:
            # Under the write lock: had another export taken this number meanwhile,
            # this package would repeat it (and what it carried). Start over instead.
            if package_log.next_out(session, channel) != (sequence, previous):
                raise _Raced(sequence)
            session.add(
                PackageLog(
                    id=package_id,
                    direction=package_log.OUT,
                    kind="debriefs",
                    channel=channel,
                    counterpart=", ".join(names)[:200],
                    sequence=sequence,
                    sha256=sha,
                    previous=previous,
                    created_at=utc_now(),
                    records=len(gathered.refs),
                    recipients=",".join(recipients),
                )
            )
            session.flush()
            record_exports(session, package_id, gathered, manifest.version)
            audit_chain.append(
                session,
                scope.actor,
                "package.exported",
                record_type="package",
                record_id=package_id,
                detail={
                    "sequence": sequence,
                    "debriefs": len(gathered.refs) - gathered.file_records,
                    "file_records": gathered.file_records,
                    "sha256": sha,
                    "recipients": len(recipients),
                },
            )
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
    return ExportResult(
        package_id,
        path,
        sequence,
        len(gathered.refs) - gathered.file_records,
        len(sealed),
        names,
        gathered.file_records,
    )


def _finish_package_file(package_id: uuid.UUID, writing: BackgroundWrite) -> Path:
    try:
        writing.finish()
    except VaultError as exc:
        raise PackageNotWritten(package_id, str(exc).rstrip(".")) from exc
    return writing.path


def _holds(path: Path, data: bytes) -> bool:
    """Is ``path`` already this very file (a package written before)?"""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def write_package_file(
    vault: Vault, package_id: uuid.UUID, to_dir: Path, sealed: bytes, *, overwrite: bool = False
) -> Path:
    """Write a recorded package (or receipt) file into ``to_dir``, guarded by
    ``output_paths``. A file already there with the same bytes is the same package:
    it is left as it is."""
    path = to_dir / package_file_name(package_id)
    try:
        target = output_paths.check_file(path, vaults=[vault.paths.root], overwrite=overwrite)
    except OutputExists:
        if not _holds(path, sealed):
            raise
        return path
    try:
        output_paths.write_file(target, sealed, vaults=[vault.paths.root], overwrite=overwrite)
    except VaultError as exc:
        raise PackageNotWritten(package_id, str(exc).rstrip(".")) from exc
    return path


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
