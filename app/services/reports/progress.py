"""Progress and cancelling of a report being made (the GUI's progress dialog and
its Cancel button)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import ReportCancelled

ProgressFn = Callable[[int, int], None]


class Cancel:
    """Set from another thread (the GUI's Cancel button) to stop a report between
    two debriefs. Checked at every progress step and once more before anything is
    registered, so a cancelled report leaves no trace but the audit of nothing."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise ReportCancelled()


def steps(progress: ProgressFn | None, cancel: Cancel | None) -> ProgressFn | None:
    """``progress`` that first stops the work if it was cancelled."""
    if cancel is None:
        return progress

    def step(done: int, total: int) -> None:
        cancel.check()
        if progress is not None:
            progress(done, total)

    return step


def offset(progress: ProgressFn | None, start: int, total: int) -> ProgressFn | None:
    """``progress`` of a later stage: its steps count on from ``start``."""
    if progress is None:
        return None
    return lambda done, _n: progress(start + done, total)
