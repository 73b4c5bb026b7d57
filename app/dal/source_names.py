"""How a source is named where people read it: its codename, and who runs it
when the codename alone would not say which source is meant.

Sources are identified by id; two runners may give two people the same codename
and a handler's vault keeps both (issue 17). Every list, screen, command and
report that names a source shows ``shown_codename``: the codename alone while no
other source the alias can see has it (by key: ``Kwarts`` is ``KWARTS``), else the
codename followed by its runner in brackets, ``KWARTS (Runner Valk)``. The runner
is the key a package brought the source with (its name as the handler confirmed
it), else the source's primary runner in this vault, else its compartment.
Only sources in the alias's own compartments count, so the suffix never tells an
alias that a file it cannot see exists.
"""

from __future__ import annotations

import functools
import uuid
from typing import Any

from sqlalchemy import ColumnElement, String, case, exists, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.dal.scope import member_compartments_of
from app.domain.scope import Scope
from app.models import Alias, Compartment, RunnerAssignment, Source
from app.models.packages import PackageOrigin, PackagePeer


def runner_of(source: Any = Source) -> ColumnElement[str]:
    """Who runs ``source``: the sender's key name, the primary runner, or the
    compartment's name."""
    sender = (
        select(PackagePeer.name)
        .join(PackageOrigin, PackageOrigin.sender == PackagePeer.fingerprint)
        .where(PackageOrigin.record_type == "source", PackageOrigin.record_id == source.id)
        .limit(1)
        .correlate(source)
        .scalar_subquery()
    )
    primary = (
        select(Alias.name)
        .join(RunnerAssignment, RunnerAssignment.alias_id == Alias.id)
        .where(RunnerAssignment.source_id == source.id, RunnerAssignment.is_primary)
        .limit(1)
        .correlate(source)
        .scalar_subquery()
    )
    compartment = (
        select(Compartment.name)
        .where(Compartment.id == source.compartment_id)
        .correlate(source)
        .scalar_subquery()
    )
    return func.coalesce(sender, primary, compartment, literal("?", type_=String()))


# Another source with the same codename. One alias for every statement: making
# an aliased entity is the costliest part of building the expression.
_OTHER = aliased(Source, name="same_codename")


def shown_codename(scope: Scope, source: Any = Source) -> ColumnElement[str]:
    """``source``'s codename as the alias of ``scope`` reads it (see the module)."""
    if source is Source:
        return _shown_codename_of_source(scope.alias_id)
    return _shown_codename(scope.alias_id, source)


@functools.lru_cache(maxsize=32)
def _shown_codename_of_source(alias_id: uuid.UUID) -> ColumnElement[str]:
    """The expression for ``Source`` itself, built once per alias (every list and
    screen uses it; an expression holds no state and serves any statement)."""
    return _shown_codename(alias_id, Source)


def _shown_codename(alias_id: uuid.UUID, source: Any) -> ColumnElement[str]:
    shared = exists().where(
        _OTHER.codename_key == source.codename_key,
        _OTHER.id != source.id,
        _OTHER.compartment_id.in_(member_compartments_of(alias_id)),
    )
    with_runner = (
        source.codename
        + literal(" (", type_=String())
        + runner_of(source)
        + literal(")", type_=String())
    )
    return case((shared, with_runner), else_=source.codename)


def shown_codenames(
    session: Session, scope: Scope, source_ids: set[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """``shown_codename`` of each of ``source_ids``, in one statement."""
    if not source_ids:
        return {}
    rows = session.execute(
        select(Source.id, shown_codename(scope)).where(Source.id.in_(source_ids))
    )
    return {sid: name for sid, name in rows}
