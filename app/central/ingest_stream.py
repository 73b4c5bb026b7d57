"""The rows of a package that are copied in while its body is read: its sender's
audit events and its debrief versions, each handed over by the reader
(``package_body.contents``) as soon as it holds, so PostgreSQL stores one while
the next is read and checked. Nothing here decides whether the package holds:
the reader's whole-body checks come after the last record, and a refusal then
rolls the caller's transaction back with every row copied in.

A body the reader takes in a second time (read whole after all, see
``package_body.contents``) hands over what it handed before: each row is copied
once, by its key.
"""

from __future__ import annotations

import collections
import contextlib
import uuid
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, text

from app.central import bulk
from app.central.bulk import copy_in
from app.central.ingest_checks import Sender
from app.central.nul_escape import refuse_nul
from app.export.errors import MalformedPackage

_TEXT_FIELDS = (
    "narrative",
    "welfare_observations",
    "security_observations",
    "runner_assessment",
    "critical_reflection",
    "review_comment",
)

Latest = dict[str, tuple[int, str, str]]  # debrief id: (version, source id, updated at)

_VERSIONS = (
    "COPY central.debrief_versions (debrief_id, version, team_id, source_id, package_id, "
    "sha256, status, updated_at, data, body) FROM STDIN"
)
# Events by binary COPY: their text fields go over as they are, with no escaping
# on either side (the server's CPU for 51,000 events about 0.08 s less, measured).
# Debrief versions stay text: binary took more in this process than it saved there.
_EVENT_TYPES = "text int8 int4 uuid text text text text text text text text text text"
_EVENTS = (
    "COPY central.audit_events (sender, seq, team_id, package_id, at, actor, actor_alias_id, "
    "action, record_type, record_id, compartment_id, detail, prev_hash, hash) FROM STDIN"
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


# Debrief versions per COPY statement: the server runs one's triggers while this
# process reads the next (the last one's alone are waited for at the end).
CHUNK = 1000

_SEQ_LIMIT = 2**53  # the format's counts (package_validation: Wire.COUNT)


class Streams:
    """One COPY open at a time, in the caller's transaction: of the audit events
    while events come, of the debrief versions while debriefs come, these in
    statements of ``CHUNK`` versions. A COPY is ended without waiting for its
    result (``bulk.EndLater``): the server finishes it, and runs its statement's
    triggers (the facts of its versions, the checks), while the rows that come
    meanwhile are held here and this process reads on; they are copied once it
    has its result (``bulk.settle``: a refusal raised then), and the last COPY is
    ended and waited for by ``close``."""

    def __init__(self, conn: Connection, sender: Sender, pid: str, held: list[str]) -> None:
        self._conn, self._sender, self._pid = conn, sender, uuid.UUID(pid)
        # Of the debriefs held: their versions' hashes.
        self._versions = _held_versions(conn, held) if held else {}
        self._seqs: set[int] | None = None  # the sender's events held, from the first's on
        self._last_seq = -1
        self._stack = contextlib.ExitStack()
        self._open: str = ""
        self._out: Any = None
        self._rows = 0  # in the open COPY
        self._ended = False  # a COPY ended whose result has not been read yet
        self._held: collections.deque[tuple[str, tuple[Any, ...]]] = collections.deque()
        self.latest: Latest = {}  # the newest version of each debrief the package brings
        self.count = 0  # debrief versions new to the store

    def __enter__(self) -> Streams:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._ended and exc is not None:
            # The connection is given back as it was before (the transaction rolls back).
            with contextlib.suppress(Exception):
                self._settle(block=True)
            self._ended = False
        self._stack.__exit__(kind, exc, tb)  # an exception ends the open COPY as failed

    def _settle(self, *, block: bool) -> bool:
        """``bulk.settle`` of the COPY ended before, on this transaction's connection."""
        raw = self._conn.connection.driver_connection
        assert raw is not None
        return bulk.settle(raw.pgconn, raw.info.encoding, block=block)

    def _write(self, sql: str, row: tuple[Any, ...]) -> None:
        if not self._held and self._open is sql and (sql is not _VERSIONS or self._rows < CHUNK):
            self._out.write_row(row)  # the COPY open takes it (60,000 rows a package)
            self._rows += 1
            return
        self._held.append((sql, row))
        self._copy_held(block=False)

    def _copy_held(self, *, block: bool) -> None:
        """The rows held copied, in their order, as far as the server has taken the
        COPY ended before (all of them if ``block``)."""
        while self._held:
            if self._ended:
                if not self._settle(block=block):
                    return
                self._ended = False
            sql, row = self._held[0]
            if self._open and (self._open != sql or (sql is _VERSIONS and self._rows >= CHUNK)):
                self._end(later=True)
                continue
            if not self._open:
                types = _EVENT_TYPES if sql is _EVENTS else ""
                out = copy_in(self._conn, sql, types, bulk.EndLater)
                self._out = self._stack.enter_context(out)
                self._open, self._rows = sql, 0
            self._out.write_row(row)
            self._rows += 1
            self._held.popleft()

    def _end(self, *, later: bool) -> None:
        if self._open:
            self._out.writer.later = later
            self._stack.close()
            self._open, self._ended = "", later

    def events(self, raw: list[Any]) -> None:
        """``package_body``'s ``on_events``: the events as parsed (not yet checked):
        the sender's events held are read for the range of their numbers only."""
        # Numbers a reader can take only (not yet checked: one out of range is
        # refused by the check, never sent to the server).
        seqs = [
            e["seq"]
            for e in raw
            if isinstance(e, dict) and type(e.get("seq")) is int and 0 <= e["seq"] < _SEQ_LIMIT
        ]
        if seqs and self._seqs is None:
            # Read before the first COPY opens (no statement runs beside one).
            self._seqs = _held_seqs(self._conn, self._sender.fingerprint, min(seqs), max(seqs))

    def event(self, e: dict[str, Any]) -> None:
        """An audit event of the sender's: kept once (as it first came)."""
        if self._seqs is None:  # (no ``events`` first: from this one on)
            self._seqs = _held_seqs(self._conn, self._sender.fingerprint, e["seq"], None)
        # A package's events come in their order (the reader refuses any other
        # after the last): one out of order, or handed over again, is not copied.
        if e["seq"] <= self._last_seq:
            return
        self._last_seq = e["seq"]  # held or not: an earlier one after it is out of order
        if e["seq"] in self._seqs:
            return
        s = self._sender
        self._write(
            _EVENTS,
            (s.fingerprint, e["seq"], s.team_id, self._pid, e["at"], e["actor"],
             e["actor_alias_id"], e["action"], e["record_type"], e["record_id"],
             e["compartment_id"], e["detail"], e["prev_hash"], e["hash"])
        )  # fmt: skip

    def record(self, ref: Any, data: dict[str, Any], record_text: bytes) -> dict[str, Any]:
        """``package_body``'s ``keep``: a debrief version not held yet is copied in
        and only its source kept; any other record is kept whole."""
        if ref.type != "debrief":
            return data
        rid, kept = str(ref.id), {"source_id": data["source_id"]}
        key = f"{rid}:{ref.version}"
        held = self._versions.get(key)
        if held is not None:
            if held != ref.sha256:
                raise changed_version()
            return kept  # it came before, in another package (or this one, read again)
        refuse_nul(record_text)  # before the server sees it (nul_escape)
        self._versions[key] = ref.sha256
        self.count += 1
        if ref.version > self.latest.get(rid, (0, "", ""))[0]:
            self.latest[rid] = (ref.version, data["source_id"], data["updated_at"])
        self._write(
            _VERSIONS,
            (rid, ref.version, self._sender.team_id, data["source_id"], self._pid, ref.sha256,
             data["status"], data["updated_at"], record_text.decode("utf-8"), search_text(data))
        )  # fmt: skip
        return kept

    def close(self) -> None:
        """Every row copied and every COPY ended, its result read (its rows stored;
        its statement's triggers run)."""
        self._copy_held(block=True)
        self._end(later=False)
        if self._ended:
            self._settle(block=True)
            self._ended = False


def changed_version() -> MalformedPackage:
    return MalformedPackage(
        "The package carries a version of a record that the central store holds with "
        "other content (a version never changes); nothing was stored."
    )


def _held_versions(conn: Connection, ids: list[str]) -> dict[str, str]:
    """``id:version`` to its hash, of every version of the debriefs ``ids``."""
    return {
        key: sha
        for key, sha in conn.execute(
            text(
                # per id through the primary key (``ingest_checks.held_debriefs``)
                "SELECT x.id::text || ':' || v.version, v.sha256 FROM unnest(CAST(:ids AS "
                "uuid[])) AS x(id) CROSS JOIN LATERAL (SELECT version, sha256 FROM "
                "central.debrief_versions WHERE debrief_id = x.id OFFSET 0) v"
            ),
            {"ids": ids},
        )
    }


def _held_seqs(conn: Connection, sender: str, first: int, last: int | None) -> set[int]:
    """The numbers from ``first`` to ``last`` (or on) of the sender's audit events
    the store holds (a package sends again the events of a record it sends again):
    a package's range, not the sender's whole history after it."""
    return set(
        conn.execute(
            text(
                "SELECT seq FROM central.audit_events WHERE sender = :fp AND seq >= :first "
                "AND (CAST(:last AS bigint) IS NULL OR seq <= :last)"
            ),
            {"fp": sender, "first": first, "last": last},
        ).scalars()
    )
