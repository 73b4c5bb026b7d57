"""What an export carries: the debriefs chosen (or every new one), their sources'
files, each record numbered as its next version unless it went out as it is, and
what each debrief still lacks (``Candidate``); and the bookkeeping of what went out
in which package (``exported_record``), which the next export and the purge read.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal.handed_over import handed_over as handed_over
from app.dal.scope import get_visible, visible
from app.domain import names
from app.domain.enums import DebriefStatus
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import InvalidInput, InvalidName, PackageError, WorkflowError
from app.export.manifest import RecordRef
from app.models import Debrief, IntelligenceItem, Source, wire
from app.models.packages import ExportedRecord, SourceHandover
from app.models.wire import CURRENT
from app.services.exchange import package_json, package_records, token_sends
from app.services.records.debriefs import blockers

# Debriefs that may travel: a draft never leaves the laptop, and a returned one
# waits for the runner's answer (an addendum and a new submission).
EXPORTABLE = (DebriefStatus.SUBMITTED, DebriefStatus.APPROVED)


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
        if len(blocked) == 1:
            super().__init__(
                "Not exported: {n} debrief lacks what a package must carry; complete it first.",
                n=1,
            )
        else:
            super().__init__(
                "Not exported: {n} debriefs lack what a package must carry; complete them first.",
                n=len(blocked),
            )
        self.blocked = blocked


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


def chosen_ids(
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
class Gathered:
    refs: list[RecordRef]
    sources: list[dict[str, Any]]
    compartments: dict[uuid.UUID, uuid.UUID]
    # canonical JSON of each record entry, in the order of ``refs``
    encoded: list[bytes] = field(default_factory=list)
    file_records: int = 0
    # sources that travel only because their tokens changed (``token_sends``)
    token_sources: int = 0


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
    session: Session,
    gathered: Gathered,
    source_ids: list[uuid.UUID],
    *,
    skip_unchanged: bool,
    resend: frozenset[uuid.UUID] = frozenset(),
) -> set[uuid.UUID]:
    """Add the records of these sources' files to ``gathered``, each numbered as
    the next version unless it went out as it is; returns the sources added.
    A source of ``resend`` that would otherwise not travel goes with its
    registration as it is (its tokens changed: ``token_sends``)."""
    chosen: list[tuple[str, package_json.EncodedRecord, Sent | None]] = []
    held_back: list[tuple[str, package_json.EncodedRecord, Sent | None]] = []
    for type_name in wire.FILE_RECORDS:
        record_ids = _file_record_ids(session, type_name, source_ids)
        found = package_json.records(session, type_name, record_ids)
        sent = latest_exports(session, type_name, record_ids)
        same = unchanged_since_sent(session, {r.id: r.sha256 for r in found}, sent, type_name)
        for r in found:
            entry = (type_name, r, sent.get(r.id))
            if not (skip_unchanged and r.id in same):
                chosen.append(entry)
            elif type_name == "registration" and r.id in resend:
                held_back.append(entry)
    used = {r.source_id for _, r, _ in chosen}
    again = {r.id for _, r, _ in held_back if r.source_id not in used}
    gathered.token_sources += len(again)
    for type_name, r, last in chosen + [e for e in held_back if e[1].id in again]:
        same_version = last is not None and last.sha256 == r.sha256
        version = 1 if last is None else last.version if same_version else last.version + 1
        ref = RecordRef(type_name, r.id, version, r.sha256)
        gathered.refs.append(ref)
        gathered.encoded.append(_entry(ref, r.json))
        gathered.compartments[r.id] = r.compartment_id
        gathered.file_records += 1
        used.add(r.source_id)
    return used


def gather_source(session: Session, source_id: uuid.UUID) -> Gathered:
    """A source's whole file as this vault holds it, for a handover: every record
    of its file and every debrief that is not a draft, each numbered as the next
    version unless it went out as it is."""
    gathered = Gathered([], [], {})
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
    session: Session, package_id: uuid.UUID, gathered: Gathered, version: int
) -> None:
    """Name this package as the one that carried each of ``gathered``'s versions,
    and its sources' tokens as sent (``token_sends``). One bulk upsert (as
    session.merge per record would do, without loading each row first): a version
    sent again now names this package."""
    token_sends.record(session, package_id, gathered.sources)
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
    # Every version above now names this package, and only those: one statement,
    # not a second pass over the rows from Python.
    raw.execute(
        "INSERT OR IGNORE INTO exported_copy (record_type, record_id, version, package_id) "
        "SELECT record_type, record_id, version, package_id FROM exported_record "
        "WHERE package_id = ?",
        (package_id.hex,),
    )


def gather(
    session: Session,
    scope: Scope,
    ids: list[uuid.UUID],
    *,
    skip_unchanged: bool,
    all_new: bool,
) -> tuple[Gathered, list[Candidate]]:
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
    gathered = Gathered([], [], {})
    candidates = []
    used: set[uuid.UUID] = set()
    file_sources = _file_sources(session, scope, {e.source_id for e in encoded}, all_new)
    resend: frozenset[uuid.UUID] = frozenset()
    if all_new:
        # A source whose tokens changed (a new key, an identity recorded or
        # changed) travels even if nothing else of it did.
        going = {e.source_id for e in encoded if e.id not in unchanged}
        resend = frozenset(token_sends.waiting(session, file_sources)) - going
    used |= _add_file_records(
        session, gathered, file_sources, skip_unchanged=skip_unchanged, resend=resend
    )
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


def refuse_old_codenames(sources: list[dict[str, Any]]) -> None:
    """A codename from before a rule of names (brackets, say) would have the whole
    package refused by its receiver: said here, before anything is written."""
    for source in sources:
        codename = source["codename"]
        if not isinstance(codename, str):
            continue  # damaged text: its own refusal, where it is written out
        try:
            names.clean(codename, NameKind.CODENAME)
        except InvalidName:
            raise InvalidInput(
                "Not sent: the codename of source {id} holds brackets or a character that "
                "cannot be shown safely, which Veldboek no longer sends; rename the source "
                "first.",
                id=source["id"],
            ) from None
