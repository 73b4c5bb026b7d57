"""What is done to a staff role after its grant is checked at every read: a role
made superuser, BYPASSRLS or a member of the tables' owner is refused; a role
dropped and made again under its name gets none of the old one's teams (the
grants keep the role's OID, c0013_grant_role_oids). And the evidence tables
refuse TRUNCATE (c0014_no_truncate)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from app.central import access, reading, store
from app.central.errors import CentralError
from app.central.place import Place
from app.central.schema.migrations.versions import c0014_no_truncate
from tests.helpers.central import run


def _role() -> str:
    # Roles are the whole cluster's: a name of this test's own.
    return f"staff_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def two_teams(central_place: Place) -> Iterator[store.Store]:
    s = store.Store(central_place)
    with s.begin() as conn:
        conn.execute(text("INSERT INTO central.teams (name) VALUES ('Noord'), ('Zuid')"))
    yield s
    s.close()


def _teams_seen(conn: Connection, role: str) -> list[str]:
    conn.execute(text(f'SET LOCAL ROLE "{role}"'))
    seen = list(conn.execute(text("SELECT name FROM central.teams ORDER BY name")).scalars())
    conn.execute(text("RESET ROLE"))
    return seen


@pytest.mark.parametrize("attribute", ["BYPASSRLS", "SUPERUSER"])
def test_a_role_made_unbound_by_the_policies_after_its_grant_is_refused_at_every_read(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    two_teams: store.Store,
    attribute: str,
) -> None:
    gina = _role()
    with two_teams.begin() as conn:
        access.grant(conn, team="Noord", user=gina, by="test")
        conn.execute(text(f'ALTER ROLE "{gina}" {attribute}'))
    try:
        with pytest.raises(CentralError, match="bypasses row-level security"):
            reading.search(two_teams, "woning", user=gina, why="test")
        with pytest.raises(CentralError, match="bypasses row-level security"):
            reading.show(two_teams, "debrief", uuid.uuid4(), user=gina, why="test")
        assert central_place.url is not None
        shown = run(capsys, "central", "search", "a", "--user", gina, "--reason", "r",
                    "--db", central_place.url)  # fmt: skip
        assert shown.code == 1
        assert shown.out == ""
        assert len(shown.err.splitlines()) == 1
        assert "bypasses row-level security" in shown.err
    finally:
        with two_teams.begin() as conn:
            conn.execute(text(f'ALTER ROLE "{gina}" NO{attribute}'))


def test_a_noinherit_role_made_a_member_of_the_owner_after_its_grant_is_refused(
    two_teams: store.Store,
) -> None:
    staff = _role()
    with two_teams.begin() as conn:
        access.grant(conn, team="Noord", user=staff, by="test")  # made NOINHERIT
        owner = conn.execute(text("SELECT current_user")).scalar_one()
        conn.execute(text(f'GRANT "{owner}" TO "{staff}"'))
    try:
        with pytest.raises(CentralError, match="rights of the tables' owner"):
            reading.search(two_teams, "woning", user=staff, why="test")
    finally:
        with two_teams.begin() as conn:
            conn.execute(text(f'REVOKE "{owner}" FROM "{staff}"'))


def _drop(conn: Connection, role: str) -> None:
    conn.execute(text(f'DROP OWNED BY "{role}"'))
    conn.execute(text(f'DROP ROLE "{role}"'))


def test_a_role_dropped_and_made_again_by_grant_gets_none_of_the_old_ones_teams(
    capsys: pytest.CaptureFixture[str], central_place: Place, two_teams: store.Store
) -> None:
    ivan = _role()
    with two_teams.begin() as conn:
        access.grant(conn, team="Noord", user=ivan, by="test")
        assert _teams_seen(conn, ivan) == ["Noord"]
        _drop(conn, ivan)
    assert central_place.url is not None
    again = run(capsys, "central", "grant", "--team", "Zuid", "--user", ivan,
                "--db", central_place.url)  # fmt: skip
    assert again.code == 0, again.err
    assert "(a new role)" in again.out
    assert "Noord" in again.out  # what was taken away is said
    with two_teams.begin() as conn:
        assert _teams_seen(conn, ivan) == ["Zuid"]
        held = conn.execute(
            text("SELECT count(*) FROM central.team_grants WHERE role_name = :r"), {"r": ivan}
        ).scalar_one()
        logged = conn.execute(
            text("SELECT what FROM central.access_log WHERE what LIKE :w"),
            {"w": f"revoke {ivan} teams Noord%"},
        ).scalar_one_or_none()
    assert held == 1
    assert logged is not None


def test_a_role_made_again_by_hand_matches_no_grant_of_the_old_one(
    two_teams: store.Store,
) -> None:
    ivan = _role()
    with two_teams.begin() as conn:
        access.grant(conn, team="Noord", user=ivan, by="test")
        _drop(conn, ivan)
        # A database administrator makes the name again and gives it the tables.
        conn.execute(text(f'CREATE ROLE "{ivan}" NOLOGIN NOINHERIT'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA central TO "{ivan}"'))
        tables = ", ".join(f"central.{t}" for t in access.READABLE)
        conn.execute(text(f'GRANT SELECT ON {tables} TO "{ivan}"'))
        # The old grant's row is still there, under the name: it matches nobody.
        assert _teams_seen(conn, ivan) == []
        conn.execute(text(f'SET LOCAL ROLE "{ivan}"'))
        assert conn.execute(text("SELECT count(*) FROM central.team_grants")).scalar_one() == 0
        conn.execute(text("RESET ROLE"))
    with two_teams.begin() as conn:
        done = access.grant(conn, team="Zuid", user=ivan, by="test")
        assert (done.created_role, done.stale_teams) == (False, ("Noord",))
        assert _teams_seen(conn, ivan) == ["Zuid"]
        _drop(conn, ivan)


@pytest.mark.parametrize(
    "table", [*c0014_no_truncate.TABLES, "packages", "access_log", "grade_codes"]
)
def test_the_evidence_tables_refuse_truncate(two_teams: store.Store, table: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"), two_teams.begin() as conn:
        conn.execute(text(f"TRUNCATE central.{table} CASCADE"))


def test_truncating_the_tables_of_the_trial_at_once_is_refused(two_teams: store.Store) -> None:
    tables = "central.debrief_versions, central.audit_events, central.record_versions, " \
        "central.package_files"  # fmt: skip
    with pytest.raises(DBAPIError, match="append-only"), two_teams.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables}"))
