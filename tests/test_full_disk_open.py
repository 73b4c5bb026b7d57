"""A vault on a full disk: opening it says the disk is full (not that the vault is
damaged, which a missing write-ahead log used to look like), changes nothing, and
the vault opens whole once there is room again. On a real small file system."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from app.errors import StorageFull
from app.services.admin import aliases
from app.services.records import sources
from app.vault.vault import Vault
from tests.helpers import factory


@pytest.fixture
def small_disk() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a small file system needs root to mount (CI runs as root)")
    mount = Path(f"/tmp/veldboek-small-{uuid.uuid4().hex[:8]}")
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)


def _fill(disk: Path) -> Path:
    """Fill the file system to its last byte."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as f, pytest.raises(OSError, match="space") as full:
        _write_until_full(f)
    assert full.value.errno == errno.ENOSPC
    return filler


def _write_until_full(f: BinaryIO) -> None:
    while True:
        f.write(b"\0" * 4096)


def _codenames(root: Path) -> list[str]:
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        return sorted(s.codename for s in sources.list_sources(vault, scope))


def test_opening_a_vault_on_a_full_disk_says_the_disk_is_full(small_disk: Path) -> None:
    root = factory.make_vault(small_disk / "v")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        factory.source(vault, aliases.resolve_scope(vault, factory.RUNNER), "VOL")
    filler = _fill(small_disk)
    before = (root / "vault.db").read_bytes()
    with pytest.raises(StorageFull, match="disk holding the vault is full"):
        Vault.open(root, factory.PASSPHRASE)
    assert (root / "vault.db").read_bytes() == before
    filler.unlink()
    assert _codenames(root) == ["VOL"]


def test_a_second_opening_on_a_full_disk_says_so_too(small_disk: Path) -> None:
    # The write-ahead log is there (the vault is open elsewhere): the unlock's own
    # record is what finds no room.
    root = factory.make_vault(small_disk / "v")
    with Vault.open(root, factory.PASSPHRASE) as first:
        factory.source(first, aliases.resolve_scope(first, factory.RUNNER), "EERST")
        filler = _fill(small_disk)
        with pytest.raises(StorageFull, match="disk holding the vault is full"):
            Vault.open(root, factory.PASSPHRASE)
        filler.unlink()
    assert _codenames(root) == ["EERST"]
