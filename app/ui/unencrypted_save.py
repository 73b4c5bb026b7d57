"""The one question before a report's PDF is written unencrypted, asked alike by
every screen that saves one (the report preview, the management box)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


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
