"""The one place that locks: manual (Ctrl+L), idle timeout, panic key, quit.

The keys are read by an event filter on the application, not by shortcuts of a
window: the filter sees every key before any widget does, in every window and in
every modal dialog (a dialog's exec() loop still delivers through QApplication),
so no focused field and no dialog can keep them. File pickers are Qt's own for
the same reason (``app/ui/main.py``): a native one is another program's window,
whose keys Qt never sees.

Locking, in this order (hide first: the screen is clear within milliseconds even
when the writes after it wait for the disk):

1. every window is hidden; a dialog in exec() will return "cancelled";
2. what is typed is kept in the vault, encrypted: the debrief, an open item
   dialog, the meeting note (``about_to_lock``), a form's fields
   (``keep_for_lock``);
3. the clipboard is cleared if it holds our text, every screen drops its data
   (``clear_requested``), every dialog is wiped and closed;
4. the vault is locked (audit, anchor, keys wiped), then ``locked`` is emitted.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import Shiboken

from app.ui import screen
from app.ui.clipboard import ClipboardGuard
from app.ui.session import AppSession

log = logging.getLogger(__name__)

# The user's activity, all of it input events (QInputEvent: ``eventFilter``).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

PANIC_KEYS = ("F12", "Ctrl+Shift+Space")
LOCK_KEYS = ("Ctrl+L",)

_MODS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_CTRL = Qt.KeyboardModifier.ControlModifier
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def queued_ms() -> float:
    """Milliseconds this thread has spent so far ready to run but waiting for a
    CPU that other programs held (Linux's per-thread scheduler statistics; 0
    elsewhere). Subtracted from a lock's timings, they leave the time the lock
    itself took, whatever else the machine is busy with."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as stats:
            return int(stats.read().split()[1]) / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


def key_action(event: QKeyEvent) -> str | None:
    """The action of a key event: "panic", "lock" or None. F12 panics whatever modifier is
    held (a hand in a hurry may be on Shift); the others must be exact."""
    key, mods = event.key(), event.modifiers() & _MODS
    if key == Qt.Key.Key_F12 or (key == Qt.Key.Key_Space and mods == _CTRL_SHIFT):
        return "panic"
    if key == Qt.Key.Key_L and mods == _CTRL:
        return "lock"
    return None


