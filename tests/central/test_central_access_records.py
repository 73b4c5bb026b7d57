"""Who saw which record (docs/central.md, "Access log"): the outcome entry of a
read that shows records names every one of them by id and version, per team,
never their text (search, show, deconflict), in the read's own transaction; a
long list is kept whole and the chain still verifies; ``central deconflict``'s
own refused arguments are logged like search's."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import access, reading, store
from app.central.place import Place
from tests.central.test_central_access_outcome import _last_id, _log
from tests.central.test_central_deconfliction import scene
from tests.central.test_central_search_rls import _stored
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet

WORD = "narrative"  # in both teams' debriefs


@pytest.fixture
def both(central_place: Place, fleet: Fleet) -> Iterator[tuple[store.Store, tuple[str, str]]]:
    """Noord's and Zuid's packages stored; anna reads both teams."""
    s = _stored(central_place, fleet)
    with s.begin() as conn:
        access.grant(conn, team="Zuid", user="anna", by="test")
    assert central_place.url is not None
    yield s, ("--db", central_place.url)
    s.close()


def test_a_search_entry_names_exactly_the_records_it_returned_never_their_text(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    start = _last_id(s)
    found = run(capsys, "central", "search", WORD, *db, "--user", "anna", "--reason", "case 7",
                "--json")  # fmt: skip
    assert found.code == 0, found.err
    hits = json.loads(found.out)
    per: dict[str, list[str]] = {}
    for h in hits:
        per.setdefault(h["team"], []).append(f"{h['debrief_id']} v{h['version']}")
    assert sorted(per) == ["Noord", "Zuid"]  # both teams, so the grouping is tried
    counted = ", ".join(f"{t} {len(v)}" for t, v in sorted(per.items()))
    named = "; ".join(f"{t} {', '.join(v)}" for t, v in sorted(per.items()))
    outcome = f"#{start + 1} search {WORD}: {len(hits)} hits ({counted}): {named}"
    assert _log(s, start) == [
        ("anna", f"search {WORD}", "case 7", ""),
        ("anna", outcome, "case 7", "Noord, Zuid"),
    ]
    # Every hit's text holds the word; the entry holds it once, as the words searched.
    assert outcome.count(WORD) == 1
    with s.connect() as conn:
        bodies = conn.execute(text("SELECT body FROM central.debrief_versions")).scalars().all()
    assert all(b.strip()[:30] not in outcome for b in bodies)
    # ``log show`` shows the ids, and the chain holds.
    listed = run(capsys, "central", "log", "show", *db, "--limit", "1", "--json")
    assert json.loads(listed.out)[0]["what"] == outcome
    assert run(capsys, "central", "log", "verify", *db).code == 0


def test_show_names_every_record_and_version_it_showed(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    with s.connect() as conn:
        source = str(
            conn.execute(
                text("SELECT source_id FROM central.debriefs GROUP BY 1 ORDER BY count(*) DESC")
            ).first()[0]  # type: ignore[index]
        )
    start = _last_id(s)
    shown = run(capsys, "central", "show", "source", source, *db, "--user", "anna",
                "--reason", "case 7")  # fmt: skip
    assert shown.code == 0, shown.err
    file = json.loads(shown.out)
    named = [
        f"debrief {d['debrief_id']} " + " ".join(f"v{v['version']}" for v in d["versions"])
        for d in file["debriefs"]
    ]
    versions: dict[tuple[str, str], list[str]] = {}
    for r in file["file"]:
        versions.setdefault((r["type"], r["id"]), []).append(f"v{r['version']}")
    named += [f"{kind} {rid} {' '.join(v)}" for (kind, rid), v in versions.items()]
    # Both kinds of record are there to be named.
    assert file["debriefs"]
    assert file["file"]
    logged = _log(s, start)
    assert logged[1] == (
        "anna",
        f"#{start + 1} show source {source}: shown: {', '.join(named)}",
        "case 7",
        file["team"],
    )
    debrief = file["debriefs"][0]["debrief_id"]
    again = run(capsys, "central", "show", "debrief", debrief, *db, "--user", "anna",
                "--reason", "case 7")  # fmt: skip
    assert again.code == 0, again.err
    versions_shown = " ".join(f"v{v['version']}" for v in json.loads(again.out)["versions"])
    assert _log(s, start + 2)[1][1] == (
        f"#{start + 3} show debrief {debrief}: shown: debrief {debrief} {versions_shown}"
    )


def test_a_list_of_five_hundred_records_is_kept_whole_and_the_chain_verifies(
    capsys: pytest.CaptureFixture[str], both: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = both
    # As many as a search may return (--limit at most MAX_RESULTS).
    records = [("Noord" if i % 3 else "Zuid", f"{uuid.uuid4()} v{i % 7 + 1}") for i in range(500)]
    named, teams = reading.by_team(records)
    assert teams == "Noord, Zuid"
    what = f"#1 search {WORD}: {len(records)} hits {named}"
    with s.begin() as conn:
        access.log(conn, who="anna", what=what, why="case 7", team=teams)
    listed = run(capsys, "central", "log", "show", *db, "--limit", "1", "--json")
    assert json.loads(listed.out)[0]["what"] == what
    assert all(r in what for _t, r in records)
    assert run(capsys, "central", "log", "verify", *db).code == 0


@pytest.fixture
def matched(
    central_place: Place, fleet: Fleet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[store.Store, tuple[str, str]]]:
    """The deconfliction scene (a match between Noord and Zuid, one within Noord);
    noord_staff reads Noord and Zuid."""
    scene(central_place, fleet, tmp_path)
    assert central_place.url is not None
    db = ("--db", central_place.url)
    for team in ("Noord", "Zuid"):
        granted = run(capsys, "central", "grant", *db, "--team", team, "--user", "noord_staff")
        assert granted.code == 0, granted.err
    s = store.Store(central_place)
    yield s, db
    s.close()


def test_deconflict_names_the_matches_it_listed_by_team(
    capsys: pytest.CaptureFixture[str], matched: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = matched
    start = _last_id(s)
    listed = run(capsys, "central", "deconflict", *db, "--user", "noord_staff", "--reason",
                 "weekly check", "--json")  # fmt: skip
    assert listed.code == 0, listed.err
    found = json.loads(listed.out)
    per: dict[str, list[str]] = {}
    for m in found:
        per.setdefault(m["team"], []).append(m["match_id"])
    assert {t: len(v) for t, v in per.items()} == {"Noord": 2, "Zuid": 1}
    named = "; ".join(f"{t} {', '.join(v)}" for t, v in sorted(per.items()))
    assert _log(s, start) == [
        ("noord_staff", "deconflict", "weekly check", ""),
        ("noord_staff", f"#{start + 1} deconflict: 3 listed (Noord 2, Zuid 1): {named}",
         "weekly check", "Noord, Zuid"),
    ]  # fmt: skip
    assert run(capsys, "central", "log", "verify", *db).code == 0


def test_deconflict_without_a_reason_is_logged_as_such_and_an_empty_one_is_refused(
    capsys: pytest.CaptureFixture[str], matched: tuple[store.Store, tuple[str, str]]
) -> None:
    """A review of the log tells a read without a reason from one with a reason,
    as for search and show; a reason given empty is no reason."""
    s, db = matched
    start = _last_id(s)
    listed = run(capsys, "central", "deconflict", *db, "--user", "noord_staff", "--json")
    assert listed.code == 0, listed.err
    empty = run(capsys, "central", "deconflict", *db, "--user", "noord_staff", "--reason", "")
    assert empty.code == 1
    assert "Say why you read this (--reason)" in empty.err
    logged = _log(s, start)
    assert [e[2] for e in logged] == ["(no reason given)", "(no reason given)", ""]
    assert logged[1][1].startswith(f"#{start + 1} deconflict: 3 listed")
    assert logged[2][1] == (
        "deconflict: refused: Say why you read this (--reason): the access log keeps it."
    )


def test_deconflicts_own_refused_arguments_are_logged_escaped(
    capsys: pytest.CaptureFixture[str], matched: tuple[store.Store, tuple[str, str]]
) -> None:
    s, db = matched
    start = _last_id(s)
    mid = str(uuid.uuid4())
    refused = [
        run(capsys, "central", "deconflict", *db, "--user", "noord_staff", "--reason", "a\x1b[2Jb"),
        run(capsys, "central", "deconflict", *db, "--user", "Not-A-Role", "--reason", "x"),
        run(capsys, "central", "deconflict", *db, "--user", "noord_staff", "--team", "N\x1b[2J"),
        run(capsys, "central", "deconflict", "decide", mid, *db, "--as", "same",
            "--user", "noord_staff", "--why", " "),
        run(capsys, "central", "deconflict", "decide", mid, *db, "--as", "same",
            "--user", "noord_staff", "--why", "x\x07y"),
    ]  # fmt: skip
    assert [r.code for r in refused] == [1] * 5
    assert all(r.out == "" for r in refused)
    logged = _log(s, start)
    assert [(e[0], e[2], e[3]) for e in logged] == [
        ("noord_staff", "a\\x1b[2Jb", ""),
        ("Not-A-Role", "x", ""),
        ("noord_staff", "(no reason given)", ""),
        ("noord_staff", " ", ""),
        ("noord_staff", "x\\x07y", ""),
    ]
    whats = [e[1] for e in logged]
    assert whats[0] == (
        "deconflict: refused: A reason cannot hold control characters (escape sequences): "
        "the access log keeps it as typed."
    )
    assert whats[1].startswith("deconflict: refused: A staff user is named with lower-case")
    assert whats[2].startswith("deconflict team N\\x1b[2J: refused: ")
    assert whats[3] == (
        f"deconflict decide {mid} same: refused: Say why (--why): the decision keeps it."
    )
    assert whats[4].startswith(f"deconflict decide {mid} same: refused: A reason cannot hold")
    assert all("\x1b" not in w and "\x07" not in w for w in whats)
    assert run(capsys, "central", "log", "verify", *db).code == 0
