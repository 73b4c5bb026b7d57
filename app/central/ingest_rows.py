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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from app.central import (
    deconfliction_match,
    ingest_handover,
    ingest_late,
    ingest_stream,
    sealed_file,
)
from app.central import ingest_checks as checks
from app.central.bulk import copy
from app.central.ingest_checks import Arrival, HeldDebrief, Sender
from app.central.nul_escape import refuse_nul
from app.export import package
from app.export.errors import ReplayedPackage
from app.services.exchange import package_body
from app.services.files import user_files

Record = tuple[Any, dict[str, Any]]


@dataclass(frozen=True)
class Written:
    arrival: Arrival
    new_versions: int
    matches: int = 0  # deconfliction matches this package opened
    handed_to: str = ""  # a handover's: the new runner's registered name


def store_package(
    conn: Connection,
    chosen: user_files.ChosenFile,
    name: str,
    opened: package.Opened,
    sender: Sender,
    channel: str,
    sent: sealed_file.Ahead | None = None,
) -> tuple[Written, package_body.Contents]:
    """Store a package whose signature holds, reading its body (``package_body``)
    while its debrief versions are copied in: each version goes to PostgreSQL as
    soon as it is checked, so the server stores one while the next is read. The
    checks that need the whole body come after the last record; any refusal, then
    or before, rolls the caller's transaction back whole. ``sent``: the sealed
    file is being copied into this transaction already (``sealed_file.Ahead``)."""
    m = opened.manifest
    if sent is not None:  # its COPY done before any other statement
        sent.settle(opened.sha256)
    # First, holding its key's row to the commit: a revoke since it was verified.
    checks.refuse_revoked_since(conn, sender)
    refuse_nul(opened.inner.manifest_bytes)  # kept as jsonb: its text (``schema``) is free
    pid, tid = str(m.package_id), sender.team_id
    debrief_ids = [str(r.id) for r in m.records if r.type == "debrief"]
    # What the manifest alone decides comes first: a quick refusal.
    held = checks.held_debriefs(conn, debrief_ids)
    # Sources its sender handed on after making it: not another runner's here.
    handed_on = ingest_late.HandedOn(conn, sender, m.kind, m.created_at)
    with ingest_handover.as_holder(m.kind):
        checks.refuse_others_debriefs(sender, handed_on.others_debriefs(held))
    arrival = checks.arrival(conn, channel, m.sequence, m.previous, opened.sha256, pid)
    _package_row(conn, chosen, name, opened, sender, channel, arrival)
    if sent is None:
        copied = sealed_file.copy_file(conn, chosen, m.package_id, tid)
        sealed_file.refuse_changed(copied, opened.sha256)
    # Versions can be held only of debriefs held (a new debrief's: none).
    with ingest_stream.Streams(conn, sender, pid, list(held)) as streams:
        contents = package_body.contents(
            opened, keep=streams.record, on_event=streams.event, on_events=streams.events
        )
        streams.close()
    # Version 3 carries a source's whole file beside its debriefs (registration,
    # risk assessments, …): those are kept in record_versions.
    file_records = [(ref, data) for ref, data in contents.records if ref.type != "debrief"]
    handed_on.add([s["id"] for s in contents.sources])
    handed_on.add(ingest_late.record_source(r.type, d) for r, d in contents.records)
    handed_on.refuse_past_handover(contents.records, held)
    handed_on.claim_uncarried()
    # Of a source handed on: its versions only (as history, or of a record its
    # handover did not carry); the rest as always.
    own = [s for s in contents.sources if s["id"] not in handed_on]
    owned = [r for r in file_records if ingest_late.record_source(r[0].type, r[1]) not in handed_on]
    handed_to = ""
    if contents.handover is not None:  # its new runner of this team, its source the sender's
        handed_to = ingest_handover.check(conn, sender, contents.handover)
    with ingest_handover.as_holder(m.kind):
        checks.refuse_others_file_records(conn, sender, owned)
        checks.refuse_others_sources(conn, sender, [s["id"] for s in own])
        _sources(conn, own, sender, pid)
    _debriefs(conn, streams.latest, held, sender)
    new_versions = streams.count + _file_records(conn, sender, pid, file_records)
    if contents.handover is not None:  # stored as the old runner's; now the new runner's
        ingest_handover.move(conn, sender, contents.handover, pid, m.created_at)
    # Blind deconfliction, last (it serialises ingests that carry tokens until they
    # commit): the sources' tokens, matched at once (only these sources).
    tokened = deconfliction_match.store_tokens(
        conn, own, team_id=tid, sender=sender.fingerprint, package_id=pid,
        created_at=m.created_at,
    )  # fmt: skip
    matches = deconfliction_match.match(conn, tokened)
    return Written(arrival, new_versions, matches, handed_to), contents


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
                    # the manifest as signed (its canonical JSON text)
                    "manifest": opened.inner.manifest_bytes.decode("utf-8"),
                },
            )
    except IntegrityError:
        # Another process stored this package (or its number) a moment ago.
        raise ReplayedPackage("This package was already imported; nothing was changed.") from None


