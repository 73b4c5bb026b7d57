"""Printing keeps the print system's temporary copy of a report in memory: the
choice of directory, its safety checks, and (with the real libcups that Qt's CUPS
print engine calls) where a print job's temporary file is actually created."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import stat
import time
from pathlib import Path

import pytest

from app.services.reports import printing

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,mode=700,uid=1000 0 0
tmpfs /dev/shm tmpfs rw,relatime 0 0
/dev/vdb /run/user/1000/disk ext4 rw 0 0
/dev/vdc /media/my\\040stick vfat rw 0 0
"""


def test_the_file_system_is_that_of_the_deepest_mount_holding_the_path() -> None:
    assert printing.filesystem_type(Path("/run/user/1000/veldboek"), MOUNTS) == "tmpfs"
    assert printing.filesystem_type(Path("/run/user/1000"), MOUNTS) == "tmpfs"
    assert printing.filesystem_type(Path("/run/user/1000/disk/x"), MOUNTS) == "ext4"
    assert printing.filesystem_type(Path("/run/user/10000/veldboek"), MOUNTS) == "ext4"
    assert printing.filesystem_type(Path("/home/valk/tmp"), MOUNTS) == "ext4"
    assert printing.filesystem_type(Path("/media/my stick/f"), MOUNTS) == "vfat"


def _mounts_with(path: Path, kind: str) -> str:
    return f"/dev/vda / ext4 rw 0 0\nnone {path} {kind} rw 0 0\n"


def test_the_runtime_folder_is_used_when_it_is_in_memory(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    spool = printing.choose({"XDG_RUNTIME_DIR": str(runtime)}, _mounts_with(runtime, "tmpfs"))
    assert spool.path == runtime / "veldboek"
    assert spool.in_memory
    assert stat.S_IMODE(os.stat(spool.path).st_mode) == 0o700
    env: dict[str, str] = {"TMPDIR": "/tmp"}
    assert printing.use(spool, env)
    assert env["TMPDIR"] == str(runtime / "veldboek")


def test_no_folder_on_disk_is_ever_chosen(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    # The runtime folder is on a disk and /dev/shm is not mounted in memory.
    spool = printing.choose({"XDG_RUNTIME_DIR": str(runtime)}, _mounts_with(runtime, "ext4"))
    assert spool.path is None
    assert not spool.in_memory
    assert "memory" in spool.reason
    assert not (runtime / "veldboek").exists()
    env = {"TMPDIR": "/tmp"}
    assert not printing.use(spool, env)
    assert env == {"TMPDIR": "/tmp"}  # left as it was: the GUI warns instead


def test_a_planted_symlink_or_someone_elses_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    trap = tmp_path / "trap"
    trap.symlink_to(elsewhere)
    assert not printing.prepare(trap, os.getuid())
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    assert not printing.prepare(theirs, os.getuid() + 1)
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    assert printing.prepare(loose, os.getuid())
    assert stat.S_IMODE(os.stat(loose).st_mode) == 0o700


def test_a_spool_file_left_by_an_interrupted_job_is_removed(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool.mkdir(mode=0o700)
    old, fresh = spool / "0a1b2c3d4e5f", spool / "0a1b2c3d4e60"
    old.write_bytes(b"%PDF-1.4 left over")
    fresh.write_bytes(b"%PDF-1.4 printing now")
    an_hour_ago = time.time() - printing.STALE_SECONDS - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert printing.prepare(spool, os.getuid())
    assert not old.exists()
    assert fresh.exists()


def test_cups_creates_the_print_job_file_in_the_memory_folder(shm_runtime: Path) -> None:
    """Qt's CUPS print engine asks libcups' cupsTempFd for the file it writes the
    job into. Calling the same function shows where a job's pages would be."""
    name = ctypes.util.find_library("cups")
    if name is None:
        pytest.skip("libcups is not installed")
    cups = ctypes.CDLL(name)
    cups.cupsTempFd.argtypes = [ctypes.c_char_p, ctypes.c_int]
    cups.cupsTempFd.restype = ctypes.c_int

    def job_file() -> Path:
        buffer = ctypes.create_string_buffer(512)
        fd = cups.cupsTempFd(buffer, 512)
        assert fd >= 0
        os.close(fd)
        return Path(buffer.value.decode())

    before = job_file()
    assert before.parent == Path("/tmp")
    before.unlink()

    spool = printing.ready_for_printing()
    assert spool.path == shm_runtime / "veldboek"
    during = job_file()
    try:
        assert during.parent == spool.path
        assert stat.S_IMODE(os.stat(during).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(spool.path).st_mode) == 0o700
        mounts = printing.MOUNTS.read_text(encoding="utf-8")
        assert printing.filesystem_type(during, mounts) in printing.RAM_FILESYSTEMS
        assert list(Path("/tmp").glob(during.name)) == []
    finally:
        during.unlink()
