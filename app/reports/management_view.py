"""The management report as it may be shown: every table suppressed
(``management_suppress``), medians only over 5 or more debriefs. The PDF and the
JSON are both made from this view and from nothing else, so they carry the
same figures and neither can carry a hidden one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.reports import management_fixed as fixed
from app.reports.management_figures import ManagementFigures, months
from app.reports.management_suppress import (
    THRESHOLD,
    Mark,
    Shown,
    ShownAmounts,
    ShownTable,
    suppress,
    suppress_amounts,
    suppress_group,
)

FORMAT = "veldboek-management/1"


@dataclass(frozen=True)
class ShownMedian:
    row: str  # "" = all rows together
    median: float | None  # None: fewer than 5 debriefs (or none)


@dataclass(frozen=True)
class ShownScheme:
    scheme: str
    axes: tuple[ShownTable, ...]


@dataclass(frozen=True)
class ManagementView:
    origin: str
    period_from: date
    period_to: date
    as_of: date
    norm_working_days: int
    rows: tuple[str, ...]
    active_sources: ShownTable
    contacts: ShownTable
    turnaround: ShownTable
    medians: tuple[ShownMedian, ...]
    awaiting: ShownTable
    grading: tuple[ShownScheme, ...]
    overdue: ShownTable
    payments: tuple[ShownAmounts, ...]
    packages: ShownTable
    matches: ShownTable | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ManagementStamp:
    """An issued management report's id, marking and printing, on every page and
    covered by the content hash. The printer is a reference (PR-…), not the alias:
    the report names nobody; the issuing vault's register resolves it."""

    report_id: str
    marking: str
    printer_reference: str
    printed_at: datetime  # UTC
    language: str


def view(f: ManagementFigures) -> ManagementView:
    return ManagementView(
        origin=f.origin,
        period_from=f.period_from,
        period_to=f.period_to,
        as_of=f.as_of,
        norm_working_days=f.norm_working_days,
        rows=f.rows,
        active_sources=suppress(f.active_sources),
        contacts=suppress(f.contacts),
        turnaround=suppress(f.turnaround),
        medians=tuple(
            ShownMedian(m.row, m.median if m.n >= THRESHOLD else None) for m in f.medians
        ),
        awaiting=suppress(f.awaiting),
        # Every scheme and currency of a fixed set, counted or not (management_fixed).
        grading=tuple(
            ShownScheme(g.scheme, suppress_group(g.axes)) for g in fixed.grading(f.grading, f.rows)
        ),
        overdue=suppress(f.overdue),
        payments=tuple(
            suppress_amounts(p)
            for p in fixed.payments(f.payments, f.rows, months(f.period_from, f.period_to))
        ),
        packages=suppress(f.packages),
        matches=suppress(f.matches) if f.matches is not None else None,
        notes=f.notes,
    )


def _cell(s: Shown) -> int | str:
    if s.mark is Mark.SHOWN:
        assert s.value is not None
        return s.value
    return "< 5" if s.mark is Mark.SMALL else "withheld"


def _table(t: ShownTable) -> dict[str, Any]:
    out: dict[str, Any] = {
        "columns": list(t.columns),
        "rows": [
            {"row": name, "cells": dict(zip(t.columns, map(_cell, cells), strict=True))}
            for name, cells in zip(t.rows, t.cells, strict=True)
        ],
    }
    if t.row_totals is not None:
        for row, total in zip(out["rows"], t.row_totals, strict=True):
            row["total"] = _cell(total)
    if t.column_totals is not None:
        out["column_totals"] = dict(zip(t.columns, map(_cell, t.column_totals), strict=True))
    if t.total is not None:
        out["total"] = _cell(t.total)
    return out


def to_json(v: ManagementView) -> dict[str, Any]:
    """The same figures as the PDF: a hidden count is the text ``"< 5"`` (below 5)
    or ``"withheld"`` (hidden so that a count below 5 cannot be worked out)."""
    return {
        "format": FORMAT,
        "origin": v.origin,
        "period": {"from": v.period_from.isoformat(), "to": v.period_to.isoformat()},
        "as_of": v.as_of.isoformat(),
        "suppression": {
            "threshold": THRESHOLD,
            "below_threshold": "< 5",
            "complementary": "withheld",
        },
        "norm_working_days": v.norm_working_days,
        "working_days": "Monday to Friday, without the public holidays of the Dutch "
        "Algemene termijnenwet",
        "rows": list(v.rows),
        "active_sources": _table(v.active_sources),
        "contacts_per_month": _table(v.contacts),
        "turnaround": {
            **_table(v.turnaround),
            "median_working_days": {m.row or "total": m.median for m in v.medians},
        },
        "awaiting_approval": _table(v.awaiting),
        "grading": {
            g.scheme: {t.key.rsplit(":", 1)[-1]: _table(t) for t in g.axes} for g in v.grading
        },
        "overdue": _table(v.overdue),
        "payments": {
            p.currency: {"payments": _table(p.counts), "amount_cents": _table(p.cents)}
            for p in v.payments
        },
        "packages": _table(v.packages),
        "deconfliction_matches": _table(v.matches) if v.matches is not None else None,
        "notes": list(v.notes),
    }
