"""Who runs a source, and so may give it away or end it.

A compartment lists who may see a source's file and add to it (need-to-know,
``app.dal.scope``); the source itself is run by one alias, its primary runner
(``runner_assignment.is_primary``): the alias that registered it here, or took it
on by a handover. Only that alias hands the source over or closes its
registration (docs/architecture.md, Scope and compartments): another member may
read the file and add to it, not give it away or end it."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.dal.source_names import runner_of
from app.domain.scope import Scope
from app.models import RunnerAssignment, Source


def runs(session: Session, scope: Scope, source_id: uuid.UUID) -> bool:
    """Whether the alias of ``scope`` runs the source."""
    return bool(
        session.execute(
            select(
                exists().where(
                    RunnerAssignment.source_id == source_id,
                    RunnerAssignment.alias_id == scope.alias_id,
                    RunnerAssignment.is_primary,
                )
            )
        ).scalar()
    )


def other_runner(session: Session, scope: Scope, source_id: uuid.UUID) -> str | None:
    """None when the alias of ``scope`` runs the source; else who does, by name
    (its primary runner here, else the key or compartment it came by)."""
    if runs(session, scope, source_id):
        return None
    return str(session.execute(select(runner_of()).where(Source.id == source_id)).scalar_one())
