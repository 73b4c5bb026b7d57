"""Building blocks shared by both report kinds: tables, sections, the grading cell,
the integrity block with its QR code, and an invisible progress marker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from app.reports.fonts import REGULAR
from app.reports.hashing import qr_payload
from app.reports.labels import Labels
from app.reports.paragraph import Paragraph
from app.reports.styles import RULE, SHADE, Styles, grouped_hex, markup, para
from app.reports.views import GradingLine

QR_SIZE = 34 * mm
H1_ROOM = 60 * mm  # a debrief or a report section starts on a new page below this
H2_ROOM = 30 * mm  # a heading and the first lines of what it heads


class ProgressMark(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Takes no space; reports progress when the layout reaches it."""

    def __init__(self, progress: Callable[[int, int], None], done: int, total: int) -> None:
        super().__init__()
        self._progress = progress
        self._done = done
        self._total = total

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self._progress(self._done, self._total)


class DraftMark(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Takes no space; where the layout reaches it, a draft starts (``on``) or ends.
    The page canvas (``page.canvas_maker``) then marks DRAFT on every page the
    draft is on, not only the one with its heading."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self._on = on

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        mark = getattr(self.canv, "mark_draft", None)
        if mark is not None:
            mark(self._on)


def table_style(*, header: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    return TableStyle(commands)


KV_LABEL = 31 * mm
KV_VALUE = 54 * mm
CELL_PADDING = 8  # left and right, points (table_style)


def key_values(pairs: list[tuple[str, str | Flowable]], styles: Styles) -> Table:
    """Label/value pairs two to a row, so that metadata does not eat the page. A
    value is text, or a flowable made for a value cell (``id_cell``)."""
    rows: list[list[Any]] = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            cell = para(value, styles.cell) if isinstance(value, str) else value
            row += [Paragraph(markup(label), styles.cell_bold), cell]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    table = Table(rows, colWidths=[KV_LABEL, KV_VALUE, KV_LABEL, None], hAlign="LEFT")
    table.setStyle(table_style(header=False))
    return table


def heading(text: str, style: ParagraphStyle, room: float = H2_ROOM) -> list[Any]:
    """A heading (markup) that never ends a page: it goes to the next page unless
    ``room`` is left for it and the start of what follows. Not ``keepWithNext``:
    that keeps a heading with *all* of what follows, and so pushes a long text or
    table whole to the next page, leaving a blank half page behind."""
    return [CondPageBreak(room), Paragraph(text, style)]


def split_table(rows: list[list[Any]], **options: Any) -> Table:
    """A table that fills the page before it splits: a row too long for what is
    left splits inside itself, the header row (``repeatRows``) repeated on the next
    page. reportlab's default first splits *between* rows and then lays the rest,
    header and all, on the same page: a header printed twice mid-page."""
    return Table(rows, splitByRow=0, splitInRow=1, **options)


def id_cell(value: str, style: ParagraphStyle, width: float = KV_VALUE) -> Paragraph:
    """An id (``01a24ffd-424e-7da5-adfd-137d52b44cd1``) in a value cell, broken
    only after a dash, never inside a group: read aloud or compared, a group
    split over two lines is misread. Lines are filled group by group."""
    room = width - CELL_PADDING
    lines: list[str] = []
    for group in [g + "-" for g in value.split("-")[:-1]] + value.split("-")[-1:]:
        line = (lines[-1] if lines else "") + group
        if lines and stringWidth(line, style.fontName, style.fontSize) <= room:
            lines[-1] = line
        else:
            lines.append(group)
    return Paragraph("<br/>".join(markup(line) for line in lines) or "—", style)


def section(title: str, text: str, styles: Styles, t: Labels) -> list[Any]:
    """A heading (already in the report's language) and the user's text."""
    return [*heading(markup(title), styles.h2), para(text, styles.body, empty=t("None recorded."))]


def grading_cell(g: GradingLine, styles: Styles, t: Labels) -> Paragraph:
    """The grading spelled out in the item's own scheme (codes are never converted);
    the labels in the report's language."""
    lines = [markup(t("Scheme {scheme}", scheme=g.scheme))]
    for axis, code, label in (
        (t("Source evaluation"), g.source_evaluation, g.source_evaluation_label),
        (t("Intelligence assessment"), g.intelligence_assessment, g.intelligence_assessment_label),
        (t("Handling"), g.handling_code, g.handling_label),
    ):
        if code:
            lines.append(f"{axis} <b>{markup(code)}</b>: {markup(t(label))}")
        else:  # a draft's item may not be graded yet: said so, not shown as "?"
            lines.append(f"{axis}: {t('not graded yet')}")
    if g.conditions.strip():
        lines.append(f"<b>{t('Conditions:')}</b> {markup(g.conditions)}")
    return Paragraph("<br/>".join(lines), styles.cell)


def grading_short(g: GradingLine, t: Labels) -> str:
    """``3x5x2 2/B/P``; an item of a draft that is not graded at all: ``3x5x2 not
    graded yet`` (its codes would print as ``?/?``)."""
    if g.source_evaluation or g.intelligence_assessment or g.handling_code:
        return g.short
    return t("{scheme} not graded yet", scheme=g.scheme)


def qr_drawing(payload: str, size: float = QR_SIZE) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _spaced(text: str) -> str:
    """``markup`` of a piece of a sentence, keeping a space at either end."""
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() else ""
    return before + markup(text) + after


def _boxed(content: Any, widths: list[Any]) -> KeepTogether:
    table = Table([content], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8 * mm), table])


