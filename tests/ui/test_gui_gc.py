"""Garbage made in a worker thread is collected on the GUI thread (app/ui/gui_gc.py)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from app.ui.gui_gc import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_worker_garbage_is_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    ran_in: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            ran_in.append(threading.get_ident())

    collector = GuiThreadCollector()  # the second one, beside the test's own
    gc.callbacks.append(record)
    try:
        assert not gc.isenabled()

        def make_garbage() -> None:
            for _ in range(50 * gc.get_threshold()[0]):
                Node()

        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert ran_in == []  # nothing collected in the worker
        qtbot.waitUntil(lambda: bool(ran_in), timeout=5_000)
        assert set(ran_in) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(record)
        collector.stop()
    assert not gc.isenabled()  # the test's own collector still runs


def test_stopping_hands_collection_back() -> None:
    gc.enable()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
