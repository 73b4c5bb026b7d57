"""The open deconfliction matches an alias may see: those of sources in its own
compartments (a notice naming a source the alias cannot see shows nothing, and
tells nothing of it)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.dal.scope import visible
from app.dal.source_names import shown_codename
from app.domain.scope import Scope
from app.models import Source
from app.models.packages import DeconflictionNotice


def _seen_from(
    scope: Scope, own_column: Any, other_column: Any, source_id: uuid.UUID | None
) -> Any:
    """The notices as seen from the source in ``own_column``: (notice, its id, its
    codename, the other source's codename if the alias can see it, else None)."""
    own, other = aliased(Source), aliased(Source)
    query = (
        select(DeconflictionNotice, own.id, shown_codename(scope, own), other.codename)
        .join(own, own.id == own_column)
        .outerjoin(other, (other.id == other_column) & visible(other.compartment_id, scope))
        .where(DeconflictionNotice.status == "open", visible(own.compartment_id, scope))
    )
    return query if source_id is None else query.where(own_column == source_id)


def open_matches(session: Session, scope: Scope, source_id: uuid.UUID | None = None) -> list[Any]:
    """(notice, own source's id, its codename, the other source's codename or None)
    of the open matches of the alias's sources, oldest first, each once. A match
    within the team is one notice naming both sources: on one source's file
    (``source_id``) it shows whichever of the two that source is."""
    n = DeconflictionNotice
    rows = list(session.execute(_seen_from(scope, n.source_id, n.other_source, source_id)).all())
    if source_id is not None:
        mirrored = _seen_from(scope, n.other_source, n.source_id, source_id)
        rows += session.execute(mirrored.where(n.other_source.is_not(None))).all()
    return sorted(rows, key=lambda r: (r[0].opened_at, r[0].match_id))
