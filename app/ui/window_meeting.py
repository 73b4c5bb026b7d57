"""Meeting mode in the main window: entering it for the source on screen (or back
into the meeting a lock interrupted), showing nothing but the meeting, and
leaving it for the debrief it became. Functions of the window; their texts are
translated in the "MainWindow" context, as the window's own."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar

from app.services.records import meetings
from app.ui.errors import show_error
from app.ui.meeting_mode import MeetingView
from app.ui.pages.base import Page

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def enter(window: MainWindow) -> None:
    if window.meeting is not None:
        return
    if window.pending_meeting is not None:
        window.resume_meeting(window.pending_meeting)
        return
    source = window.current_source()
    if source is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Open a source's file or debrief first, then press Ctrl+M."
            ),
            6000,
        )
        return
    window.save_pending()
    try:
        window.meeting = MeetingView(window.session, window.runner, *source)
    except Exception as exc:
        show_error(window, exc)
        return
    _show(window)


def resume(window: MainWindow, record: meetings.MeetingRecord) -> None:
    """Back into the meeting a lock interrupted, its note as last saved."""
    window.pending_meeting = None
    try:
        window.meeting = MeetingView.resume(window.session, window.runner, record)
    except Exception as exc:
        show_error(window, exc)
        return
    _show(window)


def _show(window: MainWindow) -> None:
    meeting = window.meeting
    assert meeting is not None
    meeting.finished.connect(window._leave_meeting)
    window.central.addWidget(meeting)
    window.central.setCurrentWidget(meeting)
    window.menuBar().hide()  # meeting mode shows nothing but the meeting
    # The status bar stays: the idle lock's countdown and the panic key (its
    # permanent widget), nothing else of the vault (a page's passing message).
    _QuietStatus(window, meeting)
    window.registry.refresh()
    meeting.note.setFocus()
    meeting.note.moveCursor(QTextCursor.MoveOperation.End)


class _QuietStatus(QObject):
    """While the meeting (its parent) is on screen, no message in the status bar."""

    def __init__(self, window: MainWindow, meeting: MeetingView) -> None:
        super().__init__(meeting)
        self.window = window
        self.bar: QStatusBar = window.statusBar()
        self.bar.clearMessage()
        self.bar.messageChanged.connect(self.clear)

    def clear(self, text: str) -> None:
        if text and self.window.meeting is self.parent():
            self.bar.clearMessage()


def leave(window: MainWindow, record: object) -> None:
    meeting, window.meeting = window.meeting, None
    if meeting is not None:
        window.central.removeWidget(meeting)
        meeting.deleteLater()
    window.central.setCurrentWidget(window.normal)
    window.menuBar().show()
    window.registry.refresh()
    debrief_id = getattr(record, "debrief_id", None)
    if isinstance(debrief_id, uuid.UUID):
        window.open_debrief(debrief_id)
    elif meeting is not None and meeting.discarded:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The meeting was discarded."), 8000
        )
        current = window.stack.currentWidget()
        if isinstance(current, Page):  # its lists showed the meeting
            try:
                current.reload()
            except Exception as exc:
                show_error(window, exc)
