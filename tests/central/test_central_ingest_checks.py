"""What migrations c0007_ingest_checks and c0008_event_teams put in place of
per-row foreign keys: every audit event a statement stores names a stored package
of its own sender and team (checked per statement), a package and a registered
key stay, the grading codes are append-only; and a package whose body fails
after rows were copied in stores nothing (``ingest_stream``: rows go to the server
as the body is read)."""

from __future__ import annotations

import gc
import json
import threading
import time
import uuid
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.central import central_keys, ingest, ingest_checks, ingest_rows, ingest_stream, store
from app.central.central_keys import Unlocked
from app.central.errors import WrongTeam
from app.central.ingest_checks import Sender
from app.central.place import Place
from app.export.errors import MalformedPackage, ReplayedPackage
from app.export.manifest import RecordRef
from app.services.exchange import package_body
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import scalar
from tests.helpers.central_fleet import Fleet

TABLES = ("packages", "package_files", "debrief_versions", "debriefs", "record_versions",
          "audit_events", "sources", "debrief_facts", "item_grades", "record_owners")  # fmt: skip


def _counts(s: store.Store) -> dict[str, int]:
    with s.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT count(*) FROM central.{t}")).scalar_one() for t in TABLES
        }


def _event(conn: object, *, package: str, sender: str, seq: int, team: int) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO central.audit_events VALUES (:fp, :seq, :team, :p, 'a', 'x', '', 'y', "
            "'debrief', 'r', '', '', '', 'h')"
        ),
        {"fp": sender, "seq": seq, "p": package, "team": team},
    )


def test_an_audit_event_must_name_a_stored_package_of_its_own_sender_and_team(
    stored: store.Store,
) -> None:
    # Staff read events by their team (row-level security): an event of another
    # team than its package's would show one team's runner to another's staff.
    s = stored
    with s.begin() as conn:
        pid, sender, team = conn.execute(
            text("SELECT id, sender, team_id FROM central.packages")
        ).one()
        other = conn.execute(
            text("INSERT INTO central.teams (name) VALUES ('Elders') RETURNING id")
        ).scalar_one()
    for package, who, of in (
        (uuid.uuid4(), sender, team),
        (pid, "f" * 64, team),
        (pid, sender, other),
    ):
        with pytest.raises(DBAPIError, match="names no stored package"), s.begin() as c:
            _event(c, package=str(package), sender=who, seq=10**9, team=of)
    with s.begin() as conn:  # its own sender's package, its team: stored
        _event(conn, package=str(pid), sender=sender, seq=10**9, team=team)


def test_a_version_names_a_package_of_its_team_and_a_debrief_a_sender_of_its_team(
    stored: store.Store,
) -> None:
    s = stored
    with s.begin() as conn:
        other = conn.execute(
            text("INSERT INTO central.teams (name) VALUES ('Elders') RETURNING id")
        ).scalar_one()
    with s.connect() as conn:
        v = conn.execute(text("SELECT * FROM central.debrief_versions LIMIT 1")).one()
        d = conn.execute(text("SELECT * FROM central.debriefs LIMIT 1")).one()
    version = text(
        "INSERT INTO central.debrief_versions (debrief_id, version, team_id, source_id, "
        "package_id, sha256, status, updated_at, data, body) VALUES (:d, 99, :t, :s, :p, "
        "'', 'approved', now(), CAST(:data AS jsonb), '')"
    )
    debrief = text(
        "INSERT INTO central.debriefs (id, team_id, sender, source_id, latest, updated_at) "
        "VALUES (:i, :t, :fp, :s, 1, now())"
    )
    cases = [
        (version, {"d": v.debrief_id, "t": other, "s": v.source_id, "p": v.package_id,
                   "data": json.dumps(v.data)}, "no stored package of its team"),
        (version, {"d": v.debrief_id, "t": v.team_id, "s": v.source_id, "p": uuid.uuid4(),
                   "data": json.dumps(v.data)}, "no stored package of its team"),
        (debrief, {"i": uuid.uuid4(), "t": other, "fp": d.sender, "s": d.source_id},
         "no registered sender of its team"),
        (debrief, {"i": uuid.uuid4(), "t": d.team_id, "fp": "e" * 64, "s": d.source_id},
         "no registered sender of its team"),
    ]  # fmt: skip
    for sql, values, refusal in cases:
        with pytest.raises(DBAPIError, match=refusal), s.begin() as conn:
            conn.execute(sql, values)
    with s.begin() as conn:  # its own team's package and sender: stored
        conn.execute(version, {"d": v.debrief_id, "t": v.team_id, "s": v.source_id,
                               "p": v.package_id, "data": json.dumps(v.data)})  # fmt: skip


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM central.packages",
        "UPDATE central.packages SET sender = sender",
        "TRUNCATE central.packages CASCADE",
        "DELETE FROM central.senders",
        "UPDATE central.grade_codes SET scheme = 'x'",
        "DELETE FROM central.grade_codes",
        "UPDATE central.senders SET team_id = team_id",
        # A debrief's sender changes only along a handover (c0021: the test is in
        # test_central_handover); its team never.
        "UPDATE central.debriefs SET team_id = team_id",
        "DELETE FROM central.sources",
        "UPDATE central.record_owners SET team_id = team_id",
        "UPDATE central.packages SET team_id = team_id",
    ],
)
def test_packages_keys_and_grading_codes_stay(stored: store.Store, sql: str) -> None:
    s = stored
    before = _counts(s)
    with pytest.raises(DBAPIError, match=r"append-only|foreign key"), s.begin() as conn:
        conn.execute(text(sql))
    assert _counts(s) == before
    with s.begin() as conn:  # a receipt still marks a package confirmed
        conn.execute(text("UPDATE central.packages SET confirmed_by = NULL"))


