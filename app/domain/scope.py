"""Who acts: the Actor an audit event is attributed to, and the Scope (one alias and
its role) every service takes. Plain values, so the GUI and the command line can
hold them; what a scope may see is decided in the data-access layer
(``app.dal.scope``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """Who an event is attributed to: an alias, or the system for vault-level events."""

    name: str
    alias_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Scope:
    """Who is acting: one alias (of the vault's user) and its role."""

    alias_id: uuid.UUID
    alias_name: str
    role: Role
    colour: str = "#3b6ea5"

    @property
    def actor(self) -> Actor:
        return Actor(self.alias_name, self.alias_id)

    @property
    def is_handler(self) -> bool:
        return self.role is Role.HANDLER
