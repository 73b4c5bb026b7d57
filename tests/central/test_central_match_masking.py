"""Staff read matches through ``central.match_states`` only (c0015_match_per_team):
by plain SQL, as each staff role, never the other team's source id, the reason
of its decision or the name of its staff."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import ProgrammingError

from app.central import store
from app.central.place import Place
from tests.central.test_central_deconfliction import _args, scene
from tests.central.test_central_ingest import query
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _everything_readable(conn: Connection, role: str) -> str:
    """Every row of every relation in the schema ``role`` may SELECT, read by plain
    SQL as that role, as one text."""
    relations = (
        conn.execute(
            text(
                "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'central'::regnamespace "
                "AND c.relkind IN ('r', 'v', 'm', 'p') AND has_table_privilege(:r, c.oid, 'SELECT')"
            ),
            {"r": role},
        )
        .scalars()
        .all()
    )
    seen = []
    with conn.begin_nested():
        conn.execute(text(f'SET LOCAL ROLE "{role}"'))
        for rel in relations:
            rows = conn.execute(text(f"SELECT t::text FROM central.{rel} t")).scalars()
            seen += [f"{rel}: {row}" for row in rows]
        conn.execute(text("RESET ROLE"))
    return "\n".join(seen)


def _select_as(conn: Connection, role: str, sql: str) -> None:
    with conn.begin_nested():
        conn.execute(text(f'SET LOCAL ROLE "{role}"'))
        conn.execute(text(sql)).all()


def test_staff_never_read_the_other_teams_source_reason_or_name_by_plain_sql(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    s = scene(central_place, fleet, tmp_path)
    args = _args(central_place)
    [mid] = query(
        central_place, "SELECT id FROM central.deconfliction_matches WHERE kind = 'phone'"
    )
    for team, user in (("Noord", "noord_staff"), ("Zuid", "zuid_staff")):
        assert run(capsys, "central", "grant", *args, "--team", team, "--user", user).code == 0
        done = run(capsys, "central", "deconflict", "decide", str(mid[0]), *args, "--as",
                   "different", "--user", user, "--why", f"reden van {team}")  # fmt: skip
        assert done.code == 0, done.err
    own = {"noord_staff": ("Noord", "ZWALUW"), "zuid_staff": ("Zuid", "KRAAI")}
    with store.Store(central_place).connect() as conn:
        for role, (team, source) in own.items():
            other_role, (other_team, other_source) = next(
                (r, v) for r, v in own.items() if r != role
            )
            for table in ("deconfliction_matches", "deconfliction_decisions"):
                with pytest.raises(ProgrammingError, match="permission denied"):
                    _select_as(conn, role, f"SELECT * FROM central.{table}")
            seen = _everything_readable(conn, role)
            for shown in (s.ids[source], f"reden van {team}", role):
                assert shown in seen, (role, shown)
            for hidden in (s.ids[other_source], f"reden van {other_team}", other_role):
                assert hidden not in seen, (role, hidden)
        conn.rollback()
