"""Every section of the management report, and every table in it, whatever the
data: a table that is there only when something was counted tells 0 from 1-4
(a "EUR" table with "< 5" cells says a payment in euros was made; a grading
scheme left out says none of its items were). So the report always holds

* every grading scheme the app knows (``GradingScheme``), in that order, with
  all their codes (a scheme no longer known, still found in the data, after
  them);
* payments in euros, and one table of the payments in every other currency
  together (``OTHER_CURRENCIES``): its counts as any table's, its sums never
  (amounts in different currencies do not add up). The readers pool them as
  they count (a figure's sources counted once over all those currencies, so 7
  payments to 7 sources in 7 currencies are 7 payments to 7 sources); tables
  per currency handed in are pooled here, each figure sensitive unless one
  currency alone had 5 sources in it (a bound: sources are not known apart).

A 0 is then "< 5" like 1 to 4 (``management_suppress``), in a table that is
always printed."""

from __future__ import annotations

import dataclasses

from app.domain.enums import GradingScheme
from app.domain.grading import codes_of
from app.reports import management_figures as mf

CURRENCIES = mf.SUMMED_CURRENCIES
OTHER_CURRENCIES = mf.OTHER_CURRENCIES
SCHEMES = tuple(s.value for s in GradingScheme)


def _zeros(rows: tuple[str, ...], columns: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(0 for _ in columns) for _ in rows)


def grading(
    found: tuple[mf.GradingScheme, ...], rows: tuple[str, ...]
) -> tuple[mf.GradingScheme, ...]:
    by = {g.scheme: g for g in found}
    out = []
    for scheme in SCHEMES:
        if scheme in by:
            out.append(by[scheme])
            continue
        axes = tuple(
            mf.CountTable(
                f"grading:{scheme}:{axis}",
                rows,
                codes_of(scheme, axis),
                _zeros(rows, codes_of(scheme, axis)),
            )
            for axis in mf.GRADING_AXES
        )
        out.append(mf.GradingScheme(scheme, axes))
    return (*out, *(g for g in found if g.scheme not in SCHEMES))


def _empty(currency: str, rows: tuple[str, ...], months: tuple[str, ...]) -> mf.AmountTable:
    counts = mf.CountTable("payments", rows, months, _zeros(rows, months))
    return mf.AmountTable("payments", currency, counts, _zeros(rows, months))


def _pooled(
    tables: list[mf.AmountTable], rows: tuple[str, ...], months: tuple[str, ...]
) -> mf.AmountTable:
    """The counts of ``tables`` added up. A figure is sensitive (fewer than 5
    sources) unless it is not in one currency: the sources of one currency are at
    most those of all, so the pooled figure is never less protected."""
    n_r, n_m = len(rows), len(months)
    cells = [[0] * n_m for _ in rows]
    cell_s = [[True] * n_m for _ in rows]
    row_s, col_s, total_s = [True] * n_r, [True] * n_m, True
    row_totals = column_totals = True
    for t in tables:
        c = t.counts
        if (c.rows, c.columns) != (rows, months):
            raise ValueError("the payment tables of one report have one shape")
        row_totals, column_totals = c.row_totals, c.column_totals
        for r in range(n_r):
            row_s[r] = row_s[r] and c.sensitive_rows is not None and c.sensitive_rows[r]
            for m in range(n_m):
                cells[r][m] += c.cells[r][m]
                cell_s[r][m] = cell_s[r][m] and c.sensitive is not None and c.sensitive[r][m]
        for m in range(n_m):
            col_s[m] = col_s[m] and c.sensitive_columns is not None and c.sensitive_columns[m]
        total_s = total_s and c.sensitive_total
    counts = mf.CountTable(
        "payments",
        rows,
        months,
        tuple(tuple(r) for r in cells),
        row_totals=row_totals,
        column_totals=column_totals,
        sensitive=tuple(tuple(r) for r in cell_s),
        sensitive_rows=tuple(row_s),
        sensitive_columns=tuple(col_s),
        sensitive_total=total_s,
    )
    return mf.AmountTable("payments", OTHER_CURRENCIES, counts, _zeros(rows, months), sums=False)


def payments(
    found: tuple[mf.AmountTable, ...], rows: tuple[str, ...], months: tuple[str, ...]
) -> tuple[mf.AmountTable, ...]:
    by = {p.currency: p for p in found}
    fixed = [by.get(c) or _empty(c, rows, months) for c in CURRENCIES]
    if OTHER_CURRENCIES in by:  # pooled where counted, its sources counted once
        pooled = dataclasses.replace(by[OTHER_CURRENCIES], sums=False)
        return (*fixed, pooled)
    others = [p for p in found if p.currency not in CURRENCIES]
    return (*fixed, _pooled(others, rows, months))
