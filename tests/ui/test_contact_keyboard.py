"""New contact by keyboard, as a runner types it: Tab goes from field to field
(a date or time edit is one stop, its sections reached with Left and Right), so
the time stays as shown and every text lands in its field; a meeting without a
location is saved only when the runner says so; Escape with typing in the form
asks before throwing it away, and Cancel there goes back with everything kept."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.records import contacts
from app.ui.confirm import ConfirmDialog
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.records import RiskDialog
from app.ui.main_window import MainWindow
from app.ui.widgets import datetime_value
from tests.helpers import factory
from tests.helpers.boxes import confirm

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def type_keys(
    qtbot: QtBot,
    *keys: Qt.Key | str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """To whatever has the keyboard, key by key, as a user types."""
    for key in keys:
        focus = QApplication.focusWidget()
        assert focus is not None
        if isinstance(key, str):
            qtbot.keyClicks(focus, key)
        else:
            qtbot.keyClick(focus, key, modifier)


def open_contact(qtbot: QtBot, window: MainWindow) -> tuple[uuid.UUID, ContactDialog]:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KORHOEN")
    window.open_source(source)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    dialog = visible(ContactDialog)
    assert isinstance(dialog, ContactDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.kind, timeout=5_000)
    return source, dialog


def visible(kind: type[QWidget]) -> QWidget | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def test_a_contact_typed_by_keyboard_is_saved_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    source, dialog = open_contact(qtbot, window)
    shown_time = datetime_value(dialog.when)
    type_keys(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.when
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.location
    type_keys(qtbot, "BAKKERIJ", Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.attendees
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Tab)
    type_keys(qtbot, "Route by the canal, no tail", Qt.Key.Key_Tab)
    type_keys(qtbot, "Source nervous about the van", Qt.Key.Key_Tab)
    type_keys(qtbot, "Met for 40 minutes")
    # Shift+Tab goes back field by field too: through the date-time edit in one step.
    type_keys(qtbot, Qt.Key.Key_Tab, modifier=SHIFT)
    assert QApplication.focusWidget() is dialog.safety
    for _ in range(5):
        type_keys(qtbot, Qt.Key.Key_Tab, modifier=SHIFT)
    assert QApplication.focusWidget() is dialog.when
    type_keys(qtbot, Qt.Key.Key_Tab, modifier=SHIFT)
    assert QApplication.focusWidget() is dialog.kind
    type_keys(qtbot, Qt.Key.Key_Return, modifier=CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    (saved,) = contacts.list_contacts(window.session.vault, window.session.scope, source)
    assert saved.occurred_at == shown_time
    assert saved.location_codeword == "BAKKERIJ"
    assert saved.reconnaissance_notes == "Route by the canal, no tail"
    assert saved.safety_notes == "Source nervous about the van"
    assert saved.notes == "Met for 40 minutes"


def test_left_and_right_reach_the_sections_of_the_time(qtbot: QtBot, window: MainWindow) -> None:
    _source, dialog = open_contact(qtbot, window)
    type_keys(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.when
    before = datetime_value(dialog.when)
    dialog.when.setCurrentSectionIndex(0)
    for _ in range(4):  # year, month, day, hour: to the minutes
        type_keys(qtbot, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert dialog.when.currentSectionIndex() > 0
    type_keys(qtbot, Qt.Key.Key_Up)
    assert datetime_value(dialog.when) != before  # a section changed, the keyboard stayed
    assert QApplication.focusWidget() is dialog.when
    dialog.reject()


def test_a_meeting_without_location_is_saved_only_when_asked(
    qtbot: QtBot, window: MainWindow
) -> None:
    source, dialog = open_contact(qtbot, window)
    qtbot.keyClicks(dialog.notes, "Short meeting")
    type_keys(qtbot, Qt.Key.Key_Return, modifier=CTRL)
    question = visible(ConfirmDialog)
    assert isinstance(question, ConfirmDialog)
    assert question.objectName() == "noLocationConfirm"
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # back to the form, to the empty field
    assert dialog.isVisible()
    assert QApplication.focusWidget() is dialog.location
    vault, scope = window.session.vault, window.session.scope
    assert contacts.list_contacts(vault, scope, source) == []

    type_keys(qtbot, Qt.Key.Key_Return, modifier=CTRL)
    assert "no location" in confirm(qtbot, "noLocationConfirm")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (saved,) = contacts.list_contacts(vault, scope, source)
    assert (saved.location_codeword, saved.notes) == ("", "Short meeting")


def test_escape_asks_before_typing_is_thrown_away(qtbot: QtBot, window: MainWindow) -> None:
    _source, dialog = open_contact(qtbot, window)
    qtbot.keyClicks(dialog.notes, "Typed before the Escape")
    type_keys(qtbot, Qt.Key.Key_Escape)
    question = visible(ConfirmDialog)
    assert isinstance(question, ConfirmDialog)
    assert question.objectName() == "discardFormConfirm"
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # the question's Escape: keep editing
    assert not question.isVisible()
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "Typed before the Escape"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    confirm(qtbot, "discardFormConfirm")
    assert not dialog.isVisible()


@pytest.mark.parametrize("typed", [False, True])
def test_an_untouched_form_closes_at_once(qtbot: QtBot, window: MainWindow, typed: bool) -> None:
    """Only typing is asked about; a form of another kind asks the same way."""
    vault, scope = window.session.vault, window.session.scope
    dialog = RiskDialog(window.session, factory.source(vault, scope, "KORHOEN"), window)
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.level, timeout=5_000)
    if typed:
        qtbot.keyClicks(dialog.threats, "A cousin in the crew")
    type_keys(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible() is typed
    assert (visible(ConfirmDialog) is not None) is typed
    if typed:
        confirm(qtbot, "discardFormConfirm")
        assert not dialog.isVisible()
