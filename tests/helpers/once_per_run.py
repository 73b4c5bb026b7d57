"""Costly fixtures built once per test run, not once per test process.

Under pytest-xdist every worker is a process of its own, and a session fixture runs
in each. ``built_once`` lets the first worker that asks build the thing in the
run's shared temporary folder, under a file lock; the others wait for it and take
the same folder. It is complete or absent: built beside, then renamed into place.
Tests copy it before they change anything (it is never written after)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # Windows: each process builds its own
    fcntl = None  # type: ignore[assignment]


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """``build(folder)`` makes the thing inside the empty ``folder`` and returns
    the path to hand out (inside it); that path, built by whichever process came
    first."""
    own = factory.getbasetemp()
    workers = os.environ.get("PYTEST_XDIST_WORKER") is not None and fcntl is not None
    shared = own.parent if workers else own
    target = shared / f"once-{name}"
    answer = shared / f"once-{name}.path"
    with open(shared / f"once-{name}.lock", "a+b") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not target.exists():
            work = Path(tempfile.mkdtemp(prefix=f".once-{name}-", dir=shared))
            try:
                made = build(work)
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            answer.write_text(str(made.relative_to(work)), encoding="utf-8")
            work.rename(target)
        return target / answer.read_text(encoding="utf-8")
