"""The bulk statements of a package import: ids as the vault stores them, the raw
connection the rows go through, which ids a table holds already (one statement for
any number of ids), and the INSERT and upsert texts built from column lists.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session


def hex_id(text: str) -> str:
    """``uuid.UUID(text).hex`` of an id in a checked record: ``package_validation``
    accepts ids only in the form ``str(uuid)`` gives (lowercase, dashed)."""
    return text.replace("-", "")


def raw_connection(session: Session) -> Any:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return raw


def execute_many(session: Session, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        raw_connection(session).executemany(sql, rows)


def held_in(session: Session, table: str, ids: list[str]) -> list[tuple[str, str]]:
    """(id, compartment id) of the rows of ``table`` among ``ids`` (hex), in one
    statement: the ids go in as one JSON array, so no chunking to SQLite's limit
    on bound values. CROSS JOIN keeps the list as the outer loop, one index probe
    per id (left to itself, the planner may scan the table once per id)."""
    if not ids:
        return []
    sql = f"SELECT t.id, t.compartment_id FROM json_each(?) AS j CROSS JOIN {table} AS t "  # noqa: S608
    sql += "ON t.id = j.value"
    rows: list[tuple[str, str]] = (
        raw_connection(session).execute(sql, (orjson.dumps(ids).decode(),)).fetchall()
    )
    return rows


def held_with_owner(
    session: Session, table: str, column: str | None, ids: list[str]
) -> list[tuple[str, str, str | None]]:
    """(id, compartment id, ``column``) of the rows of ``table`` among ``ids`` (hex),
    as ``held_in`` (``table`` and ``column`` are fixed names of the caller's; no
    ``column``: None in its place)."""
    if not ids:
        return []
    owner = f"t.{column}" if column else "NULL"
    sql = f"SELECT t.id, t.compartment_id, {owner} FROM json_each(?) AS j "  # noqa: S608
    sql += f"CROSS JOIN {table} AS t ON t.id = j.value"
    rows: list[tuple[str, str, str | None]] = (
        raw_connection(session).execute(sql, (orjson.dumps(ids).decode(),)).fetchall()
    )
    return rows


def in_chunks(session: Session, what: Any, column: Any, values: Sequence[Any]) -> list[Any]:
    """``select(what).where(column.in_(values))``, 500 values at a time (SQLite
    limits the number of bound values in one statement)."""
    out: list[Any] = []
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        out += session.execute(select(what).where(column.in_(chunk))).scalars()
    return out


def insert_sql(columns: tuple[str, ...], table: str, verb: str = "") -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT {verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608


_REVIEW = ("status", "reviewed_at", "reviewer_alias_id", "review_comment")
# The handler's own review of a debrief (approved or returned here) outlives a newer
# version the runner sent before learning of it: the runner's vault still says
# "submitted". A submission made after the review (answering a return) wins.
_KEEP_REVIEW = (
    "debrief.status IN ('approved', 'returned') AND debrief.reviewed_at IS NOT NULL "
    "AND excluded.status = 'submitted' "
    "AND (excluded.submitted_at IS NULL OR excluded.submitted_at <= debrief.reviewed_at)"
)


@functools.cache
def debrief_upsert_sql(columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO debrief ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT(id) DO UPDATE SET "
        + ", ".join(
            f"{c} = CASE WHEN {_KEEP_REVIEW} THEN debrief.{c} ELSE excluded.{c} END"
            if c in _REVIEW
            else f"{c} = excluded.{c}"
            for c in columns
            if c != "id"
        )
    )


@functools.cache
def upsert_sql(table: str, columns: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """Insert, or update every column but the id; the columns in ``keep`` keep
    their value where the new one is null."""
    updates = ", ".join(
        f"{c} = coalesce(excluded.{c}, {table}.{c})" if c in keep else f"{c} = excluded.{c}"
        for c in columns
        if c != "id"
    )
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
