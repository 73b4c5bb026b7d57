"""The management report's rules without a database: working days, the
suppression of small counts (no printed figure lets a reader work one out), the
charts (a hidden figure never shapes a bar), both languages (issue 20, points 4
and 6)."""

from __future__ import annotations

import dataclasses
import itertools
import json
from datetime import UTC, date, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.central.management import PAYMENTS_NOTE, payment_tables
from app.domain.working_days import (
    easter_sunday,
    holidays,
    is_working_day,
    working_days_between,
)
from app.reports import labels
from app.reports import management_figures as mf
from app.reports.management_render import AXIS_LABELS, COLUMN_LABELS
from app.reports.management_suppress import Mark, Shown, ShownTable, suppress
from app.reports.management_view import to_json, view
from app.services.reports import management
from tests.helpers.pdf_text import pdf_text

PRINTED = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)

# -- working days ---------------------------------------------------------------


def test_dutch_holidays_of_the_time_limits_act() -> None:
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28),
    ]  # fmt: skip
    h2025 = holidays(2025)
    assert date(2025, 4, 26) in h2025  # King's Day on Saturday: the 27th is a Sunday
    assert date(2025, 4, 18) in h2025  # Good Friday
    assert date(2025, 5, 5) in h2025  # Liberation Day, every year
    assert date(2025, 5, 29) in h2025  # Ascension Day
    assert date(2025, 6, 9) in h2025  # Whit Monday
    assert not is_working_day(date(2026, 12, 26))
    assert is_working_day(date(2026, 12, 24))


@given(st.dates(date(2023, 1, 1), date(2028, 12, 31)), st.integers(0, 120))
def test_working_days_are_counted_day_by_day(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    slow = sum(is_working_day(start + timedelta(days=n)) for n in range(1, span + 1))
    assert working_days_between(start, end) == slow


# -- suppression ----------------------------------------------------------------


def _fits(total: int, printed: Shown | None) -> bool:
    if printed is None:
        return True
    if printed.mark is Mark.SHOWN:
        return total == printed.value
    return total < 5 if printed.mark is Mark.SMALL else total >= 5


def _consistent(shown: ShownTable, limit: int) -> list[tuple[int, ...]]:
    """Every table of counts a reader cannot tell apart from the printed one: the
    printed figures equal, the hidden cells below 5 where marked "< 5" and 5 or
    more where withheld (up to ``limit``), the hidden totals likewise. Rows are
    enumerated one by one against their own totals, then combined."""

    def domain(c: Shown) -> range:
        if c.mark is Mark.SHOWN:
            assert c.value is not None
            return range(c.value, c.value + 1)
        return range(5) if c.mark is Mark.SMALL else range(5, limit + 1)

    per_row = []
    for r, row in enumerate(shown.cells):
        total = shown.row_totals[r] if shown.row_totals is not None else None
        per_row.append([v for v in itertools.product(*map(domain, row)) if _fits(sum(v), total)])
    found = []
    n_cols = len(shown.columns)
    for rows in itertools.product(*per_row):
        cols = [sum(r[c] for r in rows) for c in range(n_cols)]
        if shown.column_totals is not None and not all(
            _fits(t, p) for t, p in zip(cols, shown.column_totals, strict=True)
        ):
            continue
        if not _fits(sum(cols), shown.total):
            continue
        found.append(tuple(v for r in rows for v in r))
    return found


small_tables = st.sampled_from([(1, 2), (1, 3), (2, 2), (2, 3), (3, 2)]).flatmap(
    lambda shape: st.lists(
        st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 9]), min_size=shape[1], max_size=shape[1]),
        min_size=shape[0],
        max_size=shape[0],
    )
)


