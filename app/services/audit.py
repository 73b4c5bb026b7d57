"""Reading the audit log (scoped) and verifying it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from app.dal.keyset import Keyset, cut
from app.dal.scope import Scope, visible
from app.models import AuditEvent
from app.services.views import AuditRow, Page
from app.vault import audit_chain
from app.vault.vault import Vault

PAGE_SIZE = 500
NEWEST_FIRST = Keyset((AuditEvent.seq,))


def event_page(
    vault: Vault, scope: Scope, *, after: tuple[Any, ...] | None = None, limit: int = PAGE_SIZE
) -> Page[AuditRow]:
    """One keyset page of the events the scope may see, newest first: those in its
    compartments, and vault-level events (no compartment) such as unlocks and
    locks. Pass the returned cursor as ``after`` for the next page."""
    with vault.read() as session:
        query = select(AuditEvent).where(
            or_(
                AuditEvent.compartment_id.is_(None),
                visible(AuditEvent.compartment_id, scope),
            )
        )
        events, has_more = cut(
            session.execute(NEWEST_FIRST.page(query, after, limit)).scalars().all(), limit
        )
        rows = tuple(
            AuditRow(e.seq, e.at, e.actor, e.action, e.record_type, e.record_id, e.detail)
            for e in events
        )
    return Page(rows, (rows[-1].seq,) if rows else None, has_more)


def recent_events(vault: Vault, scope: Scope, *, limit: int = PAGE_SIZE) -> list[AuditRow]:
    """The newest ``limit`` events the scope may see (see ``event_page``)."""
    return list(event_page(vault, scope, limit=limit).rows)


def verify(vault: Vault) -> audit_chain.ChainReport:
    with vault.read() as session:
        report = audit_chain.verify_chain(session)
    # The header on disk: another process may have moved the anchor since unlock.
    problem = vault.anchor_problem(vault.current_header().audit_anchor)
    if problem:
        report.problems.append(problem)
    return report
