"""Matches as people read and decide them: ``central deconflict`` lists them (as a
staff user, through row-level security: the matches of its own teams only, and
the read in the access log first), and a user granted one of a match's two teams
decides it: the same person, or different people, with why (append-only).

Never a token, never a source of another team: kind, the two teams, status, dates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.central import access, teams
from app.central.errors import UnknownTeam
from app.central.reading import _reading, _utc
from app.central.store import Store
from app.errors import InvalidInput, NotFound

RESOLUTIONS = ("same", "different")
MAX_WHY = 500


@dataclass(frozen=True)
class Match:
    match_id: str
    kind: str
    team_a: str
    team_b: str
    status: str  # open | same | different
    opened_at: str
    decided_at: str | None
    decided_by: str | None


_SELECT = f"""
    SELECT m.id, m.kind, m.team_a, m.team_b, coalesce(m.resolution, 'open'),
           {_utc("m.opened_at")}, {_utc("m.resolved_at")}, m.resolved_by
    FROM central.deconfliction_matches m
"""  # noqa: S608  (fixed text)
_LIST = (
    _SELECT + "WHERE CAST(:team AS integer) IS NULL OR :team IN (m.team_a, m.team_b) "
    "ORDER BY m.opened_at, m.id"
)


def _team_names(conn: Connection) -> dict[int, str]:
    # As the administrator: a staff user sees the other team's name of its own
    # matches (what a match tells), not the teams table of other teams.
    return {r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM central.teams"))}


def _team_id(conn: Connection, team: str | None) -> int | None:
    if team is None:
        return None
    found = teams.find(conn, team)  # whatever its case
    if found is None:
        raise UnknownTeam("There is no team named {name}.", name=team)
    return found[0]


def _listed(conn: Connection, team_id: int | None) -> list[Any]:
    return list(conn.execute(text(_LIST), {"team": team_id}).all())


def _matches(rows: list[Any], names: dict[int, str]) -> list[Match]:
    return [Match(str(r[0]), r[1], names[r[2]], names[r[3]], r[4], r[5], r[6], r[7]) for r in rows]


def matches(
    store: Store, *, team: str | None = None, user: str | None = None, why: str = ""
) -> list[Match]:
    """Every match (the administrator), or as ``user``: those of its teams."""
    if user is None:
        with store.connect() as conn:
            return _matches(_listed(conn, _team_id(conn, team)), _team_names(conn))
    with store.connect() as conn:
        team_id = _team_id(conn, team)
    what = "deconflict" + (f" team {team}" if team else "")
    with _reading(store, user, what=what, why=why, team=team or "") as conn:
        rows = _listed(conn, team_id)
        conn.execute(text("RESET ROLE"))
        return _matches(rows, _team_names(conn))


def why_text(why: str) -> str:
    clean = " ".join(why.split())
    if not clean:
        raise InvalidInput("Say why (--why): the decision keeps it.")
    if len(clean) > MAX_WHY:
        raise InvalidInput("A reason holds at most {n} characters.", n=MAX_WHY)
    return clean


def decide(store: Store, match_id: uuid.UUID, *, resolution: str, user: str, why: str) -> Match:
    """Record a decision on a match the user may see (a grant for one of its two
    teams; row-level security decides); the match shows the latest decision."""
    if resolution not in RESOLUTIONS:
        raise InvalidInput("A match is decided as same or different.")
    clean = why_text(why)
    name = access.role_name(user)
    with _reading(
        store, name, what=f"deconflict decide {match_id} {resolution}", why=clean
    ) as conn:
        seen = conn.execute(
            text("SELECT 1 FROM central.deconfliction_matches WHERE id = :id"), {"id": match_id}
        ).first()
        if seen is None:
            raise NotFound("No such match in the teams granted to {user}.", user=name)
        # Staff read only: the decision is written as the administrator, in the same
        # transaction as the check that the user may see the match.
        conn.execute(text("RESET ROLE"))
        at = conn.execute(
            text(
                "INSERT INTO central.deconfliction_decisions (match_id, decided_by, resolution, "
                "why) VALUES (:id, :by, :r, :why) RETURNING at"
            ),
            {"id": match_id, "by": name, "r": resolution, "why": clean},
        ).scalar_one()
        conn.execute(
            text(
                "UPDATE central.deconfliction_matches SET resolution = :r, resolved_at = :at, "
                "resolved_by = :by WHERE id = :id"
            ),
            {"id": match_id, "by": name, "r": resolution, "at": at},
        )
        row = conn.execute(text(_SELECT + "WHERE m.id = :id"), {"id": match_id}).one()
        return _matches([row], _team_names(conn))[0]
