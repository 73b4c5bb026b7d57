"""Sources this vault handed to another runner (``source_handover``, direction
``out``, not handed back since). Such a file is the new runner's: it leaves this
vault only in the handover package, and nothing more may be added to it here, or
that work would never reach anyone and go with the purge after the new runner's
receipt. Every change to a source's file asks ``refuse_if_handed_over`` first."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.dal.scope import get_visible
from app.domain.scope import Scope
from app.errors import WorkflowError
from app.models import Debrief, Source
from app.models.packages import SourceHandover

T = TypeVar("T")


def _handed(*columns: Any) -> Any:
    later = aliased(SourceHandover)
    # Unless it came back later (handed to this vault again).
    back = (
        select(later.package_id)
        .where(
            later.source_id == SourceHandover.source_id,
            later.direction == "in",
            later.created_at > SourceHandover.created_at,
        )
        .exists()
    )
    return select(*columns).where(SourceHandover.direction == "out", ~back)


def handed_over() -> Any:
    """The ids of the sources this vault handed to another runner."""
    return _handed(SourceHandover.source_id)


def refuse_if_handed_over(session: Session, source_id: uuid.UUID) -> None:
    row = session.execute(
        _handed(
            SourceHandover.codename,
            SourceHandover.to_name,
            SourceHandover.to_runner,
            SourceHandover.created_at,
        )
        .where(SourceHandover.source_id == source_id)
        .order_by(SourceHandover.created_at.desc())
        .limit(1)
    ).first()
    if row is not None:
        raise WorkflowError(
            "{codename} was handed over to {runner} on {day}: the file is the new "
            "runner's now, and read only in this vault. Nothing was changed.",
            codename=row.codename,
            runner=row.to_name or row.to_runner[:16],  # the key, where it had no name
            day=row.created_at.date().isoformat(),
        )


def get_writable(session: Session, scope: Scope, model: type[T], record_id: uuid.UUID) -> T:
    """``get_visible`` for a change: the record, unless its source was handed over."""
    row = get_visible(session, scope, model, record_id)
    refuse_if_handed_over(session, _source_of(session, row))
    return row


def _source_of(session: Session, row: Any) -> uuid.UUID:
    if isinstance(row, Source):
        return row.id
    source_id = getattr(row, "source_id", None)
    if isinstance(source_id, uuid.UUID):
        return source_id
    # An item or attachment: through its debrief.
    return session.execute(
        select(Debrief.source_id).where(Debrief.id == row.debrief_id)
    ).scalar_one()
