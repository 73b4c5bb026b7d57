"""Schema migrations (Alembic) and the encrypted backup taken before them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where it is used: an unlock of an up-to-date vault compares
# revisions with SCHEMA_HEAD only, and every command and the app start faster
# without it (about a fifth of the command line's start-up).

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest revision this code knows; kept here so unlock can compare versions
# without loading every migration script. A test checks it matches Alembic's head.
SCHEMA_HEAD = "0018_management_reports"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


@contextlib.contextmanager
def _foreign_keys_off(conn: Connection) -> Iterator[None]:
    """Foreign keys off while the schema changes, as SQLite's own procedure for
    rebuilding a table asks: with them on, dropping the old copy of a table
    (batch mode) would delete or refuse the rows that refer to it. Set on the
    driver's connection before the migration's transaction begins (inside one,
    SQLite ignores the pragma); on again before the connection goes back."""
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        conn.rollback()  # nothing is left open once the step is committed or failed
        raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(conn: Connection) -> None:
    """Every reference still points at a row, as before the step; else nothing
    is committed."""
    if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
        raise RuntimeError("a schema step left a reference without its row")


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.connect() as conn, _foreign_keys_off(conn):
        command.upgrade(alembic_config(conn), target)
        _check_foreign_keys(conn)
        conn.commit()


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.connect() as conn, _foreign_keys_off(conn):
        command.downgrade(alembic_config(conn), target)
        _check_foreign_keys(conn)
        conn.commit()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
