"""A used-up disk quota: the file system has room, so only a write finds the limit,
and SQLite reports it as a mere I/O error. The vault must say the disk is full, not
that it is damaged (which would stop every later save)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
import sqlcipher3

from app.errors import DatabaseCorrupt, StorageFull
from app.vault import db_errors
from app.vault.audit_chain import SYSTEM
from app.vault.vault import Vault
from tests.helpers import factory

_IO_ERROR = "disk I/O error"


_real_fsync = os.fsync


def _fsync_over_quota(fd: int) -> None:
    """Files of more than a page are refused as a used-up quota refuses them (the
    vault's own writes are SQLite's, not Python's: only the probe meets this)."""
    if os.fstat(fd).st_size >= 4096:
        raise OSError(errno.EDQUOT, os.strerror(errno.EDQUOT))
    _real_fsync(fd)


@pytest.fixture
def quota_used_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _fsync_over_quota)


def test_an_io_error_with_the_quota_used_up_is_a_full_disk(
    tmp_path: Path, quota_used_up: None
) -> None:
    mapped = db_errors.database_error(sqlcipher3.OperationalError(_IO_ERROR), tmp_path)
    assert isinstance(mapped, StorageFull)
    assert list(tmp_path.iterdir()) == []  # the probe is gone


def test_an_io_error_with_room_to_write_is_damage(tmp_path: Path) -> None:
    mapped = db_errors.database_error(sqlcipher3.OperationalError(_IO_ERROR), tmp_path)
    assert isinstance(mapped, DatabaseCorrupt)
    assert list(tmp_path.iterdir()) == []


def test_a_save_refused_by_the_quota_leaves_the_vault_usable(tmp_path: Path) -> None:
    root = factory.make_vault(tmp_path / "v")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        with pytest.MonkeyPatch.context() as m:
            m.setattr(os, "fsync", _fsync_over_quota)
            with pytest.raises(StorageFull, match="disk is full"), vault.write():
                raise sqlcipher3.OperationalError(_IO_ERROR)  # as the statement would
        assert not vault.damaged
        vault.audit(SYSTEM, "test.after_quota")  # the next save works
