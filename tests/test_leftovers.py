"""Leftover temporary files (issue 15, point 3): a header write killed between its
temporary file and the rename leaves the database key wrapped under the passphrase
of that moment. `check` reports it, the next unlock overwrites and removes it, and
`passwd` refuses to finish while one is left that it cannot remove."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.cli import main
from app.crypto.kdf import derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key
from app.errors import LeftoverFiles
from app.services.admin import aliases, vaults
from app.services.admin.check import check_vault
from app.vault.folder_lock import folder_lock
from app.vault.header import SLOT_DATABASE, VaultHeader, read_header
from app.vault.vault import Vault, passphrase_bytes
from tests.helpers import factory

REPO = Path(__file__).resolve().parent.parent
NEW = "the passphrase of the moment"

# `veldboek passwd`, killed (SIGKILL, as by the OOM killer or a pulled plug) at the
# moment the new header is in its temporary file, synced, and about to be renamed.
KILLED_PASSWD = textwrap.dedent(
    """
    import os
    import signal
    import sys

    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.path.basename(os.fspath(dst)) == "vault.header":
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(src, dst, *args, **kwargs)

    os.replace = replace
    from app.cli import main

    sys.exit(main(sys.argv[1:]))
    """
)


def _opens(header: VaultHeader, passphrase: str) -> bool:
    kek = derive_kek(passphrase_bytes(passphrase), header.kdf)
    try:
        unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
    except UnwrapFailed:
        return False
    return True


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    old, new = tmp_path / "old-pp", tmp_path / "new-pp"
    old.write_text(factory.PASSPHRASE + "\n")
    new.write_text(NEW + "\n")
    return {"old": old, "new": new}


def _kill_a_header_write(root: Path, files: dict[str, Path]) -> Path:
    args = ["passwd", "--vault", str(root), "--passphrase-file", str(files["old"])]
    child = subprocess.run(
        [sys.executable, "-c", KILLED_PASSWD, *args, "--new-passphrase-file", str(files["new"])],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    (leftover,) = root.glob(".vault.header.tmp-*")
    # What makes it dangerous: the key, wrapped under the passphrase of that moment,
    # while the header in place still has the one before.
    assert _opens(VaultHeader.from_bytes(leftover.read_bytes()), NEW)
    assert not _opens(read_header(root / "vault.header"), NEW)
    return leftover


def _holds(root: Path, needle: bytes) -> list[str]:
    return [p.name for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_header_write_is_reported_by_check_then_removed(
    vault_dir: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    leftover = _kill_a_header_write(vault_dir, files)
    wrapped = VaultHeader.from_bytes(leftover.read_bytes()).keys[SLOT_DATABASE].ciphertext
    # A hard link elsewhere sees the same bytes: it shows they are overwritten, not
    # only unlinked (an unlinked file's blocks keep them until reused).
    witness = vault_dir.parent / "witness"
    os.link(leftover, witness)

    code = main(["check", "--vault", str(vault_dir), "--passphrase-file", str(files["old"])])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"FAIL leftover temporary files: 1 from interrupted writes ({leftover.name})" in out
    assert "removed now" in out
    assert err.strip() == "veldboek: vault check FAILED (leftover temporary files)."

    assert not leftover.exists()
    assert _holds(vault_dir, wrapped) == []
    assert witness.read_bytes() == bytes(len(witness.read_bytes()))  # all zeros
    assert witness.stat().st_size > 0
    assert main(["check", "--vault", str(vault_dir), "--passphrase-file", str(files["old"])]) == 0


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_next_unlock_removes_a_killed_header_write(
    vault_dir: Path, files: dict[str, Path]
) -> None:
    leftover = _kill_a_header_write(vault_dir, files)
    wrapped = VaultHeader.from_bytes(leftover.read_bytes()).keys[SLOT_DATABASE].ciphertext
    vault = vaults.unlock(vault_dir, factory.PASSPHRASE)  # as the unlock screen does
    try:
        assert not leftover.exists()
        assert list(vault_dir.glob(".vault.header.tmp-*")) == []
        assert _holds(vault_dir, wrapped) == []
    finally:
        vault.lock()
    # The change was never made: the old passphrase opens, the new one does not.
    assert _opens(read_header(vault_dir / "vault.header"), factory.PASSPHRASE)
    assert not _opens(read_header(vault_dir / "vault.header"), NEW)


def test_every_kind_of_leftover_goes_at_unlock(vault_dir: Path) -> None:
    names = [
        ".vault.header.tmp-123-0badc0de",
        ".unlock-failures.json.tmp-77-12345678",
        "vault.db.creating",
        "vault.db.creating-wal",
        "vault.db.creating-shm",
    ]
    for name in names:
        (vault_dir / name).write_bytes(b"left by a process that died " * 40)
    (vault_dir / ".vault.header.tmp-link").symlink_to(vault_dir.parent / "elsewhere")
    keep = vault_dir / "notes.txt"  # not Veldboek's: never touched
    keep.write_text("mine")
    with Vault.open(vault_dir, factory.PASSPHRASE):
        pass
    left = sorted(p.name for p in vault_dir.iterdir())
    assert left == ["notes.txt", "vault.db", "vault.header", "vault.header.lock"]


def test_a_live_writers_temporary_file_is_left_alone(vault_dir: Path) -> None:
    """A temporary file exists only while its writer holds the folder lock: one
    found while another process holds it may be that writer's, and stays."""
    live = vault_dir / ".vault.header.tmp-999-feedf00d"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from app.vault.folder_lock import folder_lock\n"
            "with folder_lock(Path(sys.argv[1])):\n"
            "    Path(sys.argv[2]).write_bytes(b'being written')\n"
            "    print('holding', flush=True); time.sleep(60)",
            str(vault_dir),
            str(live),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        start = time.monotonic()
        vault = Vault.open(vault_dir, factory.PASSPHRASE)
        vault.close_unrecorded()
        assert live.read_bytes() == b"being written"
        assert time.monotonic() - start < 20  # the unlock did not wait for the writer
        # Nor does check call it a leftover (seen beside a running `passwd`).
        lines = {line.name: line for line in check_vault(vault_dir, factory.PASSPHRASE).lines}
        assert lines["leftover temporary files"].ok
        assert live.read_bytes() == b"being written"
    finally:
        holder.kill()
        holder.wait(timeout=30)
    with Vault.open(vault_dir, factory.PASSPHRASE):
        assert not live.exists()  # the writer is gone: now it is stale


