"""Matches as people read and decide them: ``central deconflict`` lists them (as a
staff user, through the view ``central.match_states``: the matches of its own
teams only, and the read in the access log first), and a user granted one of a
match's two teams decides it for the teams it is granted: the same person, or
different people, with why (append-only). A match between two teams is decided
per team: it stays open for a team until that team decides.

A match is listed once per team of it (as that team sees it): that team's state
and its decider; of the other team only what it decided, never who or why.
Never a token, never a source of another team."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.central import access, teams
from app.central.errors import UnknownTeam
from app.central.reading import Outcome, _checked, _reading, _utc, by_team
from app.central.store import Store
from app.errors import InvalidInput, NotFound

RESOLUTIONS = ("same", "different")
MAX_WHY = 500
OTHER_TEAM = "the other team"


@dataclass(frozen=True)
class Match:
    match_id: str
    kind: str
    team: str  # the team whose state this is
    other_team: str  # the same team for a match within one team
    status: str  # that team's: open | same | different
    opened_at: str
    decided_at: str | None
    decided_by: str | None  # of that team's decision
    other_status: str | None  # the other team's (None within one team)
    other_decided_by: str | None  # "the other team" once it decided: never its staff's name


_SELECT = f"""
    SELECT s.match_id, s.kind, s.team_id, s.other_team_id, s.status,
           {_utc("s.opened_at")}, {_utc("s.decided_at")}, s.decided_by, s.other_status
    FROM central.match_states s
"""  # noqa: S608  (fixed text)
_LIST = (
    _SELECT + "WHERE CAST(:team AS integer) IS NULL OR s.team_id = :team "
    "ORDER BY s.opened_at, s.match_id, s.team_id"
)


def _team_names(conn: Connection) -> dict[int, str]:
    # As the administrator: a staff user sees the other team's name of its own
    # matches (what a match tells), not the teams table of other teams.
    return {r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM central.teams"))}


def _team_id(conn: Connection, team: str | None) -> int | None:
    """The team among those ``conn`` may see (a staff user: its granted teams; a
    team not granted reads exactly like one that does not exist)."""
    if team is None:
        return None
    found = teams.find(conn, team)  # whatever its case
    if found is None:
        raise UnknownTeam("There is no team named {name}.", name=team)
    return found[0]


def _listed(conn: Connection, team_id: int | None) -> list[Any]:
    return list(conn.execute(text(_LIST), {"team": team_id}).all())


def _matches(rows: list[Any], names: dict[int, str]) -> list[Match]:
    out = []
    for r in rows:
        other = r[8]
        decided_other = OTHER_TEAM if other is not None and other != "open" else None
        out.append(
            Match(str(r[0]), r[1], names[r[2]], names[r[3]], r[4], r[5], r[6], r[7], other,
                  decided_other)
        )  # fmt: skip
    return out


def matches(
    store: Store, *, team: str | None = None, user: str | None = None, why: str = access.NO_REASON
) -> list[Match]:
    """Every match (the administrator), or as ``user``: those of its teams."""
    if user is None:
        with store.connect() as conn:
            return _matches(_listed(conn, _team_id(conn, team)), _team_names(conn))
    what = "deconflict" + (f" team {team}" if team else "")
    with _checked(store, user, what=what, why=why):
        access.role_name(user)
        access.reason_text(why)
        if team is not None:
            teams.team_name(team)
    came = Outcome()
    with _reading(store, user, what=what, why=why, team=team or "", outcome=came) as conn:
        rows = _listed(conn, _team_id(conn, team))
        conn.execute(text("RESET ROLE"))
        listed = _matches(rows, _team_names(conn))
        # Which matches were shown, by the team whose state it was: ids only.
        came.text, came.team = _listed_outcome(listed)
        return listed


def _listed_outcome(listed: list[Match]) -> tuple[str, str]:
    if not listed:
        return "0 listed", ""
    named, listed_teams = by_team([(m.team, m.match_id) for m in listed])
    return f"{len(listed)} listed {named}", listed_teams


def why_text(why: str) -> str:
    clean = " ".join(why.split())
    if not clean:
        raise InvalidInput("Say why (--why): the decision keeps it.")
    if len(clean) > MAX_WHY:
        raise InvalidInput("A reason holds at most {n} characters.", n=MAX_WHY)
    return clean


def decide(store: Store, match_id: uuid.UUID, *, resolution: str, user: str, why: str) -> Match:
    """Record a decision on a match the user may see (a grant for one of its two
    teams; the view decides), for the match's teams the user is granted; the
    match shows that team's latest decision."""
    with _checked(store, user, what=f"deconflict decide {match_id} {resolution}", why=why):
        if resolution not in RESOLUTIONS:
            raise InvalidInput("A match is decided as same or different.")
        clean = access.reason_text(why_text(why))
        name = access.role_name(user)
    came = Outcome("decided")
    with _reading(
        store, name, what=f"deconflict decide {match_id} {resolution}", why=clean, outcome=came
    ) as conn:
        mine = sorted(
            int(t)
            for t in conn.execute(
                text("SELECT team_id FROM central.match_states WHERE match_id = :id"),
                {"id": match_id},
            ).scalars()
        )
        if not mine:
            raise NotFound("No such match in the teams granted to {user}.", user=name)
        # Staff read only: the decision is written as the administrator, in the same
        # transaction as the check that the user may see the match.
        conn.execute(text("RESET ROLE"))
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_decisions (match_id, decided_by, resolution, "
                "why, teams) VALUES (:id, :by, :r, :why, CAST(:teams AS integer[]))"
            ),
            {"id": match_id, "by": name, "r": resolution, "why": clean, "teams": mine},
        )
        row = conn.execute(
            text(_SELECT + "WHERE s.match_id = :id AND s.team_id = :t"),
            {"id": match_id, "t": mine[0]},
        ).one()
        names = _team_names(conn)
        came.team = ", ".join(sorted(names[t] for t in mine))
        return _matches([row], names)[0]
