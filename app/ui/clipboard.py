"""Clearing vault text from the clipboard after a while.

When the app itself put text on the clipboard, a timer starts; when it fires
and the clipboard still holds that same text, it is cleared. Text copied from
elsewhere meanwhile is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    def __init__(self, seconds: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self._watched: str | None = None
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _is_ours(self) -> bool:
        # Some platforms (Wayland, offscreen) never report ownership; a change while
        # Veldboek is the active application is then taken to be ours.
        return (
            self._clipboard.ownsClipboard()
            or QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        )

    def _changed(self) -> None:
        text = self._clipboard.text()
        if not self._is_ours():
            self._watched = None  # someone else's text now: not ours to clear
            self._timer.stop()
            return
        if text:
            self._watched = _digest(text)
            self._timer.start(self.seconds * 1000)

    def _expire(self) -> None:
        if self._watched is not None and _digest(self._clipboard.text()) == self._watched:
            self._clipboard.clear()
        self._watched = None

    def clear_now(self) -> None:
        """On lock: clear at once if what is there is still ours."""
        if self._watched is not None and _digest(self._clipboard.text()) == self._watched:
            self._clipboard.clear()
        self._watched = None
        self._timer.stop()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
