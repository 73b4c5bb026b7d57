"""A text field the runner emptied on the debrief page while the vault still holds
its saved text (an autosave never empties a saved text without asking): the bar
that says so, and the two answers, bringing the saved text back or emptying it
in the vault too. Texts are translated in the "DebriefPage" context, as the
page's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.records import debriefs
from app.ui.errors import describe, show_error
from app.ui.pages.debrief_workflow import field_name

if TYPE_CHECKING:
    from app.ui.pages.debrief_editor import DebriefPage

translate = QCoreApplication.translate


class EmptiedBar(QFrame):
    """Shown when an autosave did not empty a saved text: asks what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptiedBar")
        self.setStyleSheet("QFrame#emptiedBar { background: #fff4ce; border: 1px solid #c19c00; }")
        self.text = QLabel()
        self.text.setObjectName("emptiedText")
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(translate("DebriefPage", "Bring the saved text back"))
        self.restore_button.setObjectName("restoreEmptied")
        self.empty_button = QPushButton(translate("DebriefPage", "Empty it in the vault too"))
        self.empty_button.setObjectName("confirmEmptied")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        self.hide()

    def show_fields(self, kept: tuple[str, ...]) -> None:
        """Name the emptied fields, or (none) hide."""
        self.setVisible(bool(kept))
        if kept:
            self.text.setText(
                translate(
                    "DebriefPage",
                    "You emptied {fields}. The vault still holds the saved text: an "
                    "autosave never empties a saved text without asking.",
                ).format(fields=", ".join(field_name(n) for n in kept))
            )
        else:
            self.text.clear()


def restore(page: DebriefPage) -> None:
    """Put the saved text back into the emptied fields, as an edit the user can
    undo (not ``setPlainText``, which would also drop their undo history)."""
    if page.view is None or not page._kept:
        return
    try:
        saved = debriefs.get_debrief(page.session.vault, page.session.scope, page.view.id)
    except Exception as exc:
        show_error(page, exc)
        return
    for name in page._kept:
        box = page.text_fields[name]
        cursor = box.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(getattr(saved, name))
        box.setTextCursor(cursor)
    page._show_kept(())


def empty_in_vault(page: DebriefPage) -> None:
    """The user's answer: the emptied fields are to be empty in the vault too."""
    if page.view is None or not page._kept:
        return
    try:
        debriefs.save_draft(
            page.session.vault,
            page.session.scope,
            page.view.id,
            page.content(),
            emptying=frozenset(page._kept),
        )
    except Exception as exc:
        page.saved.setText(describe(exc))
        return
    page._show_kept(())
    page._dirty = False
    page.saved.setText(
        translate("DebriefPage", "Saved {time}").format(
            time=QTime.currentTime().toString("HH:mm:ss")
        )
    )
