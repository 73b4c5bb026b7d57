"""Putting an imported package's records into the handler's vault.

Records land in the runner's compartment (same ids), which the importing alias
joins. Every version a package brings is named in ``record_version`` (its
canonical JSON stays in the kept container); the live tables show the newest.
A version already held changes nothing. Rows are written with bulk statements
inside the caller's transaction, so a refusal anywhere leaves the vault as it
was, and 10,000 debriefs take seconds, not minutes.

Which version of each record becomes live is decided here; the rows are written
by ``import_writer`` (one small writer per record type, driven by the declarations
of ``app.models.wire``), checked against who brought what by ``import_origins``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlcipher3
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain import names
from app.domain.enums import AliasKind, SourceKind, SourceStatus
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import Notice, PackageError
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from app.models import Alias, Compartment, CompartmentMember, Source
from app.models import wire as w
from app.models.base import new_hex_ids
from app.models.packages import PackagePeer
from app.services.exchange import handover
from app.services.exchange.import_origins import ConflictingRecords as ConflictingRecords
from app.services.exchange.import_origins import Origins, legacy_links
from app.services.exchange.import_sql import (
    execute_many,
    held_in,
    held_with_owner,
    hex_id,
    in_chunks,
    raw_connection,
)
from app.services.exchange.import_writer import LINKED, ProgressFn, RowWriter
from app.services.exchange.package_records import table_of
from app.vault import search_bulk


@dataclass
class ImportCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0


# Tables whose rows a debrief brings, by id: an id already used in another
# compartment would link this record to someone else's (and show it under theirs).
# And where one is held here, it must be that debrief's (a contact: its source's):
# an id reused by another record of the same compartment would rewrite theirs.
# (table, part of the record, the column that owns a row, the record's key for it)
_CHILDREN: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("contact", "contact", "source_id", "source_id"),
    ("intelligence_item", "items", "debrief_id", "id"),
    ("addendum", "addenda", "debrief_id", "id"),
    ("tasking", "taskings", None, None),  # version 2
    ("payment", "payments", None, None),  # version 2
    ("attachment", "attachments", "debrief_id", "id"),
)


def _check_children(session: Session, records: list[dict[str, Any]]) -> None:
    for table, part, column, key in _CHILDREN:
        compartments: dict[str, str] = {}  # child id (hex) -> its record's compartment
        owners: dict[str, str] = {}  # child id (hex) -> its record's debrief or source
        for d in records:
            if part not in d:
                continue  # not in this format version
            children = d[part] if part != "contact" else [d["contact"]] if d["contact"] else []
            comp = hex_id(d["compartment_id"])
            for child in children:
                rid = hex_id(child["id"])
                if compartments.setdefault(rid, comp) != comp:
                    raise ConflictingRecords()
                if key is not None:
                    owners[rid] = hex_id(d[key])
        for rid, comp, owner in held_with_owner(session, table, column, list(compartments)):
            if comp != compartments[rid] or (column is not None and owner != owners[rid]):
                raise ConflictingRecords()


def _handed_on_compartments(
    session: Session, sources: list[dict[str, Any]], gone: set[str] | frozenset[str]
) -> set[str]:
    """The compartments (hex) of the sources the sender handed on that its package
    names: named, never claimed. They went with their sources: a package of this
    sender's with any other source in one of them is refused."""
    held = {
        c.hex
        for c in in_chunks(
            session, Source.compartment_id, Source.id, [uuid.UUID(hex=g) for g in gone]
        )
    }
    if any(
        uuid.UUID(s["compartment_id"]).hex in held and hex_id(s["id"]) not in gone for s in sources
    ):
        raise ConflictingRecords()
    return {uuid.UUID(s["compartment_id"]).hex for s in sources if hex_id(s["id"]) in gone}


