"""Storing a verified package, in the caller's transaction: what each table
keeps, bulk rows by COPY. The checks against the store (``ingest_checks``) run
first, in the same transaction.

Written straight into their tables, never through temporary tables: rows the
store holds already (a version, an audit event sent again) are read first and
left out, and a second process storing the same rows at the same moment makes
this transaction fail on a unique key, to be tried again (``ingest``). The
search vectors are not computed here but after the commit (``search_index``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from app.central import deconfliction_match
from app.central import ingest_checks as checks
from app.central.ingest_checks import Arrival, HeldDebrief, Sender
from app.export import package
from app.export.errors import MalformedPackage, ReplayedPackage
from app.services.exchange import package_body
from app.services.files import user_files

PIECE = 1024 * 1024  # the sealed file is kept in pieces of this size (few held at once)
_TEXT_FIELDS = (
    "narrative",
    "welfare_observations",
    "security_observations",
    "runner_assessment",
    "critical_reflection",
    "review_comment",
)

Record = tuple[Any, dict[str, Any]]


@dataclass(frozen=True)
class Written:
    arrival: Arrival
    new_versions: int
    matches: int = 0  # deconfliction matches this package opened


def copy(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]], types: str = "") -> None:
    """COPY ``rows`` in; ``types`` (PostgreSQL type names) makes it binary."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(sql + (" (FORMAT BINARY)" if types else "")) as out:
        if types:
            out.set_types(types.split())
        for row in rows:
            out.write_row(row)


def store_package(
    conn: Connection,
    chosen: user_files.ChosenFile,
    name: str,
    opened: package.Opened,
    contents: package_body.Contents,
    sender: Sender,
    channel: str,
) -> Written:
    # Version 3 carries a source's whole file beside its debriefs (registration,
    # risk assessments, …): those are kept in record_versions.
    debriefs = [
        (ref, data, where)
        for (ref, data), where in zip(contents.records, contents.locations, strict=True)
        if ref.type == "debrief"
    ]
    file_records = [(ref, data) for ref, data in contents.records if ref.type != "debrief"]
    compartments = {s["id"]: s["compartment_id"] for s in contents.sources}
    for _ref, data, _where in debriefs:
        # Every record belongs to a source the package lists, in that source's
        # compartment (as a handler's vault requires: package_import).
        if compartments.get(data["source_id"]) != data["compartment_id"]:
            raise MalformedPackage("A record's compartment does not match its source.")
    checks.refuse_others_file_records(conn, sender, file_records)
    held = checks.held_debriefs(conn, [str(ref.id) for ref, _, _ in debriefs])
    checks.refuse_others_records(conn, sender, [s["id"] for s in contents.sources], held)
    arrival = checks.arrival(conn, channel, opened.manifest.sequence, opened.manifest.previous)
    _package_row(conn, chosen, name, opened, sender, channel, arrival)
    pid, tid = str(opened.manifest.package_id), sender.team_id
    _evidence(conn, chosen, opened.manifest.package_id, tid)
    _sources(conn, contents.sources, sender, pid)
    latest, new_versions = _debrief_versions(conn, opened.container, debriefs, tid, pid)
    _debriefs(conn, latest, held, sender)
    new_versions += _file_records(conn, sender, pid, file_records)
    _events(conn, contents.events, sender, pid)
    # Blind deconfliction, last (it serialises ingests that carry tokens until they
    # commit): the sources' tokens, matched at once (only these sources).
    tokened = deconfliction_match.store_tokens(
        conn, contents.sources, team_id=tid, sender=sender.fingerprint, package_id=pid,
        created_at=opened.manifest.created_at,
    )  # fmt: skip
    return Written(arrival, new_versions, deconfliction_match.match(conn, tokened))


