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

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DatabaseCorrupt, NotFound, PackageError
from app.export import compression
from app.export import container as container_module
from app.export.errors import BadSignature
from app.models.packages import PackageEvidence, PackagePeer


def keep(session: Session, package_id: uuid.UUID, packing: compression.Packing) -> None:
    """Store the container in the import's transaction (its package log entry is
    flushed first: the evidence row refers to it). The compressed pieces are written
    into the row one by one (SQLite's incremental blob I/O): never joined into one
    copy, nor copied whole into the statement."""
    sha256, pieces = packing.take()
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    cursor = raw.execute(
        "INSERT INTO package_evidence (package_id, container_sha256, compression, data) "
        "VALUES (?, ?, ?, zeroblob(?))",
        (package_id.hex, sha256, compression.METHOD, sum(len(p) for p in pieces)),
    )
    blob = raw.open_blob("package_evidence", "data", cursor.lastrowid)
    try:
        for n, piece in enumerate(pieces):
            blob.write(piece)
            pieces[n] = b""  # each piece goes once it is written
    finally:
        blob.close()


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
    try:
        data = container(session, package_id)[offset : offset + length]
    except NotFound:
        raise EvidenceDamaged() from None  # a version that points at no container
    if hashlib.sha256(data).hexdigest() != sha256:
        raise EvidenceDamaged()
    return data


def verify_all(session: Session) -> tuple[int, list[str]]:
    """Every kept container checked again: its stored hash, and the signature of
    the sender it names, by the key this vault confirmed for them. Returns (how
    many, what failed: package id prefixes with the reason)."""
    problems = []
    signers: dict[str, bytes] = {
        fingerprint: key
        for fingerprint, key in session.execute(
            select(PackagePeer.fingerprint, PackagePeer.signing_public)
        )
    }
    ids = list(session.execute(select(PackageEvidence.package_id)).scalars())
    for package_id in ids:  # one container in memory at a time
        try:
            inner = container_module.parse(container(session, package_id))
            key = signers.get(str(inner.manifest.get("sender")))
            if key is None:
                raise BadSignature("No key this vault confirmed signed the package.")
            inner.verify(key)
        except (EvidenceDamaged, PackageError) as exc:
            problems.append(f"{str(package_id)[:8]}: {exc}")
    return len(ids), problems
