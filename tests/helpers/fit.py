"""Does a window fit a small laptop screen? The checks the screen-size test and
tools/screenshots.py share.

A window fits when its minimum size (what its layouts and widgets demand) is no
larger than the screen's usable area, and, laid out at that size, no label or
button is cut off and nothing scrolls sideways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from app.ui.window_size import frame_extra, room

SCREEN = QSize(1366, 768)
# What a window may take of that screen: a panel (taskbar) of 40 px and a title
# bar of 28 px leave 700 px of height for the window's own contents.
USABLE = QSize(1366, 700)
# What Qt reports of that screen as available (QScreen.availableGeometry): all but
# the panel. The window manager's frame still has to fit in it.
LAPTOP = QRect(0, 0, 1366, 728)


def on_laptop_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every screen says it is that laptop's (the offscreen platform's is 800x800),
    and a window maximised on it takes what a window manager gives it there: the
    available area less its frame (the offscreen platform would give it its own
    800x800). ``maximised`` lists the windows that asked."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    maximised.clear()

    def maximise(widget: QWidget) -> None:
        maximised.append(widget.objectName())
        widget.resize(room(widget))
        widget.show()

    monkeypatch.setattr(QWidget, "showMaximized", maximise)


maximised: list[str] = []  # the windows shown maximised on the laptop's screen


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def off_screen(window: QWidget) -> list[str]:
    """What of ``window`` (shown) the laptop screen would not show: the window
    with its frame (``frame_extra``: Qt's offscreen windows have none, so the
    allowance a real frame needs) larger than the available area, or a button
    outside the window (but for those in a scroll area, which scroll into view)."""
    found: list[str] = []
    extra = frame_extra(window)
    outer = QSize(window.width() + extra.width(), window.height() + extra.height())
    if outer.width() > LAPTOP.width() or outer.height() > LAPTOP.height():
        found.append(
            f"{_name(window)} with its frame is {outer.width()}x{outer.height()}, "
            f"the screen has {LAPTOP.width()}x{LAPTOP.height()}"
        )
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_scroll_area(button, window):
            continue
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not window.rect().contains(place):
            found.append(f"{_name(button)} at {place.getRect()} is outside the window")
    return found


def _minimum(widget: QWidget) -> QSize:
    hint = widget.minimumSizeHint()
    least = widget.minimumSize()
    return QSize(max(hint.width(), least.width()), max(hint.height(), least.height()))


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text().replace("\n", " ")[:60]
    return f"{type(widget).__name__}#{widget.objectName()} {text!r}".rstrip()


def _shows_whole_text(widget: QWidget) -> bool:
    """Widgets whose text is cut off, not wrapped or elided, when they get less
    than their minimum width."""
    if isinstance(widget, QLabel):
        return bool(widget.text()) and not widget.wordWrap()
    if isinstance(widget, QAbstractButton):
        return bool(widget.text())
    return isinstance(widget, QComboBox)


def placeholder_room(edit: QLineEdit) -> int:
    """How much of its placeholder ``edit`` shows: the width it paints text in
    (its contents less its text margins and the 2 px QLineEdit keeps each side)
    less the placeholder's width; negative when the placeholder is cut."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    inner = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    shown = inner.width() - margins.left() - margins.right() - 4
    return shown - edit.fontMetrics().horizontalAdvance(edit.placeholderText())


def problems(window: QWidget, usable: QSize = USABLE) -> list[str]:
    """What keeps ``window`` (a top-level widget, shown) from fitting ``usable``.

    The window is resized to fit the screen first (its own size, capped), as a
    window manager would; the caller restores it if it matters."""
    found: list[str] = []
    least = _minimum(window)
    if least.width() > usable.width() or least.height() > usable.height():
        found.append(
            f"window needs {least.width()}x{least.height()}, "
            f"screen gives {usable.width()}x{usable.height()}"
        )
    size = window.size().boundedTo(usable).expandedTo(least)
    window.resize(size)
    QApplication.processEvents()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        needs = widget.minimumSizeHint().width()
        if _shows_whole_text(widget) and widget.width() + 1 < needs:
            found.append(f"{_name(widget)} cut off: {widget.width()} < {needs} px")
        if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            short = -placeholder_room(widget)
            if short > 0:
                found.append(f"{_name(widget)} placeholder cut off by {short} px")
        if isinstance(widget, QAbstractScrollArea):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0 and widget.objectName() not in SIDEWAYS_OK:
                found.append(f"{_name(widget)} scrolls sideways by {bar.maximum()} px")
    return found


# Views whose content is meant to be wider than the window (none today).
SIDEWAYS_OK: frozenset[str] = frozenset()
