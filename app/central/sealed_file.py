"""The sealed file kept as evidence (``central.package_files``), byte for byte, by
binary COPY in pieces, read with ``pread`` (never moving the file's position, so
the file can be verified meanwhile); and the copy made ahead, by a thread, while
``central ingest`` verifies the package (``Ahead``).

Ahead: decrypting a 50 MB package and checking its signature takes this process
about a fifth of a second, and PostgreSQL about as long to write the sealed file;
one after the other, they were a tenth of a 10,000-debrief ingest. So, where the
file's first chunks hold a manifest signed by an active runner's key registered
here (the manifest holds the body's hash and every record's: its signature is
checked at once, the body when the whole file is read), a transaction is opened
for the package and a thread copies the file into it while this thread verifies
the rest, its pieces named by the manifest's package id and the key's team. No
file that such a key did not sign reaches the server before it is refused, and
nothing is kept unless the package holds: a package refused (its body, a key
revoked meanwhile, the file changed) rolls the transaction back with the pieces,
as any refusal does. The pieces come before the package's row, so this
transaction alone defers their foreign key to the commit
(``c0018_evidence_first``).
"""

from __future__ import annotations

import contextlib
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
from app.central.store import Store, database_error
from app.crypto import age
from app.errors import VeldboekError
from app.export import container, package
from app.export.errors import MalformedPackage
from app.services.exchange import package_validation
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

    def start(self, chosen: user_files.ChosenFile) -> bool:
        """Begin the copy; False if no thread could be started (then nothing was)."""
        self.conn.execute(text("SET CONSTRAINTS central.package_files_package_id_fkey DEFERRED"))

        def run() -> None:
            try:
                self._copied = copy_file(
                    self.conn, chosen, self.package_id, self.team_id, self._stop
                )
            except BaseException as exc:  # handed to the verifying thread (``settle``)
                self._error = exc

        thread = threading.Thread(target=run, name="veldboek-evidence", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had (a limit on processes): copied later
            return False
        self._thread = thread
        return True

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
            # A connection gone away cannot roll back (the server did): what went
            # wrong before is the error to tell, and the pool drops the connection.
            with contextlib.suppress(Exception):
                self._trans.rollback()


def _named_by(
    store: Store, keys: Unlocked, chosen: user_files.ChosenFile
) -> tuple[uuid.UUID, int] | None:
    """The package id and the sender's team, where the file's first chunks hold a
    manifest signed by an active runner's key registered here (its signature
    checked, the body not yet: the manifest holds the body's hash), or None."""
    try:
        manifest_bytes, manifest, signature = package.peek_signed(
            age.Source(chosen.stream, chosen.size), keys.receiving_seed
        )
        pid, fingerprint = manifest.get("package_id"), manifest.get("sender")
        # In their form before any of it goes into a statement (a NUL, say).
        if not (package_validation.is_uuid(pid) and package_validation.is_sha256(fingerprint)):
            return None
        with store.connect() as conn:
            sender = checks.sender(conn, fingerprint)
        if sender.role != "runner" or sender.revoked_on is not None:
            return None  # refused when verified, as ever, with its own message
        if not container.signed_by(manifest_bytes, signature, sender.signing_public):
            return None
        return uuid.UUID(pid), sender.team_id
    except Exception as exc:  # the file's own turn says what is wrong with it
        if isinstance(exc, VeldboekError | OSError | ValueError) or database_error(exc):
            return None
        raise
    finally:
        chosen.stream.seek(0)


@contextmanager
def ahead(store: Store, keys: Unlocked, chosen: user_files.ChosenFile) -> Iterator[Ahead | None]:
    """The sealed file being copied into a transaction opened for it, or None where
    its first chunks do not hold a manifest signed by an active runner registered
    here (it is then checked, and refused, the usual way), or no thread can be
    started. Rolled back on leaving unless committed."""
    named = _named_by(store, keys, chosen)
    if named is None:
        yield None
        return
    with store.connect() as conn:
        sent = Ahead(conn, conn.begin(), *named)
        try:
            yield sent if sent.start(chosen) else None
        finally:
            sent.close()
