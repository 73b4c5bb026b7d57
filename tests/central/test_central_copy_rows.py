"""Rows copied in while a package is read (``ingest_stream``): any text a record
or an audit event may hold comes back exactly as sent (COPY's own escapes, long
text, characters beyond the basic plane), a NUL character is refused as
unstorable (a record's JSON escape of one before it is sent), nothing kept; and
the schema's last steps go back down exactly."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import text

from app.central import ingest, ingest_stream, store
from app.central.ingest_checks import Sender
from app.central.place import Place
from app.central.schema import migrate
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef

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
