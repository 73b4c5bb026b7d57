"""Schema migrations (Alembic) and the encrypted backup taken before them."""

from __future__ import annotations

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
SCHEMA_HEAD = "0010_name_keys"


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


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), target)
        conn.commit()


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), target)
        conn.commit()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
