"""How a source is named where people read it: its codename, and who runs it
when the codename alone would not say which source is meant.

Sources are identified by id; two runners may give two people the same codename
and a handler's vault keeps both (issue 17). Every list, screen, command and
report that names a source shows ``shown_codename``: the codename alone while no
other source the alias can see has it (by key: ``Kwarts`` is ``KWARTS``), else the
codename followed by its runner in brackets, ``KWARTS (Runner Valk)``. The runner
is the source's primary runner in this vault (a source this vault made, or took on
by a handover: this vault's own, whoever sent it), else the key a package brought
the source with (its name as the handler confirmed it), else its compartment.
Only sources in the alias's own compartments count, so the suffix never tells an
alias that a file it cannot see exists.

Two such sources can have one runner too: a handler holds Valk's BERK and
Reiger's, and Valk hands his over to Reiger. Then the short id follows the
runner, ``BERK (Runner Reiger, …3f9a1c2e)``: the last 8 hex digits of the id (the
random part of a UUIDv7; its start is the time it was made, shared by sources
made together), or the whole id in the rare case two of them end alike. So the
name shown is unique among the sources an alias sees, by construction.
"""

from __future__ import annotations

import functools
import uuid
from typing import Any

from sqlalchemy import ColumnElement, String, case, exists, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.dal.scope import member_compartments_of
from app.domain.scope import Scope
from app.models import Alias, Compartment, RunnerAssignment, Source
from app.models.packages import PackageOrigin, PackagePeer


def runner_of(source: Any = Source) -> ColumnElement[str]:
    """Who runs ``source``: the primary runner here, the sender's key name, or the
    compartment's name. A source taken on by a handover has both a primary runner
    (this vault's alias) and a sender (the old runner's key): the alias runs it."""
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
    return func.coalesce(primary, sender, compartment, literal("?", type_=String()))


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


def _hex(column: Any, start: int, length: int) -> ColumnElement[str]:
    """Part of an id as stored (32 hex digits, as ``Uuid(native_uuid=False)`` keeps it)."""
    return func.substr(type_coerce(column, String()), start, length)


def _dashed(column: Any) -> ColumnElement[str]:
    """The id as it is printed everywhere: 8-4-4-4-12 hex digits."""
    parts = [_hex(column, start, n) for start, n in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))]
    out = parts[0]
    for part in parts[1:]:
        out = out + literal("-", type_=String()) + part
    return out


def _shown_codename(alias_id: uuid.UUID, source: Any) -> ColumnElement[str]:
    namesake = (
        (_OTHER.codename_key == source.codename_key)
        & (_OTHER.id != source.id)
        & _OTHER.compartment_id.in_(member_compartments_of(alias_id))
    )
    runner = runner_of(source)
    same_runner = namesake & (runner_of(_OTHER) == runner)
    tail = _hex(source.id, 25, 8)

    def label(*parts: ColumnElement[str]) -> ColumnElement[str]:
        out: ColumnElement[str] = source.codename + literal(" (", type_=String()) + runner
        for part in parts:
            out = out + part
        return out + literal(")", type_=String())

    # Nested, so the costlier tests run only for a codename another source has.
    apart = case(
        (
            exists().where(same_runner),
            case(
                (exists().where(same_runner & (_hex(_OTHER.id, 25, 8) == tail)),
                 label(literal(", ", type_=String()), _dashed(source.id))),
                else_=label(literal(", …", type_=String()), tail),
            ),
        ),
        else_=label(),
    )  # fmt: skip
    return case((exists().where(namesake), apart), else_=source.codename)


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