# Its descriptive columns and last_package follow the package made last: one made
# earlier, arriving late, never writes its older values over newer ones, as a
# debrief's older version (``_debriefs``). Of one sender's channel the higher number
# is the later, whatever the signed times: the numbers are the sender's own order,
# its laptop clock may have been wrong for a while (review finding 1). Only across
# channels or senders (a handover) the signed created_at decides, a tie keeping the
# stored. The rows are locked first, so this statement's snapshot holds every
# package a row names.
_NEWER = """
    UPDATE central.sources s SET compartment = x.comp, codename = x.code, kind = x.kind,
        status = x.status, last_package = new.id
    FROM unnest(CAST(:ids AS uuid[]), CAST(:comps AS text[]), CAST(:codes AS text[]),
                CAST(:kinds AS text[]), CAST(:statuses AS text[]))
             AS x(id, comp, code, kind, status),
         central.packages new, central.packages old
    WHERE s.id = x.id AND s.sender = :fp AND new.id = :pid AND old.id = s.last_package
      AND CASE WHEN new.sender = old.sender AND new.channel = old.channel
               THEN new.sequence > old.sequence
               ELSE new.created_at > old.created_at END
"""

_HOLDERS = """
    SELECT sender FROM central.sources WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE
"""


def _sources(conn: Connection, sources: list[dict[str, Any]], sender: Sender, pid: str) -> None:
    """Each source added, or updated if its sender's and this package made after
    the one its row took its values from (``_NEWER``: by number on one channel, by
    signed time across channels). ``refuse_others_sources``
    looked before; a package of another sender storing the same source at the same
    moment is caught here: the insert waits for it, the lock then finds the row its
    (not this sender's), and the package is refused."""
    if not sources:
        return
    rows = sorted(sources, key=lambda s: str(s["id"]))  # one order: no deadlock
    ids = [str(s["id"]) for s in rows]
    values = {
        "ids": ids,
        "cids": [str(s["compartment_id"]) for s in rows],
        "comps": [s["compartment"] for s in rows],
        "codes": [s["codename"] for s in rows],
        "kinds": [s["kind"] for s in rows],
        "statuses": [s["status"] for s in rows],
        "team": sender.team_id,
        "fp": sender.fingerprint,
        "pid": pid,
    }
    conn.execute(
        text(
            "INSERT INTO central.sources (id, team_id, sender, compartment_id, compartment, "
            "codename, kind, status, first_package, last_package) SELECT x.id, :team, :fp, "
            "x.cid, x.comp, x.code, x.kind, x.status, :pid, :pid FROM unnest(CAST(:ids AS "
            "uuid[]), CAST(:cids AS uuid[]), CAST(:comps AS text[]), CAST(:codes AS text[]), "
            "CAST(:kinds AS text[]), CAST(:statuses AS text[])) AS x(id, cid, comp, code, "
            "kind, status) ORDER BY x.id ON CONFLICT (id) DO NOTHING"
        ),
        values,
    )
    # Held to the commit: another ingest's change to a row waits for this one.
    holders = conn.execute(text(_HOLDERS), values).scalars().all()
    if any(h != sender.fingerprint for h in holders):
        checks.refuse_others_sources(conn, sender, ids)
        raise AssertionError("a source not the sender's is another's")  # pragma: no cover
    conn.execute(text(_NEWER), values)


def _debriefs(
    conn: Connection, latest: ingest_stream.Latest, held: dict[str, HeldDebrief], sender: Sender
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


def _json(data: dict[str, Any]) -> str:
    """A record as ``jsonb`` input, refused first if it escapes a NUL (nul_escape)."""
    out = json.dumps(data, ensure_ascii=False)
    refuse_nul(out.encode("utf-8"))
    return out


def _file_records(conn: Connection, sender: Sender, pid: str, records: list[Record]) -> int:
    """Every version of a source's file records not held yet; how many were new."""
    if not records:
        return 0
    held: dict[str, str] = {
        key: sha
        for key, sha in conn.execute(
            text(
                "SELECT record_type || ':' || record_id::text || ':' || version, sha256 "
                "FROM central.record_versions WHERE record_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"ids": [str(r.id) for r, _ in records]},
        )
    }
    if any(held.get(f"{r.type}:{r.id}:{r.version}", r.sha256) != r.sha256 for r, _ in records):
        raise ingest_stream.changed_version()
    rows = [
        (r.type, str(r.id), r.version, sender.team_id, sender.fingerprint,
         ingest_late.record_source(r.type, d), pid, r.sha256, _json(d))
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
