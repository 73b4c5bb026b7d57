"""Shared helpers for benchmarks: timing, vault set-up, JSON results.

Each benchmark is a module run as ``python -m benchmarks.<name>``; it measures its
subject and a baseline in the same run (so ratios hold on any machine) and writes
``benchmarks/results/<name>.json``, with a few fixed reference workloads timed on
the same machine (``reference_ms``) so that absolute times from different machines
can be compared.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# VELDBOEK_BENCH_RESULTS sends results elsewhere (the smoke test of the benchmarks
# runs them tiny and must not overwrite the measured figures).
RESULTS = Path(
    os.environ.get("VELDBOEK_BENCH_RESULTS") or Path(__file__).resolve().parent / "results"
)


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def repeat(fn: Callable[[], Any], times: int) -> list[float]:
    return [timed(fn) for _ in range(times)]


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 3),
        "p95_ms": round(p95(samples) * 1000, 3),
        "min_ms": round(min(samples) * 1000, 3),
        "runs": len(samples),
    }


# VELDBOEK_BENCH_REFERENCE=tiny makes the reference workloads a hundredth of their
# size, timed once (the smoke test: it checks they run, not how fast); the JSON
# then says so beside them, so such figures are never taken for real ones.
REFERENCE = os.environ.get("VELDBOEK_BENCH_REFERENCE", "full")
if REFERENCE not in ("full", "tiny"):
    raise SystemExit(f"VELDBOEK_BENCH_REFERENCE must be full or tiny, not {REFERENCE!r}")
_SCALE = 100 if REFERENCE == "tiny" else 1


def _python_loop() -> None:
    total = 0
    for n in range(2_000_000 // _SCALE):
        total += n * n


def _sha256_64mib() -> None:
    hashlib.sha256(bytes((64 << 20) // _SCALE)).digest()


def _sqlite_200k_rows() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)",
        ((f"{n:032x}", "x" * 64) for n in range(200_000 // _SCALE)),
    )
    conn.close()


def reference_ms(runs: int = 5) -> dict[str, float]:
    """Fixed work, the same in every session: how fast this machine was during the
    run, so absolute times from different machines (or one VM on a busy host) can
    be told apart from changes in the code."""
    work = {"python_loop": _python_loop, "sha256_64mib": _sha256_64mib}
    work["sqlite_200k_rows"] = _sqlite_200k_rows
    runs = 1 if REFERENCE == "tiny" else runs
    return {name: round(statistics.median(repeat(fn, runs)) * 1000, 1) for name, fn in work.items()}


_DAMON = Path("/sys/kernel/mm/damon/admin/kdamonds")


def idle_pageout_s() -> float | None:
    """After how many seconds unused the kernel pages memory out on its own (a
    DAMON ``pageout`` scheme, as some VMs run), or None. Such a machine drops a
    file from its cache a minute after it was written: a benchmark that reads a
    file made earlier reads it from disk, which a package just arrived is not."""
    for scheme in _DAMON.glob("*/contexts/*/schemes/*"):
        context = scheme.parent.parent
        try:
            if (context.parent.parent / "state").read_text().strip() != "on":
                continue
            if (scheme / "action").read_text().strip() != "pageout":
                continue
            age = int((scheme / "access_pattern/age/min").read_text())
            aggregate_us = int((context / "monitoring_attrs/intervals/aggr_us").read_text())
        except (OSError, ValueError):
            continue
        return age * aggregate_us / 1e6
    return None


def machine() -> dict[str, Any]:
    out: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "reference_ms": reference_ms(),
    }
    if (idle := idle_pageout_s()) is not None:
        out["pages_out_memory_unused_for_s"] = idle
    if REFERENCE == "tiny":
        out["reference_work"] = f"tiny: 1/{_SCALE} of each workload, one run; not comparable"
    return out


def write_results(name: str, results: dict[str, Any], goals: dict[str, Any]) -> Path:
    """Write results and print them; ``goals`` maps a result key to its target and
    whether it was met, e.g. {"unlock_ms": {"target": "< 200", "met": True}}."""
    RESULTS.mkdir(exist_ok=True)
    doc = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": results,
        "goals": goals,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(doc, indent=2) + "\n")
    print(json.dumps(doc, indent=2))
    return path
