"""The figures of the management report, as counted: one model that both readers
fill (the central system's PostgreSQL, a handler's vault) and the one renderer
prints after ``management_suppress`` has hidden every small count.

Nothing here names a person, a source or an alias: rows are teams (or "this
vault"), columns are months, kinds and codes. The counts are exact; they never
reach a page or a JSON file without going through the suppression first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.working_days import NORM_WORKING_DAYS

SOURCE_KINDS = ("informant", "civilian_informant", "conversation_contact")
TURNAROUND_COLUMNS = ("within_norm", "over_norm")
AWAITING_COLUMNS = ("waiting_within_norm", "waiting_over_norm")
OVERDUE_COLUMNS = (
    "risk_review_overdue",
    "no_risk_assessment",
    "contract_review_overdue",
    "suitability_review_overdue",
)
PACKAGE_COLUMNS = ("in_order", "gap", "late")
MATCH_COLUMNS = ("opened", "resolved_same", "resolved_different", "open_at_end")
GRADING_AXES = ("source_evaluation", "intelligence_assessment", "handling")
SUMMED_CURRENCIES = ("EUR",)  # summed; every other currency is counted together
OTHER_CURRENCIES = "other"  # the key of the payments in every other currency
MIN_SOURCES = 5
DOMINANT_PERCENT = 85


def payment_sensitive(sources: int, largest: int, cents: int, *, summed: bool) -> bool:
    """Whether a payments figure (a count and, in a summed currency, its sum) must
    be withheld: made by fewer than 5 sources, or a sum more than 85% of which one
    source received (the sum would all but print that source's payments).
    ``largest``: the most one source received in it (absolute)."""
    if sources < MIN_SOURCES:
        return True
    return summed and abs(largest) * 100 > DOMINANT_PERCENT * abs(cents)


@dataclass(frozen=True)
class CountTable:
    """Counts, rows (teams) by columns. ``row_totals``/``column_totals``: whether
    the sums across a row / down a column are meaningful (and printed).
    ``sensitive`` marks cells suppressed whatever their count (a payment sum made
    by fewer than 5 sources)."""

    key: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: bool = True
    column_totals: bool = True
    sensitive: tuple[tuple[bool, ...], ...] | None = None
    # The same for the totals: per row, per column, all together.
    sensitive_rows: tuple[bool, ...] | None = None
    sensitive_columns: tuple[bool, ...] | None = None
    sensitive_total: bool = False

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.rows) or any(
            len(r) != len(self.columns) for r in self.cells
        ):
            raise ValueError(f"table {self.key}: cells do not match rows and columns")


@dataclass(frozen=True)
class AmountTable:
    """Sums of money (cents) laid out like ``counts``: a sum is shown only where
    the count of payments behind it is."""

    key: str
    currency: str
    counts: CountTable
    cents: tuple[tuple[int, ...], ...]
    sums: bool = True  # False: no sum is shown (amounts in several currencies)


@dataclass(frozen=True)
class Median:
    """Median turnaround in working days of a row's approved debriefs (``n`` of them)."""

    row: str
    n: int
    median: float | None


@dataclass(frozen=True)
class GradingScheme:
    """One grading scheme: one table per axis, rows the teams; every axis of a
    row counts the same items (so the row totals are one figure, shown or
    hidden together)."""

    scheme: str
    axes: tuple[CountTable, ...]


@dataclass(frozen=True)
class ManagementFigures:
    origin: str  # "central" | "vault"
    period_from: date
    period_to: date
    as_of: date  # overdue is counted on this day (the period's end, or today)
    rows: tuple[str, ...]  # team names; a vault's single row is "this vault"
    active_sources: CountTable
    contacts: CountTable  # per month (columns "YYYY-MM")
    turnaround: CountTable  # approved in the period: within / over the norm
    medians: tuple[Median, ...]  # per row, then the total ("")
    awaiting: CountTable  # submitted in the period, not approved by its end
    grading: tuple[GradingScheme, ...]
    overdue: CountTable
    payments: tuple[AmountTable, ...]  # one per currency
    packages: CountTable
    matches: CountTable | None  # None: not held here (a vault)
    norm_working_days: int = NORM_WORKING_DAYS
    notes: tuple[str, ...] = field(default=())  # English label keys of caveats


def months(first: date, last: date) -> tuple[str, ...]:
    """``YYYY-MM`` of every month from ``first`` to ``last``."""
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def table(
    key: str,
    rows: tuple[str, ...],
    columns: tuple[str, ...],
    counts: dict[tuple[str, str], int],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
) -> CountTable:
    """A table from sparse counts keyed (row, column); missing cells are 0."""
    cells = tuple(tuple(int(counts.get((r, c), 0)) for c in columns) for r in rows)
    return CountTable(key, rows, columns, cells, row_totals=row_totals, column_totals=column_totals)


def median_of(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many}."""
    n = sum(histogram.values())
    if n == 0:
        return None
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:
        seen = 0
        for value, count in ordered:
            seen += count
            if seen > k:
                return value
        raise AssertionError("unreachable")

    return (nth((n - 1) // 2) + nth(n // 2)) / 2