def _claim_sources(
    session: Session,
    sources: list[dict[str, Any]],
    origins: Origins,
    held_comps: set[uuid.UUID],
    held_sources: Mapping[uuid.UUID, Source],
) -> None:
    """Who brought each compartment and source: refused if not the sender (or,
    of a handover whose new runner's package came first, that runner)."""
    # A compartment another runner brought in, holding a source handed over to
    # this sender, may be named by this sender's packages (docs: section 8).
    taken_over = handover.taken_over_compartments(session, origins.sender)
    # Sources the sender handed on (a package written before the handover) are
    # named, never claimed: their records go by ``_VersionChooser``'s rule.
    gone = origins.handed_on
    taken_over |= _handed_on_compartments(session, sources, gone)
    first = origins.new_runner_first
    theirs = {
        hex_id(s["id"]): hex_id(s["compartment_id"]) for s in sources if hex_id(s["id"]) in first
    }
    comp_hexes = dict.fromkeys(hex_id(s["compartment_id"]) for s in sources)
    held_c, held_s = {c.hex for c in held_comps}, {i.hex for i in held_sources}
    origins.claim_many(
        "compartment",
        [c for c in comp_hexes if c not in taken_over and c not in theirs.values()],
        held_c,
    )
    origins.claim_as_new_runner("compartment", {c: first[s] for s, c in theirs.items()}, held_c)
    claimed = [hex_id(s["id"]) for s in sources]
    origins.claim_many("source", [i for i in claimed if i not in gone and i not in theirs], held_s)
    origins.claim_as_new_runner("source", {i: first[i] for i in theirs}, held_s)


def _sources(
    session: Session, scope: Scope, sources: list[dict[str, Any]], origins: Origins
) -> dict[str, str]:
    """Create or update each source and its compartment; the importing alias joins
    the compartment. Returns source id -> compartment id (both as in the package).
    A few statements for all of them: a package of 10,000 debriefs names dozens."""
    comp_ids = list(dict.fromkeys(uuid.UUID(s["compartment_id"]) for s in sources))
    source_ids = [uuid.UUID(s["id"]) for s in sources]  # each once (package_receive)
    held_comps = set(in_chunks(session, Compartment.id, Compartment.id, comp_ids))
    held_sources = {src.id: src for src in in_chunks(session, Source, Source.id, source_ids)}
    _claim_sources(session, sources, origins, held_comps, held_sources)
    # Of a handed-on source, and of one whose new runner's package came first, the
    # state is the new runner's.
    keep = origins.handed_on | set(origins.new_runner_first)
    compartments: dict[str, str] = {}
    for s in sources:
        compartments.setdefault(
            s["compartment_id"], names.clean(s["compartment"], NameKind.COMPARTMENT)
        )
    wanted_names = list(set(compartments.values()))
    taken = set(in_chunks(session, Compartment.name, Compartment.name, wanted_names))

    def is_taken(name: str) -> bool:  # names are unique; one held here, or given just now
        held = select(Compartment.id).where(Compartment.name == name).limit(1)
        return name in taken or session.execute(held).first() is not None

    for comp_id in comp_ids:
        if comp_id not in held_comps:
            wanted = compartments[str(comp_id)]
            name = names.free_name(wanted, comp_id.hex, NameKind.COMPARTMENT, is_taken)
            taken.add(name)
            session.add(Compartment(id=comp_id, name=name))
    session.flush()
    member_of = set(
        session.execute(
            select(CompartmentMember.compartment_id).where(
                CompartmentMember.alias_id == scope.alias_id
            )
        ).scalars()
    )
    for comp_id in comp_ids:
        if comp_id not in member_of:
            session.add(CompartmentMember(compartment_id=comp_id, alias_id=scope.alias_id))
    out = {}
    for s in sources:
        source_id, comp_id = uuid.UUID(s["id"]), uuid.UUID(s["compartment_id"])
        source = held_sources.get(source_id)
        if source is None:
            session.add(
                Source(
                    id=source_id,
                    compartment_id=comp_id,
                    codename=names.clean(s["codename"], NameKind.CODENAME),
                    kind=SourceKind(s["kind"]),
                    status=SourceStatus(s["status"]),
                )
            )
        elif source.compartment_id != comp_id:
            raise PackageError("A source in the package conflicts with this vault's records.")
        elif source_id.hex not in keep:
            source.kind, source.status = SourceKind(s["kind"]), SourceStatus(s["status"])
            _renamed(session, source, names.clean(s["codename"], NameKind.CODENAME))
        out[s["id"]] = s["compartment_id"]
    session.flush()
    return out


