"""Showing errors: known ones with their message, bugs without vault content."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import Notice, VaultLocked, VeldboekError

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    if isinstance(exc, VeldboekError):
        # The service raised an English template; show its Dutch (or English) text.
        return exc.localised(_in_errors_context)
    # Unknown errors can carry data in their text (a database error quotes its
    # statement); show only the kind.
    log.error("unexpected error: %s", type(exc).__name__)
    return QCoreApplication.translate(
        "Errors", "Something went wrong ({kind}). This is a bug; nothing was lost that was saved."
    ).format(kind=type(exc).__name__)


def notices(warnings: tuple[Notice, ...]) -> str:
    """A service's warnings, one a line, in the user's language."""
    return "\n".join(w.localised(_in_errors_context) for w in warnings)


def notice_text(notice: Notice) -> str:
    return notice.localised(_in_errors_context)


def _in_errors_context(template: str) -> str:
    return QCoreApplication.translate("Errors", template)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if isinstance(exc, VaultLocked):
        # Only code still finishing after a lock meets a locked vault: the lock
        # itself is the answer, not a box on the locked screen.
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Veldboek"))
    box.setText(describe(exc))
    box.setObjectName("errorBox")
    box.open()
