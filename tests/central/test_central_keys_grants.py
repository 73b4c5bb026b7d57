"""``central keys revoke``: a registered key made inactive (audited), its packages
refused from then on; ``central grants``: who may read which team, a grant whose
role is gone or was made again shown as void."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import access, store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def test_a_revoked_key_signs_nothing_more_that_is_stored(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place, fleet.noord)
    db = _db(central_place)
    fp = fleet.noord.bundle.fingerprint
    unknown = run(capsys, "central", "keys", "revoke", "--fingerprint", "ab" * 32, *db)
    assert unknown.code == 1
    assert "No registered key has that fingerprint" in unknown.err
    done = run(capsys, "central", "keys", "revoke", "--fingerprint", fp.spoken, *db,
               "--by", "officer")  # fmt: skip
    assert done.code == 0, done.err
    assert "revoked: packages it signs are refused" in done.out
    again = run(capsys, "central", "keys", "revoke", "--fingerprint", fp.hex.upper(), *db)
    assert again.code == 0, again.err
    assert "was already revoked" in again.out
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    refused = run(capsys, "central", "ingest", str(fleet.noord.files[0]), *db,
                  "--passphrase-file", str(passfile))  # fmt: skip
    assert refused.code == 1
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            logged = conn.execute(
                text("SELECT who, team FROM central.access_log WHERE what LIKE :w ORDER BY id"),
                {"w": f"revoke key {fp.hex}%"},
            ).all()
            stored = conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one()
    finally:
        s.close()
    # without --by: the system user who ran it, never a placeholder
    assert [tuple(r) for r in logged] == [("officer", "Noord"), (access.os_user(), "Noord")]
    assert stored == 0


def test_grants_lists_who_reads_which_team_and_what_is_void(
    capsys: pytest.CaptureFixture[str], central_place: Place
) -> None:
    db = _db(central_place)
    s = store.Store(central_place)
    reader, dropped = f"staff_{uuid.uuid4().hex[:12]}", f"staff_{uuid.uuid4().hex[:12]}"
    try:
        with s.begin() as conn:
            conn.execute(text("INSERT INTO central.teams (name) VALUES ('Noord'), ('Zuid')"))
        assert run(capsys, "central", "grants", *db).out.startswith("No staff user")
        for user, team in ((reader, "Noord"), (dropped, "Zuid")):
            assert run(capsys, "central", "grant", "--team", team, "--user", user, *db).code == 0
        with s.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{dropped}"'))
            conn.execute(text(f'DROP ROLE "{dropped}"'))
    finally:
        s.close()
    listed = run(capsys, "central", "grants", *db, "--json")
    assert listed.code == 0, listed.err
    held = {(g["team"], g["user"]): g["void"] for g in json.loads(listed.out)}
    assert held == {("Noord", reader): "", ("Zuid", dropped): "no role"}
    text_out = run(capsys, "central", "grants", *db).out
    assert "VOID: its role is gone" in text_out
