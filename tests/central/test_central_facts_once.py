"""Migration c0016_facts_once: the facts trigger reads each debrief's record once
and looks each debrief up once, and keeps the same facts and items as c0015's
trigger for the same statements (new debriefs, several versions in one
statement, a newer version, an older one arriving late, records without the
fields or with the wrong shapes); down again gives c0015's trigger exactly."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Connection, text

from app.central import store
from app.central.place import Place
from app.central.schema import migrate

BEFORE = "c0015_match_per_team"

_ITEM_1 = {"scheme": "4x4", "source_evaluation": "A", "intelligence_assessment": "1",
           "handling_code": "P"}  # fmt: skip
_ITEM_2 = {"scheme": "4x4", "source_evaluation": "B", "intelligence_assessment": "2",
           "handling_code": "C"}  # fmt: skip
_FULL = {
    "contact": {"occurred_at": "2026-03-02T10:00:00Z"},
    "submitted_at": "2026-03-03T09:00:00Z",
    "reviewed_at": "2026-03-09T16:30:00Z",
    "items": [_ITEM_1, _ITEM_2],
}
# Statements, each of (debrief, version, status, record): one trigger run each.
SCENARIO: list[list[tuple[str, int, str, dict[str, Any]]]] = [
    [
        ("a", 1, "submitted", _FULL),
        ("b", 1, "draft", {"items": [_ITEM_2]}),
        ("b", 2, "submitted", dict(_FULL, items=[_ITEM_1])),
        ("c", 1, "submitted", {"contact": [], "items": "none", "submitted_at": None}),
        ("d", 1, "draft", {}),
        ("e", 2, "approved", dict(_FULL, reviewed_at=None, items=[{}])),
    ],
    [
        ("a", 3, "approved", dict(_FULL, items=[_ITEM_2])),
        ("e", 1, "submitted", dict(_FULL, items=[_ITEM_1, _ITEM_1])),  # late: changes nothing
        ("c", 2, "submitted", dict(_FULL, contact={"occurred_at": None})),
    ],
    [
        ("a", 2, "returned", {"items": []}),  # late
        ("d", 2, "approved", dict(_FULL, contact="elsewhere")),
    ],
]


def _package(conn: Connection) -> tuple[int, str]:
    team = conn.execute(
        text("INSERT INTO central.teams (name) VALUES (:n) RETURNING id"),
        {"n": f"Team {uuid.uuid4().hex[:8]}"},
    ).scalar_one()
    fp = uuid.uuid4().hex
    conn.execute(
        text("INSERT INTO central.senders (fingerprint, team_id, role, name, signing_public, "
             "recipient_public, spoken, added_by) VALUES (:fp, :t, 'runner', 'R', '', '', "
             "'', 'test')"), {"fp": fp, "t": team},
    )  # fmt: skip
    pid = str(uuid.uuid4())
    conn.execute(
        text("INSERT INTO central.packages (id, sha256, team_id, sender, channel, sequence, "
             "previous, kind, created_at, file_name, size, records, audit_events, arrival, "
             "manifest) VALUES (CAST(:id AS uuid), :id, :t, :fp, :id, 1, '', 'debriefs', "
             "now(), 'f', 1, 1, 0, 'new', '{}')"), {"id": pid, "t": team, "fp": fp},
    )  # fmt: skip
    return team, pid


def _run(conn: Connection) -> dict[str, Any]:
    """The scenario on new debriefs; their facts and items by the scenario's names."""
    team, pid = _package(conn)
    ids = {name: str(uuid.uuid4()) for name in "abcde"}
    for statement in SCENARIO:
        conn.execute(
            text("INSERT INTO central.debrief_versions (debrief_id, version, team_id, "
                 "source_id, package_id, sha256, status, updated_at, data, body) "
                 "SELECT CAST(d AS uuid), v, :t, gen_random_uuid(), :p, '', s, now(), "
                 "CAST(r AS jsonb), '' FROM unnest(CAST(:ds AS text[]), CAST(:vs AS int[]), "
                 "CAST(:ss AS text[]), CAST(:rs AS text[])) AS x(d, v, s, r)"),
            {"t": team, "p": pid, "ds": [ids[r[0]] for r in statement],
             "vs": [r[1] for r in statement], "ss": [r[2] for r in statement],
             "rs": [json.dumps(r[3]) for r in statement]},
        )  # fmt: skip
    names = {v: k for k, v in ids.items()}
    facts = conn.execute(
        text("SELECT debrief_id::text, version, status, contact_at, submitted_at, reviewed_at, "
             "contact_month, submitted_day, submitted_wd, reviewed_wd, team_id = :t "
             "FROM central.debrief_facts WHERE debrief_id = ANY(CAST(:ids AS uuid[]))"),
        {"ids": list(ids.values()), "t": team},
    ).all()  # fmt: skip
    items = conn.execute(
        text("SELECT g.debrief_id::text, g.version, g.item, g.submitted_at, g.team_id = :t, "
             "c.scheme, c.source_evaluation, c.intelligence_assessment, c.handling_code "
             "FROM central.item_grades g JOIN central.grade_codes c ON c.id = g.grade "
             "WHERE g.debrief_id = ANY(CAST(:ids AS uuid[]))"),
        {"ids": list(ids.values()), "t": team},
    ).all()  # fmt: skip
    return {
        "facts": sorted((names[r[0]], *r[1:]) for r in facts),
        "items": sorted((names[r[0]], *r[1:]) for r in items),
    }


_FUNCTION = (
    "SELECT md5(pg_get_functiondef('central.debrief_facts_keep'::regproc)), "
    "(SELECT attcompression FROM pg_attribute WHERE attrelid = 'central.packages'::regclass "
    "AND attname = 'manifest')"
)


def test_c0016_keeps_the_same_facts_and_items_and_goes_back_down(empty_database: Place) -> None:
    s = store.Store(empty_database)
    try:
        migrate.upgrade(s.engine, BEFORE)
        with s.begin() as conn:
            before = _run(conn)
            shape = conn.execute(text(_FUNCTION)).one()
        migrate.upgrade(s.engine)
        with s.begin() as conn:
            after = _run(conn)
            lz4 = conn.execute(
                text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                     "WHERE name = 'default_toast_compression'")
            ).scalar_one()  # fmt: skip
            assert conn.execute(text(_FUNCTION)).one()[1] == ("l" if lz4 else shape[1])
        assert after == before
        facts = {f[0]: f[1:3] for f in after["facts"]}
        assert facts == {"a": (3, "approved"), "b": (2, "submitted"), "c": (2, "submitted"),
                         "d": (2, "approved"), "e": (2, "approved")}  # fmt: skip
        assert [i[:3] for i in after["items"]] == [
            ("a", 3, 1), ("b", 2, 1), ("c", 2, 1), ("c", 2, 2), ("d", 2, 1), ("d", 2, 2),
            ("e", 2, 1),
        ]  # fmt: skip
        migrate.downgrade(s.engine, BEFORE)
        with s.connect() as conn:
            assert conn.execute(text(_FUNCTION)).one() == shape
        migrate.upgrade(s.engine)
    finally:
        s.close()
