"""Reading the runner's ``Place`` off the main window when the vault locks, and
taking the next window back there after the unlock (``app.ui.place`` says what a
place holds and why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import VeldboekError
from app.ui.pages.sources import SourcesPage
from app.ui.place import Place

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def place_of(window: MainWindow) -> Place:
    """Where the runner is now: the page, the open debrief or source file, and
    a meeting under way."""
    held = window.meeting
    shown = held is not None and held.is_open
    meeting = held.record if held is not None and shown else window.pending_meeting
    current = window.stack.currentWidget()
    debrief_page = window.debrief_on_screen()
    if debrief_page is not None and debrief_page.view is not None:
        return Place(
            window._return_row,
            debrief_id=debrief_page.view.id,
            meeting=meeting,
            meeting_on_screen=shown,
        )
    row = max(0, window.nav.currentRow())
    if isinstance(current, SourcesPage):  # pages not on screen: not built, maybe
        file = current.file_view.file
        if current.stack.currentWidget() is current.file_view and file is not None:
            return Place(row, source_id=file.overview.id, meeting=meeting, meeting_on_screen=shown)
    return Place(row, meeting=meeting, meeting_on_screen=shown)


def return_to(window: MainWindow, place: Place, *, resume_meeting: bool) -> None:
    """After an unlock: back to ``place``. A record that is gone (or another
    alias's) leaves the runner on its page. A meeting returns to the screen only
    if it was on it (``resume_meeting``: not after a panic); one left open while
    the runner was elsewhere waits for Ctrl+M, as it did before the lock."""
    if 0 <= place.page < len(window.page_classes()) and place.page != window.nav.currentRow():
        window.nav.setCurrentRow(place.page)
    try:
        if place.source_id is not None:
            page = window.page(SourcesPage)
            assert isinstance(page, SourcesPage)
            page.show_source(place.source_id)
        if place.debrief_id is not None:
            window._return_row = max(0, window.nav.currentRow())
            window.debrief_page.open(place.debrief_id)
            show_debrief_page(window)
    except VeldboekError:
        pass  # no longer there to return to: the page is
    if place.meeting is None:
        return
    if resume_meeting and place.meeting_on_screen:
        window.resume_meeting(place.meeting)
    else:
        window.pending_meeting = place.meeting
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "A meeting is still open: Ctrl+M returns to it."
            ),
            0,
        )


def show_debrief_page(window: MainWindow) -> None:
    window.stack.setCurrentWidget(window.debrief_page)
    mark_nav(window, -1)  # the page it came from, highlighted, reads as the one shown


def mark_nav(window: MainWindow, row: int) -> None:
    """Highlights ``row`` in the sidebar (-1: none) without showing its page again."""
    window.nav.blockSignals(True)
    window.nav.setCurrentRow(row)
    window.nav.blockSignals(False)
