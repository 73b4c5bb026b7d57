"""Undo word by word. Qt merges every character typed in a row into one undo step,
so Ctrl+Z after a sentence typed in one go wipes the whole sentence (in a line
edit, the whole field). This filter cuts the typing into steps: one per word
(the first letter after a space or a new line starts a new step) and one after
every pause of ``PAUSE_SECONDS``. Ctrl+Z then takes back the last word.

It works on the undo history only, never on the text: how an editor loads or
saves its text is untouched. (A text edit's step is cut by marking its document
unmodified, which stops Qt merging the next insertion into the last one; a line
edit's by moving its cursor away and back, which makes Qt start a new step.
Nothing in Veldboek uses a document's "modified" flag: the editors keep their own.)
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

PAUSE_SECONDS = 1.0


class WordUndo(QObject):
    """Installed once on the application: every text field gets word-by-word undo.

    It remembers only the field typed into last (typing goes to one field at a
    time): moving to another field starts a new step there anyway. (Not kept as a
    property on each field: PySide6 6.12 miscounts references to None when asked
    for a property a widget does not have.)"""

    clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._field = 0  # id() of the field typed into last
        self._last = float("-inf")
        self._after_space = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of every widget comes here: the cheapest test first.
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QPlainTextEdit | QTextEdit | QLineEdit):
            return False
        text = event.text()
        if not text or not (text.isprintable() or text in "\r\n\t"):
            return False  # not typing (a shortcut, an arrow): Qt starts a new step itself
        if watched.isReadOnly():
            return False
        now = WordUndo.clock()
        same_field = self._field == id(watched)
        if (
            not same_field
            or (self._after_space and not text.isspace())
            or (now - self._last > PAUSE_SECONDS)
        ):
            cut_undo_step(watched)
        self._field, self._last, self._after_space = id(watched), now, text.isspace()
        return False


def cut_undo_step(edit: QPlainTextEdit | QTextEdit | QLineEdit) -> None:
    """What is typed next is undone on its own, not together with what came before."""
    if isinstance(edit, QLineEdit):
        position, length = edit.cursorPosition(), len(edit.text())
        if edit.hasSelectedText() or not length:
            return  # typing replaces a selection (its own step) or starts an empty field
        step = -1 if position > 0 else 1
        edit.setCursorPosition(position + step)
        edit.setCursorPosition(position)
    else:
        edit.document().setModified(False)


def install(app: QApplication | None = None) -> WordUndo:
    """Install the filter on the application (once; later calls return it)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    existing = app.findChild(WordUndo, "wordUndo")
    if existing is not None:
        return existing
    word_undo = WordUndo(app)
    word_undo.setObjectName("wordUndo")
    app.installEventFilter(word_undo)
    return word_undo
