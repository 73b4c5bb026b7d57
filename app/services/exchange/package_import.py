"""Putting an imported package's records into the handler's vault.

Records land in the runner's compartment (same ids), which the importing alias
joins. Every version a package brings is named in ``record_version`` (its
canonical JSON stays in the kept container); the live tables show the newest.
A version already held changes nothing. Rows are written with bulk statements
inside the caller's transaction, so a refusal anywhere leaves the vault as it
was, and 10,000 debriefs take seconds, not minutes.

Which column each field goes to is read off the declarations of
``app.models.wire`` (``_Plan``): one small writer per record type, each given
the columns a record does not carry itself (its debrief's compartment, ...).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import sqlcipher3
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain import names
from app.domain.enums import SourceKind, SourceStatus
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.domain.text import normalise_name
from app.errors import Notice, PackageError
from app.export.manifest import RecordRef
from app.models import Compartment, CompartmentMember, Source, Subject
from app.models import wire as w
from app.models.base import new_hex_id, new_hex_ids
from app.services.admin import aliases
from app.services.exchange import handover
from app.services.exchange.package_records import table_of
from app.vault import search_bulk

ProgressFn = Callable[[int, int], None]


@dataclass
class ImportCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0


def _id(text: str) -> str:
    """``uuid.UUID(text).hex`` of an id in a checked record: ``package_validation``
    accepts ids only in the form ``str(uuid)`` gives (lowercase, dashed)."""
    return text.replace("-", "")


def _raw(session: Session) -> Any:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return raw


def _many(session: Session, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        _raw(session).executemany(sql, rows)


class _Aliases:
    """Cover names in records become alias rows here (colleagues: not ours to act
    under); an existing alias of the same name (by key: ``valk`` is ``Valk``) is
    reused. The names were checked by the rule (package_validation)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids, self.by_key = aliases.names_known(session)

    def id(self, name: str | None) -> str | None:
        if name is None:
            return None
        found = self.ids.get(name)
        if found is None:
            key = names.key(name)
            found = self.by_key.get(key)
            if found is None:
                found = aliases.add_colleague(self.session, name).id
                self.by_key[key] = found
            self.ids[name] = found
        return found.hex


class ConflictingRecords(PackageError):
    """The package would change records this vault did not receive from its sender."""

    def __init__(self) -> None:
        super().__init__(
            "The package names records this vault holds from elsewhere (made here, or sent "
            "by another runner); nothing was imported."
        )


