"""Where the print system may put a report while Veldboek prints it.

On Linux, Qt prints through CUPS. Its print engine (``QCupsPrintEngine``) writes
the whole job as a PDF into a temporary file that ``cupsTempFd`` makes in
``$TMPDIR`` (``/tmp`` when unset), hands that file to ``cupsPrintFile`` and then
deletes it (a plain unlink). Meanwhile the page content is an unencrypted file,
and once deleted, unencrypted free blocks of that disk.

So Veldboek points ``TMPDIR`` at an owner-only (0700) directory on a RAM-backed
file system (tmpfs or ramfs) before anything prints: ``$XDG_RUNTIME_DIR/veldboek``
(the per-user runtime directory, tmpfs on systemd systems), else
``/dev/shm/veldboek-<uid>``. When there is none, ``choose`` says why, and the
GUI warns before printing that the print system will spool to disk; the user must
confirm.

What this cannot cover: ``cupsd`` copies the job into its own spool directory
(``/var/spool/cups``, on disk, root's) and keeps it while the job waits and, by
default, for a day after it printed (``PreserveJobFiles``). That copy belongs to
the print system (see docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

RAM_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})
MOUNTS = Path("/proc/self/mounts")
# A spool file older than this is left over from a job that never finished (the
# app stopped mid-print): it is removed when the directory is prepared.
STALE_SECONDS = 3600


@dataclass(frozen=True)
class SpoolDir:
    """The directory the print system's temporary files go to, if it is safe."""

    path: Path | None  # owner-only and RAM-backed; None if there is no such place
    reason: str = ""  # why there is none (for logs and the docs, not vault data)

    @property
    def in_memory(self) -> bool:
        return self.path is not None


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces, tabs, newlines and backslashes as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_type(path: Path, mounts: str) -> str:
    """The file system type of the mount that holds ``path``, from the text of
    /proc/self/mounts ("" if none matches)."""
    best, kind = "", ""
    target = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape(parts[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):  # the last, deepest mount wins
            best, kind = point, parts[2]
    return kind


def candidates(environ: Mapping[str, str], uid: int) -> list[Path]:
    out = []
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        out.append(Path(runtime) / "veldboek")
    # Shared and sticky: prepare() refuses a symlink or a folder someone else made.
    out.append(Path("/dev/shm") / f"veldboek-{uid}")  # noqa: S108
    return out


def prepare(path: Path, uid: int) -> bool:
    """Make ``path`` an owner-only directory of ``uid`` (or check that it is one);
    refuse a symlink or another user's directory, which could be a trap."""
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid:
        return False
    if stat.S_IMODE(info.st_mode) != 0o700:
        try:
            os.chmod(path, 0o700)
        except OSError:
            return False
    _remove_stale(path)
    return True


def _remove_stale(path: Path) -> None:
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(path):
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


def choose(
    environ: Mapping[str, str] | None = None,
    mounts: str | None = None,
    uid: int | None = None,
) -> SpoolDir:
    """The owner-only RAM-backed directory for print spool files, made if need be."""
    if not sys.platform.startswith("linux"):
        return SpoolDir(None, "on this system the print service spools jobs to disk")
    env = os.environ if environ is None else environ
    owner = os.getuid() if uid is None else uid
    if mounts is None:
        try:
            mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return SpoolDir(None, "cannot read the mount table")
    for path in candidates(env, owner):
        if not path.parent.is_dir():
            continue
        if filesystem_type(path, mounts) not in RAM_FILESYSTEMS:
            continue
        if prepare(path, owner):
            return SpoolDir(path)
    return SpoolDir(None, "no owner-only folder in memory (tmpfs) is available")


def use(spool: SpoolDir, environ: MutableMapping[str, str] | None = None) -> bool:
    """Point ``TMPDIR`` (read by CUPS at every job) at ``spool``. True if the print
    system's temporary files now go to memory. Call it early, before threads start
    (``setenv`` while another thread reads the environment is not safe), and again
    before printing, where it changes nothing if it is already in place."""
    env = os.environ if environ is None else environ
    if spool.path is None:
        return False
    if env.get("TMPDIR") != str(spool.path):
        env["TMPDIR"] = str(spool.path)
    return True


def ready_for_printing(environ: MutableMapping[str, str] | None = None) -> SpoolDir:
    """Checked just before a job starts: the directory may have gone (logout of
    another session, a cleaner) since the app started."""
    spool = choose(environ)
    use(spool, environ)
    return spool
