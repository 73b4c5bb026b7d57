"""The sealed file kept as evidence (``central.package_files``), byte for byte, by
binary COPY in pieces, read with ``pread`` (never moving the file's position, so
the file can be verified meanwhile); and the copy made ahead, by a thread, while
``central ingest`` verifies the package (``Ahead``).

Ahead: decrypting a 50 MB package and checking its signature takes this process
about a fifth of a second, and PostgreSQL about as long to write the sealed file;
one after the other, they were a tenth of a 10,000-debrief ingest. So a
transaction is opened for the package first and a thread copies the file into it
while this thread verifies, its pieces named by the package id and team that its
manifest gives (read from its first chunks, not yet verified). Nothing is visible
before the commit, and a package refused (its signature, its sender, the file
changed) rolls the transaction back with the pieces, as any refusal does; so does
a manifest that turns out to name another package or sender than the one read
first (the package is then stored the usual way). The pieces come before the
package's row, so this transaction alone defers their foreign key to the commit
(``c0018_evidence_first``).
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, RootTransaction, text

from app.central import ingest_checks as checks
from app.central.bulk import copy_in
from app.central.central_keys import Unlocked
from app.central.store import Store
from app.crypto import age
from app.errors import VeldboekError
from app.export import package
from app.export.errors import MalformedPackage
from app.services.files import user_files

PIECE = 1024 * 1024  # the sealed file is kept in pieces of this size (few held at once)
_COPY = "COPY central.package_files (package_id, team_id, piece, data) FROM STDIN"
_TYPES = "uuid int4 int4 bytea"


class _Stopped(Exception):
    """The package was refused while its file was being copied: the COPY fails."""


def copy_file(
    conn: Connection,
    chosen: user_files.ChosenFile,
    pid: uuid.UUID,
    tid: int,
    stop: threading.Event | None = None,
) -> str:
    """Copy the file in; the SHA-256 of what was copied, or "" if the file is not
    ``chosen.size`` bytes long any more (a writer that still had it open)."""
    fd, size, at, n = chosen.stream.fileno(), chosen.size, 0, 0
    digest = hashlib.sha256()
    with copy_in(conn, _COPY, _TYPES) as out:
        while at < size:
            if stop is not None and stop.is_set():
                raise _Stopped
            chunk = os.pread(fd, min(PIECE, size - at), at)
            if not chunk:
                return ""
            digest.update(chunk)
            out.write_row((pid, tid, n, chunk))
            at, n = at + len(chunk), n + 1
    return "" if os.pread(fd, 1, size) else digest.hexdigest()


def refuse_changed(copied: str, sha256: str) -> None:
    """The file copied must be the one verified (``sha256``)."""
    if copied != sha256:
        raise MalformedPackage("The file changed while it was read; nothing was stored.")


class Ahead:
    """A transaction for one package, its sealed file being copied in by a thread."""

    def __init__(
        self, conn: Connection, trans: RootTransaction, package_id: uuid.UUID, team_id: int
    ) -> None:
        self.conn, self._trans = conn, trans
        self.package_id, self.team_id = package_id, team_id
        self._stop = threading.Event()
        self._copied = ""
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self, chosen: user_files.ChosenFile) -> None:
        self.conn.execute(text("SET CONSTRAINTS central.package_files_package_id_fkey DEFERRED"))

        def run() -> None:
            try:
                self._copied = copy_file(
                    self.conn, chosen, self.package_id, self.team_id, self._stop
                )
            except BaseException as exc:  # handed to the verifying thread (``settle``)
                self._error = exc

        self._thread = threading.Thread(target=run, name="veldboek-evidence", daemon=True)
        self._thread.start()

    def fits(self, package_id: uuid.UUID, team_id: int) -> bool:
        """Whether the verified package is the one the pieces were named for."""
        return package_id == self.package_id and team_id == self.team_id

    def settle(self, sha256: str) -> None:
        """Wait for the copy: its error raised, or the package refused if the file
        copied is not the one verified. The connection is free for statements then."""
        self._join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        refuse_changed(self._copied, sha256)

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def commit(self) -> None:
        self._trans.commit()

    def close(self) -> None:
        """Stop the copy if it still runs and roll back what was not committed."""
        self._stop.set()
        self._join()
        if self._trans.is_active:
            self._trans.rollback()


def _named_by(
    store: Store, keys: Unlocked, chosen: user_files.ChosenFile
) -> tuple[uuid.UUID, int] | None:
    """The package id and the team of the registered sender that the manifest
    names, as the file's first chunks hold it (not verified), or None."""
    try:
        peeked = package.peek_manifest(age.Source(chosen.stream, chosen.size), keys.receiving_seed)
        pid, fingerprint = peeked.get("package_id"), peeked.get("sender")
        if type(pid) is not str or type(fingerprint) is not str:
            return None
        with store.connect() as conn:
            return uuid.UUID(pid), checks.sender(conn, fingerprint).team_id
    except (VeldboekError, OSError, ValueError):  # said when the package is verified
        return None
    finally:
        chosen.stream.seek(0)


@contextmanager
def ahead(store: Store, keys: Unlocked, chosen: user_files.ChosenFile) -> Iterator[Ahead | None]:
    """The sealed file being copied into a transaction opened for it, or None where
    its manifest does not name a package and a registered sender (it is then
    checked, and refused, the usual way). Rolled back on leaving unless committed."""
    named = _named_by(store, keys, chosen)
    if named is None:
        yield None
        return
    with store.connect() as conn:
        sent = Ahead(conn, conn.begin(), *named)
        try:
            sent.start(chosen)
            yield sent
        finally:
            sent.close()
