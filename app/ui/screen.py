"""What is on screen, for locking: hide every window at once, wipe the text that
widgets hold, close the dialogs, and delete windows once it is safe.

A dialog shown with exec() (a file picker, a message box, a print dialog) runs an
event loop of its own; the code that called exec() resumes only when that loop
ends. Hiding the dialog ends its loop, and exec() then answers as if the user had
cancelled: Rejected, an empty file name, no button. Deleting the window that owns
the waiting code while such a loop still runs would pull the widgets from under
that code (and from under Qt's own dialogs, which live on the C++ stack), so
windows are deleted later, once the event loops opened after them have ended
(``Retirer``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTextEdit,
    QToolTip,
    QTreeWidget,
    QWidget,
)
from shiboken6 import Shiboken

_CLEARABLE = (QPlainTextEdit, QTextEdit, QLabel, QComboBox, QListWidget, QTreeWidget, QTableWidget)


def loop_level() -> int:
    """How many event loops the GUI thread runs inside each other now (the
    application's own loop is 1, a dialog's exec() inside it 2)."""
    return QThread.currentThread().loopLevel()


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def blank_screen() -> None:
    """The fastest way off the screen: hide every platform window (a widget's
    own hide() walks all its children first, tens of milliseconds for the main
    window). ``hide_all`` follows at once to bring the widgets in line."""
    for window in QGuiApplication.topLevelWindows():
        if window.isVisible():
            window.hide()


def hide_all() -> list[QWidget]:
    """Hide every visible top-level widget now: windows, dialogs, menus, popups,
    the tooltip. A hidden window has no taskbar entry and no place in the window
    switcher."""
    QToolTip.hideText()
    for _ in range(20):  # popups stack (a combo's list inside a menu); never loop forever
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.hide()
    hidden = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.hide()
            hidden.append(window)
    return hidden


def keep_typed_text(shown: list[QWidget]) -> None:
    """Ask every window that was on screen (``shown``; a dialog closed earlier
    has nothing pending) and can (``keep_for_lock``) to store what is typed in it
    in the vault, encrypted, before the vault locks."""
    for window in shown:
        keep = getattr(window, "keep_for_lock", None)
        if callable(keep):
            keep()


def wipe_text(root: QWidget) -> None:
    """Clear what ``root`` and the widgets in it show: fields (with their undo
    history: ``QLineEdit.clear`` keeps it, ``setText`` drops it), labels,
    combos, lists and the window title. Signals are blocked meanwhile, so no
    handler (an autosave, a search as you type) reacts to the clearing."""
    for widget in [root, *root.findChildren(QWidget)]:
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QLineEdit):
                widget.setText("")
            elif isinstance(widget, _CLEARABLE):
                widget.clear()  # a text edit's undo history goes too
        finally:
            widget.blockSignals(blocked)
    root.setWindowTitle("")


def close_dialogs(shown: list[QWidget]) -> list[QDialog]:
    """Wipe every dialog and close those that were on screen (``shown``): one
    waiting in exec() returns Rejected, a progress dialog is cancelled (its work
    is told to stop). Returns the dialogs Python made, which are ours to delete
    (Qt's static dialogs delete themselves when their function returns)."""
    ours: list[QDialog] = []
    for window in QApplication.topLevelWidgets():
        if not isinstance(window, QDialog) or not Shiboken.isValid(window):
            continue
        wipe_text(window)
        if window in shown:
            if isinstance(window, QProgressDialog):
                window.cancel()
            else:
                # done() and not reject(): a reject() that asks "discard?" must
                # not open a question on a locked screen.
                window.done(QDialog.DialogCode.Rejected)
        if Shiboken.createdByPython(window):
            ours.append(window)
    return ours


class Retirer(QObject):
    """Deletes widgets once the event loop level is back to ``level`` or lower,
    that is when every dialog's exec() started inside them has returned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[QWidget, int]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._check)

    def retire(self, widget: QWidget, level: int) -> None:
        widget.hide()
        self._pending.append((widget, level))
        self._check()

    def _check(self) -> None:
        now = loop_level()
        waiting = []
        for widget, level in self._pending:
            if not Shiboken.isValid(widget):
                continue
            if now <= level:
                widget.deleteLater()
            else:
                waiting.append((widget, level))
        self._pending = waiting
        if waiting:
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._pending)
