"""SQLCipher connections and the SQLAlchemy engine over them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool
from sqlalchemy.types import DateTime

from app.crypto.secret import SecretBytes
from app.errors import DatabaseCorrupt, VaultBusy
from app.vault import checkpoint
from app.vault.db_errors import database_error, no_room, no_room_to_open

# Documented and measured in docs/security.md: zeroing every freed buffer costs
# more than it protects, because Python already keeps copies of fetched rows.
CIPHER_MEMORY_SECURITY = False
BUSY_TIMEOUT_SECONDS = 10.0
# Decrypted pages kept per connection (KiB). SQLCipher decrypts every page it
# reads from the file; with SQLite's 2 MB default, a search over 100,000 debriefs
# re-decrypts the same index pages on each query and runs several times slower
# than on plain SQLite. 32 MB holds the hot index pages; it is freed on lock.
PAGE_CACHE_KIB = 32 * 1024


UNTYPED_TIME = (
    "a time was bound without its column's type: it would not compare with the stored "
    "ones (bind it with the column's type, e.g. app.dal.keyset)"
)


class _UntypedDateTime(DateTime):
    """What the engine makes of a datetime bound without a column's type (a bare
    value in ``tuple_``, ``literal``, a function's arguments): refused, not rendered
    as SQLAlchemy's default ``2026-03-04 10:00:00``, which sorts before every time
    the vault stores that day (``2026-03-04T10:00:00.000000Z``, UTCDateTime)."""

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        def refuse(value: Any) -> Any:
            if value is None:
                return None
            raise TypeError(UNTYPED_TIME)

        return refuse


def _refuse_raw_datetime(value: datetime) -> str:
    raise TypeError(UNTYPED_TIME)


# The driver's own rendering of a datetime (``2026-03-04 10:00:00+00:00``, for a
# value passed straight to a raw statement) would mismatch the same way.
sqlcipher3.register_adapter(datetime, _refuse_raw_datetime)


def refuse_untyped_times(engine: Engine) -> None:
    """Make ``engine`` refuse a datetime bound without its column's type."""
    engine.dialect.colspecs = {**engine.dialect.colspecs, DateTime: _UntypedDateTime}


def _key_pragma(key: SecretBytes) -> str:
    # A raw 256-bit key skips SQLCipher's own PBKDF2: the key is already random.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_raw(
    db_path: Path,
    key: SecretBytes,
    *,
    memory_security: bool = CIPHER_MEMORY_SECURITY,
    auto_checkpoint: bool = True,
) -> Any:
    """Open one keyed connection with Veldboek's pragmas and prove the key is right.
    ``auto_checkpoint=False``: commits never checkpoint (an unlocked vault's
    connections; its ``checkpoint.Checkpointer`` does it in the background)."""
    conn = sqlcipher3.connect(
        str(db_path),
        timeout=BUSY_TIMEOUT_SECONDS,
        check_same_thread=False,  # pooled; SQLAlchemy hands a connection to one thread at a time
        isolation_level=None,  # transactions are begun explicitly (see make_engine)
    )
    try:
        # SQLCipher logs decryption failures to stderr by itself; Veldboek reports
        # them as one clear error instead. (The level is process-wide.)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
        # Reading the schema is the first access that decrypts a page: a wrong key
        # or a damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # Sorts, temp indexes and temp tables in RAM: otherwise SQLite may spill
        # plaintext into unencrypted temp files.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed transaction survives power loss, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        if not auto_checkpoint:
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            conn.execute(f"PRAGMA journal_size_limit = {checkpoint.THRESHOLD_BYTES}")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlcipher3.OperationalError) and no_room(db_path.parent):
            # The WAL cannot be made: a full disk, not a damaged file.
            raise no_room_to_open() from exc
        busy = database_error(exc)
        if isinstance(busy, VaultBusy):
            # Another process held the file past the busy timeout: not damage.
            raise busy from exc
        raise DatabaseCorrupt(
            "The vault database cannot be decrypted: it is damaged, truncated or does not "
            "belong to this header."
        ) from exc
    return conn


def make_engine(db_path: Path, key: SecretBytes, *, auto_checkpoint: bool = True) -> Engine:
    def creator() -> Any:
        return connect_raw(db_path, key, auto_checkpoint=auto_checkpoint)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
        # Last in, first out: the GUI's one-at-a-time reads keep reusing the same
        # connection, whose page cache is warm, instead of cycling through four.
        pool_use_lifo=True,
    )
    refuse_untyped_times(engine)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE) so that reading the
        # audit chain's tail and appending to it cannot interleave with another writer.
        immediate = conn.get_execution_options().get("veldboek_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def backup_database(source_path: Path, target_path: Path, key: SecretBytes) -> None:
    """Copy the database page by page into a new file encrypted with the same key."""
    source = connect_raw(source_path, key)
    target = sqlcipher3.connect(str(target_path), isolation_level=None)
    try:
        target.execute(_key_pragma(key))
        source.backup(target)
    finally:
        with contextlib.suppress(Exception):
            target.close()
        source.close()


BULK_CACHE_KIB = 256 * 1024


@contextlib.contextmanager
def bulk_cache(session: Session) -> Iterator[None]:
    """A large page cache while bulk-writing: index pages stay decrypted in memory
    instead of being re-read and re-decrypted for every insert. Reset afterwards so
    the pooled connection goes back to its normal footprint."""
    conn = session.connection()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
