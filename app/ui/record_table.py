"""A read-only table of view objects with a row of buttons under it. A header
click sorts it (app.ui.list_sorting); an empty table says why (``empty``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.empty_hint import empty_hint
from app.ui.list_sorting import make_sortable
from app.ui.table_models import Column, RowsModel

T = TypeVar("T")


class RecordTable(QWidget, Generic[T]):
    def __init__(
        self,
        columns: Sequence[Column[T]],
        name: str,
        parent: QWidget | None = None,
        *,
        model: RowsModel[T] | None = None,
        empty: str | Callable[[], str] = "",
    ) -> None:
        super().__init__(parent)
        self.model: RowsModel[T] = model if model is not None else RowsModel(columns, self)
        self.view = QTableView()
        self.view.setObjectName(name)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(
            len(columns) - 1, QHeaderView.ResizeMode.Stretch
        )
        make_sortable(self.view)
        empty_hint(self.view, empty)
        # Empty, each column is as wide as its header with the sort arrow (in the
        # app's bold header font), not Qt's 100 px, where the arrow hides a letter.
        self.view.ensurePolished()
        self.fit_columns()
        self.buttons = QHBoxLayout()
        self._changing: list[QPushButton] = []
        self._on_a_row: list[QPushButton] = []  # act on a row: off while there is none
        self._read_only = False
        # Rows come and go by the model too (a paged model's reload, a caller's own
        # set_rows): the buttons follow its signals, as the empty hint does, so none
        # stays on for a row that is gone or off when rows arrived.
        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.layoutChanged,
        ):
            signal.connect(self._enable_buttons)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(self.buttons)

    def add_button(
        self,
        text: str,
        slot: Callable[[], object],
        name: str,
        *,
        changes: bool = True,
        on_a_row: bool = False,
    ) -> QPushButton:
        """``changes``: the button adds to or changes the file (see ``set_read_only``);
        ``on_a_row``: it acts on a row, so it is disabled while the table is empty."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if changes:
            self._changing.append(button)
        if on_a_row:
            self._on_a_row.append(button)
        self._enable_buttons()
        return button

    def set_read_only(self, read_only: bool) -> None:
        """Offer only what reads: the file is not this vault's to change."""
        self._read_only = read_only
        for button in self._changing:
            button.setEnabled(not read_only)
        self._enable_buttons()

    def _enable_buttons(self, *_args: object) -> None:
        """The buttons that act on a row: on only while there is one."""
        rows = self.model.rowCount() > 0
        for button in self._on_a_row:
            button.setEnabled(rows and not (self._read_only and button in self._changing))

    MAX_COLUMN = 260

    def set_rows(self, rows: Sequence[T]) -> None:
        self.model.set_rows(rows)
        self.fit_columns()
        self._enable_buttons()

    def fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        last = self.model.columnCount() - 1
        for column in range(last):
            self.view.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), self.MAX_COLUMN))
        # The last (widest, free-text) column takes what is left; long text is elided
        # and shown whole in the tooltip or the record's own dialog.
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)

    def selected(self) -> T | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def clear(self) -> None:
        self.model.clear()
        self._enable_buttons()
