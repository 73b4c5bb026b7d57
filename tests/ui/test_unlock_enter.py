"""Enter in the unlock dialog unlocks, and never quits: a wrong passphrase, then the
right one, both typed and sent with Enter as a keyboard does (to whatever widget has
the focus), open the vault; the Quit button is never the default button. At the
first unlock and in the dialog after Ctrl+L."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from app.ui.unlock_dialog import UnlockDialog
from tests.helpers import factory
from tests.ui.conftest import unlock

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def quits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every QApplication.quit() (the Quit button's end), recorded, not done."""
    calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append(True)))
    return calls


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_and_enter(qtbot: QtBot, dialog: UnlockDialog, text: str) -> None:
    """Typed as on a keyboard: each key goes to the widget that has the focus."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.passphrase, timeout=5_000)
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def fail_once(qtbot: QtBot, dialog: UnlockDialog, attempt: int) -> None:
    type_and_enter(qtbot, dialog, "not the passphrase")
    qtbot.waitUntil(lambda: dialog.status.text() == "Wrong passphrase.", timeout=10_000)
    assert f"{attempt} failed attempt" in dialog.attempts.text()
    assert focused() is dialog.passphrase  # the focus is back in the field
    assert not dialog.quit_button.isDefault()
    assert not dialog.quit_button.autoDefault()


def unlock_with_enter(qtbot: QtBot, controller: AppController, dialog: UnlockDialog) -> None:
    type_and_enter(qtbot, dialog, factory.PASSPHRASE)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)


def shown_dialog(qtbot: QtBot, controller: AppController) -> UnlockDialog:
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_enter_after_a_wrong_passphrase_unlocks_and_does_not_quit(
    qtbot: QtBot, controller: AppController, quits: list[bool]
) -> None:
    dialog = shown_dialog(qtbot, controller)
    fail_once(qtbot, dialog, 1)
    unlock_with_enter(qtbot, controller, dialog)
    assert quits == []
    assert controller.unlock_dialog is None  # done with, after the unlock


def test_enter_in_the_dialog_after_ctrl_l_unlocks_after_two_mistakes(
    qtbot: QtBot, controller: AppController, quits: list[bool]
) -> None:
    window = unlock(qtbot, controller)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    dialog = shown_dialog(qtbot, controller)
    fail_once(qtbot, dialog, 1)
    fail_once(qtbot, dialog, 2)
    # The second mistake brings a wait: typing (spaces too) still goes into the
    # field, never to a button, and Enter during the wait neither unlocks nor quits.
    assert not dialog.unlock_button.isEnabled()
    qtbot.keyClicks(focused(), factory.PASSPHRASE)
    assert dialog.passphrase.text() == factory.PASSPHRASE
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert quits == []
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=10_000)
    assert focused() is dialog.passphrase
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert quits == []


def test_enter_on_a_focused_quit_button_unlocks_it_does_not_quit(
    qtbot: QtBot, controller: AppController, quits: list[bool]
) -> None:
    """Quit is a deliberate click (or Space on it): Enter, wherever the focus is,
    goes to Unlock."""
    dialog = shown_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    dialog.quit_button.setFocus()
    qtbot.waitUntil(dialog.quit_button.hasFocus, timeout=2_000)
    assert not dialog.quit_button.isDefault()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert quits == []
