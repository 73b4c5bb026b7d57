"""Alembic environment of the central store: runs only on a connection handed in
by app.central.schema.migrate (the caller's login, never a URL from a file)."""

from __future__ import annotations

from alembic import context

from app.central.schema.migrate import VERSION_TABLE


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("central migrations run only through app.central.schema.migrate")
    context.configure(
        connection=connection,
        target_metadata=None,
        version_table=VERSION_TABLE,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