@settings(max_examples=100, deadline=None)
@given(small_tables)
# Leaks an earlier version let through: a withheld 5 beside a hidden 0 (the reader
# knows a withheld figure is 5 or more), and a withheld total made of "< 5" cells
# only (at most 4 each) pinning a cell through the grand total.
@example([[0, 5]])
@example([[0, 4], [4, 4]])
def test_no_printed_figure_gives_a_small_count_away(cells: list[list[int]]) -> None:
    rows = tuple(f"T{n}" for n in range(len(cells)))
    columns = tuple(f"c{n}" for n in range(len(cells[0])))
    table = mf.CountTable("t", rows, columns, tuple(tuple(r) for r in cells))
    shown = suppress(table)
    flat = [v for r in cells for v in r]
    marks = [c.mark for row in shown.cells for c in row]
    # Every count below 5 is "< 5"; a shown figure is the count itself.
    assert all((m is Mark.SMALL) == (v < 5) for v, m in zip(flat, marks, strict=True))
    # Withheld cells range up to a little over the largest count: fewer tables
    # than a reader would consider, so a pass here is a pass for the reader too.
    candidates = _consistent(shown, limit=max(flat) + 4)
    assert tuple(flat) in candidates
    for k, mark in enumerate(marks):
        if mark is Mark.SMALL:
            # At least two values remain possible for every hidden small count.
            assert len({values[k] for values in candidates}) >= 2, (cells, shown)


def _pair(n: int) -> tuple[list[int], list[int]]:
    """Two rows of counts 1..4 whose printed totals are equal, and the same rows
    swapped: a reader of the printed figures cannot tell the two tables apart."""
    even = n - n % 2
    top = [1 if c % 2 == 0 else 4 for c in range(even)] + [2] * (n - even)
    bottom = [5 - v for v in top[:even]] + [2] * (n - even)
    return top, bottom


def _grading(rows: tuple[str, ...], swap: bool) -> tuple[mf.CountTable, ...]:
    """The three axes of one scheme count the same items: equal row sums (7)."""
    axes = {
        "source_evaluation": (("1", "2", "3"), [1, 4, 2], [4, 1, 2]),
        "intelligence_assessment": (tuple("ABCDE"), [1, 4, 2, 0, 0], [4, 1, 2, 0, 0]),
        "handling": (("P", "C"), [3, 4], [4, 3]),
    }
    out = []
    for axis, (columns, top, bottom) in axes.items():
        if len(rows) == 1:
            data = [bottom] if swap else [top]
        else:
            data = [bottom, top] if swap else [top, bottom]
        out.append(mf.CountTable(f"grading:3x5x2:{axis}", rows, columns, tuple(map(tuple, data))))
    return tuple(out)


def _figures(swap: bool, rows: tuple[str, ...] = ("Noord", "Zuid")) -> mf.ManagementFigures:
    def table(
        key: str, columns: tuple[str, ...], *, row_totals: bool = True, column_totals: bool = True
    ) -> mf.CountTable:
        top, bottom = _pair(len(columns))
        if len(rows) == 1:
            data = [bottom] if swap else [top]
        else:
            data = [bottom, top] if swap else [top, bottom]
        cells = tuple(tuple(r) for r in data)
        return mf.CountTable(key, rows, columns, cells, row_totals, column_totals)

    months = mf.months(date(2026, 1, 1), date(2026, 12, 31))
    payments = table("payments", months)
    cents = tuple(tuple(v * 1_000 for v in r) for r in payments.cells)
    return mf.ManagementFigures(
        origin="central",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 12, 31),
        as_of=date(2026, 12, 6),
        rows=rows,
        active_sources=table("active_sources", mf.SOURCE_KINDS),
        contacts=table("contacts", months),
        turnaround=table("turnaround", mf.TURNAROUND_COLUMNS),
        medians=tuple(mf.Median(r, 4, 3.0 if swap else 12.0) for r in rows),
        awaiting=table("awaiting", mf.AWAITING_COLUMNS),
        grading=(mf.GradingScheme("3x5x2", _grading(rows, swap)),),
        overdue=table("overdue", mf.OVERDUE_COLUMNS, row_totals=False),
        payments=(mf.AmountTable("payments", "EUR", payments, cents),),
        packages=table("packages", mf.PACKAGE_COLUMNS),
        matches=table("matches", mf.MATCH_COLUMNS, row_totals=False, column_totals=False),
    )


