"""Which user-facing error a SQLite/SQLCipher error stands for (full disk, another
writer, a damaged file), so that every caller says the same one line."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.text import counted
from app.errors import DatabaseCorrupt, StorageFull, VaultBusy, VaultError

log = logging.getLogger(__name__)

# Less free space than this on the vault's file system: an I/O error there is
# taken for a full disk, not for damage (SQLite needs room for its WAL and index).
_LOW_SPACE_BYTES = 1024 * 1024
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT)


def no_room(folder: Path) -> bool:
    """The file system holding ``folder`` is (all but) full, or the user's quota on
    it is used up."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < _LOW_SPACE_BYTES or _quota_used_up(folder)


def _quota_used_up(folder: Path) -> bool:
    """Whether writing in ``folder`` fails for want of room although the file system
    has some: a quota, which ``statvfs`` does not show and SQLite reports as a mere
    I/O error. Only a write tells; the probe holds zeros, never vault content."""
    try:
        fd, name = tempfile.mkstemp(prefix=".veldboek-room-", dir=folder)
    except OSError as exc:
        return exc.errno in _NO_ROOM
    try:
        with os.fdopen(fd, "wb") as probe:
            probe.write(bytes(_LOW_SPACE_BYTES))
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return exc.errno in _NO_ROOM
    finally:
        Path(name).unlink(missing_ok=True)
    return False


def no_room_to_open() -> StorageFull:
    """Opening the vault needs a little room: its write-ahead log, and the record of
    the unlock in its audit log."""
    return StorageFull(
        "The disk holding the vault is full, and opening it needs a little room (every "
        "unlock is recorded in the vault): free some space and try again. Nothing in the "
        "vault was changed."
    )


def database_error(exc: BaseException, folder: Path | None = None) -> VaultError | None:
    """The user-facing error a database error stands for, if it is a known kind.
    ``folder``: the vault's, where an I/O error may stand for a used-up quota."""
    text = str(getattr(exc, "orig", exc)).lower()
    full = "disk is full" in text or "database or disk is full" in text
    if full or ("disk i/o error" in text and folder is not None and no_room(folder)):
        return StorageFull("The disk is full: the last change was not saved. Free space and retry.")
    if "database is locked" in text or "database table is locked" in text:
        # SQLITE_BUSY after the busy timeout: another process kept writing that long.
        return VaultBusy(
            "The vault is busy: another Veldboek process is writing to it. Nothing was "
            "changed; try again when it is done."
        )
    if any(s in text for s in ("malformed", "not a database", "hmac", "corrupt", "disk i/o error")):
        return _damaged()
    return None


def out_of_date() -> VaultBusy:
    """A read met what looked like damage, and the file proved sound from a new
    connection: this process's view of the vault was out of step with what another
    process (a command on the same vault) wrote."""
    return VaultBusy(
        "Another Veldboek process changed the vault while this window had it open, and "
        "this window's view of it was out of date. The vault is sound and nothing was "
        "lost: try again."
    )


def confirm_damage(connect: Callable[[], Any], folder: Path) -> VaultError:
    """What an error that reads as damage in a long-open session stands for, asked
    of a new connection (``connect``) that checks the whole file: damage only if
    the file is damaged; the view of this process out of date if it is sound; busy
    or full if the check cannot run for that reason. Nothing is written."""
    conn = None
    try:
        conn = connect()
        rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except VaultError as exc:  # a new connection could not decrypt the file: damage
        return exc
    except Exception as exc:
        mapped = database_error(exc, folder)
        if isinstance(mapped, (VaultBusy, StorageFull)):
            return mapped
        log.warning("the vault failed its check after an error (%s)", type(exc).__name__)
        return _damaged()
    finally:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
    if rows != ["ok"]:
        log.warning("the vault failed its check after an error (%s)", counted(len(rows), "problem"))
        return _damaged()
    return out_of_date()


def _damaged() -> DatabaseCorrupt:
    return DatabaseCorrupt(
        "The vault database is damaged. Restore it from a backup, or run `veldboek check`."
    )
