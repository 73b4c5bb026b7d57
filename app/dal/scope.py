"""The scope a user acts in, and the SQL filters that enforce it.

Every compartmentalised table carries ``compartment_id``. A scope sees a row only
if its alias is a member of that row's compartment; the filter is a SQL
sub-select, so it is applied by the database in the same query that reads the
rows, and a screen or command cannot forget it.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from app.domain.scope import Scope
from app.errors import AccessDenied, NotFound
from app.models import Compartment, CompartmentMember

T = TypeVar("T")


def member_compartments(scope: Scope) -> Select[uuid.UUID]:
    return member_compartments_of(scope.alias_id)


def member_compartments_of(alias_id: uuid.UUID) -> Select[uuid.UUID]:
    return select(CompartmentMember.compartment_id).where(CompartmentMember.alias_id == alias_id)


def visible(column: Any, scope: Scope, *, drive: bool = False) -> ColumnElement[bool]:
    """``column`` (a compartment_id column) belongs to a compartment ``scope`` may see.

    By default the filter is applied to rows another index found (the column is
    written ``+column``, which SQLite does not use to pick an index): left to
    itself the planner tends to read every row of the visible compartments and
    sort them, which at 100,000 debriefs costs tens of milliseconds. Pass
    ``drive=True`` where walking the compartments is the better plan (counts)."""
    if drive:
        return column.in_(member_compartments(scope))  # type: ignore[no-any-return]
    unindexed = UnaryExpression(column, operator=custom_op("+"), type_=column.type)
    return unindexed.in_(member_compartments(scope))


# A scope that sees at most this share of all files is "narrow" (a runner with a
# handful of sources in a unit of hundreds).
NARROW_SHARE = 0.05


def is_narrow(session: Session, scope: Scope) -> bool:
    """Whether the scope sees only a small share of the files. Then walking its own
    files beats reading everyone's newest rows and dropping most of them. This
    only picks a query plan: both plans filter by scope in SQL."""
    mine = session.execute(
        select(func.count()).where(CompartmentMember.alias_id == scope.alias_id)
    ).scalar_one()
    total = session.execute(select(func.count()).select_from(Compartment)).scalar_one()
    return bool(mine <= total * NARROW_SHARE)


def is_member(session: Session, scope: Scope, compartment_id: uuid.UUID) -> bool:
    return bool(
        session.execute(
            select(
                exists().where(
                    CompartmentMember.alias_id == scope.alias_id,
                    CompartmentMember.compartment_id == compartment_id,
                )
            )
        ).scalar()
    )


def require_member(session: Session, scope: Scope, compartment_id: uuid.UUID) -> None:
    if not is_member(session, scope, compartment_id):
        raise AccessDenied("The active alias has no access to that file.")


def get_visible(session: Session, scope: Scope, model: type[T], record_id: uuid.UUID) -> T:
    """Fetch one record by id, or NotFound if it does not exist *or* is outside
    the scope: the two are indistinguishable, so existence does not leak."""
    compartment_col = model.compartment_id  # type: ignore[attr-defined]
    row = session.execute(
        select(model).where(
            model.id == record_id,  # type: ignore[attr-defined]
            visible(compartment_col, scope),
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(
            "No such {record} in the active alias's files.", record=model.__name__.lower()
        )
    return row
