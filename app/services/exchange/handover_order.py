"""Who a handler takes a handover from, whatever the order its packages arrive in
(docs/package-format.md, sections 7.4 and 8).

A handler takes a handover from the runner it holds the source from, or of a
source it does not hold yet. Packages travel on separate sticks, so the new
runner's package, written after taking the source on, may come first: the handler
then holds the source from the new runner, and takes the handover from the old one
too, provided it has seen no handover of that source and holds no first version of
its registration (a source the new runner brought in itself was never handed to
it). The handover's records of it are then the new runner's: records the handler
does not hold yet are added as theirs, the versions it holds stay, an older one is
kept beside them as history, and anything newer than what the new runner sent is
refused (``package_import``). The source's own state (status, codename) stays the
new runner's.

``check_handler`` runs before the handover's records are checked or written, in
the same transaction (``package verify`` and ``package import`` alike), and returns
the source it lets through this way, which its caller hands to ``package_import``.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.export.errors import MalformedPackage
from app.models.packages import PackageOrigin, RecordVersion, SourceHandover


def check_handler(session: Session, handover: dict[str, Any], sender: str) -> dict[str, str]:
    """Refuse a handover from a runner who does not run the source here, unless
    the source is held from the handover's new runner, whose package came first.
    Returns source id (hex) -> the new runner's key for a handover let through
    that way (``package_import`` then treats its records as the new runner's),
    else nothing."""
    source_id = uuid.UUID(handover["source_id"])
    holder = session.execute(
        select(PackageOrigin.sender).where(
            PackageOrigin.record_type == "source", PackageOrigin.record_id == source_id
        )
    ).scalar_one_or_none()
    if holder is None or holder == sender:
        return {}
    if holder == handover["to_runner"] and _came_first(session, source_id):
        return {source_id.hex: holder}
    raise MalformedPackage(
        "The handover comes from a runner who does not run that source in this vault; "
        "nothing was imported."
    )


def _came_first(session: Session, source_id: uuid.UUID) -> bool:
    """The source held from the new runner reached this vault before any handover
    of it: none seen, and no first version of its registration held (the new
    runner sends the registration only once changed after taking it on)."""
    seen = select(SourceHandover.package_id).where(SourceHandover.source_id == source_id)
    first = select(RecordVersion.id).where(
        RecordVersion.record_type == "registration",
        RecordVersion.record_id == source_id,
        RecordVersion.version == 1,
    )
    return (
        session.execute(seen.limit(1)).first() is None
        and session.execute(first.limit(1)).first() is None
    )
