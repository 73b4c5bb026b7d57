"""Keeping vault text out of the places other programs read: the clipboard, the
X11 primary selection and the macOS find buffer.

When the app itself put text on the clipboard (or in the find buffer), a timer
starts; when it fires and that place still holds that same text, it is cleared.
The primary selection (what a middle click pastes, on X11) is filled by merely
selecting text, without any copy: the app never leaves its text there, but
clears it as soon as the event loop is back (a middle click inside the app then
pastes nothing). A lock or the panic key clears all of them at once. Text put
there from elsewhere meanwhile is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

Mode = QClipboard.Mode


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def supported_modes(clipboard: QClipboard) -> tuple[QClipboard.Mode, ...]:
    """The places this platform has: the clipboard always, the selection on X11,
    the find buffer on macOS."""
    modes = [Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(Mode.Selection)
    if clipboard.supportsFindBuffer():
        modes.append(Mode.FindBuffer)
    return tuple(modes)


class ClipboardGuard(QObject):
    def __init__(
        self,
        seconds: int = 10,
        parent: QObject | None = None,
        *,
        modes: tuple[QClipboard.Mode, ...] | None = None,
    ) -> None:
        """``modes``: the places to guard (by default every one the platform has)."""
        super().__init__(parent)
        self.seconds = seconds
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self.modes = supported_modes(self._clipboard) if modes is None else modes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        # The selection: cleared once the event loop is back, not inside the
        # signal of the widget that is still setting it.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._clear_selection)
        self._watched: dict[QClipboard.Mode, str] = {}
        # Bound methods, so that Qt disconnects them when this guard is deleted.
        if Mode.Clipboard in self.modes:
            self._clipboard.dataChanged.connect(self._clipboard_changed)
        if Mode.Selection in self.modes:
            self._clipboard.selectionChanged.connect(self._selection_changed)
        if Mode.FindBuffer in self.modes:
            self._clipboard.findBufferChanged.connect(self._find_buffer_changed)

    def _clipboard_changed(self) -> None:
        self._changed(Mode.Clipboard)

    def _selection_changed(self) -> None:
        self._changed(Mode.Selection)

    def _find_buffer_changed(self) -> None:
        self._changed(Mode.FindBuffer)

    def _clear_selection(self) -> None:
        self._clear_if_ours((Mode.Selection,))

    def _is_ours(self, mode: QClipboard.Mode = Mode.Clipboard) -> bool:
        owns = {
            Mode.Clipboard: self._clipboard.ownsClipboard,
            Mode.Selection: self._clipboard.ownsSelection,
            Mode.FindBuffer: self._clipboard.ownsFindBuffer,
        }[mode]()
        if owns or QGuiApplication.platformName() == "xcb":
            # X11 says who owns each selection: another program's text is never
            # taken for ours (a selection is changed by other programs all the time).
            return owns
        # Some platforms (Wayland, offscreen) never report ownership; a change while
        # Veldboek is the active application is then taken to be ours.
        return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive

    def _changed(self, mode: QClipboard.Mode) -> None:
        text = self._clipboard.text(mode)
        if not self._is_ours(mode):
            self._watched.pop(mode, None)  # someone else's text now: not ours to clear
            if not self._watched:
                self._timer.stop()
            return
        if not text:
            return
        self._watched[mode] = _digest(text)
        if mode is Mode.Selection:
            self._soon.start()
        else:
            self._timer.start(self.seconds * 1000)

    def _clear_if_ours(self, modes: tuple[QClipboard.Mode, ...]) -> None:
        """Clear each of ``modes`` that still holds the text the app put there."""
        for mode in modes:
            watched = self._watched.pop(mode, None)
            if watched is not None and _digest(self._clipboard.text(mode)) == watched:
                self._clipboard.clear(mode)

    def _expire(self) -> None:
        self._clear_if_ours(tuple(m for m in self.modes if m is not Mode.Selection))

    def clear_now(self) -> None:
        """On lock and panic: clear at once every place that still holds our text."""
        self._timer.stop()
        self._soon.stop()
        self._clear_if_ours(self.modes)

    @property
    def pending(self) -> bool:
        return self._timer.isActive() or self._soon.isActive()
