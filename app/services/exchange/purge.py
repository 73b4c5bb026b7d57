"""Purging what a receipt confirmed: once the handler holds a debrief, the laptop
need no longer keep it.

A debrief is purged when the newest version this vault exported was confirmed and
the debrief has not changed since (otherwise it still has to go out again). Purged:
the debrief with its items, addenda and attached files, the subjects only those
items named, readable copies of it in older packages never confirmed (they go back
to being sealed files: ``outgoing_copies``), and the details of its contact
(location codeword, attendees, reconnaissance and safety notes). Kept, as the unit's
rules require: the source file itself, taskings and payments (accountability; they
lose only their link to the debrief), the date, kind and length of the contact
(contact frequency and welfare follow-up), the export trace (which version went out
in which package, with its hash) and the audit log.

Rules (setting ``retention_after_receipt``): ``keep`` purges nothing; ``delete``
removes the rows (SQLite's secure_delete zeroes the freed space); ``secure_delete``
also merges the search index, rebuilds the file and empties the write-ahead log,
so no page that held the records survives anywhere in the vault folder.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.domain.scope import Scope
from app.errors import InvalidInput
from app.models import (
    Attachment,
    Contact,
    ContactAttendee,
    Debrief,
    IntelligenceItem,
    ItemSubject,
    Subject,
)
from app.models.packages import ExportedRecord, PackageLog
from app.services.exchange import outgoing_copies, package_json, package_log, packages
from app.vault import audit_chain
from app.vault.vault import Vault, owe_compaction

RULES = ("keep", "delete", "secure_delete")


@dataclass(frozen=True)
class PurgeResult:
    debriefs: int
    rule: str


def purgeable(session: Session) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(debrief id, confirming package id) of debriefs safe to purge: confirmed,
    and unchanged since they went out. (A receipt takes this set before it applies
    its reviews: an approval changes a record only by what the handler holds.)"""
    newest = (
        select(ExportedRecord.record_id, func.max(ExportedRecord.version).label("version"))
        .where(ExportedRecord.record_type == "debrief")
        .group_by(ExportedRecord.record_id)
        .subquery()
    )
    rows = session.execute(
        select(
            ExportedRecord.record_id,
            ExportedRecord.version,
            ExportedRecord.sha256,
            ExportedRecord.format,
            ExportedRecord.package_id,
        )
        .join(
            newest,
            (newest.c.record_id == ExportedRecord.record_id)
            & (newest.c.version == ExportedRecord.version),
        )
        .join(PackageLog, PackageLog.id == ExportedRecord.package_id)
        .join(Debrief, Debrief.id == ExportedRecord.record_id)
        .where(
            ExportedRecord.record_type == "debrief",
            ExportedRecord.purged_at.is_(None),
            # Confirmed by a receipt for a package this vault sent (a new runner's
            # vault names what a handover brought as sent in it: never purged so).
            PackageLog.direction == package_log.OUT,
            PackageLog.confirmed_at.is_not(None),
        )
    ).all()
    if not rows:
        return []
    now_hash = {e.id: e.sha256 for e in package_json.debriefs(session, [r[0] for r in rows])}
    sent = {rid: packages.Sent(version, sha, fmt) for rid, version, sha, fmt, _pid in rows}
    same = packages.unchanged_since_sent(session, now_hash, sent, "debrief")
    # Changed here since it went out (an addendum, an answer): it must go out again first.
    return [(rid, pid) for rid, _v, _sha, _fmt, pid in rows if rid in same]


def purge_confirmed(
    vault: Vault,
    scope: Scope,
    *,
    mode: str,
) -> PurgeResult:
    _check_rule(mode)
    if mode == "keep":
        return PurgeResult(0, mode)
    with vault.write() as session:
        purged = purge_targets(session, scope, purgeable(session), mode)
    if purged and mode == "secure_delete":
        vault.compact()
    return PurgeResult(purged, mode)


def purge_targets(
    session: Session, scope: Scope, targets: list[tuple[uuid.UUID, uuid.UUID]], mode: str
) -> int:
    """Purge ``targets`` (from ``purgeable``) inside the caller's transaction; after
    it commits, ``secure_delete`` still needs ``vault.compact()``."""
    _check_rule(mode)
    if mode == "keep":
        return 0
    for start in range(0, len(targets), 500):
        _purge_chunk(session, scope, targets[start : start + 500], mode)
    if targets and mode == "secure_delete":
        owe_compaction(session)  # made up at the next unlock if compact() fails
    return len(targets)


def _check_rule(mode: str) -> None:
    if mode not in RULES:
        raise InvalidInput("Unknown retention rule.")


def _purge_chunk(
    session: Session, scope: Scope, targets: list[tuple[uuid.UUID, uuid.UUID]], mode: str
) -> None:
    ids = [rid for rid, _ in targets]
    debriefs = session.execute(
        select(Debrief.id, Debrief.compartment_id, Debrief.contact_id).where(Debrief.id.in_(ids))
    ).all()
    item_ids = select(IntelligenceItem.id).where(IntelligenceItem.debrief_id.in_(ids))
    subject_ids = set(
        session.execute(
            select(ItemSubject.subject_id).where(ItemSubject.item_id.in_(item_ids))
        ).scalars()
    )
    contact_ids = {c for _, _, c in debriefs if c is not None}
    # No readable copy of them may stay in an older package that was never confirmed.
    outgoing_copies.seal_those_carrying(session, ids)
    session.execute(delete(Attachment).where(Attachment.debrief_id.in_(ids)))
    # Items, their subject links and addenda go with the debrief (ON DELETE CASCADE);
    # taskings and payments stay and lose the link (ON DELETE SET NULL).
    session.execute(delete(Debrief).where(Debrief.id.in_(ids)))
    if subject_ids:
        still_named = select(ItemSubject.subject_id).where(ItemSubject.subject_id.in_(subject_ids))
        session.execute(
            delete(Subject).where(Subject.id.in_(subject_ids), Subject.id.not_in(still_named))
        )
    if contact_ids:
        in_use = select(Debrief.contact_id).where(Debrief.contact_id.in_(contact_ids))
        bare = select(Contact.id).where(Contact.id.in_(contact_ids), Contact.id.not_in(in_use))
        session.execute(delete(ContactAttendee).where(ContactAttendee.contact_id.in_(bare)))
        session.execute(
            update(Contact)
            .where(Contact.id.in_(bare))
            .values(location_codeword="", reconnaissance_notes="", safety_notes="", notes="")
        )
    now = utc_now()
    session.execute(
        update(ExportedRecord)
        .where(ExportedRecord.record_type == "debrief", ExportedRecord.record_id.in_(ids))
        .values(purged_at=now)
    )
    packages = dict(targets)
    for debrief_id, compartment_id, contact_id in debriefs:
        # The contact named, even None: a handover tells by it a contact whose
        # debrief went out from one no debrief ever carried (``handover_ready``).
        audit_chain.append(
            session,
            scope.actor,
            "debrief.purged",
            record_type="debrief",
            record_id=debrief_id,
            compartment_id=compartment_id,
            detail={
                "contact": contact_id.hex if contact_id else None,
                "package": packages[debrief_id].hex,
                "rule": mode,
            },
        )
