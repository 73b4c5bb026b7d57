"""What sustained ingest waits on (``benchmarks.central``): every 20 ms, what each of
the workers' PostgreSQL backends is doing (``pg_stat_activity``: working, waiting
for an I/O such as the WAL's fsync, for a lock, or idle for its worker's next
statement: the worker's Python at work), and from the kernel's scheduler
statistics (``/proc/PID/schedstat``) how long each process ran on a core and
how long it was ready to run but waited for one (the machine's other load).

A worker's or backend's wall time is then its CPU time, its wait for a core,
and the rest (sleeping: on the other side of the connection, on the disk, on a
lock)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.central.store import Store

INTERVAL = 0.02

_ACTIVITY = text(
    "SELECT pid, state, coalesce(wait_event_type || ':' || wait_event, '') "
    "FROM pg_stat_activity WHERE backend_type = 'client backend' "
    "AND pid <> pg_backend_pid() AND datname = current_database()"
)


def schedstat(pid: int | str = "self") -> tuple[float, float]:
    """Seconds on a core and seconds waiting for one, of a process so far."""
    on_cpu, waiting, _slices = Path(f"/proc/{pid}/schedstat").read_text().split()
    return int(on_cpu) / 1e9, int(waiting) / 1e9


def _state(state: str, wait: str) -> str:
    if state == "active":
        return wait or "working (CPU)"
    if wait == "Client:ClientRead":
        # Idle, or idle in its transaction: the worker's Python is at work (or
        # waiting for a core itself).
        return "idle: waiting for its worker"
    return f"{state}: {wait}" if wait else state


class Waits:
    """Sampled in a thread of the benchmark's own process, on a connection of its own."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._states: Counter[str] = Counter()
        self._first: dict[int, tuple[float, float]] = {}
        self._last: dict[int, tuple[float, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-waits", daemon=True)

    def __enter__(self) -> Waits:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        with self._store.connect() as conn:
            while not self._stop.wait(INTERVAL):
                rows = conn.execute(_ACTIVITY).all()
                conn.rollback()
                for pid, state, wait in rows:
                    self._states[_state(state or "", wait)] += 1
                    try:
                        now = schedstat(pid)
                    except OSError:
                        continue  # ended meanwhile
                    self._first.setdefault(pid, now)
                    self._last[pid] = now

    def result(self) -> dict[str, Any]:
        seen = sum(self._states.values()) or 1
        on_cpu = sum(self._last[p][0] - self._first[p][0] for p in self._last)
        waiting = sum(self._last[p][1] - self._first[p][1] for p in self._last)
        return {
            "backend_samples": seen,
            "backend_states_share": {k: round(v / seen, 3) for k, v in self._states.most_common()},
            "backends_cpu_s": round(on_cpu, 2),
            "backends_waiting_for_a_core_s": round(waiting, 2),
        }


def worker_times(before: tuple[float, float], began: float) -> dict[str, float]:
    """A worker's own wall, CPU and wait-for-a-core seconds since ``before``
    (``schedstat()``) and ``began`` (``time.perf_counter()``)."""
    on_cpu, waiting = schedstat()
    return {
        "wall_s": time.perf_counter() - began,
        "cpu_s": on_cpu - before[0],
        "waiting_for_a_core_s": waiting - before[1],
    }
