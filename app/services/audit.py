"""Reading the audit log (scoped) and verifying it."""

from __future__ import annotations

from sqlalchemy import or_, select

from app.dal.scope import Scope, visible
from app.models import AuditEvent
from app.services.views import AuditRow
from app.vault import audit_chain
from app.vault.vault import Vault


def recent_events(vault: Vault, scope: Scope, *, limit: int = 500) -> list[AuditRow]:
    """Events the scope may see: those in its compartments, and vault-level events
    (no compartment) such as unlocks and locks."""
    with vault.read() as session:
        rows = session.execute(
            select(AuditEvent)
            .where(
                or_(
                    AuditEvent.compartment_id.is_(None),
                    visible(AuditEvent.compartment_id, scope),
                )
            )
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        ).scalars()
        return [
            AuditRow(e.seq, e.at, e.actor, e.action, e.record_type, e.record_id, e.detail)
            for e in rows
        ]


def verify(vault: Vault) -> audit_chain.ChainReport:
    with vault.read() as session:
        report = audit_chain.verify_chain(session)
    # The header on disk: another process may have moved the anchor since unlock.
    problem = vault.anchor_problem(vault.current_header().audit_anchor)
    if problem:
        report.problems.append(problem)
    return report