def _renamed(session: Session, source: Source, codename: str) -> None:
    """A codename its runner changed travels: the old one is kept as the source's
    alias, as where it was changed (the sanitisation guard still knows it), unless
    this vault holds that name already."""
    if codename == source.codename:
        return
    old = source.codename
    if session.execute(select(Alias.id).where(Alias.name == old)).first() is None:
        session.add(
            Alias(
                name=old,
                kind=AliasKind.CODENAME,
                compartment_id=source.compartment_id,
                source_id=source.id,
            )
        )
    source.codename = codename


def codename_notices(
    session: Session, sources: list[dict[str, Any]], sender: str
) -> tuple[Notice, ...]:
    """A notice for each source the package brings that has the codename (by key:
    ``Kwarts`` is ``KWARTS``) of another source, here or in the same package. Not a
    refusal: sources are told apart by id, and shown with their runner
    (``app.dal.source_names``); two runners may well give two people one codename.
    ``sender``: the package's key (fingerprint), named as this vault confirmed it."""
    runner = session.execute(
        select(PackagePeer.name).where(PackagePeer.fingerprint == sender).limit(1)
    ).scalar()
    held = set(in_chunks(session, Source.id, Source.id, [uuid.UUID(s["id"]) for s in sources]))
    new = [s for s in sources if uuid.UUID(s["id"]) not in held]
    keys = [names.key(s["codename"]) for s in new]
    others = set(in_chunks(session, Source.codename_key, Source.codename_key, keys))
    notices = []
    for s, key in zip(new, keys, strict=True):
        if key in others or keys.count(key) > 1:
            notices.append(
                Notice(
                    "Source {codename} (id {id}, from {runner}) in this package has the "
                    "codename of another source in this vault; both are kept, each shown "
                    "with its runner.",
                    codename=names.clean(s["codename"], NameKind.CODENAME),
                    id=str(uuid.UUID(s["id"])),
                    runner=runner or sender[:16],
                )
            )
    return tuple(notices)


def _latest_versions(
    session: Session, record_type: str, record_ids: list[str]
) -> dict[str, tuple[int, set[str], set[int]]]:
    """Record id (hex) -> (newest version held, hashes and numbers of every version held)."""
    out: dict[str, tuple[int, set[str], set[int]]] = {}
    for rid, version, sha in raw_connection(session).execute(
        "SELECT v.record_id, v.version, v.sha256 FROM json_each(?) AS j CROSS JOIN record_version "
        "AS v ON v.record_type = ? AND v.record_id = j.value",
        (orjson.dumps(record_ids).decode(), record_type),
    ):
        top, hashes, numbers = out.get(rid, (0, set(), set()))
        out[rid] = (max(top, version), hashes | {sha}, numbers | {version})
    return out


def _source_of(type_name: str, data: dict[str, Any]) -> str:
    """The source (hex) a record of section 7.1 belongs to."""
    return hex_id(data["id"] if type_name == "registration" else data["source_id"])


@dataclass
class Applied:
    debriefs: ImportCounts
    files: ImportCounts  # records of sources' files (version 3)
    notices: tuple[Notice, ...] = ()  # codenames another source has (``codename_notices``)


@dataclass
class _Chosen:
    """What a package's records come to: the records of each type that become live,
    the ``record_version`` row of every version not already held, and which
    debriefs the vault held before (updated, not new)."""

    live: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    version_rows: list[tuple[Any, ...]] = field(default_factory=list)
    held_debriefs: set[str] = field(default_factory=set)


