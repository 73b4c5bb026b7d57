"""``TaskRunner.forget_pending`` (a lock, another alias): the results of work that
was queued, running, or already finished but not yet delivered go nowhere. Work
that writes is named (``writing``) until its result or error is delivered."""

from __future__ import annotations

import threading
from typing import Any

import pytest
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

    runner.start(work, got.append, got.append, writes=None)
    assert running.wait(10)  # in the pool, not queued
    runner.forget_pending()
    release.set()
    settle(qtbot)
    assert got == []
    assert runner.pending() == 0


def test_a_result_finished_but_not_yet_delivered_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    got: list[object] = []
    runner.start(lambda _p: "done before the switch", got.append, got.append, writes=None)
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

    runner.start(failing, got.append, errors.append, writes=None)
    runner.forget_pending()
    runner.start(lambda _p: "the new alias's list", got.append, errors.append, writes=None)
    release.set()
    settle(qtbot)
    assert errors == []
    assert got == ["the new alias's list"]


def test_work_that_writes_is_named_until_its_result_is_delivered(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    got: list[object] = []
    writing_then: list[list[str]] = []
    ended: list[bool] = []
    runner.writing_ended.connect(lambda: ended.append(True))

    def work(_progress: Any) -> str:
        assert release.wait(10)
        return "package 7 written"

    def done(result: object) -> None:
        writing_then.append(runner.writing())  # still held while it is shown
        got.append(result)

    runner.start(lambda _p: "a list", got.append, got.append, writes=None)  # read: not named
    runner.start(work, done, got.append, writes="Sealing the package…")
    assert runner.writing() == ["Sealing the package…"]
    release.set()
    settle(qtbot)
    assert sorted(map(str, got)) == ["a list", "package 7 written"]
    assert writing_then == [["Sealing the package…"]]
    assert runner.writing() == []
    assert ended == [True]


def test_work_that_writes_and_fails_frees_the_switch_after_its_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def failing(_progress: Any) -> None:
        raise OSError("disk full")

    def broken_callback(exc: BaseException) -> None:
        errors.append(exc)
        raise ValueError("the screen's own fault")

    runner.start(failing, errors.append, errors.append, writes="Sealing the receipt…")
    runner.start(failing, errors.append, broken_callback, writes="Taking in the receipt…")
    with qtbot.captureExceptions() as raised:
        settle(qtbot)
    assert [type(e) for e in errors] == [OSError, OSError]
    assert [type(e[1]) for e in raised] == [ValueError]
    assert runner.writing() == []  # a failure, even one that failed again, holds nothing


def test_a_lock_forgets_work_that_writes_too(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    got: list[object] = []
    ended: list[bool] = []
    runner.writing_ended.connect(lambda: ended.append(True))

    def work(_progress: Any) -> str:
        assert release.wait(10)
        return "report issued"

    runner.start(work, got.append, got.append, writes="Laying out the report…")
    runner.forget_pending()  # the lock never waits for it
    assert runner.writing() == []
    assert ended == [True]
    release.set()
    settle(qtbot)
    assert got == []
    assert ended == [True]


def test_work_must_say_whether_it_writes() -> None:
    """Forgetting ``writes`` would let a switch of alias drop a written result
    unseen: it cannot be left out, not even for read work."""
    runner = TaskRunner()
    started: list[str] = []
    start: Any = runner.start  # called as a careless caller would, past mypy
    with pytest.raises(TypeError, match="writes"):
        start(lambda _p: started.append("ran"), started.append, started.append)
    assert started == []
    assert runner.pending() == 0
