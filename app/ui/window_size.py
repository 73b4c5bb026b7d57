"""Window sizes that fit the screen a window is on: its available geometry (the
screen less panels and docks) less the frame the window manager draws around the
window (a title bar, borders). A 1366 x 768 laptop with a panel leaves little
more than 700 px of height for a window's contents."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

# Until a window is on screen its frame is unknown: room kept for a title bar and
# borders (openbox, GNOME, KDE and Windows draw 20-40 px of title bar).
FRAME_ALLOWANCE = QSize(16, 40)
# What a title bar holds beside the title: the window's icon, its three buttons
# and the padding between them.
TITLE_BAR_CHROME = 140


def available(widget: QWidget) -> QRect:
    """The available geometry of the screen ``widget`` is on (or will open on)."""
    return widget.screen().availableGeometry()


def frame_extra(widget: QWidget) -> QSize:
    """What the window manager's frame adds to ``widget``'s window: measured once
    the window is shown, ``FRAME_ALLOWANCE`` before."""
    window = widget.window()
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def room(widget: QWidget) -> QSize:
    """The largest size ``widget``'s window can have with its frame on its screen."""
    area = available(widget).size()
    extra = frame_extra(widget)
    return QSize(area.width() - extra.width(), area.height() - extra.height())


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` (a window) to ``width`` x ``height``, or less where its
    screen has less room."""
    widget.resize(QSize(width, height).boundedTo(room(widget)))


def opens_maximised(window: QWidget, wanted: QSize) -> bool:
    """Whether ``window`` should open maximised: when the size it wants (with its
    frame) does not fit its screen, as on a 1366 x 768 laptop, a window a little
    smaller than the screen only wastes the room there is and leaves the desktop
    showing behind it. (Veldboek remembers no geometry: nothing about the last
    session is written outside the vault.)"""
    fits = room(window)
    return wanted.width() > fits.width() or wanted.height() > fits.height()


def show_sized(window: QWidget, wanted: QSize) -> None:
    """Show ``window`` (sized with ``resize_within_screen``) maximised where the
    screen is small (``opens_maximised``), as it is otherwise."""
    if opens_maximised(window, wanted):
        window.showMaximized()
    else:
        window.show()


def grow_to_contents(window: QWidget) -> None:
    """Make ``window`` (shown) as tall as its layout needs at its present width. A
    word-wrapped label given a longer text needs more lines, but Qt grows a window
    only to its layout's minimum size, which does not count them: the label and
    what is below it would be squeezed and cut. Never shorter, never taller than
    its screen has room for."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return  # before it is shown, Qt sizes it for its contents (adjustSize)
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    height = min(needed, room(window).height())
    if height > window.height():
        window.resize(width, height)


def title_width(window: QWidget) -> int:
    """How wide ``window`` must be for a window manager to show its title whole
    (title bars set it in bold), not elided to "Ontmo… ooien"."""
    font = QFont(window.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(window.windowTitle()) + TITLE_BAR_CHROME
