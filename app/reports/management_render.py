"""The management report as PDF: the shown view (``management_view``) laid out
as tables and bar charts, A4 landscape, in English or Dutch. It prints no
codename, alias or name: rows are teams, columns months, kinds and codes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.reports import fonts
from app.reports.blocks import integrity_block
from app.reports.hashing import management_sha256
from app.reports.labels import Labels
from app.reports.management_charts import bar_chart
from app.reports.management_fixed import OTHER_CURRENCIES
from app.reports.management_suppress import Shown, ShownAmounts, ShownTable
from app.reports.management_view import ManagementStamp, ManagementView
from app.reports.page import Furniture, canvas_maker
from app.reports.render import KEYWORD_PREFIX, RenderedPdf
from app.reports.styles import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    RULE,
    SHADE,
    Styles,
    make_styles,
    money,
    utc_minute,
)

# Column and row keys as printed (English label keys; the catalogue has Dutch).
COLUMN_LABELS = {
    "informant": "Informant",
    "civilian_informant": "Civilian informant",
    "conversation_contact": "Conversation contact",
    "within_norm": "Within the norm",
    "over_norm": "Over the norm",
    "waiting_within_norm": "Waiting, within the norm",
    "waiting_over_norm": "Waiting, over the norm",
    "risk_review_overdue": "Risk review overdue",
    "no_risk_assessment": "No risk assessment",
    "contract_review_overdue": "Contract review overdue",
    "suitability_review_overdue": "Suitability review overdue",
    "in_order": "In order",
    "gap": "After a gap",
    "late": "Late (filled a gap)",
    "opened": "Opened",
    "resolved_same": "Resolved: same person",
    "resolved_different": "Resolved: different people",
    "open_at_end": "Open at the end",
    "this vault": "This vault",
}
PER_PIECE = 12
FRAME_PADDING = 6  # reportlab's Frame default, on either side
ROW_HEIGHT = 11.5
AXIS_LABELS = {
    "source_evaluation": "Source evaluation",
    "intelligence_assessment": "Intelligence assessment",
    "handling": "Handling",
}


class _Layout:
    def __init__(self, v: ManagementView, language: str) -> None:
        self.v = v
        self.t = Labels(language)
        self.s: Styles = make_styles()
        # The frame's own padding (6 pt a side) comes off the margins' width: a table
        # as wide as the margins alone ran 2 mm past the right margin's rule.
        self.width = landscape(A4)[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
        self.h1 = ParagraphStyle("mi_h1", parent=self.s.h1, keepWithNext=0)
        self.h2 = ParagraphStyle("mi_h2", parent=self.s.h2, keepWithNext=0)
        # Column heads: small, and right-aligned over their figures.
        self.head = ParagraphStyle(
            "mi_head", parent=self.s.cell_bold, fontSize=7, leading=8.5, alignment=TA_RIGHT
        )

    def label(self, key: str) -> str:
        t = self.t
        return t(COLUMN_LABELS[key]) if key in COLUMN_LABELS else key

    def figure(self, s: Shown, fmt: Callable[[int], str] = str) -> str:
        if s.value is not None:
            return fmt(s.value)
        return s.mark.value

    def table(self, shown: ShownTable, fmt: Callable[[int], str] = str) -> list[Any]:
        """The table, in pieces of at most ``PER_PIECE`` columns (the totals with
        the last piece): a long period's months never squeeze into unreadable columns."""
        n = len(shown.columns)
        starts = list(range(0, max(n, 1), PER_PIECE))
        return [self._piece(shown, fmt, a, min(n, a + PER_PIECE), a == starts[-1]) for a in starts]

    def _piece(
        self, shown: ShownTable, fmt: Callable[[int], str], a: int, b: int, last: bool
    ) -> Table:
        t, s = self.t, self.s
        totals = shown.row_totals is not None and last
        head = [Paragraph(t("Team"), s.cell_bold)]
        head += [Paragraph(self.label(c), self.head) for c in shown.columns[a:b]]
        if totals:
            head.append(Paragraph(t("Total"), self.head))
        data: list[list[Any]] = [head]
        for i, (name, cells) in enumerate(zip(shown.rows, shown.cells, strict=True)):
            # Plain strings, not paragraphs: a team name is one short line, and a
            # 50-team table lays out in a fraction of the time.
            line: list[Any] = [self.label(name)]
            line += [self.figure(c, fmt) for c in cells[a:b]]
            if totals and shown.row_totals is not None:
                line.append(self.figure(shown.row_totals[i], fmt))
            data.append(line)
        if shown.column_totals is not None:
            line = [t("All teams")]
            line += [self.figure(c, fmt) for c in shown.column_totals[a:b]]
            if totals:
                line.append(self.figure(shown.total, fmt) if shown.total else "")
            data.append(line)
        first = min(45 * mm, self.width * 0.22)
        rest = (self.width - first) / max(1, len(head) - 1)
        table = Table(
            data,
            colWidths=[first] + [min(rest, 40 * mm)] * (len(head) - 1),
            # The head wraps as it needs; every other row is one line.
            rowHeights=[None] + [ROW_HEIGHT] * (len(data) - 1),
            repeatRows=1,
            hAlign="LEFT",
        )
        style = [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 7.5),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ]
        if shown.column_totals is not None:
            style.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
            style.append(("FONT", (0, -1), (0, -1), fonts.BOLD, 7.5))
        table.setStyle(TableStyle(style))
        return table

    def line(self, shown: ShownTable) -> tuple[Shown, ...] | None:
        """What a chart draws: the totals over teams, or a single row."""
        if shown.column_totals is not None:
            return shown.column_totals
        if len(shown.rows) == 1:
            return shown.cells[0]
        return None

    def chart(self, title: str, shown: ShownTable, *, scale: float = 1.0, unit: str = "") -> Any:
        values = self.line(shown)
        if values is None:
            return Spacer(1, 0)
        names = [self.label(c) for c in shown.columns]
        if all(len(c) == 7 and c[4] == "-" for c in shown.columns):
            names = [c[2:] for c in shown.columns]  # months: "26-01"
        return bar_chart(title, names, values, width=self.width * 0.7, scale=scale, unit=unit)

    def section(self, title: str, *parts: Any) -> list[Any]:
        # A new page only when little room is left; a long table then splits
        # across pages with its head repeated (keepWithNext would push a table
        # taller than the room left to the next page whole, leaving a blank one).
        return [CondPageBreak(45 * mm), Paragraph(title, self.h1), *parts]

    def sub(self, title: str) -> list[Any]:
        """A sub-heading, on a new page when it would end this one."""
        return [CondPageBreak(25 * mm), Paragraph(title, self.h2)]

    def number(self, value: float) -> str:
        text = f"{value:g}"
        return text.replace(".", ",") if self.t.language == "nl" else text


