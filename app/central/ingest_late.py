"""A package made before its sender handed a source on, arriving at the central
system after the handover (docs/central.md, "Handovers").

Packages travel in any order, and separate ingests are not put in the order they
were made: the old runner's package may come after its handover. Refused whole as
another runner's records, it would lose its other sources' debriefs for good. So a
source the store holds as another runner's is not refused for that reason when the
store holds a handover of it from this package's sender signed at or after the
package's own signed time. Of that source the package may carry the versions its
handover carried (held already) or older ones (kept as history, as any late older
version), and a record the handover did not carry: its vault purges a debrief once
a handler's receipt names it, before it hands the source on. That record is
stored as the sender's evidence unless the store holds a version of it another
key signed. A version past the one the handover carried, or a record another
runner sent, is refused whole. The source's row, who holds it and the newest
versions of what the handover carried stay as they are. A record the handover did
not carry cannot be told from one written after it and backdated (a limit: docs).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from app.central.errors import WrongTeam
from app.central.ingest_checks import HeldDebrief, Sender

Record = tuple[Any, dict[str, Any]]
Carried = dict[tuple[str, str], int]  # (record type, id): the version a handover carried

# Of each source, the earliest handover from the sender at or after the package
# was made: the nearest to what the package could hold of it.
_HANDED_ON = """
    SELECT DISTINCT ON (h.source_id) h.source_id::text, p.manifest -> 'records'
    FROM central.handovers h
    JOIN central.sources s ON s.id = h.source_id AND s.sender <> :fp
    JOIN central.packages p ON p.id = h.package_id
    WHERE h.source_id = ANY(CAST(:ids AS uuid[])) AND h.from_sender = :fp
      AND h.team_id = :team AND h.created_at >= CAST(:at AS timestamptz)
    ORDER BY h.source_id, h.created_at
"""


def past_handover() -> WrongTeam:
    return WrongTeam(
        "The package is signed as made before its sender handed one of its sources on, "
        "yet carries a version of a record of that source newer than the one the handover "
        "carried: only the runner who holds the source now may change it; nothing was stored."
    )


def others_record() -> WrongTeam:
    return WrongTeam(
        "The package is signed as made before its sender handed one of its sources on, "
        "yet carries a record of that source the handover did not carry, of which the "
        "central store holds a version another runner sent: only the runner who holds the "
        "source now may change it; nothing was stored."
    )


# Of the records named (type, id), one a key other than the sender's signed a
# version of: its package's sender (the evidence keeps who signed it).
_OTHERS_VERSION = """
    SELECT 1 FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) AS x(t, i)
    WHERE EXISTS (SELECT 1 FROM central.debrief_versions v JOIN central.packages p
                  ON p.id = v.package_id
                  WHERE x.t = 'debrief' AND v.debrief_id = x.i AND p.sender <> :fp)
       OR EXISTS (SELECT 1 FROM central.record_versions v JOIN central.packages p
                  ON p.id = v.package_id
                  WHERE x.t <> 'debrief' AND v.record_type = x.t AND v.record_id = x.i
                  AND p.sender <> :fp)
    LIMIT 1
"""


def record_source(record_type: str, data: dict[str, Any]) -> str:
    """The source a record of a package is of (a debrief's kept form holds it too)."""
    # A registration is the source's own record: its id is the source's.
    return str(data["id"] if record_type == "registration" else data["source_id"])


def _id(value: str) -> str:
    return str(uuid.UUID(str(value)))  # one spelling, as PostgreSQL writes it


class HandedOn:
    """The sources of one package its sender handed on after making it: source id
    -> what the handover carried; and the records of them the package carries that
    the handover did not. Only a package of debriefs: a late handover is no part of
    this rule."""

    def __init__(self, conn: Connection, sender: Sender, kind: str, created_at: str) -> None:
        self._conn, self._sender, self._kind, self._at = conn, sender, kind, created_at
        self.carried: dict[str, Carried] = {}
        self._asked: set[str] = set()
        self.uncarried: set[tuple[str, str]] = set()  # (type, id): not carried, taken

    def add(self, sources: Iterable[str]) -> None:
        """Look up those of ``sources`` not looked up yet."""
        ids = sorted({_id(s) for s in sources} - self._asked)
        if self._kind != "debriefs" or not ids:
            return
        self._asked.update(ids)
        params = {"ids": ids, "fp": self._sender.fingerprint, "team": self._sender.team_id}
        for source, records in self._conn.execute(text(_HANDED_ON), {**params, "at": self._at}):
            self.carried[source] = {(r["type"], _id(r["id"])): int(r["version"]) for r in records}

    def __contains__(self, source: object) -> bool:
        return isinstance(source, str) and _id(source) in self.carried

    def others_debriefs(self, held: dict[str, HeldDebrief]) -> dict[str, HeldDebrief]:
        """The held debriefs the refusal of another runner's records still reads:
        all but those of a source handed on (``refuse_past_handover`` checks them)."""
        self.add(h.source_id for h in held.values() if h.sender != self._sender.fingerprint)
        return {rid: h for rid, h in held.items() if h.source_id not in self}

    def refuse_past_handover(self, records: list[Record], held: dict[str, HeldDebrief]) -> None:
        """Each record of a source handed on (by the package's word, or the store's
        for a debrief held): a version its handover carried or an older one, or one
        it did not carry (a debrief purged before it: ``uncarried``) no other key sent here."""
        if not self.carried:
            return
        for ref, data in records:
            rid = _id(ref.id)
            of = {_id(record_source(ref.type, data))}
            if ref.type == "debrief" and rid in held:
                of.add(held[rid].source_id)
            for source in of & self.carried.keys():
                carried = self.carried[source].get((ref.type, rid))
                if carried is None:
                    self.uncarried.add((ref.type, rid))
                # The version it carried is held: the same content, or refused as
                # changed (``ingest_stream.changed_version``).
                elif ref.version > carried:
                    raise past_handover()
        # Its own versions, copied in already, are the sender's: never another's.
        if self.uncarried and self._conn.execute(text(_OTHERS_VERSION), self._keys()).first():
            raise others_record()

    def claim_uncarried(self) -> None:
        """Of the records the handover did not carry, a file record not held yet
        is the sender's, as a new debrief's row is (``ingest_rows._debriefs``); one
        held keeps its holder. The trigger of c0021 guards a change of holder, not
        a first row."""
        if any(t != "debrief" for t, _ in self.uncarried):
            self._conn.execute(
                text(
                    "INSERT INTO central.record_owners (record_type, record_id, sender, team_id) "
                    "SELECT t, i, :fp, :team FROM unnest(CAST(:types AS text[]), "
                    "CAST(:ids AS uuid[])) AS x(t, i) WHERE t <> 'debrief' ON CONFLICT DO NOTHING"
                ),
                {**self._keys(), "team": self._sender.team_id},
            )

    def _keys(self) -> dict[str, Any]:
        keys = sorted(self.uncarried)  # one order: no deadlock between two claims
        return {
            "types": [t for t, _ in keys],
            "ids": [i for _, i in keys],
            "fp": self._sender.fingerprint,
        }
