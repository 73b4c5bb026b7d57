"""The story (flowables) of an internal debrief report: everything the unit keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Spacer, Table

from app.domain.enums import PaymentKind
from app.domain.meeting import met_at
from app.reports.blocks import (
    H1_ROOM,
    DraftMark,
    ProgressMark,
    grading_cell,
    grading_short,
    heading,
    id_cell,
    key_values,
    section,
    split_table,
    table_style,
)
from app.reports.labels import Labels
from app.reports.paragraph import Paragraph
from app.reports.styles import Styles, day, markup, money, para, utc_minute, words
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
ITEM_ROOM = 20 * mm  # an item's header row and its first lines
SUBJECT_KINDS = {
    "person": "person",
    "place": "place",
    "vehicle": "vehicle",
    "organisation": "organisation",
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
    t = Labels(report.stamp.language)
    out: list[Any] = [
        Paragraph(markup(t(body.title)), styles.title),
        Paragraph(markup(_subtitle(body, t)), styles.subtitle),
    ]
    if body.drafts_left_out:  # said on the paper, not only to whoever printed it
        note = t(
            "Not in this report: {drafts} of this choice (unfinished; a report includes "
            "drafts only when asked).",
            drafts=t.count(body.drafts_left_out, "draft"),
        )
        out.append(Paragraph(f"<b>{markup(note)}</b>", styles.body))
    total = len(body.debriefs)
    for n, debrief in enumerate(body.debriefs, start=1):
        out.extend(_debrief(debrief, styles, t))
        if progress is not None:
            out.append(ProgressMark(progress, n, total))
    out.extend(_unlinked(body, styles, t))
    return out


def _subtitle(body: InternalBody, t: Labels) -> str:
    parts = [
        t("Source: {codenames}", codenames=", ".join(body.codenames))
        if body.codenames
        else t("Sources: —")
    ]
    if body.period_from or body.period_to:
        parts.append(
            t("period {start} to {end}", start=day(body.period_from), end=day(body.period_to))
        )
    parts.append(t.count(len(body.debriefs), "debrief"))
    drafts = sum(1 for d in body.debriefs if d.status == "draft")
    if drafts:  # asked for: unfinished, perhaps ungraded, and said so at once
        parts.append(t("including {drafts}, marked DRAFT", drafts=t.count(drafts, "draft")))
    parts.append(t("INTERNAL: names the source; not for dissemination"))
    return " · ".join(parts)


def _debrief(d: InternalDebrief, styles: Styles, t: Labels) -> list[Any]:
    title = t("Debrief {when} — {codename}", when=utc_minute(met_at(d)), codename=d.codename)
    if d.status == "draft":
        title = f"{title} — {t('DRAFT')}"
    review = "—"
    if d.reviewed_at is not None:
        review = t("{who} on {when}", who=d.reviewer or "?", when=utc_minute(d.reviewed_at))
    draft = d.status == "draft"
    out: list[Any] = [
        *heading(markup(title), styles.h1, H1_ROOM),
        Paragraph(markup(t("Debrief id {id}", id=d.debrief_id)), styles.small),
        key_values(
            [
                (t("Source"), d.codename),
                (t("Source id"), id_cell(d.source_id or "—", styles.cell)),
                (t("Approval status"), t(STATUS_WORDS.get(d.status, d.status))),
                (t("Written by"), d.author or "—"),
                (t("Created"), utc_minute(d.created_at)),
                (t("Submitted"), utc_minute(d.submitted_at) if d.submitted_at else "—"),
                (t("Reviewed by"), review),
            ],
            styles,
        ),
    ]
    if d.review_comment.strip():
        out += section(t("Review comment"), d.review_comment, styles, t)
    out += _contact(d.contact, styles, t)
    out += section(t("Narrative"), d.narrative, styles, t)
    out += heading(t("Intelligence items"), styles.h2, ITEM_ROOM + 10 * mm)
    if not d.items:
        out.append(Paragraph(t("None recorded."), styles.body))
    for item in d.items:
        out.extend(_item(item, styles, t))
    out += _taskings(d, styles, t)
    out += _payments(d, styles, t)
    out += section(t("Welfare observations"), d.welfare_observations, styles, t)
    out += section(t("Security observations"), d.security_observations, styles, t)
    out += section(t("Runner's assessment"), d.runner_assessment, styles, t)
    out += section(t("Critical reflection"), d.critical_reflection, styles, t)
    out += heading(t("Addenda"), styles.h2)
    if not d.addenda:
        out.append(Paragraph(t("None."), styles.body))
    for a in d.addenda:
        label = markup(f"{utc_minute(a.created_at)}, {a.author or '?'}:")
        out += [CondPageBreak(15 * mm), Paragraph(label, styles.label), para(a.text, styles.body)]
    if draft:  # DRAFT in the header of every page from its heading to here
        out.insert(1, DraftMark(True))  # after the heading's page break, if any
        out.append(DraftMark(False))
    out.append(Spacer(1, 4 * mm))
    return out


def _contact(c: ContactPart | None, styles: Styles, t: Labels) -> list[Any]:
    out: list[Any] = heading(t("Contact"), styles.h2, 35 * mm)
    if c is None:
        out.append(Paragraph(t("No contact linked to this debrief."), styles.body))
        return out
    duration = t("{n} min", n=c.duration_minutes) if c.duration_minutes is not None else "—"
    out += [
        key_values(
            [
                (t("Kind"), t(words(c.kind))),
                (t("When"), utc_minute(c.occurred_at)),
                (t("Duration"), duration),
                (t("Location codeword"), c.location_codeword or "—"),
                (t("Attended by"), ", ".join(c.attendees) or "—"),
            ],
            styles,
        ),
        Spacer(1, 1.5 * mm),
    ]
    for title, text in (
        (t("Reconnaissance notes"), c.reconnaissance_notes),
        (t("Safety notes"), c.safety_notes),
        (t("Contact notes"), c.notes),
    ):
        if text.strip():
            out.append(Paragraph(f"<b>{markup(title)}:</b> {markup(text)}", styles.body))
    return out


def _item(item: InternalItem, styles: Styles, t: Labels) -> list[Any]:
    g = item.grading
    flags = []
    if item.exculpatory:
        flags.append(f"<b>{t('EXCULPATORY')}</b>")
    flags.append(t("shareable") if item.shareable else f"<b>{t('not shareable')}</b>")
    corroboration = t(CORROBORATION_WORDS.get(item.corroboration, item.corroboration))
    rows = [
        [
            Paragraph(f"<b>{t('Item {n}', n=item.number)}</b>", styles.cell),
            Paragraph(f"<b>{markup(grading_short(g, t))}</b> · " + " · ".join(flags), styles.cell),
        ],
        [Paragraph(t("Reported"), styles.cell_bold), para(item.text, styles.cell)],
        [Paragraph(t("Sanitised wording"), styles.cell_bold), _wording(item, styles, t)],
        [Paragraph(t("Grading"), styles.cell_bold), grading_cell(g, styles, t)],
        [Paragraph(t("Corroboration"), styles.cell_bold), Paragraph(corroboration, styles.cell)],
        [Paragraph(t("Subjects"), styles.cell_bold), para(_subjects(item, t), styles.cell)],
    ]
    # Long items split across pages; the header row (item number and grading)
    # repeats on the next, and an item never starts in the last few lines of a page.
    table = split_table(rows, colWidths=[32 * mm, None], hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(header=True))
    return [CondPageBreak(ITEM_ROOM), table, Spacer(1, 2.5 * mm)]


def _wording(item: InternalItem, styles: Styles, t: Labels) -> Paragraph:
    # A sanitised report leaves such an item out without a word (services'
    # sanitised_body): said here, where the runner would expect it to go out.
    if item.shareable and not item.sanitised_text.strip():
        note = t("shareable, but no sanitised wording: left out of a sanitised report")
        return Paragraph(f"— <b>({markup(note)})</b>", styles.cell)
    return para(item.sanitised_text, styles.cell)


def _subjects(item: InternalItem, t: Labels) -> str:
    """``Dirk Bakker (person), XX-123-Y (vehicle)``, in the view's (natural) order."""
    return ", ".join(
        f"{s.name} ({t(SUBJECT_KINDS.get(s.kind, s.kind))})" if s.kind else s.name
        for s in item.subjects
    )


