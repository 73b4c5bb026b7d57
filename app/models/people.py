"""Aliases, compartments and who may see which compartment."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.clock import utc_now
from app.domain import names
from app.domain.enums import AliasKind, Role
from app.models.base import Base, IdMixin


def str_enum(enum_cls: type, name: str) -> Enum:
    """A string column with a CHECK constraint listing the allowed values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Alias(IdMixin, Base):
    """A cover name a runner or handler acts under, or an extra codename of a source.

    ``can_act`` marks the aliases the vault's own user may act under; other aliases
    (colleagues, imported runners) can be attendees or witnesses but never a scope.
    """

    __tablename__ = "alias"
    # Cover names are unique by their key (case and width folded). Earlier codenames
    # kept as aliases are not in this index: codename uniqueness is the sources
    # service's (issue 17 lets two runners' sources share one in a handler's vault).
    __table_args__ = (
        Index(
            "ix_alias_name_key",
            "name_key",
            unique=True,
            sqlite_where=text("kind = 'cover_name'"),
        ),
    )

    name: Mapped[str] = mapped_column(String(80), unique=True)
    # names.key(name), set with the name. NULL never stays: migration 0010 filled
    # the rows from before it (a second row with the key of an earlier one got
    # the key with its id appended, so it keeps its name and stays reachable).
    name_key: Mapped[str | None] = mapped_column(String())
    kind: Mapped[AliasKind] = mapped_column(str_enum(AliasKind, "alias_kind"))
    role: Mapped[Role | None] = mapped_column(str_enum(Role, "role"))
    can_act: Mapped[bool] = mapped_column(default=False)
    colour: Mapped[str] = mapped_column(String(7), default="#3b6ea5")
    # For codenames (and cover names used towards one source): the source's compartment.
    compartment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    retired_at: Mapped[datetime | None]

    @validates("name")
    def _set_key(self, _field: str, value: str) -> str:
        self.name_key = names.key(value)
        return value


class Compartment(IdMixin, Base):
    """The unit of need-to-know; usually one source file."""

    __tablename__ = "compartment"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class CompartmentMember(Base):
    __tablename__ = "compartment_member"

    compartment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("compartment.id", ondelete="CASCADE"), primary_key=True
    )
    # Indexed on its own: every scoped query looks up "compartments of this alias".
    alias_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("alias.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    granted_at: Mapped[datetime] = mapped_column(default=utc_now)
