"""Packages recorded in the vault whose file never got its final name.

An export records the package (and marks its debriefs as sent) before the file is
put in place, so that a crash can never leave two packages with one number. A
crash, a kill or a full stick between the two leaves a package that exists only
in the vault: its debriefs are no longer "new", so without this mark the next
export would only say there is nothing to send. The mark (a ``vault_meta`` row) is
set in the export's transaction and removed once the file is in place; what is
still marked is written again at the next export.

Interrupted writes also leave the atomic writer's hidden temporary file
(``.veldboek-<id>.age.tmp-<pid>-<random>``) in the target folder; those of
processes no longer running are removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import VaultError
from app.models import VaultMeta
from app.models.packages import OutgoingCopy, PackageLog
from app.vault.vault import Vault

log = logging.getLogger(__name__)

PREFIX = "package_unwritten:"
# The atomic writer's temporary name for a package or receipt file.
_LEFTOVER = re.compile(r"^\.veldboek-[0-9a-f-]{36}\.age\.tmp-(\d+)-[0-9a-f]{8}$")


@dataclass(frozen=True)
class Unwritten:
    package_id: uuid.UUID
    sequence: int
    kind: str  # "debriefs" | "receipt"


def owe(session: Session, package_id: uuid.UUID) -> None:
    """In the transaction that records the package: its file is still owed, by this
    process (its id is kept so that another export does not take over a write that
    is merely still under way)."""
    value = package_id.bytes + str(os.getpid()).encode("ascii")
    session.add(VaultMeta(key=PREFIX + package_id.hex, value=value))


def settle_in(session: Session, package_id: uuid.UUID) -> None:
    session.execute(delete(VaultMeta).where(VaultMeta.key == PREFIX + package_id.hex))


def settle(vault: Vault, package_id: uuid.UUID) -> None:
    """The file is in place. If the vault cannot record that now, the next export
    writes the same bytes again, which does no harm: that is all this can cost."""
    try:
        with vault.write() as session:
            settle_in(session, package_id)
    except VaultError as exc:
        log.warning("could not record that a package file was written (%s)", type(exc).__name__)


def _writer(value: bytes) -> int:
    digits = value[16:]
    return int(digits) if digits.isdigit() else 0


def owed(session: Session, *, kind: str | None = None) -> list[Unwritten]:
    """Marked packages that can still be written (their copy is kept), by number;
    not those another running process is still writing."""
    ids = [
        uuid.UUID(bytes=value[:16])
        for value in session.execute(
            select(VaultMeta.value).where(VaultMeta.key.startswith(PREFIX, autoescape=True))
        ).scalars()
        if not _elsewhere(_writer(value))
    ]
    if not ids:
        return []
    query = select(PackageLog.id, PackageLog.sequence, PackageLog.kind).where(
        PackageLog.id.in_(ids),
        PackageLog.direction == "out",
        PackageLog.sealed.is_not(None) | PackageLog.id.in_(select(OutgoingCopy.package_id)),
    )
    if kind is not None:
        query = query.where(PackageLog.kind == kind)
    rows = session.execute(query.order_by(PackageLog.created_at, PackageLog.sequence)).all()
    return [Unwritten(r[0], r[1], r[2]) for r in rows]


def _alive(pid: int) -> bool:
    if pid <= 0 or os.name == "nt":
        # Windows: no cheap check; it refuses to delete a file another process holds
        # open, and a package written twice is the same package.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's)
    return True


def _elsewhere(pid: int) -> bool:
    """Is another process, still running, the one writing this?"""
    return pid != os.getpid() and _alive(pid)


def _running(pid: int) -> bool:
    # A temporary file of this very process may be a write under way.
    return pid == os.getpid() or _alive(pid)


def remove_leftovers(folder: Path) -> int:
    """Remove the temporary package files that interrupted writes left in
    ``folder`` (only those of processes that no longer run). Returns how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        found = _LEFTOVER.match(name)
        if found is None or _running(int(found.group(1))):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed += 1
    return removed
