"""Taking a package in: verified with the app's own reader (app.export.package,
app.services.exchange.package_body: the same code a handler's vault runs), then stored in
one transaction, bulk rows by COPY. A refused package stores nothing.

The checks, in the order of docs/package-format.md section 9: a regular file
within the limit; a file already stored (by its SHA-256) refused at once, before
it is decrypted; decrypted with the central system's key; the signer a runner
key registered to a team; the signature; central among the recipients and the
header as signed; every record, file and audit event against its hash; the
records not another sender's; the channel's numbering. Then one transaction,
whose unique keys (package id, file hash, channel and number) make a second
process storing the same package at the same moment fail as a replay.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from app.central import deconfliction_match
from app.central.central_keys import Unlocked
from app.central.errors import WrongTeam
from app.central.store import Store, database_error, sqlstate
from app.crypto import age
from app.errors import Notice, VeldboekError
from app.export import package
from app.export.errors import MalformedPackage, ReplayedPackage, UnknownSender
from app.services.exchange import package_body, package_log
from app.services.files import user_files

PIECE = 8 * 1024 * 1024
RETRIES = 5
# SQLSTATEs of a race with another ingest: serialization failure, deadlock, unique key.
_RACES = frozenset({"40001", "40P01", "23505"})  # the sealed file is kept in pieces of this size
_TEXT_FIELDS = (
    "narrative",
    "welfare_observations",
    "security_observations",
    "runner_assessment",
    "critical_reflection",
    "review_comment",
)


@dataclass(frozen=True)
class Stored:
    file: str
    package_id: uuid.UUID
    sha256: str
    team: str
    sender: str
    sequence: int
    arrival: str  # new | gap | late
    records: int
    new_versions: int
    audit_events: int
    warnings: tuple[Notice, ...] = ()
    status: str = "stored"
    matches: int = 0  # deconfliction matches this package opened


@dataclass(frozen=True)
class Refused:
    file: str
    reason: str  # the error's kind
    message: str
    sha256: str | None = None
    status: str = "refused"


@dataclass
class _Sender:
    fingerprint: str
    team_id: int
    team: str
    name: str
    signing_public: bytes


@dataclass
class _Arrival:
    status: str
    warnings: list[Notice] = field(default_factory=list)


def file_sha256(stream: io.FileIO) -> str:
    digest = hashlib.file_digest(stream, "sha256").hexdigest()
    stream.seek(0)
    return digest


def _refuse_stored_file(conn: Connection, sha: str) -> None:
    if conn.execute(text("SELECT 1 FROM central.packages WHERE sha256 = :s"), {"s": sha}).first():
        raise ReplayedPackage("This package was already imported; nothing was changed.")


def _sender(conn: Connection, fingerprint: str) -> _Sender:
    row = conn.execute(
        text(
            "SELECT s.fingerprint, s.team_id, t.name, s.name, s.signing_public, s.role "
            "FROM central.senders s JOIN central.teams t ON t.id = s.team_id "
            "WHERE s.fingerprint = :fp AND s.active"
        ),
        {"fp": fingerprint},
    ).first()
    if row is None or row.role != "runner":
        raise UnknownSender(
            "The package is signed by a key the central system has not registered to a "
            "team as a runner's (central keys import, with the fingerprint read out)."
        )
    return _Sender(row[0], row[1], row[2], row[3], bytes(row[4]))


def _numbers(numbers: list[int]) -> str:
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _arrival(conn: Connection, channel: str, sequence: int, previous: str) -> _Arrival:
    """Section 8 of the format: a gap or a late arrival is stored with a warning;
    a second package with a number already stored is refused."""
    held: dict[int, str] = dict(
        conn.execute(
            text("SELECT sequence, sha256 FROM central.packages WHERE channel = :c"),
            {"c": channel},
        ).all()
    )
    if sequence in held:
        raise ReplayedPackage(
            "Another package with the same number from this sender was already imported; "
            "nothing was changed."
        )
    warnings: list[Notice] = []
    before = held.get(sequence - 1)
    if before is not None and previous != before:
        warnings.append(
            Notice(
                "Package {n} does not follow package {before} as imported here "
                "(its link to the previous package differs).",
                n=sequence,
                before=sequence - 1,
            )
        )
    expected = max(held, default=0) + 1
    if sequence < expected:
        warnings.append(Notice("Package {n} arrived late; it fills a gap.", n=sequence))
        return _Arrival("late", warnings)
    if sequence > expected:
        missing = [n for n in range(1, sequence) if n not in held]
        warnings.append(
            Notice(
                "Package(s) {numbers} from this sender have not arrived: one is missing.",
                numbers=_numbers(missing),
            )
        )
        return _Arrival("gap", warnings)
    return _Arrival("new", warnings)


def _refuse_others_records(
    conn: Connection, sender: _Sender, sources: list[str], debriefs: list[str]
) -> None:
    """A package may add records and change only those its own sender brought in."""
    for table, ids in (("sources", sources), ("debriefs", debriefs)):
        if not ids:
            continue
        other = conn.execute(
            text(
                f"SELECT team_id FROM central.{table} "  # noqa: S608  (a fixed table name)
                "WHERE id = ANY(CAST(:ids AS uuid[])) AND sender <> :fp LIMIT 1"
            ),
            {"ids": ids, "fp": sender.fingerprint},
        ).first()
        if other is None:
            continue
        if other[0] != sender.team_id:
            raise WrongTeam("The package names records another team holds; nothing was stored.")
        raise WrongTeam("The package names records another runner sent; nothing was stored.")


def _file_record_source(ref_type: str, data: dict[str, Any]) -> str:
    # A registration is the source's own record: its id is the source's.
    return str(data["id"] if ref_type == "registration" else data["source_id"])


def _refuse_others_file_records(
    conn: Connection, sender: _Sender, records: list[tuple[Any, dict[str, Any]]]
) -> None:
    if not records:
        return
    other = conn.execute(
        text(
            "SELECT r.team_id FROM central.record_versions r "
            "JOIN unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) AS x(t, i) "
            "ON r.record_type = x.t AND r.record_id = x.i WHERE r.sender <> :fp LIMIT 1"
        ),
        {
            "types": [r.type for r, _ in records],
            "ids": [str(r.id) for r, _ in records],
            "fp": sender.fingerprint,
        },
    ).first()
    if other is None:
        return
    if other[0] != sender.team_id:
        raise WrongTeam("The package names records another team holds; nothing was stored.")
    raise WrongTeam("The package names records another runner sent; nothing was stored.")


def _store_file_records(
    conn: Connection, sender: _Sender, tid: int, pid: str, records: list[tuple[Any, dict[str, Any]]]
) -> int:
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
        (r.type, str(r.id), r.version, tid, sender.fingerprint, _file_record_source(r.type, d),
         pid, r.sha256, json.dumps(d, ensure_ascii=False))
        for r, d in records
        if f"{r.type}:{r.id}:{r.version}" not in held
    ]  # fmt: skip
    _copy(
        conn,
        "COPY central.record_versions (record_type, record_id, version, team_id, sender, "
        "source_id, package_id, sha256, data) FROM STDIN",
        rows,
    )
    return len(rows)


def _search_text(data: dict[str, Any]) -> str:
    parts = [str(data.get(f) or "") for f in _TEXT_FIELDS]
    for item in data.get("items") or ():
        parts += [item.get("text") or "", item.get("sanitised_text") or ""]
        parts += [s.get("name") or "" for s in item.get("subjects") or ()]
    parts += [a.get("text") or "" for a in data.get("addenda") or ()]
    parts += [t.get("description") or "" for t in data.get("taskings") or ()]
    contact = data.get("contact") or {}
    parts += [contact.get(k) or "" for k in ("location_codeword", "notes")]
    return "\n".join(p for p in parts if p)


def _copy(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _store(
    conn: Connection,
    chosen: user_files.ChosenFile,
    name: str,
    opened: package.Opened,
    contents: package_body.Contents,
    sender: _Sender,
    channel: str,
) -> Stored:
    m = opened.manifest
    source_ids = [s["id"] for s in contents.sources]
    # Version 3 carries a source's whole file beside its debriefs (registration,
    # risk assessments, …): those are kept in record_versions.
    debrief_records = [
        (ref, data, where)
        for (ref, data), where in zip(contents.records, contents.locations, strict=True)
        if ref.type == "debrief"
    ]
    file_records = [(ref, data) for ref, data in contents.records if ref.type != "debrief"]
    debrief_ids = [str(ref.id) for ref, _, _ in debrief_records]
    compartments = {s["id"]: s["compartment_id"] for s in contents.sources}
    for _ref, data, _where in debrief_records:
        # Every record belongs to a source the package lists, in that source's
        # compartment (as a handler's vault requires: package_import).
        if compartments.get(data["source_id"]) != data["compartment_id"]:
            raise MalformedPackage("A record's compartment does not match its source.")
    _refuse_others_file_records(conn, sender, file_records)
    _refuse_others_records(conn, sender, source_ids, debrief_ids)
    arrival = _arrival(conn, channel, m.sequence, m.previous)
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
    pid = str(m.package_id)
    tid = sender.team_id

    # The sealed file as it arrived, byte for byte: the evidence.
    chosen.stream.seek(0)

    def pieces() -> Iterable[tuple[Any, ...]]:
        n = 0
        while chunk := chosen.stream.read(PIECE):
            yield (pid, tid, n, chunk)
            n += 1

    _copy(
        conn, "COPY central.package_files (package_id, team_id, piece, data) FROM STDIN", pieces()
    )

    for s in sorted(contents.sources, key=lambda s: str(s["id"])):
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
                "team": tid,
                "sender": sender.fingerprint,
                "cid": s["compartment_id"],
                "comp": s["compartment"],
                "code": s["codename"],
                "kind": s["kind"],
                "status": s["status"],
                "pid": pid,
            },
        )

    held = set(
        conn.execute(
            text(
                "SELECT debrief_id::text || ':' || version FROM central.debrief_versions "
                "WHERE debrief_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"ids": debrief_ids},
        ).scalars()
    )
    container = opened.container
    latest: dict[str, tuple[int, str, str]] = {}
    new_versions = 0

    def version_rows() -> Iterable[tuple[Any, ...]]:
        # Made one at a time as COPY takes them: the records' texts are not held
        # a second time beside the parsed package.
        nonlocal new_versions
        for ref, data, (offset, length) in debrief_records:
            rid = str(ref.id)
            if f"{rid}:{ref.version}" in held:
                continue  # this version came before, in another package
            new_versions += 1
            if ref.version > latest.get(rid, (0, "", ""))[0]:
                latest[rid] = (ref.version, data["source_id"], data["updated_at"])
            record_text = bytes(container[offset : offset + length]).decode("utf-8")
            yield (rid, ref.version, tid, data["source_id"], pid, ref.sha256, data["status"],
                   data["updated_at"], record_text, _search_text(data))  # fmt: skip

    _copy(
        conn,
        "COPY central.debrief_versions (debrief_id, version, team_id, source_id, package_id, "
        "sha256, status, updated_at, data, body) FROM STDIN",
        version_rows(),
    )
    new_versions += _store_file_records(conn, sender, tid, pid, file_records)
    if latest:
        conn.execute(
            text("CREATE TEMP TABLE incoming_debriefs (LIKE central.debriefs) ON COMMIT DROP")
        )
        _copy(
            conn,
            "COPY incoming_debriefs (id, team_id, sender, source_id, latest, updated_at) "
            "FROM STDIN",
            ((rid, tid, sender.fingerprint, src, v, at) for rid, (v, src, at) in latest.items()),
        )
        # An older version arriving late never replaces a newer one.
        conn.execute(
            text(
                "INSERT INTO central.debriefs SELECT * FROM incoming_debriefs "
                "ON CONFLICT (id) DO UPDATE SET latest = excluded.latest, "
                "updated_at = excluded.updated_at, source_id = excluded.source_id "
                "WHERE central.debriefs.latest < excluded.latest"
            )
        )
    if contents.events:
        conn.execute(
            text("CREATE TEMP TABLE incoming_events (LIKE central.audit_events) ON COMMIT DROP")
        )
        _copy(
            conn,
            "COPY incoming_events (sender, seq, team_id, package_id, at, actor, actor_alias_id, "
            "action, record_type, record_id, compartment_id, detail, prev_hash, hash) FROM STDIN",
            (
                (sender.fingerprint, e["seq"], tid, pid, e["at"], e["actor"], e["actor_alias_id"],
                 e["action"], e["record_type"], e["record_id"], e["compartment_id"], e["detail"],
                 e["prev_hash"], e["hash"])
                for e in contents.events
            ),
        )  # fmt: skip
        # The same event travels again with a record sent again: kept once.
        conn.execute(
            text(
                "INSERT INTO central.audit_events SELECT * FROM incoming_events "
                "ON CONFLICT (sender, seq) DO NOTHING"
            )
        )
    # Blind deconfliction, last (it serialises ingests that carry tokens until they
    # commit): the sources' tokens, matched at once (only these sources).
    tokened = deconfliction_match.store_tokens(
        conn, contents.sources, team_id=tid, sender=sender.fingerprint, package_id=pid,
        created_at=m.created_at,
    )  # fmt: skip
    matches = deconfliction_match.match(conn, tokened)
    return Stored(
        name,
        m.package_id,
        opened.sha256,
        sender.team,
        sender.name,
        m.sequence,
        arrival.status,
        len(m.records),
        new_versions,
        len(contents.events),
        tuple(arrival.warnings),
        matches=matches,
    )


def ingest_file(store: Store, keys: Unlocked, path: Path) -> Stored:
    """Verify and store one package file; a ``VeldboekError`` if it is refused
    (nothing stored then)."""
    with user_files.opened(path, user_files.PACKAGE) as chosen:
        sha = file_sha256(chosen.stream)
        with store.connect() as conn:
            _refuse_stored_file(conn, sha)
        plain = package.decrypt(age.Source(chosen.stream, chosen.size), keys.receiving_seed)
        if plain.sha256 != sha:
            raise MalformedPackage("The file changed while it was read.")
        opened = package.parse(plain, parse_body=False)
        m = opened.manifest
        if m.kind != "debriefs":
            raise MalformedPackage(
                "This is a {found} package, not a {wanted} package.",
                found=m.kind,
                wanted="debriefs",
            )
        with store.connect() as conn:
            sender = _sender(conn, m.sender)
        opened.inner.verify(sender.signing_public)
        package.check_recipients(opened, keys.fingerprint.hex)
        contents = package_body.contents(opened)
        channel = package_log.channel_key(m.sender, m.recipients)
        for attempt in range(RETRIES):
            try:
                with store.begin() as conn:
                    return _store(conn, chosen, path.name, opened, contents, sender, channel)
            except Exception as exc:
                # Another ingest wrote the same rows at the same moment (a deadlock,
                # or a version both carry): the next attempt sees its work committed.
                race = database_error(exc) and sqlstate(exc) in _RACES
                if not race or attempt == RETRIES - 1:
                    raise
        raise AssertionError("unreachable")


def record_refusal(store: Store, path: Path, exc: VeldboekError, sha: str | None = None) -> Refused:
    """Note a refusal (its kind and message, never content) for ``status``; a
    database that cannot take even that does not hide the refusal itself."""
    refused = Refused(path.name, type(exc).__name__, str(exc), sha)
    try:
        with store.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO central.refusals (file_name, file_sha256, reason, message) "
                    "VALUES (:f, :s, :r, :m)"
                ),
                {"f": refused.file, "s": sha, "r": refused.reason, "m": refused.message},
            )
    except VeldboekError:
        pass
    return refused
