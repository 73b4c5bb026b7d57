"""Temporary files that an interrupted write left in the vault folder.

A kill during a header write leaves ``.vault.header.tmp-*``: the database key
wrapped under the passphrase of that moment, which keeps that passphrase alive
after it was changed. A kill during an unlock-failure write leaves
``.unlock-failures.json.tmp-*``, and one during vault creation
``vault.db.creating*``. Each is written only under the folder lock
(``folder_lock``), so whoever holds the lock knows that any it finds is stale.
Removal overwrites a file with zeros and syncs it before unlinking it, so its
bytes are not left in the freed blocks for the next reader of the disk (within
what the file system allows: see docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from app.errors import VaultError
from app.vault.atomic import fsync_dir
from app.vault.folder_lock import folder_lock

PATTERNS = (".vault.header.tmp-*", ".unlock-failures.json.tmp-*", "vault.db.creating*")
_CHUNK = 1 << 20


def find(root: Path) -> list[Path]:
    """Leftover temporary files in ``root`` (sorted), without touching them."""
    found: set[Path] = set()
    with contextlib.suppress(OSError):
        for pattern in PATTERNS:
            found.update(root.glob(pattern))
    return sorted(found)


def find_stale(root: Path, *, wait: float = 2.0) -> list[Path]:
    """Leftovers, looked for under the folder lock: a temporary file that a live
    writer holds the lock for is not one. None if the lock is not to be had."""
    if not find(root):
        return []
    try:
        with folder_lock(root, wait=wait):
            return find(root)
    except VaultError:
        return []


def remove(root: Path) -> list[Path]:
    """Overwrite and unlink every leftover. Call with the folder lock held.
    Returns those that could not be removed."""
    kept: list[Path] = []
    removed = False
    for path in find(root):
        try:
            _destroy(path)
            removed = True
        except OSError:
            kept.append(path)
    if removed:
        with contextlib.suppress(OSError):
            fsync_dir(root)
    return kept


def _destroy(path: Path) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        path.unlink()  # the link only: what it points at is not ours
        return
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(path)  # not something Veldboek makes: left to the user
    flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        remaining = os.fstat(fd).st_size
        zeros = bytes(min(_CHUNK, remaining))
        while remaining > 0:
            remaining -= os.write(fd, zeros[: min(_CHUNK, remaining)])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
