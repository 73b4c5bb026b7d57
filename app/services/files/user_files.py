"""Files a user hands Veldboek to read: packages, receipts, key bundles, reports to
verify, files to attach. Whatever the path points at, nothing is read unless it is
a regular file within its kind's limit (``app.limits``).

The path is looked at before it is opened (opening a device can have effects of
its own), opened without blocking (a pipe swapped in meanwhile cannot hang the
open), and the opened descriptor is checked again: that is the file that is read,
whatever the path names by then. Packages are then read in chunks
(``export.package``); the small kinds at once, never more than their limit.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app import limits
from app.errors import FileTooLarge, UnreadableFile

# O_NONBLOCK: opening a FIFO with no writer would wait forever; a regular file
# ignores it. O_NOCTTY: a terminal device never becomes ours. (Neither on Windows.)
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class Kind:
    name: str
    limit: int  # bytes


PACKAGE = Kind("package", limits.MAX_PACKAGE_BYTES)
RECEIPT = Kind("receipt", limits.MAX_RECEIPT_BYTES)
KEY_BUNDLE = Kind("key bundle", limits.MAX_KEY_BUNDLE_BYTES)
REPORT_PDF = Kind("report", limits.MAX_REPORT_PDF_BYTES)
ATTACHMENT = Kind("attachment", limits.MAX_ATTACHMENT_BYTES)


@dataclass(frozen=True)
class ChosenFile:
    stream: io.FileIO  # positioned at the start
    size: int  # as the opened file said before reading began


def too_large(kind: Kind, where: str) -> FileTooLarge:
    mb = kind.limit // limits.MIB
    if kind is PACKAGE:
        return FileTooLarge(
            "{path} is larger than a Veldboek package can be ({mb} MiB).", path=where, mb=mb
        )
    if kind is RECEIPT:
        return FileTooLarge(
            "{path} is larger than a Veldboek receipt can be ({mb} MiB).", path=where, mb=mb
        )
    if kind is KEY_BUNDLE:
        return FileTooLarge(
            "{path} is larger than a Veldboek key bundle can be ({kb} KiB).",
            path=where,
            kb=kind.limit // limits.KIB,
        )
    if kind is REPORT_PDF:
        return FileTooLarge(
            "{path} is larger than a Veldboek report can be ({mb} MiB).", path=where, mb=mb
        )
    return FileTooLarge("The file is larger than {mb} MB; attach a smaller copy.", mb=mb)


def _refuse_unless_regular(where: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UnreadableFile("{path} is a folder, not a file.", path=where)
    if not stat.S_ISREG(mode):
        raise UnreadableFile(
            "{path} is not an ordinary file (it is a device, a pipe or a socket); "
            "choose the file itself.",
            path=where,
        )


def _cannot_read(where: str, exc: OSError) -> UnreadableFile:
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile("File not found: {path}", path=where)
    return UnreadableFile(
        "Cannot read {path}: {why}.", path=where, why=exc.strerror or type(exc).__name__
    )


@contextmanager
def opened(
    path: Path, kind: Kind, *, dir_fd: int | None = None, nofollow: bool = False
) -> Iterator[ChosenFile]:
    """The file at ``path``, open for reading, once it is known to be a regular file
    of at most ``kind.limit`` bytes. A read error inside the block (a stick pulled
    out) is an ``UnreadableFile`` too. ``dir_fd``: ``path`` is in that folder;
    ``nofollow``: a link is refused, never followed (a folder others write to)."""
    where = str(path)
    try:
        mode = os.stat(path, dir_fd=dir_fd, follow_symlinks=not nofollow).st_mode
        if stat.S_ISLNK(mode):
            raise UnreadableFile("{path} is a link; not read.", path=where)
        _refuse_unless_regular(where, mode)
        fd = os.open(path, _FLAGS | (os.O_NOFOLLOW if nofollow else 0), dir_fd=dir_fd)
    except OSError as exc:
        raise _cannot_read(where, exc) from None
    try:
        info = os.fstat(fd)
        _refuse_unless_regular(where, info.st_mode)
        if info.st_size > kind.limit:
            raise too_large(kind, where)
        stream = io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise
    with stream:
        try:
            yield ChosenFile(stream, info.st_size)
        except OSError as exc:
            raise _cannot_read(where, exc) from None


def check(path: Path, kind: Kind) -> None:
    """Refuse now, without reading, what ``opened`` would refuse: the command line
    checks its file before it opens the vault, so a refused file leaves no trace."""
    with opened(path, kind):
        pass


def read_all(path: Path, kind: Kind) -> bytes:
    """The whole file, for the small kinds (key bundles, reports, attachments)."""
    with opened(path, kind) as chosen:
        # One byte more than the size said: a file still growing is not cut short.
        data = io.BufferedReader(chosen.stream).read(chosen.size + 1)
    if len(data) > chosen.size:
        raise UnreadableFile("{path} changed while it was being read; try again.", path=str(path))
    return data
