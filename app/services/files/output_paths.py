"""Where a file the user chose may be written. One guard for every command and
dialog that writes a user-chosen path (reports, key bundles, packages, receipts,
copies of attached files): never into a vault folder, never over one of a vault's
files under another name (a symlink or a hard link), never over a file that is not
a regular file, and never over an existing file unless the user said so (``--force``
on the command line, a confirmation in the app). A refusal writes nothing.

A vault folder is any folder holding a ``vault.header``, and always the open
vault's folder (``--vault``; even with its header lost) and the default and demo
vault folders. The target is checked as typed (made absolute) and
with every symlink resolved, each with all its ancestors.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from app import paths
from app.errors import InvalidInput, OutputExists, UnsafeOutput
from app.vault.atomic import atomic_write_bytes, temp_name
from app.vault.vault import BACKUPS_NAME, HEADER_NAME

Identity = tuple[int, int]  # (st_dev, st_ino)


def _forms(path: Path) -> list[Path]:
    """The path as typed (absolute, ``..`` folded) and with its symlinks resolved."""
    typed = Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    return [typed] if typed == real else [typed, real]


def _identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _known_vaults(vaults: Iterable[Path]) -> list[Path]:
    known = [*vaults, paths.default_vault(), paths.demo_vault()]
    return [Path(os.path.realpath(v)) for v in known]


class _Vaults:
    """The vault folders a target is compared with, and their files' identities."""

    def __init__(self, vaults: Iterable[Path]) -> None:
        self.folders = _known_vaults(vaults)
        self._names = {os.path.normcase(str(f)) for f in self.folders}
        self._ids = {i for i in map(_identity, self.folders) if i is not None}

    def holds(self, folder: Path) -> bool:
        """Is ``folder`` a vault folder (known, or marked by a vault's file)?"""
        if os.path.normcase(str(folder)) in self._names:
            return True
        if os.path.lexists(folder / HEADER_NAME):
            return True
        found = _identity(folder)
        return found is not None and found in self._ids

    def file_ids(self) -> dict[Identity, Path]:
        """Every file of the known vaults (the database, its WAL and shared memory,
        the header, the failure log, leftovers and backups), by identity."""
        out: dict[Identity, Path] = {}
        for folder in self.folders:
            for entry in _entries(folder):
                out.setdefault(entry[0], entry[1])
        return out


def _entries(folder: Path) -> Iterator[tuple[Identity, Path]]:
    for where in (folder, folder / BACKUPS_NAME):
        try:
            listing = list(os.scandir(where))
        except OSError:
            continue
        for entry in listing:
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                yield (st.st_dev, st.st_ino), Path(entry.path)


def _lineage(path: Path) -> Iterator[Path]:
    yield path
    yield from path.parents


def _refuse_vault_folder(path: Path, vaults: _Vaults, *, shown: Path) -> None:
    for linked, form in enumerate(_forms(path)):
        for folder in _lineage(form):
            if not vaults.holds(folder):
                continue
            if folder == form:
                raise UnsafeOutput(
                    "{path} is a vault folder; nothing was written. "
                    "Choose a place outside every vault.",
                    path=shown,
                )
            if linked:
                raise UnsafeOutput(
                    "{path} leads (by a link) into the vault folder {vault}; nothing was "
                    "written. Choose a place outside every vault.",
                    path=shown,
                    vault=folder,
                )
            raise UnsafeOutput(
                "{path} is inside the vault folder {vault}; nothing was written. "
                "Choose a place outside every vault.",
                path=shown,
                vault=folder,
            )


def check_folder(folder: Path, *, vaults: Sequence[Path] = ()) -> Path:
    """``--to DIR`` and a chosen folder: it exists and is no vault's folder, nor
    inside one. Returns it with its symlinks resolved (where the file will go)."""
    _refuse_vault_folder(folder, _Vaults(vaults), shown=folder)
    if folder.exists() and not folder.is_dir():
        # A file's path given for the folder: "does not exist" would send one looking.
        raise InvalidInput(
            "{folder} is a file, not a folder; nothing was written. Give the folder to write into.",
            folder=folder,
        )
    if not folder.is_dir():
        raise InvalidInput("The folder {folder} does not exist.", folder=folder)
    return Path(os.path.realpath(folder))


def check_file(path: Path, *, vaults: Sequence[Path] = (), overwrite: bool = False) -> Path:
    """A file about to be written at ``path``. Refused (``UnsafeOutput``) inside a
    vault folder, if it is one of a vault's files by another name, or if it is not a
    regular file; ``OutputExists`` if it exists and ``overwrite`` is not set.
    Returns the path to write, symlinks resolved: the atomic writer then replaces
    the file the user means, never a link to it."""
    known = _Vaults(vaults)
    _refuse_vault_folder(path, known, shown=path)
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise InvalidInput("The folder {folder} does not exist.", folder=path.parent) from None
        return real
    except OSError as exc:
        raise UnsafeOutput(
            "{path} cannot be checked ({why}); nothing was written.",
            path=path,
            why=exc.strerror or type(exc).__name__,
        ) from None
    vault_file = known.file_ids().get((st.st_dev, st.st_ino))
    if vault_file is not None:
        raise UnsafeOutput(
            "{path} is the vault's file {name} under another name; nothing was written.",
            path=path,
            name=vault_file.name,
        )
    if stat.S_ISDIR(st.st_mode):
        raise UnsafeOutput("{path} is a folder; give the name of a file to write.", path=path)
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeOutput("{path} is not a regular file; nothing was written.", path=path)
    if not overwrite:
        raise OutputExists(
            "{path} already exists; nothing was written. Choose another name, or replace "
            "it on purpose (--force).",
            path=path,
        )
    return real


def check_writable(path: Path, *, shown_as: Path | None = None) -> None:
    """Can a file be written at ``path`` (checked by ``check_file``)? Tried for
    real: the temporary file the atomic write goes through is made and removed, so
    a read-only folder, or a name too long for the file system, is found before
    anything is issued or changed."""
    tmp = temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise UnsafeOutput(
            "{path} cannot be written ({why}); nothing was issued or written.",
            path=shown_as or path,
            why=exc.strerror or type(exc).__name__,
        ) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def file_in(
    folder: Path, name: str, *, vaults: Sequence[Path] = (), overwrite: bool = False
) -> Path:
    """A file named ``name`` to be written in ``folder`` (``--to DIR``): both checked."""
    return check_file(
        check_folder(folder, vaults=vaults) / name, vaults=vaults, overwrite=overwrite
    )


def write_file(
    path: Path, data: bytes, *, vaults: Sequence[Path] = (), overwrite: bool = False
) -> Path:
    """Check ``path`` (``check_file``), then write ``data`` there atomically, owner
    only. Returns where it was written."""
    target = check_file(path, vaults=vaults, overwrite=overwrite)
    atomic_write_bytes(target, data, mode=0o600)
    return target
