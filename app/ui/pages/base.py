"""What every page of the main window does: load for the current scope, clear
everything on lock, and ask the window to navigate elsewhere."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.ui.session import AppSession
from app.ui.workers import TaskRunner


class Page(QWidget):
    open_source = Signal(object)  # uuid.UUID
    open_debrief = Signal(object)  # uuid.UUID

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError  # every page names itself, before it is built (MainWindow)

    def reload(self) -> None:
        """Load (again) what this page shows, under the session's current scope."""

    def clear_vault_data(self) -> None:
        """Drop every piece of vault data this page holds (called on lock)."""

    def entry_widget(self) -> QWidget | None:
        """Where the keyboard goes when the page is opened by its shortcut."""
        return None

    def go_source(self, source_id: uuid.UUID) -> None:
        self.open_source.emit(source_id)

    def go_debrief(self, debrief_id: uuid.UUID) -> None:
        self.open_debrief.emit(debrief_id)
