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


def open_matches(session: Session, scope: Scope, source_id: uuid.UUID | None = None) -> list[Any]:
    """(notice, own source's codename, the other source's codename or None) of the
    open matches of the alias's sources, oldest first."""
    other = aliased(Source)
    query = (
        select(DeconflictionNotice, shown_codename(scope, Source), other.codename)
        .join(Source, Source.id == DeconflictionNotice.source_id)
        .outerjoin(
            other,
            (other.id == DeconflictionNotice.other_source) & visible(other.compartment_id, scope),
        )
        .where(DeconflictionNotice.status == "open", visible(Source.compartment_id, scope))
        .order_by(DeconflictionNotice.opened_at, DeconflictionNotice.match_id)
    )
    if source_id is not None:
        query = query.where(DeconflictionNotice.source_id == source_id)
    return list(session.execute(query).all())
