"""What people type at the central system: a team's name whatever its case, a key's
name once per team (receipts and status name keys by it), and no control
characters into the access log, which ``log show`` prints escaped anyway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import store, teams
from app.central.errors import CentralError
from app.central.place import Place
from app.domain.enums import PeerRole
from app.services.exchange import keys
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import Result, run
from tests.helpers.central_fleet import Fleet, Runner


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _import(
    capsys: pytest.CaptureFixture[str],
    place: Place,
    runner: Runner,
    tmp_path: Path,
    *args: str,
) -> Result:
    path = tmp_path / f"{runner.bundle.fingerprint.hex[:8]}.veldboek-key"
    if not path.exists():
        keys.save_bundle(runner.party.vault, runner.bundle, path)
    return run(capsys, "central", "keys", "import", str(path), *_db(place), "--role", "runner",
               "--fingerprint", runner.bundle.fingerprint.spoken, *args)  # fmt: skip


def test_a_team_is_named_whatever_its_case(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    noord, zuid = fleet.noord, fleet.zuid
    first = _import(capsys, central_place, noord, tmp_path, "--team", "Noord")
    assert first.code == 0, first.err
    same = _import(capsys, central_place, zuid, tmp_path, "--team", "noord",
                   "--json")  # fmt: skip
    assert same.code == 0, same.err
    assert json.loads(same.out)["team"] == "Noord"
    assert json.loads(same.out)["new_team"] is False
    db = _db(central_place)
    granted = run(capsys, "central", "grant", "--team", "NOORD", "--user", "anna", *db)
    assert granted.code == 0, granted.err
    assert "may now read team Noord." in granted.out
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    stored = run(capsys, "central", "ingest", *map(str, noord.files), *db,
                 "--passphrase-file", str(passfile))  # fmt: skip
    assert stored.code == 0, stored.err
    found = run(capsys, "central", "search", "narrative", "--user", "anna", "--reason", "r",
                "--team", "nOORD", "--json", *db)  # fmt: skip
    assert found.code == 0, found.err
    assert {h["team"] for h in json.loads(found.out)} == {"Noord"}
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM central.teams")).scalar_one() == 1
    finally:
        s.close()


def test_a_key_name_is_used_once_per_team_and_receipts_refuse_an_ambiguous_one(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    noord, zuid = fleet.noord, fleet.zuid
    ok = _import(capsys, central_place, noord, tmp_path, "--team", "Noord",
                 "--name", "Valk")  # fmt: skip
    assert ok.code == 0, ok.err
    twice = _import(capsys, central_place, zuid, tmp_path, "--team", "Noord",
                    "--name", "valk")  # fmt: skip
    assert twice.code == 1
    assert "already has a key named Valk" in twice.err
    assert noord.bundle.fingerprint.hex[:8] in twice.err
    assert "--name" in twice.err
    # In another team the name may repeat; the same key again keeps its name.
    other = _import(capsys, central_place, zuid, tmp_path, "--team", "Zuid",
                    "--name", "Valk")  # fmt: skip
    assert other.code == 0, other.err
    again = _import(capsys, central_place, noord, tmp_path, "--team", "Noord",
                    "--name", "Valk")  # fmt: skip
    assert again.code == 0, again.err

    db = _db(central_place)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    files = [*noord.files, *zuid.files]
    stored = run(capsys, "central", "ingest", *map(str, files), *db,
                 "--passphrase-file", str(passfile))  # fmt: skip
    assert stored.code == 0, stored.err
    status = run(capsys, "central", "status", *db)
    assert f"key {noord.bundle.fingerprint.hex[:8]}" in status.out
    assert f"key {zuid.bundle.fingerprint.hex[:8]}" in status.out

    out = tmp_path / "receipts"
    out.mkdir()
    receipt = ("central", "receipt", "--to", str(out), *db, "--passphrase-file", str(passfile))
    ambiguous = run(capsys, *receipt, "--runner", "valk")
    assert ambiguous.code == 1
    assert len(ambiguous.err.splitlines()) == 1
    for team, bundle in (("Noord", noord.bundle), ("Zuid", zuid.bundle)):
        assert f"team {team}, fingerprint {bundle.fingerprint.hex[:8]}" in ambiguous.err
    assert list(out.iterdir()) == []
    one = run(capsys, *receipt, "--runner", "Valk", "--team", "zuid")
    assert one.code == 0, one.err
    assert len(list(out.iterdir())) == 1
    assert f"team Zuid, fingerprint {zuid.bundle.fingerprint.hex[:8]}" in one.out


def test_register_refuses_a_second_key_of_one_name_in_a_team(
    central_place: Place, fleet: Fleet
) -> None:
    s = store.Store(central_place)

    def register(bundle: keys.KeyBundle, name: str) -> None:
        with s.begin() as conn:
            spoken = bundle.fingerprint.spoken
            teams.register(conn, bundle, role=PeerRole.RUNNER, team="Noord",
                           confirmed_spoken=spoken, by="t", name=name)  # fmt: skip

    try:
        register(fleet.noord.bundle, "Runner")
        with pytest.raises(CentralError, match="already has a key named Runner"):
            register(fleet.zuid.bundle, "RUNNER")
        register(fleet.zuid.bundle, "Runner 2")
    finally:
        s.close()


@pytest.mark.parametrize("field", ["--reason", "text", "--by"])
def test_control_characters_are_refused_from_the_access_log(
    capsys: pytest.CaptureFixture[str], central_place: Place, field: str
) -> None:
    db = _db(central_place)
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            conn.execute(text("INSERT INTO central.teams (name) VALUES ('Noord')"))
    finally:
        s.close()
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    erase = "case 19\x1b[2K\x1b[1A\rall fine"
    if field == "--by":
        done = run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db,
                   "--by", erase)  # fmt: skip
    else:
        words, reason = (erase, "r") if field == "text" else ("woning", erase)
        done = run(capsys, "central", "search", words, "--user", "anna", "--reason", reason, *db)
    assert done.code == 1
    assert len(done.err.splitlines()) == 1
    assert "control characters" in done.err
    assert "\x1b" not in done.err
    shown = run(capsys, "central", "log", "show", *db)
    assert "\x1b" not in shown.out


def test_log_show_escapes_what_an_older_version_let_in(
    capsys: pytest.CaptureFixture[str], central_place: Place
) -> None:
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            conn.execute(
                text("INSERT INTO central.access_log (at, who, what, why, team, prev_hash, hash, "
                     "id) VALUES (now(), 'anna', 'search x\x1b[2K', :why, '', '', '', 0)"),
                {"why": "r\x1b]0;title\x07\u202e"},
            )  # fmt: skip
    finally:
        s.close()
    shown = run(capsys, "central", "log", "show", *_db(central_place))
    assert shown.code == 0, shown.err
    for control in ("\x1b", "\x07", "\u202e"):
        assert control not in shown.out
    assert "search x\\x1b[2K" in shown.out
    as_json = run(capsys, "central", "log", "show", "--json", *_db(central_place))
    assert "\\\\x1b" in as_json.out  # the escape, itself escaped as JSON


def test_two_teams_alike_from_an_older_store_are_each_found_exactly_never_guessed(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """A store made before names were matched case-blind may hold ``Noord`` and
    ``noord``: two teams. A grant or a search names one exactly; any other spelling
    is refused, so that nobody is given the wrong team's reporting."""
    noord, zuid = fleet.noord, fleet.zuid
    assert _import(capsys, central_place, noord, tmp_path, "--team", "Noord").code == 0
    s = store.Store(central_place)
    try:
        with s.connect() as conn:  # as the older code made it
            conn.execute(text("INSERT INTO central.teams (name) VALUES ('noord')"))
            conn.commit()
    finally:
        s.close()
    db = _db(central_place)
    guessed = run(capsys, "central", "grant", "--team", "NOORD", "--user", "anna", *db)
    assert guessed.code == 1
    assert "Teams Noord, noord differ only in case" in guessed.err
    assert "exactly" in guessed.err
    into_lower = _import(capsys, central_place, zuid, tmp_path, "--team", "noord", "--json")
    assert into_lower.code == 0, into_lower.err
    assert json.loads(into_lower.out)["team"] == "noord"
    granted = run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db)
    assert granted.code == 0, granted.err
    assert "may now read team Noord." in granted.out
    grants = run(capsys, "central", "grants", *db, "--json")
    assert grants.code == 0, grants.err
    assert "noord" not in {g["team"] for g in json.loads(grants.out)}


