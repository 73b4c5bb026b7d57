"""Migration c0015_match_per_team on a store that already holds decisions: each
decision keeps deciding for its decider's teams (both, for a decider granted
neither), a match one team closed is open again for the other, and staff lose
the tables for the masking view."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, text

from app.central import store
from app.central.place import Place
from app.central.schema import migrate
from app.central.schema.migrations.versions import c0011_staff_nologin


def _decided_before(conn: Connection, role: str) -> tuple[int, int, list[uuid.UUID]]:
    """Teams Noord and Zuid, ``role`` granted Zuid (as at c0010), and two matches
    between them decided before c0015: by ``role``, and by a role granted neither."""
    noord, zuid = (
        conn.execute(
            text("INSERT INTO central.teams (name) VALUES (:n) RETURNING id"), {"n": n}
        ).scalar_one()
        for n in ("Noord", "Zuid")
    )
    conn.execute(text(f'CREATE ROLE "{role}" NOLOGIN NOINHERIT'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA central TO "{role}"'))
    tables = ", ".join(f"central.{t}" for t in c0011_staff_nologin._READABLE)
    conn.execute(text(f'GRANT SELECT ON {tables} TO "{role}"'))
    conn.execute(
        text("INSERT INTO central.team_grants (team_id, role_name, granted_by) "
             "VALUES (:t, :r, 'test')"), {"t": zuid, "r": role},
    )  # fmt: skip
    conn.execute(
        text("INSERT INTO central.deconfliction_keys (key_id, params, sealed) "
             "VALUES ('k1', '{}', '')")
    )  # fmt: skip
    matches = []
    for by, verdict in ((role, "different"), ("someone_gone", "same")):
        a, b = sorted((uuid.uuid4(), uuid.uuid4()), key=str)
        mid = uuid.uuid4()
        matches.append(mid)
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_matches (id, kind, key_id, team_a, "
                "source_a, team_b, source_b, resolution, resolved_at, resolved_by) "
                "VALUES (:id, 'phone', 'k1', :ta, :a, :tb, :b, :r, now(), :by)"
            ),
            {"id": mid, "ta": noord, "a": a, "tb": zuid, "b": b, "r": verdict, "by": by},
        )
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_decisions (match_id, decided_by, "
                "resolution, why) VALUES (:id, :by, :r, 'reden')"
            ),
            {"id": mid, "by": by, "r": verdict},
        )
    return noord, zuid, matches


def test_c0015_keeps_decisions_for_the_deciders_teams_and_reopens_the_other(
    empty_database: Place,
) -> None:
    role = f"staff_{uuid.uuid4().hex[:12]}"
    s = store.Store(empty_database)
    try:
        migrate.upgrade(s.engine, "c0014_no_truncate")
        with s.begin() as conn:
            noord, zuid, matches = _decided_before(conn, role)
        migrate.upgrade(s.engine)
        with s.connect() as conn:
            teams: dict[uuid.UUID, list[int]] = dict(
                conn.execute(
                    text("SELECT match_id, teams FROM central.deconfliction_decisions")
                ).all()
            )
            assert [teams[m] for m in matches] == [[zuid], [noord, zuid]]
            states = {
                (r[0], r[1]): (r[2], r[3])
                for r in conn.execute(
                    text("SELECT match_id, team_id, status, why FROM central.match_states")
                )
            }
            assert states[(matches[0], zuid)] == ("different", "reden")
            assert states[(matches[0], noord)] == ("open", None)  # open again for Noord
            assert states[(matches[1], noord)] == states[(matches[1], zuid)] == ("same", "reden")
            rights = [
                conn.execute(
                    text("SELECT has_table_privilege(:r, :t, 'SELECT')"), {"r": role, "t": t}
                ).scalar_one()
                for t in ("central.deconfliction_matches", "central.deconfliction_decisions",
                          "central.match_states")
            ]  # fmt: skip
            assert rights == [False, False, True]
        with s.begin() as conn:
            conn.execute(text(f'SET LOCAL ROLE "{role}"'))
            seen = conn.execute(text("SELECT match_id, team_id FROM central.match_states")).all()
        assert sorted(seen, key=str) == sorted([(m, zuid) for m in matches], key=str)
        migrate.downgrade(s.engine, "c0014_no_truncate")  # one decision per match again
        migrate.upgrade(s.engine)
    finally:
        s.close()
