"""Does a window fit a small laptop screen? The checks the screen-size test and
tools/screenshots.py share.

A window fits when its minimum size (what its layouts and widgets demand) is no
larger than the screen's usable area, and, laid out at that size, no label or
button is cut off and nothing scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QWidget,
)

SCREEN = QSize(1366, 768)
# What a window may take of that screen: a panel (taskbar) of 40 px and a title
# bar of 28 px leave 700 px of height for the window's own contents.
USABLE = QSize(1366, 700)


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
        if isinstance(widget, QAbstractScrollArea):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0 and widget.objectName() not in SIDEWAYS_OK:
                found.append(f"{_name(widget)} scrolls sideways by {bar.maximum()} px")
    return found


# Views whose content is meant to be wider than the window (none today).
SIDEWAYS_OK: frozenset[str] = frozenset()
