"""Building blocks shared by both report kinds: tables, sections, the grading cell,
the integrity block with its QR code, and an invisible progress marker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.reports.fonts import REGULAR
from app.reports.hashing import qr_payload
from app.reports.labels import Labels
from app.reports.paragraph import Paragraph
from app.reports.styles import RULE, SHADE, Styles, grouped_hex, markup, para
from app.reports.views import GradingLine

QR_SIZE = 34 * mm


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


def key_values(pairs: list[tuple[str, str]], styles: Styles) -> Table:
    """Label/value pairs two to a row, so that metadata does not eat the page."""
    rows: list[list[Any]] = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            row += [Paragraph(markup(label), styles.cell_bold), para(value, styles.cell)]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    table = Table(rows, colWidths=[31 * mm, 54 * mm, 31 * mm, None], hAlign="LEFT")
    table.setStyle(table_style(header=False))
    return table


def section(title: str, text: str, styles: Styles, t: Labels) -> list[Any]:
    """A heading (already in the report's language) and the user's text."""
    return [Paragraph(markup(title), styles.h2), para(text, styles.body, empty=t("None recorded."))]


def grading_cell(g: GradingLine, styles: Styles, t: Labels) -> Paragraph:
    """The grading spelled out in the item's own scheme (codes are never converted);
    the labels in the report's language."""
    lines = [
        markup(t("Scheme {scheme}", scheme=g.scheme)),
        f"{t('Source evaluation')} <b>{markup(g.source_evaluation or '?')}</b>: "
        f"{markup(t(g.source_evaluation_label))}",
        f"{t('Intelligence assessment')} <b>{markup(g.intelligence_assessment or '?')}</b>: "
        f"{markup(t(g.intelligence_assessment_label))}",
        f"{t('Handling')} <b>{markup(g.handling_code or '?')}</b>: {markup(t(g.handling_label))}",
    ]
    if g.conditions.strip():
        lines.append(f"<b>{t('Conditions:')}</b> {markup(g.conditions)}")
    return Paragraph("<br/>".join(lines), styles.cell)


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


def _with_command(text: str) -> str:
    """``text`` (with ``{command}`` filled in) as markup, the command in italics.
    The command is set between the escaped halves of the sentence: ``markup``
    would name a placeholder character as one it cannot draw."""
    halves = text.split("\x00")
    return "<i>veldboek report verify FILE</i>".join(_spaced(h) for h in halves)


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


def integrity_block(report_id: str, digest: str, styles: Styles, t: Labels) -> KeepTogether:
    """The last flowable of every report, so it always lands on the last page."""
    explained = _with_command(
        t(
            "The QR code holds the report id and this hash. The issuing vault keeps both, and "
            "the SHA-256 of the PDF file, in its register: {command} says whether it issued "
            "this file and whether the file is unaltered.",
            command="\x00",
        )
    )
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