def _package_row(
    conn: Connection,
    chosen: user_files.ChosenFile,
    name: str,
    opened: package.Opened,
    sender: Sender,
    channel: str,
    arrival: Arrival,
) -> None:
    m = opened.manifest
    try:
        with conn.begin_nested():
            conn.execute(
                text(
                    "INSERT INTO central.packages (id, sha256, team_id, sender, channel, "
                    "sequence, previous, kind, created_at, file_name, size, records, "
                    "audit_events, arrival, warnings, manifest) VALUES (:id, :sha, :team, "
                    ":sender, :channel, :seq, :prev, :kind, :created, :file, :size, :records, "
                    ":events, :arrival, :warnings, CAST(:manifest AS jsonb))"
                ),
                {
                    "id": m.package_id,
                    "sha": opened.sha256,
                    "team": sender.team_id,
                    "sender": sender.fingerprint,
                    "channel": channel,
                    "seq": m.sequence,
                    "prev": m.previous,
                    "kind": m.kind,
                    "created": m.created_at,
                    "file": name,
                    "size": chosen.size,
                    "records": len(m.records),
                    "events": m.audit_events,
                    "arrival": arrival.status,
                    "warnings": [str(w) for w in arrival.warnings],
                    "manifest": json.dumps(opened.inner.manifest),
                },
            )
    except IntegrityError:
        # Another process stored this package (or its number) a moment ago.
        raise ReplayedPackage("This package was already imported; nothing was changed.") from None


def _evidence(conn: Connection, chosen: user_files.ChosenFile, pid: uuid.UUID, tid: int) -> None:
    """The sealed file as it arrived, byte for byte (binary COPY: no hex text of it)."""
    chosen.stream.seek(0)

    def pieces() -> Iterator[tuple[Any, ...]]:
        n = 0
        while chunk := chosen.stream.read(PIECE):
            yield (pid, tid, n, chunk)
            n += 1

    copy(
        conn,
        "COPY central.package_files (package_id, team_id, piece, data) FROM STDIN",
        pieces(),
        types="uuid int4 int4 bytea",
    )


def _sources(conn: Connection, sources: list[dict[str, Any]], sender: Sender, pid: str) -> None:
    for s in sorted(sources, key=lambda s: str(s["id"])):
        conn.execute(
            text(
                "INSERT INTO central.sources (id, team_id, sender, compartment_id, compartment, "
                "codename, kind, status, first_package, last_package) VALUES (:id, :team, "
                ":sender, :cid, :comp, :code, :kind, :status, :pid, :pid) "
                "ON CONFLICT (id) DO UPDATE SET compartment = excluded.compartment, "
                "codename = excluded.codename, kind = excluded.kind, status = excluded.status, "
                "last_package = excluded.last_package"
            ),
            {
                "id": s["id"],
                "team": sender.team_id,
                "sender": sender.fingerprint,
                "cid": s["compartment_id"],
                "comp": s["compartment"],
                "code": s["codename"],
                "kind": s["kind"],
                "status": s["status"],
                "pid": pid,
            },
        )


def search_text(data: dict[str, Any]) -> str:
    """The searchable text of a debrief (the search vector is made from it)."""
    parts = [str(data.get(f) or "") for f in _TEXT_FIELDS]
    for item in data.get("items") or ():
        parts += [item.get("text") or "", item.get("sanitised_text") or ""]
        parts += [s.get("name") or "" for s in item.get("subjects") or ()]
    parts += [a.get("text") or "" for a in data.get("addenda") or ()]
    parts += [t.get("description") or "" for t in data.get("taskings") or ()]
    contact = data.get("contact") or {}
    parts += [contact.get(k) or "" for k in ("location_codeword", "notes")]
    return "\n".join(p for p in parts if p)


def kept(ref: Any, data: dict[str, Any]) -> dict[str, Any]:
    """What ingest keeps of a checked record until it is stored (``package_body``'s
    ``keep``): of a debrief the fields its rows need and its searchable text (its
    JSON is taken from the container as it is written), so the parsed debriefs of
    a large package are never all held at once; any other record whole."""
    if ref.type != "debrief":
        return data
    return {
        "source_id": data["source_id"],
        "compartment_id": data["compartment_id"],
        "status": data["status"],
        "updated_at": data["updated_at"],
        "search": search_text(data),
    }


Latest = dict[str, tuple[int, str, str]]  # debrief id: (version, source id, updated at)


