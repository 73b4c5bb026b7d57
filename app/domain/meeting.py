"""When a debrief's information came in: the time of its contact, else (no
contact linked) when the debrief was made. Reports head each debrief with it,
date a sanitised debrief and a period by its day (UTC), and the app names a
debrief by it; ``app.services.reports.reading`` selects by the same rule in SQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol


class _Contact(Protocol):
    @property
    def occurred_at(self) -> datetime: ...


class _Debrief(Protocol):
    @property
    def contact(self) -> _Contact | None: ...

    @property
    def created_at(self) -> datetime: ...


def met_at(debrief: _Debrief) -> datetime:
    """The moment of the meeting a debrief reports (or of its writing)."""
    return debrief.contact.occurred_at if debrief.contact is not None else debrief.created_at


def met_on(debrief: _Debrief) -> date:
    """The day of ``met_at`` in UTC, as the reports print it."""
    return met_at(debrief).date()
