"""One declaration per record type that travels (app/models/wire.py): every column
of every table is declared or listed as local with its reason, every declared
column exists and has the declared nature, and the format document's field tables
are the declarations (tools/package_doc.py)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Column, MetaData, String, Table

import app.models  # noqa: F401 - every table registered
from app.export import manifest
from app.models import Base
from app.models import wire as w

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("package_doc", ROOT / "tools" / "package_doc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unaccounted(
    tables: Iterable[Table],
    record_types: Iterable[w.RecordType],
    local_tables: dict[str, str],
) -> list[str]:
    """``table.column`` of every column no record type declares and none lists as
    local, and every table that is neither carried nor listed as local."""
    declared: dict[str, set[str]] = {}
    for rt in record_types:
        if rt.name in w.PROJECTIONS:
            continue
        table = rt.model.__tablename__
        declared.setdefault(table, set()).update(rt.columns(), rt.local)
    out = []
    for table in tables:
        if table.name in local_tables:
            continue
        if table.name not in declared:
            out.append(f"{table.name} (a table neither carried nor local)")
            continue
        out += [
            f"{table.name}.{c.name}" for c in table.columns if c.name not in declared[table.name]
        ]
    return sorted(out)


def test_every_column_is_declared_or_local() -> None:
    assert unaccounted(Base.metadata.tables.values(), w.RECORD_TYPES.values(), w.LOCAL_TABLES) == []


def test_a_new_column_nobody_declared_is_found() -> None:
    # The check itself: a contact table with one column more than the declaration.
    metadata = MetaData()
    contact = Base.metadata.tables["contact"]
    grown = Table(
        "contact",
        metadata,
        *(Column(c.name, c.type) for c in contact.columns),
        Column("weather", String()),
    )
    new_table = Table("source_closure", metadata, Column("id", String()))
    assert unaccounted([grown, new_table], w.RECORD_TYPES.values(), w.LOCAL_TABLES) == [
        "contact.weather",
        "source_closure (a table neither carried nor local)",
    ]


def test_the_true_identity_never_travels() -> None:
    assert "true_identity" in w.LOCAL_TABLES
    carried = {rt.model.__tablename__ for rt in w.RECORD_TYPES.values()}
    assert "true_identity" not in carried


@pytest.mark.parametrize("rt", list(w.RECORD_TYPES.values()), ids=lambda rt: rt.name)
def test_declared_columns_exist_and_agree_with_the_model(rt: w.RecordType) -> None:
    table = rt.model.__table__
    for column in rt.columns() | set(rt.local):
        assert column in table.columns, f"{rt.name}: {column}"
    for f in rt.members:
        if not isinstance(f, w.Field) or f.column is None:
            continue
        column = table.columns[f.column]
        # "" stands for none in these; a projection (a review) is of reviewed rows only.
        if not (f.empty_for_none or f.wire is w.Wire.HEX_ID or rt.name in w.PROJECTIONS):
            assert f.nullable == column.nullable, f"{rt.name}.{f.name}"
        if f.by_alias:
            assert {fk.column.table.name for fk in column.foreign_keys} == {"alias"}


def test_local_columns_are_not_also_declared() -> None:
    for rt in w.RECORD_TYPES.values():
        assert not (set(rt.local) & rt.columns()), rt.name


def test_the_manifest_names_the_declared_record_types() -> None:
    assert manifest.RECORD_TYPES[2] == ("debrief",)
    assert manifest.RECORD_TYPES[3] == (*w.FILE_RECORDS, "debrief")
    assert all(w.RECORD_TYPES[t].versioned for t in manifest.RECORD_TYPES[3])
    assert manifest.VERSION == w.CURRENT == max(w.VERSIONS)


def test_the_format_document_holds_the_declared_field_tables() -> None:
    tool = _tool()
    text = (ROOT / "docs" / "package-format.md").read_text(encoding="utf-8")
    assert tool.render(text) == text, "run tools/package_doc.py"
    carried = {rt.name for rt in w.RECORD_TYPES.values()}
    assert tool.tables_in(text) == carried


def test_a_changed_declaration_changes_the_document() -> None:
    tool = _tool()
    text = (ROOT / "docs" / "package-format.md").read_text(encoding="utf-8")
    changed = w.RecordType(
        "contact",
        w.CONTACT.model,
        (*w.CONTACT.members, w.Field("weather", w.Wire.TEXT, "weather", since=4)),
    )
    assert "`weather`" in tool.table(changed)
    assert "`weather`" not in text


def test_a_record_is_compared_in_an_older_format_only_where_the_newer_adds_nothing() -> None:
    # Format 3 takes a debrief's taskings and payments out of it and adds nothing:
    # a debrief sent in a version 2 package is unchanged if its version 2 form is.
    assert w.only_leaves_out("debrief", 2, 3)
    assert w.only_leaves_out("debrief", 3, 3)
    # A tasking of format 3 has fields format 2 did not write: compared anew.
    assert not w.only_leaves_out("tasking", 2, 3)
    assert not w.only_leaves_out("payment", 2, 3)
