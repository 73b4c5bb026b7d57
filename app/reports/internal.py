"""The story (flowables) of an internal debrief report: everything the unit keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from app.reports.blocks import ProgressMark, grading_cell, key_values, section, table_style
from app.reports.styles import Styles, counted, day, markup, money, para, utc_minute, words
from app.reports.views import (
    ContactPart,
    InternalBody,
    InternalDebrief,
    InternalItem,
    InternalReport,
    PaymentPart,
    TaskingPart,
)

STATUS_WORDS = {
    "draft": "Draft (not submitted)",
    "submitted": "Submitted, awaiting review",
    "approved": "Approved",
    "returned": "Returned to the runner",
}
CORROBORATION_WORDS = {
    "unchecked": "Not yet checked",
    "corroborated": "Corroborated",
    "contradicted": "Contradicted",
}


def story(
    report: InternalReport, styles: Styles, progress: Callable[[int, int], None] | None
) -> list[Any]:
    body = report.body
    out: list[Any] = [
        Paragraph(markup(body.title), styles.title),
        Paragraph(markup(_subtitle(body)), styles.subtitle),
    ]
    total = len(body.debriefs)
    for n, debrief in enumerate(body.debriefs, start=1):
        out.extend(_debrief(debrief, styles))
        if progress is not None:
            out.append(ProgressMark(progress, n, total))
    out.extend(_unlinked(body, styles))
    return out


def _subtitle(body: InternalBody) -> str:
    parts = [f"Source: {', '.join(body.codenames)}" if body.codenames else "Sources: —"]
    if body.period_from or body.period_to:
        parts.append(f"period {day(body.period_from)} to {day(body.period_to)}")
    parts.append(counted(len(body.debriefs), "debrief"))
    parts.append("INTERNAL: names the source; not for dissemination")
    return " · ".join(parts)


def _debrief(d: InternalDebrief, styles: Styles) -> list[Any]:
    when = d.contact.occurred_at if d.contact is not None else d.created_at
    heading = f"Debrief {utc_minute(when)} — {d.codename}"
    review = "—"
    if d.reviewed_at is not None:
        review = f"{d.reviewer or '?'} on {utc_minute(d.reviewed_at)}"
    out: list[Any] = [
        CondPageBreak(60 * mm),
        Paragraph(markup(heading), styles.h1),
        Paragraph(markup(f"Debrief id {d.debrief_id}"), styles.small),
        key_values(
            [
                ("Source", d.codename),
                ("Approval status", STATUS_WORDS.get(d.status, d.status)),
                ("Written by", d.author or "—"),
                ("Created", utc_minute(d.created_at)),
                ("Submitted", utc_minute(d.submitted_at) if d.submitted_at else "—"),
                ("Reviewed by", review),
            ],
            styles,
        ),
    ]
    if d.review_comment.strip():
        out += section("Review comment", d.review_comment, styles)
    out += _contact(d.contact, styles)
    out += section("Narrative", d.narrative, styles)
    out.append(Paragraph("Intelligence items", styles.h2))
    if not d.items:
        out.append(Paragraph("None recorded.", styles.body))
    for item in d.items:
        out.extend(_item(item, styles))
    out += _taskings(d, styles)
    out += _payments(d, styles)
    out += section("Welfare observations", d.welfare_observations, styles)
    out += section("Security observations", d.security_observations, styles)
    out += section("Runner's assessment", d.runner_assessment, styles)
    out += section("Critical reflection", d.critical_reflection, styles)
    out.append(Paragraph("Addenda", styles.h2))
    if not d.addenda:
        out.append(Paragraph("None.", styles.body))
    for a in d.addenda:
        out.append(
            Paragraph(markup(f"{utc_minute(a.created_at)}, {a.author or '?'}:"), styles.label)
        )
        out.append(para(a.text, styles.body))
    out.append(Spacer(1, 4 * mm))
    return out


def _contact(c: ContactPart | None, styles: Styles) -> list[Any]:
    heading = Paragraph("Contact", styles.h2)
    out: list[Any] = [heading]
    if c is None:
        out.append(Paragraph("No contact linked to this debrief.", styles.body))
        return out
    duration = f"{c.duration_minutes} min" if c.duration_minutes is not None else "—"
    out = [
        heading,
        key_values(
            [
                ("Kind", words(c.kind)),
                ("When", utc_minute(c.occurred_at)),
                ("Duration", duration),
                ("Location codeword", c.location_codeword or "—"),
                ("Attended by", ", ".join(c.attendees) or "—"),
            ],
            styles,
        ),
        Spacer(1, 1.5 * mm),
    ]
    for title, text in (
        ("Reconnaissance notes", c.reconnaissance_notes),
        ("Safety notes", c.safety_notes),
        ("Contact notes", c.notes),
    ):
        if text.strip():
            out.append(Paragraph(f"<b>{title}:</b> {markup(text)}", styles.body))
    return [KeepTogether(out)]


def _item(item: InternalItem, styles: Styles) -> list[Any]:
    g = item.grading
    flags = []
    if item.exculpatory:
        flags.append("<b>EXCULPATORY</b>")
    flags.append("shareable" if item.shareable else "<b>not shareable</b>")
    rows = [
        [
            Paragraph(f"<b>Item {item.number}</b>", styles.cell),
            Paragraph(f"<b>{markup(g.short)}</b> · " + " · ".join(flags), styles.cell),
        ],
        [Paragraph("Reported", styles.cell_bold), para(item.text, styles.cell)],
        [Paragraph("Sanitised wording", styles.cell_bold), para(item.sanitised_text, styles.cell)],
        [Paragraph("Grading", styles.cell_bold), grading_cell(g, styles)],
        [
            Paragraph("Corroboration", styles.cell_bold),
            Paragraph(CORROBORATION_WORDS.get(item.corroboration, item.corroboration), styles.cell),
        ],
        [Paragraph("Subjects", styles.cell_bold), para(", ".join(item.subjects), styles.cell)],
    ]
    # Long items may split across pages; the header row (item number and grading)
    # repeats, and an item never starts in the last few lines of a page.
    table = Table(rows, colWidths=[32 * mm, None], hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(header=True))
    return [CondPageBreak(35 * mm), table, Spacer(1, 2.5 * mm)]


def _taskings(d: InternalDebrief, styles: Styles) -> list[Any]:
    out: list[Any] = [Paragraph("Tasking", styles.h2)]
    if not d.taskings:
        out.append(Paragraph("None linked to this debrief.", styles.body))
        return out
    return out + tasking_blocks(d.taskings, styles)


def tasking_blocks(taskings: tuple[TaskingPart, ...], styles: Styles) -> list[Any]:
    """One boxed block per tasking. Full-width rows, not columns: the task and its
    limits are sentences, and read (and copy) better whole."""
    out: list[Any] = []
    for n, t in enumerate(taskings, start=1):
        head = [f"<b>Tasking {n}</b>"]
        if t.given_on is not None:
            head.append(f"given {day(t.given_on)}")
        head.append(f"deadline {day(t.deadline)}")
        head.append(f"<b>{markup(words(t.status))}</b>")
        rows: list[list[Any]] = [
            [Paragraph(" · ".join(head), styles.cell)],
            [para(t.description, styles.cell)],
        ]
        if t.limits.strip():
            rows.append([Paragraph(f"<b>Limits:</b> {markup(t.limits)}", styles.cell)])
        if t.outcome.strip():
            rows.append([Paragraph(f"<b>Outcome:</b> {markup(t.outcome)}", styles.cell)])
        table = Table(rows, colWidths=[None], hAlign="LEFT")
        table.setStyle(table_style(header=True))
        out += [KeepTogether([table]), Spacer(1, 1.5 * mm)]
    return out


def _payments(d: InternalDebrief, styles: Styles) -> list[Any]:
    out: list[Any] = [Paragraph("Payments and expenses", styles.h2)]
    if not d.payments:
        out.append(Paragraph("None linked to this debrief.", styles.body))
        return out
    out.append(payments_table(d.payments, styles))
    return out


def payments_table(payments: tuple[PaymentPart, ...], styles: Styles) -> Table:
    rows = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("Date", "Kind", "Amount", "Reason", "Witness", "Approved by")
        ]
    ]
    for p in payments:
        rows.append(
            [
                Paragraph(day(p.occurred_on), styles.cell),
                Paragraph(words(p.kind), styles.cell),
                Paragraph(money(p.amount_cents, p.currency), styles.cell),
                para(p.reason, styles.cell),
                para(p.witness or "", styles.cell),
                para(p.approved_by or "", styles.cell),
            ]
        )
    # The reason gets the room: dates, kinds, amounts and names are short.
    table = Table(rows, colWidths=[19 * mm, 17 * mm, 22 * mm, None, 20 * mm, 22 * mm], repeatRows=1)
    table.setStyle(table_style(header=True))
    return table


def _unlinked(body: InternalBody, styles: Styles) -> list[Any]:
    """The files' taskings and payments in the period that no debrief records."""
    if not body.unlinked:
        return []
    if body.period_from or body.period_to:
        scope = f"from {day(body.period_from)} to {day(body.period_to)}"
    else:
        scope = "on the file, at any time"
    out: list[Any] = [
        CondPageBreak(60 * mm),
        Paragraph("Taskings and payments not linked to a debrief", styles.h1),
        Paragraph(
            markup(
                f"Taskings given and payments made {scope} that are not linked to any "
                "debrief of the file."
            ),
            styles.body,
        ),
    ]
    for f in body.unlinked:
        out.append(Paragraph(markup(f"{f.codename}: tasking"), styles.h2))
        if f.taskings:
            out += tasking_blocks(f.taskings, styles)
        else:
            out.append(Paragraph("None.", styles.body))
        out.append(Paragraph(markup(f"{f.codename}: payments and expenses"), styles.h2))
        if f.payments:
            out.append(payments_table(f.payments, styles))
        else:
            out.append(Paragraph("None.", styles.body))
    return out
