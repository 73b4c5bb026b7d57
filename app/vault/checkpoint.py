"""Moving the write-ahead log into the database file in the background.

SQLite's automatic checkpoint runs inside the commit that pushes the WAL past
1,000 pages, so the writer pays for copying every page of a large transaction a
second time: a handler's import of 10,000 debriefs waited about 0.35 s in its
commit for this (benchmarks/packages.py). The vault's own connections turn it off
(``engine.connect_raw``) and a thread of the vault does the same work with its own
connection after the commit returns, as SQLite's documentation suggests for
applications that care about commit latency.

Nothing about durability changes: a committed transaction is in the WAL, synced
(``synchronous = FULL``), and a crash before the checkpoint leaves a WAL that the
next open reads as always. Locking waits for a checkpoint under way, then the last
connection's close checkpoints the rest and removes the WAL.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# The size at which SQLite's own automatic checkpoint would run (1,000 pages). The
# vault's connections also set it as ``journal_size_limit``: once a checkpoint has
# copied everything, the next write cuts the WAL file back to it, so "larger than
# this" means "grew since the last checkpoint" (and a large import leaves no 75 MB
# WAL file behind until the vault is locked).
THRESHOLD_BYTES = 1000 * 4096


class Checkpointer:
    """One per unlocked vault. ``nudge`` after a commit; ``close`` before the
    vault's connections are closed and its key is wiped."""

    def __init__(
        self, connect: Callable[[], Any], wal_path: Path, threshold: int = THRESHOLD_BYTES
    ) -> None:
        self._connect = connect
        self._wal = wal_path
        self._threshold = threshold
        self._wake = threading.Event()
        self._closing = False
        self._lock = threading.Lock()
        self._running = threading.Lock()  # held while a checkpoint runs
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def nudge(self) -> None:
        """Checkpoint soon if the WAL has grown past the threshold."""
        try:
            size = self._wal.stat().st_size
        except OSError:
            return
        if size <= self._threshold:
            return
        with self._lock:
            if self._closing:
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="veldboek-checkpoint", daemon=True
                )
                self._thread.start()
            self._idle.clear()
            self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True once no checkpoint is asked for or under way (for tests)."""
        return self._idle.wait(timeout)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """No background checkpoint runs inside this block (a checkpoint under way
        is waited for): a TRUNCATE checkpoint meets no other checkpointer, which
        SQLite would answer with "busy" at once, leaving the WAL as it was."""
        with self._running:
            yield

    def close(self) -> None:
        with self._lock:
            self._closing = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        conn = None
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._closing:
                    return
                try:
                    with self._running:
                        if conn is None:
                            conn = self._connect()
                        # PASSIVE: never blocks a writer or a reader; what a reader
                        # still needs stays in the WAL until the next nudge.
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except Exception as exc:  # a full disk, a lock held for long
                    # The WAL simply stays; the next nudge or the close tries again.
                    log.warning("background checkpoint failed (%s)", type(exc).__name__)
                finally:
                    with self._lock:  # a nudge in between keeps it busy
                        if not self._wake.is_set():
                            self._idle.set()
        finally:
            self._idle.set()
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
