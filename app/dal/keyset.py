"""Keyset paging: one ordering of a list, and where its next page starts.

A page ends at its last row; the next page is every row that sorts after that
row's values (the cursor) in the same ORDER BY. Every paged query builds both from
one ``Keyset``, so the comparison and the order cannot disagree.

The cursor's values are bound with their columns' types: a time is compared as
UTCDateTime stores it (``2026-03-04T10:00:00.000000Z``). Bound without its type
(as ``tuple_(*cursor)`` does) a datetime is rendered ``2026-03-04 10:00:00``, which
sorts before every stored time of that day, so each page skipped the rest of its
cursor's day (issue 15). The engine refuses such untyped times outright
(``app.vault.engine``); this module is the one way to write the comparison.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import ColumnElement, Select, String, literal, tuple_, type_coerce
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import UnaryExpression

from app.domain.sorting import Sort
from app.models.base import UTCDateTime, parse_stored_utc

__all__ = ["Keyset", "Sort", "SortKeys", "cut"]

R = TypeVar("R")
Ts = TypeVarTuple("Ts")
OrderColumn = ColumnElement[Any] | QueryableAttribute[Any]


@dataclass(frozen=True)
class Keyset:
    """Rows ordered by ``columns``, all descending (newest first) or all ascending.
    The last column must be unique (a primary key): then no two rows tie, and a
    cursor names exactly one place in the order."""

    columns: tuple[OrderColumn, ...]
    descending: bool = True

    def order_by(self) -> tuple[UnaryExpression[Any], ...]:
        return tuple(c.desc() if self.descending else c.asc() for c in self.columns)

    def after(self, cursor: Sequence[Any]) -> ColumnElement[bool]:
        """Rows that come after ``cursor`` (the columns' values of the last row shown)."""
        if len(cursor) != len(self.columns):
            raise ValueError(f"a cursor of {len(self.columns)} values expected")
        if any(v is None for v in cursor):
            # NULL compares as unknown: every row after it would be dropped. Sort
            # columns that can be empty are written coalesce(...) (see SortKeys).
            raise ValueError("a cursor value is NULL")
        values = [literal(v, type_=c.type) for c, v in zip(self.columns, cursor, strict=True)]
        left: OrderColumn
        right: ColumnElement[Any]
        if len(values) == 1:
            left, right = self.columns[0], values[0]
        else:
            # One row-value comparison, not an OR of terms: SQLite uses it as the
            # range of an index on these columns.
            left, right = tuple_(*self.columns), tuple_(*values)
        return left < right if self.descending else left > right

    def page(self, query: Select[*Ts], cursor: Sequence[Any] | None, limit: int) -> Select[*Ts]:
        """``query`` in this order, from after ``cursor``, with one row more than
        ``limit``: that row only tells whether a next page exists (see ``cut``)."""
        if limit < 1:
            raise ValueError("a page holds at least one row")
        if cursor is not None:
            query = query.where(self.after(cursor))
        return query.order_by(*self.order_by()).limit(limit + 1)

    def cursor_columns(self) -> tuple[ColumnElement[Any], ...]:
        """The columns to select for the next page's cursor. Times come as their
        stored text: a page of thousands of rows then parses only its last one
        (``cursor_from``), not every row's."""
        return tuple(
            (type_coerce(c, String) if isinstance(c.type, UTCDateTime) else c).label(f"cursor_{n}")
            for n, c in enumerate(self.columns)
        )

    def cursor_from(self, values: Sequence[Any]) -> tuple[Any, ...]:
        """The cursor after a row, from the values ``cursor_columns`` gave for it."""
        return tuple(
            parse_stored_utc(v) if isinstance(c.type, UTCDateTime) and isinstance(v, str) else v
            for c, v in zip(self.columns, values, strict=True)
        )


class SortKeys:
    """The orderings a paged list offers: each key names the columns it sorts by,
    and ``tiebreak`` (a unique column, the id) ends every one, so each ordering is
    a total order and its cursor names exactly one place in it. All columns of an
    ordering go the same way (one row-value comparison, see ``Keyset.after``);
    a column that can be NULL must be given as ``coalesce(column, value)``."""

    def __init__(
        self,
        keys: Mapping[str, tuple[OrderColumn, ...]],
        tiebreak: OrderColumn,
        default: Sort,
    ) -> None:
        if default.key not in keys:
            raise ValueError(f"the default sort {default.key!r} is not a key")
        self._keys = dict(keys)
        self.tiebreak = tiebreak
        self.default = default

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def keyset(self, sort: Sort | None = None) -> Keyset:
        sort = sort or self.default
        if sort.key not in self._keys:
            raise ValueError(f"no sort key {sort.key!r}; one of {', '.join(self._keys)}")
        return Keyset((*self._keys[sort.key], self.tiebreak), descending=sort.descending)


def cut(rows: Sequence[R], limit: int) -> tuple[list[R], bool]:
    """The page's rows, and whether there are more (the extra row ``page`` asked for)."""
    return list(rows[:limit]), len(rows) > limit