def _taskings(d: InternalDebrief, styles: Styles, t: Labels) -> list[Any]:
    out: list[Any] = heading(t("Tasking"), styles.h2)
    if not d.taskings:
        out.append(Paragraph(t("None linked to this debrief."), styles.body))
        return out
    return out + tasking_blocks(d.taskings, styles, t)


def tasking_blocks(taskings: tuple[TaskingPart, ...], styles: Styles, t: Labels) -> list[Any]:
    """One boxed block per tasking. Full-width rows, not columns: the task and its
    limits are sentences, and read (and copy) better whole."""
    out: list[Any] = []
    for n, task in enumerate(taskings, start=1):
        head = [f"<b>{t('Tasking {n}', n=n)}</b>"]
        if task.given_on is not None:
            head.append(t("given {day}", day=day(task.given_on)))
        head.append(t("deadline {day}", day=day(task.deadline)))
        head.append(f"<b>{markup(t(words(task.status)))}</b>")
        rows: list[list[Any]] = [
            [Paragraph(" · ".join(head), styles.cell)],
            [para(task.description, styles.cell)],
        ]
        if task.limits.strip():
            rows.append([Paragraph(f"<b>{t('Limits:')}</b> {markup(task.limits)}", styles.cell)])
        if task.outcome.strip():
            rows.append([Paragraph(f"<b>{t('Outcome:')}</b> {markup(task.outcome)}", styles.cell)])
        # A long tasking splits across pages, its head repeated, rather than
        # moving whole to the next page.
        table = split_table(rows, colWidths=[None], hAlign="LEFT", repeatRows=1)
        table.setStyle(table_style(header=True))
        out += [CondPageBreak(20 * mm), table, Spacer(1, 1.5 * mm)]
    return out


