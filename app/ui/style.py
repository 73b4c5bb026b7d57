"""The application's look: a few rules on top of the platform style."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 7px 10px; }
QLabel#formError { color: #b00020; }
"""


def apply(app: QApplication) -> None:
    app.setStyleSheet(STYLE)
