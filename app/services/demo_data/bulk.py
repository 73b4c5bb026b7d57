"""Bulk writes for the demo generator: DB-API inserts, the search index held for
one merge at the end, and audit events as rows."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.services.demo_data.seeded import ts
from app.vault import search_bulk
from app.vault.vault import Vault


def insert(
    session: Session, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    if not rows:
        return
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    marks = ", ".join("?" for _ in columns)
    raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608 - fixed identifiers
    rows.clear()


@contextlib.contextmanager
def index_in_bulk(vault: Vault) -> Iterator[None]:
    """FTS5 merges its index segments as rows arrive (``automerge``); for a bulk load
    it is cheaper to merge once at the end (``optimize``). The setting is stored in
    the index, so it is put back whatever happens."""
    with vault.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)"
        )
    try:
        yield
    finally:
        with vault.write() as session:
            conn = session.connection()
            conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            conn.exec_driver_sql(
                "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)",
                (search_bulk.AUTOMERGE,),
            )


AUDIT_COLS = (
    "seq",
    "at",
    "actor_alias_id",
    "actor",
    "action",
    "record_type",
    "record_id",
    "compartment_id",
    "detail",
    "prev_hash",
    "hash",
)


def audit_row(e: Any) -> tuple[Any, ...]:
    return (
        e.seq,
        ts(e.at),
        e.actor_alias_id.hex if e.actor_alias_id else None,
        e.actor,
        e.action,
        e.record_type,
        e.record_id,
        e.compartment_id.hex if e.compartment_id else None,
        e.detail,
        e.prev_hash,
        e.hash,
    )
