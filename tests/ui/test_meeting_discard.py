"""Meeting mode started by mistake: "Discard meeting…" asks (naming the source and
the note it would lose), then wants the passphrase like ending does, and removes
the contact and its draft; after the first minutes it is no longer offered.
Real clicks and keys."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.clock import utc_now
from app.services.admin import audit
from app.services.records import contacts
from app.ui import meeting_mode
from app.ui.main_window import MainWindow
from app.ui.meeting_mode import MeetingView
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.boxes import confirmation

LEFT = Qt.MouseButton.LeftButton


def _start(qtbot: QtBot, window: MainWindow, codename: str) -> tuple[uuid.UUID, MeetingView]:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, codename)
    window.open_source(source)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    return source, meeting


def _passphrase(qtbot: QtBot, text: str) -> None:
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QInputDialog)
            and w.isVisible()
            and w.objectName() == "discardMeetingDialog"
            for w in QApplication.topLevelWidgets()
        )
    )
    ask = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QInputDialog)
        and w.isVisible()
        and w.objectName() == "discardMeetingDialog"
    )
    field = ask.findChild(QLineEdit)
    assert field is not None
    assert field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.usefixtures("english")
def test_a_meeting_started_by_mistake_is_discarded(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source, meeting = _start(qtbot, window, "VERKEERD")
    qtbot.keyClicks(meeting.note, "Wrong source after all")
    assert len(contacts.list_contacts(vault, scope, source)) == 1

    # A stray Enter on the question: nothing happens.
    qtbot.mouseClick(meeting.discard_button, LEFT)
    question = confirmation("discardMeetingConfirm", qtbot)
    assert "VERKEERD" in question.question.text()
    assert question.details.text() == "The note you typed (4 words) is lost with it."
    qtbot.keyClick(question.cancel_button, Qt.Key.Key_Return)
    assert window.meeting is meeting

    # Asked and confirmed, it still wants the passphrase: a wrong one keeps it.
    qtbot.mouseClick(meeting.discard_button, LEFT)
    qtbot.mouseClick(confirmation("discardMeetingConfirm", qtbot).confirm_button, LEFT)
    _passphrase(qtbot, "not the passphrase at all")
    qtbot.waitUntil(lambda: "Wrong passphrase" in meeting.status.text(), timeout=10_000)
    assert window.meeting is meeting
    assert len(contacts.list_contacts(vault, scope, source)) == 1

    qtbot.mouseClick(meeting.discard_button, LEFT)
    qtbot.mouseClick(confirmation("discardMeetingConfirm", qtbot).confirm_button, LEFT)
    _passphrase(qtbot, factory.PASSPHRASE)
    qtbot.waitUntil(lambda: window.meeting is None, timeout=10_000)
    assert contacts.list_contacts(vault, scope, source) == []
    assert audit.recent_events(vault, scope)[0].action == "meeting.discarded"
    # Back on the source's file, which no longer lists the meeting.
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    assert window.stack.currentWidget() is page
    assert page.file_view.contacts.model.rowCount() == 0
    assert window.statusBar().currentMessage() == "The meeting was discarded."


def test_after_the_first_minutes_a_meeting_is_ended_not_discarded(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source, meeting = _start(qtbot, window, "ECHTGEWEEST")
    assert meeting.discard_button.isEnabled()
    later = utc_now() + timedelta(minutes=11)
    monkeypatch.setattr(meeting_mode, "utc_now", lambda: later)
    qtbot.mouseClick(meeting.discard_button, LEFT)
    assert not meeting.discard_button.isEnabled()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "discardMeetingConfirm" and w.isVisible()
    ]
    assert window.meeting is meeting
    assert len(contacts.list_contacts(vault, scope, source)) == 1
