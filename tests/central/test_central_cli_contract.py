"""The central commands as issue 19 spells them, which others script against:
``central ingest PATH… [--json]``, ``central search TEXT --user NAME --json``,
``central show source|debrief ID --user NAME --json`` (each with ``--data DIR`` or
``--db URL``). A read without ``--reason`` is logged "(no reason given)"; the
central key's passphrase is asked for at a terminal, and a run without one (a
script, a service) is refused in one line, with nothing stored."""

from __future__ import annotations

import json
import sys

import pytest
from sqlalchemy import text

from app.central import store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run, typed_at_a_terminal
from tests.helpers.central_fleet import Fleet


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _packages(place: Place) -> int:
    s = store.Store(place)
    try:
        with s.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one())
    finally:
        s.close()


def _reasons(place: Place) -> list[tuple[str, str]]:
    s = store.Store(place)
    try:
        with s.connect() as conn:
            rows = conn.execute(text("SELECT what, why FROM central.access_log ORDER BY id"))
            return [(r[0], r[1]) for r in rows]
    finally:
        s.close()


def test_ingest_without_a_passphrase_and_no_terminal_is_refused_storing_nothing(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fleet.register(central_place)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    refused = run(capsys, "central", "ingest", *map(str, fleet.noord.files), *_db(central_place))
    assert refused.code != 0
    assert "give --passphrase-file FILE" in refused.err
    assert _packages(central_place) == 0


def test_at_a_terminal_the_passphrase_is_asked_for_and_the_reads_need_no_reason(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fleet.register(central_place)
    asked = typed_at_a_terminal(monkeypatch, PASSPHRASE)
    stored = run(capsys, "central", "ingest", *map(str, fleet.noord.files), *_db(central_place),
                 "--json")  # fmt: skip
    assert stored.code == 0, stored.err
    assert asked == ["Passphrase of the central key: "]
    assert _packages(central_place) == len(fleet.noord.files)
    db = _db(central_place)
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0

    found = run(capsys, "central", "search", "narrative", "--user", "anna", "--json", *db)
    assert found.code == 0, found.err
    assert json.loads(found.out)
    shown = run(capsys, "central", "show", "debrief", fleet.revised, "--user", "anna",
                "--json", *db)  # fmt: skip
    assert shown.code == 0, shown.err
    assert json.loads(shown.out)["debrief_id"] == fleet.revised
    reads = [(what, why) for what, why in _reasons(central_place) if "grant" not in what]
    assert reads
    assert all(why == "(no reason given)" for _, why in reads)
    assert {what.split(" ")[0] for what, _ in reads} >= {"search", "show"}


def test_a_wrong_typed_passphrase_stores_nothing(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fleet.register(central_place)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "not the passphrase")
    refused = run(capsys, "central", "ingest", *map(str, fleet.noord.files), *_db(central_place))
    assert refused.code != 0
    assert "not the passphrase" not in refused.err + refused.out
    assert _packages(central_place) == 0


def test_the_ingest_line_counts_in_words_that_agree_with_the_number() -> None:
    # "1 debriefs" read as a slip; a script reads --json, a person reads this line.
    from uuid import UUID

    from app.central.ingest import Stored
    from app.cli.central_ingest_commands import _line

    def line(debriefs: int, records: int, new: int) -> str:
        stored = Stored("p.age", UUID(int=1), "ab" * 32, "Noord", "Valk", 1, "new",
                        records, new, 0, debriefs=debriefs)  # fmt: skip
        return _line(stored)

    assert "no. 1, 1 debrief and 2 records of source files, 3 new versions)." in line(1, 3, 3)
    assert "no. 1, 2 debriefs and 1 record of source files, 1 new version)." in line(2, 3, 1)
