"""A filter or search box and the list under it, as one keyboard unit:

- Down in the box moves into the list (onto its first row, or the row already
  chosen); Up on the list's first row goes back to the box;
- Enter in the box opens the chosen row, or the only one; with several rows and
  none chosen it opens nothing (``before_enter`` runs first: a search box starts a
  search it has not run yet).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from app.ui.dialog_keys import keep_enter

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FilterKeys(QObject):
    def __init__(
        self,
        box: QLineEdit,
        view: QAbstractItemView,
        open_row: Callable[[int], None],
        *,
        before_enter: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(box)
        self.box = box
        self.view = view
        self.open_row = open_row
        self.before_enter = before_enter
        box.installEventFilter(self)
        view.installEventFilter(self)
        keep_enter(box)  # in a dialog too, Enter here opens; it does not move on

    def chosen_row(self) -> int | None:
        """The row Enter would open: the selected one, or the only one."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return 0 if self.view.model().rowCount() == 1 else None

    def into_list(self) -> bool:
        model = self.view.model()
        if model.rowCount() == 0:
            return False
        row = self.chosen_row()
        index = model.index(row if row is not None else 0, 0)
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or not hasattr(self, "view")  # torn down (see app.ui.dialog_keys)
        ):
            return False
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched is self.box and plain:
            if event.key() == Qt.Key.Key_Down:
                return self.into_list()
            if event.key() in ENTER:
                if self.before_enter is not None:
                    self.before_enter()
                row = self.chosen_row()
                if row is not None:
                    self.open_row(row)
                return True
        if (
            watched is self.view
            and plain
            and event.key() == Qt.Key.Key_Up
            and self.view.currentIndex().row() <= 0
        ):
            self.box.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