class _VersionChooser:
    """Decides, record by record, whether a version is new, newer, older or held."""

    def __init__(
        self,
        session: Session,
        package_id: uuid.UUID,
        origins: Origins,
        records: list[tuple[RecordRef, dict[str, Any]]],
        locations: Sequence[tuple[int, int]],
    ) -> None:
        self.session, self.package_id, self.origins = session, package_id, origins
        self.records, self.locations = records, locations
        self.now = iso_utc(utc_now())
        self.version_ids = iter(new_hex_ids(len(records)))
        self.chosen = _Chosen()

    def _claim(
        self, type_name: str, wanted: list[int], hexes: list[str], held: dict[str, str]
    ) -> tuple[set[str], dict[str, str]]:
        """Who brought each record (refused if not the sender); returns those of a
        source the sender handed on (never claimed) and those of a handover's source
        whose new runner's package came first (record id -> that runner)."""
        gone, theirs = set(), {}
        for n, rid in zip(wanted, hexes, strict=True):
            source = _source_of(type_name, self.records[n][1])
            if source in self.origins.handed_on:
                gone.add(rid)
            elif source in self.origins.new_runner_first:
                theirs[rid] = self.origins.new_runner_first[source]
        if type_name != "registration":  # a source's, claimed with the source
            session, sender = self.session, self.origins.sender
            claimed = [rid for rid in hexes if rid not in gone and rid not in theirs]
            legacy = (
                legacy_links(session, type_name, claimed, sender) if type_name in LINKED else set()
            )
            self.origins.claim_many(type_name, claimed, set(held), legacy)
            self.origins.claim_as_new_runner(type_name, theirs, set(held))
        return gone, theirs

    def one_type(self, type_name: str, wanted: list[int], counts: ImportCounts) -> None:
        """``wanted``: the indexes in ``records`` of the records of ``type_name``."""
        session, records = self.session, self.records
        hexes = [records[n][0].id.hex for n in wanted]
        held = dict(held_in(session, table_of(w.RECORD_TYPES[type_name]), hexes))
        gone, theirs = self._claim(type_name, wanted, hexes, held)
        versions = _latest_versions(session, type_name, hexes)
        # Of the sources the sender handed on: the versions its handover carried.
        handed = handover.handed_versions(session, self.origins.sender, sorted(gone))
        to_apply = self.chosen.live.setdefault(type_name, [])
        for n, rid in zip(wanted, hexes, strict=True):
            ref, data = records[n]
            if rid in held and held[rid] != hex_id(data["compartment_id"]):
                raise ConflictingRecords()
            top, hashes, numbers = versions.get(rid, (0, set(), set()))
            if ref.sha256 in hashes:
                counts.unchanged += 1
                continue
            if ref.version in numbers:
                # A version never changes (section 8): held with other content.
                raise MalformedPackage(
                    "The package carries a version of a record that this vault holds with "
                    "other content (a version never changes); nothing was imported."
                )
            if rid in gone and not (
                ref.version < min(top, handed.get(rid, 0)) and ref.version not in numbers
            ):
                # Of a source its sender handed on: nothing new, nothing newer, nothing
                # past what the handover carried (section 7.4).
                raise ConflictingRecords()
            if rid in theirs and top and ref.version > top:
                # A handover whose new runner's package came first: it may not bring
                # a version past what the new runner sent (section 7.4).
                raise ConflictingRecords()
            if top and ref.version <= top:
                counts.older += 1  # kept as history; the live record stays the newer one
            else:
                to_apply.append(data)
                existed = top or (rid in held and type_name != "registration")
                if existed:
                    counts.updated += 1
                else:
                    counts.new += 1
            self.chosen.version_rows.append(
                (
                    next(self.version_ids),
                    type_name,
                    rid,
                    ref.version,
                    ref.sha256,
                    self.package_id.hex,
                    hex_id(data["compartment_id"]),
                    self.now,
                    *self.locations[n],
                )
            )
        if type_name == "debrief":
            self.chosen.held_debriefs = set(held)