def test_counts_1_to_4_are_hidden_in_every_table_and_chart() -> None:
    """Two data sets of counts 1..4 that differ only where the report hides them
    give byte-identical PDFs and identical JSON, in both languages: no table, no
    chart bar, no total and no median lets one tell them apart."""
    a, b = _figures(swap=False), _figures(swap=True)
    assert a.contacts.cells != b.contacts.cells
    assert json.dumps(management.as_json(a)) == json.dumps(management.as_json(b))
    for language in ("en", "nl"):
        pdf_a = management.pdf(a, language=language, printed_at=PRINTED)
        assert pdf_a == management.pdf(b, language=language, printed_at=PRINTED)
        assert "< 5" in pdf_text(pdf_a)
    shown = to_json(view(a))
    cells = [v for row in shown["contacts_per_month"]["rows"] for v in row["cells"].values()]
    assert set(cells) == {"< 5"}


def test_a_one_team_report_hides_its_small_counts_too() -> None:
    a, b = _figures(False, rows=("this vault",)), _figures(True, rows=("this vault",))
    assert json.dumps(management.as_json(a)) == json.dumps(management.as_json(b))
    assert management.pdf(a, language="nl", printed_at=PRINTED) == management.pdf(
        b, language="nl", printed_at=PRINTED
    )


def test_a_sum_paid_to_fewer_than_5_sources_is_withheld() -> None:
    ids = {1: "Noord"}
    months = ("2026-01", "2026-02")
    # (team, month, currency, payments, sources, cents, grouping, most to one source)
    rows = [
        (1, "2026-01", "EUR", 7, 1, 70_000, 0, 70_000),
        (1, "2026-02", "EUR", 6, 6, 30_000, 0, 5_000),
        (1, None, "EUR", 13, 6, 100_000, 1, 70_000),
        (None, "2026-01", "EUR", 7, 1, 70_000, 2, 70_000),
        (None, "2026-02", "EUR", 6, 6, 30_000, 2, 5_000),
        (None, None, "EUR", 13, 6, 100_000, 3, 70_000),
    ]
    (eur,) = payment_tables(rows, ids, months)
    figures = dataclasses.replace(_figures(False, rows=("Noord",)), payments=(eur,))
    shown = management.as_json(figures)["payments"]["EUR"]["amount_cents"]["rows"][0]
    # January: 7 payments to one source; February's sum is withheld beside it, or
    # the total (13 payments to 6 sources, shown) would give January's away.
    assert shown == {
        "row": "Noord",
        "cells": {"2026-01": "withheld", "2026-02": "withheld"},
        "total": 100_000,
    }
    # The same total, 86% of it to one source: withheld too (it all but prints
    # what that source received).
    dominated = [(*r[:7], 86_000) if r[1] is None else r for r in rows]
    (eur,) = payment_tables(dominated, ids, months)
    figures = dataclasses.replace(figures, payments=(eur,))
    shown = management.as_json(figures)["payments"]["EUR"]["amount_cents"]["rows"][0]
    assert shown["total"] == "withheld"


def _one_payment(rows: tuple[str, ...], months: tuple[str, ...], currency: str) -> mf.AmountTable:
    cells = tuple(
        tuple(int(r == 0 and m == 2) for m in range(len(months))) for r in range(len(rows))
    )
    counts = mf.CountTable(
        "payments", rows, months, cells,
        sensitive=tuple(tuple(True for _ in months) for _ in rows),
        sensitive_rows=tuple(True for _ in rows),
        sensitive_columns=tuple(True for _ in months),
        sensitive_total=True,
    )  # fmt: skip
    return mf.AmountTable(
        "payments", currency, counts, tuple(tuple(c * 1234 for c in r) for r in cells)
    )