def _euros(currency: str) -> Callable[[int], str]:
    return lambda cents: money(cents, currency)


def _opening(lay: _Layout) -> list[Any]:
    v, t, s = lay.v, lay.t, lay.s
    start, end = v.period_from.isoformat(), v.period_to.isoformat()
    origin = (
        (
            t("From the central system: {n} team.", n=1)
            if len(v.rows) == 1
            else t("From the central system: {n} teams.", n=len(v.rows))
        )
        if v.origin == "central"
        else t("From a handler's vault: its own team only.")
    )
    return [
        Paragraph(t("Management information"), s.title),
        Paragraph(
            t("Period {start} to {end}", start=start, end=end)
            + " · "
            + t("overdue counted on {day}", day=v.as_of.isoformat())
            + " · "
            + origin,
            s.subtitle,
        ),
        Paragraph(
            t(
                "No codename, alias or name appears in this report. Every count below 5 is "
                "shown as “< 5”; a figure shown as “×” is withheld so that a count below 5 "
                "cannot be worked out from the totals. Charts draw a hidden figure as a "
                "hatched bar of one fixed height."
            ),
            s.body,
        ),
    ]


def _work(lay: _Layout) -> list[Any]:
    """Sources, contacts and the debriefs' turnaround."""
    v, t, s = lay.v, lay.t, lay.s
    story = lay.section(
        t("Active sources by kind (status as last reported)"), *lay.table(v.active_sources)
    )
    story += lay.section(
        t("Contacts per month"),
        *lay.table(v.contacts),
        Spacer(1, 3 * mm),
        lay.chart(t("Contacts per month"), v.contacts),
    )
    medians = " · ".join(
        f"{lay.label(m.row) if m.row else t('All teams')}: "
        + (lay.number(m.median) if m.median is not None else t("fewer than 5"))
        for m in v.medians
        if m.row or len(v.rows) > 1
    )
    story += lay.section(
        t("Debrief turnaround: submitted to approved"),
        Paragraph(
            t(
                "Debriefs approved in the period, by working days from submission to "
                "approval against the norm of {n} working days (Monday to Friday, without "
                "the public holidays of the Algemene termijnenwet).",
                n=v.norm_working_days,
            ),
            s.body,
        ),
        *lay.table(v.turnaround),
        Paragraph(t("Median working days: {values}", values=medians), s.small),
        Spacer(1, 3 * mm),
        lay.chart(t("Approved within and over the norm"), v.turnaround),
        Paragraph(t("Submitted in the period and not approved by its end (as held here):"), s.body),
        *lay.table(v.awaiting),
    )
    return story


def _grading(lay: _Layout) -> list[Any]:
    v, t = lay.v, lay.t
    story: list[Any] = []
    for g in v.grading:
        parts: list[Any] = []
        for axis in g.axes:
            name = axis.key.rsplit(":", 1)[-1]
            parts += [*lay.sub(t(AXIS_LABELS[name])), *lay.table(axis)]
        parts += [Spacer(1, 3 * mm), lay.chart(t("Source evaluation"), g.axes[0])]
        story += lay.section(
            t("Grading of intelligence items: scheme {scheme}", scheme=g.scheme), *parts
        )
    return story  # every scheme, counted or not (management_fixed)


