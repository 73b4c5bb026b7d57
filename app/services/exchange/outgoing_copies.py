"""Sent packages kept until a receipt confirms them (``OutgoingCopy``), so that a
lost or failed copy can be written again byte for byte.

The copy is the signed container, compressed, with the age header, its file key
and the payload nonce: sealing it again gives the same file. The file key opens
nothing the vault does not hold anyway, as long as the vault still holds every
record the package carried. So when a receipt purges a debrief that an older,
never confirmed package also carried, that package's copy goes back to being the
sealed file (ciphertext only its recipients can open) and its file key is dropped.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.crypto import age
from app.errors import DatabaseCorrupt, InvalidInput
from app.export import compression
from app.models.packages import ExportedCopy, OutgoingCopy, PackageLog


class KeptCopyDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "The kept copy of that package does not match the package that was sent: the "
            "vault database is damaged."
        )


def keep(
    session: Session,
    package_id: uuid.UUID,
    sealer: age.Sealer,
    nonce: bytes,
    packing: compression.Packing,
) -> None:
    """Store the copy in the export's transaction, beside its package log entry."""
    container_sha256, packed = packing.result()
    session.add(
        OutgoingCopy(
            package_id=package_id,
            header=sealer.header_text,
            file_key=sealer.file_key,
            nonce=nonce,
            container_sha256=container_sha256,
            compression=compression.METHOD,
            container=packed,
        )
    )


def sealed(session: Session, row: PackageLog) -> bytes:
    """The sealed file of a sent package, as it was written."""
    if row.sealed is not None:  # kept as the file itself (receipts; before migration 0009)
        return row.sealed
    kept = session.get(OutgoingCopy, row.id)
    if kept is None:
        raise InvalidInput("That package was confirmed by a receipt; its copy is no longer kept.")
    inner = compression.unpack(kept.compression, kept.container, kept.container_sha256)
    if inner is None:
        raise KeptCopyDamaged()
    data = age.Sealer(kept.file_key, kept.header).seal_again(inner, kept.nonce)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise KeptCopyDamaged()
    return data


def drop(session: Session, package_id: uuid.UUID) -> None:
    """A receipt confirmed the package: no copy is kept any more."""
    session.execute(delete(OutgoingCopy).where(OutgoingCopy.package_id == package_id))


def seal_those_carrying(session: Session, debrief_ids: Sequence[uuid.UUID]) -> int:
    """Before ``debrief_ids`` are purged: every kept copy of a package that carried
    one of them becomes the sealed file again. Returns how many did."""
    carried = select(ExportedCopy.package_id).where(
        ExportedCopy.record_type == "debrief", ExportedCopy.record_id.in_(debrief_ids)
    )
    ids = list(
        session.execute(
            select(OutgoingCopy.package_id).where(OutgoingCopy.package_id.in_(carried))
        ).scalars()
    )
    for package_id in ids:
        row = session.get(PackageLog, package_id)
        if row is None:
            raise KeptCopyDamaged()
        row.sealed = sealed(session, row)
        drop(session, package_id)
    return len(ids)
