"""Package files on disk: their names (nothing about sender, recipients or
content), and writing a recorded package (or receipt) into a folder the user
chose, guarded by ``output_paths``; a file already there with the same bytes is
the same package.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from app.errors import OutputExists, VaultError
from app.services.files import output_paths
from app.vault.vault import Vault

FILE_SUFFIX = ".age"


def package_file_name(package_id: uuid.UUID) -> str:
    # Nothing in the name about sender, recipients or content.
    return f"veldboek-{package_id}{FILE_SUFFIX}"


class PackageNotWritten(VaultError):
    """The package is made and kept in the vault, but the file could not be written."""

    def __init__(self, package_id: uuid.UUID, reason: str) -> None:
        self.package_id = package_id
        super().__init__(
            "Package {id} was made and is kept in the vault, but the file could not be "
            "written ({reason}). Write it again to a working folder.",
            id=package_id,
            reason=reason,
        )


def _holds(path: Path, data: bytes) -> bool:
    """Is ``path`` already this very file (a package written before)?"""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def write_package_file(
    vault: Vault, package_id: uuid.UUID, to_dir: Path, sealed: bytes, *, overwrite: bool = False
) -> Path:
    """Write a recorded package (or receipt) file into ``to_dir``, guarded by
    ``output_paths``. A file already there with the same bytes is the same package:
    it is left as it is."""
    path = to_dir / package_file_name(package_id)
    try:
        target = output_paths.check_file(path, vaults=[vault.paths.root], overwrite=overwrite)
    except OutputExists:
        if not _holds(path, sealed):
            raise
        return path
    try:
        output_paths.write_file(target, sealed, vaults=[vault.paths.root], overwrite=overwrite)
    except VaultError as exc:
        raise PackageNotWritten(package_id, str(exc).rstrip(".")) from exc
    return path