def _chosen(
    session: Session,
    scope: Scope,
    package_id: uuid.UUID,
    sender: str,
    sources: list[dict[str, Any]],
    records: list[tuple[RecordRef, dict[str, Any]]],
    locations: Sequence[tuple[int, int]],
    version: int,
    new_runner_first: Mapping[str, str] | None,
) -> tuple[Applied, _Chosen, Origins]:
    """Everything ``apply`` decides and refuses by what this vault holds, before the
    rows are written: the sources and who brought them, each record's version, the
    ids of the debriefs' children."""
    applied = Applied(ImportCounts(), ImportCounts(), codename_notices(session, sources, sender))
    origins = Origins(
        session,
        sender,
        package_id,
        handover.handed_on(session, sender),
        new_runner_first,
    )
    _sources(session, scope, sources, origins)
    by_type: dict[str, list[int]] = {}
    for n, (ref, _data) in enumerate(records):
        by_type.setdefault(ref.type, []).append(n)
    chooser = _VersionChooser(session, package_id, origins, records, locations)
    for type_name in w.manifest_types(version):
        wanted = by_type.get(type_name, [])
        if wanted:
            counts = applied.debriefs if type_name == "debrief" else applied.files
            chooser.one_type(type_name, wanted, counts)
    _check_children(session, chooser.chosen.live.get("debrief", []))
    return applied, chooser.chosen, origins


def check(
    session: Session,
    scope: Scope,
    package_id: uuid.UUID,
    sender: str,
    sources: list[dict[str, Any]],
    records: list[tuple[RecordRef, dict[str, Any]]],
    *,
    version: int = w.CURRENT,
    new_runner_first: Mapping[str, str] | None = None,
) -> None:
    """Refuse as ``apply`` would for what this vault holds, without writing the
    records (``package verify``). It writes sources and who brought them on the
    way, as ``apply`` does: the caller's transaction is rolled back."""
    where, first = [(0, 0)] * len(records), new_runner_first
    _chosen(session, scope, package_id, sender, sources, records, where, version, first)


def apply(
    session: Session,
    scope: Scope,
    package_id: uuid.UUID,
    sender: str,
    sources: list[dict[str, Any]],
    records: list[tuple[RecordRef, dict[str, Any]]],
    blobs: Mapping[str, bytes],
    locations: Sequence[tuple[int, int]],
    progress: ProgressFn | None = None,
    *,
    version: int = w.CURRENT,
    meanwhile: Callable[[], object] | None = None,
    new_runner_first: Mapping[str, str] | None = None,
) -> Applied:
    """Write ``records`` (checked, references and all: ``package_body``) of a
    package of format ``version``. ``locations``: where each record's canonical
    JSON lies in the package's container, which is kept (``package_evidence``);
    the version rows point there. ``meanwhile``: Python work (that does not touch
    the database) run while the search index is written, on the other core
    (``search_bulk.bulk_index``); its exception fails the import.
    ``new_runner_first``: a handover's source taken from its old runner though the
    new runner's package came first (``handover_order.check_handler``)."""
    applied, chosen, origins = _chosen(
        session, scope, package_id, sender, sources, records, locations, version, new_runner_first
    )
    debriefs = chosen.live.get("debrief", [])
    writer = RowWriter(session, version)
    try:
        with search_bulk.bulk_index(raw_connection(session), meanwhile) as index:
            writer.debriefs(debriefs, blobs, progress, chosen.held_debriefs, index, origins)
        writer.file_records(chosen.live)
    except sqlcipher3.IntegrityError:
        raise ConflictingRecords() from None
    execute_many(
        session,
        "INSERT INTO record_version (id, record_type, record_id, version, sha256, "
        "package_id, compartment_id, imported_at, data_offset, data_length) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        chosen.version_rows,
    )
    return applied
