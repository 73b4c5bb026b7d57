"""Vault benchmarks (issue 3).

1. Unlock time beyond the KDF with 100,000 debriefs in the vault: ``Vault.open``
   minus the Argon2id derivation it performs, median of several opens.
2. Bulk insert: the demo generator writing the same deterministic data into a
   SQLCipher vault and into plain SQLite (the same library with no key, the same
   schema, pragmas and code path). Goal: ratio at most 1.6.
3. The same bulk insert with ``cipher_memory_security`` ON, for docs/security.md.

Run: ``python -m benchmarks.vault [--debriefs N]`` (default 100,000).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from app.crypto import kdf as kdf_module
from app.crypto.kdf import KdfParams
from app.models.enums import Role
from app.services import demo
from app.vault import engine as engine_module
from app.vault import migrate
from app.vault import vault as vault_module
from app.vault.vault import Vault, create_vault
from benchmarks.common import write_results

PASSPHRASE = "benchmark passphrase long enough"


class PlainVault:
    """Enough of Vault for the demo generator, over an unencrypted database."""

    def __init__(self, path: Path, identity_public: bytes) -> None:
        def creator() -> Any:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
            for pragma in (
                "PRAGMA temp_store = MEMORY",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA secure_delete = ON",
                f"PRAGMA cache_size = -{engine_module.PAGE_CACHE_KIB}",
            ):
                conn.execute(pragma)
            return conn

        # The same pool as app.vault.engine.make_engine, so both sides reuse a warm
        # connection alike.
        self._engine: Engine = create_engine(
            "sqlite://",
            module=sqlcipher3,
            creator=creator,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
            pool_use_lifo=True,
        )

        @event.listens_for(self._engine, "begin")
        def _begin(conn: Any) -> None:  # as app.vault.engine.make_engine does
            immediate = conn.get_execution_options().get("veldboek_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        migrate.upgrade(self._engine)
        self.identity_public = identity_public
        import uuid

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


def _fast_vault(root: Path) -> None:
    create_vault(
        root,
        PASSPHRASE,
        alias_name="Valk",
        role=Role.RUNNER,
        kdf=KdfParams(64 * 1024, 3, 4, b"0123456789abcdef"),
    )


MEMSEC_DEBRIEFS = 5_000  # memory security ON is an order of magnitude slower


def bulk(debriefs: int, tmp: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    sources = max(10, debriefs // 500)
    small = min(debriefs, MEMSEC_DEBRIEFS)
    # SQLCipher, memory security as shipped (OFF).
    root = tmp / "cipher"
    _fast_vault(root)
    with Vault.open(root, PASSPHRASE) as vault:
        start = time.perf_counter()
        demo.generate(vault, sources=sources, debriefs=debriefs, today=None, seed=7)
        out["sqlcipher_seconds"] = time.perf_counter() - start
        identity_public = vault.identity_public
    # Plain SQLite, identical code path and data.
    plain = PlainVault(tmp / "plain.db", identity_public)
    start = time.perf_counter()
    demo.generate(plain, sources=sources, debriefs=debriefs, today=None, seed=7)  # type: ignore[arg-type]
    out["sqlite_seconds"] = time.perf_counter() - start
    plain.engine().dispose()
    # Memory security: SQLCipher makes cipher_memory_security a process-wide
    # setting that stays on once enabled, so the ON run happens in a child process.
    root_off = tmp / "cipher-small"
    _fast_vault(root_off)
    with Vault.open(root_off, PASSPHRASE) as vault:
        start = time.perf_counter()
        demo.generate(vault, sources=sources, debriefs=small, today=None, seed=7)
        out["memsec_off_seconds_small"] = time.perf_counter() - start
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.vault",
            "--memsec-child",
            str(small),
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
    out["memsec_on_seconds_small"] = float(on_seconds)
    out["memory_security_reported"] = float(reported)
    out["memsec_debriefs"] = small
    return out


def memsec_child(debriefs: int, sources: int, folder: Path) -> None:
    """Run the bulk insert with cipher_memory_security ON (in its own process)."""
    real_connect = engine_module.connect_raw

    def connect_on(db_path: Path, key: Any, *, memory_security: bool = True) -> Any:
        return real_connect(db_path, key, memory_security=True)

    engine_module.connect_raw = connect_on  # type: ignore[assignment]
    _fast_vault(folder)
    with Vault.open(folder, PASSPHRASE) as vault:
        with vault.engine().connect() as conn:
            on = conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ("1", 1)
        start = time.perf_counter()
        demo.generate(vault, sources=sources, debriefs=debriefs, today=None, seed=7)
        print(time.perf_counter() - start, int(on))


def unlock_beyond_kdf(root: Path, runs: int = 7) -> dict[str, float]:
    kdf_times: list[float] = []
    real_derive = kdf_module.derive_kek

    def timed_derive(*args: Any, **kwargs: Any) -> bytes:
        start = time.perf_counter()
        try:
            return real_derive(*args, **kwargs)
        finally:
            kdf_times.append(time.perf_counter() - start)

    vault_module.derive_kek = timed_derive  # type: ignore[assignment]
    beyond: list[float] = []
    try:
        for _ in range(runs):
            kdf_times.clear()
            start = time.perf_counter()
            vault = Vault.open(root, PASSPHRASE)
            total = time.perf_counter() - start
            beyond.append(total - sum(kdf_times))
            vault.lock()
    finally:
        vault_module.derive_kek = real_derive  # type: ignore[assignment]
    return {
        "unlock_beyond_kdf_median_ms": round(statistics.median(beyond) * 1000, 1),
        "unlock_beyond_kdf_max_ms": round(max(beyond) * 1000, 1),
        "kdf_ms": round(statistics.median([sum(kdf_times)]) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--memsec-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memsec_child:
        memsec_child(args.memsec_child, args.sources, args.folder)
        return
    with tempfile.TemporaryDirectory(prefix="veldboek-bench-") as tmp_name:
        tmp = Path(tmp_name)
        timings = bulk(args.debriefs, tmp)
        unlock = unlock_beyond_kdf(tmp / "cipher")
    ratio = timings["sqlcipher_seconds"] / timings["sqlite_seconds"]
    memsec_ratio = timings["memsec_on_seconds_small"] / timings["memsec_off_seconds_small"]
    results = {
        "debriefs": args.debriefs,
        **{k: round(v, 2) for k, v in timings.items()},
        "sqlcipher_over_sqlite": round(ratio, 3),
        "memory_security_on_over_off": round(memsec_ratio, 3),
        **unlock,
    }
    goals = {
        "unlock_beyond_kdf_median_ms": {
            "target": "< 200",
            "met": unlock["unlock_beyond_kdf_median_ms"] < 200,
        },
        "sqlcipher_over_sqlite": {"target": "<= 1.6", "met": ratio <= 1.6},
        "demo_100k_under_a_minute": {
            "target": "< 60 s for 100,000 debriefs",
            "met": args.debriefs < 100_000 or timings["sqlcipher_seconds"] < 60,
        },
    }
    write_results("vault", results, goals)


if __name__ == "__main__":
    main()