def test_report_and_receipt_name_one_of_two_teams_alike_exactly(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """``report management --team`` and ``receipt --team`` find a team as grant and
    search do: ``Noord`` is Noord alone, not Noord and noord; another spelling of
    the two is refused."""
    noord, zuid = fleet.noord, fleet.zuid
    assert _import(capsys, central_place, noord, tmp_path, "--team", "Noord",
                   "--name", "Valk").code == 0  # fmt: skip
    s = store.Store(central_place)
    try:
        with s.connect() as conn:  # as the older code made it
            conn.execute(text("INSERT INTO central.teams (name) VALUES ('noord')"))
            conn.commit()
    finally:
        s.close()
    assert _import(capsys, central_place, zuid, tmp_path, "--team", "noord",
                   "--name", "Valk").code == 0  # fmt: skip
    db = _db(central_place)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    stored = run(capsys, "central", "ingest", *map(str, [*noord.files, *zuid.files]), *db,
                 "--passphrase-file", str(passfile))  # fmt: skip
    assert stored.code == 0, stored.err

    report = ("central", "report", "management", *db, "--from", "2026-01-01",
              "--to", "2026-12-31", "--json")  # fmt: skip
    for team in ("Noord", "noord"):
        counted = run(capsys, *report, "--team", team)
        assert counted.code == 0, counted.err
        assert json.loads(counted.out)["rows"] == [team]
    guessed = run(capsys, *report, "--team", "NOORD")
    assert guessed.code == 1
    assert "Teams Noord, noord differ only in case" in guessed.err

    out = tmp_path / "receipts"
    out.mkdir()
    receipt = ("central", "receipt", "--to", str(out), *db, "--passphrase-file", str(passfile),
               "--runner", "valk")  # fmt: skip
    assert "differ only in case" in run(capsys, *receipt, "--team", "NOORD").err
    assert list(out.iterdir()) == []
    for team, runner in (("Noord", noord), ("noord", zuid)):
        one = run(capsys, *receipt, "--team", team)
        assert one.code == 0, one.err
        assert f"team {team}, fingerprint {runner.bundle.fingerprint.hex[:8]}" in one.out
    assert len(list(out.iterdir())) == 2
