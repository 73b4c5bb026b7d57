"""Teams are compartments the database enforces: staff roles granted per team,
row-level security deciding what comes back, every read in a hash-chained,
append-only access log."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from app.central import access, reading, store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet

TEAM_TABLES = (
    "packages",
    "package_files",
    "sources",
    "debriefs",
    "debrief_versions",
    "audit_events",
)


def _cli(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _ingest_all(
    capsys: pytest.CaptureFixture[str], place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(place)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    files = [*fleet.noord.files, *fleet.zuid.files]
    done = run(
        capsys,
        "central",
        "ingest",
        *map(str, files),
        *_cli(place),
        "--passphrase-file",
        str(passfile),
    )
    assert done.code == 0, done.err


def test_staff_read_only_their_teams_through_the_commands(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    _ingest_all(capsys, central_place, fleet, tmp_path)
    db = _cli(central_place)
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    assert run(capsys, "central", "grant", "--team", "Zuid", "--user", "bob", *db).code == 0
    assert run(capsys, "central", "grant", "--team", "Zuid", "--user", "carol", *db).code == 0
    assert run(capsys, "central", "revoke", "--team", "Zuid", "--user", "carol", *db).code == 0

    def search(user: str, words: str, *extra: str) -> list[dict[str, Any]]:
        found = run(
            capsys,
            "central",
            "search",
            words,
            "--user",
            user,
            "--reason",
            "case 19/042",
            *db,
            "--json",
            *extra,
        )
        assert found.code == 0, found.err
        return list(json.loads(found.out))

    anna = search("anna", "narrative")
    bob = search("bob", "narrative")
    assert anna
    assert {h["team"] for h in anna} == {"Noord"}
    assert bob
    assert {h["team"] for h in bob} == {"Zuid"}
    assert search("anna", "narrative", "--team", "Zuid") == []
    # Each hit names its source, for ``show source``.
    first = anna[0]
    source = run(capsys, "central", "show", "source", first["source_id"], "--user", "anna",
                 "--reason", "r", *db)  # fmt: skip
    assert source.code == 0, source.err
    assert first["codename"] in source.out
    # Newest first.
    assert [h["updated_at"] for h in anna] == sorted((h["updated_at"] for h in anna), reverse=True)
    # Dutch stemming: "woning" finds "woningen"; English too: "shipments" finds "shipment".
    assert [h["debrief_id"] for h in search("anna", "woning")] == [fleet.revised]
    assert [h["debrief_id"] for h in search("anna", "shipments")] == [fleet.revised]

    # A whole file, every version with the package it came in.
    shown = run(
        capsys, "central", "show", "debrief", fleet.revised, "--user", "anna", "--reason", "r", *db
    )
    assert shown.code == 0, shown.err
    whole = json.loads(shown.out)
    assert [(v["version"], v["package"]["sequence"]) for v in whole["versions"]] == [(1, 1), (2, 2)]
    source = run(
        capsys,
        "central",
        "show",
        "source",
        whole["source_id"],
        "--user",
        "anna",
        "--reason",
        "r",
        *db,
    )
    assert source.code == 0, source.err
    source_file = json.loads(source.out)
    assert fleet.revised in [d["debrief_id"] for d in source_file["debriefs"]]
    assert "registration" in {r["type"] for r in source_file["file"]}
    # Another team's record is not found, exactly as one that does not exist.
    other = run(
        capsys, "central", "show", "debrief", fleet.revised, "--user", "bob", "--reason", "r", *db
    )
    absent = run(
        capsys,
        "central",
        "show",
        "debrief",
        str(uuid.uuid4()),
        "--user",
        "bob",
        "--reason",
        "r",
        *db,
    )
    assert other.code == absent.code == 1
    assert other.err == absent.err
    assert "No such debrief in the teams granted to bob." in other.err
    # Revoked of every team: the database itself refuses the role.
    carol = run(capsys, "central", "search", "narrative", "--user", "carol", "--reason", "r", *db)
    assert carol.code == 1
    assert "carol has no access" in carol.err
    # Said with who can change it: carol cannot grant herself a team.
    assert "(an administrator grants one: veldboek central grant --team NAME --user carol)" in (
        carol.err
    )
    # No reason, no read.
    assert (
        run(capsys, "central", "search", "narrative", "--user", "anna", "--reason", " ", *db).code
        == 1
    )

    # Every read is in the access log, chained; the log takes no change.
    with store.opened(central_place) as s, s.connect() as conn:
        entries = conn.execute(
            text("SELECT who, what, why FROM central.access_log ORDER BY id")
        ).all()
        assert ("anna", "search narrative", "case 19/042") in entries
        assert ("bob", f"show debrief {fleet.revised}", "r") in entries
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("UPDATE central.access_log SET why = 'nothing' WHERE who = 'anna'"))
        conn.rollback()
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM central.access_log"))
        conn.rollback()
    assert run(capsys, "central", "log", "verify", *db).code == 0
    with store.opened(central_place) as s, s.begin() as conn:
        # Someone with the server's own rights goes around the trigger: the chain tells.
        conn.execute(text("ALTER TABLE central.access_log DISABLE TRIGGER access_log_append_only"))
        conn.execute(text("UPDATE central.access_log SET why = 'routine' WHERE who = 'bob'"))
        conn.execute(text("ALTER TABLE central.access_log ENABLE TRIGGER access_log_append_only"))
    broken = run(capsys, "central", "log", "verify", *db)
    assert broken.code == 1
    assert "broken" in broken.err


# -- the property: random teams, rows, grants -------------------------------------------


def _fill(conn: Connection, tag: str, rows_per_team: list[int]) -> dict[str, int]:
    """Teams with senders, packages, sources, debriefs, versions, events and file
    pieces, straight into the tables (as ingest leaves them). Team name -> id."""
    ids: dict[str, int] = {}
    for n, rows in enumerate(rows_per_team):
        name = f"T{tag}-{n}"
        tid = conn.execute(
            text("INSERT INTO central.teams (name) VALUES (:n) RETURNING id"), {"n": name}
        ).scalar_one()
        ids[name] = tid
        fp = uuid.uuid4().hex * 2
        conn.execute(
            text(
                "INSERT INTO central.senders (fingerprint, team_id, role, name, signing_public, "
                "recipient_public, spoken, added_by) "
                "VALUES (:fp, :t, 'runner', :n, '\\x00', '\\x00', '0', 't')"
            ),
            {"fp": fp, "t": tid, "n": name},
        )
        for r in range(rows):
            pid, sid, did = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            conn.execute(
                text(
                    "INSERT INTO central.packages (id, sha256, team_id, sender, channel, sequence, "
                    "previous, kind, created_at, file_name, size, records, audit_events, arrival, "
                    "manifest) VALUES (:id, :sha, :t, :fp, :fp, :seq, '', 'debriefs', now(), "
                    "'f', 1, 1, 1, 'new', '{}')"
                ),
                {"id": pid, "sha": uuid.uuid4().hex * 2, "t": tid, "fp": fp, "seq": r + 1},
            )
            conn.execute(
                text("INSERT INTO central.package_files VALUES (:p, :t, 0, '\\x01')"),
                {"p": pid, "t": tid},
            )
            conn.execute(
                text(
                    "INSERT INTO central.sources VALUES (:s, :t, :fp, :s, 'c', :code, 'informant', "
                    "'active', :p, :p)"
                ),
                {"s": sid, "t": tid, "fp": fp, "code": f"BRON{r}", "p": pid},
            )
            conn.execute(
                text("INSERT INTO central.debriefs VALUES (:d, :t, :fp, :s, 1, now())"),
                {"d": did, "t": tid, "fp": fp, "s": sid},
            )
            conn.execute(
                text(
                    "INSERT INTO central.debrief_versions (debrief_id, version, team_id, "
                    "source_id, package_id, sha256, status, updated_at, data, body) "
                    "VALUES (:d, 1, :t, :s, :p, 'h', 'submitted', now(), '{}', :body)"
                ),
                {"d": did, "t": tid, "s": sid, "p": pid, "body": f"gemeenschappelijk woord {name}"},
            )
            conn.execute(
                text(
                    "INSERT INTO central.record_versions VALUES ('registration', :s, 1, :t, :fp, "
                    ":s, :p, 'h', '{}')"
                ),
                {"s": sid, "t": tid, "fp": fp, "p": pid},
            )
            conn.execute(
                text(
                    "INSERT INTO central.audit_events VALUES (:fp, :seq, :t, :p, 'a', 'x', '', "
                    "'debrief.submitted', 'debrief', :d, '', '', '', 'h')"
                ),
                {"fp": fp, "seq": r + 1, "t": tid, "p": pid, "d": str(did)},
            )
    return ids


def _visible_teams(conn: Connection, role: str) -> dict[str, set[int] | None]:
    """Per table, the team ids ``role`` sees by plain SQL (None: refused outright)."""
    seen: dict[str, set[int] | None] = {}
    for table in TEAM_TABLES:
        with conn.begin_nested():
            conn.execute(text(f'SET LOCAL ROLE "{role}"'))
            try:
                with conn.begin_nested():
                    rows = conn.execute(
                        text(f"SELECT DISTINCT team_id FROM central.{table}")
                    ).scalars()
                    seen[table] = set(rows)
            except Exception as exc:
                if "permission denied" not in str(exc):
                    raise
                seen[table] = None
            conn.execute(text("RESET ROLE"))
    with conn.begin_nested():
        conn.execute(text(f'SET LOCAL ROLE "{role}"'))
        try:
            with conn.begin_nested():
                seen["teams"] = set(conn.execute(text("SELECT id FROM central.teams")).scalars())
        except Exception as exc:
            if "permission denied" not in str(exc):
                raise
            seen["teams"] = None
        conn.execute(text("RESET ROLE"))
    return seen


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows_per_team=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=4),
    grants=st.lists(
        st.lists(st.integers(min_value=0, max_value=3), max_size=3), min_size=1, max_size=3
    ),
    revoke_first=st.booleans(),
)
def test_no_row_of_another_team_ever_comes_back(
    central_place: Place, rows_per_team: list[int], grants: list[list[int]], revoke_first: bool
) -> None:
    tag = uuid.uuid4().hex[:8]
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            teams = _fill(conn, tag, rows_per_team)
            names = list(teams)
            roles: dict[str, set[int]] = {}
            for n, wanted in enumerate(grants):
                role = f"r{tag}_{n}"
                chosen = {names[i % len(names)] for i in wanted}
                for team in sorted(chosen):
                    access.grant(conn, team=team, user=role, by="test")
                if revoke_first and chosen:
                    gone = sorted(chosen)[0]
                    access.revoke(conn, team=gone, user=role, by="test")
                    chosen.discard(gone)
                if chosen or not wanted:
                    roles[role] = {teams[t] for t in chosen}
                else:
                    roles[role] = set()
        with s.connect() as conn:
            for role, allowed in roles.items():
                exists = conn.execute(
                    text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
                ).first()
                if exists is None:
                    continue  # never granted anything: no role, nothing to read with
                seen = _visible_teams(conn, role)
                for table, teams_seen in seen.items():
                    if not allowed:
                        assert not teams_seen, (role, table)  # nothing, or refused outright
                    else:
                        assert teams_seen is not None, (role, table)
                        assert teams_seen <= allowed, (role, table)
                        # ... and every granted team's rows do come back.
                        wanted_rows = {
                            teams[n] for n, c in zip(names, rows_per_team, strict=True) if c
                        }
                        expected = allowed if table == "teams" else allowed & wanted_rows
                        assert teams_seen == expected, (role, table)
            conn.rollback()
        # Through the read command too.
        for role, allowed in roles.items():
            if not allowed:
                continue
            hits = reading.search(
                s, "gemeenschappelijk woord", user=role, why="property", limit=500
            )
            assert {h.team for h in hits} <= {n for n in names if teams[n] in allowed}
            assert len(hits) == sum(
                c for n, c in zip(names, rows_per_team, strict=True) if teams[n] in allowed
            )
    finally:
        s.close()
