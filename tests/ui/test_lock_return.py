"""After Ctrl+L the unlock returns to what was on screen (README, In the app): a
source's file the runner was reading, not a meeting a panic left open on another
source, which waits for Ctrl+M as before; the identity revealed on that file stays
hidden. A meeting that was on screen at Ctrl+L comes back on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.services.records import identity
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.ui.conftest import unlock

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NAME = "Jan Achterberg"
NOTE = "Courier starts Monday."


def texts() -> str:
    """Every text every window on screen holds."""
    held = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, (QLabel, QLineEdit)):
                held.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                held.append(widget.toPlainText())
    return "\n".join(held)


def meeting_on(qtbot: QtBot, window: MainWindow, codename: str) -> None:
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, codename))
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    meeting = window.meeting
    assert meeting is not None
    qtbot.keyClicks(meeting.note, NOTE)


def relock(qtbot: QtBot, controller: AppController, key_to: QWidget) -> MainWindow:
    """Ctrl+L typed into ``key_to``, then the passphrase into the unlock dialog."""
    qtbot.keyClick(key_to, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None)
    return unlock(qtbot, controller)


def test_ctrl_l_returns_to_the_file_on_screen_not_to_a_meeting_left_open(
    qtbot: QtBot, controller: AppController, window: MainWindow
) -> None:
    # A meeting on ONTMOETBRON, left open by a panic: after the unlock it waits for Ctrl+M.
    meeting_on(qtbot, window, "ONTMOETBRON")
    qtbot.keyClick(window.meeting, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: controller.window is None)
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.showNormal()
    window = unlock(qtbot, controller)
    assert window.meeting is None
    left_open = window.pending_meeting
    assert left_open is not None
    # The runner reads LEESDOSSIER's file and reveals her identity.
    vault, scope = window.session.vault, window.session.scope
    linde = factory.source(vault, scope, "LEESDOSSIER")
    identity.record_identity(vault, scope, linde, IdentityFields(full_name=NAME))
    window.open_source(linde)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    qtbot.mouseClick(page.file_view.reveal_button, LEFT)
    reveal = page.file_view.findChild(RevealIdentityDialog)
    assert isinstance(reveal, RevealIdentityDialog)
    qtbot.keyClicks(reveal.passphrase, factory.PASSPHRASE)
    qtbot.keyClicks(reveal.reason, "check before the meeting")
    qtbot.mouseClick(reveal.reveal_button, LEFT)
    qtbot.waitUntil(lambda: reveal.showing, timeout=20_000)
    assert NAME in texts()

    window = relock(qtbot, controller, reveal)

    # Back on LEESDOSSIER's file, her identity hidden; ONTMOETBRON's meeting still waits.
    assert window.meeting is None
    assert window.central.currentWidget() is window.normal
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    assert window.stack.currentWidget() is page
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.file is not None
    assert page.file_view.file.overview.id == linde
    assert window.findChild(RevealIdentityDialog) is None
    assert NAME not in texts()
    assert window.pending_meeting is not None
    assert window.pending_meeting.debrief_id == left_open.debrief_id
    assert "Ctrl+M" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    assert window.meeting is not None
    assert window.meeting.codename.text() == "ONTMOETBRON"
    assert window.meeting.note.toPlainText() == NOTE


def test_ctrl_l_in_a_meeting_returns_to_the_meeting(
    qtbot: QtBot, controller: AppController, window: MainWindow
) -> None:
    meeting_on(qtbot, window, "ONTMOETBRON")
    assert window.meeting is not None
    window = relock(qtbot, controller, window.meeting.note)
    assert window.meeting is not None
    assert window.central.currentWidget() is window.meeting
    assert window.meeting.codename.text() == "ONTMOETBRON"
    assert window.meeting.note.toPlainText() == NOTE


def test_meeting_mode_keeps_the_lock_countdown_and_panic_key_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The status bar stays in a meeting: when the vault locks and which key panics;
    no other message of the vault's pages."""
    window.statusBar().showMessage("A message of a page", 0)
    meeting_on(qtbot, window, "STATUSBRON")
    bar = window.statusBar()
    assert bar.isVisible()
    assert window.idle_status.isVisible()
    assert "Panic: F12" in window.idle_status.text()
    assert bar.currentMessage() == ""
    bar.showMessage("Package 3 written to /media/usb", 0)  # work finishing behind it
    assert bar.currentMessage() == ""
    visible = [w for w in bar.findChildren(QWidget) if w.isVisibleTo(bar)]
    assert [w for w in visible if isinstance(w, QLabel) and w.text()] == [window.idle_status]
    # Discarded: the window says so in its status bar again.
    meeting = window.meeting
    assert meeting is not None
    window._leave_meeting(None)
    bar.showMessage("After the meeting", 0)
    assert bar.currentMessage() == "After the meeting"
