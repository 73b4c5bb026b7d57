"""Answering modal message boxes the way a user does: a timer that, while the box's
own event loop runs, finds the box on screen and clicks one of its buttons or
presses a key on it (Return takes the default button)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.ui.confirm import ConfirmDialog

RETURN = "<Return>"


@dataclass
class Answered:
    """What each box said (title, text, informative text) and its object name."""

    texts: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)


@contextmanager
def answering(*answers: str) -> Iterator[Answered]:
    """Answer the next modal boxes, in order: a button's text, or ``RETURN``.
    Fails at the end if a planned answer was never given."""
    pending = list(answers)
    seen = Answered()
    handled: set[int] = set()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or id(box) in handled:
            return
        if not pending:
            return
        handled.add(id(box))
        seen.texts.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        seen.names.append(box.objectName())
        answer = pending.pop(0)
        if answer == RETURN:
            QTest.keyClick(box, Qt.Key.Key_Return)
        else:
            _button(box, answer).click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
    assert not pending, f"no box came to answer with {pending}"


def shown_error() -> QMessageBox:
    """The error box ``show_error`` opened (window-modal, not waited for)."""
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]
    assert boxes, "no error was shown"
    return boxes[-1]


def _questions(name: str) -> list[ConfirmDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ConfirmDialog) and w.isVisible() and (not name or w.objectName() == name)
    ]


def confirmation(name: str = "", qtbot: QtBot | None = None) -> ConfirmDialog:
    """The open question of ``app.ui.confirm`` (the last one opened, or the one named);
    with ``qtbot``, waits for it (a question asked after work in the pool)."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: bool(_questions(name)), timeout=30_000)
    dialogs = _questions(name)
    assert dialogs, f"no question {name!r} is open"
    return dialogs[-1]


def confirm(qtbot: QtBot, name: str = "", comment: str = "") -> str:
    """Answer the open question with its own button, as a user does (typing the
    comment first if it asks for one); returns the question's text."""
    dialog = confirmation(name, qtbot)
    text = dialog.question.text()
    if comment:
        assert dialog.comment is not None
        qtbot.keyClicks(dialog.comment, comment)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    return text
