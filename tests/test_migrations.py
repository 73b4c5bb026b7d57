"""Every migration walks up and down, on an empty and on a filled vault; unlock
migrates an old vault after taking an encrypted backup."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from app.services import aliases
from app.vault import migrate
from app.vault.engine import make_engine
from app.vault.vault import Vault
from tests import factory


def _tables(vault: Vault) -> set[str]:
    with vault.engine().connect() as conn:
        return set(inspect(conn).get_table_names())


def test_schema_head_constant_matches_alembic() -> None:
    assert migrate.script_head() == migrate.SCHEMA_HEAD
    assert migrate.SCHEMA_HEAD in migrate.known_revisions()


def test_empty_vault_walks_down_to_base_and_back(vault: Vault) -> None:
    engine = vault.engine()
    migrate.downgrade(engine, "base")
    assert _tables(vault) <= {"alembic_version"}
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
    assert {"debrief", "search_fts", "audit_event"} <= _tables(vault)


def test_filled_vault_walks_every_step(vault: Vault) -> None:
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    source = factory.source(vault, scope)
    factory.debrief(vault, scope, source)
    engine = vault.engine()
    revisions = [r for r in migrate.known_revisions() if r != migrate.SCHEMA_HEAD]
    # Down one step at a time, then up again, keeping the rows of the first tables.
    migrate.downgrade(engine, "0001_initial")
    assert "search_fts" not in _tables(vault)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM debrief").scalar()
    assert count == 1
    migrate.downgrade(engine, "base")
    migrate.upgrade(engine, "head")
    assert revisions  # there is more than one revision to walk


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
