"""What a report is asked for: which debriefs (``Selection``), under which
marking, in which language; and the checks on each."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from app.errors import InvalidInput
from app.reports import labels
from app.services.admin import local_config

# Dutch classification markings (VIR-BI), lowest first.
MARKINGS = (
    "DEPARTEMENTAAL VERTROUWELIJK",
    "STG. CONFIDENTIEEL",
    "STG. GEHEIM",
    "STG. ZEER GEHEIM",
)
DEFAULT_MARKING = "STG. CONFIDENTIEEL"
MAX_DEBRIEFS = 1000
REPORT_LANGUAGES = labels.LANGUAGES


@dataclass(frozen=True)
class Selection:
    """Which debriefs a report covers: one debrief, or all debriefs of a source
    and/or of a date range (inclusive days, UTC, by the day of the debrief's
    contact, the meeting it reports; a debrief without a contact by the day it was
    made). Both report kinds and the app choose alike.

    An internal report of a source or a period leaves drafts out (unfinished,
    items perhaps ungraded) unless ``include_drafts``; they are then marked DRAFT
    in it. One debrief chosen by its id is reported whatever its state (marked
    DRAFT too). A sanitised report never shows a draft."""

    debrief_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_drafts: bool = False

    def validated(self) -> Selection:
        ranged = self.source_id is not None or self.date_from or self.date_to
        if (self.debrief_id is None) == (not ranged):
            raise InvalidInput("Choose one debrief, or a source and/or a date range.")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInput("The date range ends before it starts.")
        return self


def check_marking(marking: str) -> str:
    clean = " ".join(marking.split()).upper()
    if clean not in MARKINGS:
        raise InvalidInput("Choose a marking: {markings}.", markings=", ".join(MARKINGS))
    return clean


def default_language() -> str:
    """The report language when none is given: the interface language setting
    (``system`` read from the locale, as for the interface)."""
    return labels.resolve(local_config.load().language)


def check_language(language: str) -> str:
    try:
        return labels.checked(language)
    except ValueError:
        raise InvalidInput("Reports are printed in English (en) or Dutch (nl).") from None
