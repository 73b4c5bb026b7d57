"""Crash-safe file writes: a temporary file in the same folder, fsync, rename, fsync
of the folder. A crash at any moment leaves either the old or the new file."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from app.errors import StorageFull, VaultError


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    folder = path.parent
    tmp = folder / f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull(
                "The disk holding {folder} is full; nothing was changed.", folder=folder
            ) from exc
        raise VaultError(
            "Could not write {name}: {why}.", name=path.name, why=exc.strerror or exc
        ) from exc
