"""What a report shows, as plain frozen dataclasses.

Two families, deliberately separate types:

* ``InternalReport``: for the unit. May hold everything a debrief holds, including
  the codename, contact times and places, attendees, payments and notes.
* ``SanitisedReport``: for dissemination. It has *no field* for a codename, an
  alias, an identity, a location codeword, a debrief id or a time of day: dates
  only, items only in their sanitised wording with their grading and conditions.
  Its free-text fields are still checked by the sanitisation guard before a
  report is requested, because wording can name anything.

Each report is a stamp (what is printed around the content: report id, marking,
who printed it and when) plus a body (the content). Both are covered by the
content hash printed on the last page (see ``app.reports.hashing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class GradingLine:
    """An item's grading in its own scheme, with the scheme's labels spelled out."""

    scheme: str
    short: str
    source_evaluation: str
    source_evaluation_label: str
    intelligence_assessment: str
    intelligence_assessment_label: str
    handling_code: str
    handling_label: str
    conditions: str


# -- internal ------------------------------------------------------------------------


@dataclass(frozen=True)
class InternalStamp:
    report_id: str
    marking: str
    printed_by: str  # the printing alias
    printed_at: datetime  # UTC
    language: str = "en"  # of the fixed text around the content (app.reports.labels)


@dataclass(frozen=True)
class ContactPart:
    kind: str
    occurred_at: datetime
    duration_minutes: int | None
    location_codeword: str
    attendees: tuple[str, ...]
    reconnaissance_notes: str
    safety_notes: str
    notes: str


@dataclass(frozen=True)
class SubjectPart:
    name: str
    kind: str = ""  # person | place | vehicle | organisation


@dataclass(frozen=True)
class InternalItem:
    number: int
    text: str
    sanitised_text: str
    grading: GradingLine
    shareable: bool
    corroboration: str
    exculpatory: bool
    subjects: tuple[SubjectPart, ...]  # in natural order of their names


@dataclass(frozen=True)
class TaskingPart:
    description: str
    limits: str
    deadline: date | None
    status: str
    outcome: str
    given_on: date | None = None


@dataclass(frozen=True)
class PaymentPart:
    kind: str
    amount_cents: int
    currency: str
    reason: str
    occurred_on: date
    witness: str | None
    approved_by: str | None


@dataclass(frozen=True)
class AddendumPart:
    text: str
    author: str | None
    created_at: datetime


@dataclass(frozen=True)
class InternalDebrief:
    debrief_id: str
    codename: str
    status: str  # draft | submitted | approved | returned
    author: str | None
    created_at: datetime
    submitted_at: datetime | None
    reviewed_at: datetime | None
    reviewer: str | None
    review_comment: str
    contact: ContactPart | None
    narrative: str
    items: tuple[InternalItem, ...]
    taskings: tuple[TaskingPart, ...]
    payments: tuple[PaymentPart, ...]
    welfare_observations: str
    security_observations: str
    runner_assessment: str
    critical_reflection: str
    addenda: tuple[AddendumPart, ...]
    source_id: str = ""  # the source's id: a codename may be shared (docs/reports.md)


@dataclass(frozen=True)
class FileRecords:
    """A source file's taskings and payments in the report period that are not
    linked to any debrief (given or paid outside a debriefed contact)."""

    codename: str
    taskings: tuple[TaskingPart, ...]
    payments: tuple[PaymentPart, ...]
    source_id: str = ""


@dataclass(frozen=True)
class InternalBody:
    title: str
    codenames: tuple[str, ...]
    period_from: date | None
    period_to: date | None
    debriefs: tuple[InternalDebrief, ...]
    unlinked: tuple[FileRecords, ...] = ()
    drafts_left_out: int = 0  # a source's or period's drafts not in it (printed on page 1)


@dataclass(frozen=True)
class InternalReport:
    stamp: InternalStamp
    body: InternalBody


# -- sanitised -----------------------------------------------------------------------


@dataclass(frozen=True)
class SanitisedStamp:
    """No alias and no time of day: the register in the vault records who printed
    the report, and when to the microsecond. The page names the printer by a
    reference that only the issuing vault can resolve, with the role and the day."""

    report_id: str
    marking: str
    printer_reference: str  # e.g. PR-K7QM-2XD4: keyed, per report, unlinkable
    printed_by_role: str  # runner | handler
    printed_on: date
    draft_notice: str = ""  # printed across pages of a preview that is not released
    language: str = "en"  # of the fixed text around the content (app.reports.labels)


@dataclass(frozen=True)
class SanitisedItem:
    number: int
    text: str  # the sanitised wording, never the reported text
    grading: GradingLine
    corroboration: str
    exculpatory: bool


@dataclass(frozen=True)
class SanitisedDebrief:
    reference: str  # S1, S2... in date order; not a debrief id (those encode time)
    obtained_on: date
    items: tuple[SanitisedItem, ...]


@dataclass(frozen=True)
class SanitisedBody:
    title: str
    period_from: date
    period_to: date
    debriefs: tuple[SanitisedDebrief, ...]


@dataclass(frozen=True)
class SanitisedReport:
    stamp: SanitisedStamp
    body: SanitisedBody


Report = InternalReport | SanitisedReport
