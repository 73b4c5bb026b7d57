"""Search under row-level security with the full-text index (migration
c0006_search_rls): the text-search match is declared leakproof so that a staff
role's search may use the index, and the policy still hides every other team's
debriefs, through the search command and through plain SQL as that role."""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.central import access, central_keys, ingest, reading, search_index, store
from app.central.place import Place
from app.central.schema import migrate
from tests.central.conftest import PASSPHRASE
from tests.helpers.central_fleet import Fleet

# A word in both teams' debriefs (the fleet's narratives are in English).
WORD = "narrative"
_MATCH = (
    "SELECT team_id FROM central.debrief_versions "
    "WHERE search @@ websearch_to_tsquery('pg_catalog.english', :w)"
)


def _leakproof(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT proleakproof FROM pg_proc WHERE oid = "
                "'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure"
            )
        ).scalar_one()
    )


def _as(conn: Connection, role: str, sql: str) -> tuple[set[int], str]:
    """The teams of the rows ``sql`` gives as ``role`` (the full-text index forced
    where the planner may use it), and its plan."""
    conn.execute(text(f'SET LOCAL ROLE "{role}"'))
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    conn.execute(text("SET LOCAL enable_indexscan = off"))  # the team index: bitmap only
    plan = "\n".join(conn.execute(text("EXPLAIN " + sql), {"w": WORD}).scalars())
    teams = set(conn.execute(text(sql), {"w": WORD}).scalars())
    conn.execute(text("RESET ROLE"))
    return teams, plan


def _stored(place: Place, fleet: Fleet) -> store.Store:
    fleet.register(place, fleet.noord, fleet.zuid)
    s = store.Store(place)
    with s.begin() as conn:
        access.grant(conn, team="Noord", user="anna", by="test")
        access.grant(conn, team="Zuid", user="bob", by="test")
        keys = central_keys.unlock(conn, PASSPHRASE)
    for path in [*fleet.noord.files, *fleet.zuid.files]:
        ingest.ingest_file(s, keys, path)
    search_index.index_pending(s)
    return s


def test_search_uses_the_full_text_index_and_rls_still_hides_other_teams(
    central_place: Place, fleet: Fleet
) -> None:
    s = _stored(central_place, fleet)
    try:
        with s.begin() as conn:
            assert _leakproof(conn)  # the embedded cluster's administrator is a superuser
            ids: dict[str, int] = {
                name: tid for name, tid in conn.execute(text("SELECT name, id FROM central.teams"))
            }
            everyone = set(conn.execute(text(_MATCH), {"w": WORD}).scalars())
            assert everyone == {ids["Noord"], ids["Zuid"]}  # the word is in both teams
            for role, team in (("anna", "Noord"), ("bob", "Zuid")):
                seen, plan = _as(conn, role, _MATCH)
                assert "debrief_versions_search" in plan  # the index, under the policy
                assert seen == {ids[team]}
        for role, team in (("anna", "Noord"), ("bob", "Zuid")):
            hits = reading.search(s, WORD, user=role, why="test", limit=500)
            assert hits
            assert {h.team for h in hits} == {team}
            # Naming the other team finds nothing: the policy hides its rows.
            other = "Zuid" if team == "Noord" else "Noord"
            assert reading.search(s, WORD, user=role, why="test", team=other) == []
    finally:
        s.close()


def test_c0006_goes_down_and_up(central_place: Place, fleet: Fleet) -> None:
    s = _stored(central_place, fleet)
    try:
        before = {
            u: reading.search(s, WORD, user=u, why="test", limit=500) for u in ("anna", "bob")
        }
        migrate.downgrade(s.engine, "c0005_search")
        with s.begin() as conn:
            assert not _leakproof(conn)
            seen, plan = _as(conn, "anna", _MATCH)
            assert "debrief_versions_search" not in plan  # not under the policy
            assert seen == {
                conn.execute(text("SELECT id FROM central.teams WHERE name = 'Noord'")).scalar_one()
            }
        migrate.upgrade(s.engine)
        with s.begin() as conn:
            assert _leakproof(conn)
        after = {u: reading.search(s, WORD, user=u, why="test", limit=500) for u in ("anna", "bob")}
        assert after == before
    finally:
        s.close()
