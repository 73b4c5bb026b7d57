"""Every migration walks up and down, on an empty and on a filled vault; the models
and the migrated schema agree; landed migrations are never edited; unlock migrates
an old vault after taking an encrypted backup."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, Integer, MetaData, inspect

from app.models import Base
from app.services.admin import aliases
from app.services.records import debriefs, search
from app.vault import migrate
from app.vault.engine import make_engine
from app.vault.vault import Vault
from tests.helpers import factory

VERSIONS = migrate.MIGRATIONS_DIR / "versions"

# A migration that has landed is history: vaults out there were built by exactly
# this code, so it is never edited again; a change is a new revision. Add a new
# revision's hash here when it lands (line endings normalised to LF).
LANDED_MIGRATIONS = {
    "0001_initial.py": "14c1be9734e183398d3140621106d274d0cdd83712bc219d84baeb2fcbb8fa20",
    "0002_search.py": "be10604cd69a6c927989bccf8c980446fb56ee0bc833f8486ddb9d275acc2377",
    "0003_packages.py": "11800c05b8466b06099554a642a95ef5ee16a9bd6d87493bde0b9ffe75c0e256",
    "0004_reports.py": "14c2f93e9da0cf85c23d12fea078e9f0e5014b8b32abd9f132f521ab7b78e8b1",
    "0005_packages.py": "083f7a04717d5dafd71de0a891fe8ac99fa51120cd38230222536df30b7a5343",
    "0006_search_backfill.py": "d7ea61b6da6a88e7fa1315a8d2f7e166fcb9a8fadb5a61283a2f263ada6b31c6",
    "0007_lean_imports.py": "cd1a41f5012ecd5c80fd849275c450f57fb615601e7b7e0ff491b32f3ead80f8",
    "0008_package_evidence.py": "dbe627e609462394c0b3691d84188613ff35e7ddc47f5bc32c84e98ca67aeb4f",
    "0009_outgoing_copies.py": "da907d5d158aa05acada272318cfd301bc9513384f3e011a89872f9064a4def5",
    "0010_name_keys.py": "d388cf7fb58385035a28327d16dca609ef6f957c6bf0f695976b7c4620221bd9",
    "0011_sent_format.py": "938008549da5db6cae073c8c72c503fae3d8a55c7481ee5eabde78ac0903ce97",
    "0012_shared_codenames.py": "457482243086d0008b33c83597649983c9649a2c12609850d6d5ff0aeb10e002",
    "0013_closing.py": "2c4d02a17eec93187161fe82b3fdb92c5bb2b4af9bc319db64ed4a2d066cb247",
    "0014_handover.py": "e8e8e335b17d6231b5d8fee63669af00ae4eed3cc2ea485ae4e67873eed79165",
    "0015_deconfliction.py": "2bf29b601ca2d7a8c4acdfc0032cb1de4c374baf78398eeb8043557d8fd54518",
    "0016_deconfliction_notices.py": (
        "cf6e6555e3eace483550a89cc574192bac2145ce0058789b0d9d494a6162e767"
    ),
    "0017_sent_tokens.py": "3729a41deb76d9b9754e1f72db508d675455112176adf1bdd9379de542b43564",
    "0018_management_reports.py": (
        "3a473a714b3012e4d6a360f146082023036a82a0301c5a02df154735af033ae3"
    ),
}


def test_landed_migrations_are_never_edited() -> None:
    found = {
        path.name: hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
        for path in sorted(VERSIONS.glob("*.py"))
        if path.name != "__init__.py"
    }
    edited = sorted(
        name for name in LANDED_MIGRATIONS if found.get(name) != LANDED_MIGRATIONS[name]
    )
    assert edited == [], f"landed migrations changed or removed (add a new revision): {edited}"
    new = sorted(set(found) - set(LANDED_MIGRATIONS))
    assert new == [], f"pin the SHA-256 of new migrations in LANDED_MIGRATIONS: {new}"


def _tables(vault: Vault) -> set[str]:
    with vault.engine().connect() as conn:
        return set(inspect(conn).get_table_names())


def _is_hand_made(name: str | None) -> bool:
    # FTS5 and its bookkeeping are written in SQL by 0002_search, not modelled.
    return name is not None and name.startswith("search_")


def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and _is_hand_made(name))


def _model_differences(conn: Connection, metadata: MetaData) -> list[Any]:
    context = MigrationContext.configure(
        conn,
        opts={
            "compare_type": True,
            "compare_server_default": True,
            "include_object": _include,
            "target_metadata": metadata,
        },
    )
    return list(compare_metadata(context, metadata))


def test_models_match_the_migrated_schema(vault: Vault) -> None:
    with vault.engine().connect() as conn:
        assert _model_differences(conn, Base.metadata) == []
        # The comparison does see a difference when there is one.
        altered = MetaData(naming_convention=Base.metadata.naming_convention)
        for table in Base.metadata.tables.values():
            table.to_metadata(altered)
        altered.tables["debrief"].append_column(Column("not_migrated", Integer))
        assert any("not_migrated" in repr(diff) for diff in _model_differences(conn, altered))


@dataclass(frozen=True)
class SchemaState:
    revision: str | None
    schema: dict[str, Any]
    rows: dict[str, int]


def _state(engine: Any) -> SchemaState:
    """The schema as SQLite reports it (columns, indexes, keys, triggers, virtual
    tables) and the row count of every table."""
    with engine.connect() as conn:
        insp = inspect(conn)
        schema: dict[str, Any] = {}
        rows: dict[str, int] = {}
        for table in sorted(insp.get_table_names()):
            schema[table] = (
                [
                    (c["name"], str(c["type"]), c["nullable"], c["default"])
                    for c in insp.get_columns(table)
                ],
                sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in insp.get_indexes(table)
                ),
                sorted(
                    (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"])
                    for fk in insp.get_foreign_keys(table)
                ),
                sorted(
                    (u["name"], tuple(u["column_names"]))
                    for u in insp.get_unique_constraints(table)
                ),
            )
            rows[table] = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'trigger' OR sql LIKE 'CREATE VIRTUAL%'"
        ):
            schema[f"sql:{name}"] = " ".join(sql.split())
        return SchemaState(migrate.current_revision(conn), schema, rows)


def _steps() -> list[tuple[str, str | None]]:
    """(revision, the one below it), newest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    steps = []
    for rev in script.walk_revisions():
        down = rev.down_revision
        assert down is None or isinstance(down, str), "the history has no merges"
        steps.append((rev.revision, down))
    return steps


