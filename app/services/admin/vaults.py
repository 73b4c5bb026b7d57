"""Vault lifecycle for the UI and CLI: create (with calibration), unlock, the
second-factor question, passphrase rules. The UI reaches the vault layer only
through here."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.crypto.kdf import DEFAULT_TARGET_SECONDS
from app.domain.enums import Role
from app.domain.scope import Actor, Scope
from app.errors import InvalidInput, Notice
from app.vault import attempts
from app.vault.audit_chain import SYSTEM
from app.vault.device_secret import KeyringStore
from app.vault.header import VaultHeader
from app.vault.layout import ATTEMPTS_NAME, BACKUPS_NAME
from app.vault.passphrase import MIN_LENGTH, Strength, check_new_passphrase, estimate_strength
from app.vault.vault import Vault, VaultPaths, create_vault

__all__ = [
    "MIN_LENGTH",
    "FailedAttempts",
    "Strength",
    "Vault",
    "VaultInfo",
    "change_passphrase",
    "check_new_passphrase",
    "create",
    "describe",
    "estimate_strength",
    "exists",
    "failed_attempts",
    "integrity_warning",
    "keyring_available",
    "seconds_until_retry",
    "unlock",
]

ProgressFn = Callable[[str, float], None]


def exists(root: Path) -> bool:
    return VaultPaths(root).exists()


def keyring_available() -> bool:
    return KeyringStore().available()


# What a file manager leaves in any folder it shows, unseen by the user.
_DESKTOP_FILES = frozenset({".DS_Store", "desktop.ini", "Thumbs.db", ".directory"})


def _a_vault_folders(name: str) -> bool:
    """A file a vault folder may hold before ``create``: a vault's own (an
    interrupted creation leaves ``.vault.header.tmp-…``), or a desktop's."""
    return (
        name in (ATTEMPTS_NAME, BACKUPS_NAME)
        or name.startswith(("vault.", ".vault."))
        or name in _DESKTOP_FILES
    )


def _refuse_a_folder_in_use(folder: Path) -> None:
    """A vault gets a folder of its own: one holding other files (the stick that
    carries packages, a home folder) would take the vault where they go, and every
    file later written there would be refused as inside a vault. What a vault
    folder holds (app/vault/layout.py: one already made, an interrupted creation)
    is left to ``create``, which says what it found."""
    try:
        names = os.listdir(folder)
    except OSError:  # missing (create makes it) or not a folder (create says so)
        return
    if any(not _a_vault_folders(n) for n in names):
        raise InvalidInput(
            "{folder} already holds other files; nothing was made. A vault gets a folder "
            "of its own: give a new or empty one.",
            folder=folder,
        )


def create(
    root: Path,
    passphrase: str,
    *,
    alias_name: str,
    role: Role,
    use_device_secret: bool = False,
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    progress: ProgressFn | None = None,
) -> VaultHeader:
    """Calibrate Argon2id on this machine, then create the vault. Slow (seconds):
    run it off the GUI thread. The header says what was calibrated. A folder that
    holds other files is refused first, whoever makes the vault (the first run,
    ``init``, ``demo``)."""
    _refuse_a_folder_in_use(root)
    return create_vault(
        root,
        passphrase,
        alias_name=alias_name,
        role=role,
        target_seconds=target_seconds,
        use_device_secret=use_device_secret,
        progress=progress,
    )


def unlock(root: Path, passphrase: str, actor: Actor = SYSTEM) -> Vault:
    """Slow on purpose (the KDF): run it off the GUI thread. ``actor``: who the
    unlock is recorded for (the command line names itself)."""
    return Vault.open(root, passphrase, actor=actor)


def integrity_warning(vault: Vault) -> Notice | None:
    """What the user must be told after unlocking (a log that does not match its
    anchor: a rolled-back or edited database), or None."""
    return vault.integrity_warning()


def seconds_until_retry(root: Path) -> float:
    return attempts.seconds_until_allowed(VaultPaths(root).attempts)


@dataclass(frozen=True)
class FailedAttempts:
    count: int
    last: datetime | None


def failed_attempts(root: Path) -> FailedAttempts:
    """Wrong passphrases given since the last unlock (the unlock folds them into
    the audit log): how many, and when the last one was."""
    failures = attempts.read_failures(VaultPaths(root).attempts)
    return FailedAttempts(len(failures), max(failures) if failures else None)


def change_passphrase(vault: Vault, actor_scope: Scope, old: str, new: str) -> None:
    """Re-wrap the keys under a new passphrase (slow: two key derivations)."""
    vault.change_passphrase(old, new, actor_scope.actor)


@dataclass(frozen=True)
class VaultInfo:
    vault_id: str
    folder: str
    kdf_memory_mib: int
    kdf_iterations: int
    kdf_seconds: float
    device_factor: bool


def describe(vault: Vault) -> VaultInfo:
    header = vault.header
    return VaultInfo(
        str(header.vault_id),
        str(vault.paths.root),
        header.kdf.memory_kib // 1024,
        header.kdf.iterations,
        header.calibrated_seconds,
        header.device_factor is not None,
    )
