"""Signed heads of the access log (``central log head``, ``log verify --head``):
what the hash chain alone cannot show. The database's administrator can delete the
last entries, or change one and chain the rest again; a head kept off the server
shows it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import reading, store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run, typed_at_a_terminal
from tests.helpers.central_fleet import Fleet


def _reads(place: Place, n: int) -> None:
    with store.opened(place) as s:
        for k in range(n):
            reading.search(s, f"woning {k}", user="anna", why=f"case {k}")


def _head(capsys: pytest.CaptureFixture[str], db: tuple[str, str], tmp: Path) -> Path:
    """``central log head`` into ``tmp``: the signed head's file."""
    passfile, head = tmp / "pass", tmp / "head.json"
    passfile.write_text(PASSPHRASE)
    taken = run(capsys, "central", "log", "head", *db, "--passphrase-file", str(passfile),
                "--out", str(head))  # fmt: skip
    assert taken.code == 0, taken.err
    return head


def _rewrite(place: Place, sql: str) -> None:
    """As the administrator could: past the append-only trigger, then the rest of
    the chain made again through the normal insert (its trigger hashes each)."""
    with store.opened(place) as s, s.begin() as conn:
        conn.execute(text("ALTER TABLE central.access_log DISABLE TRIGGER USER"))
        conn.execute(
            text("CREATE TEMP TABLE kept AS SELECT * FROM central.access_log WHERE id >= 3")
        )
        conn.execute(text("DELETE FROM central.access_log WHERE id >= 3"))
        conn.execute(text(sql))
        conn.execute(text("ALTER TABLE central.access_log ENABLE TRIGGER USER"))
        conn.execute(
            text(
                "INSERT INTO central.access_log (at, who, what, why, team, prev_hash, hash, id) "
                "SELECT at, who, what, why, team, '', '', 0 FROM kept ORDER BY id"
            )
        )


@pytest.mark.parametrize("how", ["tail cut", "entry rewritten"])
def test_a_rewritten_log_keeps_its_chain_but_not_its_signed_head(
    how: str, capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    assert central_place.url is not None
    db = ("--db", central_place.url)
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    _reads(central_place, 4)
    head = _head(capsys, db, tmp_path)
    # The grant, and four reads of two entries each (the attempt, what came of it).
    assert json.loads(head.read_text())["head"]["entries"] == 9
    _reads(central_place, 2)  # the log goes on: the head still holds
    fine = run(capsys, "central", "log", "verify", *db, "--head", str(head))
    assert fine.code == 0, fine.err
    assert "holds the signed head" in fine.out

    if how == "tail cut":
        _rewrite(central_place, "SELECT 1")
        with store.opened(central_place) as s, s.begin() as conn:
            conn.execute(text("ALTER TABLE central.access_log DISABLE TRIGGER USER"))
            conn.execute(text("DELETE FROM central.access_log WHERE id >= 4"))
            conn.execute(text("ALTER TABLE central.access_log ENABLE TRIGGER USER"))
    else:  # anna's third read made someone else's, then chained again
        _rewrite(central_place, "UPDATE kept SET who = 'bert' WHERE id = 4")
    chain_only = run(capsys, "central", "log", "verify", *db)
    assert chain_only.code == 0  # the chain alone cannot tell
    caught = run(capsys, "central", "log", "verify", *db, "--head", str(head))
    assert caught.code == 1
    assert "no longer holds the signed head" in caught.err


def test_a_head_not_signed_by_this_central_is_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, tmp_path: Path
) -> None:
    assert central_place.url is not None
    db = ("--db", central_place.url)
    head = _head(capsys, db, tmp_path)
    doc = json.loads(head.read_text())
    doc["head"]["entries"] += 1  # made to match a log cut short
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(doc, separators=(",", ":"), sort_keys=True))
    refused = run(capsys, "central", "log", "verify", *db, "--head", str(forged))
    assert refused.code == 1
    assert "not this central system's" in refused.err
    for junk_text in ("{}", "plain text", json.dumps(doc, indent=2)):  # a reformatted copy too
        junk = tmp_path / "junk.json"
        junk.write_text(junk_text)
        said = run(capsys, "central", "log", "verify", *db, "--head", str(junk))
        assert said.code == 1
        assert "not a head of a Veldboek access log" in said.err


def test_a_head_without_a_passphrase_file_asks_at_a_terminal_and_is_refused_without_one(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert central_place.url is not None
    db = ("--db", central_place.url)
    head = tmp_path / "head.json"
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    refused = run(capsys, "central", "log", "head", *db, "--out", str(head))
    assert refused.code == 1
    assert "give --passphrase-file FILE" in refused.err
    assert not head.exists()
    asked = typed_at_a_terminal(monkeypatch, PASSPHRASE)
    taken = run(capsys, "central", "log", "head", *db, "--out", str(head))
    assert taken.code == 0, taken.err
    assert asked == ["Passphrase of the central key: "]
    assert run(capsys, "central", "log", "verify", *db, "--head", str(head)).code == 0


def test_the_access_log_is_read_newest_first_and_by_person(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet
) -> None:
    fleet.register(central_place)
    assert central_place.url is not None
    db = ("--db", central_place.url)
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    _reads(central_place, 3)
    shown = run(capsys, "central", "log", "show", *db, "--who", "anna", "--json")
    assert shown.code == 0, shown.err
    entries = json.loads(shown.out)
    # Each read twice: the attempt, then what came of it, naming the attempt's entry.
    assert [e["why"] for e in entries] == ["case 2", "case 2", "case 1", "case 1", "case 0",
                                           "case 0"]  # fmt: skip
    assert all(e["who"] == "anna" for e in entries)
    assert [e["what"] for e in entries[:2]] == [
        f"#{entries[1]['id']} search woning 2: {entries[0]['what'].rsplit(': ', 1)[1]}",
        "search woning 2",
    ]
    text_form = run(capsys, "central", "log", "show", *db, "--limit", "1")
    assert text_form.out.count("\n") == 1
    assert f"anna: #{entries[1]['id']} search woning 2: " in text_form.out
    assert "(why: case 2)" in text_form.out
