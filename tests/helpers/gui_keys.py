"""Driving the main window from the keyboard, as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def active(qtbot: QtBot, window: QWidget) -> None:
    """The window gets the keyboard: what the desktop does when a dialog closes
    (the offscreen platform leaves no window active then)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def switch_alias(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Ctrl+Shift+A opens the alias list; arrow keys to ``name``, Enter."""
    choose_alias(qtbot, window, name)
    qtbot.waitUntil(lambda: window.session.scope.alias_name == name)
    assert name in window.band.label.text()


def choose_alias(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """What ``switch_alias`` types, without waiting for the switch (it may be held).
    Typed once no dialog holds the window: a progress dialog of work just done may
    still be closing on a loaded machine, and would take the keys (as for a user)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    # The window's shortcuts need it active: a desktop gives it back when a dialog
    # closes, the offscreen platform not always (it failed so on a loaded machine).
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    popup = window.band.switcher.view()
    qtbot.waitUntil(popup.isVisible)
    target = window.band.switcher.findText(name)
    assert target >= 0
    while popup.currentIndex().row() != target:
        down = popup.currentIndex().row() < target
        qtbot.keyClick(popup, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
