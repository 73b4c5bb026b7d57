"""The checks of a package against what the central store holds: its signer a
registered runner, its number on its channel, and the records it names its own
sender's (``ingest`` runs them; docs/package-format.md sections 8 and 9)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, text

from app.central.errors import RevokedSender, WrongTeam
from app.errors import Notice
from app.export import gaps
from app.export.errors import ReplayedPackage, UnknownSender
from app.services.exchange import package_log


@dataclass
class Sender:
    fingerprint: str
    team_id: int
    team: str
    name: str
    signing_public: bytes
    revoked_on: str | None = None  # the day its key was revoked (refused once verified)
    role: str = "runner"  # a handler's key is refused once verified (``refuse_handler``)

    @property
    def short(self) -> str:
        """The fingerprint as ``keys list`` prints it short (not secret)."""
        return short(self.fingerprint)


def short(fingerprint: str) -> str:
    return fingerprint[:8]


@dataclass
class Arrival:
    status: str  # new | gap | late
    warnings: list[Notice] = field(default_factory=list)


@dataclass(frozen=True)
class HeldDebrief:
    sender: str
    team_id: int
    latest: int
    source_id: str


def refuse_stored_file(conn: Connection, sha: str) -> None:
    if conn.execute(text("SELECT 1 FROM central.packages WHERE sha256 = :s"), {"s": sha}).first():
        raise ReplayedPackage("This package was already imported; nothing was changed.")


# Whether the key is active, and the day (UTC) a revoked one was revoked: read
# when the package is first checked and again as it is stored (``_revoked_on``).
_REVOKED = "s.active, to_char(s.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
_SENDER = f"""
    SELECT s.fingerprint, s.team_id, t.name, s.name, s.signing_public, s.role, {_REVOKED}
    FROM central.senders s JOIN central.teams t ON t.id = s.team_id
    WHERE s.fingerprint = :fp
"""  # noqa: S608  (constants only)
# Its row held to the commit (``refuse_revoked_since``).
_SENDER_HELD = f"""
    SELECT {_REVOKED} FROM central.senders s WHERE s.fingerprint = :fp FOR SHARE
"""  # noqa: S608


def _revoked_on(active: bool, day: str | None) -> str | None:
    # A revoked key whose time was never kept is still refused as revoked.
    return None if active else str(day or "an unknown day")


def sender(conn: Connection, fingerprint: str) -> Sender:
    """The registered key ``fingerprint`` names (as the package names it: its
    signature is checked next). A revoked key's comes back with the day it was
    revoked, a handler's with its role: each refused once its signature holds
    (``refuse_revoked``, ``refuse_handler``), so that the refusal may say whose
    key signed it."""
    row = conn.execute(text(_SENDER), {"fp": fingerprint}).first()
    if row is None:
        # Nothing to check its signature with: the package's word only.
        raise UnknownSender(
            "The package names as its signer a key the central system has not registered "
            "(central keys import, with the fingerprint read out); nothing was stored."
        )
    revoked = _revoked_on(row[6], row[7])
    return Sender(row[0], row[1], row[2], row[3], bytes(row[4]), revoked, str(row.role))


def refuse_handler(sender: Sender) -> None:
    """A package its (checked) signature shows a handler's key signed: handlers
    send the central system no debriefs."""
    if sender.role != "runner":
        raise UnknownSender(
            "The package is signed by a key registered here as a handler's, not a "
            "runner's: a handler sends no debriefs; nothing was stored."
        )


def refuse_revoked(sender: Sender) -> None:
    """A package its (checked) signature shows a revoked key signed."""
    if sender.revoked_on is not None:
        raise RevokedSender(
            "The package is signed by a key that was revoked on {day}; nothing was stored.",
            day=sender.revoked_on,
        )


def refuse_revoked_since(conn: Connection, sender: Sender) -> None:
    """Its key read again in the storing transaction, its row held (FOR SHARE) to
    the commit: a ``keys revoke`` committed since the key was first read is seen
    here, one still running is waited for and then seen, and one that comes later
    waits until this package is stored (before it was revoked). FOR KEY SHARE
    would not do: the revoke's UPDATE changes no key, so it would not wait."""
    row = conn.execute(text(_SENDER_HELD), {"fp": sender.fingerprint}).one()
    refuse_revoked(replace(sender, revoked_on=_revoked_on(row[0], row[1])))


