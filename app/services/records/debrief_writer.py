"""Who writes a debrief while it is its runner's (a draft, or returned to them).

A handler reads a runner's draft and reviews it once it is submitted; it never
writes or submits it in the runner's name. (A handler's vault holds no runner's
drafts, since no draft leaves a laptop; one vault with both roles, as the demo's,
does.) A handler's own drafts are the handler's to write.
"""

from __future__ import annotations

import uuid

from app.domain.enums import DebriefStatus, Role
from app.domain.scope import Scope
from app.errors import AccessDenied
from app.models import Debrief


def writes(d: Debrief, scope: Scope) -> bool:
    return scope.role is not Role.HANDLER or d.author_alias_id == scope.alias_id


def read_only_to(status: DebriefStatus, author: uuid.UUID | None, scope: Scope) -> bool:
    """A runner's debrief, still theirs (a draft, or returned to them), that a
    handler sees: for the handler to read, not to write or submit."""
    runners = status in (DebriefStatus.DRAFT, DebriefStatus.RETURNED)
    return runners and scope.role is Role.HANDLER and author != scope.alias_id


def require_writer(d: Debrief, scope: Scope) -> None:
    if not writes(d, scope):
        raise AccessDenied(
            "This debrief is its runner's until they submit it: a handler reads it, and "
            "reviews it once it is submitted."
        )


def require_linkable(d: Debrief, scope: Scope) -> None:
    """A tasking or payment recorded in ``d``: refused where ``d`` is a runner's
    that the scope only reads (``read_only_to``)."""
    if read_only_to(d.status, d.author_alias_id, scope):
        raise AccessDenied(
            "This debrief is its runner's until they submit it: a handler reads it, and "
            "reviews it once it is submitted."
        )
