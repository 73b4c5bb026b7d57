"""A received package's signed container, kept once as the evidence of what came.

The container holds the manifest, the sender's signature, every record, file and
audit event (``app/export/container.py``). The handler's vault keeps it as it was
decrypted, compressed (``PackageEvidence``, ``app/export/compression.py``): a
version of a record is read back from it (``record_version`` names where it lies)
and the signature over it can be checked again at any time. One compressed copy
is a seventh of the loose copies it replaced (migration 0008) and is written in a
fraction of their time.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy.orm import Session

from app.errors import DatabaseCorrupt, NotFound
from app.export import compression
from app.models.packages import PackageEvidence


def keep(session: Session, package_id: uuid.UUID, packing: compression.Packing) -> None:
    """Store the container in the import's transaction (its package log entry is
    flushed first: the evidence row refers to it)."""
    sha256, data = packing.result()
    session.add(
        PackageEvidence(
            package_id=package_id,
            container_sha256=sha256,
            compression=compression.METHOD,
            data=data,
        )
    )


class EvidenceDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "A received package kept in this vault does not match its stored hash: the "
            "vault database is damaged."
        )


def container(session: Session, package_id: uuid.UUID) -> bytes:
    """The container as it was decrypted, checked against its stored hash."""
    row = session.get(PackageEvidence, package_id)
    if row is None:
        raise NotFound("This vault keeps no copy of that package.")
    plain = compression.unpack(row.compression, row.data, row.container_sha256)
    if plain is None:
        raise EvidenceDamaged()
    return plain


def record_bytes(
    session: Session, package_id: uuid.UUID, offset: int, length: int, sha256: str
) -> bytes:
    """One record's canonical JSON out of its package's container, checked against
    the hash its manifest named."""
    data = container(session, package_id)[offset : offset + length]
    if hashlib.sha256(data).hexdigest() != sha256:
        raise EvidenceDamaged()
    return data