def _debrief_versions(
    conn: Connection,
    container: bytearray,
    debriefs: list[tuple[Any, dict[str, Any], tuple[int, int]]],
    tid: int,
    pid: str,
) -> tuple[Latest, int]:
    """Every version not held yet, beside the others; the newest of each debrief
    this package brings, and how many versions were new."""
    held = set(
        conn.execute(
            text(
                "SELECT debrief_id::text || ':' || version FROM central.debrief_versions "
                "WHERE debrief_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"ids": [str(ref.id) for ref, _, _ in debriefs]},
        ).scalars()
    )
    latest: Latest = {}
    count = [0]

    def rows() -> Iterator[tuple[Any, ...]]:
        # Made one at a time as COPY takes them: the records' texts are not held
        # a second time beside the parsed package.
        for ref, data, (offset, length) in debriefs:
            rid = str(ref.id)
            if f"{rid}:{ref.version}" in held:
                continue  # this version came before, in another package
            count[0] += 1
            if ref.version > latest.get(rid, (0, "", ""))[0]:
                latest[rid] = (ref.version, data["source_id"], data["updated_at"])
            record_text = bytes(container[offset : offset + length]).decode("utf-8")
            yield (rid, ref.version, tid, data["source_id"], pid, ref.sha256, data["status"],
                   data["updated_at"], record_text, data["search"])  # fmt: skip

    copy(
        conn,
        "COPY central.debrief_versions (debrief_id, version, team_id, source_id, package_id, "
        "sha256, status, updated_at, data, body) FROM STDIN",
        rows(),
    )
    return latest, count[0]


def _debriefs(
    conn: Connection, latest: Latest, held: dict[str, HeldDebrief], sender: Sender
) -> None:
    """One row per debrief: the newest version held. An older version arriving
    late never replaces a newer one."""
    new = [(rid, *v) for rid, v in latest.items() if rid not in held]
    newer = [(rid, *v) for rid, v in latest.items() if rid in held and v[0] > held[rid].latest]
    copy(
        conn,
        "COPY central.debriefs (id, team_id, sender, source_id, latest, updated_at) FROM STDIN",
        ((rid, sender.team_id, sender.fingerprint, src, v, at) for rid, v, src, at in new),
    )
    if newer:
        conn.execute(
            text(
                "UPDATE central.debriefs d SET latest = x.v, source_id = x.s, updated_at = x.at "
                "FROM unnest(CAST(:ids AS uuid[]), CAST(:vs AS int[]), CAST(:ss AS uuid[]), "
                "CAST(:ats AS timestamptz[])) AS x(id, v, s, at) "
                "WHERE d.id = x.id AND d.latest < x.v"
            ),
            {
                "ids": [r[0] for r in newer],
                "vs": [r[1] for r in newer],
                "ss": [r[2] for r in newer],
                "ats": [r[3] for r in newer],
            },
        )


def _file_record_source(ref_type: str, data: dict[str, Any]) -> str:
    # A registration is the source's own record: its id is the source's.
    return str(data["id"] if ref_type == "registration" else data["source_id"])


def _file_records(conn: Connection, sender: Sender, pid: str, records: list[Record]) -> int:
    """Every version of a source's file records not held yet; how many were new."""
    if not records:
        return 0
    held = set(
        conn.execute(
            text(
                "SELECT record_type || ':' || record_id::text || ':' || version "
                "FROM central.record_versions WHERE record_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"ids": [str(r.id) for r, _ in records]},
        ).scalars()
    )
    rows = [
        (r.type, str(r.id), r.version, sender.team_id, sender.fingerprint,
         _file_record_source(r.type, d), pid, r.sha256, json.dumps(d, ensure_ascii=False))
        for r, d in records
        if f"{r.type}:{r.id}:{r.version}" not in held
    ]  # fmt: skip
    copy(
        conn,
        "COPY central.record_versions (record_type, record_id, version, team_id, sender, "
        "source_id, package_id, sha256, data) FROM STDIN",
        rows,
    )
    return len(rows)


def _events(conn: Connection, events: list[dict[str, Any]], sender: Sender, pid: str) -> None:
    """The sender's signed audit events: one sent again with a record sent again
    is kept once (as it first came)."""
    if not events:
        return
    held = set(
        conn.execute(
            text(
                "SELECT seq FROM central.audit_events WHERE sender = :fp "
                "AND seq BETWEEN :first AND :last"
            ),
            {"fp": sender.fingerprint, "first": events[0]["seq"], "last": events[-1]["seq"]},
        ).scalars()
    )
    copy(
        conn,
        "COPY central.audit_events (sender, seq, team_id, package_id, at, actor, "
        "actor_alias_id, action, record_type, record_id, compartment_id, detail, prev_hash, "
        "hash) FROM STDIN",
        (
            (sender.fingerprint, e["seq"], sender.team_id, pid, e["at"], e["actor"],
             e["actor_alias_id"], e["action"], e["record_type"], e["record_id"],
             e["compartment_id"], e["detail"], e["prev_hash"], e["hash"])
            for e in events
            if e["seq"] not in held
        ),
    )  # fmt: skip