class _Origins:
    """Who brought each compartment, source and debrief in (``PackageOrigin``): a
    package may add new ones or change its own sender's, nothing else."""

    def __init__(self, session: Session, sender: str, package_id: uuid.UUID) -> None:
        self.session, self.sender, self.package_id = session, sender, package_id

    def claim_many(
        self,
        record_type: str,
        ids: list[str],
        existing: set[str],
        legacy: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        """``ids``: hex, of records of ``record_type``; ``existing``: those of them
        this vault holds; ``legacy``: those of them this sender brought before
        their origin was kept (taskings and payments inside its debriefs)."""
        known = dict(
            _raw(self.session).execute(
                "SELECT o.record_id, o.sender FROM json_each(?) AS j "
                "CROSS JOIN package_origin AS o ON o.record_type = ? AND o.record_id = j.value",
                (orjson.dumps(ids).decode(), record_type),
            )
        )
        if any(known.get(i, self.sender) != self.sender for i in ids):
            raise ConflictingRecords()
        if any(i in existing and i not in known and i not in legacy for i in ids):
            raise ConflictingRecords()
        _many(
            self.session,
            "INSERT INTO package_origin (record_type, record_id, sender, package_id) "
            "VALUES (?,?,?,?)",
            [(record_type, i, self.sender, self.package_id.hex) for i in ids if i not in known],
        )


# Tables whose rows a debrief brings, by id: an id already used in another
# compartment would link this record to someone else's (and show it under theirs).
_CHILDREN = (
    ("contact", "contact"),
    ("intelligence_item", "items"),
    ("addendum", "addenda"),
    ("tasking", "taskings"),  # version 2
    ("payment", "payments"),  # version 2
    ("attachment", "attachments"),
)


def _held(session: Session, table: str, ids: list[str]) -> list[tuple[str, str]]:
    """(id, compartment id) of the rows of ``table`` among ``ids`` (hex), in one
    statement: the ids go in as one JSON array, so no chunking to SQLite's limit
    on bound values. CROSS JOIN keeps the list as the outer loop, one index probe
    per id (left to itself, the planner may scan the table once per id)."""
    if not ids:
        return []
    sql = f"SELECT t.id, t.compartment_id FROM json_each(?) AS j CROSS JOIN {table} AS t "  # noqa: S608
    sql += "ON t.id = j.value"
    rows: list[tuple[str, str]] = (
        _raw(session).execute(sql, (orjson.dumps(ids).decode(),)).fetchall()
    )
    return rows


def _check_children(session: Session, records: list[dict[str, Any]]) -> None:
    for table, part in _CHILDREN:
        wanted: dict[str, str] = {}
        for d in records:
            if part not in d:
                continue  # not in this format version
            children = d[part] if part != "contact" else [d["contact"]] if d["contact"] else []
            if children:
                comp = d["compartment_id"]
                for child in children:
                    if wanted.setdefault(child["id"], comp) != comp:
                        raise ConflictingRecords()
        want = {_id(k): _id(v) for k, v in wanted.items()}
        if any(comp != want[rid] for rid, comp in _held(session, table, list(want))):
            raise ConflictingRecords()


def _in_chunks(session: Session, what: Any, column: Any, values: Sequence[Any]) -> list[Any]:
    """``select(what).where(column.in_(values))``, 500 values at a time (SQLite
    limits the number of bound values in one statement)."""
    out: list[Any] = []
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        out += session.execute(select(what).where(column.in_(chunk))).scalars()
    return out


def _sources(
    session: Session, scope: Scope, sources: list[dict[str, Any]], origins: _Origins
) -> dict[str, str]:
    """Create or update each source and its compartment; the importing alias joins
    the compartment. Returns source id -> compartment id (both as in the package).
    A few statements for all of them: a package of 10,000 debriefs names dozens."""
    comp_ids = list(dict.fromkeys(uuid.UUID(s["compartment_id"]) for s in sources))
    source_ids = [uuid.UUID(s["id"]) for s in sources]  # each once (package_receive)
    held_comps = set(_in_chunks(session, Compartment.id, Compartment.id, comp_ids))
    held_sources = {src.id: src for src in _in_chunks(session, Source, Source.id, source_ids)}
    # A compartment another runner brought in, holding a source handed over to
    # this sender, may be named by this sender's packages (docs: section 8).
    taken_over = handover.taken_over_compartments(session, origins.sender)
    origins.claim_many(
        "compartment",
        [c.hex for c in comp_ids if c.hex not in taken_over],
        {c.hex for c in held_comps},
    )
    origins.claim_many("source", [i.hex for i in source_ids], {i.hex for i in held_sources})
    compartments: dict[str, str] = {}
    for s in sources:
        compartments.setdefault(
            s["compartment_id"], names.clean(s["compartment"], NameKind.COMPARTMENT)
        )
    wanted_names = list(set(compartments.values()))
    taken = set(_in_chunks(session, Compartment.name, Compartment.name, wanted_names))
    for comp_id in comp_ids:
        if comp_id not in held_comps:
            wanted = compartments[str(comp_id)]
            name = wanted if wanted not in taken else f"{wanted} ({comp_id.hex[:6]})"
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
        else:
            source.kind, source.status = SourceKind(s["kind"]), SourceStatus(s["status"])
        out[s["id"]] = s["compartment_id"]
    session.flush()
    return out


def codename_notices(session: Session, sources: list[dict[str, Any]]) -> tuple[Notice, ...]:
    """A notice for each source the package brings that has the codename (by key:
    ``Kwarts`` is ``KWARTS``) of another source, here or in the same package. Not a
    refusal: sources are told apart by id, and shown with their runner
    (``app.dal.source_names``); two runners may well give two people one codename."""
    held = set(_in_chunks(session, Source.id, Source.id, [uuid.UUID(s["id"]) for s in sources]))
    new = [s for s in sources if uuid.UUID(s["id"]) not in held]
    keys = [names.key(s["codename"]) for s in new]
    others = set(_in_chunks(session, Source.codename_key, Source.codename_key, keys))
    notices = []
    for s, key in zip(new, keys, strict=True):
        if key in others or keys.count(key) > 1:
            notices.append(
                Notice(
                    "Source {codename} in this package has the codename of another source in "
                    "this vault; both are kept, each shown with its runner.",
                    codename=names.clean(s["codename"], NameKind.CODENAME),
                )
            )
    return tuple(notices)


def _latest_versions(
    session: Session, record_type: str, record_ids: list[str]
) -> dict[str, tuple[int, set[str]]]:
    """Record id (hex) -> (newest version held, hashes of every version held)."""
    out: dict[str, tuple[int, set[str]]] = {}
    for rid, version, sha in _raw(session).execute(
        "SELECT v.record_id, v.version, v.sha256 FROM json_each(?) AS j CROSS JOIN record_version "
        "AS v ON v.record_type = ? AND v.record_id = j.value",
        (orjson.dumps(record_ids).decode(), record_type),
    ):
        top, hashes = out.get(rid, (0, set()))
        out[rid] = (max(top, version), hashes | {sha})
    return out


@dataclass
class Applied:
    debriefs: ImportCounts
    files: ImportCounts  # records of sources' files (version 3)
    notices: tuple[Notice, ...] = ()  # codenames another source has (``codename_notices``)


def _legacy(session: Session, table: str, ids: list[str], sender: str) -> set[str]:
    """Taskings or payments among ``ids`` this vault holds from inside a debrief
    that ``sender`` brought, from before their own origin was kept."""
    if not ids:
        return set()
    sql = f"SELECT t.id FROM json_each(?) AS j CROSS JOIN {table} AS t ON t.id = j.value "  # noqa: S608
    sql += "JOIN package_origin AS o ON o.record_type = 'debrief' AND o.record_id = t.debrief_id "
    sql += "AND o.sender = ?"
    return {row[0] for row in _raw(session).execute(sql, (orjson.dumps(ids).decode(), sender))}


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
) -> Applied:
    """Write ``records`` (checked, references and all: ``package_body``) of a
    package of format ``version``. ``locations``: where each record's canonical
    JSON lies in the package's container, which is kept (``package_evidence``);
    the version rows point there."""
    applied = Applied(ImportCounts(), ImportCounts(), codename_notices(session, sources))
    origins = _Origins(session, sender, package_id)
    _sources(session, scope, sources, origins)
    by_type: dict[str, list[int]] = {}
    for n, (ref, _data) in enumerate(records):
        by_type.setdefault(ref.type, []).append(n)
    version_rows: list[tuple[Any, ...]] = []
    chosen: dict[str, list[dict[str, Any]]] = {}
    live_debriefs: set[str] = set()
    now = iso_utc(utc_now())
    version_ids = iter(new_hex_ids(len(records)))
    for type_name in w.manifest_types(version):
        wanted = by_type.get(type_name, [])
        if not wanted:
            continue
        hexes = [records[n][0].id.hex for n in wanted]
        held = dict(_held(session, table_of(w.RECORD_TYPES[type_name]), hexes))
        if type_name != "registration":  # a source's, claimed with the source
            legacy = _legacy(session, type_name, hexes, sender) if type_name in _LINKED else set()
            origins.claim_many(type_name, hexes, set(held), legacy)
        versions = _latest_versions(session, type_name, hexes)
        counts = applied.debriefs if type_name == "debrief" else applied.files
        to_apply = chosen.setdefault(type_name, [])
        for n, rid in zip(wanted, hexes, strict=True):
            ref, data = records[n]
            if rid in held and held[rid] != _id(data["compartment_id"]):
                raise ConflictingRecords()
            top, hashes = versions.get(rid, (0, set()))
            if ref.sha256 in hashes:
                counts.unchanged += 1
                continue
            if top and ref.version <= top:
                counts.older += 1  # kept as history; the live record stays the newer one
            else:
                to_apply.append(data)
                existed = top or (rid in held and type_name != "registration")
                if existed:
                    counts.updated += 1
                else:
                    counts.new += 1
            version_rows.append(
                (
                    next(version_ids),
                    type_name,
                    rid,
                    ref.version,
                    ref.sha256,
                    package_id.hex,
                    _id(data["compartment_id"]),
                    now,
                    *locations[n],
                )
            )
        if type_name == "debrief":
            live_debriefs = set(held)
    debriefs = chosen.get("debrief", [])
    _check_children(session, debriefs)
    writer = _Writer(session, version)
    try:
        with search_bulk.bulk_index(_raw(session)) as index:
            writer.debriefs(debriefs, blobs, progress, live_debriefs, index, origins)
        writer.file_records(chosen)
    except sqlcipher3.IntegrityError:
        raise ConflictingRecords() from None
    _many(
        session,
        "INSERT INTO record_version (id, record_type, record_id, version, sha256, "
        "package_id, compartment_id, imported_at, data_offset, data_length) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        version_rows,
    )
    return applied


