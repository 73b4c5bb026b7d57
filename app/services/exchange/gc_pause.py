"""Holding Python's cyclic garbage collector back during a bulk step.

A 10,000-debrief package body parses into about a million dicts and lists, none
of them in a reference cycle. While they are made, the collector walks the
whole heap again and again and frees nothing: about 0.4 s of an import
(benchmarks/packages.py). Reference counting still frees everything as usual.
Nested and concurrent pauses are counted; the last one out switches it back on,
and only if it was on before the first.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
