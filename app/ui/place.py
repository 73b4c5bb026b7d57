"""Where the runner was when the vault locked, so that unlocking returns there:
the page, the debrief or source file that was open, a meeting still under way.

Ids only, held in the running app's memory until the next unlock; nothing of it
is written anywhere. After a panic the place is Home (whoever stood behind the
runner must not see the screen come back as it was), but a meeting under way
stays open: its note is in the vault, and Ctrl+M returns to it.

A meeting comes back on screen only if it was on screen at the lock: a runner who
left a meeting open (after a panic) and went on to another source's file returns
to that file, and the meeting waits for Ctrl+M as before. A revealed identity is
never part of a place: it stays hidden after the unlock.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.services.records.meetings import MeetingRecord

HOME_PAGE = 0


@dataclass(frozen=True)
class Place:
    page: int = HOME_PAGE  # the row in the navigation list
    debrief_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    meeting: MeetingRecord | None = None
    meeting_on_screen: bool = False  # the meeting itself, not a page, was shown

    def after(self, reason: str) -> Place:
        """Where to return after a lock for ``reason``."""
        if reason == "panic":
            return Place(meeting=self.meeting)  # not on screen: Ctrl+M returns to it
        return self
