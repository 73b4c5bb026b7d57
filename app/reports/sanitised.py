"""The story of a sanitised report: shareable items in their sanitised wording,
with grading and conditions; dates only; nothing that names or places the source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm

from app.reports.blocks import ProgressMark, grading_cell, heading, split_table, table_style
from app.reports.internal import CORROBORATION_WORDS
from app.reports.labels import Labels
from app.reports.paragraph import Paragraph
from app.reports.styles import Styles, day, markup, para
from app.reports.views import SanitisedBody, SanitisedDebrief, SanitisedReport

INTRO = (
    "This report contains only intelligence whose handling code permits lawful sharing, "
    "in wording that does not reveal its source. Each item carries its grading in its own "
    "scheme; where the handling code sets conditions, they bind every recipient. Dates are "
    "the day the information was obtained, in UTC (Coordinated Universal Time), not "
    "local time."
)


def story(
    report: SanitisedReport, styles: Styles, progress: Callable[[int, int], None] | None
) -> list[Any]:
    body = report.body
    t = Labels(report.stamp.language)
    period = t("Period {start} to {end}", start=day(body.period_from), end=day(body.period_to))
    out: list[Any] = [
        Paragraph(markup(t(body.title)), styles.title),
        Paragraph(markup(f"{period} · {_counts(body, t)}"), styles.subtitle),
        Paragraph(markup(t(INTRO)), styles.body),
    ]
    total = len(body.debriefs)
    for n, debrief in enumerate(body.debriefs, start=1):
        out.extend(_debrief(debrief, styles, t))
        if progress is not None:
            out.append(ProgressMark(progress, n, total))
    return out


def _counts(body: SanitisedBody, t: Labels) -> str:
    """``2 debriefs (S1–S2), 29 items``: what the S-references below stand for."""
    refs = [d.reference for d in body.debriefs]
    debriefs = t.count(len(refs), "debrief")
    if refs:
        debriefs += f" ({refs[0]})" if len(refs) == 1 else f" ({refs[0]}–{refs[-1]})"
    return f"{debriefs}, {t.count(sum(len(d.items) for d in body.debriefs), 'item')}"


def _debrief(d: SanitisedDebrief, styles: Styles, t: Labels) -> list[Any]:
    title = t(
        "{reference} — information obtained on {day}", reference=d.reference, day=day(d.obtained_on)
    )
    rows: list[list[Any]] = [
        [Paragraph(t(h), styles.cell_bold) for h in ("No.", "Information", "Grading and handling")]
    ]
    for item in d.items:
        state = t(CORROBORATION_WORDS.get(item.corroboration, item.corroboration)).lower()
        notes = [markup(t("Corroboration: {state}.", state=state))]
        if item.exculpatory:
            # Bold up to the colon: "Exculpatory:" / "Ontlastend:".
            label, _, rest = t("Exculpatory: may clear a suspect.").partition(":")
            notes.insert(0, f"<b>{markup(label)}</b>: {markup(rest)}")
        rows.append(
            [
                Paragraph(f"{d.reference}.{item.number}", styles.cell),
                [para(item.text, styles.cell), Paragraph(" ".join(notes), styles.cell)],
                grading_cell(item.grading, styles, t),
            ]
        )
    # A long item splits across pages (the column heads repeat only there): a
    # page left blank in a sanitised report would look like something was cut.
    table = split_table(rows, colWidths=[13 * mm, None, 68 * mm], repeatRows=1)
    table.setStyle(table_style(header=True))
    return [*heading(markup(title), styles.h1, 40 * mm), table]
