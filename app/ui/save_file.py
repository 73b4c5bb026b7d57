"""Saving to a file the user chose. The services check the place
(``output_paths``): a vault's folder or file is refused with a message, and an
existing file is replaced only after one question here, default No. Qt's own
overwrite question is turned off, so the user is asked once, in our words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import OutputExists, UnsafeOutput
from app.ui.errors import show_error

T = TypeVar("T")


def choose_save_path(parent: QWidget, title: str, suggested: str, pattern: str = "") -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, pattern, "", QFileDialog.Option.DontConfirmOverwrite
    )
    return Path(name) if name else None


def confirm_replace(parent: QWidget, path: Path, title: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("replaceFileBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate("SaveFile", "{name} already exists. Replace it?").format(
            name=path.name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("SaveFile", "Folder: {folder}").format(folder=path.parent)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def save_confirmed(parent: QWidget, path: Path, title: str, write: Callable[[bool], T]) -> T | None:
    """``write(overwrite)``; if the file exists, ask, and write again only on Yes.
    None: the user kept the existing file. Other refusals propagate."""
    try:
        return write(False)
    except OutputExists:
        if not confirm_replace(parent, path, title):
            return None
        return write(True)


def refused_place(parent: QWidget, exc: BaseException, title: str) -> bool:
    """A place to write refused (a vault's folder or file, not a regular file):
    said in a message box, as saving a PDF there is, not only in a status line
    that is easily missed. True if ``exc`` was such a refusal."""
    if not isinstance(exc, UnsafeOutput):
        return False
    show_error(parent, exc, title)
    return True
