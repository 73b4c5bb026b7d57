"""Vault benchmarks (issue 3).

1. Bulk insert, SQLCipher versus plain SQLite on the same data: the demo generator
   builds a 100,000-debrief data set once; its rows (every table) are read into
   memory, then only the inserts are timed: the same rows, the same schema (with
   its search triggers), pragmas, batch size and code, into a fresh SQLCipher
   database (the app's engine) and into a fresh plain one (the same library, no
   key). The two alternate which goes first and are repeated; medians are
   reported. Goal: ratio at most 1.6.
2. Unlock time beyond the KDF with those 100,000 debriefs: ``Vault.open`` minus the
   Argon2id derivation it performs, median of several opens (and the median KDF).
3. The demo generator itself at 100,000 debriefs (goal: under a minute).
4. The bulk insert with ``cipher_memory_security`` ON versus OFF, for
   docs/security.md (demo generator, 5,000 debriefs, ON in a child process).

Run: ``python -m benchmarks.vault [--debriefs N] [--repeats N]`` (default 100,000, 3;
``--memsec-debriefs`` and ``--unlock-runs`` make parts 4 and 2 smaller, default
5,000 and 7).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from app.crypto import kdf as kdf_module
from app.crypto.kdf import KdfParams
from app.crypto.secret import SecretBytes
from app.domain.enums import Role
from app.models import Base
from app.services.demo_data import generator as demo
from app.vault import engine as engine_module
from app.vault import migrate
from app.vault import unlock as unlock_module
from app.vault.vault import Vault, create_vault
from benchmarks.common import write_results

PASSPHRASE = "benchmark passphrase long enough"


PLAIN_PRAGMAS = (
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    f"PRAGMA cache_size = -{engine_module.PAGE_CACHE_KIB}",
)


def plain_engine(path: Path) -> Engine:
    """An engine over an unencrypted database with the app's pragmas and BEGIN rules."""

    def creator() -> Any:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        for pragma in PLAIN_PRAGMAS:
            conn.execute(pragma)
        return conn

    # The same pool as app.vault.engine.make_engine, so both sides reuse a warm
    # connection alike.
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_use_lifo=True,
    )
    engine_module.refuse_untyped_times(engine)  # as app.vault.engine.make_engine does

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:  # as app.vault.engine.make_engine does
        immediate = conn.get_execution_options().get("veldboek_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class PlainVault:
    """Enough of Vault for the demo generator, over an unencrypted database."""

    def __init__(self, path: Path, identity_public: bytes) -> None:
        self._engine = plain_engine(path)
        migrate.upgrade(self._engine)
        self.identity_public = identity_public
        self.vault_id = uuid.uuid4()

    def engine(self) -> Engine:
        return self._engine

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self._engine, expire_on_commit=False) as session:  # as Vault.read
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        writer = self._engine.execution_options(veldboek_write=True)
        with Session(writer, expire_on_commit=False) as session, session.begin():
            yield session

    def empty_wal(self) -> None:  # as Vault.empty_wal (no background checkpointer here)
        with self._engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _fast_vault(root: Path) -> None:
    create_vault(
        root,
        PASSPHRASE,
        alias_name="Valk",
        role=Role.RUNNER,
        kdf=KdfParams(64 * 1024, 3, 4, b"0123456789abcdef"),
    )


MEMSEC_DEBRIEFS = 5_000  # memory security ON is an order of magnitude slower
INSERT_BATCH = demo.BATCH_DEBRIEFS  # rows per transaction, as the demo writes them

Rows = list[tuple[str, str, list[tuple[Any, ...]]]]  # (table, INSERT statement, rows)


def read_rows(engine: Engine) -> Rows:
    """Every row of every modelled table, in foreign-key order. The search tables
    are left out: the triggers fill them again as the rows go in."""
    out: Rows = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c.name for c in table.columns]
            names = ", ".join(columns)
            rows = [tuple(r) for r in conn.exec_driver_sql(f"SELECT {names} FROM {table.name}")]
            marks = ", ".join("?" for _ in columns)
            insert = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
            out.append((table.name, insert, rows))
    return out