class LockController(QObject):
    about_to_lock = Signal(str)  # reason; keep what is typed now
    clear_requested = Signal()  # drop every piece of vault data shown
    locked = Signal(str)  # reason
    panicked = Signal()  # the panic key hid everything (also when already locked)

    def __init__(self, clipboard: ClipboardGuard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: AppSession | None = None
        self._clipboard = clipboard
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self.lock("idle"))
        self._key_at = 0.0  # perf_counter of the key that asked to lock, 0 if none
        self._key_queued = 0.0  # queued_ms() then
        self._swallow: tuple[int, int] | None = None  # the key press of a handled override
        # Milliseconds from the key (or the call) to each step of the last lock,
        # and of those, how long the GUI thread waited for a CPU (``queued_ms``).
        self.timings: dict[str, float] = {}
        self.queued: dict[str, float] = {}
        # ... and how much of it the GUI thread ran on a CPU: a step slow without
        # running (a lock or the interpreter held elsewhere, a page fault) shows here.
        self.ran: dict[str, float] = {}
        self._ran_from = 0.0
        self._busy = False
        # The dialogs the last lock closed that Python made: the controller
        # deletes them once their event loops have ended (``screen.Retirer``).
        self.closed_dialogs: list[QDialog] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def attach(self, session: AppSession) -> None:
        self.session = session
        self._restart_idle()
        session.settings_changed.connect(lambda _s: self._restart_idle())

    @property
    def idle_ms(self) -> int:
        minutes = self.session.settings.idle_lock_minutes if self.session else 5
        return minutes * 60 * 1000

    def _restart_idle(self) -> None:
        if self.session is not None:
            self._idle.start(self.idle_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QInputEvent):
            # Most events (paint, layout, timers, ...) are neither a key nor the
            # user's activity: out at once, as this filter sees every event of
            # every widget (asking an event its type costs more than this test).
            return False
        kind = event.type()
        if isinstance(event, QKeyEvent) and kind in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            action = key_action(event)
            if action is not None:
                return self._key(action, event)
        if self.session is not None and kind in _ACTIVITY:
            self._idle.start(self.idle_ms)
        return False

    def _key(self, action: str, event: QKeyEvent) -> bool:
        """Act on the first event of a key press (the shortcut override, which Qt
        sends before the press itself, or the press) and swallow the rest, so
        that the key reaches no widget and no shortcut and acts once."""
        stamp = (event.key(), event.timestamp())
        if event.type() == QEvent.Type.KeyPress and self._swallow == stamp:
            self._swallow = None
            return True
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            self._swallow = stamp
        else:
            self._swallow = None
        if event.isAutoRepeat():
            return True  # a held key acts once
        self._key_at, self._key_queued = time.perf_counter(), queued_ms()
        try:
            if action == "panic":
                self.panic()
            elif self.session is not None:
                self.lock("manual")
        finally:
            self._key_at = 0.0
        return True

    def _start(self) -> float:
        self.timings, self.queued, self.ran = {}, {}, {}
        self._ran_from = time.thread_time()
        if not self._key_at:
            self._key_queued = queued_ms()
        return self._key_at or time.perf_counter()

    def _mark(self, step: str, start: float) -> None:
        self.timings[step] = (time.perf_counter() - start) * 1000
        self.queued[step] = queued_ms() - self._key_queued
        self.ran[step] = (time.thread_time() - self._ran_from) * 1000

    def lock(self, reason: str = "manual") -> None:
        session = self.session
        if session is None or self._busy:
            return
        self._busy = True
        start = self._start()
        try:
            self._idle.stop()
            shown = screen.visible_windows()  # before they are hidden: what to keep, close
            screen.blank_screen()
            self._mark("hidden", start)
            screen.hide_all()  # popups, the tooltip
            session.closing = True
            self._keep_typed_text(reason, shown)
            self._mark("saved", start)
            self._clipboard.clear_now()
            self.clear_requested.emit()
            self._mark("cleared", start)
            dialogs = screen.close_dialogs(shown)
            self._mark("closed", start)
            self.session = None
            session.vault.lock(session.scope.actor, reason)
            self._mark("locked", start)
            # Whatever the steps above put up (a message about a failed save) goes
            # too, and no widget of the windows that were up keeps its text.
            screen.hide_all()
            for window in shown:
                if Shiboken.isValid(window):
                    screen.wipe_text(window)
            session.deleteLater()
            self.closed_dialogs = dialogs
            self.locked.emit(reason)
            self._mark("done", start)
        finally:
            self._busy = False

    def _keep_typed_text(self, reason: str, shown: list[QWidget]) -> None:
        # Never let a failed save stop the lock: the keys go whatever happens.
        try:
            self.about_to_lock.emit(reason)
        except Exception as exc:
            log.warning("could not keep the typed text (%s)", type(exc).__name__)
        try:
            screen.keep_typed_text(shown)
        except Exception as exc:
            log.warning("could not keep a dialog's typed text (%s)", type(exc).__name__)

    def panic(self) -> None:
        """Get every window off the screen at once, then lock. Also when already
        locked: the unlock dialog goes too."""
        if self.session is not None:
            self.lock("panic")
        else:
            start = self._start()
            screen.blank_screen()
            self._mark("hidden", start)
            screen.hide_all()
        self.panicked.emit()

    @property
    def is_unlocked(self) -> bool:
        return self.session is not None


__all__ = ["LOCK_KEYS", "PANIC_KEYS", "LockController", "key_action", "queued_ms"]