def _payments(d: InternalDebrief, styles: Styles, t: Labels) -> list[Any]:
    out: list[Any] = heading(t("Payments and expenses"), styles.h2)
    if not d.payments:
        out.append(Paragraph(t("None linked to this debrief."), styles.body))
        return out
    return out + payment_blocks(d.payments, styles, t)


def payment_blocks(payments: tuple[PaymentPart, ...], styles: Styles, t: Labels) -> list[Any]:
    """Money paid (rewards, expenses), then offers apart: an offer is promised,
    not paid, and a reader adding up the first table must not count it."""
    paid = tuple(p for p in payments if p.kind != PaymentKind.OFFER)
    offers = tuple(p for p in payments if p.kind == PaymentKind.OFFER)
    out: list[Any] = [payments_table(paid, styles, t), Spacer(1, 2 * mm)] if paid else []
    if offers:
        if not paid:
            out.append(Paragraph(t("No money paid."), styles.body))
        label = t("Offers to the source (promised, not paid)")
        out += [
            CondPageBreak(15 * mm),
            Paragraph(f"<b>{markup(label)}</b>", styles.body),
            payments_table(offers, styles, t),
        ]
    return out


def _word_room(header: str, styles: Styles) -> float:
    """The width a column needs for the longest word of its bold header."""
    style = styles.cell_bold
    return 10.0 + max(float(stringWidth(w, style.fontName, style.fontSize)) for w in header.split())


def payments_table(payments: tuple[PaymentPart, ...], styles: Styles, t: Labels) -> Table:
    headers = ("Date", "Kind", "Amount", "Reason", "Witness", "Approved by")
    rows = [[Paragraph(t(h), styles.cell_bold) for h in headers]]
    amounts = [money(p.amount_cents, p.currency) for p in payments]
    for p, amount in zip(payments, amounts, strict=True):
        rows.append(
            [
                Paragraph(day(p.occurred_on), styles.cell),
                Paragraph(t(words(p.kind)), styles.cell),
                Paragraph(amount, styles.cell),
                para(p.reason, styles.cell),
                para(p.witness or "", styles.cell),
                para(p.approved_by or "", styles.cell),
            ]
        )
    # The reason gets the room: dates, kinds, amounts and names are short. An
    # amount never wraps: its column is as wide as the widest amount needs.
    widest = max(stringWidth(a, styles.cell.fontName, styles.cell.fontSize) for a in amounts)
    amount_width = max(24 * mm, widest + 10)  # the cell's padding, and a little air
    # A header never breaks inside a word ("Goedgekeurd" is longer than "Approved"):
    # each short column is at least as wide as the longest word of its header.
    least = [_word_room(t(h), styles) for h in headers]
    widths = [22 * mm, 18 * mm, amount_width, None, 20 * mm, 22 * mm]
    table = split_table(
        rows,
        colWidths=[w if w is None else max(w, n) for w, n in zip(widths, least, strict=True)],
        repeatRows=1,
    )
    table.setStyle(table_style(header=True))
    return table


def _unlinked(body: InternalBody, styles: Styles, t: Labels) -> list[Any]:
    """The files' taskings and payments in the period that no debrief records."""
    if not body.unlinked:
        return []
    if body.period_from or body.period_to:
        intro = t(
            "Taskings given, payments made and offers to the source from {start} to {end} "
            "that are not linked to any debrief.",
            start=day(body.period_from),
            end=day(body.period_to),
        )
    else:
        intro = t("Every tasking and payment on the file that is not linked to any debrief.")
    out: list[Any] = [
        *heading(t("Taskings and payments not linked to a debrief"), styles.h1, H1_ROOM),
        Paragraph(markup(intro), styles.body),
    ]
    for f in body.unlinked:
        # room for the id line under it too, and a tasking's first lines
        title = markup(t("{codename}: tasking", codename=f.codename))
        out += heading(title, styles.h2, 35 * mm)
        if f.source_id:
            out.append(Paragraph(markup(t("Source id {id}", id=f.source_id)), styles.small))
        if f.taskings:
            out += tasking_blocks(f.taskings, styles, t)
        else:
            out.append(Paragraph(t("None."), styles.body))
        out += heading(
            markup(t("{codename}: payments and expenses", codename=f.codename)), styles.h2
        )
        if f.payments:
            out += payment_blocks(f.payments, styles, t)
        else:
            out.append(Paragraph(t("None."), styles.body))
    return out
