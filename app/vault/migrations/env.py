"""Alembic environment: always runs on a connection handed in by app.vault.migrate,
never on a URL, so migrations use the already keyed SQLCipher connection."""

from __future__ import annotations

from typing import Any

from alembic import context

from app.models import Base

# Tables managed by hand-written SQL in migrations (FTS5 and its bookkeeping);
# autogenerate must not try to drop them.
_UNMANAGED_PREFIXES = ("search_",)


def _include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(_UNMANAGED_PREFIXES))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Veldboek migrations run only through app.vault.migrate")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        include_object=_include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
