"""The reveal dialog says what is wrong with a reason given: too short is not
"no reason"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.main_window import MainWindow
from tests.helpers import factory
from tests.ui.test_dialog_titles import click, dialogs_up, open_file


def test_a_too_short_reason_is_called_too_short(qtbot: QtBot, window: MainWindow) -> None:
    _source, view = open_file(window)
    click(qtbot, view, "revealIdentity")
    (dialog,) = dialogs_up()
    assert isinstance(dialog, RevealIdentityDialog)
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.keyClicks(dialog.reason, "why")
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reveal_button.isEnabled(), timeout=10_000)
    said = dialog.status.text()
    assert "at least 5 characters" in said
    assert "Give the reason" not in said
    assert dialog.reason.hasFocus() or dialog.focusWidget() is dialog.reason
    assert dialog.passphrase.text() == factory.PASSPHRASE  # kept: only the reason was short

    dialog.reason.clear()
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reveal_button.isEnabled(), timeout=10_000)
    assert "Give the reason" in dialog.status.text()
    dialog.reject()