# Records that name the debrief they were given in (``debrief_id``).
_LINKED = ("tasking", "payment")


def _subjects(
    session: Session, wanted: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], str]:
    """(compartment hex, kind, normalised) -> subject id hex, of those held."""
    keys = set(wanted)
    comps = {k[0] for k in keys}
    known: dict[tuple[str, str, str], str] = {}
    for comp in comps:
        for sid, kind, norm in session.execute(
            select(Subject.id, Subject.kind, Subject.normalised).where(
                Subject.compartment_id == uuid.UUID(hex=comp)
            )
        ):
            known[(comp, kind.value, norm)] = sid.hex
    return known


@dataclass(frozen=True)
class _Plan:
    """How a record of one type and format version becomes a row: the fields that
    have a column, in order, and which of them need turning from wire to stored
    form (ids lose their hyphens, cover names become alias ids, booleans 0 or 1)."""

    names: tuple[str, ...]
    columns: tuple[str, ...]
    ids: tuple[int, ...]
    aliases: tuple[int, ...]
    bools: tuple[int, ...]


@functools.cache
def _plan(type_name: str, version: int) -> _Plan:
    fields = [f for f in w.RECORD_TYPES[type_name].fields(version) if f.column]

    def where(test: Callable[[w.Field], bool]) -> tuple[int, ...]:
        return tuple(n for n, f in enumerate(fields) if test(f))

    return _Plan(
        tuple(f.name for f in fields),
        tuple(str(f.column) for f in fields),
        where(lambda f: f.wire is w.Wire.ID),
        where(lambda f: f.by_alias),
        where(lambda f: f.wire is w.Wire.BOOL),
    )


