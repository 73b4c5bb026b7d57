"""Who brought each record into this vault (``package_origin``): a package may add
new records or change those its own sender brought, nothing else; anything else
is refused whole (``ConflictingRecords``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

import orjson
from sqlalchemy.orm import Session

from app.errors import PackageError
from app.services.exchange.import_sql import execute_many, raw_connection


class ConflictingRecords(PackageError):
    """The package would change records this vault did not receive from its sender."""

    def __init__(self) -> None:
        super().__init__(
            "The package names records this vault holds from elsewhere (made here, or sent "
            "by another runner); nothing was imported. If a source in it was handed over to "
            "its sender, take in that handover package first, then this one again."
        )


class Origins:
    """Who brought each compartment, source and debrief in (``PackageOrigin``): a
    package may add new ones or change its own sender's, nothing else."""

    def __init__(
        self,
        session: Session,
        sender: str,
        package_id: uuid.UUID,
        handed_on: set[str] | frozenset[str] = frozenset(),
        new_runner_first: Mapping[str, str] | None = None,
    ) -> None:
        self.session, self.sender, self.package_id = session, sender, package_id
        # Sources (hex) the sender handed to another runner (``handover.handed_on``):
        # never claimed; their records only as held already, or older.
        self.handed_on = handed_on
        # Of a handover: its source (hex) -> the new runner, whose package came first
        # (``handover_order``). The source and its records are claimed as theirs.
        self.new_runner_first: Mapping[str, str] = new_runner_first or {}

    def claim_as_new_runner(
        self, record_type: str, ids: Mapping[str, str], existing: set[str]
    ) -> None:
        """``ids``: record id (hex) -> the new runner (``new_runner_first``) it is
        claimed for: held already only if from them, else brought in as theirs."""
        for runner in set(ids.values()):
            theirs = [i for i, r in ids.items() if r == runner]
            Origins(self.session, runner, self.package_id).claim_many(record_type, theirs, existing)

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
            raw_connection(self.session).execute(
                "SELECT o.record_id, o.sender FROM json_each(?) AS j "
                "CROSS JOIN package_origin AS o ON o.record_type = ? AND o.record_id = j.value",
                (orjson.dumps(ids).decode(), record_type),
            )
        )
        if any(known.get(i, self.sender) != self.sender for i in ids):
            raise ConflictingRecords()
        if any(i in existing and i not in known and i not in legacy for i in ids):
            raise ConflictingRecords()
        execute_many(
            self.session,
            "INSERT INTO package_origin (record_type, record_id, sender, package_id) "
            "VALUES (?,?,?,?)",
            [(record_type, i, self.sender, self.package_id.hex) for i in ids if i not in known],
        )


def legacy_links(session: Session, table: str, ids: list[str], sender: str) -> set[str]:
    """Taskings or payments among ``ids`` this vault holds from inside a debrief
    that ``sender`` brought, from before their own origin was kept."""
    if not ids:
        return set()
    sql = f"SELECT t.id FROM json_each(?) AS j CROSS JOIN {table} AS t ON t.id = j.value "  # noqa: S608
    sql += "JOIN package_origin AS o ON o.record_type = 'debrief' AND o.record_id = t.debrief_id "
    sql += "AND o.sender = ?"
    return {
        row[0] for row in raw_connection(session).execute(sql, (orjson.dumps(ids).decode(), sender))
    }
