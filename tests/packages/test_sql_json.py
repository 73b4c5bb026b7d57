"""Export's records and audit events are encoded by SQLite (``package_json``): the
bytes must be exactly those of ``package_records`` + canonical JSON, for full
debriefs (in both format versions), every record of a source's file, and text
holding every code point. A value not in the stored
form makes export take the Python path, which normalises it or refuses."""

from __future__ import annotations

import os
import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text

from app.domain.enums import RiskLevel, SourceKind, TaskingStatus
from app.export import canonical
from app.models import wire
from app.services.exchange import package_json, package_records, packages
from app.services.records import debriefs, sources, tasking, welfare
from app.services.records.sources import SourceDraft
from tests.packages.conftest import Pair, rich_debrief


def _python_path(pair: Pair, ids: list[uuid.UUID], version: int = 3) -> tuple[list[bytes], bytes]:
    with pair.runner.vault.read() as session:
        records = package_records.serialise(session, ids, version)
        events = package_records.audit_events(session, ids)
    return [canonical.dumps(r) for r in records], canonical.dumps(events)


def _sql_path(pair: Pair, ids: list[uuid.UUID], version: int = 3) -> tuple[list[bytes], bytes]:
    with pair.runner.vault.read() as session:
        encoded = package_json.debriefs(session, ids, version)
        _count, events = package_json.audit_events(session, ids)
    return [e.json for e in encoded], b"".join(events)


def _file_records(pair: Pair, python: bool) -> dict[str, list[bytes]]:
    """Every record of every source's file, by type, by either path."""
    out = {}
    with pair.runner.vault.read() as session:
        for type_name in wire.FILE_RECORDS:
            model = wire.RECORD_TYPES[type_name].model
            ids = list(session.execute(select(model.id)).scalars())
            if python:
                found = package_records.records(session, type_name, ids)
                out[type_name] = [canonical.dumps(r) for r in found]
            else:
                out[type_name] = [r.json for r in package_json.records(session, type_name, ids)]
    return out


@pytest.fixture
def python_path_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which calls fell back to the Python path."""
    taken: list[str] = []
    records, events = package_json._from_records, package_records.audit_events
    file_records = package_records.records

    def from_records(*args: Any) -> Any:
        taken.append("records")
        return records(*args)

    def audit_events(*args: Any) -> Any:
        taken.append("events")
        return events(*args)

    def other_records(*args: Any) -> Any:
        taken.append(f"file:{args[1]}")
        return file_records(*args)

    monkeypatch.setattr(package_json, "_from_records", from_records)
    monkeypatch.setattr(package_records, "audit_events", audit_events)
    monkeypatch.setattr(package_records, "records", other_records)
    return taken


def _whole_file(pair: Pair) -> None:
    """One of every record a source's file holds, with every optional value set."""
    vault, scope = pair.runner.vault, pair.runner.scope
    source = sources.find_source(vault, scope, "BRON0")
    welfare.assess_risk(
        vault,
        scope,
        source,
        level=RiskLevel.HIGH,
        review_on=date(2099, 1, 1),
        threats="Seen with a known enforcer.",
        mitigations="Meet outside the city.",
        welfare_notes="Sleeps badly.",
    )
    instruction = welfare.give_instruction(vault, scope, source, "No contact with X.")
    welfare.acknowledge_instruction(vault, scope, instruction)
    welfare.review_reliability(vault, scope, source, "2", "Two reports corroborated.")
    tasking_id = tasking.add_tasking(vault, scope, source, "Who drives the van?")
    tasking.close_tasking(vault, scope, tasking_id, TaskingStatus.DONE, "Dirk.")
    file = sources.source_file(vault, scope, source)
    draft = SourceDraft(
        codename=file.overview.codename,
        legal_basis="Art. 126v Sv",
        contracted_on=date(2026, 1, 1),
        kind=SourceKind.CIVILIAN_INFORMANT,
        antecedents_checked_on=date(2026, 1, 2),
        antecedents_result="None.",
    )
    sources.update_source(vault, scope, source, draft)


@pytest.mark.parametrize("version", [2, 3])
def test_sqlite_writes_the_same_bytes_as_python(
    pair: Pair, python_path_counted: list[str], version: int
) -> None:
    ids = [rich_debrief(pair.runner, f"BRON{n}", marker=f"#{n}") for n in range(3)]
    _whole_file(pair)
    sql_records, sql_events = _sql_path(pair, ids, version)
    sql_files = _file_records(pair, python=False)
    assert python_path_counted == []  # SQLite wrote them
    py_records, py_events = _python_path(pair, ids, version)
    assert sql_records == py_records
    assert sql_events == py_events
    assert sql_files == _file_records(pair, python=True)
    assert all(sql_files.values())
    record = canonical.loads(sql_records[0])
    nested = ("attachments", "items") + (("payments", "taskings") if version == 2 else ())
    for part in nested:
        assert record[part], part
    assert ("taskings" in record) is (version == 2)
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
    ("damage", "normalised", "version"),
    [
        # another form of the same moment: Python's reading gives iso_utc text
        (
            "UPDATE debrief SET updated_at = '2026-11-21T08:00:00Z'",
            "2026-11-21T08:00:00.000000Z",
            3,
        ),
        (
            "UPDATE addendum SET created_at = '2026-11-22 09:15:00Z'",
            "2026-11-22T09:15:00.000000Z",
            3,
        ),
        ("UPDATE tasking SET deadline = '20261201'", "2026-12-01", 2),
    ],
)
def test_a_value_in_another_form_takes_the_python_path(
    pair: Pair, python_path_counted: list[str], damage: str, normalised: str, version: int
) -> None:
    debrief_id = rich_debrief(pair.runner)
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "Later: van seen.")
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(text(damage))
    sql_records, _ = _sql_path(pair, [debrief_id], version)
    assert python_path_counted == ["records"]
    assert sql_records == _python_path(pair, [debrief_id], version)[0]
    assert f'"{normalised}"'.encode() in sql_records[0]


def test_a_file_record_in_another_form_takes_the_python_path(
    pair: Pair, python_path_counted: list[str]
) -> None:
    rich_debrief(pair.runner)
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(text("UPDATE tasking SET deadline = '20261201'"))
    sql_files = _file_records(pair, python=False)
    assert python_path_counted == ["file:tasking"]
    assert b'"deadline":"2026-12-01"' in sql_files["tasking"][0]
    assert sql_files == _file_records(pair, python=True)


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

    from app.domain.enums import GradingScheme
    from app.domain.grading import SCHEMES, Grading

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
    # Blank also where only other white space is (no-break, em and ideographic
    # spaces, a file separator): the stored bytes are judged without decoding
    # only where they begin with a letter or digit.
    texts = ("Met at the usual place.", " \n", "", "\u00a0\u2003\u3000\x1c", "\u00e9t\u00e9")
    judged = 0
    for narrative, reflection, item_text in itertools.product(texts, texts, texts):
        for n in range(0, len(gradings), 7):
            items = [(item_text, *gradings[n]), ("Second item.", *gradings[-1 - n])]
            expected = debriefs.content_blockers(
                narrative,
                reflection,
                [(i[0], Grading(GradingScheme(i[1]), *i[2:])) for i in items],
            )
            assert lacks(narrative.encode(), reflection.encode(), items) is bool(expected)
            judged += 1
    assert judged > 1000
    # Both outcomes were seen: a grid that only ever blocks proves nothing.
    assert lacks(b"Text.", b"Reflection.", [("Item.", "3x5x2", "1", "A", "P", "")]) is False
