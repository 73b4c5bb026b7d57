"""The package log: every package and receipt sent or received, numbered per
channel (one sender to one set of recipients) and chained by hash.

Incoming packages are judged here: a package seen before (same id or same bytes)
is a replay; another package already holding the same number is a conflict; a
number beyond the next one leaves a gap (a package is missing); a number below it
that was never seen fills a gap late. Only replays and conflicts are refused.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.dal.keyset import Sort, SortKeys, cut
from app.domain.scope import Scope
from app.errors import Notice
from app.export import gaps
from app.models.packages import OutgoingCopy, PackageLog, PackagePeer
from app.services.views import Page
from app.vault.vault import Vault

OUT = "out"
IN = "in"


def channel_key(sender: str, recipients: Sequence[str]) -> str:
    return hashlib.sha256(f"{sender}|{','.join(sorted(recipients))}".encode()).hexdigest()


def next_out(session: Session, channel: str) -> tuple[int, str]:
    """(next sequence number, hash of the last package) for an outgoing channel."""
    last = session.execute(
        select(PackageLog.sequence, PackageLog.sha256)
        .where(PackageLog.direction == OUT, PackageLog.channel == channel)
        .order_by(PackageLog.sequence.desc())
        .limit(1)
    ).first()
    return (1, "") if last is None else (last[0] + 1, last[1])


@dataclass(frozen=True)
class Arrival:
    """How an incoming package fits its channel."""

    status: str  # "new" | "gap" | "late" | "already imported" | "conflict"
    warnings: tuple[Notice, ...] = ()

    @property
    def refused(self) -> bool:
        return self.status in ("already imported", "conflict")


def links_broken(
    held: dict[int, str], links: dict[int, str], sequence: int, sha256: str, previous: str
) -> list[Notice]:
    """The chain around package ``sequence`` (section 8): its link to the package
    before, as held (``held``: number to file hash), and, arriving late, the link
    of the package after it (``links``: number to its ``previous``) to it."""
    broken = []
    if sequence - 1 in held and previous != held[sequence - 1]:
        broken.append(sequence)
    if sequence + 1 in links and links[sequence + 1] != sha256:
        broken.append(sequence + 1)
    return [
        Notice(
            "Package {n} does not follow package {before} as imported here "
            "(its link to the previous package differs).",
            n=n,
            before=n - 1,
        )
        for n in broken
    ]


def arrival(
    session: Session,
    *,
    channel: str,
    package_id: uuid.UUID,
    sha256: str,
    sequence: int,
    previous: str,
) -> Arrival:
    seen = session.execute(
        select(PackageLog.id).where(
            PackageLog.direction == IN,
            (PackageLog.id == package_id) | (PackageLog.sha256 == sha256),
        )
    ).first()
    if seen is not None:
        return Arrival("already imported")
    rows = session.execute(
        select(PackageLog.sequence, PackageLog.sha256, PackageLog.previous).where(
            PackageLog.direction == IN, PackageLog.channel == channel
        )
    ).all()
    held = {r[0]: r[1] for r in rows}
    links = {r[0]: r[2] for r in rows}
    if sequence in held:
        return Arrival(
            "conflict",
            (
                Notice(
                    "Another package numbered {n} from this sender was already imported.",
                    n=sequence,
                ),
            ),
        )
    warnings = links_broken(held, links, sequence, sha256, previous)
    expected = max(held, default=0) + 1
    if sequence < expected:
        warnings.append(Notice("Package {n} arrived late; it fills a gap.", n=sequence))
        status = "late"
    elif sequence > expected:
        warnings.append(not_arrived(gaps.missing(held, sequence)))
        status = "gap"
    else:
        status = "new"
    return Arrival(status, tuple(warnings))


def not_arrived(missing: list[gaps.Gap]) -> Notice:
    """The warning of a gap in a sender's numbers (a vault's import and central's)."""
    numbers = gaps.text(missing)
    if gaps.count(missing) == 1:
        return Notice("Package {numbers} from this sender has not arrived.", numbers=numbers)
    return Notice("Packages {numbers} from this sender have not arrived.", numbers=numbers)


