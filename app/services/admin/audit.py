"""Reading the audit log (scoped) and verifying it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from app.dal.keyset import Sort, SortKeys, cut
from app.dal.scope import visible
from app.domain.scope import Scope
from app.models import AuditEvent
from app.services.views import AuditRow, Page
from app.vault import audit_chain
from app.vault.vault import Vault

PAGE_SIZE = 500
# The names Veldboek itself acts under, with no alias: the vault's own work (unlock
# checks, demo data, a check) and the command line (``Actor("cli")`` in app.cli).
APP_ACTORS = frozenset({audit_chain.SYSTEM_ACTOR, "cli"})
# Newest first by default; within one time, actor, action or record type, by
# number (the log's own order, unique).
AUDIT_SORTS = SortKeys(
    {
        "seq": (),
        "at": (AuditEvent.at,),
        "actor": (AuditEvent.actor,),
        "action": (AuditEvent.action,),
        "record": (AuditEvent.record_type,),
    },
    tiebreak=AuditEvent.seq,
    default=Sort("seq", descending=True),
)


def event_page(
    vault: Vault,
    scope: Scope,
    *,
    sort: Sort | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page[AuditRow]:
    """One keyset page of the events the scope may see, in ``sort``'s order (newest
    first unless told): those in its compartments, and vault-level events (no
    compartment) such as unlocks and locks. Pass the returned cursor as ``after``
    for the next page, with the same sort."""
    keyset = AUDIT_SORTS.keyset(sort)
    with vault.read() as session:
        query = select(AuditEvent, *keyset.cursor_columns()).where(
            or_(
                AuditEvent.compartment_id.is_(None),
                visible(AuditEvent.compartment_id, scope),
            )
        )
        found, has_more = cut(session.execute(keyset.page(query, after, limit)).all(), limit)
        rows = tuple(
            AuditRow(
                e.seq,
                e.at,
                e.actor,
                e.action,
                e.record_type,
                e.record_id,
                e.detail,
                by_app=e.actor_alias_id is None and e.actor in APP_ACTORS,
            )
            for e, *_cursor in found
        )
    cursor = keyset.cursor_from(found[-1][1:]) if found else None
    return Page(rows, cursor, has_more)


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
