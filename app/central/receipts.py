"""Receipts from the central system: a runner's vault takes them in as it takes a
handler's (docs/package-format.md 7.2) and may then purge what central holds.
Signed with the central key, sealed to the runner, numbered on central's own
channel to that runner; central reviews nothing, so the reviews list is empty.

A receipt never names a handover package: the old runner's vault takes a
handover as confirmed only from the new runner (docs/package-format.md 7.4,
"Receipt and purge") and refuses a receipt naming one from anyone else, whole.
So central's handover rows stay unconfirmed; what the old runner may purge is
decided by the new runner's receipt."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from app.central import teams
from app.central.central_keys import Unlocked
from app.central.errors import UnknownTeam
from app.clock import iso_utc, utc_now
from app.domain import names
from app.errors import InvalidInput, NotFound
from app.export import package
from app.export.manifest import Manifest, ReceiptEntry
from app.services.exchange import package_log
from app.services.exchange.packages import package_file_name
from app.services.files import output_paths

SCHEMA = "central c0001"


@dataclass(frozen=True)
class Issued:
    receipt_id: uuid.UUID
    runner: str
    path: Path
    packages: int
    team: str = ""
    fingerprint: str = ""


def _named(conn: Connection, runner: str, team: str | None) -> str:
    """The fingerprint of the one runner's key named ``runner`` (whatever its case;
    of ``team`` if given, found as ``teams.find`` finds it: two teams whose names
    differ only in case are each named exactly). Two keys of one name are refused,
    never both served."""
    wanted = names.key(runner)
    tid = None
    if team is not None:
        chosen = teams.find(conn, team)
        if chosen is None:
            raise UnknownTeam("There is no team named {name}.", name=teams.team_name(team))
        tid = chosen[0]
    found = [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute(
            text(
                "SELECT s.fingerprint, s.name, t.name, t.id FROM central.senders s "
                "JOIN central.teams t ON t.id = s.team_id WHERE s.role = 'runner' "
                "ORDER BY t.name, s.fingerprint"
            )
        )
        if names.key(str(r[1])) == wanted and (tid is None or r[3] == tid)
    ]
    if not found:
        raise NotFound("No runner named {name} is registered here.", name=runner)
    if len(found) > 1:
        raise InvalidInput(
            "More than one runner's key is named {name}: {keys}. Name the team too (--team).",
            name=runner,
            keys=", ".join(f"team {t}, fingerprint {fp[:8]}…" for fp, _n, t in found),
        )
    return found[0][0]


def _runners(
    conn: Connection, runner: str | None, team: str | None = None
) -> list[tuple[str, str, bytes, str]]:
    """(fingerprint, name, receiving key, team) of the runners with packages to confirm."""
    fingerprint = None if runner is None else _named(conn, runner, team)
    rows = conn.execute(
        text(
            "SELECT DISTINCT s.fingerprint, s.name, s.recipient_public, t.name "
            "FROM central.senders s JOIN central.teams t ON t.id = s.team_id "
            "JOIN central.packages p ON p.sender = s.fingerprint WHERE p.confirmed_by IS NULL "
            "AND p.kind <> 'handover' "
            "AND (CAST(:fp AS text) IS NULL OR s.fingerprint = :fp) ORDER BY t.name, s.name"
        ),
        {"fp": fingerprint},
    ).all()
    if runner is not None and not rows:
        raise InvalidInput("Every package from that runner is already confirmed.")
    return [(r[0], r[1], bytes(r[2]), r[3]) for r in rows]


def issue(
    conn: Connection,
    keys: Unlocked,
    to_dir: Path,
    *,
    runner: str | None = None,
    vaults: list[Path],
    team: str | None = None,
) -> list[Issued]:
    """One receipt per runner with stored packages not yet confirmed (or for the
    one named), written into ``to_dir``; recorded in the same transaction."""
    folder = output_paths.check_folder(to_dir, vaults=vaults)
    issued: list[Issued] = []
    for fingerprint, name, recipient, team_name in _runners(conn, runner, team):
        confirmed = conn.execute(
            text(
                "SELECT id, sha256 FROM central.packages "
                "WHERE sender = :fp AND confirmed_by IS NULL AND kind <> 'handover' "
                "ORDER BY channel, sequence FOR UPDATE"
            ),
            {"fp": fingerprint},
        ).all()
        channel = package_log.channel_key(keys.fingerprint.hex, [fingerprint])
        last = conn.execute(
            text(
                "SELECT sequence, sha256 FROM central.receipts WHERE channel = :c "
                "ORDER BY sequence DESC LIMIT 1"
            ),
            {"c": channel},
        ).first()
        sequence, previous = (1, "") if last is None else (int(last[0]) + 1, str(last[1]))
        receipt_id = uuid.uuid4()
        manifest = Manifest(
            kind="receipt",
            package_id=receipt_id,
            created_at=iso_utc(utc_now()),
            schema=SCHEMA,
            sender=keys.fingerprint.hex,
            recipients=(fingerprint,),
            sequence=sequence,
            previous=previous,
            receipts=tuple(ReceiptEntry(uuid.UUID(str(r[0])), r[1]) for r in confirmed),
        )
        sealed = package.seal(manifest, {"reviews": []}, keys.signing, [recipient])
        conn.execute(
            text(
                "INSERT INTO central.receipts (id, channel, sequence, sha256, runner, packages, "
                "sealed) VALUES (:id, :c, :seq, :sha, :fp, :n, :sealed)"
            ),
            {
                "id": receipt_id,
                "c": channel,
                "seq": sequence,
                "sha": hashlib.sha256(sealed).hexdigest(),
                "fp": fingerprint,
                "n": len(confirmed),
                "sealed": sealed,
            },
        )
        conn.execute(
            text(
                "UPDATE central.packages SET confirmed_by = :r WHERE id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"r": receipt_id, "ids": [str(r[0]) for r in confirmed]},
        )
        path = output_paths.write_file(
            folder / package_file_name(receipt_id), sealed, vaults=vaults
        )
        issued.append(Issued(receipt_id, name, path, len(confirmed), team_name, fingerprint))
    return issued
