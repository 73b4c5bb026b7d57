"""Returns a receipt brings for debriefs this vault no longer holds.

A receipt of the central system confirms what central holds, and the retention rule
then deletes those debriefs at once, whether or not the handler has read them
(docs/central.md, Receipts). A return the handler makes afterwards reaches a vault
that cannot apply it (docs/package-format.md, section 11): said, by id, so that the
runner asks the handler what it asks rather than never learning of it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.domain.enums import DebriefStatus
from app.errors import Notice
from app.models import Debrief


def not_held(session: Session, reviews: list[dict[str, Any]]) -> tuple[Notice, ...]:
    """A notice naming the returned debriefs this vault does not hold (read before
    the reviews are applied and the purge runs: those it deletes now are held)."""
    gone = [
        r["debrief_id"]
        for r in reviews
        if r["status"] == DebriefStatus.RETURNED.value
        and session.get(Debrief, uuid.UUID(r["debrief_id"])) is None
    ]
    if not gone:
        return ()
    if len(gone) == 1:
        return (
            Notice(
                "The handler returned debrief {ids}, which this vault no longer holds (it "
                "was deleted after an earlier receipt, such as the central system's): ask "
                "the handler what the return asks, and answer it in a new debrief.",
                ids=gone[0],
            ),
        )
    return (
        Notice(
            "The handler returned {n} debriefs this vault no longer holds ({ids}; deleted "
            "after an earlier receipt, such as the central system's): ask the handler what "
            "each return asks, and answer in new debriefs.",
            n=len(gone),
            ids=", ".join(gone),
        ),
    )
