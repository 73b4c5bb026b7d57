"""What a vault folder holds, by name, and the keys of its ``vault_meta`` table.

A vault is a folder::

    vault.db                 SQLCipher 4 database, keyed with a random 256-bit key
    vault.header             versioned JSON: KDF parameters and the wrapped keys
    vault.header.lock        empty; its OS lock serialises header writes (folder_lock)
    unlock-failures.json     timestamps of failed unlocks (until the next unlock)
    backups/                 encrypted copies taken before each schema migration
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.models import VaultMeta

DB_NAME = "vault.db"
HEADER_NAME = "vault.header"
ATTEMPTS_NAME = "unlock-failures.json"
BACKUPS_NAME = "backups"
BACKUPS_KEPT = 3
MIN_DB_BYTES = 4096  # one page: anything shorter cannot be a vault

META_VAULT_ID = "vault_id"
META_IDENTITY_PUBLIC = "identity_public_key"
# Set in the transaction that deletes records under the secure rule, cleared once
# ``compact`` has rebuilt the file and emptied the WAL: a rebuild that failed (a
# full disk, another writer, a crash) is made up at the next unlock.
META_COMPACTION_OWED = "compaction_owed"


def owe_compaction(session: Session) -> None:
    session.merge(VaultMeta(key=META_COMPACTION_OWED, value=b"1"))


@dataclass(frozen=True)
class VaultPaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def header(self) -> Path:
        return self.root / HEADER_NAME

    @property
    def attempts(self) -> Path:
        return self.root / ATTEMPTS_NAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_NAME

    def exists(self) -> bool:
        return self.header.is_file()
