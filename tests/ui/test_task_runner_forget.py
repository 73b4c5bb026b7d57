"""``TaskRunner.forget_pending`` (a lock, another alias): the results of work that
was queued, running, or already finished but not yet delivered go nowhere."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from app.ui.workers import TaskRunner


def settle(qtbot: QtBot) -> None:
    """Every task of the pool ended, and every signal it sent handled."""
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)


def test_the_result_of_work_already_running_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    running, release = threading.Event(), threading.Event()
    got: list[object] = []

    def work(_progress: Any) -> str:
        running.set()
        assert release.wait(10)
        return "the last alias's source"

    runner.start(work, got.append, got.append)
    assert running.wait(10)  # in the pool, not queued
    runner.forget_pending()
    release.set()
    settle(qtbot)
    assert got == []
    assert runner.pending() == 0


def test_a_result_finished_but_not_yet_delivered_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    got: list[object] = []
    runner.start(lambda _p: "done before the switch", got.append, got.append)
    # Finished in the pool; its signal waits for the event loop, as it would while
    # the GUI thread is busy switching the alias.
    assert QThreadPool.globalInstance().waitForDone(10_000)
    runner.forget_pending()
    settle(qtbot)
    assert got == []


def test_errors_are_dropped_too_and_new_work_still_reports(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    errors: list[BaseException] = []
    got: list[object] = []

    def failing(_progress: Any) -> None:
        assert release.wait(10)
        raise ValueError("late")

    runner.start(failing, got.append, errors.append)
    runner.forget_pending()
    runner.start(lambda _p: "the new alias's list", got.append, errors.append)
    release.set()
    settle(qtbot)
    assert errors == []
    assert got == ["the new alias's list"]
