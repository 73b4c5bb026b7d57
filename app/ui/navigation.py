"""The main window's sidebar: one row per page."""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QListWidget


class Navigation(QListWidget):
    """On the debrief page no row is current (``window_place.mark_nav``). Qt makes
    the first row current when a list with none is tabbed into, and that opened
    Home in the middle of a debrief (Shift+Tab twice from its first field). Tab
    now only brings the keyboard here; an arrow key or a click picks a page."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        self.blockSignals(True)
        try:
            super().focusInEvent(event)
            self.setCurrentRow(-1)
        finally:
            self.blockSignals(False)
