"""Indexing many new rows for search at once, inside one write transaction.

The insert triggers of migration 0002 keep ``search_doc`` and ``search_fts`` in
step with every write, but FTS5 flushes its pending terms at each statement
savepoint, and a trigger body runs in one: a bulk insert through them writes one
index segment per row (about 50 µs each; benchmarks/packages.py). ``bulk_index``
drops the four insert triggers for the length of a block, lets the caller register
the rows it inserts, writes their index entries with two bulk statements, and
creates the triggers again from their stored SQL, byte for byte. DDL is
transactional in SQLite: if the block fails, the rollback restores the triggers
as well. Update and delete triggers stay in place throughout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

# (table, kind) of the insert triggers, as migration 0002 names them.
INDEXED = {
    "debrief": "narrative",
    "intelligence_item": "item",
    "subject": "subject",
    "addendum": "addendum",
}
_TRIGGERS = tuple(f"search_{table}_ai" for table in INDEXED)


class SearchSchemaChanged(RuntimeError):
    """The search triggers are not the ones this module knows how to stand in for."""


class BulkIndex:
    """The rows a block inserted, to be indexed as the triggers would have."""

    def __init__(self) -> None:
        self.docs: list[tuple[str, str, str | None, str, str]] = []

    def add(
        self, table: str, ref_id: str, debrief_id: str | None, compartment_id: str, body: str | None
    ) -> None:
        """One inserted row of ``table``; ids as stored (32 hex digits)."""
        self.docs.append((INDEXED[table], ref_id, debrief_id, compartment_id, body or ""))


@contextlib.contextmanager
def bulk_index(raw: Any) -> Iterator[BulkIndex]:
    """``raw``: the DB-API connection of the caller's open write transaction."""
    triggers = raw.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "  # noqa: S608
        f"AND name IN ({','.join('?' for _ in _TRIGGERS)})",
        _TRIGGERS,
    ).fetchall()
    if len(triggers) != len(_TRIGGERS):
        raise SearchSchemaChanged("the search index triggers are missing")
    for name, _sql in triggers:
        raw.execute(f'DROP TRIGGER "{name}"')
    index = BulkIndex()
    try:
        yield index
        if index.docs:
            (top,) = raw.execute("SELECT coalesce(max(doc), 0) FROM search_doc").fetchone()
            docs = range(top + 1, top + 1 + len(index.docs))
            raw.executemany(
                "INSERT INTO search_doc (doc, kind, ref_id, debrief_id, compartment_id) "
                "VALUES (?,?,?,?,?)",
                [(doc, *entry[:4]) for doc, entry in zip(docs, index.docs, strict=True)],
            )
            raw.executemany(
                "INSERT INTO search_fts (rowid, body) VALUES (?,?)",
                [(doc, entry[4]) for doc, entry in zip(docs, index.docs, strict=True)],
            )
    finally:
        # Also after a failure: whoever catches it and commits still has them.
        for name, sql in triggers:
            exists = raw.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).fetchone()
            if exists is None:
                raw.execute(sql)
