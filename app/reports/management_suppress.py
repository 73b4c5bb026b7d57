"""Small counts hidden, and what would let a reader work them out hidden too.

**Primary.** Every count below 5 (0 included: the rule is "below 5", and a 0
printed beside a "< 5" would tell the two apart) is shown as "< 5"; a cell marked
sensitive (payments to fewer than 5 sources, however many payments) is withheld.

**Complementary.** A printed total is an equation: total = sum of its cells. A row
or column (or the totals row) with one hidden cell and its total printed gives
that cell away by subtraction, and one whose hidden cells are all "< 5" can too
(two cells hidden in a row whose total leaves 8 for them are 4 and 4; a row that
leaves 0 says they are all 0), and so can one whose withheld cells are exactly 5
beside hidden zeros (the reader knows a withheld cell is 5 or more). So, until
nothing changes, every such line hides one more cell: the smallest one still
shown (``withheld``, printed "×"); a line with no cell left to hide hides its
total instead. Tables whose rows count the
same things (the three axes of one grading scheme) share their row totals: a row
total hidden in one is hidden in all.

**Audit.** Lines can be chained (a withheld total made only of "< 5" cells is
at most 4 per cell, which bounds the line it sits in). So the result is then
audited as a reader would attack it: the bounds every printed figure and mark
implies are propagated through all equations of the table (and of the tables
it shares totals with) until nothing tightens; any count below 5 left with one
possible value gets one more figure withheld beside it, and the audit runs
again. Interval propagation is not a full integer solver; the tests check small
tables exhaustively. Two reports over different teams or periods can still be
subtracted from each other: every report is logged (who, which teams, which
period), which is how such differencing is found out.
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
            if len(hidden) > 1 and self._slack(hidden) >= 1:
                continue
            open_cells = [p for p in cells if self.mark[p] is Mark.SHOWN]
            # The smallest cell still shown; the total itself when none is left.
            pick = min(open_cells, key=lambda p: (self.value[p], str(p))) if open_cells else total
            self.mark[pick] = Mark.WITHHELD
            changed = True
        return changed

    def _slack(self, hidden: list[_Pos]) -> int:
        """How far the hidden figures of a line sit above the least a reader can
        assume (0 for a "< 5", 5 for a withheld one). Without a withheld figure a
        reader bounds the line from above too (4 each), so there is no safe slack;
        with slack 0 the line pins every hidden figure (a withheld 5 beside a 0)."""
        withheld = [p for p in hidden if self.mark[p] is Mark.WITHHELD]
        if not withheld:
            return 0
        small = [p for p in hidden if self.mark[p] is Mark.SMALL]
        return sum(self.value[p] for p in small) + sum(self.value[p] - 5 for p in withheld)

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


BIG = 10**12  # "5 or more": no upper bound a reader knows of


def _link(grids: list[_Grid], n_rows: int) -> bool:
    """Tables of one group share their row totals: hidden in one, hidden in all."""
    changed = False
    for r in range(n_rows):
        marks = [g.mark.get(("r", r), Mark.SHOWN) for g in grids]
        if any(m is not Mark.SHOWN for m in marks):
            for g in grids:
                if ("r", r) in g.mark and g.mark[("r", r)] is Mark.SHOWN:
                    g.mark[("r", r)] = Mark.WITHHELD
                    changed = True
    return changed


_Key = tuple[int, _Pos]


def _pinned(grids: list[_Grid], shared: bool) -> list[_Key]:
    """What a reader can bound from everything printed, by propagating the bounds
    through every line's equation (a "< 5" is 0..4, a withheld figure 5 or more,
    a printed one itself): the hidden counts below 5 that end up with one
    possible value. (Interval propagation: it finds what line-by-line reasoning
    chained across lines finds; the tests check small tables exhaustively.)"""

    def key(gi: int, p: _Pos) -> _Key:
        return (-1, p) if shared and p[0] == "r" else (gi, p)

    lo: dict[_Key, int] = {}
    hi: dict[_Key, int] = {}
    small: set[_Key] = set()
    lines: list[tuple[list[_Key], _Key]] = []
    for gi, g in enumerate(grids):
        for p, mark in g.mark.items():
            k = key(gi, p)
            if mark is Mark.SHOWN:
                bounds = (g.value[p], g.value[p])
            elif mark is Mark.SMALL:
                bounds = (0, THRESHOLD - 1)
                small.add(k)
            else:
                bounds = (THRESHOLD, BIG)
            lo[k] = max(lo.get(k, 0), bounds[0])
            hi[k] = min(hi.get(k, BIG), bounds[1])
        lines += [([key(gi, c) for c in cells], key(gi, t)) for cells, t in g.lines]
    for _ in range(200):
        changed = False
        for cells, t in lines:
            slo, shi = sum(lo[c] for c in cells), sum(hi[c] for c in cells)
            tlo, thi = max(lo[t], slo), min(hi[t], shi)
            if (tlo, thi) != (lo[t], hi[t]):
                lo[t], hi[t], changed = tlo, thi, True
            for c in cells:
                clo = max(lo[c], lo[t] - (shi - hi[c]))
                chi = min(hi[c], hi[t] - (slo - lo[c]))
                if (clo, chi) != (lo[c], hi[c]):
                    slo, shi = slo - lo[c] + clo, shi - hi[c] + chi
                    lo[c], hi[c], changed = clo, chi, True
        if not changed:
            break
    return sorted((k for k in small if lo[k] == hi[k]), key=str)


def _repair(grids: list[_Grid], pinned: _Key, shared: bool) -> None:
    """Withhold one more printed figure near ``pinned``: the smallest cell still
    shown on one of its lines, else such a line's total; else the same anywhere in
    its table, then in the tables it shares totals with."""
    gi, p = pinned
    own = grids[max(gi, 0)]
    near = [(cells, t) for cells, t in own.lines if p in cells or p == t]
    places = [(own, near), (own, own.lines)] + [(g, g.lines) for g in grids if g is not own]
    for g, lines in places:
        open_cells = [c for cells, _ in lines for c in cells if g.mark[c] is Mark.SHOWN]
        open_cells += [t for _, t in lines if g.mark[t] is Mark.SHOWN]
        if open_cells:
            pick = min(open_cells, key=lambda q: (q[0] != "c", g.value[q], str(q)))
            for target in grids if shared and pick[0] == "r" else [g]:
                target.mark[pick] = Mark.WITHHELD
            return
    raise AssertionError("a count is pinned with nothing printed")


def suppress_group(tables: tuple[CountTable, ...]) -> tuple[ShownTable, ...]:
    """Suppress tables whose rows count the same things (shared row totals)."""
    grids = [_Grid(t) for t in tables]
    shared = len(grids) > 1
    while True:
        changed = True
        while changed:
            changed = False
            for g in grids:
                while g.step():
                    changed = True
            if shared and _link(grids, len(tables[0].rows)):
                changed = True
        pinned = _pinned(grids, shared)
        if not pinned:
            return tuple(g.result() for g in grids)
        _repair(grids, pinned[0], shared)


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
    protected by the same equations as its count. A hidden sum is always
    withheld ("×"), never "< 5": beside an amount that would read as "under 5 euros"."""
    counts = suppress(amounts.counts)

    def follow(shown: Shown, cents: int) -> Shown:
        if not amounts.sums or shown.hidden:
            return Shown(None, Mark.WITHHELD)
        return Shown(cents, Mark.SHOWN)

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
