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


KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from app.vault import atomic
def killed(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)  # after the temporary file is complete
os.replace = killed
atomic.atomic_write_bytes(Path(sys.argv[1]), sys.argv[2].encode())
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_next_write_removes_what_a_killed_write_left(tmp_path: Path) -> None:
    """A write killed between its temporary file and the rename leaves a hidden
    file holding what was written (a report's plaintext). The next write of the
    same file removes it, zeroed first; nothing of it stays readable."""
    import subprocess
    import sys

    target = tmp_path / "report.pdf"
    secret = "plaintext of a report " * 100
    child = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(target), secret],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -9
    (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(".report.pdf.tmp-")]
    assert secret.encode() in left.read_bytes()
    witness = tmp_path / "witness"
    os.link(left, witness)  # a second name for the same blocks, to see them zeroed
    atomic.atomic_write_bytes(target, b"the new report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf", "witness"]
    assert target.read_bytes() == b"the new report"
    assert witness.read_bytes() == bytes(len(witness.read_bytes()))  # all zeros
    assert secret.encode() not in witness.read_bytes()


def test_a_live_writers_temporary_file_is_left_to_it(tmp_path: Path) -> None:
    parent = os.getppid()  # a process that surely runs
    live = tmp_path / f".report.pdf.tmp-{parent}-abcd1234"
    live.write_bytes(b"being written")
    own = tmp_path / f".report.pdf.tmp-{os.getpid()}-abcd1234"
    own.write_bytes(b"a write of this process, in a thread")
    other = tmp_path / ".other.pdf.tmp-999999999-abcd1234"
    other.write_bytes(b"another file's")
    atomic.atomic_write_bytes(tmp_path / "report.pdf", b"new")
    assert live.read_bytes() == b"being written"
    assert own.exists()
    assert other.exists()


@pytest.mark.skipif(os.name == "nt", reason="FIFOs are POSIX")
def test_a_pipe_in_place_of_a_kept_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    from app.errors import HeaderCorrupt
    from app.vault import attempts
    from app.vault.header import read_header

    fifo = tmp_path / "vault.header"
    os.mkfifo(fifo)
    with pytest.raises(HeaderCorrupt, match="not a regular file"):
        read_header(fifo)  # would block for a writer that never comes
    log = tmp_path / "unlock-failures.json"
    os.mkfifo(log)
    assert attempts.read_failures(log) == []
    assert attempts.seconds_until_allowed(log) == 0.0


def test_an_oversized_failure_log_is_not_read_whole(tmp_path: Path) -> None:
    from app.vault import attempts

    log = tmp_path / "unlock-failures.json"
    with log.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: 4 GiB that take no disk
    assert attempts.read_failures(log) == []
