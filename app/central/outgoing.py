"""Packages the central system writes to a handler (the unit's deconfliction key,
notices of matches): signed with the central key, sealed to that handler alone,
numbered on central's own channel to that handler and chained by hash like every
sender's packages, recorded with the sealed file in the same transaction."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from app.central import teams
from app.central.central_keys import Unlocked
from app.clock import iso_utc, utc_now
from app.errors import InvalidInput
from app.export import package
from app.export.manifest import Manifest
from app.services.exchange import package_log
from app.services.exchange.packages import package_file_name
from app.services.files import output_paths

SCHEMA = "central c0003"


@dataclass(frozen=True)
class Handler:
    fingerprint: str
    name: str
    recipient_public: bytes
    team_id: int
    team: str


def handlers(conn: Connection, team: str | None) -> list[Handler]:
    """The registered (active) handlers of ``team`` (whatever its case), or of every team."""
    if team is not None:
        found = teams.find(conn, team)
        team = team if found is None else found[1]
    rows = conn.execute(
        text(
            "SELECT s.fingerprint, s.name, s.recipient_public, t.id, t.name "
            "FROM central.senders s JOIN central.teams t ON t.id = s.team_id "
            "WHERE s.role = 'handler' AND s.active "
            "AND (CAST(:team AS text) IS NULL OR t.name = :team) ORDER BY t.name, s.name"
        ),
        {"team": team},
    ).all()
    if not rows:
        if team is None:
            raise InvalidInput("No handler's key is registered here (central keys import).")
        raise InvalidInput("No handler's key is registered to team {team}.", team=team)
    return [Handler(r[0], r[1], bytes(r[2]), r[3], r[4]) for r in rows]


def write(
    conn: Connection,
    keys: Unlocked,
    handler: Handler,
    kind: str,
    body: dict[str, Any],
    folder: Path,
    *,
    vaults: list[Path],
) -> tuple[uuid.UUID, Path]:
    """Seal ``body`` to ``handler`` as the next package of central's channel to it,
    record it, write it into ``folder``."""
    channel = package_log.channel_key(keys.fingerprint.hex, [handler.fingerprint])
    # One writer per channel until commit: two commands at once take 1 and 2, not 1 twice.
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:c))"), {"c": channel})
    last = conn.execute(
        text(
            "SELECT sequence, sha256 FROM central.outgoing WHERE channel = :c "
            "ORDER BY sequence DESC LIMIT 1"
        ),
        {"c": channel},
    ).first()
    sequence, previous = (1, "") if last is None else (int(last[0]) + 1, str(last[1]))
    package_id = uuid.uuid4()
    manifest = Manifest(
        kind=kind,
        package_id=package_id,
        created_at=iso_utc(utc_now()),
        schema=SCHEMA,
        sender=keys.fingerprint.hex,
        recipients=(handler.fingerprint,),
        sequence=sequence,
        previous=previous,
    )
    sealed = package.seal(manifest, body, keys.signing, [handler.recipient_public])
    conn.execute(
        text(
            "INSERT INTO central.outgoing (id, channel, sequence, sha256, kind, recipient, sealed) "
            "VALUES (:id, :c, :seq, :sha, :kind, :fp, :sealed)"
        ),
        {
            "id": package_id,
            "c": channel,
            "seq": sequence,
            "sha": hashlib.sha256(sealed).hexdigest(),
            "kind": kind,
            "fp": handler.fingerprint,
            "sealed": sealed,
        },
    )
    path = output_paths.write_file(folder / package_file_name(package_id), sealed, vaults=vaults)
    return package_id, path