class _Writer:
    """Rows for the records of one package, written with bulk statements."""

    def __init__(self, session: Session, version: int) -> None:
        self.session, self.version = session, version
        self.aliases = _Aliases(session)

    def row(self, plan: _Plan, data: dict[str, Any], *context: Any) -> tuple[Any, ...]:
        values = [data[k] for k in plan.names]
        for i in plan.ids:
            if values[i] is not None:
                values[i] = _id(values[i])
        for i in plan.aliases:
            values[i] = self.aliases.id(values[i] or None)
        for i in plan.bools:
            values[i] = 1 if values[i] else 0
        return (*values, *context)

    def columns(self, type_name: str, *context: str) -> tuple[str, ...]:
        return (*_plan(type_name, self.version).columns, *context)

    def debriefs(
        self,
        records: list[dict[str, Any]],
        blobs: Mapping[str, bytes],
        progress: ProgressFn | None,
        live: set[str],
        index: search_bulk.BulkIndex,
        origins: _Origins,
    ) -> None:
        """``live``: ids (hex) of the debriefs the vault held before (updated, not new)."""
        session = self.session
        Rows = list[tuple[Any, ...]]  # noqa: N806 - a local type alias
        contacts: Rows = []
        attendees: Rows = []
        debriefs: Rows = []
        items: Rows = []
        links: Rows = []
        addenda: Rows = []
        taskings: Rows = []
        payments: Rows = []
        files: Rows = []
        subject_names: dict[tuple[str, str, str], str] = {}
        normalised = functools.lru_cache(maxsize=None)(normalise_name)  # names repeat a lot
        for d in records:
            comp = _id(d["compartment_id"])
            for item in d["items"]:
                for s in item["subjects"]:
                    subject_names.setdefault((comp, s["kind"], normalised(s["name"])), s["name"])
        subject_ids = _subjects(session, subject_names)
        new_subjects = []
        for key, display in subject_names.items():
            if key not in subject_ids:
                subject_ids[key] = new_hex_id()
                new_subjects.append(
                    (
                        subject_ids[key],
                        key[0],
                        key[1],
                        display[:200],
                        key[2],
                        "",
                        iso_utc(utc_now()),
                    )
                )
                index.add("subject", subject_ids[key], None, key[0], display[:200])
        _many(
            session,
            "INSERT INTO subject (id, compartment_id, kind, name, normalised, notes, "
            "created_at) VALUES (?,?,?,?,?,?,?)",
            new_subjects,
        )
        row = self.row
        plan = functools.partial(_plan, version=self.version)
        contact_plan, debrief_plan, item_plan = plan("contact"), plan("debrief"), plan("item")
        addendum_plan, file_plan = plan("addendum"), plan("attachment")
        nested_lists = self.version < 3  # taskings and payments inside the debrief
        total = len(records)
        for n, d in enumerate(records):
            comp, source, did = (_id(d["compartment_id"]), _id(d["source_id"]), _id(d["id"]))
            created, updated = d["created_at"], d["updated_at"]
            c = d["contact"]
            contact_id = None
            if c is not None:
                contacts.append(row(contact_plan, c, comp, source, created, updated))
                contact_id = contacts[-1][0]
                attendees += [(contact_id, self.aliases.id(a)) for a in c["attendees"]]
            if did not in live:  # an update keeps its index entry (the update trigger)
                index.add("debrief", did, did, comp, d["narrative"])
            debriefs.append(row(debrief_plan, d, contact_id))
            for item in d["items"]:
                items.append(row(item_plan, item, comp, did, created, updated))
                iid = items[-1][0]
                index.add("intelligence_item", iid, did, comp, item["text"])
                links += [
                    (iid, subject_ids[(comp, s["kind"], normalised(s["name"]))])
                    for s in item["subjects"]
                ]
            addenda += [row(addendum_plan, a, comp, did) for a in d["addenda"]]
            files += [row(file_plan, f, comp, did) for f in d["attachments"]]
            if nested_lists:
                taskings += [row(plan("tasking"), t, comp, source, did) for t in d["taskings"]]
                payments += [row(plan("payment"), p, comp, source, did) for p in d["payments"]]
            if progress is not None and n % 500 == 0:
                progress(n, total)
        # OR IGNORE keeps an addendum already held (or named twice): indexed once.
        addendum_text = _plan("addendum", self.version).names.index("text")
        held = {rid for rid, _comp in _held(session, "addendum", [r[0] for r in addenda])}
        for r in addenda:
            if r[0] not in held:
                held.add(r[0])
                index.add("addendum", r[0], r[-1], r[-2], r[addendum_text])
        ids = [(r[0],) for r in debriefs]
        contact_keys = [(r[0],) for r in contacts]
        # Items and attendees of an updated record are replaced as a whole.
        _many(session, "DELETE FROM intelligence_item WHERE debrief_id = ?", ids)
        _many(session, "DELETE FROM contact_attendee WHERE contact_id = ?", contact_keys)
        context = ("compartment_id", "source_id", "created_at", "updated_at")
        _many(session, _upsert("contact", self.columns("contact", *context)), contacts)
        _many(
            session,
            "INSERT OR IGNORE INTO contact_attendee (contact_id, alias_id) VALUES (?,?)",
            [a for a in attendees if a[1] is not None],
        )
        _many(session, _debrief_upsert(self.columns("debrief", "contact_id")), debriefs)
        _many(
            session,
            _insert(
                self.columns("item", "compartment_id", "debrief_id", "created_at", "updated_at"),
                "intelligence_item",
            ),
            items,
        )
        _many(
            session, "INSERT OR IGNORE INTO item_subject (item_id, subject_id) VALUES (?,?)", links
        )
        _many(
            session,
            _insert(
                self.columns("addendum", "compartment_id", "debrief_id"), "addendum", "OR IGNORE"
            ),
            addenda,
        )
        if files:
            # Each file's bytes are fetched as its row is written (``blobs`` decodes them
            # from the package): one file in memory at a time, not all of them.
            sha = _plan("attachment", self.version).names.index("sha256")
            _raw(session).executemany(
                _insert(
                    self.columns("attachment", "compartment_id", "debrief_id", "data"),
                    "attachment",
                    "OR IGNORE",
                ),
                ((*r, blobs[r[sha]]) for r in files),
            )
        if nested_lists:
            for type_name, rows in (("tasking", taskings), ("payment", payments)):
                origins.claim_many(
                    type_name,
                    [r[0] for r in rows],
                    {rid for rid, _c in _held(session, type_name, [r[0] for r in rows])},
                    _legacy(session, type_name, [r[0] for r in rows], origins.sender),
                )
                columns = self.columns(type_name, "compartment_id", "source_id", "debrief_id")
                _many(session, _upsert(type_name, columns), rows)
        if progress is not None:
            progress(total, total)

    def file_records(self, chosen: dict[str, list[dict[str, Any]]]) -> None:
        """The records of sources' files (version 3), after the debriefs they name."""
        session = self.session
        for type_name in w.FILE_RECORDS:
            records = chosen.get(type_name, [])
            if not records:
                continue
            plan = _plan(type_name, self.version)
            rows = [self.row(plan, r) for r in records]
            columns = self.columns(type_name)
            if type_name == "registration":
                sets = ", ".join(f"{c} = ?" for c in columns if c != "id")
                at = columns.index("id")
                _many(
                    session,
                    f"UPDATE source SET {sets} WHERE id = ?",  # noqa: S608
                    [(*r[:at], *r[at + 1 :], r[at]) for r in rows],
                )
                continue
            if type_name in _LINKED:
                # A link to a debrief this vault does not hold (a package missing)
                # is left out; a link it holds is never undone by a later version
                # (the runner's vault drops it when it purges that debrief).
                link = columns.index("debrief_id")
                wanted = [r[link] for r in rows if r[link] is not None]
                held = {rid for rid, _c in _held(session, "debrief", wanted)}
                rows = [
                    (*r[:link], r[link] if r[link] in held else None, *r[link + 1 :]) for r in rows
                ]
            _many(
                session,
                _upsert(table_of(w.RECORD_TYPES[type_name]), columns, keep=("debrief_id",)),
                rows,
            )


