"""Turning a report view into PDF bytes, in memory.

The output is deterministic: reportlab's ``invariant`` mode fixes the creation
date and document id it would otherwise embed, so the same view gives the same
bytes (the printed date is in the stamp, on every page). Nothing is written to
disk here; the caller decides whether bytes ever leave memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from app.reports import fonts, internal, sanitised
from app.reports.blocks import integrity_block, preview_block
from app.reports.glyphs import printable
from app.reports.hashing import content_sha256
from app.reports.labels import Labels
from app.reports.page import Furniture, canvas_maker
from app.reports.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, make_styles, utc_minute
from app.reports.views import InternalReport, Report, SanitisedReport

ProgressFn = Callable[[int, int], None]
KEYWORD_PREFIX = "veldboek-report-id:"


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    page_count: int
    content_sha256: str


def furniture_for(report: Report) -> Furniture:
    if isinstance(report, InternalReport):
        s = report.stamp
        t = Labels(s.language)
        printed = t(
            "Printed by {alias} on {when}",
            alias=printable(s.printed_by),
            when=utc_minute(s.printed_at),
        )
        return Furniture(s.marking, s.report_id, printed, language=s.language)
    u = report.stamp
    t = Labels(u.language)
    if u.draft_notice:  # an approval preview: nobody printed an issued report
        printed = t(
            "Approval preview made on {day}: not issued, and in no report register",
            day=u.printed_on.isoformat(),
        )
        return Furniture(u.marking, u.report_id, printed, t(u.draft_notice), u.language)
    printed = t(
        "Printed on {day} by {reference} (a {role} of the unit; its report register "
        "resolves the reference)",
        day=u.printed_on.isoformat(),
        reference=u.printer_reference,
        role=t(u.printed_by_role),
    )
    return Furniture(u.marking, u.report_id, printed, language=u.language)


def render(report: Report, *, progress: ProgressFn | None = None) -> RenderedPdf:
    """Lay out ``report`` and return the PDF. ``progress(done, total)`` is called as
    each debrief is laid out."""
    fonts.register()
    styles = make_styles()
    digest = content_sha256(report)
    story: list[Any]
    t = Labels(report.stamp.language)
    if isinstance(report, InternalReport):
        story = internal.story(report, styles, progress)
        title = t("Veldboek debrief report (internal)")
    elif isinstance(report, SanitisedReport):
        story = sanitised.story(report, styles, progress)
        title = t("Veldboek intelligence report (sanitised)")
    else:  # pragma: no cover - the union is closed
        raise TypeError(type(report).__name__)
    report_id = report.stamp.report_id
    preview = isinstance(report, SanitisedReport) and bool(report.stamp.draft_notice)
    # A preview is not issued: no register, so no hash or QR code that invites a check.
    story.append(
        preview_block(styles, t) if preview else integrity_block(report_id, digest, styles, t)
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        # Metadata names no source and no alias: it travels with the file.
        title=title,
        author="Veldboek",
        creator="Veldboek",
        subject=f"Report {report_id}; marking {report.stamp.marking}",
        keywords="" if preview else f"{KEYWORD_PREFIX}{report_id}",
        invariant=1,
    )
    pages: list[int] = []
    doc.build(story, canvasmaker=canvas_maker(furniture_for(report), pages))
    return RenderedPdf(buffer.getvalue(), pages[0], digest)
