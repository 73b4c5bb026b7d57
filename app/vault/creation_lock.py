"""One process at a time makes a vault in a folder.

Two ``veldboek demo`` (or ``init``) started at once on a new folder would each
build a database and move it into place, the second over the first, under the
first one's header. The lock is a file of its own beside the database being made
(``flock`` on the database itself could conflict with SQLite's own locks where
the two kinds of lock interact); it is removed when creation ends, and a process
that finds it was removed meanwhile takes the new one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from app.errors import VaultBusy

try:
    import fcntl
except ImportError:  # Windows: a file another process holds open cannot be removed there
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "vault.db.creating.lock"


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _busy(root: Path) -> VaultBusy:
    return VaultBusy("Another process is creating a vault at {root}; try again shortly.", root=root)


@contextlib.contextmanager
def creation_lock(root: Path) -> Iterator[None]:
    """Held while the database is built and the header written; refuses at once
    (:class:`VaultBusy`) when another process holds it."""
    path = root / LOCK_NAME
    for _attempt in range(8):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise _busy(root)
        try:
            current = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)  # its holder removed it on the way out: take the new one
    else:
        raise _busy(root)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding it (see the loop above)
        os.close(fd)