def test_a_body_refused_after_its_rows_were_copied_in_stores_nothing(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, keys = noord
    before = _counts(s)
    real = package_body._check_references
    copied: list[int] = []

    def refused_last(refers: object, sources: object, files: object) -> None:
        # Every event and debrief version was handed over (and copied in) by now.
        copied.append(len(refers))  # type: ignore[arg-type]
        real(refers, sources, files)  # type: ignore[arg-type]
        raise MalformedPackage("A record belongs to a source the package does not list.")

    monkeypatch.setattr(package_body, "_check_references", refused_last)
    with pytest.raises(MalformedPackage):
        ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert copied
    assert copied[0] > 0
    assert _counts(s) == before
    monkeypatch.undo()
    stored = ingest.ingest_file(s, keys, fleet.noord.files[0])  # then it is stored whole
    assert stored.records > 0
    assert _counts(s)["debrief_versions"] > 0


def test_the_collector_is_held_back_while_a_body_is_read_and_back_after(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, keys = noord
    real, seen = package_body.contents, []

    def watched(*args: Any, **kwargs: Any) -> package_body.Contents:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(package_body, "contents", watched)
    assert gc.isenabled()
    ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises(ReplayedPackage):  # a refusal puts it back as well
        ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert gc.isenabled()


def test_an_event_out_of_order_is_never_copied_even_after_a_held_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A malformed package: [10 (held), 3, 11]. The held numbers are read from the
    # first event's on (3 is held too, but below 10: not among them). The reader
    # refuses the package after its events; until then 3 must not be copied in (it
    # would meet the held row's unique key: a database error, not the refusal).
    copied: list[int] = []

    def write(self: Any, sql: str, row: tuple[Any, ...]) -> None:
        copied.append(row[1])

    monkeypatch.setattr(ingest_stream, "_held_seqs", lambda *_args: {10})
    monkeypatch.setattr(ingest_stream.Streams, "_write", write)
    sender = Sender("a" * 64, 1, "Noord", "Valk", b"")
    streams = ingest_stream.Streams(None, sender, str(uuid.uuid4()), [])  # type: ignore[arg-type]
    fields = ("at", "actor", "actor_alias_id", "action", "record_type", "record_id",
              "compartment_id", "detail", "prev_hash", "hash")  # fmt: skip
    event = dict.fromkeys(fields, "")
    for seq in (10, 3, 11, 11):
        streams.event({**event, "seq": seq})
    assert copied == [11]


def test_a_nul_character_is_a_refusal_of_the_package_not_a_database_error(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # JSON may carry "\u0000"; PostgreSQL's text and jsonb cannot keep it.
    s, keys = noord
    with pytest.raises(DBAPIError) as in_jsonb, s.begin() as conn:
        conn.execute(text("SELECT CAST(:j AS jsonb)"), {"j": '{"a": "x\\u0000y"}'})
    assert ingest.unstorable_text(in_jsonb.value)
    before = _counts(s)
    real = ingest_stream.search_text
    monkeypatch.setattr(ingest_stream, "search_text", lambda d: real(d) + "\x00")
    with pytest.raises(MalformedPackage, match="NUL character"):
        ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert _counts(s) == before


def _waiting_on_a_lock(s: store.Store) -> bool:
    return bool(
        scalar(
            s,
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
    )


def _two_teams(central_place: Place, fleet: Fleet) -> tuple[store.Store, list[Sender], list[str]]:
    """A store with Noord's and Zuid's runners, a package of each stored; their
    senders and package ids."""
    s = store.Store(central_place)
    fleet.register(central_place, fleet.noord, fleet.zuid)
    with s.connect() as conn:
        keys = central_keys.unlock(conn, PASSPHRASE)
    ids = [
        str(ingest.ingest_file(s, keys, r.files[0]).package_id) for r in (fleet.noord, fleet.zuid)
    ]
    with s.connect() as conn:
        senders = [
            Sender(*conn.execute(
                text("SELECT p.sender, p.team_id, t.name, 'runner', ''::bytea FROM "
                     "central.packages p JOIN central.teams t ON t.id = p.team_id "
                     "WHERE p.id = :id"),
                {"id": pid},
            ).one())
            for pid in ids
        ]  # fmt: skip
    return s, senders, ids


def _race(s: store.Store, first: Any, second: Any) -> list[BaseException]:
    """``first(conn)`` in a transaction left open until ``second(conn)``, in another
    transaction and thread, waits on a lock; then the first commits. What the
    second raised."""
    outcome: list[BaseException] = []

    def run_second() -> None:
        try:
            with s.begin() as c2:
                second(c2)
        except BaseException as exc:
            outcome.append(exc)

    with s.connect() as c1:
        t1 = c1.begin()
        first(c1)
        thread = threading.Thread(target=run_second)
        thread.start()
        deadline = time.monotonic() + 30
        while not _waiting_on_a_lock(s) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _waiting_on_a_lock(s)  # the second waits on the first
        t1.commit()
    thread.join(30)
    return outcome


def test_a_source_two_teams_store_at_the_same_moment_stays_the_first_teams(
    central_place: Place, fleet: Fleet
) -> None:
    # Both packages pass the look before storing (neither sees the other's
    # uncommitted row); the second waits on the first's key, then must find the
    # row another team's and leave it, refused: else team Noord's staff would
    # read Zuid's codename and package as their own.
    s, senders, ids = _two_teams(central_place, fleet)
    try:
        sid = str(uuid.uuid4())

        def source(codename: str) -> dict[str, Any]:
            return {"id": sid, "compartment_id": str(uuid.uuid4()), "compartment": "Haven",
                    "codename": codename, "kind": "informant", "status": "active"}  # fmt: skip

        def zuid(conn: Any) -> None:
            ingest_checks.refuse_others_sources(conn, senders[1], [sid])  # sees nothing yet
            ingest_rows._sources(conn, [source("ZUID-CODE")], senders[1], ids[1])

        outcome = _race(
            s,
            lambda conn: ingest_rows._sources(conn, [source("NOORD-CODE")], senders[0], ids[0]),
            zuid,
        )
        assert [type(e) for e in outcome] == [WrongTeam]
        with s.connect() as conn:
            row = conn.execute(
                text("SELECT team_id, codename, last_package FROM central.sources WHERE id = :i"),
                {"i": sid},
            ).one()
        assert (row[0], row[1], str(row[2])) == (senders[0].team_id, "NOORD-CODE", ids[0])
    finally:
        s.close()


def test_a_file_record_two_teams_store_at_the_same_moment_stays_the_first_teams(
    central_place: Place, fleet: Fleet
) -> None:
    # Different versions of one record: no version's key collides; the record's
    # claim (c0010) holds the later package until the first has committed.
    s, senders, ids = _two_teams(central_place, fleet)
    try:
        rid = uuid.uuid4()

        def records(version: int) -> list[tuple[Any, dict[str, Any]]]:
            data = {"id": str(rid), "source_id": str(uuid.uuid4()), "level": "low"}
            return [(RecordRef("risk_assessment", rid, version, "0" * 64), data)]

        def store_as(n: int, version: int) -> Any:
            def store_it(conn: Any) -> None:
                ingest_checks.refuse_others_file_records(conn, senders[n], records(version))
                ingest_rows._file_records(conn, senders[n], ids[n], records(version))

            return store_it

        outcome = _race(s, store_as(0, 1), store_as(1, 2))
        assert [type(e) for e in outcome] == [WrongTeam]
        with s.connect() as conn:
            kept = conn.execute(
                text("SELECT team_id, version FROM central.record_versions WHERE record_id = :i"),
                {"i": rid},
            ).all()
        assert kept == [(senders[0].team_id, 1)]
    finally:
        s.close()


def test_the_sender_events_held_are_read_for_the_packages_range_only(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A package arriving late reads the sender's events held from its first
    # number to its last, not the sender's whole history after it.
    s, keys = noord
    ingest.ingest_file(s, keys, fleet.noord.files[1])  # the newer first
    reads: list[tuple[int, int | None, set[int]]] = []
    real = ingest_stream._held_seqs

    def spied(conn: Any, sender: str, first: int, last: int | None) -> set[int]:
        held = real(conn, sender, first, last)
        reads.append((first, last, held))
        return held

    monkeypatch.setattr(ingest_stream, "_held_seqs", spied)
    ingest.ingest_file(s, keys, fleet.noord.files[0])  # then the older one, late
    [(first, last, held)] = reads
    assert last is not None
    assert all(first <= n <= last for n in held)
    above = scalar(s, f"SELECT count(*) FROM central.audit_events WHERE seq > {int(last)}")
    assert above > 0  # the newer package's events: held, and not read


def test_a_package_id_already_stored_is_a_replay_though_its_file_differs(
    stored: store.Store,
) -> None:
    # Format section 8: a package id seen before is a replay, as a vault says, not
    # "another package with the same number" (its sender sealed it again: another
    # file, the same package).
    with stored.connect() as conn:
        pid, channel, seq, prev = conn.execute(
            text("SELECT id, channel, sequence, previous FROM central.packages")
        ).one()
        with pytest.raises(ReplayedPackage, match="already imported"):
            ingest_checks.arrival(conn, channel, seq, prev, "0" * 64, str(pid))
        # Another package with that number is the conflict it always was.
        with pytest.raises(ReplayedPackage, match="same number"):
            ingest_checks.arrival(conn, channel, seq, prev, "0" * 64, str(uuid.uuid4()))
