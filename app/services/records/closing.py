"""Closing a source's registration: the reason, the day it was decided and who
decided (the alias that closes it), recorded once.

A closed source stays in the vault, readable and reportable, with everything in
its file; nothing about it is due any more (``reminders`` leaves closed sources
out). The closing is part of the source's registration record, so it goes to
the handler with the runner's next package as a new version of that record.
A source that came in a package is closed by its runner, in the runner's vault:
the handler's copy follows their package, never the other way round. In a vault,
only the alias that runs the source closes it (``app.dal.source_runner``).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal import source_runner
from app.dal.handed_over import get_writable
from app.domain.enums import SourceStatus
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput
from app.models import Source
from app.models.packages import PackageOrigin, SourceHandover
from app.vault import audit_chain
from app.vault.vault import Vault

MAX_REASON_CHARS = 20_000  # a page or two: the reason, not the file


def came_in_a_package(session: Session, source_id: uuid.UUID) -> bool:
    """Did the source come in another runner's package (its runner closes it)? One
    this vault took on by a handover is this runner's own."""
    taken_on = select(SourceHandover.package_id).where(
        SourceHandover.source_id == source_id, SourceHandover.direction == "in"
    )
    if session.execute(taken_on).first() is not None:
        return False
    return (
        session.execute(
            select(PackageOrigin.record_id).where(
                PackageOrigin.record_type == "source", PackageOrigin.record_id == source_id
            )
        ).first()
        is not None
    )


def close_registration(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    *,
    reason: str,
    decided_on: date | None = None,
) -> str:
    """Close the registration of a source in the alias's files. ``decided_on``:
    the day it was decided (today unless given; not after today, not before the
    source was registered). Returns the source's codename, to say what was closed."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Give the reason the registration is closed.")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInput(
            "The reason for closing holds at most {n} characters.", n=MAX_REASON_CHARS
        )
    now = utc_now()
    day = decided_on or now.date()
    if day > now.date():
        raise InvalidInput("A closing cannot be decided on a day still to come.")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if source.status is SourceStatus.CLOSED or source.closed_at is not None:
            raise InvalidInput("This registration is already closed.")
        if came_in_a_package(session, source.id):
            raise InvalidInput(
                "This source came in a runner's package: its runner closes the "
                "registration, and the closing arrives with their next package."
            )
        runner = source_runner.other_runner(session, scope, source.id)
        if runner is not None:
            raise AccessDenied(
                "Only {runner}, the alias that runs this source, may close its registration: "
                "switch to that alias. Another alias with access to the file may read it and "
                "add to it. Nothing was changed.",
                runner=runner,
            )
        if day < source.created_at.date():
            raise InvalidInput("A closing cannot be decided before the source was registered.")
        source.status = SourceStatus.CLOSED
        source.closed_at = now
        source.close_reason = reason
        source.closed_on = day
        source.closed_by_alias_id = scope.alias_id
        audit_chain.append(
            session,
            scope.actor,
            "source.closed",
            record_type="source",
            record_id=source.id,
            compartment_id=source.compartment_id,
            detail={"closed_on": day.isoformat()},
        )
        return source.codename
