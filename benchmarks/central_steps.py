"""Where one ingest's wall time goes, step by step (``benchmarks.central``): each
step's wall seconds and this process's CPU seconds in it. A step whose wall time
is well above its CPU time waited for PostgreSQL (or for a core): the steps the
server alone works through (the sealed file's rows, the last statement's
triggers) show as such. Only clocks are read (no /proc scan), so the figures
measure the timed run itself."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from app.central import ingest, ingest_checks, ingest_rows, ingest_stream, sealed_file
from app.services.exchange import package_body

# (module or class, function, step): in the order an ingest runs them.
STEPS: tuple[tuple[Any, str, str], ...] = (
    (ingest, "_verified", "verify (decrypt, signature; the sealed file copied meanwhile)"),
    (sealed_file.Ahead, "settle", "sealed file (evidence): its copy waited for"),
    (ingest_checks, "held_debriefs", "held debriefs"),
    (ingest_rows, "_package_row", "package row"),
    (package_body, "contents", "body read, its rows copied in"),
    (ingest_stream.Streams, "close", "last statement of the body (its triggers)"),
    (ingest_rows, "_sources", "sources"),
    (ingest_rows, "_debriefs", "debriefs"),
    (ingest_rows, "_file_records", "file records"),
)


def _timed(f: Callable[..., Any], totals: list[float]) -> Callable[..., Any]:
    def step(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            totals[0] += time.perf_counter() - wall
            totals[1] += time.process_time() - cpu

    return step


@contextmanager
def steps() -> Iterator[dict[str, list[float]]]:
    """Each step's [wall s, Python CPU s] while inside; the functions as before after."""
    found: dict[str, list[float]] = {}
    saved = []
    for owner, name, label in STEPS:
        f = getattr(owner, name)
        saved.append((owner, name, f))
        found[label] = [0.0, 0.0]
        setattr(owner, name, _timed(f, found[label]))
    try:
        yield found
    finally:
        for owner, name, f in reversed(saved):
            setattr(owner, name, f)


def rounded(found: dict[str, list[float]], wall: float, cpu: float) -> dict[str, Any]:
    """The steps' figures, and the rest of the ingest (the commit, the look-ups)."""
    rest = [wall - sum(v[0] for v in found.values()), cpu - sum(v[1] for v in found.values())]
    out = {k: {"wall_s": round(v[0], 3), "python_cpu_s": round(v[1], 3)} for k, v in found.items()}
    out["the rest (commit, look-ups)"] = {
        "wall_s": round(rest[0], 3),
        "python_cpu_s": round(rest[1], 3),
    }
    return out
