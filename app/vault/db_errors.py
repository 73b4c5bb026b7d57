"""Which user-facing error a SQLite/SQLCipher error stands for (full disk, another
writer, a damaged file), so that every caller says the same one line."""

from __future__ import annotations

from app.errors import DatabaseCorrupt, StorageFull, VaultBusy, VaultError


def database_error(exc: BaseException) -> VaultError | None:
    """The user-facing error a database error stands for, if it is a known kind."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StorageFull("The disk is full: the last change was not saved. Free space and retry.")
    if "database is locked" in text or "database table is locked" in text:
        # SQLITE_BUSY after the busy timeout: another process kept writing that long.
        return VaultBusy(
            "The vault is busy: another Veldboek process is writing to it. Nothing was "
            "changed; try again when it is done."
        )
    if any(s in text for s in ("malformed", "not a database", "hmac", "corrupt", "disk i/o error")):
        return DatabaseCorrupt(
            "The vault database is damaged. Restore it from a backup, or run `veldboek check`."
        )
    return None
