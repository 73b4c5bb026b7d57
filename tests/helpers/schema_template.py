"""A vault's schema migrated once per test process and copied into each new vault.

Creating a vault runs every Alembic migration (about 0.8 s); the suite creates
hundreds. The template is made by the real migrations, so a copied vault holds the
same schema and rows; the migrations themselves are still run step by step, up and
down, by tests/test_migrations.py and by the migration tests of each feature."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine

from app.crypto.secret import SecretBytes
from app.vault import migrate
from app.vault.engine import make_engine

_real_upgrade = migrate.upgrade


class SchemaTemplate:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._path: Path | None = None
        self._key = SecretBytes(os.urandom(32))

    def _template(self) -> Path:
        if self._path is None:
            path = self._folder / "schema.db"
            engine = make_engine(path, self._key)
            try:
                _real_upgrade(engine)
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                engine.dispose()
            self._path = path
        return self._path

    def upgrade(self, engine: Engine, target: str = "head") -> None:
        """The real upgrade, except for an empty database brought to the head."""
        if target != "head":
            _real_upgrade(engine, target)
            return
        with engine.connect() as conn:
            empty = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one() == 0
        if not empty:
            _real_upgrade(engine, target)
            return
        template = self._template()
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            key = self._key.get().hex()
            raw.execute(f"ATTACH DATABASE '{template}' AS schema_template KEY \"x'{key}'\"")
            try:
                raw.execute("SELECT sqlcipher_export('main', 'schema_template')")
            finally:
                raw.execute("DETACH DATABASE schema_template")
