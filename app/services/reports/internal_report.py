"""Internal reports: everything the unit keeps about the chosen debriefs, issued
at once (no approval: they do not leave the unit)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from app.clock import utc_now
from app.domain.grading import Grading
from app.domain.scope import Scope
from app.reports import labels
from app.reports.styles import natural_key
from app.reports.views import (
    AddendumPart,
    ContactPart,
    FileRecords,
    GradingLine,
    InternalBody,
    InternalDebrief,
    InternalItem,
    InternalReport,
    InternalStamp,
    SubjectPart,
)
from app.services.reports import file_records, reading
from app.services.reports.choices import (
    DEFAULT_MARKING,
    Selection,
    check_language,
    check_marking,
)
from app.services.reports.progress import Cancel, ProgressFn, offset, steps
from app.services.reports.register import IssuedPdf, issue
from app.services.reports.sanitise import grading_line
from app.services.views import ContactView, DebriefView
from app.vault.vault import Vault


def _contact(c: ContactView | None) -> ContactPart | None:
    if c is None:
        return None
    return ContactPart(
        kind=c.kind.value,
        occurred_at=c.occurred_at,
        duration_minutes=c.duration_minutes,
        location_codeword=c.location_codeword,
        attendees=c.attendees,
        reconnaissance_notes=c.reconnaissance_notes,
        safety_notes=c.safety_notes,
        notes=c.notes,
    )


class _GradingLines(dict[Grading, GradingLine]):
    """``grading_line`` once per distinct grading (a report repeats a few)."""

    def __missing__(self, grading: Grading) -> GradingLine:
        line = self[grading] = grading_line(grading)
        return line


def internal_debrief(v: DebriefView, lines: _GradingLines | None = None) -> InternalDebrief:
    lines = _GradingLines() if lines is None else lines
    return InternalDebrief(
        debrief_id=str(v.id),
        codename=v.codename,
        status=v.status.value,
        author=v.author,
        created_at=v.created_at,
        submitted_at=v.submitted_at,
        reviewed_at=v.reviewed_at,
        reviewer=v.reviewer,
        review_comment=v.review_comment,
        contact=_contact(v.contact),
        narrative=v.narrative,
        items=tuple(
            InternalItem(
                number=n,
                text=i.text,
                sanitised_text=i.sanitised_text,
                grading=lines[i.grading],
                shareable=i.grading.shareable,
                corroboration=i.corroboration.value,
                exculpatory=i.exculpatory,
                subjects=tuple(
                    SubjectPart(s.name, s.kind.value)
                    for s in sorted(i.subjects, key=lambda s: natural_key(s.name))
                ),
            )
            for n, i in enumerate(v.items, start=1)
        ),
        taskings=tuple(file_records.tasking_part(t) for t in v.taskings),
        payments=tuple(file_records.payment_part(p) for p in v.payments),
        welfare_observations=v.welfare_observations,
        security_observations=v.security_observations,
        runner_assessment=v.runner_assessment,
        critical_reflection=v.critical_reflection,
        addenda=tuple(AddendumPart(a.text, a.author, a.created_at) for a in v.addenda),
        source_id=str(v.source_id),
    )


def internal_body(
    views: Sequence[DebriefView],
    selection: Selection,
    unlinked: tuple[FileRecords, ...] = (),
    drafts_left_out: int = 0,
) -> InternalBody:
    # The sources whose debriefs are in it: a file listed only for its unlinked
    # taskings or payments is named in that section, not as a source of the report.
    codenames = tuple(sorted({v.codename for v in views}))
    title = "Debrief report" if len(views) == 1 else "Debrief reports"  # count in the subtitle
    lines = _GradingLines()
    return InternalBody(
        title=title,
        codenames=codenames,
        period_from=selection.date_from,
        period_to=selection.date_to,
        debriefs=tuple(internal_debrief(v, lines) for v in views),
        unlinked=unlinked,
        drafts_left_out=drafts_left_out,
    )


def read_internal_body(
    vault: Vault, scope: Scope, selection: Selection
) -> tuple[InternalBody, list[DebriefView]]:
    """The content of an internal report over ``selection``, and its debriefs:
    a source's or a period's without drafts unless ``selection.include_drafts``."""
    views, unlinked, left_out = reading.read_internal(vault, scope, selection)
    return internal_body(views, selection, unlinked, left_out), views


def issue_internal(
    vault: Vault,
    scope: Scope,
    selection: Selection,
    *,
    marking: str = DEFAULT_MARKING,
    language: str = labels.DEFAULT_LANGUAGE,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> IssuedPdf:
    """Build, render and register an internal report. ``progress(done, total)``
    counts debriefs read (all at once), then debriefs laid out (total = twice
    their number). ``language`` (en, nl) is that of the headings and labels
    around the content. Setting ``cancel`` stops the work with ``ReportCancelled``."""
    clean_marking = check_marking(marking)
    language = check_language(language)
    step = steps(progress, cancel)
    body, views = read_internal_body(vault, scope, selection)
    total = 2 * len(views)
    if step is not None:
        step(len(views), total)
    now = utc_now()
    report = InternalReport(
        InternalStamp(str(uuid.uuid4()), clean_marking, scope.alias_name, now, language), body
    )
    return issue(
        vault,
        scope,
        report,
        views,
        selection,
        printed_at=now,
        progress=offset(step, len(views), total),
        cancel=cancel,
    )
