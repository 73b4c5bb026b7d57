"""Notices of matches to handlers (``central deconflict notify``): one
``deconfliction-notice`` package per handler of a team a match concerns, telling
only the matches whose state changed since the previous notice to that handler.

What a handler learns of a match: its kind, its own team's source, the other
team's name (its own name for a match within the team, then the other source
too), when it was opened, the latest decision and its time. Never a token, never
the other team's source, codename or runner. The reason of a decision goes only
to a team the person who decided is granted: what one team wrote about its own
source does not travel to the other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from app.central import outgoing
from app.central.central_keys import Unlocked
from app.central.reading import _utc
from app.export import deconfliction
from app.export.deconfliction import MatchNotice
from app.services.files import output_paths

_STATE = f"coalesce({_utc('m.resolved_at')}, 'open')"
_CHANGED = f"""
    SELECT m.id, m.kind, m.team_a, m.source_a, m.team_b, m.source_b, {_utc("m.opened_at")},
           coalesce(m.resolution, 'open'), coalesce({_utc("m.resolved_at")}, ''),
           coalesce((SELECT d.why FROM central.deconfliction_decisions d
                     WHERE d.match_id = m.id ORDER BY d.at DESC, d.id DESC LIMIT 1), ''),
           EXISTS (SELECT 1 FROM central.team_grants g
                   WHERE g.role_name = m.resolved_by AND g.team_id = :team),
           {_STATE}
    FROM central.deconfliction_matches m
    WHERE :team IN (m.team_a, m.team_b)
      AND NOT EXISTS (SELECT 1 FROM central.deconfliction_notified n
                      WHERE n.recipient = :fp AND n.match_id = m.id AND n.state = {_STATE})
    ORDER BY m.id
"""  # noqa: S608  (fixed text)


@dataclass(frozen=True)
class Noticed:
    handler: str
    team: str
    path: Path
    matches: int


def _entry(row: Any, team_id: int, names: dict[int, str]) -> MatchNotice:
    mid, kind, team_a, source_a, team_b, source_b, opened, status, decided, why, granted = row[:11]
    within = team_a == team_b
    mine, other_team = (source_a, team_b) if team_a == team_id else (source_b, team_a)
    return MatchNotice(
        match_id=str(mid),
        kind=str(kind),
        source_id=str(mine),
        other_team=names[other_team],
        other_source=str(source_b) if within else "",
        opened_at=str(opened),
        status=str(status),
        decided_at=str(decided),
        # The reader refuses a reason on an open match (package-format 7.6).
        why=str(why) if granted and status != "open" else "",
    )


def notify(
    conn: Connection, keys: Unlocked, to_dir: Path, *, team: str | None, vaults: list[Path]
) -> list[Noticed]:
    folder = output_paths.check_folder(to_dir, vaults=vaults)
    names: dict[int, str] = {
        r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM central.teams"))
    }
    done = []
    for handler in outgoing.handlers(conn, team):
        rows = conn.execute(
            text(_CHANGED), {"team": handler.team_id, "fp": handler.fingerprint}
        ).all()
        if not rows:
            continue
        body = deconfliction.notice_body([_entry(r, handler.team_id, names) for r in rows])
        notice_id, path = outgoing.write(
            conn, keys, handler, deconfliction.NOTICE_KIND, body, folder, vaults=vaults
        )
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_notified (recipient, match_id, state, notice) "
                "SELECT :fp, m, s, :n FROM unnest(CAST(:ids AS uuid[]), CAST(:states AS text[])) "
                "AS x(m, s)"
            ),
            {
                "fp": handler.fingerprint,
                "n": notice_id,
                "ids": [str(r[0]) for r in rows],
                "states": [str(r[11]) for r in rows],
            },
        )
        done.append(Noticed(handler.name, handler.team, path, len(rows)))
    return done
