"""The old runner's side of a handover, once the new runner's receipt arrives
(docs/package-format.md, section 7.4): only that runner's receipt confirms a
handover, and it purges the source here per the retention rule. The new runner's
side: the handover row says when this vault issued that receipt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.enums import PeerRole
from app.domain.scope import Scope
from app.models import Debrief, Source
from app.models.packages import ExportedRecord, PackageLog, SourceHandover
from app.services.exchange import outgoing_copies, purge
from app.services.exchange.handover import IN, OUT, source_record_ids
from app.vault import audit_chain


def check_receipt_entry(session: Session, sent: PackageLog, sender_role: PeerRole) -> None:
    """A handover is confirmed by the new runner only; a runner confirms nothing else."""
    from app.services.exchange.receipts import UnknownPackage

    if (sent.kind == "handover") != (sender_role is PeerRole.RUNNER):
        raise UnknownPackage(
            "A handover is confirmed only by the runner it was handed to, and a runner "
            "confirms nothing else; nothing was changed."
        )


def receipt_issued(session: Session, package_ids: list[uuid.UUID], when: datetime) -> None:
    """The new runner issued the receipt for these handover packages: their ``in``
    rows are confirmed from now (a receipt issued again keeps the first time)."""
    if not package_ids:
        return
    session.execute(
        update(SourceHandover)
        .where(
            SourceHandover.package_id.in_(package_ids),
            SourceHandover.direction == IN,
            SourceHandover.confirmed_at.is_(None),
        )
        .values(confirmed_at=when)
    )


@dataclass(frozen=True)
class Confirmed:
    """What confirming one handover removed from this vault."""

    debriefs: int = 0  # the source's debriefs purged with it
    source_left: bool = False  # the source itself is gone (not under ``keep``)


def debriefs_left_to_confirm(session: Session, package_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """The debriefs of the sources these confirmed handovers carried away: purged with
    their source by :func:`confirmed` (and counted there), not by the receipt's own
    purge, whichever package last carried them."""
    if not package_ids:
        return set()
    sources = select(SourceHandover.source_id).where(
        SourceHandover.package_id.in_(package_ids), SourceHandover.direction == OUT
    )
    return set(session.execute(select(Debrief.id).where(Debrief.source_id.in_(sources))).scalars())


def confirmed(
    session: Session, scope: Scope, package_id: uuid.UUID, rule: str, when: datetime
) -> Confirmed:
    """The new runner confirmed the handover: the source is purged per the
    retention rule (``keep`` leaves it, marked handed over). Inside the receipt's
    transaction. Says what was purged, as the audit records it: the receipt's own
    purge leaves the debriefs of a handed-over source to this one."""
    row = session.get(SourceHandover, package_id)
    if row is None or row.direction != OUT:
        return Confirmed()
    row.confirmed_at = when
    if rule == "keep":
        audit_chain.append(
            session,
            scope.actor,
            "source.handover_confirmed",
            record_type="source",
            record_id=row.source_id,
            compartment_id=row.compartment_id,
            detail={"handover_package": package_id.hex, "rule": rule},
        )
        return Confirmed()
    source_id = row.source_id
    ids = source_record_ids(session, source_id)
    debriefs = [uuid.UUID(hex=i) for i in ids["debrief"]]
    purged = purge.purge_targets(session, scope, [(d, package_id) for d in debriefs], rule)
    all_ids = [uuid.UUID(hex=i) for group in ids.values() for i in group]
    # No readable copy of the file may stay in an older package never confirmed.
    outgoing_copies.seal_those_carrying(session, all_ids)
    session.execute(delete(Source).where(Source.id == source_id))  # cascades to its file
    for start in range(0, len(all_ids), 500):
        session.execute(
            update(ExportedRecord)
            .where(ExportedRecord.record_id.in_(all_ids[start : start + 500]))
            .values(purged_at=when)
        )
    row.purged_at = when
    audit_chain.append(
        session,
        scope.actor,
        "source.purged_after_handover",
        record_type="source",
        record_id=source_id,
        compartment_id=row.compartment_id,
        detail={"handover_package": package_id.hex, "rule": rule, "debriefs": purged},
    )
    if rule == "secure_delete" and not purged:
        from app.vault.vault import owe_compaction

        owe_compaction(session)
    return Confirmed(debriefs=purged, source_left=True)
