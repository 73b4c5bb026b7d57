"""Crash-safe file writes: a temporary file in the same folder, fsync, rename, fsync
of the folder. A crash at any moment leaves either the old or the new file; the
temporary file a crash leaves is removed (zeroed first) by the next write of the
same file, once its writer is gone. Also the one careful read of a small file the
vault keeps beside its database (never a pipe or device, never unbounded)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
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


NAME_MAX = 255  # bytes in one file name, on every file system Veldboek writes to
# ".tmp-" + a pid (at most 7 digits on Linux) + "-" + 8 hex digits, and the dot.
_TEMP_SUFFIX_MAX = 1 + len(".tmp-") + 7 + 1 + 8


def _temp_prefix(path: Path) -> str:
    """``.NAME.tmp-``; for a name too long to take the suffix, its first bytes and
    a hash of the whole name instead, so the temporary name fits NAME_MAX and
    stays the same for the same target (a later write finds what a killed one left)."""
    name = path.name
    if len(os.fsencode(name)) + _TEMP_SUFFIX_MAX <= NAME_MAX:
        return f".{name}.tmp-"
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    room = NAME_MAX - _TEMP_SUFFIX_MAX - len(digest) - 1
    short = os.fsencode(name)[:room].decode("utf-8", "ignore")
    return f".{short}~{digest}.tmp-"


def temp_name(path: Path) -> Path:
    """The temporary file a write of ``path`` goes through (fits in NAME_MAX)."""
    return path.parent / f"{_temp_prefix(path)}{os.getpid()}-{os.urandom(4).hex()}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: not ours to judge
    return True


def remove_stale_temps(path: Path) -> list[str]:
    """Remove the temporary files an earlier write of ``path`` left when it was
    killed (``.NAME.tmp-PID-XXXX`` whose process is gone): they may hold what was
    being written (a report's plaintext, a key wrapped under an old passphrase).
    Each is overwritten with zeros and synced before it is unlinked. A file whose
    process still runs is left to it. Returns the names removed."""
    prefix = _temp_prefix(path)
    removed: list[str] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        # This process's own (a write under way in a thread) and a live one's stay.
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            _zero_and_unlink(Path(entry.path))
            removed.append(entry.name)
    return removed


def _zero_and_unlink(path: Path) -> None:
    st = os.lstat(path)
    if stat.S_ISREG(st.st_mode):
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)
        try:
            left = st.st_size
            block = bytes(min(left, 1 << 20))
            while left > 0:
                left -= os.write(fd, block[: min(left, len(block))])
            os.fsync(fd)
        finally:
            os.close(fd)
    os.unlink(path)


class NotRegularFile(OSError):
    """A file the vault keeps is something else (a pipe, a device, a folder)."""


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (the caller judges "too large").
    Opened without blocking and checked on the descriptor, so a pipe or device put
    in the file's place is refused, never waited on or read without end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file")
        chunks = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 16))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
    remove_stale_temps(path)
    tmp = temp_name(path)
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
        remove_stale_temps(path)
        self._tmp = temp_name(path)
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