def _payment_parts(lay: _Layout, p: ShownAmounts) -> list[Any]:
    """A currency's payments (counts, sums, chart); the payments in every other
    currency together: counts only."""
    t, s = lay.t, lay.s
    if p.currency == OTHER_CURRENCIES:
        return [
            t("Payments per month (other currencies)"),
            Paragraph(t("Amounts in different currencies are not added up."), s.body),
            *lay.sub(t("Number of payments")),
            *lay.table(p.counts),
        ]
    return [
        t("Payments per month ({currency})", currency=p.currency),
        Paragraph(
            t(
                "A sum is shown only where at least 5 payments to at least 5 sources make it "
                "and no source received more than 85% of it; every other sum is withheld (“×”)."
            ),
            s.body,
        ),
        *lay.sub(t("Number of payments")),
        *lay.table(p.counts),
        *lay.sub(t("Amount paid")),
        *lay.table(p.cents, _euros(p.currency)),
        Spacer(1, 3 * mm),
        lay.chart(
            t("Amount paid per month ({currency})", currency=p.currency), p.cents, scale=100.0
        ),
    ]


def _accounts(lay: _Layout) -> list[Any]:
    """Overdue reviews, payments, packages and deconfliction matches."""
    v, t, s = lay.v, lay.t, lay.s
    story = lay.section(
        t(
            "Overdue reviews and risk assessments on {day} (active sources)",
            day=v.as_of.isoformat(),
        ),
        *lay.table(v.overdue),
    )
    for p in v.payments:
        story += lay.section(*_payment_parts(lay, p))
    story += lay.section(t("Packages received"), *lay.table(v.packages))
    if v.matches is not None:
        story += lay.section(t("Deconfliction matches"), *lay.table(v.matches))
    else:
        story += lay.section(
            t("Deconfliction matches"),
            Paragraph(
                t(
                    "Matches are made by the central system. A vault keeps only the notices "
                    "central sent of its team's matches; they are not counted here."
                ),
                s.body,
            ),
        )
    return story


def _story(v: ManagementView, language: str, printed_at: datetime) -> list[Any]:
    lay = _Layout(v, language)
    t, s = lay.t, lay.s
    story = _opening(lay) + _work(lay) + _grading(lay) + _accounts(lay)
    if v.notes:
        story.append(Paragraph(t("Notes"), lay.h1))
        story += [Paragraph(t(n), s.small) for n in v.notes]
    story.append(Paragraph(t("Made on {when}.", when=utc_minute(printed_at)), s.small))
    return story


def _build(
    v: ManagementView,
    furniture: Furniture,
    *,
    printed_at: datetime,
    subject: str,
    keywords: str = "",
    tail: tuple[Any, ...] = (),
) -> tuple[bytes, int]:
    fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=Labels(furniture.language)("Management information"),
        author="Veldboek",
        creator="Veldboek",
        subject=subject,
        keywords=keywords,
        invariant=1,
    )
    pages: list[int] = []
    story = _story(v, furniture.language, printed_at) + list(tail)
    doc.build(story, canvasmaker=canvas_maker(furniture, pages))
    return buffer.getvalue(), pages[0]


def render(v: ManagementView, *, language: str, marking: str, printed_at: datetime) -> bytes:
    """The figures laid out unissued: the period in place of a report id, and no
    integrity block. No command prints it any more (both central and a vault issue
    theirs: ``render_issued``); the tests and the benchmark lay out figures with it."""
    t = Labels(language)
    start, end = v.period_from.isoformat(), v.period_to.isoformat()
    furniture = Furniture(
        marking,
        f"MI {start} – {end}",
        t("Made on {when}.", when=utc_minute(printed_at)),
        language=language,
    )
    data, _pages = _build(
        v, furniture, printed_at=printed_at, subject=f"{start}/{end}; marking {marking}"
    )
    return data


def render_issued(
    v: ManagementView, stamp: ManagementStamp, *, central: bool = False
) -> RenderedPdf:
    """An issued report, as the debrief reports are: its id and printer on every
    page, the id in the metadata, and the integrity block (content hash and QR
    code) last, so the register and ``report verify`` know it. ``central``:
    issued by the central system (its register, ``central report verify``)."""
    t = Labels(stamp.language)
    digest = management_sha256(stamp, v)
    day = stamp.printed_at.date().isoformat()
    if central:
        printed = t(
            "Printed on {day} by {reference} (central system; its report register resolves "
            "the reference)",
            day=day,
            reference=stamp.printer_reference,
        )
    else:
        printed = t(
            "Printed on {day} by {reference} (a {role} of the unit; its report register "
            "resolves the reference)",
            day=day,
            reference=stamp.printer_reference,
            role=t("handler"),  # only a handler's alias makes one (management_vault)
        )
    furniture = Furniture(stamp.marking, stamp.report_id, printed, language=stamp.language)
    data, pages = _build(
        v,
        furniture,
        printed_at=stamp.printed_at,
        subject=f"Report {stamp.report_id}; marking {stamp.marking}",
        keywords=f"{KEYWORD_PREFIX}{stamp.report_id}",
        tail=(integrity_block(stamp.report_id, digest, make_styles(), t, central=central),),
    )
    return RenderedPdf(data, pages, digest)
