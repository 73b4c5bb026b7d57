"""Small counts hidden, and what would let a reader work them out hidden too.

**Primary.** Every count below 5 (0 included: the rule is "below 5", and a 0
printed beside a "< 5" would tell the two apart) is shown as "< 5"; a cell marked
sensitive (payments to fewer than 5 sources, however many payments) is withheld.

**Complementary.** A printed total is an equation: total = sum of its cells. A row
or column (or the totals row) with one hidden cell and its total printed gives
that cell away by subtraction, and one whose hidden cells are all "< 5" can too
(two cells hidden in a row whose total leaves 8 for them are 4 and 4; a row that
leaves 0 says they are all 0). So, until nothing changes, every such line hides
one more cell: the smallest one still shown (``withheld``, printed "×"); a line
with no cell left to hide hides its total instead. Tables whose rows count the
same things (the three axes of one grading scheme) share their row totals: a row
total hidden in one is hidden in all.

This is the usual line-by-line ("hypercube"-like) heuristic: no single line ever
lets a hidden count be computed, and every line with a printed total holds a
withheld cell whose value the reader cannot bound from above. It does not solve
all equations of a table together, and two reports over different teams or
periods can still be subtracted from each other: every report is logged (who,
which teams, which period), which is how such differencing is found out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.reports.management_figures import AmountTable, CountTable

THRESHOLD = 5


class Mark(StrEnum):
    SHOWN = ""
    SMALL = "< 5"  # below the threshold (primary)
    WITHHELD = "×"  # hidden so that a small count cannot be worked out (complementary)


@dataclass(frozen=True)
class Shown:
    """A printed figure: its value only when ``mark`` is SHOWN."""

    value: int | None
    mark: Mark

    @property
    def hidden(self) -> bool:
        return self.mark is not Mark.SHOWN


@dataclass(frozen=True)
class ShownTable:
    key: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...] | None
    column_totals: tuple[Shown, ...] | None
    total: Shown | None


# Positions in a table's grid: ("c", r, c) a cell, ("r", r) a row total,
# ("k", c) a column total, ("g",) the grand total.
_Pos = tuple[str | int, ...]


def _sensitive(t: CountTable, p: _Pos) -> bool:
    kind = p[0]
    if kind == "c" and t.sensitive is not None:
        return t.sensitive[int(p[1])][int(p[2])]
    if kind == "r" and t.sensitive_rows is not None:
        return t.sensitive_rows[int(p[1])]
    if kind == "k" and t.sensitive_columns is not None:
        return t.sensitive_columns[int(p[1])]
    return kind == "g" and t.sensitive_total


class _Grid:
    def __init__(self, t: CountTable) -> None:
        self.t = t
        n_rows, n_cols = len(t.rows), len(t.columns)
        # A single row's column totals repeat the row; a single column's row totals
        # repeat the column: neither is printed.
        self.has_rows = t.row_totals and n_cols > 1
        self.has_cols = t.column_totals and n_rows > 1
        self.value: dict[_Pos, int] = {}
        for r in range(n_rows):
            for c in range(n_cols):
                self.value[("c", r, c)] = t.cells[r][c]
        if self.has_rows:
            for r in range(n_rows):
                self.value[("r", r)] = sum(t.cells[r])
        if self.has_cols:
            for c in range(n_cols):
                self.value[("k", c)] = sum(t.cells[r][c] for r in range(n_rows))
        if self.has_rows and self.has_cols:
            self.value[("g",)] = sum(sum(row) for row in t.cells)
        self.mark: dict[_Pos, Mark] = {p: Mark.SHOWN for p in self.value}
        for p, v in self.value.items():
            if v < THRESHOLD:
                self.mark[p] = Mark.SMALL
            elif _sensitive(t, p):
                # 5 or more, but made by fewer than 5 sources: hidden, not "< 5".
                self.mark[p] = Mark.WITHHELD
        # Lines: (cells, total); each an equation total = sum(cells).
        self.lines: list[tuple[list[_Pos], _Pos]] = []
        if self.has_rows:
            for r in range(n_rows):
                self.lines.append(([("c", r, c) for c in range(n_cols)], ("r", r)))
        if self.has_cols:
            for c in range(n_cols):
                self.lines.append(([("c", r, c) for r in range(n_rows)], ("k", c)))
        if self.has_rows and self.has_cols:
            self.lines.append(([("r", r) for r in range(n_rows)], ("g",)))
            self.lines.append(([("k", c) for c in range(n_cols)], ("g",)))

    def step(self) -> bool:
        """Hide one more element in every line that gives a hidden one away."""
        changed = False
        for cells, total in self.lines:
            if self.mark[total] is not Mark.SHOWN:
                continue  # no equation printed
            hidden = [p for p in cells if self.mark[p] is not Mark.SHOWN]
            if not hidden:
                continue
            if len(hidden) > 1 and any(self.mark[p] is Mark.WITHHELD for p in hidden):
                continue
            open_cells = [p for p in cells if self.mark[p] is Mark.SHOWN]
            # The smallest cell still shown; the total itself when none is left.
            pick = min(open_cells, key=lambda p: (self.value[p], str(p))) if open_cells else total
            self.mark[pick] = Mark.WITHHELD
            changed = True
        return changed

    def shown(self, p: _Pos) -> Shown:
        mark = self.mark[p]
        return Shown(self.value[p] if mark is Mark.SHOWN else None, mark)

    def result(self) -> ShownTable:
        t = self.t
        n_rows, n_cols = len(t.rows), len(t.columns)
        cells = tuple(tuple(self.shown(("c", r, c)) for c in range(n_cols)) for r in range(n_rows))
        rows = tuple(self.shown(("r", r)) for r in range(n_rows)) if self.has_rows else None
        cols = tuple(self.shown(("k", c)) for c in range(n_cols)) if self.has_cols else None
        total = self.shown(("g",)) if self.has_rows and self.has_cols else None
        return ShownTable(t.key, t.rows, t.columns, cells, rows, cols, total)


def suppress_group(tables: tuple[CountTable, ...]) -> tuple[ShownTable, ...]:
    """Suppress tables whose rows count the same things (shared row totals)."""
    grids = [_Grid(t) for t in tables]
    changed = True
    while changed:
        changed = False
        for g in grids:
            while g.step():
                changed = True
        if len(grids) > 1:
            for r in range(len(tables[0].rows)):
                marks = [g.mark.get(("r", r), Mark.SHOWN) for g in grids]
                if any(m is not Mark.SHOWN for m in marks):
                    for g in grids:
                        if ("r", r) in g.mark and g.mark[("r", r)] is Mark.SHOWN:
                            g.mark[("r", r)] = Mark.WITHHELD
                            changed = True
    return tuple(g.result() for g in grids)


def suppress(table: CountTable) -> ShownTable:
    return suppress_group((table,))[0]


@dataclass(frozen=True)
class ShownAmounts:
    key: str
    currency: str
    counts: ShownTable
    cents: ShownTable


def suppress_amounts(amounts: AmountTable) -> ShownAmounts:
    """The payments' counts suppressed as any table; their sums take the same
    pattern (a sum is printed exactly where its count is), so a hidden sum is
    protected by the same equations as its count."""
    counts = suppress(amounts.counts)

    def follow(shown: Shown, cents: int) -> Shown:
        return Shown(cents, Mark.SHOWN) if not shown.hidden else Shown(None, shown.mark)

    t = amounts.counts
    n_cols = len(t.columns)
    cells = tuple(
        tuple(follow(counts.cells[r][c], amounts.cents[r][c]) for c in range(n_cols))
        for r in range(len(t.rows))
    )
    rows = (
        tuple(follow(s, sum(amounts.cents[r])) for r, s in enumerate(counts.row_totals))
        if counts.row_totals is not None
        else None
    )
    cols = (
        tuple(
            follow(s, sum(amounts.cents[r][c] for r in range(len(t.rows))))
            for c, s in enumerate(counts.column_totals)
        )
        if counts.column_totals is not None
        else None
    )
    total = (
        follow(counts.total, sum(sum(r) for r in amounts.cents))
        if counts.total is not None
        else None
    )
    money = ShownTable(t.key, t.rows, t.columns, cells, rows, cols, total)
    return ShownAmounts(amounts.key, amounts.currency, counts, money)
