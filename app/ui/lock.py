"""The one place that locks: manual (Ctrl+L), idle timeout, panic key.

Locking asks open editors to save, clears what the app put on the clipboard,
tells every screen to drop its data, then closes the engine and wipes the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.ui.clipboard import ClipboardGuard
from app.ui.session import AppSession

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockController(QObject):
    about_to_lock = Signal()  # save pending edits now
    clear_requested = Signal()  # drop every piece of vault data shown
    locked = Signal(str)  # reason

    def __init__(self, clipboard: ClipboardGuard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: AppSession | None = None
        self._clipboard = clipboard
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self.lock("idle"))
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
        if self.session is not None and event.type() in _ACTIVITY:
            self._idle.start(self.idle_ms)
        return False

    def lock(self, reason: str = "manual") -> None:
        session = self.session
        if session is None:
            return
        self._idle.stop()
        self.about_to_lock.emit()
        self._clipboard.clear_now()
        self.clear_requested.emit()
        self.session = None
        session.vault.lock(session.scope.actor, reason)
        session.deleteLater()
        self.locked.emit(reason)

    def panic(self) -> None:
        """Lock and get every window off the screen at once."""
        for window in QGuiApplication.topLevelWindows():
            window.hide()
        self.lock("panic")

    @property
    def is_unlocked(self) -> bool:
        return self.session is not None