@dataclass(frozen=True)
class Missing:
    peer: str
    ranges: tuple[gaps.Gap, ...]

    @property
    def numbers(self) -> str:
        """``3, 5–9`` (ranges, never one by one)."""
        return gaps.text(self.ranges)

    @property
    def count(self) -> int:
        return gaps.count(self.ranges)


def missing(vault: Vault) -> list[Missing]:
    """Per sender, the numbers below the highest received that never arrived."""
    with vault.read() as session:
        rows = session.execute(
            select(PackageLog.channel, PackageLog.sequence, PackagePeer.name)
            .outerjoin(PackagePeer, PackagePeer.id == PackageLog.peer_id)
            .where(PackageLog.direction == IN)
        ).all()
    held: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str] = {}
    for channel, sequence, name in rows:
        held[channel].add(sequence)
        names[channel] = name or "?"
    out = []
    for channel, numbers in held.items():
        found = tuple(gaps.missing(numbers, max(numbers)))
        if found:
            out.append(Missing(names[channel], found))
    return sorted(out, key=lambda m: m.peer)


@dataclass(frozen=True)
class LogEntry:
    package_id: uuid.UUID
    direction: str
    kind: str
    counterpart: str
    sequence: int
    records: int
    created_at: datetime
    processed_at: datetime
    confirmed_at: datetime | None
    can_write_again: bool


PAGE_SIZE = 500
# Newest first by default; within one way, number, count, counterpart or state,
# by time processed; the package id breaks ties between entries processed in the
# same microsecond (a receipt and the packages it confirmed, a batch import).
LOG_SORTS = SortKeys(
    {
        "when": (PackageLog.processed_at,),
        "way": (PackageLog.direction, PackageLog.kind, PackageLog.processed_at),
        "number": (PackageLog.sequence, PackageLog.processed_at),
        "records": (PackageLog.records, PackageLog.processed_at),
        "with": (PackageLog.counterpart, PackageLog.processed_at),
        # Unconfirmed ('') before confirmed, these by the time of their receipt.
        "state": (
            func.coalesce(type_coerce(PackageLog.confirmed_at, String), ""),
            PackageLog.processed_at,
        ),
    },
    tiebreak=PackageLog.id,
    default=Sort("when", descending=True),
)


def log_page(
    vault: Vault,
    scope: Scope,
    *,
    sort: Sort | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page[LogEntry]:
    """One keyset page of the log in ``sort``'s order (newest first unless told);
    pass the returned cursor as ``after`` for the next page, with the same sort.
    Packages carry no compartment of their own; the log shows only numbers and
    counts, never what the records were."""
    del scope  # every alias of the vault's user may see its package log
    keyset = LOG_SORTS.keyset(sort)
    query = select(
        PackageLog.id,
        PackageLog.direction,
        PackageLog.kind,
        PackageLog.counterpart,
        PackageLog.sequence,
        PackageLog.records,
        PackageLog.created_at,
        PackageLog.processed_at,
        PackageLog.confirmed_at,
        PackageLog.sealed.is_not(None) | PackageLog.id.in_(select(OutgoingCopy.package_id)),
        *keyset.cursor_columns(),
    )
    with vault.read() as session:
        rows, has_more = cut(session.execute(keyset.page(query, after, limit)).all(), limit)
    entries = tuple(
        LogEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9])) for r in rows
    )
    cursor = keyset.cursor_from(rows[-1][10:]) if rows else None
    return Page(entries, cursor, has_more)


def log_entries(vault: Vault, scope: Scope) -> list[LogEntry]:
    """The whole log, newest first, read page by page."""
    entries: list[LogEntry] = []
    cursor = None
    while True:
        page = log_page(vault, scope, after=cursor)
        entries += page.rows
        if not page.has_more:
            return entries
        cursor = page.cursor