def _insert(columns: tuple[str, ...], table: str, verb: str = "") -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT {verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608


_REVIEW = ("status", "reviewed_at", "reviewer_alias_id", "review_comment")
# The handler's own review of a debrief (approved or returned here) outlives a newer
# version the runner sent before learning of it: the runner's vault still says
# "submitted". A submission made after the review (answering a return) wins.
_KEEP_REVIEW = (
    "debrief.status IN ('approved', 'returned') AND debrief.reviewed_at IS NOT NULL "
    "AND excluded.status = 'submitted' "
    "AND (excluded.submitted_at IS NULL OR excluded.submitted_at <= debrief.reviewed_at)"
)


@functools.cache
def _debrief_upsert(columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO debrief ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT(id) DO UPDATE SET "
        + ", ".join(
            f"{c} = CASE WHEN {_KEEP_REVIEW} THEN debrief.{c} ELSE excluded.{c} END"
            if c in _REVIEW
            else f"{c} = excluded.{c}"
            for c in columns
            if c != "id"
        )
    )


@functools.cache
def _upsert(table: str, columns: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """Insert, or update every column but the id; the columns in ``keep`` keep
    their value where the new one is null."""
    updates = ", ".join(
        f"{c} = coalesce(excluded.{c}, {table}.{c})" if c in keep else f"{c} = excluded.{c}"
        for c in columns
        if c != "id"
    )
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