def time_inserts(engine: Engine, rows: Rows) -> float:
    """Insert every row (batches of INSERT_BATCH per write transaction, the demo's
    bulk cache) and checkpoint; only this is timed."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"PRAGMA cache_size = -{engine_module.BULK_CACHE_KIB}")
        # Tables go in foreign-key order, but a source names the alias that closed
        # it and aliases come after sources: checks off for both databases alike.
        raw.execute("PRAGMA foreign_keys = OFF")
        start = time.perf_counter()
        for _table, insert, table_rows in rows:
            for first in range(0, len(table_rows), INSERT_BATCH):
                raw.execute("BEGIN IMMEDIATE")
                raw.executemany(insert, table_rows[first : first + INSERT_BATCH])
                raw.execute("COMMIT")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return time.perf_counter() - start


def insert_trial(kind: str, rows: Rows, folder: Path, key: SecretBytes) -> float:
    path = folder / f"{kind}-{uuid.uuid4().hex[:8]}.db"
    engine = engine_module.make_engine(path, key) if kind == "sqlcipher" else plain_engine(path)
    try:
        migrate.upgrade(engine)  # schema creation is not timed
        return time_inserts(engine, rows)
    finally:
        engine.dispose()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def bulk_inserts(rows: Rows, folder: Path, repeats: int) -> dict[str, Any]:
    """Alternate which database goes first, so warm-up, caches and the page cache of
    the OS favour neither; report the medians."""
    key = SecretBytes(os.urandom(32))
    times: dict[str, list[float]] = {"sqlcipher": [], "sqlite": []}
    for round_no in range(repeats):
        order = ("sqlcipher", "sqlite") if round_no % 2 == 0 else ("sqlite", "sqlcipher")
        for kind in order:
            times[kind].append(insert_trial(kind, rows, folder, key))
            print(f"{kind} insert round {round_no + 1}: {times[kind][-1]:.2f} s", file=sys.stderr)
    key.wipe()
    cipher, plain = statistics.median(times["sqlcipher"]), statistics.median(times["sqlite"])
    return {
        "rows_inserted": sum(len(r) for _, _, r in rows),
        "insert_repeats": repeats,
        "sqlcipher_insert_seconds_median": round(cipher, 2),
        "sqlite_insert_seconds_median": round(plain, 2),
        "sqlcipher_insert_seconds_all": [round(t, 2) for t in times["sqlcipher"]],
        "sqlite_insert_seconds_all": [round(t, 2) for t in times["sqlite"]],
        "sqlcipher_over_sqlite": round(cipher / plain, 3),
    }


def memory_security(tmp: Path, sources: int, debriefs: int = MEMSEC_DEBRIEFS) -> dict[str, float]:
    # SQLCipher makes cipher_memory_security a process-wide setting that stays on
    # once enabled, so the ON run happens in a child process.
    root_off = tmp / "cipher-small"
    _fast_vault(root_off)
    with Vault.open(root_off, PASSPHRASE) as vault:
        start = time.perf_counter()
        demo.generate(vault, sources=sources, debriefs=debriefs, today=None, seed=7)
        off = time.perf_counter() - start
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.vault",
            "--memsec-child",
            str(debriefs),
            "--sources",
            str(sources),
            "--folder",
            str(tmp / "cipher-memsec"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    on_seconds, reported = child.stdout.split()
    return {
        "memsec_off_seconds_small": round(off, 2),
        "memsec_on_seconds_small": round(float(on_seconds), 2),
        "memory_security_reported": float(reported),
        "memsec_debriefs": debriefs,
        "memory_security_on_over_off": round(float(on_seconds) / off, 3),
    }


def memsec_child(debriefs: int, sources: int, folder: Path) -> None:
    """Run the bulk insert with cipher_memory_security ON (in its own process)."""
    real_connect = engine_module.connect_raw

    def connect_on(db_path: Path, key: Any, **options: Any) -> Any:
        return real_connect(db_path, key, **{**options, "memory_security": True})

    engine_module.connect_raw = connect_on
    _fast_vault(folder)
    with Vault.open(folder, PASSPHRASE) as vault:
        with vault.engine().connect() as conn:
            on = conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ("1", 1)
        start = time.perf_counter()
        demo.generate(vault, sources=sources, debriefs=debriefs, today=None, seed=7)
        print(time.perf_counter() - start, int(on))


def unlock_beyond_kdf(root: Path, runs: int = 7) -> dict[str, float]:
    all_kdf: list[float] = []
    this_open: list[float] = []
    real_derive = kdf_module.derive_kek

    def timed_derive(*args: Any, **kwargs: Any) -> bytes:
        start = time.perf_counter()
        try:
            return real_derive(*args, **kwargs)
        finally:
            this_open.append(time.perf_counter() - start)

    beyond: list[float] = []
    # The name unlock.py looks up (it imports derive_kek from app.crypto.kdf).
    with mock.patch.object(unlock_module, "derive_kek", timed_derive):
        for _ in range(runs):
            this_open.clear()
            start = time.perf_counter()
            vault = Vault.open(root, PASSPHRASE)
            total = time.perf_counter() - start
            beyond.append(total - sum(this_open))
            all_kdf.extend(this_open)
            vault.lock()
    return {
        "unlock_runs": runs,
        "unlock_beyond_kdf_median_ms": round(statistics.median(beyond) * 1000, 1),
        "unlock_beyond_kdf_max_ms": round(max(beyond) * 1000, 1),
        "kdf_median_ms": round(statistics.median(all_kdf) * 1000, 1),
        "kdf_timings": len(all_kdf),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memsec-debriefs", type=int, default=MEMSEC_DEBRIEFS)
    parser.add_argument("--unlock-runs", type=int, default=7)
    parser.add_argument("--memsec-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memsec_child:
        memsec_child(args.memsec_child, args.sources, args.folder)
        return
    sources = max(10, args.debriefs // 500)
    with tempfile.TemporaryDirectory(prefix="veldboek-bench-") as tmp_name:
        tmp = Path(tmp_name)
        root = tmp / "cipher"
        _fast_vault(root)
        with Vault.open(root, PASSPHRASE) as vault:
            start = time.perf_counter()
            demo.generate(vault, sources=sources, debriefs=args.debriefs, today=None, seed=7)
            demo_seconds = time.perf_counter() - start
            rows = read_rows(vault.engine())
        inserts = bulk_inserts(rows, tmp, args.repeats)
        del rows
        unlock = unlock_beyond_kdf(root, args.unlock_runs)
        memsec = memory_security(tmp, sources, args.memsec_debriefs)
    results = {
        "debriefs": args.debriefs,
        "demo_generate_seconds": round(demo_seconds, 2),
        **inserts,
        **unlock,
        **memsec,
    }
    goals = {
        "unlock_beyond_kdf_median_ms": {
            "target": "< 200",
            "met": unlock["unlock_beyond_kdf_median_ms"] < 200,
        },
        "sqlcipher_over_sqlite": {
            "target": "<= 1.6",
            "met": inserts["sqlcipher_over_sqlite"] <= 1.6,
        },
        "demo_100k_under_a_minute": {
            "target": "< 60 s for 100,000 debriefs",
            "met": args.debriefs < 100_000 or demo_seconds < 60,
        },
    }
    write_results("vault", results, goals)


if __name__ == "__main__":
    main()
