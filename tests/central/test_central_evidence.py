"""Evidence altered in the store is told: ``central show`` hashes each version's
stored JSON again (canonical JSON, as the package's manifest hashed it) and
``central verify`` does so for every version and every kept package file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import evidence, store
from app.central.place import Place
from app.domain.text import counted
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _with_noord(
    capsys: pytest.CaptureFixture[str], place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(place)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    stored = run(capsys, "central", "ingest", *map(str, fleet.noord.files), *_db(place),
                 "--passphrase-file", str(passfile))  # fmt: skip
    assert stored.code == 0, stored.err
    granted = run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *_db(place))
    assert granted.code == 0, granted.err


def _alter(place: Place, sql: str, table: str) -> None:
    """As someone with the server's rights: the triggers off, a change, on again."""
    s = store.Store(place)
    try:
        with s.begin() as conn:
            conn.execute(text(f"ALTER TABLE central.{table} DISABLE TRIGGER USER"))
            conn.execute(text(sql))
            conn.execute(text(f"ALTER TABLE central.{table} ENABLE TRIGGER USER"))
    finally:
        s.close()


def test_a_version_altered_in_place_is_told_by_show_and_verify(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    _with_noord(capsys, central_place, fleet, tmp_path)
    db = _db(central_place)
    show = ("central", "show", "debrief", fleet.revised, "--user", "anna", "--reason", "r", *db)
    before = run(capsys, *show)
    assert before.code == 0, before.err
    whole = json.loads(before.out)
    # The stored jsonb gives back the very bytes the manifest hashed.
    assert [v["intact"] for v in whole["versions"]] == [True, True]
    assert whole["altered"] == []
    clean = run(capsys, "central", "verify", *db)
    assert clean.code == 0, clean.err
    assert "Every one is as it arrived." in clean.out

    _alter(
        central_place,
        "UPDATE central.debrief_versions SET data = jsonb_set(data, '{status}', "
        f"'\"forged\"') WHERE debrief_id = '{fleet.revised}' AND version = 1",
        "debrief_versions",
    )
    after = run(capsys, *show)
    assert after.code == 1
    shown = json.loads(after.out)  # still shown whole, each version marked
    assert [v["intact"] for v in shown["versions"]] == [False, True]
    assert shown["altered"] == [f"debrief {fleet.revised} v1"]
    assert len(after.err.splitlines()) == 1
    assert "ALTERED EVIDENCE" in after.err
    assert f"debrief {fleet.revised} v1" in after.err

    checked = run(capsys, "central", "verify", *db)
    assert checked.code == 1
    assert f"ALTERED: debrief {fleet.revised} v1" in checked.out
    assert "ALTERED EVIDENCE: 1 of what the store keeps" in checked.err


def test_verify_counts_every_version_and_tells_an_altered_package_file(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    _with_noord(capsys, central_place, fleet, tmp_path)
    db = _db(central_place)
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            versions = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM central.debrief_versions) "
                    "+ (SELECT count(*) FROM central.record_versions)"
                )
            ).scalar_one()
            packages = conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one()
            first = conn.execute(
                text("SELECT id FROM central.packages ORDER BY sequence LIMIT 1")
            ).scalar_one()
            checked = evidence.verify(conn)
    finally:
        s.close()
    assert (checked.versions, checked.packages, checked.altered) == (versions, packages, [])
    ok = run(capsys, "central", "verify", *db)
    assert f"Checked {counted(versions, 'stored version')} against" in ok.out
    assert f"{counted(packages, 'kept package file')} against theirs" in ok.out

    _alter(
        central_place,
        "UPDATE central.package_files SET data = '\\x00'::bytea || data "
        f"WHERE package_id = '{first}' AND piece = 0",
        "package_files",
    )
    bad = run(capsys, "central", "verify", *db)
    assert bad.code == 1
    assert f"ALTERED: package file {first}" in bad.out


def test_intact_refuses_what_canonical_json_cannot_be() -> None:
    assert evidence.intact({"a": 1}, "0" * 64) is False
    assert evidence.intact({"a": 1.5}, "0" * 64) is False
