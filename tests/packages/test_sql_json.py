"""Export's records and audit events are encoded by SQLite (``package_json``): the
bytes must be exactly those of ``package_records.serialise`` + canonical JSON, for
full debriefs and for text holding every code point. A value not in the stored
form makes export take the Python path, which normalises it or refuses."""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest
from sqlalchemy import text

from app.export import canonical
from app.services import debriefs, package_json, package_records, packages
from tests.packages.conftest import Pair, rich_debrief


def _python_path(pair: Pair, ids: list[uuid.UUID]) -> tuple[list[bytes], bytes]:
    with pair.runner.vault.read() as session:
        records = package_records.serialise(session, ids)
        events = package_records.audit_events(session, ids)
    return [canonical.dumps(r) for r in records], canonical.dumps(events)


def _sql_path(pair: Pair, ids: list[uuid.UUID]) -> tuple[list[bytes], bytes]:
    with pair.runner.vault.read() as session:
        encoded = package_json.debriefs(session, ids)
        _count, events = package_json.audit_events(session, ids)
    return [e.json for e in encoded], b"".join(events)


@pytest.fixture
def python_path_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which calls fell back to the Python path."""
    taken: list[str] = []
    records, events = package_json._from_records, package_records.audit_events

    def from_records(*args: Any) -> Any:
        taken.append("records")
        return records(*args)

    def audit_events(*args: Any) -> Any:
        taken.append("events")
        return events(*args)

    monkeypatch.setattr(package_json, "_from_records", from_records)
    monkeypatch.setattr(package_records, "audit_events", audit_events)
    return taken


def test_sqlite_writes_the_same_bytes_as_python(pair: Pair, python_path_counted: list[str]) -> None:
    ids = [rich_debrief(pair.runner, f"BRON{n}", marker=f"#{n}") for n in range(3)]
    sql_records, sql_events = _sql_path(pair, ids)
    assert python_path_counted == []  # SQLite wrote them
    py_records, py_events = _python_path(pair, ids)
    assert sql_records == py_records
    assert sql_events == py_events
    record = canonical.loads(sql_records[0])
    for part in ("payments", "taskings", "attachments", "items"):
        assert record[part], part
    assert record["contact"]["attendees"]
    assert record["items"][0]["subjects"]
    assert isinstance(record["items"][0]["exculpatory"], bool)


def test_every_code_point_is_escaped_as_canonical_json_escapes_it(
    pair: Pair, python_path_counted: list[str]
) -> None:
    debrief_id = rich_debrief(pair.runner)
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    with pair.runner.vault.engine().begin() as conn:
        # Straight into the table: a submitted debrief's text cannot be edited.
        conn.execute(
            text("UPDATE debrief SET narrative = :t, review_comment = :c WHERE id = :id"),
            {"t": everything, "c": '"\\\x00\x1f\x7f\u2028', "id": debrief_id.hex},
        )
        conn.execute(
            text("UPDATE intelligence_item SET text = :t WHERE debrief_id = :id"),
            {"t": everything[:5000], "id": debrief_id.hex},
        )
    sql_records, _ = _sql_path(pair, [debrief_id])
    assert python_path_counted == []
    assert sql_records == _python_path(pair, [debrief_id])[0]
    assert canonical.loads(sql_records[0])["narrative"] == everything


@pytest.mark.parametrize(
    ("damage", "normalised"),
    [
        # another form of the same moment: Python's reading gives iso_utc text
        ("UPDATE debrief SET updated_at = '2026-11-21T08:00:00Z'", "2026-11-21T08:00:00.000000Z"),
        ("UPDATE addendum SET created_at = '2026-11-22 09:15:00Z'", "2026-11-22T09:15:00.000000Z"),
        ("UPDATE tasking SET deadline = '20261201'", "2026-12-01"),
    ],
)
def test_a_value_in_another_form_takes_the_python_path(
    pair: Pair, python_path_counted: list[str], damage: str, normalised: str
) -> None:
    debrief_id = rich_debrief(pair.runner)
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "Later: van seen.")
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(text(damage))
    sql_records, _ = _sql_path(pair, [debrief_id])
    assert python_path_counted == ["records"]
    assert sql_records == _python_path(pair, [debrief_id])[0]
    assert f'"{normalised}"'.encode() in sql_records[0]


def test_an_alias_id_in_another_form_takes_the_python_path(
    pair: Pair, python_path_counted: list[str]
) -> None:
    debrief_id = rich_debrief(pair.runner)
    with pair.runner.vault.engine().connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is ignored
        raw.execute("UPDATE alias SET id = upper(id) WHERE name LIKE 'Uil-%'")
        raw.execute("PRAGMA foreign_keys = ON")
    sql_records, sql_events = _sql_path(pair, [debrief_id])
    assert python_path_counted == ["records", "events"]
    py_records, py_events = _python_path(pair, [debrief_id])
    assert (sql_records, sql_events) == (py_records, py_events)
    assert b'"?"' not in sql_records[0]  # the witness is still found by name


def test_text_that_is_not_utf8_stops_the_export(pair: Pair) -> None:
    rich_debrief(pair.runner)
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(text("UPDATE debrief SET narrative = CAST(x'c328ff' AS TEXT)"))
    with pytest.raises(package_records.StoredTextDamaged, match="not valid UTF-8"):
        packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE debrief SET narrative = x'00'",
        "UPDATE intelligence_item SET text = x'00'",
        "UPDATE contact SET notes = x'00'",
        "UPDATE subject SET name = x'00'",
        "UPDATE alias SET name = x'00' WHERE name LIKE 'Uil-%'",
        "UPDATE source SET codename = x'00'",
        "UPDATE audit_event SET detail = x'00'",
        "UPDATE attachment SET sha256 = x'00'",
    ],
)
def test_bytes_where_text_belongs_stop_the_export(pair: Pair, damage: str) -> None:
    # x'00' is valid JSONB (null): SQLite's json_object would take it as JSON.
    rich_debrief(pair.runner)
    with pair.runner.vault.engine().connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("DROP TRIGGER IF EXISTS audit_event_no_update")  # a damaged vault
        raw.execute(damage)
    with pytest.raises(package_records.StoredTextDamaged, match="bytes where text belongs"):
        packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )
    assert os.listdir(pair.outbox) == []


def test_export_judges_completeness_as_the_debrief_page_does() -> None:
    """Export's shortcut (``package_json._Lacks``) must block exactly the debriefs
    that ``content_blockers`` names something for: each blank text and each grading
    fault of every scheme, alone and together."""
    import itertools

    from app.domain.grading import SCHEMES, Grading
    from app.models.enums import GradingScheme

    gradings: list[tuple[str, str, str, str, str]] = []
    for scheme in SCHEMES.values():
        for ev, ia, code, cond in itertools.product(
            (scheme.source_evaluation[0].code, "", "Z"),
            (scheme.intelligence_assessment[0].code, "", "Z"),
            [c.code for c in scheme.handling] + ["", "Z"],
            ("", "  ", "only with consent"),
        ):
            gradings.append((scheme.id.value, ev, ia, code, cond))
    lacks = package_json._Lacks()
    texts = ("Met at the usual place.", " \n", "")
    judged = 0
    for narrative, reflection, item_text in itertools.product(texts, texts, texts):
        for n in range(0, len(gradings), 7):
            items = [(item_text, *gradings[n]), ("Second item.", *gradings[-1 - n])]
            expected = debriefs.content_blockers(
                narrative,
                reflection,
                [(i[0], Grading(GradingScheme(i[1]), *i[2:])) for i in items],
            )
            assert lacks(narrative, reflection, items) is bool(expected)
            judged += 1
    assert judged > 1000
    # Both outcomes were seen: a grid that only ever blocks proves nothing.
    assert lacks("Text.", "Reflection.", [("Item.", "3x5x2", "1", "A", "P", "")]) is False