def arrival(
    conn: Connection, channel: str, sequence: int, previous: str, sha256: str, package_id: str
) -> Arrival:
    """Section 8 of the format: a package id already stored is a replay (whatever
    its file: its sender may have sealed it again); a gap, a late arrival or a broken
    link is stored with a warning; a second package with a number already stored is
    refused."""
    if conn.execute(
        text("SELECT 1 FROM central.packages WHERE id = :id"), {"id": package_id}
    ).first():
        raise ReplayedPackage("This package was already imported; nothing was changed.")
    rows = conn.execute(
        text("SELECT sequence, sha256, previous FROM central.packages WHERE channel = :c"),
        {"c": channel},
    ).all()
    held: dict[int, str] = {r[0]: r[1] for r in rows}
    if sequence in held:
        if held[sequence] == sha256:  # this very file, stored by another process meanwhile
            raise ReplayedPackage("This package was already imported; nothing was changed.")
        raise ReplayedPackage(
            "Another package with the same number from this sender was already imported; "
            "nothing was changed."
        )
    warnings = package_log.links_broken(
        held, {r[0]: r[2] for r in rows}, sequence, sha256, previous
    )
    expected = max(held, default=0) + 1
    if sequence < expected:
        warnings.append(Notice("Package {n} arrived late; it fills a gap.", n=sequence))
        return Arrival("late", warnings)
    if sequence > expected:
        warnings.append(package_log.not_arrived(gaps.missing(held, sequence)))
        return Arrival("gap", warnings)
    return Arrival("new", warnings)


def _refuse(sender: Sender, team_id: int) -> None:
    if team_id != sender.team_id:
        raise WrongTeam("The package names records another team holds; nothing was stored.")
    raise WrongTeam("The package names records another runner sent; nothing was stored.")


def held_debriefs(conn: Connection, ids: list[str]) -> dict[str, HeldDebrief]:
    """The debriefs of ``ids`` the store holds already, by id."""
    if not ids:
        return {}
    # One look-up through the primary key per id (LIMIT 1 keeps each its own): as
    # "id = ANY(ids)" the planner read the whole table for 10,000 ids (0.13 s at
    # 1,000,000 debriefs, and growing with the store).
    rows = conn.execute(
        text(
            "SELECT d.id::text, d.sender, d.team_id, d.latest, d.source_id::text "
            "FROM unnest(CAST(:ids AS uuid[])) AS x(id) CROSS JOIN LATERAL "
            "(SELECT * FROM central.debriefs d WHERE d.id = x.id LIMIT 1) d"
        ),
        {"ids": ids},
    ).all()
    return {r[0]: HeldDebrief(r[1], r[2], r[3], r[4]) for r in rows}


def refuse_others_debriefs(sender: Sender, debriefs: dict[str, HeldDebrief]) -> None:
    """A package may add records and change only those its own sender brought in
    (``debriefs``: those of the package the store holds, ``held_debriefs``)."""
    for held in debriefs.values():
        if held.sender != sender.fingerprint:
            _refuse(sender, held.team_id)


def refuse_others_sources(conn: Connection, sender: Sender, sources: list[str]) -> None:
    """Nor may it name a source another sender brought in."""
    if not sources:
        return
    other = conn.execute(
        text(
            "SELECT team_id FROM central.sources "
            "WHERE id = ANY(CAST(:ids AS uuid[])) AND sender <> :fp LIMIT 1"
        ),
        {"ids": sources, "fp": sender.fingerprint},
    ).first()
    if other is not None:
        _refuse(sender, other[0])


def refuse_others_file_records(
    conn: Connection, sender: Sender, records: list[tuple[Any, dict[str, Any]]]
) -> None:
    """Nor a record of a source's file another sender brought in. Each record is
    claimed first (``record_owners``, migration c0010): of two packages bringing
    one record at the same moment, the later waits on the earlier's key, then
    finds the record another's."""
    if not records:
        return
    keys = sorted({(r.type, str(r.id)) for r, _ in records})  # one order: no deadlock
    params = {
        "types": [t for t, _ in keys],
        "ids": [i for _, i in keys],
        "fp": sender.fingerprint,
        "team": sender.team_id,
    }
    conn.execute(
        text(
            "INSERT INTO central.record_owners (record_type, record_id, sender, team_id) "
            "SELECT t, i, :fp, :team FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) "
            "WITH ORDINALITY AS x(t, i, n) ORDER BY n ON CONFLICT DO NOTHING"
        ),
        params,
    )
    other = conn.execute(
        text(
            "SELECT o.team_id FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) "
            "AS x(t, i) JOIN central.record_owners o ON o.record_type = x.t "
            "AND o.record_id = x.i WHERE o.sender <> :fp LIMIT 1"
        ),
        params,
    ).first()
    if other is not None:
        _refuse(sender, other[0])