def test_passwd_refuses_while_a_leftover_cannot_be_removed(
    vault_dir: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # A leftover that is not a plain file (here a folder with something in it) is
    # not removed by Veldboek: the user has to look.
    stuck = vault_dir / ".vault.header.tmp-stuck"
    stuck.mkdir()
    (stuck / "something").write_bytes(b"x")
    before = read_header(vault_dir / "vault.header").keys
    args = ["--vault", str(vault_dir), "--passphrase-file", str(files["old"])]
    code = main(["passwd", *args, "--new-passphrase-file", str(files["new"])])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        "veldboek: A leftover temporary file in the vault folder (.vault.header.tmp-stuck) "
        "cannot be removed; it may hold the key under an earlier passphrase. Remove it, then "
        "change the passphrase again. Nothing was changed."
    ]
    assert read_header(vault_dir / "vault.header").keys == before  # not re-wrapped
    # Through the services (the settings page) too.
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    try:
        with pytest.raises(LeftoverFiles):
            vaults.change_passphrase(vault, scope, factory.PASSPHRASE, NEW)
    finally:
        vault.lock()
    assert _opens(read_header(vault_dir / "vault.header"), factory.PASSPHRASE)
    (stuck / "something").unlink()
    stuck.rmdir()
    assert main(["passwd", *args, "--new-passphrase-file", str(files["new"])]) == 0
    assert _opens(read_header(vault_dir / "vault.header"), NEW)


def test_the_folder_lock_is_exclusive_between_processes(vault_dir: Path) -> None:
    with folder_lock(vault_dir):
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path\n"
                "from app.errors import VaultBusy\n"
                "from app.vault.folder_lock import folder_lock\n"
                "try:\n"
                "    with folder_lock(Path(sys.argv[1]), wait=0.5):\n"
                "        print('got it')\n"
                "except VaultBusy as exc:\n"
                "    print(exc)",
                str(vault_dir),
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=60,
        )
    assert other.stdout.strip() == (
        "Another Veldboek process is changing this vault's header; try again in a moment."
    )
