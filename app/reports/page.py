"""What every page carries: the classification marking at top and bottom, the
report id, "page X of Y", who printed it and when; across unreleased previews, a
notice; beside the marking, DRAFT on each page a draft debrief is on.

"Y" is only known once every page is laid out, so the canvas keeps each finished
page's drawing state and paints the furniture on all of them when the document is
saved (reportlab's usual page-count canvas).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.reports.fonts import BOLD, REGULAR
from app.reports.labels import Labels
from app.reports.styles import MARGIN_X, MARKING_INK, MUTED, RULE


@dataclass(frozen=True)
class Furniture:
    marking: str
    report_id: str
    printed: str  # e.g. "Printed by Valk on 2026-11-23 14:05 UTC", in the report's language
    draft_notice: str = ""
    language: str = "en"


def draw_furniture(
    canvas: Any, furniture: Furniture, page: int, total: int, *, draft: bool = False
) -> None:
    width, height = canvas._pagesize
    right = width - MARGIN_X
    t = Labels(furniture.language)
    canvas.saveState()
    if furniture.draft_notice:
        # Drawn after the content (the page is finished), so translucent: the text
        # under it stays readable.
        canvas.setFillColorRGB(0.6, 0.0, 0.0, alpha=0.18)
        # As large as fits along the diagonal, whatever the notice says.
        diagonal = (width**2 + height**2) ** 0.5
        size = min(34.0, 0.75 * diagonal / max(1.0, stringWidth(furniture.draft_notice, BOLD, 1)))
        canvas.setFont(BOLD, size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, 0, furniture.draft_notice)
        canvas.rotate(-45)
        canvas.translate(-width / 2, -height / 2)
    # Top: the marking, then a rule.
    canvas.setFillColor(MARKING_INK)
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(width / 2, height - 13 * mm, furniture.marking)
    if draft:  # a page with (part of) a draft debrief on it, whichever part
        canvas.drawRightString(right, height - 13 * mm, t("DRAFT"))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, height - 16 * mm, right, height - 16 * mm)
    # Bottom: a rule, the marking, then report id / page and the print line.
    canvas.line(MARGIN_X, 21 * mm, right, 21 * mm)
    canvas.drawCentredString(width / 2, 16 * mm, furniture.marking)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8)
    canvas.drawString(MARGIN_X, 10.5 * mm, t("Report {report_id}", report_id=furniture.report_id))
    canvas.drawRightString(right, 10.5 * mm, t("Page {page} of {total}", page=page, total=total))
    # The print line is one line whatever its language: smaller type if need be.
    room = right - MARGIN_X
    size = min(8.0, 8.0 * room / max(1.0, stringWidth(furniture.printed, REGULAR, 8)))
    canvas.setFont(REGULAR, max(6.0, size))
    canvas.drawString(MARGIN_X, 6.5 * mm, furniture.printed)
    canvas.restoreState()


def canvas_maker(furniture: Furniture, pages: list[int]) -> Callable[..., Any]:
    """A canvas class for ``doc.build(canvasmaker=...)`` that draws ``furniture`` on
    every page and appends the page count to ``pages`` when done."""

    class _FurnishedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []
            self._in_draft = False  # between a draft's start and end (blocks.DraftMark)
            self._draft_on_page = False

        def mark_draft(self, on: bool) -> None:
            self._in_draft = on
            self._draft_on_page = self._draft_on_page or on

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._draft_on_page = self._in_draft  # a draft going on to the next page
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                draft = bool(state.get("_draft_on_page"))
                draw_furniture(self, furniture, self._pageNumber, total, draft=draft)
                Canvas.showPage(self)
            pages.append(total)
            Canvas.save(self)

    return _FurnishedCanvas
