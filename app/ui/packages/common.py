"""Small pieces the package tabs share: a progress dialog for work in the pool,
choosing a folder or a file, and telling the user what happened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMessageBox, QProgressDialog, QWidget


def progress_dialog(parent: QWidget, text: str, name: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName(name)
    dialog.setCancelButton(None)  # a half-written package is never left behind anyway
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def step(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(max(total, 1))
    dialog.setValue(done)


def choose_folder(parent: QWidget, title: str) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title)
    return Path(folder) if folder else None


def choose_file(parent: QWidget, title: str, pattern: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(name) if name else None


def inform(parent: QWidget, title: str, text: str, name: str, details: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.open()
    return box


def note_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def offer_names(choice: QComboBox, names: list[str], none_yet: str) -> None:
    """The names to choose from; with none, the choice is off and says so (only then)."""
    choice.clear()
    choice.setPlaceholderText("" if names else none_yet)
    for name in names:
        choice.addItem(name, name)
    choice.setCurrentIndex(0 if names else -1)
    choice.setEnabled(bool(names))
