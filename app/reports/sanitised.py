"""The story of a sanitised report: shareable items in their sanitised wording,
with grading and conditions; dates only; nothing that names or places the source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Table

from app.reports.blocks import ProgressMark, grading_cell, table_style
from app.reports.internal import CORROBORATION_WORDS
from app.reports.styles import Styles, counted, markup, para
from app.reports.views import SanitisedDebrief, SanitisedReport

INTRO = (
    "This report contains only intelligence whose handling code permits lawful sharing, "
    "in wording that does not reveal its source. Each item carries its grading in its own "
    "scheme; where the handling code sets conditions, they bind every recipient. Dates are "
    "the day the information was obtained."
)


def story(
    report: SanitisedReport, styles: Styles, progress: Callable[[int, int], None] | None
) -> list[Any]:
    body = report.body
    items = sum(len(d.items) for d in body.debriefs)
    out: list[Any] = [
        Paragraph(markup(body.title), styles.title),
        Paragraph(
            markup(
                f"Period {body.period_from.isoformat()} to {body.period_to.isoformat()} · "
                f"{counted(len(body.debriefs), 'report')}, {counted(items, 'item')}"
            ),
            styles.subtitle,
        ),
        Paragraph(markup(INTRO), styles.body),
    ]
    total = len(body.debriefs)
    for n, debrief in enumerate(body.debriefs, start=1):
        out.extend(_debrief(debrief, styles))
        if progress is not None:
            out.append(ProgressMark(progress, n, total))
    return out


def _debrief(d: SanitisedDebrief, styles: Styles) -> list[Any]:
    heading = f"{d.reference} — information obtained on {d.obtained_on.isoformat()}"
    rows: list[list[Any]] = [
        [Paragraph(h, styles.cell_bold) for h in ("No.", "Information", "Grading and handling")]
    ]
    for item in d.items:
        notes = [
            "Corroboration: "
            + CORROBORATION_WORDS.get(item.corroboration, item.corroboration).lower()
            + "."
        ]
        if item.exculpatory:
            notes.insert(0, "<b>Exculpatory</b>: may clear a suspect.")
        rows.append(
            [
                Paragraph(f"{d.reference}.{item.number}", styles.cell),
                [para(item.text, styles.cell), Paragraph(" ".join(notes), styles.cell)],
                grading_cell(item.grading, styles),
            ]
        )
    table = Table(rows, colWidths=[13 * mm, None, 68 * mm], repeatRows=1)
    table.setStyle(table_style(header=True))
    return [CondPageBreak(40 * mm), Paragraph(markup(heading), styles.h1), table]
