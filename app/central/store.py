"""Opening the central store: an engine for a place, its errors mapped to one
line, and the schema brought up to date."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.central import place as places
from app.central.errors import (
    CentralError,
    CentralNotFound,
    CentralStorageFull,
)
from app.central.place import Place
from app.central.schema import migrate

# SQLSTATE classes: 53 = insufficient resources (53100 disk full), 08 = connection,
# 57P = the server shut down (admin or crash).
_DISK_FULL = "53100"


def sqlstate(exc: BaseException) -> str:
    """The SQLSTATE of a database error, raised by SQLAlchemy or by psycopg itself
    (COPY runs on the driver's connection)."""
    return str(getattr(getattr(exc, "orig", exc), "sqlstate", None) or "")


def map_error(place: Place, exc: BaseException) -> CentralError | None:
    """The user's line for a database error that is not a bug, else None."""
    state = sqlstate(exc)
    if state == _DISK_FULL:
        return CentralStorageFull("The database server's disk is full; nothing was stored.")
    if state.startswith("40"):
        return None  # a race with another transaction: the caller may try again
    import psycopg  # only when there is an error to look at: the CLI's start stays light

    operational = isinstance(exc, OperationalError | psycopg.OperationalError)
    if operational or state.startswith(("08", "57P")):
        return places.unavailable(place, exc)
    return None


@contextmanager
def mapped(place: Place) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        # Errors of SQLAlchemy, or of psycopg itself (COPY runs on its connection).
        if not database_error(exc):
            raise
        mapped_error = map_error(place, exc)
        if mapped_error is None:
            raise
        raise mapped_error from None


def database_error(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError):
        return True
    import psycopg

    return isinstance(exc, psycopg.Error)


class Store:
    """One central store: ``begin()`` a transaction as the administrator."""

    def __init__(self, place: Place) -> None:
        self.place = place
        self.engine: Engine = places.engine(place)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with mapped(self.place), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with mapped(self.place), self.engine.connect() as conn:
            yield conn

    def check_schema(self) -> None:
        """Refuse a database that is not a central store at this code's schema."""
        with self.connect() as conn:
            current = migrate.current_revision(conn)
        if current is None:
            raise CentralNotFound(
                "This database holds no central system (run `veldboek central init`)."
            )
        if current != migrate.script_head():
            raise CentralError(
                "The central store's schema is {found}, this Veldboek's is {wanted}: run "
                "`veldboek central upgrade`.",
                found=current,
                wanted=migrate.script_head(),
            )

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def opened(place: Place, *, check: bool = True) -> Iterator[Store]:
    store = Store(place)
    try:
        if check:
            store.check_schema()
        yield store
    finally:
        store.close()


def ping(conn: Connection) -> None:
    conn.execute(text("SELECT 1"))
