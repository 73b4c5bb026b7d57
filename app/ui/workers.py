"""Running slow work (key derivation, exports, reports) off the GUI thread.

A ``Task`` runs a plain function in the global thread pool. Its results come back
through signals that are delivered to a receiver living in the GUI thread (a
``TaskRunner``), so callbacks always run on the GUI thread, whatever they touch.
Work that writes (a package, a file, the vault) is started with ``writes``: until
its result is delivered the window keeps its alias (``MainWindow``), so the runner
is always told whether it was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit)
        except BaseException as exc:  # delivered to the GUI, never lost in the pool
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _deliver(callback: Callable[[Any], None], value: object) -> None:
    try:
        callback(value)
    except RuntimeError as exc:
        # The widget that asked for the work was destroyed meanwhile (the vault was
        # locked and the window torn down): the result has nowhere to go.
        if "already deleted" not in str(exc):
            raise


class TaskRunner(QObject):
    """Owns the callbacks of running tasks; lives in the GUI thread."""

    # The last work that writes has delivered its result (or was forgotten).
    writing_ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None], ProgressFn | None]
        ] = {}
        self._tasks: dict[int, Task] = {}
        self._writes: dict[int, str] = {}  # key -> what it writes, in the runner's words
        self._next = 0

    def start(
        self,
        fn: Callable[[ProgressFn], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: ProgressFn | None = None,
        *,
        writes: str | None,
    ) -> Task:
        """``writes``: the work changes the vault or writes a file; said as its
        progress line says it ("Sealing the package…"). ``writing`` names it until
        its result or error is delivered. None (read work): nothing waits for it.
        Required, with no default: work that writes but forgot to say so would let
        a switch of alias or a lock drop its result unseen."""
        key = self._next
        self._next += 1
        self._callbacks[key] = (on_done, on_error, on_progress)
        if writes is not None:
            self._writes[key] = writes
        task = Task(fn)
        task.setAutoDelete(False)  # we keep the signals object alive until delivery
        task.signals.done.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        task.signals.progress.connect(self._on_progress)
        task.signals.setProperty("key", key)
        self._tasks[key] = task
        QThreadPool.globalInstance().start(task)
        return task

    def _key(self) -> int | None:
        sender = self.sender()
        key = sender.property("key") if sender is not None else None
        return key if isinstance(key, int) else None

    def _arrived(self, key: int | None, value: object, *, failed: bool) -> None:
        if key is None:
            return
        self._tasks.pop(key, None)
        callbacks = self._callbacks.pop(key, None)
        try:
            if callbacks is None:
                return  # forgotten (a lock, another alias)
            if failed and isinstance(value, BaseException):
                _deliver(callbacks[1], value)
            elif not failed:
                _deliver(callbacks[0], value)
        finally:
            # Released once the result is on screen, also when the callback fails:
            # a switch never waits for work that has ended.
            if self._writes.pop(key, None) is not None and not self._writes:
                self.writing_ended.emit()

    def forget_pending(self) -> None:
        """On lock and on a change of alias: the results of work queued or still
        running go nowhere, as do those finished but not yet delivered (looked up
        at delivery). Its callbacks belong to screens that are gone or cleared;
        run now, they would show a revealed identity, a finished report or a
        "vault is locked" error on a locked screen, or the last alias's files under
        the new one. The work itself ends on its own (the tasks are kept until
        then); what waited for it is reset by the pages (``clear_vault_data``).
        Work that writes is forgotten too: the window does not change alias while
        it runs (``writing``), so only a lock comes here with it, and a lock never
        waits."""
        self._callbacks.clear()
        if self._writes:
            self._writes.clear()
            self.writing_ended.emit()

    def writing(self) -> list[str]:
        """Work that writes whose result is still to be delivered, in the words
        given to ``start``, oldest first."""
        return list(self._writes.values())

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._arrived(self._key(), result, failed=False)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._arrived(self._key(), exc, failed=True)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        key = self._key()
        entry = self._callbacks.get(key) if key is not None else None
        if entry is not None and entry[2] is not None:
            entry[2](done, total)

    def pending(self) -> int:
        return len(self._callbacks)
