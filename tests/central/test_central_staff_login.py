"""Staff never log in to the database themselves (migration c0011_staff_nologin):
their reads go through ``central search|show``, which log every read first. A
login of their own would read around the access log, and its own queries could
count what row-level security hides (``EXPLAIN ANALYZE`` reports a full-text
index's entries in every team before the policy filters them)."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import Connection, make_url, text

from app.central import access, reading, store
from app.central.errors import CentralError
from app.central.place import Place
from app.central.schema import migrate
from app.central.schema.migrations.versions import c0011_staff_nologin
from tests.central.conftest import Cluster
from tests.helpers.central import run


def _role() -> str:
    # Roles are the whole cluster's: a name of this test's own.
    return f"staff_{uuid.uuid4().hex[:12]}"


def _with_team(place: Place) -> store.Store:
    s = store.Store(place)
    with s.begin() as conn:
        conn.execute(text("INSERT INTO central.teams (name) VALUES ('Noord')"))
    return s


def _can_log_in(s: store.Store, role: str) -> tuple[bool, bool]:
    with s.connect() as conn:
        row = conn.execute(
            text("SELECT rolcanlogin, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = :r"),
            {"r": role},
        ).one()
    return bool(row[0]), bool(row[1])


def _connects(cluster: Cluster, role: str, password: str) -> bool:
    url = make_url(cluster.admin_url)
    try:
        psycopg.connect(
            host=str(url.query["host"]), port=str(url.query["port"]), dbname="postgres",
            user=role, password=password, connect_timeout=5,
        ).close()  # fmt: skip
    except psycopg.OperationalError:
        return False
    return True


def test_a_granted_role_cannot_log_in(central_place: Place, central_cluster: Cluster) -> None:
    role = _role()
    s = _with_team(central_place)
    try:
        with s.begin() as conn:
            access.grant(conn, team="Noord", user=role, by="test")
        assert _can_log_in(s, role) == (False, False)
        assert not _connects(central_cluster, role, "anything")
    finally:
        s.close()


def test_grant_refuses_a_role_that_can_log_in(
    central_place: Place, central_cluster: Cluster
) -> None:
    role = _role()
    s = _with_team(central_place)
    try:
        with s.begin() as conn:
            conn.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'staff password'"))
        assert _connects(central_cluster, role, "staff password")
        with (
            pytest.raises(CentralError, match="can log in to the database itself"),
            s.begin() as conn,
        ):
            access.grant(conn, team="Noord", user=role, by="test")
        with s.connect() as conn:
            grants = conn.execute(
                text("SELECT count(*) FROM central.team_grants WHERE role_name = :r"), {"r": role}
            ).scalar_one()
        assert grants == 0
    finally:
        s.close()


def test_the_grant_command_refuses_a_password(
    central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    role = _role()
    db = ("--db", central_place.url or "")
    done = run(
        capsys, "central", "grant", "--team", "Noord", "--user", role,
        "--password-file", "/nonexistent", *db,
    )  # fmt: skip
    assert done.code != 0
    assert "Staff do not log in to the database themselves" in done.err
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            made = conn.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar_one()
        assert made == 0
    finally:
        s.close()


def _grant_at_c0010(conn: Connection, role: str) -> None:
    """What ``central grant`` did at c0010 (today's keeps the role's OID too)."""
    conn.execute(text(f'CREATE ROLE "{role}" NOLOGIN NOINHERIT'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA central TO "{role}"'))
    tables = ", ".join(f"central.{t}" for t in c0011_staff_nologin._READABLE)
    conn.execute(text(f'GRANT SELECT ON {tables} TO "{role}"'))
    conn.execute(
        text("INSERT INTO central.team_grants (team_id, role_name, granted_by) "
             "SELECT id, :r, 'test' FROM central.teams"), {"r": role}
    )  # fmt: skip


def test_c0011_takes_back_what_roles_a_login_can_act_as_were_given(
    empty_database: Place, central_cluster: Cluster
) -> None:
    logs_in, member_of, plain, login = _role(), _role(), _role(), _role()
    s = store.Store(empty_database)
    try:
        migrate.upgrade(s.engine, "c0010_record_owners")
        with s.begin() as conn:
            conn.execute(text("INSERT INTO central.teams (name) VALUES ('Noord')"))
            for role in (logs_in, member_of, plain):
                _grant_at_c0010(conn, role)
            # As the removed --password-file left one; another granted to a login.
            conn.execute(text(f"ALTER ROLE \"{logs_in}\" LOGIN PASSWORD 'staff password'"))
            conn.execute(text(f"CREATE ROLE \"{login}\" LOGIN PASSWORD 'other password'"))
            conn.execute(text(f'GRANT "{member_of}" TO "{login}"'))
        migrate.upgrade(s.engine)
        with s.connect() as conn:
            granted = set(conn.execute(text("SELECT role_name FROM central.team_grants")).scalars())
            rights = {
                r: conn.execute(
                    text("SELECT has_table_privilege(:r, 'central.debrief_versions', 'SELECT')"),
                    {"r": r},
                ).scalar_one()
                for r in (logs_in, member_of, plain)
            }
            logged = list(
                conn.execute(
                    text("SELECT what FROM central.access_log WHERE who = 'c0011_staff_nologin'")
                ).scalars()
            )
        assert granted == {plain}
        assert rights == {logs_in: False, member_of: False, plain: True}
        # c0015: a staff role reads matches through the masking view only.
        with s.connect() as conn:
            assert [
                conn.execute(
                    text("SELECT has_table_privilege(:r, :t, 'SELECT')"), {"r": plain, "t": t}
                ).scalar_one()
                for t in (
                    "central.deconfliction_matches",
                    "central.deconfliction_decisions",
                    "central.match_states",
                )
            ] == [False, False, True]
        assert sorted(logged) == sorted(f"revoke {r} every team" for r in (logs_in, member_of))
        # No role was changed: the logins still log in (to nothing of this store).
        assert _can_log_in(s, logs_in) == (True, True)
        assert _connects(central_cluster, login, "other password")
        with s.connect() as conn:
            assert access.verify_log(conn).broken_at is None
        migrate.downgrade(s.engine, "c0010_record_owners")  # gives nothing back
        migrate.upgrade(s.engine)
    finally:
        s.close()


def test_reading_as_a_role_a_login_was_granted_is_refused(
    central_place: Place, central_cluster: Cluster
) -> None:
    staff, login = _role(), _role()
    s = _with_team(central_place)
    try:
        with s.begin() as conn:
            access.grant(conn, team="Noord", user=staff, by="test")
            conn.execute(text(f"CREATE ROLE \"{login}\" LOGIN PASSWORD 'x'"))
            conn.execute(text(f'GRANT "{staff}" TO "{login}"'))
        with pytest.raises(CentralError, match=f"granted to {login}"):
            reading.search(s, "woning", user=staff, why="test")
        with pytest.raises(CentralError, match=f"granted to {login}"), s.begin() as conn:
            access.grant(conn, team="Noord", user=staff, by="test")
    finally:
        s.close()


def test_a_role_with_the_owners_rights_is_refused_as_staff(central_place: Place) -> None:
    # A member of the tables' owner is not bound by row-level security: it would
    # read every team.
    staff = _role()
    s = _with_team(central_place)
    try:
        with s.begin() as conn:
            conn.execute(text(f'CREATE ROLE "{staff}" NOLOGIN'))
            admin = conn.execute(text("SELECT current_user")).scalar_one()
            conn.execute(text(f'GRANT "{admin}" TO "{staff}"'))
        with pytest.raises(CentralError, match="rights of the tables' owner"), s.begin() as conn:
            access.grant(conn, team="Noord", user=staff, by="test")
        with s.begin() as conn:  # granted before this check: reading as it is refused
            conn.execute(text(f'GRANT USAGE ON SCHEMA central TO "{staff}"'))
            conn.execute(
                text("INSERT INTO central.team_grants (team_id, role_name, granted_by) "
                     "SELECT id, :r, 'test' FROM central.teams"), {"r": staff}
            )  # fmt: skip
        with pytest.raises(CentralError, match="rights of the tables' owner"):
            reading.search(s, "woning", user=staff, why="test")
    finally:
        s.close()
