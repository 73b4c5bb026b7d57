"""Bulk steps hold the cyclic collector back and always put it back as it was."""

from __future__ import annotations

import gc
import threading

import pytest

from app.services.exchange.gc_pause import collection_paused


def _nested_then_refused() -> None:
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        raise RuntimeError("a refused package")


def test_nested_and_failing_pauses_restore_the_collector() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="refused"):
        _nested_then_refused()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_two_threads_end_with_it_on() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collection_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with collection_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the worker's pause outlives this one
    release.set()
    thread.join(5)
    assert gc.isenabled()
