"""A handover package at the central system (docs/central.md, "Handovers";
docs/package-format.md 7.4): stored as a package of the old runner's, then, in
the same transaction, the source and everything the store attributes to a sender
of it (the source, its debriefs, the records of its file: what the refusal of
another runner's records reads) moved to the new runner.

Central takes a handover only between two runners of one team: the new runner's
key must be registered here, active, a runner's, of the old runner's team. A
source moving between teams would move its rows across row-level security, and
its past packages to the other team: out of scope, refused in one line. The
sealed identity is not opened (central holds no key for it) and not stored apart
from the kept file: only whether one came.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, text

from app.central.errors import WrongTeam
from app.central.ingest_checks import Sender


def _not_holder() -> WrongTeam:
    return WrongTeam(
        "The handover comes from a runner who does not hold that source here (another "
        "runner sent it); nothing was stored."
    )


@contextlib.contextmanager
def as_holder(kind: str) -> Iterator[None]:
    """Of a handover, a refusal as another runner's records (``ingest_checks``) is
    said as what it means there: the sender does not hold the source it hands on."""
    try:
        yield
    except WrongTeam:
        if kind != "handover":
            raise
        raise _not_holder() from None


def check(conn: Connection, sender: Sender, handover: dict[str, Any]) -> str:
    """Before the handover's records are stored: the new runner a key of the
    sender's team, and the source the sender's here or not held yet; the new
    runner's registered name. The new runner's key row is held to the commit: a
    revoke meanwhile waits, as for the sender's (``refuse_revoked_since``)."""
    row = conn.execute(
        text(
            "SELECT team_id, role, active, name FROM central.senders WHERE fingerprint = :fp "
            "FOR SHARE"
        ),
        {"fp": handover["to_runner"]},
    ).first()
    if row is None:
        raise WrongTeam(
            "The handover hands the source to a key the central system has not registered: "
            "register the new runner's key (central keys import, with the fingerprint read "
            "out), then ingest this package again; nothing was stored."
        )
    if row[0] != sender.team_id:
        raise WrongTeam(
            "The handover hands the source to another team's runner: the central system "
            "moves a source only between runners of one team; nothing was stored."
        )
    if row[1] != "runner":
        raise WrongTeam(
            "The handover hands the source to a key registered here as a handler's, not a "
            "runner's; nothing was stored."
        )
    if not row[2]:
        raise WrongTeam(
            "The handover hands the source to a runner's key that was revoked here; "
            "nothing was stored."
        )
    holder = conn.execute(
        text("SELECT sender FROM central.sources WHERE id = :id FOR UPDATE"),
        {"id": handover["source_id"]},
    ).first()
    if holder is not None and holder[0] != sender.fingerprint:
        raise _not_holder()
    return str(row[3])


def move(
    conn: Connection, sender: Sender, handover: dict[str, Any], package_id: str, created_at: str
) -> None:
    """The source, and what the store attributes to a sender of it, now the new
    runner's; the handover recorded first (the triggers of c0021 let a sender
    change only along it)."""
    to, source = handover["to_runner"], handover["source_id"]
    conn.execute(
        text(
            "INSERT INTO central.handovers (package_id, source_id, team_id, from_sender, "
            "to_sender, identity, created_at) VALUES (:p, :s, :t, :old, :new, :identity, "
            "CAST(:at AS timestamptz))"
        ),
        {
            "p": package_id,
            "s": source,
            "t": sender.team_id,
            "old": sender.fingerprint,
            "new": to,
            "identity": handover["identity"] is not None,
            "at": created_at,
        },
    )
    moved = {"s": source, "old": sender.fingerprint, "new": to}
    conn.execute(
        text("UPDATE central.sources SET sender = :new WHERE id = :s AND sender = :old"), moved
    )
    conn.execute(
        text("UPDATE central.debriefs SET sender = :new WHERE source_id = :s AND sender = :old"),
        moved,
    )
    # Every record of the source's file the store holds, whichever package brought it.
    conn.execute(
        text(
            "UPDATE central.record_owners o SET sender = :new FROM (SELECT DISTINCT "
            "record_type, record_id FROM central.record_versions WHERE source_id = :s) v "
            "WHERE o.record_type = v.record_type AND o.record_id = v.record_id "
            "AND o.sender = :old"
        ),
        moved,
    )
