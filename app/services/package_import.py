"""Putting an imported package's records into the handler's vault.

Records land in the runner's compartment (same ids), which the importing alias
joins. Every version a package brings is named in ``record_version`` (its
canonical JSON stays in the kept container); the live tables show the newest.
A version already held changes nothing. Rows are written with bulk statements
inside the caller's transaction, so a refusal anywhere leaves the vault as it
was, and 10,000 debriefs take seconds, not minutes.
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
from app.dal.scope import Scope
from app.domain import names
from app.domain.names import NameKind
from app.domain.text import normalise_name
from app.errors import PackageError
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from app.models import Compartment, CompartmentMember, Source, Subject
from app.models.base import new_hex_id, new_hex_ids
from app.models.enums import SourceKind, SourceStatus
from app.services import aliases, bulk_columns
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

    def claim_many(self, record_type: str, ids: list[str], existing: set[str]) -> None:
        """``ids``: hex, of records of ``record_type``; ``existing``: those of them
        this vault holds."""
        known = dict(
            _raw(self.session).execute(
                "SELECT o.record_id, o.sender FROM json_each(?) AS j "
                "CROSS JOIN package_origin AS o ON o.record_type = ? AND o.record_id = j.value",
                (orjson.dumps(ids).decode(), record_type),
            )
        )
        if any(known.get(i, self.sender) != self.sender for i in ids):
            raise ConflictingRecords()
        if any(i in existing and i not in known for i in ids):
            raise ConflictingRecords()
        _many(
            self.session,
            "INSERT INTO package_origin (record_type, record_id, sender, package_id) "
            "VALUES (?,?,?,?)",
            [(record_type, i, self.sender, self.package_id.hex) for i in ids if i not in known],
        )


# Tables whose rows a record brings, by id: an id already used in another
# compartment would link this record to someone else's (and show it under theirs).
_CHILDREN = (
    ("contact", "contact"),
    ("intelligence_item", "items"),
    ("addendum", "addenda"),
    ("tasking", "taskings"),
    ("payment", "payments"),
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
    origins.claim_many("compartment", [c.hex for c in comp_ids], {c.hex for c in held_comps})
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
    # By key, like codenames made here (``Kwarts`` is ``KWARTS``).
    codenames = [
        names.key(s["codename"]) for s in sources if uuid.UUID(s["id"]) not in held_sources
    ]
    if len(set(codenames)) != len(codenames) or _in_chunks(
        session, Source.id, Source.codename_key, codenames
    ):
        raise PackageError(
            "A source in the package has a codename this vault already uses for "
            "another source; nothing was imported."
        )
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


def _latest_versions(session: Session, record_ids: list[str]) -> dict[str, tuple[int, set[str]]]:
    """Debrief id (hex) -> (newest version held, hashes of every version held)."""
    out: dict[str, tuple[int, set[str]]] = {}
    for rid, version, sha in _raw(session).execute(
        "SELECT v.record_id, v.version, v.sha256 FROM json_each(?) AS j CROSS JOIN record_version "
        "AS v ON v.record_type = 'debrief' AND v.record_id = j.value",
        (orjson.dumps(record_ids).decode(),),
    ):
        top, hashes = out.get(rid, (0, set()))
        out[rid] = (max(top, version), hashes | {sha})
    return out


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
) -> ImportCounts:
    """Write ``records`` (checked: ``package_receive``). ``locations``: where each
    record's canonical JSON lies in the package's container, which is kept
    (``package_evidence``); the version rows point there."""
    counts = ImportCounts()
    origins = _Origins(session, sender, package_id)
    compartments = _sources(session, scope, sources, origins)
    hexes = [ref.id.hex for ref, _ in records]
    versions = _latest_versions(session, hexes)
    live = {rid for rid, _comp in _held(session, "debrief", hexes)}
    origins.claim_many("debrief", hexes, live)
    to_apply: list[dict[str, Any]] = []
    version_rows: list[tuple[Any, ...]] = []
    now = iso_utc(utc_now())
    version_ids = iter(new_hex_ids(len(records)))
    for n, (ref, data) in enumerate(records):
        rid = hexes[n]
        if data["compartment_id"] != compartments.get(data["source_id"]):
            raise MalformedPackage("A record's compartment does not match its source.")
        if any(f["sha256"] not in blobs for f in data["attachments"]):
            raise MalformedPackage("A file a record names is missing from the package.")
        top, hashes = versions.get(rid, (0, set()))
        if ref.sha256 in hashes:
            counts.unchanged += 1
            continue
        if top and ref.version <= top:
            counts.older += 1  # kept as history; the live record stays the newer one
        else:
            to_apply.append(data)
            if rid in live or top:
                counts.updated += 1
            else:
                counts.new += 1
        version_rows.append(
            (
                next(version_ids),
                "debrief",
                rid,
                ref.version,
                ref.sha256,
                package_id.hex,
                _id(data["compartment_id"]),
                now,
                *locations[n],
            )
        )
    _check_children(session, to_apply)
    try:
        _write(session, to_apply, blobs, progress, live)
    except sqlcipher3.IntegrityError:
        raise ConflictingRecords() from None
    _many(
        session,
        "INSERT INTO record_version (id, record_type, record_id, version, sha256, "
        "package_id, compartment_id, imported_at, data_offset, data_length) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        version_rows,
    )
    return counts


def _subjects(
    session: Session, wanted: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], str]:
    """(compartment hex, kind, normalised) -> subject id hex, creating what is missing."""
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


def _write(
    session: Session,
    records: list[dict[str, Any]],
    blobs: Mapping[str, bytes],
    progress: ProgressFn | None,
    live: set[str],
) -> None:
    """``live``: ids (hex) of the debriefs the vault held before (updated, not new)."""
    with search_bulk.bulk_index(_raw(session)) as index:
        _write_rows(session, records, blobs, progress, live, index)


def _write_rows(
    session: Session,
    records: list[dict[str, Any]],
    blobs: Mapping[str, bytes],
    progress: ProgressFn | None,
    live: set[str],
    index: search_bulk.BulkIndex,
) -> None:
    aliases = _Aliases(session)
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
                (subject_ids[key], key[0], key[1], display[:200], key[2], "", iso_utc(utc_now()))
            )
            index.add("subject", subject_ids[key], None, key[0], display[:200])
    _many(
        session,
        "INSERT INTO subject (id, compartment_id, kind, name, normalised, notes, "
        "created_at) VALUES (?,?,?,?,?,?,?)",
        new_subjects,
    )
    total = len(records)
    for n, d in enumerate(records):
        comp, source, did = (
            _id(d["compartment_id"]),
            _id(d["source_id"]),
            _id(d["id"]),
        )
        c = d["contact"]
        contact_id = None
        if c is not None:
            contact_id = _id(c["id"])
            contacts.append(
                (
                    contact_id,
                    comp,
                    source,
                    c["kind"],
                    c["occurred_at"],
                    c["duration_minutes"],
                    c["location_codeword"],
                    c["reconnaissance_notes"],
                    c["safety_notes"],
                    c["notes"],
                    d["created_at"],
                    d["updated_at"],
                )
            )
            attendees += [(contact_id, aliases.id(a)) for a in c["attendees"]]
        if did not in live:  # an update keeps its index entry (the update trigger)
            index.add("debrief", did, did, comp, d["narrative"])
        debriefs.append(
            (
                did,
                comp,
                source,
                contact_id,
                d["status"],
                d["narrative"],
                d["welfare_observations"],
                d["security_observations"],
                d["runner_assessment"],
                d["critical_reflection"],
                aliases.id(d["author"]),
                d["submitted_at"],
                d["reviewed_at"],
                aliases.id(d["reviewer"]),
                d["review_comment"],
                d["created_at"],
                d["updated_at"],
            )
        )
        for item in d["items"]:
            iid = _id(item["id"])
            index.add("intelligence_item", iid, did, comp, item["text"])
            items.append(
                (
                    iid,
                    comp,
                    did,
                    item["position"],
                    item["text"],
                    item["sanitised_text"],
                    item["scheme"],
                    item["source_evaluation"],
                    item["intelligence_assessment"],
                    item["handling_code"],
                    item["handling_conditions"],
                    item["corroboration"],
                    1 if item["exculpatory"] else 0,
                    d["created_at"],
                    d["updated_at"],
                )
            )
            links += [
                (iid, subject_ids[(comp, s["kind"], normalised(s["name"]))])
                for s in item["subjects"]
            ]
        addenda += [
            (_id(a["id"]), comp, did, a["text"], aliases.id(a["author"]), a["created_at"])
            for a in d["addenda"]
        ]
        taskings += [
            (
                _id(t["id"]),
                comp,
                source,
                did,
                t["description"],
                t["limits"],
                t["deadline"],
                t["status"],
                t["outcome"],
                t["created_at"],
            )
            for t in d["taskings"]
        ]
        payments += [
            (
                _id(p["id"]),
                comp,
                source,
                did,
                p["kind"],
                p["amount_cents"],
                p["currency"],
                p["reason"],
                p["occurred_on"],
                aliases.id(p["witness"]),
                aliases.id(p["approved_by"]),
                p["created_at"],
            )
            for p in d["payments"]
        ]
        files += [
            (
                _id(f["id"]),
                comp,
                did,
                f["name"],
                f["media_type"],
                f["size"],
                f["sha256"],
                f["created_at"],
            )
            for f in d["attachments"]
        ]
        if progress is not None and n % 500 == 0:
            progress(n, total)
    # OR IGNORE keeps an addendum already held (or named twice): indexed once.
    held = {rid for rid, _comp in _held(session, "addendum", [row[0] for row in addenda])}
    for row in addenda:
        if row[0] not in held:
            held.add(row[0])
            index.add("addendum", row[0], row[2], row[1], row[3])
    ids = [(row[0],) for row in debriefs]
    contact_keys = [(row[0],) for row in contacts]
    # Items and attendees of an updated record are replaced as a whole.
    _many(session, "DELETE FROM intelligence_item WHERE debrief_id = ?", ids)
    _many(session, "DELETE FROM contact_attendee WHERE contact_id = ?", contact_keys)
    _many(
        session,
        _upsert(
            "contact",
            (
                "id",
                "compartment_id",
                "source_id",
                "kind",
                "occurred_at",
                "duration_minutes",
                "location_codeword",
                "reconnaissance_notes",
                "safety_notes",
                "notes",
                "created_at",
                "updated_at",
            ),
        ),
        contacts,
    )
    _many(
        session,
        "INSERT OR IGNORE INTO contact_attendee (contact_id, alias_id) VALUES (?,?)",
        [a for a in attendees if a[1] is not None],
    )
    _many(session, _DEBRIEF_UPSERT, debriefs)
    _many(
        session,
        f"INSERT INTO intelligence_item ({', '.join(bulk_columns.ITEM)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in bulk_columns.ITEM)})",
        items,
    )
    _many(session, "INSERT OR IGNORE INTO item_subject (item_id, subject_id) VALUES (?,?)", links)
    _many(
        session,
        "INSERT OR IGNORE INTO addendum (id, compartment_id, debrief_id, text, "
        "author_alias_id, created_at) VALUES (?,?,?,?,?,?)",
        addenda,
    )
    if files:
        # Each file's bytes are fetched as its row is written (``blobs`` decodes them
        # from the package): one file in memory at a time, not all of them.
        _raw(session).executemany(
            "INSERT OR IGNORE INTO attachment (id, compartment_id, debrief_id, name, "
            "media_type, size, sha256, data, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            ((*row[:7], blobs[row[6]], row[7]) for row in files),
        )
    _many(
        session,
        _upsert(
            "tasking",
            (
                "id",
                "compartment_id",
                "source_id",
                "debrief_id",
                "description",
                "limits",
                "deadline",
                "status",
                "outcome",
                "created_at",
            ),
        ),
        taskings,
    )
    _many(
        session,
        _upsert("payment", bulk_columns.PAYMENT),
        payments,
    )
    if progress is not None:
        progress(total, total)


_DEBRIEF_COLUMNS = bulk_columns.DEBRIEF
_REVIEW = ("status", "reviewed_at", "reviewer_alias_id", "review_comment")
# The handler's own review of a debrief (approved or returned here) outlives a newer
# version the runner sent before learning of it: the runner's vault still says
# "submitted". A submission made after the review (answering a return) wins.
_KEEP_REVIEW = (
    "debrief.status IN ('approved', 'returned') AND debrief.reviewed_at IS NOT NULL "
    "AND excluded.status = 'submitted' "
    "AND (excluded.submitted_at IS NULL OR excluded.submitted_at <= debrief.reviewed_at)"
)
_DEBRIEF_UPSERT = (
    f"INSERT INTO debrief ({', '.join(_DEBRIEF_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join('?' for _ in _DEBRIEF_COLUMNS)}) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(
        f"{c} = CASE WHEN {_KEEP_REVIEW} THEN debrief.{c} ELSE excluded.{c} END"
        if c in _REVIEW
        else f"{c} = excluded.{c}"
        for c in _DEBRIEF_COLUMNS
        if c != "id"
    )
)


def _upsert(table: str, columns: tuple[str, ...]) -> str:
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
