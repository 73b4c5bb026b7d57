"""A received package's signed container, kept once as the evidence of what came.

The container holds the manifest, the sender's signature, every record, file and
audit event (``app/export/container.py``). The handler's vault keeps it as it was
decrypted, zlib-compressed (``PackageEvidence``): a version of a record is read
back from it (``record_version`` names where it lies) and the signature over it
can be checked again at any time. One compressed copy is a seventh of the loose
copies it replaced (migration 0008) and is written in a fraction of their time.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
import zlib

from sqlalchemy.orm import Session

from app.errors import DatabaseCorrupt, NotFound
from app.models.packages import PackageEvidence

COMPRESSION = "zlib"
# Level 1: 53 MB of canonical JSON become 8 MB in 0.4 s here; level 6 saves one
# more MB for twice the time.
LEVEL = 1


class Packing:
    """Hashes and compresses a container in a thread of its own while the import
    checks the records: hashlib and zlib release the GIL, so this takes the
    machine's second core instead of the import's time."""

    def __init__(self, container: bytes) -> None:
        self._done: tuple[str, bytes] | None = None
        self._failed: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(container,), name="veldboek-evidence", daemon=True
        )
        self._thread.start()

    def _run(self, container: bytes) -> None:
        try:
            self._done = (hashlib.sha256(container).hexdigest(), zlib.compress(container, LEVEL))
        except BaseException as exc:  # MemoryError: raised again where the import waits
            self._failed = exc

    def result(self) -> tuple[str, bytes]:
        """(SHA-256 of the container, its compressed bytes), once the thread is done."""
        self._thread.join()
        if self._failed is not None:
            raise self._failed
        assert self._done is not None
        return self._done


def keep(session: Session, package_id: uuid.UUID, packing: Packing) -> None:
    """Store the container in the import's transaction (its package log entry is
    flushed first: the evidence row refers to it)."""
    sha256, data = packing.result()
    session.add(
        PackageEvidence(
            package_id=package_id, container_sha256=sha256, compression=COMPRESSION, data=data
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
    if row.compression != COMPRESSION:
        raise EvidenceDamaged()
    try:
        plain = zlib.decompress(row.data)
    except zlib.error:
        raise EvidenceDamaged() from None
    if hashlib.sha256(plain).hexdigest() != row.container_sha256:
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
