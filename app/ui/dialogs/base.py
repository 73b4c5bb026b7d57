"""A form dialog: OK runs the service call; a known error is shown in the form
and the dialog stays open with everything typed still there. Enter moves from
field to field; OK is clicked, or pressed with Ctrl+Enter (app.ui.dialog_keys)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.ui.confirm import ConfirmDialog, ask
from app.ui.dialog_keys import keyboard_dialog
from app.ui.dialogs.lock_drafts import DraftKeeper
from app.ui.errors import describe
from app.ui.session import AppSession


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.on_submit: Callable[[], object] | None = None
        self.result_value: object = None
        self.keys = keyboard_dialog(self)
        self._drafts: DraftKeeper | None = None
        self._opened = False
        self.discard_question: ConfirmDialog | None = None

    def keep_typing_as(self, session: AppSession, form: str, record: uuid.UUID | None) -> None:
        """What is typed here outlives a lock: kept in the vault, back when this
        form opens again for ``record`` (``lock_drafts``)."""
        self._drafts = DraftKeeper(self, session, form, record)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._opened and self._drafts is not None:
            self._drafts.opened()
        self._opened = True

    def keep_for_lock(self) -> None:
        """Called by the lock (``app/ui/screen.py``) before the vault closes."""
        if self._drafts is not None:
            self._drafts.keep()

    # -- closing without saving ---------------------------------------------------

    def typed(self) -> bool:
        """Anything typed or chosen since the form opened (a draft given back too)."""
        return self._drafts is not None and self._drafts.changed()

    def cancel(self) -> None:
        """Cancel, Escape or the window's close button: closes at once if nothing
        was typed; otherwise asks before what was typed is thrown away (Cancel,
        the default there, goes back to the form with everything still in it).
        A lock closes the form without asking and keeps the typing
        (``keep_for_lock``)."""
        if not self.typed() or self._drafts is None or self._drafts.session.closing:
            self.reject()
            return
        if self.discard_question is not None and self.discard_question.isVisible():
            return
        self.discard_question = ask(
            self,
            title=self.tr("Close the form"),
            text=self.tr("Close this form without saving? What you typed in it is not kept."),
            confirm=self.tr("Discard"),
            on_confirm=self.reject,
            name="discardFormConfirm",
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close button (a spontaneous close): as Cancel.
        if event.spontaneous() and self.typed():
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)

    def _submit(self) -> None:
        if self.on_submit is None:
            self.accept()
            return
        try:
            self.result_value = self.on_submit()
        except Exception as exc:
            self.error.setText(describe(exc))
            return
        self.accept()
