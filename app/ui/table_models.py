"""Item models over view objects.

``RowsModel`` holds a short list (sources in scope, reminders, search hits).
``PagedRowsModel`` holds a long list of small rows (the audit log, the package
log): it reads keyset pages of rows as the view scrolls (``fetchMore``).
``LazyIdModel`` is for long lists (debriefs): it pages through *ids* with keyset
paging as the view scrolls (``fetchMore``) and loads the row data only for the
blocks that are drawn, keeping a bounded cache, so 100,000 debriefs cost a few
megabytes of ids and a few hundred rows.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.views import Page

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    colour: Callable[[T], str | None] | None = None
    tooltip: Callable[[T], str] | None = None


def _cell(column: Column[T], row: T, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return column.text(row)
    if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
        colour = column.colour(row)
        return QBrush(QColor(colour)) if colour else None
    if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
        return column.tooltip(row)
    if role == ROW_ROLE:
        return row
    return None


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        return _cell(self._columns[index.column()], self._rows[index.row()], role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None


class PagedRowsModel(RowsModel[T]):
    """Every row of a keyset-paged list, in its order: a page is read whenever the
    view scrolls to the end of what it holds, from the cursor of the last page."""

    PAGE = 500

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch_page: Callable[[Any, int], Page[T]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._fetch_page = fetch_page
        self._cursor: Any = None
        self._has_more = False
        self._notifying = False

    def reset(self) -> None:
        """Start again from the first page (new scope, new data)."""
        page = self._fetch_page(None, self.PAGE)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor, self._has_more = page.cursor, page.has_more
        self._notifying = True  # as in LazyIdModel._end_reset
        try:
            self.endResetModel()
        finally:
            self._notifying = False

    def set_rows(self, rows: Sequence[T]) -> None:
        self._cursor, self._has_more = None, False
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._notifying

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more or self._notifying:
            return
        page = self._fetch_page(self._cursor, self.PAGE)
        self._notifying = True
        try:
            if page.rows:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
                self._rows.extend(page.rows)
                self._cursor, self._has_more = page.cursor, page.has_more
                self.endInsertRows()
            else:
                self._cursor, self._has_more = page.cursor, page.has_more
        finally:
            self._notifying = False


@dataclass(frozen=True)
class IdPage:
    ids: tuple[uuid.UUID, ...]
    cursor: Any
    has_more: bool


class LazyIdModel(QAbstractTableModel, Generic[T]):
    """Rows identified by id, fetched in id pages and row blocks on demand."""

    ID_PAGE = 2000
    BLOCK = 100
    CACHE_ROWS = 1500

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch_ids: Callable[[Any, int], IdPage],
        fetch_rows: Callable[[Sequence[uuid.UUID]], dict[uuid.UUID, T]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._ids: list[uuid.UUID] = []
        self._cursor: Any = None
        self._has_more = False
        self._cache: OrderedDict[uuid.UUID, T] = OrderedDict()
        self._notifying = False

    # -- loading -------------------------------------------------------------

    def reset(self) -> None:
        """Start again from the first page (new scope, new filter)."""
        self.beginResetModel()
        self._ids, self._cursor, self._cache = [], None, OrderedDict()
        page = self._fetch_ids(None, self.ID_PAGE)
        self._ids = list(page.ids)
        self._cursor, self._has_more = page.cursor, page.has_more
        self._end_reset()

    def _end_reset(self) -> None:
        # Views (and Qt's model tester) may ask to fetch more from inside a change
        # notification; rows must not be inserted before that change has finished.
        self._notifying = True
        try:
            self.endResetModel()
        finally:
            self._notifying = False

    def clear(self) -> None:
        self.beginResetModel()
        self._ids, self._cursor, self._has_more, self._cache = [], None, False, OrderedDict()
        self._end_reset()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._notifying

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more or self._notifying:
            return
        page = self._fetch_ids(self._cursor, self.ID_PAGE)
        self._notifying = True  # same re-entrancy guard as for resets
        try:
            if page.ids:
                start = len(self._ids)
                self.beginInsertRows(QModelIndex(), start, start + len(page.ids) - 1)
                self._ids.extend(page.ids)
                self._cursor, self._has_more = page.cursor, page.has_more
                self.endInsertRows()
            else:
                self._cursor, self._has_more = page.cursor, page.has_more
        finally:
            self._notifying = False

    def _row(self, row: int) -> T | None:
        key = self._ids[row]
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        start = row - row % self.BLOCK
        block = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cache]
        self._cache.update(self._fetch_rows(block))
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(key)

    def row_at(self, row: int) -> T | None:
        return self._row(row) if 0 <= row < len(self._ids) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            ROW_ROLE,
        ):
            return None
        row = self._row(index.row())
        if row is None:  # vanished meanwhile (e.g. purged); show an empty cell
            return None
        return _cell(self._columns[index.column()], row, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None
