"""Schema migrations (Alembic) and the encrypted backup taken before them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest revision this code knows; kept here so unlock can compare versions
# without loading every migration script. A test checks it matches Alembic's head.
SCHEMA_HEAD = "0011_sent_format"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), target)
        conn.commit()


def downgrade(engine: Engine, target: str) -> None:
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), target)
        conn.commit()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
