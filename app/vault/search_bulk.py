"""Indexing many new rows for search at once, inside one write transaction.

The insert triggers of migration 0002 keep ``search_doc`` and ``search_fts`` in
step with every write, but FTS5 flushes its pending terms at each statement
savepoint, and a trigger body runs in one: a bulk insert through them writes one
index segment per row (about 50 µs each; benchmarks/packages.py). ``bulk_index``
drops the four insert triggers for the length of a block, lets the caller register
the rows it inserts, writes their index entries with two bulk statements (while
the caller's other Python work, ``meanwhile``, runs beside them), and creates the
triggers again from their stored SQL, byte for byte. DDL is
transactional in SQLite: if the block fails, the rollback restores the triggers
as well. Update and delete triggers stay in place throughout.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import orjson
import sqlcipher3

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
def bulk_index(raw: Any, meanwhile: Callable[[], object] | None = None) -> Iterator[BulkIndex]:
    """``raw``: the DB-API connection of the caller's open write transaction.
    ``meanwhile``: Python work that does not touch the database, run while the
    index entries are written (``_write_entries``); its exception is raised once
    they are, and the block fails with it."""
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
        _write_entries(raw, index.docs, meanwhile)
    finally:
        # Also after a failure: whoever catches it and commits still has them.
        for name, sql in triggers:
            exists = raw.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).fetchone()
            if exists is None:
                raw.execute(sql)


# Entries per statement: at most this many characters of text (SQLite takes a
# bound value of at most a billion bytes, and a body may be almost all text).
CHUNK_CHARS = 32 * 1024 * 1024


def _chunks(docs: Sequence[tuple[str, str, str | None, str, str]], top: int) -> Iterator[list[Any]]:
    """The entries numbered from ``top + 1``, in runs of at most ``CHUNK_CHARS``
    characters of text (at least one entry each)."""
    run: list[Any] = []
    size = 0
    for n, entry in enumerate(docs, start=top + 1):
        if run and size + len(entry[4]) > CHUNK_CHARS:
            yield run
            run, size = [], 0
        run.append((n, *entry))
        size += len(entry[4])
    if run:
        yield run


def _write_entries(
    raw: Any,
    docs: list[tuple[str, str, str | None, str, str]],
    meanwhile: Callable[[], object] | None,
) -> None:
    """The entries in two statements per run of them (``_chunks``), each run's
    rows handed over as one JSON array: SQLite lets go of the GIL for the whole
    of a statement (not between the rows of an ``executemany``), so ``meanwhile``
    runs beside them on the other core, in this thread, while they are written in
    another."""
    if not docs:
        if meanwhile is not None:
            meanwhile()
        return
    (top,) = raw.execute("SELECT coalesce(max(doc), 0) FROM search_doc").fetchone()

    def write() -> None:
        for run in _chunks(docs, top):
            raw.execute(
                "INSERT INTO search_doc (doc, kind, ref_id, debrief_id, compartment_id) "
                "SELECT value->>0, value->>1, value->>2, value->>3, value->>4 "
                "FROM json_each(?)",
                (orjson.dumps([r[:5] for r in run]).decode(),),
            )
            raw.execute(
                "INSERT INTO search_fts (rowid, body) SELECT value->>0, value->>1 "
                "FROM json_each(?)",
                (orjson.dumps([(r[0], r[5]) for r in run]).decode(),),
            )

    if meanwhile is None:
        write()
    else:
        beside(write, meanwhile)


def beside(background: Callable[[], object], foreground: Callable[[], object]) -> None:
    """``background`` in a thread of its own while ``foreground`` runs in this one;
    returns when both are done (also when interrupted while waiting: the thread
    works in the caller's transaction, which must not end before it does). Raises
    the foreground's exception if it had one, unless the background hit a database
    fault (damage, a full disk: it must reach the caller's error handling), else
    the background's."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            background()
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="veldboek-beside", daemon=True)
    thread.start()
    try:
        foreground()
    except BaseException as exc:
        _wait(thread)
        if failed and _database_fault(failed[0]):
            raise failed[0] from exc
        raise
    if _wait(thread):
        raise KeyboardInterrupt
    if failed:
        raise failed[0]


def _wait(thread: threading.Thread) -> bool:
    """Until ``thread`` ends, Ctrl-C or not; whether it was pressed meanwhile."""
    interrupted = False
    while thread.is_alive():
        try:
            thread.join()
        except KeyboardInterrupt:
            interrupted = True
    return interrupted


def _database_fault(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.Error) and not isinstance(exc, sqlcipher3.IntegrityError)


# FTS5's own default: merge once 4 segments of a level exist.
AUTOMERGE = 4


def restore_merging(raw: Any) -> None:
    """Put back the index's automatic merging if a bulk load (the demo generator)
    was killed before it could: the setting is stored in the index, and without it
    every later write adds a segment that search must read."""
    row = raw.execute("SELECT v FROM search_fts_config WHERE k = 'automerge'").fetchone()
    if row is not None and row[0] == 0:
        raw.execute(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)", (AUTOMERGE,)
        )
