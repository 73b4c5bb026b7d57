"""Item models over view objects.

``RowsModel`` holds a short, complete list (sources in scope, reminders, a
source's records): a header click sorts it here, in memory, by each column's
``key``. ``QueryRowsModel`` holds a list the query orders and cuts (search
hits): a header click asks the query again. ``PagedRowsModel`` holds a long list
of small rows (the audit log, the package log): it reads keyset pages of rows as
the view scrolls (``fetchMore``). ``LazyIdModel`` is for long lists (debriefs): it
pages through *ids* with keyset paging as the view scrolls (``fetchMore``) and
loads the row data only for the blocks that are drawn, keeping a bounded cache,
so 100,000 debriefs cost a few megabytes of ids and a few hundred rows. In the
last three a header click starts the list again from its first page in the
column's service ``sort`` order (app.dal.keyset): a partial list is never sorted
here, where it would only reorder the rows that happen to be loaded.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.sorting import Sort
from app.services.views import Page

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its title, each row's text, colour and tooltip; how it sorts.

    ``key`` orders a complete list in memory (default: the text, case-folded);
    ``sort`` names the service's sort key for lists the query orders (a column
    without one does not sort there); ``newest_first`` makes the first click sort
    descending (times, counts)."""

    title: str
    text: Callable[[T], str]
    colour: Callable[[T], str | None] | None = None
    tooltip: Callable[[T], str] | None = None
    key: Callable[[T], Any] | None = None
    sort: str | None = None
    newest_first: bool = False


def _sort_value(column: Column[T], row: T) -> tuple[bool, Any]:
    value = column.key(row) if column.key is not None else column.text(row).casefold()
    return (value is None or value == "", value if value is not None else "")


def _header(
    columns: Sequence[Column[Any]], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return columns[section].title
    if role == Qt.ItemDataRole.InitialSortOrderRole:
        newest = columns[section].newest_first
        return Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
    return None


class Sortable:
    """What the header (app.ui.list_sorting) asks of a model: which columns sort,
    and the order it shows when nobody chose one (None: as the service gave it)."""

    default_sort: tuple[int, Qt.SortOrder] | None = None

    def can_sort(self, column: int) -> bool:
        raise NotImplementedError


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


class RowsModel(QAbstractTableModel, Sortable, Generic[T]):
    """A complete list, sorted in memory (a click on a header sorts it again)."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def can_sort(self, column: int) -> bool:
        return 0 <= column < len(self._columns)

    def _sorted(self, rows: list[T]) -> list[T]:
        if self._sort is None:
            return rows
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        # Empty values last either way; Python's sort is stable, so equal rows keep
        # the service's order.
        present = [r for r in rows if not _sort_value(self._columns[column], r)[0]]
        empty = [r for r in rows if _sort_value(self._columns[column], r)[0]]
        present.sort(key=lambda r: _sort_value(self._columns[column], r)[1], reverse=descending)
        return present + empty

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.can_sort(column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows = self._sorted(self._rows)
        # Keep the selection and current row on the same records.
        where = {id(row): n for n, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [
            self.index(where[id(before[i.row()])], i.column()) if 0 <= i.row() < len(before) else i
            for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

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
        return _header(self._columns, section, orientation, role)


class QueryRowsModel(RowsModel[T]):
    """Rows the query ordered (and may have cut short): a header click sets the
    column's service sort and calls ``on_sort`` to ask again; rows are never
    reordered here."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        default: tuple[int, Qt.SortOrder],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.default_sort = default
        self.current_sort = _service_sort(self._columns, *default)
        self.on_sort: Callable[[], None] = lambda: None

    def can_sort(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort is not None

    def _sorted(self, rows: list[T]) -> list[T]:
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.can_sort(column):
            return
        chosen = _service_sort(self._columns, column, order)
        if chosen != self.current_sort:
            self.current_sort = chosen
            self.on_sort()


def _service_sort(columns: Sequence[Column[Any]], column: int, order: Qt.SortOrder) -> Sort:
    key = columns[column].sort
    if key is None:
        raise ValueError(f"column {column} does not sort")
    return Sort(key, descending=order == Qt.SortOrder.DescendingOrder)


class PagedRowsModel(RowsModel[T]):
    """Every row of a keyset-paged list, in its order: a page is read whenever the
    view scrolls to the end of what it holds, from the cursor of the last page.
    ``fetch_page(sort, cursor, limit)``."""

    PAGE = 500

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch_page: Callable[[Sort, Any, int], Page[T]],
        parent: Any = None,
        *,
        default: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder),
    ) -> None:
        super().__init__(columns, parent)
        self._fetch_page = fetch_page
        self._cursor: Any = None
        self._has_more = False
        self._notifying = False
        self._loaded = False
        self.default_sort = default
        self.current_sort = _service_sort(self._columns, *default)

    def can_sort(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort is not None

    def _sorted(self, rows: list[T]) -> list[T]:
        return rows  # in the query's order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the first page again, in that column's order."""
        if not self.can_sort(column):
            return
        chosen = _service_sort(self._columns, column, order)
        if chosen != self.current_sort:
            self.current_sort = chosen
            if self._loaded:
                self.reset()

    def clear(self) -> None:
        self._loaded = False
        super().clear()

    @property
    def loaded(self) -> bool:
        return self._loaded

    def reset(self) -> None:
        """Start again from the first page (new scope, new data, new order)."""
        page = self._fetch_page(self.current_sort, None, self.PAGE)
        self._loaded = True
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
        page = self._fetch_page(self.current_sort, self._cursor, self.PAGE)
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


class LazyIdModel(QAbstractTableModel, Sortable, Generic[T]):
    """Rows identified by id, fetched in id pages and row blocks on demand.
    ``fetch_ids(sort, cursor, limit)``; a header click starts again in its order."""

    ID_PAGE = 2000
    BLOCK = 100
    CACHE_ROWS = 1500

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch_ids: Callable[[Sort, Any, int], IdPage],
        fetch_rows: Callable[[Sequence[uuid.UUID]], dict[uuid.UUID, T]],
        parent: Any = None,
        *,
        default: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder),
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
        self._loaded = False
        self.default_sort = default
        self.current_sort = _service_sort(self._columns, *default)

    def can_sort(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the first page again, in that column's order."""
        if not self.can_sort(column):
            return
        chosen = _service_sort(self._columns, column, order)
        if chosen != self.current_sort:
            self.current_sort = chosen
            if self._loaded:
                self.reset()

    @property
    def loaded(self) -> bool:
        """Whether the list has been read (an empty one then is really empty)."""
        return self._loaded

    # -- loading -------------------------------------------------------------

    def reset(self) -> None:
        """Start again from the first page (new scope, new filter, new order)."""
        self.beginResetModel()
        self._ids, self._cursor, self._cache = [], None, OrderedDict()
        self._loaded = True
        page = self._fetch_ids(self.current_sort, None, self.ID_PAGE)
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
        self._loaded = False
        self._end_reset()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._notifying

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more or self._notifying:
            return
        page = self._fetch_ids(self.current_sort, self._cursor, self.ID_PAGE)
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
        return _header(self._columns, section, orientation, role)
