"""Notices of matches to handlers (``central deconflict notify``): one
``deconfliction-notice`` package per handler of a team a match concerns, telling
only the matches whose state changed since the previous notice to that handler.

What a handler learns of a match: its kind, its own team's source, the other
team's name (its own name for a match within the team, then the other source
too), when it was opened, its own team's latest decision, its time and reason. A
match between two teams is decided per team: the other team's decision leaves it
open for this one. Never a token, never the other team's source, codename,
runner, decision, reason or staff name."""

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

_STATE = f"coalesce({_utc('s.decided_at')}, 'open')"
# The team's own state of each of its matches (central.match_states, as the
# administrator), where it differs from what the latest notice to the handler
# told: a match reopened for a team (c0015_match_per_team) is told again.
_CHANGED = f"""
    SELECT s.match_id, s.kind, s.source_id, s.other_team_id, s.other_source_id,
           {_utc("s.opened_at")}, s.status, coalesce({_utc("s.decided_at")}, ''),
           coalesce(s.why, ''), {_STATE}
    FROM central.match_states s
    WHERE s.team_id = :team
      AND (SELECT n.state FROM central.deconfliction_notified n
           JOIN central.outgoing o ON o.id = n.notice
           WHERE n.recipient = :fp AND n.match_id = s.match_id
           ORDER BY o.created_at DESC, o.sequence DESC LIMIT 1) IS DISTINCT FROM {_STATE}
    ORDER BY s.match_id
"""  # noqa: S608  (fixed text)


@dataclass(frozen=True)
class Noticed:
    handler: str
    team: str
    path: Path
    matches: int


def _entry(row: Any, names: dict[int, str]) -> MatchNotice:
    mid, kind, mine, other_team, other_source, opened, status, decided, why = row[:9]
    return MatchNotice(
        match_id=str(mid),
        kind=str(kind),
        source_id=str(mine),
        other_team=names[other_team],
        other_source=str(other_source) if other_source is not None else "",
        opened_at=str(opened),
        status=str(status),
        decided_at=str(decided),
        # The team's own decision's reason; the reader refuses a reason on an open
        # match (package-format 7.6).
        why=str(why) if status != "open" else "",
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
        body = deconfliction.notice_body([_entry(r, names) for r in rows])
        notice_id, path = outgoing.write(
            conn, keys, handler, deconfliction.NOTICE_KIND, body, folder, vaults=vaults
        )
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_notified (recipient, match_id, state, notice) "
                "SELECT :fp, m, s, :n FROM unnest(CAST(:ids AS uuid[]), CAST(:states AS text[])) "
                "AS x(m, s) ON CONFLICT (recipient, match_id, state) DO UPDATE "
                "SET notice = EXCLUDED.notice"
            ),
            {
                "fp": handler.fingerprint,
                "n": notice_id,
                "ids": [str(r[0]) for r in rows],
                "states": [str(r[9]) for r in rows],
            },
        )
        done.append(Noticed(handler.name, handler.team, path, len(rows)))
    return done
