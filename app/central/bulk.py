"""COPY into the caller's transaction (psycopg 3 under SQLAlchemy): rows as they
come, sent to the server in pieces, text or binary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection


@contextmanager
def copy_in(conn: Connection, sql: str, types: str = "") -> Iterator[Any]:
    """A COPY into the caller's transaction, its rows written one by one (psycopg
    sends them in pieces as they come); ``types`` (PostgreSQL type names) makes it
    binary."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(sql + (" (FORMAT BINARY)" if types else "")) as out:
        if types:
            out.set_types(types.split())
        yield out


def copy(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]], types: str = "") -> None:
    """COPY ``rows`` in; ``types`` (PostgreSQL type names) makes it binary."""
    with copy_in(conn, sql, types) as out:
        for row in rows:
            out.write_row(row)
