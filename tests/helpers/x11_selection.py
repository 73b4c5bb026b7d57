"""Run under a real X11 server (``tests/ui/test_primary_selection.py`` starts it
with xvfb-run): real text widgets select vault text with the keyboard and the
mouse, and ``xclip``, another X client, reads the primary selection and the
clipboard as any program on the desktop could. Prints what it read as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.clipboard import ClipboardGuard

SECRET = "LINDE met at the quay"


def read(app: QApplication, selection: str) -> str:
    """What another X client gets (the owner answers from this event loop)."""
    reader = subprocess.Popen(
        ["xclip", "-o", "-selection", selection],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 5
    while reader.poll() is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if reader.poll() is None:
        reader.kill()
    out, _ = reader.communicate()
    return out


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    app = QApplication(sys.argv[:1])
    clipboard = app.clipboard()
    guard = ClipboardGuard(seconds=1)
    root = QWidget()
    layout = QVBoxLayout(root)
    narrative = QPlainTextEdit(SECRET)
    line = QLineEdit(SECRET)
    layout.addWidget(narrative)
    layout.addWidget(line)
    root.show()
    root.activateWindow()
    QTest.qWaitForWindowExposed(root)
    found: dict[str, object] = {"supports_selection": clipboard.supportsSelection()}

    # Selecting with the keyboard in the narrative: the widget fills PRIMARY.
    narrative.setFocus()
    QTest.keyClick(narrative, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(narrative, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    found["selected"] = clipboard.text(QClipboard.Mode.Selection)
    settle(app)
    found["primary_after_select"] = read(app, "primary")

    # Selecting with the mouse in a one-line field: a drag over the text.
    middle = line.height() // 2
    QTest.mousePress(line, Qt.MouseButton.LeftButton, pos=QPoint(2, middle))
    QTest.mouseMove(line, QPoint(line.width() // 2, middle))
    QTest.mouseRelease(line, Qt.MouseButton.LeftButton, pos=QPoint(line.width() - 4, middle))
    found["selected_by_mouse"] = clipboard.text(QClipboard.Mode.Selection)
    settle(app)
    found["primary_after_mouse"] = read(app, "primary")

    # Ctrl+C: on the clipboard for ``seconds``, then gone; the lock clears at once.
    narrative.selectAll()
    narrative.copy()
    settle(app)
    found["clipboard_after_copy"] = read(app, "clipboard")
    settle(app, 1.5)
    found["clipboard_after_timer"] = read(app, "clipboard")
    narrative.selectAll()
    narrative.copy()
    settle(app)
    guard.clear_now()  # what the lock and the panic key call
    found["clipboard_after_lock"] = read(app, "clipboard")

    # Text another program put in PRIMARY is not ours to clear.
    subprocess.run(["xclip", "-i", "-selection", "primary"], input="theirs", text=True, check=True)
    settle(app)
    guard.clear_now()
    found["others_primary"] = read(app, "primary")
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
