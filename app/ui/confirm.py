"""Asking before a step that cannot be taken back (submitting, approving,
returning, issuing, deleting, purging): one dialog for all of them.

The question names what happens ("Submit the debrief of 3 Dec for KORAAL to the
handler? ..."), the button that does it names the step ("Submit"), and Cancel is
the default: Enter, Space and Escape on a freshly opened dialog all cancel, so a
key pressed in a hurry never takes the step. It is opened with ``open()`` (no
nested event loop: the idle lock and the panic key keep working) and calls
``on_confirm`` only after a click on the step's own button (or Enter/Space on it
once the user has moved the focus there). A dialog that is closed in any other
way (Cancel, Escape, a lock) does nothing.

With ``comment`` the dialog also asks for a text (why a debrief is returned);
the step's button stays disabled until there is some, and ``on_confirm``
receives it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ConfirmDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        confirm: str,
        details: str = "",
        comment: str | None = None,
        name: str = "confirmDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.question = QLabel(text)
        self.question.setObjectName("confirmQuestion")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel(details)
        self.details.setObjectName("confirmDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setVisible(bool(details))
        texts = QVBoxLayout()
        texts.addWidget(self.question)
        texts.addWidget(self.details)
        self.comment: QPlainTextEdit | None = None
        if comment is not None:
            texts.addWidget(QLabel(comment))
            self.comment = QPlainTextEdit()
            self.comment.setObjectName("confirmComment")
            self.comment.setTabChangesFocus(True)
            self.comment.setMinimumHeight(80)
            self.comment.textChanged.connect(self._enable)
            texts.addWidget(self.comment)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("confirmCancel")
        self.confirm_button = QPushButton(confirm)
        self.confirm_button.setObjectName("confirmAccept")
        # Enter goes to Cancel unless the user moved to the step's button on purpose.
        self.confirm_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self._enable()

    def _enable(self) -> None:
        self.confirm_button.setEnabled(self.comment is None or bool(self.comment_text()))

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip() if self.comment is not None else ""

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        # A comment to write: start there (Enter only adds a line in it). Otherwise
        # the focus sits on Cancel, so Space, like Enter, cancels.
        (self.comment or self.cancel_button).setFocus(Qt.FocusReason.OtherFocusReason)


def ask(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    confirm: str,
    on_confirm: Callable[[], object],
    details: str = "",
    name: str = "confirmDialog",
) -> ConfirmDialog:
    """Ask, and run ``on_confirm`` only if the user chose ``confirm``."""
    dialog = ConfirmDialog(
        parent, title=title, text=text, confirm=confirm, details=details, name=name
    )
    dialog.accepted.connect(on_confirm)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def ask_with_comment(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    comment: str,
    confirm: str,
    on_confirm: Callable[[str], object],
    name: str = "confirmDialog",
) -> ConfirmDialog:
    """Ask for a text as well (required); ``on_confirm`` receives it."""
    dialog = ConfirmDialog(
        parent, title=title, text=text, confirm=confirm, comment=comment, name=name
    )
    dialog.accepted.connect(lambda: on_confirm(dialog.comment_text()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
