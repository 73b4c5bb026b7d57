"""What the access log keeps of a read (docs/central.md, "Access log"): the attempt
first, then what came of it (shown and the team, how many hits in which teams,
nothing found, refused), so a probe of another team is told from a read; a
refusal of the command line logged too; a grant or revoke without ``--by`` and a
management report without ``--reason`` logged as such, never as a placeholder;
a user whose every grant is void (a restore into another cluster) refused in one
line rather than searching as "No matches"."""

from __future__ import annotations

import json
import os
import pwd
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import store
from app.central.place import Place
from app.domain.text import counted
from tests.central.test_central_search_rls import _stored
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet

WORD = "narrative"  # in both teams' debriefs


@pytest.fixture
def both(central_place: Place, fleet: Fleet) -> Iterator[tuple[store.Store, tuple[str, str]]]:
    """Noord's and Zuid's packages stored; anna reads Noord, bob Zuid."""
    s = _stored(central_place, fleet)
    assert central_place.url is not None
    yield s, ("--db", central_place.url)
    s.close()


def _log(s: store.Store, after: int = 0) -> list[tuple[str, str, str, str]]:
    """(who, what, why, team) of the entries after number ``after``, oldest first."""
    with s.connect() as conn:
        rows = conn.execute(
            text("SELECT who, what, why, team FROM central.access_log WHERE id > :n ORDER BY id"),
            {"n": after},
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def _last_id(s: store.Store) -> int:
    with s.connect() as conn:
        return int(conn.execute(text("SELECT max(id) FROM central.access_log")).scalar_one())


def test_a_read_and_a_probe_of_another_team_are_told_apart(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    with s.connect() as conn:
        noord_debrief = str(
            conn.execute(
                text(
                    "SELECT d.id FROM central.debriefs d JOIN central.teams t "
                    "ON t.id = d.team_id WHERE t.name = 'Noord' LIMIT 1"
                )
            ).scalar_one()
        )
    start = _last_id(s)
    shown = run(capsys, "central", "show", "debrief", noord_debrief, *db, "--user", "anna",
                "--reason", "case 7")  # fmt: skip
    assert shown.code == 0, shown.err
    probe = run(capsys, "central", "show", "debrief", noord_debrief, *db, "--user", "bob",
                "--reason", "curious")  # fmt: skip
    assert probe.code == 1
    assert "No such debrief" in probe.err
    found = run(capsys, "central", "search", WORD, *db, "--user", "anna", "--reason", "case 7")
    assert found.code == 0, found.err
    hits = len(found.out.splitlines())
    # Each hit's line ends with its id and version: the outcome names them, by team.
    ids = ", ".join(" ".join(line.split()[-2:]) for line in found.out.splitlines())
    versions = " ".join(f"v{v['version']}" for v in json.loads(shown.out)["versions"])
    counted_hits = counted(hits, "hit")  # "1 hit", "2 hits"
    other = run(capsys, "central", "search", WORD, *db, "--user", "bob", "--reason", "curious",
                "--team", "Noord")  # fmt: skip
    assert (other.code, other.out.strip()) == (0, "No matches.")
    what = f"show debrief {noord_debrief}"
    n = start
    assert _log(s, start) == [
        ("anna", what, "case 7", ""),
        ("anna", f"#{n + 1} {what}: shown: debrief {noord_debrief} {versions}", "case 7",
         "Noord"),
        ("bob", what, "curious", ""),
        ("bob", f"#{n + 3} {what}: nothing found", "curious", ""),
        ("anna", f"search {WORD}", "case 7", ""),
        ("anna", f"#{n + 5} search {WORD}: {counted_hits} (Noord {hits}): Noord {ids}", "case 7",
         "Noord"),
        ("bob", f"search {WORD}", "curious", "Noord"),
        ("bob", f"#{n + 7} search {WORD}: no hits (no such team among those granted)",
         "curious", ""),
    ]  # fmt: skip
    # The chain holds over the new entries.
    assert run(capsys, "central", "log", "verify", *db).code == 0


def test_a_refusal_of_the_command_line_is_logged_escaped(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    start = _last_id(s)
    words = run(capsys, "central", "search", "a\x1b[2Jb", *db, "--user", "anna",
                "--reason", "case 7")  # fmt: skip
    assert words.code == 1
    assert "control characters" in words.err
    reason = run(capsys, "central", "show", "source", str(uuid.uuid4()), *db, "--user", "anna",
                 "--reason", " ")  # fmt: skip
    assert reason.code == 1
    report = run(capsys, "central", "report", "management", *db, "--from", "2026-01-01",
                 "--to", "2026-01-31", "--user", "anna", "--reason", "", "--json")  # fmt: skip
    assert report.code == 1
    logged = _log(s, start)
    assert [(e[0], e[2]) for e in logged] == [("anna", "case 7"), ("anna", " "), ("anna", "")]
    assert logged[2][1] == (
        "report management 2026-01-01..2026-01-31: refused: Say why you read this (--reason): "
        "the access log keeps it."
    )
    assert logged[0][1].startswith("search a\\x1b[2Jb: refused: Search words cannot hold")
    assert logged[1][1].endswith(": refused: Say why you read this (--reason): the access log "
                                 "keeps it.")  # fmt: skip
    assert all("\x1b" not in e[1] for e in logged)
    assert run(capsys, "central", "log", "verify", *db).code == 0


def test_a_management_report_of_a_team_with_control_characters_is_refused_before_it_reads(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    start = _last_id(s)
    report = run(capsys, "central", "report", "management", *db, "--from", "2026-01-01",
                 "--to", "2026-01-31", "--user", "anna", "--reason", "case 8",
                 "--team", "No\x1b[2Jord", "--json")  # fmt: skip
    assert report.code == 1
    assert "cannot be shown safely (U+001B)" in report.err
    # One entry, the refusal, escaped: no read was begun, nothing raw in any field.
    [(who, what, why, team)] = _log(s, start)
    assert (who, why, team) == ("anna", "case 8", "")
    assert what.startswith("report management 2026-01-01..2026-01-31 team No\\x1b[2Jord: refused: ")
    assert what.endswith("cannot be shown safely (U+001B).")
    assert run(capsys, "central", "log", "verify", *db).code == 0


def test_a_management_report_with_an_unknown_marking_is_refused_before_it_reads(
    capsys: pytest.CaptureFixture[str],
    both: tuple[store.Store, tuple[str, str]],
    tmp_path: Path,
) -> None:
    s, db = both
    start = _last_id(s)
    out = tmp_path / "mi.pdf"
    report = run(capsys, "central", "report", "management", *db, "--from", "2026-01-01",
                 "--to", "2026-01-31", "--user", "anna", "--reason", "case 8",
                 "--marking", "TOP SECRET", "--out", str(out))  # fmt: skip
    assert report.code == 1
    assert "Choose a marking" in report.err
    # One entry, the refusal: no read was begun, no figures counted, no file.
    [(who, what, why, team)] = _log(s, start)
    assert (who, why, team) == ("anna", "case 8", "")
    assert what.startswith(
        "report management 2026-01-01..2026-01-31 marking TOP SECRET: refused: Choose a marking"
    )
    assert not out.exists()


def test_grant_and_report_without_by_or_reason_keep_who_ran_them(
    capsys: pytest.CaptureFixture[str],
    both: tuple[store.Store, tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s, db = both
    # Who ran it is the process's real user, not what the environment claims.
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "anyone")
    start = _last_id(s)
    user = f"staff_{uuid.uuid4().hex[:12]}"
    assert run(capsys, "central", "grant", "--team", "noord", "--user", user, *db).code == 0
    listed = json.loads(run(capsys, "central", "grants", *db, "--json").out)
    me = f"os:{pwd.getpwuid(os.getuid()).pw_name}"
    assert me != "os:anyone"
    assert [g["granted_by"] for g in listed if g["user"] == user] == [me]
    assert run(capsys, "central", "revoke", "--team", "Noord", "--user", user, *db).code == 0
    report = run(capsys, "central", "report", "management", *db, "--from", "2026-01-01",
                 "--to", "2026-01-31", "--user", "anna", "--json")  # fmt: skip
    assert report.code == 0, report.err
    logged = _log(s, start)
    assert [e[0] for e in logged] == [me, me, "anna", "anna"]
    assert [e[2] for e in logged[2:]] == ["(no reason given)"] * 2
    assert logged[3][1:] == (f"#{start + 3} report management 2026-01-01..2026-01-31: counted",
                             "(no reason given)", "Noord")  # fmt: skip
    assert all(e[0] != "cli" and e[2] != "management information" for e in logged)


def test_a_user_whose_every_grant_is_void_is_refused_not_answered_no_matches(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    with s.begin() as conn:
        # As after a restore into another cluster: the grant names the role by an
        # OID of the old cluster (the trigger would fill it from the name).
        conn.execute(text("ALTER TABLE central.team_grants DISABLE TRIGGER team_grants_role"))
        conn.execute(text("UPDATE central.team_grants SET role_oid = 1 WHERE role_name = 'anna'"))
        conn.execute(text("ALTER TABLE central.team_grants ENABLE TRIGGER team_grants_role"))
    start = _last_id(s)
    refused = run(capsys, "central", "search", WORD, *db, "--user", "anna", "--reason", "case 7")
    assert refused.code == 1
    assert refused.out == ""
    assert "anna's grant was made for another role of that name (a restore" in refused.err
    assert "grant it again" in refused.err
    logged = _log(s, start)
    assert logged[1][1].startswith(f"#{start + 1} search {WORD}: refused: anna's grant was made")
    listing = run(capsys, "central", "grants", *db).out
    assert "VOID: made for another role of this name" in listing
    assert "a restore from another cluster" in listing
    # bob's grant holds: he still reads.
    assert run(capsys, "central", "search", WORD, *db, "--user", "bob", "--reason", "x").code == 0
    # Granted again, anna reads again.
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    again = run(capsys, "central", "search", WORD, *db, "--user", "anna", "--reason", "case 7")
    assert again.code == 0, again.err
    assert again.out.strip() != "No matches."
