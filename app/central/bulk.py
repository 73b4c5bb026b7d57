"""COPY into the caller's transaction (psycopg 3 under SQLAlchemy): rows as they
come, sent to the server in pieces, text or binary; a COPY may be ended without
waiting for its result (``EndLater``), which is read before the next statement
(``settle``): the server finishes it (and its statement's triggers) meanwhile."""

from __future__ import annotations

import select
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from psycopg import errors, pq
from psycopg.copy import LibpqWriter
from sqlalchemy import Connection


class EndLater(LibpqWriter):
    """Ends its COPY without waiting for the result while ``later`` is set (the
    caller then ``settle``s it before the next statement); an exception ends it
    at once as failed, and without ``later`` it ends as any COPY does."""

    later = False

    def finish(self, exc: BaseException | None = None) -> None:
        if exc is not None or not self.later:
            super().finish(exc)
            return
        pgconn = self.connection.pgconn
        while pgconn.put_copy_end() == 0:
            _wait(pgconn, write=True)
        while pgconn.flush() != 0:
            _wait(pgconn, write=True)


def _wait(pgconn: pq.abc.PGconn, *, write: bool) -> None:
    poll = select.poll()
    poll.register(pgconn.socket, select.POLLOUT if write else select.POLLIN)
    poll.poll()


def settle(pgconn: pq.abc.PGconn, encoding: str, *, block: bool) -> bool:
    """Whether the result of a COPY ended by ``EndLater`` has come, read whole
    (raised if the server refused the COPY); without ``block``, never waits."""
    failed: errors.Error | None = None
    while True:
        pgconn.consume_input()
        while pgconn.is_busy():
            if not block and failed is None:
                return False
            _wait(pgconn, write=False)
            pgconn.consume_input()
        result = pgconn.get_result()
        if result is None:
            break
        if result.status != pq.ExecStatus.COMMAND_OK and failed is None:
            failed = errors.error_from_result(result, encoding=encoding)
    if failed is not None:
        raise failed
    return True


@contextmanager
def copy_in(conn: Connection, sql: str, types: str = "", writer: Any = None) -> Iterator[Any]:
    """A COPY into the caller's transaction, its rows written one by one (psycopg
    sends them in pieces as they come); ``types`` (PostgreSQL type names) makes it
    binary; ``writer``: an ``EndLater`` class, or psycopg's own."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur:
        sql += " (FORMAT BINARY)" if types else ""
        with cur.copy(sql, writer=writer(cur) if writer else None) as out:
            if types:
                out.set_types(types.split())
            yield out


def copy(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]], types: str = "") -> None:
    """COPY ``rows`` in; ``types`` (PostgreSQL type names) makes it binary."""
    with copy_in(conn, sql, types) as out:
        for row in rows:
            out.write_row(row)
