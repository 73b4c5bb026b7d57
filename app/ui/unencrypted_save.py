"""Saving a report's PDF, alike on every screen that saves one (the report
preview, the management box): the one question before it is written
unencrypted, then where, then the write (a question if the file exists)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.save_file import choose_save_path, save_confirmed


def title() -> str:
    return QCoreApplication.translate("UnencryptedSave", "Save unencrypted PDF")


def confirmed(parent: QWidget, marking: str) -> bool:
    """Whether the user chose to write the PDF, warned that anyone with the file
    can read it; Cancel is the default, so a stray Enter writes nothing."""
    answer = QMessageBox.warning(
        parent,
        title(),
        QCoreApplication.translate(
            "UnencryptedSave",
            "The PDF file will NOT be encrypted: anyone who gets the file can read it. "
            "Save it only where its marking ({marking}) allows, and destroy it when done. "
            "The save is recorded in the audit log.",
        ).format(marking=marking),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def chosen_path(parent: QWidget, marking: str, title: str, suggested: str) -> Path | None:
    """Where to write the PDF, asked after the warning; None if the user cancelled
    either."""
    if not confirmed(parent, marking):
        return None
    pattern = QCoreApplication.translate("UnencryptedSave", "PDF files (*.pdf)")
    return choose_save_path(parent, title, suggested, pattern)


def write(parent: QWidget, path: Path, title: str, save: Callable[[Path, bool], object]) -> bool:
    """``save(path, overwrite)``; if the file exists, ask, and write again only on
    Yes. False: the user kept the existing file. Refusals propagate."""

    def once(overwrite: bool) -> bool:
        save(path, overwrite)
        return True

    return save_confirmed(parent, path, title, once) is not None
