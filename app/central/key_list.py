"""The register of runners' and handlers' keys (``central keys list``): each key
with its team, role, name and fingerprint, when and by whom it was registered and
revoked, and when its last package was stored. Keys and times only, no content."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from app.central import teams
from app.central.ingest_checks import short


def _utc(column: str) -> str:
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"


_LIST = f"""
    SELECT t.name, s.role, s.name, s.fingerprint, s.spoken, {_utc("s.added_at")}, s.added_by,
           {_utc("s.revoked_at")}, s.revoked_by, s.active, {_utc("p.last")}
    FROM central.senders s JOIN central.teams t ON t.id = s.team_id
    LEFT JOIN (SELECT sender, max(received_at) AS last FROM central.packages
               GROUP BY sender) p ON p.sender = s.fingerprint
    WHERE CAST(:team AS integer) IS NULL OR s.team_id = :team
    ORDER BY t.name, s.role, s.name, s.fingerprint
"""  # noqa: S608  (fixed column names)


def registered(conn: Connection, team: str | None = None) -> list[dict[str, Any]]:
    """Every registered key (of ``team``, whatever its case, if given)."""
    tid = teams.team_id(conn, team)[0] if team else None
    return [
        {
            "team": r[0],
            "role": r[1],
            "name": r[2],
            "fingerprint": r[3],
            "short": short(r[3]),
            "spoken": r[4],
            "registered_at": r[5],
            "registered_by": r[6],
            "revoked_at": None if r[9] else r[7],
            "revoked_by": None if r[9] else r[8],
            "active": bool(r[9]),
            "last_package_at": r[10],
        }
        for r in conn.execute(text(_LIST), {"team": tid})
    ]


def revoked(conn: Connection) -> dict[str, str]:
    """The revoked keys' fingerprints, with when each was revoked (``status``)."""
    return {
        str(r[0]): str(r[1] or "")
        for r in conn.execute(
            text(f"SELECT fingerprint, {_utc('revoked_at')} FROM central.senders WHERE NOT active")  # noqa: S608
        )
    }


_REFUSALS = f"""
    SELECT {_utc("at")}, file_name, reason, message, sender, sender_name, team
    FROM central.refusals ORDER BY id DESC LIMIT 20
"""  # noqa: S608  (fixed column names)


def recent_refusals(conn: Connection) -> list[dict[str, Any]]:
    """The 20 latest refusals, newest first, with whose key signed the package
    (``sender``: its short fingerprint; ``sender_name`` and ``team`` where it is
    registered)."""
    keys = ("at", "file", "reason", "message", "sender", "sender_name", "team")
    return [dict(zip(keys, r, strict=True)) for r in conn.execute(text(_REFUSALS))]
