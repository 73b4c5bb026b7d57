"""The vault folder's file lock: one process at a time changes the small files
beside the database (the header, the failed-unlock log) or creates the database.

An OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on an empty file,
``vault.header.lock``, in the vault folder. The OS drops it when its holder dies,
so a killed process never leaves the vault locked. Every header write reads the
header on disk *under this lock* and derives the new one from it, so no process
can write back a header older than the one on disk (``header.update_header``).
Temporary files of these writes exist only while their writer holds the lock:
whoever holds it may remove any it finds as stale (``leftovers``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from app.errors import VaultBusy, VaultError

LOCK_NAME = "vault.header.lock"
# Holders keep it for milliseconds (a passphrase change: one audit write, which
# waits at most the database's busy timeout). Far longer means a hung process.
WAIT_SECONDS = 30.0
_POLL_SECONDS = 0.02

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


@contextlib.contextmanager
def folder_lock(root: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the vault folder's lock; ``VaultBusy`` if another process keeps it
    longer than ``wait`` seconds. Not reentrant: take it once per operation."""
    deadline = time.monotonic() + wait
    path = lock_path(root)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only or vanished folder
            raise VaultError(
                "Could not write {name}: {why}.", name=path.name, why=exc.strerror or exc
            ) from exc
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise VaultBusy(
                        "Another Veldboek process is changing this vault's header; "
                        "try again in a moment."
                    )
                time.sleep(_POLL_SECONDS)
            # Someone may have deleted the lock file after we opened it: a lock on
            # a file no longer at ``path`` would exclude no one. Lock the one there.
            with contextlib.suppress(FileNotFoundError):
                if os.path.samestat(os.fstat(fd), os.stat(path)):
                    break
            _unlock(fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    try:
        yield
    finally:
        try:
            _unlock(fd)
        finally:
            os.close(fd)