VAULT_VERIFY = "veldboek report verify FILE"
CENTRAL_VERIFY = "veldboek central report verify FILE"


def _with_command(text: str, command: str = VAULT_VERIFY) -> str:
    """``text`` (with ``{command}`` filled in) as markup, the command in italics.
    The command is set between the escaped halves of the sentence: ``markup``
    would name a placeholder character as one it cannot draw."""
    halves = text.split("\x00")
    return f"<i>{command}</i>".join(_spaced(h) for h in halves)


def preview_block(styles: Styles, t: Labels) -> KeepTogether:
    """The last flowable of an approval preview, in place of the integrity block:
    a preview is not issued, so nothing verifies it, and it says so."""
    explained = _with_command(
        t(
            "This is the approver's preview of a requested report, not an issued report: no "
            "report register holds it, and {command} will not confirm it. The report is "
            "issued, with its own id and integrity block, only after it is approved.",
            command="\x00",
        )
    )
    text = Paragraph(f"<b>{markup(t('Preview, not issued'))}</b><br/>{explained}", styles.cell)
    return _boxed([text], [None])


def integrity_block(
    report_id: str, digest: str, styles: Styles, t: Labels, *, central: bool = False
) -> KeepTogether:
    """The last flowable of every report, so it always lands on the last page.
    ``central``: issued by the central system, whose own register and command
    verify it (not a vault's)."""
    if central:
        said = t(
            "The QR code holds the report id and this hash. The central system keeps both, "
            "and the SHA-256 of the PDF file, in its report register: {command} says whether "
            "it issued this file and whether the file is unaltered.",
            command="\x00",
        )
    else:
        said = t(
            "The QR code holds the report id and this hash. The issuing vault keeps both, and "
            "the SHA-256 of the PDF file, in its register: {command} says whether it issued "
            "this file and whether the file is unaltered.",
            command="\x00",
        )
    explained = _with_command(said, CENTRAL_VERIFY if central else VAULT_VERIFY)
    text = Paragraph(
        "<br/>".join(
            [
                f"<b>{t('Document integrity')}</b>",
                markup(t("Report id: {id}", id=report_id)),
                t("Content SHA-256 (veldboek-report/1):"),
                *grouped_hex(digest),
                explained,
            ]
        ),
        styles.cell,
    )
    return _boxed([text, qr_drawing(qr_payload(report_id, digest))], [None, QR_SIZE + 6 * mm])
