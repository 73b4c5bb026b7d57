"""Crash-safe file writes: a temporary file in the same folder, fsync, rename, fsync
of the folder. A crash at any moment leaves either the old or the new file."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
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


def _temp_name(path: Path) -> Path:
    return path.parent / f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}"


def _write_temp(tmp: Path, data: bytes, mode: int) -> None:
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _failed(exc: OSError, path: Path, tmp: Path) -> VaultError:
    with contextlib.suppress(OSError):
        tmp.unlink()
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(
            "The disk holding {folder} is full; nothing was changed.", folder=path.parent
        )
    return VaultError("Could not write {name}: {why}.", name=path.name, why=exc.strerror or exc)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    tmp = _temp_name(path)
    try:
        _write_temp(tmp, data, mode)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise _failed(exc, path, tmp) from exc


class BackgroundWrite:
    """``atomic_write_bytes`` in two steps, the slow one in a thread: the temporary
    file is written and synced while the caller goes on (``os.write`` and ``fsync``
    release the GIL), and nothing is at ``path`` until ``finish`` puts it there.
    ``abandon`` removes it instead. One of the two must be called."""

    def __init__(self, path: Path, data: bytes, *, mode: int = 0o600) -> None:
        self.path = path
        self._tmp = _temp_name(path)
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(data, mode), name="veldboek-file-write", daemon=True
        )
        self._thread.start()

    def _run(self, data: bytes, mode: int) -> None:
        try:
            _write_temp(self._tmp, data, mode)
        except BaseException as exc:  # raised again in finish, in the caller's thread
            self._error = exc

    def finish(self) -> None:
        try:
            self._thread.join()
            if self._error is not None:
                raise self._error
            os.replace(self._tmp, self.path)
            fsync_dir(self.path.parent)
        except OSError as exc:
            raise _failed(exc, self.path, self._tmp) from exc
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        # Also when interrupted (Ctrl-C) while waiting: the temporary file must go,
        # and it can only go once the thread has closed it.
        while self._thread.is_alive():
            with contextlib.suppress(KeyboardInterrupt):
                self._thread.join()
        with contextlib.suppress(OSError):
            self._tmp.unlink()