def test_none_reads_like_fewer_than_5_in_every_section() -> None:
    """No payment, one payment in euros, one in dollars; no graded item, one of
    5x5x5: the same report, byte for byte. Every currency of the fixed set and
    every scheme is always there."""
    rows = ("Noord", "Zuid")
    base = _figures(False, rows=rows)
    months = base.contacts.columns
    graded = tuple(
        mf.CountTable(f"grading:5x5x5:{axis}", rows, columns, tuple(
            tuple(int(r == 1 and c == 0) for c in range(len(columns))) for r in range(2)))
        for axis, columns in zip(mf.GRADING_AXES, (("A", "B", "C", "D", "E"),
                                 ("1", "2", "3", "4", "5"), ("1", "2", "3", "4", "5")), strict=True)
    )  # fmt: skip
    variants = [
        dataclasses.replace(base, payments=()),
        dataclasses.replace(base, payments=(_one_payment(rows, months, "EUR"),)),
        dataclasses.replace(base, payments=(_one_payment(rows, months, "USD"),)),
        dataclasses.replace(
            base, payments=(), grading=(*base.grading, mf.GradingScheme("5x5x5", graded))
        ),
    ]
    shown = [management.as_json(f) for f in variants]
    assert all(doc == shown[0] for doc in shown)
    assert list(shown[0]["payments"]) == ["EUR", "other"]
    assert list(shown[0]["grading"]) == ["3x5x2", "5x5x5", "admiralty"]
    pdfs = [management.pdf(f, language="nl", printed_at=PRINTED) for f in variants]
    assert all(pdf == pdfs[0] for pdf in pdfs)
    text = " ".join(pdf_text(pdfs[0]).split())
    assert "Betalingen per maand (andere valuta)" in text


def test_payments_in_other_currencies_are_counted_together_never_summed() -> None:
    rows = ("Noord",)
    base = _figures(False, rows=rows)
    months = base.contacts.columns
    tables = []
    for currency, n in (("USD", 4), ("GBP", 3)):
        cells = ((n,) * len(months),)
        counts = mf.CountTable(
            "payments",
            rows,
            months,
            cells,
            sensitive=((False,) * len(months),),
            sensitive_rows=(False,),
        )
        tables.append(mf.AmountTable("payments", currency, counts, ((n * 100,) * len(months),)))
    other = management.as_json(dataclasses.replace(base, payments=tuple(tables)))["payments"]
    assert list(other) == ["EUR", "other"]
    pooled = other["other"]["payments"]["rows"][0]
    assert (set(pooled["cells"].values()), pooled["total"]) == ({7}, 7 * len(months))
    sums = other["other"]["amount_cents"]["rows"][0]
    assert set(sums["cells"].values()) == {"withheld"}
    assert sums["total"] == "withheld"


def test_every_word_of_the_management_report_has_its_dutch() -> None:
    words = set(COLUMN_LABELS.values()) | set(AXIS_LABELS.values())
    words |= {
        "Central learns of an approval only when a debrief version carrying it arrives.",
        PAYMENTS_NOTE,
        "Figures of the files the alias that made this report may see in this vault.",
        "Payments per month (other currencies)",
        "Amounts in different currencies are not added up.",
        "Matches are made by the central system. A vault keeps only the notices central sent "
        "of its team's matches; they are not counted here.",
    }
    assert sorted(words - labels.NL.keys()) == []


def test_every_table_stays_within_the_margins() -> None:
    """A table as wide as the margins alone ran 2 mm past the right margin's rule
    (the frame pads its content by 6 pt a side)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Table

    from app.reports import fonts, management_render
    from app.reports.styles import MARGIN_X

    fonts.register()
    room = landscape(A4)[0] - 2 * MARGIN_X - 12
    for rows in (("this vault",), ("Noord", "Zuid")):
        shown = view(_figures(False, rows=rows))
        for language in ("en", "nl"):
            lay = management_render._Layout(shown, language)
            story = management_render._work(lay) + management_render._accounts(lay)
            tables = [f for f in story if isinstance(f, Table)]
            assert len(tables) > 5
            assert max(sum(t._colWidths) for t in tables) <= room + 0.01
