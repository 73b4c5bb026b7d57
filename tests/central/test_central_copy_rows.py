"""Rows copied in while a package is read (``ingest_stream``): any text a record
or an audit event may hold comes back exactly as sent (COPY's own escapes, long
text, characters beyond the basic plane), a NUL character is refused as
unstorable (a record's JSON escape of one before it is sent), nothing kept; and
the schema's last steps go back down exactly; versions in statements ended
without waiting (``bulk.EndLater``) are stored as in one, and a refusal of such a
statement is raised when its result is read."""

from __future__ import annotations

import json
import uuid
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from app.central import bulk, ingest, ingest_stream, store
from app.central.central_keys import Unlocked
from app.central.ingest_checks import Sender
from app.central.place import Place
from app.central.schema import migrate
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from tests.helpers.central_fleet import Fleet

# COPY's text format escapes these; JSON's own backslashes and a line of "\."
# (COPY's old end marker) must come through too.
NASTY = "a\tb\nc\\d\\N\r\\.\n\\.\x01\x7f\u2028\U0001f600" + "x" * 200_000 + "\t\\"


def _sender(conn: Any) -> tuple[str, Sender]:
    pid, fp, team = conn.execute(text("SELECT id, sender, team_id FROM central.packages")).one()
    return str(pid), Sender(fp, team, "Noord", "runner", b"")


def _event(seq: int, value: str) -> dict[str, Any]:
    return {"seq": seq, "at": value, "actor": value, "actor_alias_id": "", "action": "x",
            "record_type": "", "record_id": "", "compartment_id": "", "detail": value,
            "prev_hash": "", "hash": "h"}  # fmt: skip


def _version(narrative: str) -> tuple[RecordRef, dict[str, Any], bytes]:
    data = {"source_id": str(uuid.uuid4()), "status": "submitted", "items": [],
            "updated_at": "2026-12-06T10:00:00.000000Z", "narrative": narrative}  # fmt: skip
    ref = RecordRef("debrief", uuid.uuid4(), 1, "0" * 64)
    return ref, data, json.dumps(data, ensure_ascii=False).encode()


def test_text_copied_in_comes_back_exactly(stored: store.Store) -> None:
    with stored.begin() as conn:
        pid, sender = _sender(conn)
        ref, data, canonical = _version(NASTY)
        with ingest_stream.Streams(conn, sender, pid, []) as streams:
            streams.event(_event(10**12, NASTY))  # binary COPY
            streams.record(ref, data, canonical)  # text COPY
            streams.close()
        body, kept = conn.execute(
            text("SELECT body, data FROM central.debrief_versions WHERE debrief_id = :i"),
            {"i": ref.id},
        ).one()
        assert NASTY in body
        assert kept["narrative"] == NASTY
        assert conn.execute(
            text("SELECT at, detail FROM central.audit_events WHERE seq = 10^12")
        ).one() == (NASTY, NASTY)
        conn.rollback()


@pytest.mark.parametrize("where", ["audit event", "debrief version"])
def test_a_nul_character_is_refused_as_unstorable(stored: store.Store, where: str) -> None:
    def store_it() -> None:
        with stored.begin() as conn:
            pid, sender = _sender(conn)
            with ingest_stream.Streams(conn, sender, pid, []) as streams:
                if where == "audit event":
                    streams.event(_event(10**12, "a\x00b"))
                else:
                    ref, data, _canonical = _version("x")
                    streams.record(ref, data, b'{"narrative":"x\\u0000y"}')
                streams.close()

    with pytest.raises(Exception) as caught:  # noqa: PT011 - which one: checked below
        store_it()
    if where == "audit event":  # refused by the driver, before it is sent
        assert ingest.unstorable_text(caught.value)
    else:  # JSON's escape: refused before the driver (nul_escape)
        assert isinstance(caught.value, MalformedPackage)
        assert "NUL character" in str(caught.value)
    with stored.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM central.audit_events WHERE seq = 10^12")
            ).scalar_one()
            == 0
        )


_SHAPE = (
    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE connamespace = 'central'::regnamespace ORDER BY 1, 2",
    "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
    "WHERE NOT tgisinternal AND tgrelid::regclass::text LIKE 'central.%' ORDER BY 1, 2",
    "SELECT proname, md5(pg_get_functiondef(oid)) FROM pg_proc "
    "WHERE pronamespace = 'central'::regnamespace ORDER BY 1",
)


def _shape(s: store.Store) -> list[list[tuple[Any, ...]]]:
    with s.connect() as conn:
        return [[tuple(r) for r in conn.execute(text(q))] for q in _SHAPE]


def test_the_ingest_checks_go_back_down_exactly(empty_database: Place) -> None:
    # Constraints, triggers and functions as c0006 made them, after going up to
    # the head (c0007's per-statement checks, c0008's) and down again.
    s = store.Store(empty_database)
    try:
        migrate.upgrade(s.engine, "c0006_search_rls")
        before = _shape(s)
        migrate.upgrade(s.engine)
        assert _shape(s) != before
        migrate.downgrade(s.engine, "c0006_search_rls")
        assert _shape(s) == before
    finally:
        s.close()


def test_versions_in_statements_ended_later_are_stored_as_in_one(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each version its own COPY, ended without waiting (the rows after it held
    # until its result came): every version, debrief and fact stored as by one COPY.
    s, keys = noord
    monkeypatch.setattr(ingest_stream, "CHUNK", 1)
    ended: list[bool] = []
    finish = bulk.EndLater.finish

    def noted(self: bulk.EndLater, exc: BaseException | None = None) -> None:
        ended.append(self.later)
        finish(self, exc)

    monkeypatch.setattr(bulk.EndLater, "finish", noted)
    for path in fleet.noord.files:
        ingest.ingest_file(s, keys, path)
    assert ended.count(True) > 3
    with s.connect() as conn:
        kept = conn.execute(
            text("SELECT d.latest, f.version, (SELECT count(*) FROM central.debrief_versions v "
                 "WHERE v.debrief_id = d.id), (SELECT array_agg(DISTINCT g.version) FROM "
                 "central.item_grades g WHERE g.debrief_id = d.id) FROM central.debriefs d "
                 "JOIN central.debrief_facts f ON f.debrief_id = d.id")
        ).all()  # fmt: skip
    assert len(kept) > 3
    assert all(latest == fact for latest, fact, _, _ in kept)
    assert sorted(r[2] for r in kept)[-1] == 2  # the debrief sent twice: both versions
    assert all(grades in (None, [latest]) for latest, _, _, grades in kept)


def test_a_copy_ended_later_and_refused_raises_its_error_when_settled(
    stored: store.Store,
) -> None:
    with stored.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE ended (n integer CHECK (n < 3))"))
        raw = conn.connection.driver_connection
        assert raw is not None
        with bulk.copy_in(conn, "COPY ended FROM STDIN", writer=bulk.EndLater) as out:
            out.writer.later = True
            for n in range(5):
                out.write_row((n,))
        with pytest.raises(psycopg.errors.CheckViolation) as caught:
            bulk.settle(raw.pgconn, raw.info.encoding, block=True)
        assert store.sqlstate(caught.value) == "23514"
        conn.rollback()
    with stored.connect() as conn:  # the connection is whole again
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
