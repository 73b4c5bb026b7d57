"""Crash-safe file writes (``app.vault.atomic``): the file appears whole under its
name or not at all, and a failure names its cause and leaves no temporary file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from app.errors import StorageFull, VaultError
from app.vault import atomic

DATA = os.urandom(3 * 1024 * 1024)


def test_a_background_write_appears_only_when_finished(tmp_path: Path) -> None:
    target = tmp_path / "package.vbpkg"
    writing = atomic.BackgroundWrite(target, DATA, mode=0o600)
    assert not target.exists()  # written under a temporary name meanwhile
    writing.finish()
    assert target.read_bytes() == DATA
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == [target.name]


def test_an_abandoned_write_leaves_nothing(tmp_path: Path) -> None:
    atomic.BackgroundWrite(tmp_path / "package.vbpkg", DATA).abandon()
    assert os.listdir(tmp_path) == []


def _fails_with(code: int) -> object:
    real = atomic._write_temp

    def write(tmp: Path, data: bytes, mode: int) -> None:
        real(tmp, data[:4096], mode)
        raise OSError(code, os.strerror(code))

    return write


def test_a_full_disk_is_named_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_write_temp", _fails_with(errno.ENOSPC))
    writing = atomic.BackgroundWrite(tmp_path / "package.vbpkg", DATA)
    with pytest.raises(StorageFull, match="is full"):
        writing.finish()
    assert os.listdir(tmp_path) == []
    with pytest.raises(StorageFull):
        atomic.atomic_write_bytes(tmp_path / "other", DATA)
    assert os.listdir(tmp_path) == []


def test_another_failure_names_the_file_and_its_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_write_temp", _fails_with(errno.EIO))
    writing = atomic.BackgroundWrite(tmp_path / "package.vbpkg", DATA)
    with pytest.raises(VaultError, match=r"Could not write package\.vbpkg: Input/output error"):
        writing.finish()
    assert os.listdir(tmp_path) == []


def test_a_folder_that_went_away_is_a_clear_error(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    writing = atomic.BackgroundWrite(stick / "package.vbpkg", DATA)
    writing.finish()
    (stick / "package.vbpkg").unlink()
    stick.rmdir()  # the stick was pulled out
    with pytest.raises(VaultError, match="Could not write"):
        atomic.BackgroundWrite(stick / "package.vbpkg", DATA).finish()