def test_schema_head_constant_matches_alembic() -> None:
    assert migrate.script_head() == migrate.SCHEMA_HEAD
    assert migrate.SCHEMA_HEAD in migrate.known_revisions()


def test_empty_vault_walks_down_to_base_and_back(vault: Vault) -> None:
    engine = vault.engine()
    head = _state(engine)
    migrate.downgrade(engine, "base")
    assert _tables(vault) <= {"alembic_version"}
    migrate.upgrade(engine)
    again = _state(engine)
    assert again.revision == migrate.SCHEMA_HEAD
    assert again.schema == head.schema


def _fill(vault: Vault) -> None:
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    source = factory.source(vault, scope)
    factory.contact(vault, scope, source)
    debrief = factory.debrief(vault, scope, source, items=(factory.graded_item(),), submit=True)
    debriefs.add_addendum(vault, scope, debrief, "An addendum that must survive.")


@pytest.mark.slow
def test_filled_vault_walks_every_step(vault: Vault) -> None:
    _fill(vault)
    engine = vault.engine()
    head = _state(engine)
    assert head.rows["debrief"] == 1
    assert head.rows["search_doc"] >= 3  # narrative, item, addendum
    steps = _steps()
    assert steps[0][0] == migrate.SCHEMA_HEAD
    assert len(steps) == len(LANDED_MIGRATIONS)
    for revision, below in steps:
        at = _state(engine)
        assert at.revision == revision
        # One step down: the revision is gone, every table that remains keeps its rows.
        migrate.downgrade(engine, below or "base")
        down = _state(engine)
        assert down.revision == below
        kept = [t for t in down.rows if t != "alembic_version"]
        assert {t: down.rows[t] for t in kept} == {t: at.rows[t] for t in kept}
        # And up again: exactly the schema it had, and still the same rows.
        migrate.upgrade(engine, revision)
        again = _state(engine)
        assert again.revision == revision
        assert again.schema == at.schema
        assert {t: again.rows[t] for t in kept} == {t: down.rows[t] for t in kept}
        migrate.downgrade(engine, below or "base")  # on to the next step
    assert _tables(vault) <= {"alembic_version"}
    # Base to head rebuilds the head schema exactly, as the models describe it.
    migrate.upgrade(engine, "head")
    rebuilt = _state(engine)
    assert rebuilt.revision == migrate.SCHEMA_HEAD
    assert rebuilt.schema == head.schema
    with engine.connect() as conn:
        assert _model_differences(conn, Base.metadata) == []


def test_unlock_migrates_an_old_vault_after_an_encrypted_backup(vault_dir: Path) -> None:
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.source(vault, scope, "OUDE")
        migrate.downgrade(vault.engine(), "0001_initial")
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        with vault.engine().connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
        backups = list((vault_dir / "backups").glob("vault-0001_initial-*.db"))
        assert len(backups) == 1
        data = backups[0].read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert b"OUDE" not in data
        # The backup opens with the same key and holds the pre-migration schema.
        engine = make_engine(backups[0], vault._db_key)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0001_initial"
            assert conn.exec_driver_sql("SELECT codename FROM source").scalar() == "OUDE"
        engine.dispose()


def test_records_written_before_the_search_index_are_found_after_migrating(
    vault_dir: Path,
) -> None:
    # Records that were in the vault when the search index was created (downgrading
    # to the first schema drops the index and keeps the rows).
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, "VOORHEEN")
        factory.debrief(vault, scope, source, narrative="Een oude melding over de veerpont.")
        migrate.downgrade(vault.engine(), "0001_initial")
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        hits = search.search(vault, scope, "veerpont")
        assert [h.codename for h in hits] == ["VOORHEEN"]
        assert search.search(vault, scope, "Bakker")  # the item's subject, too
