"""Vault lifecycle for the UI and CLI: create (with calibration), unlock, the
second-factor question, passphrase rules. The UI reaches the vault layer only
through here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.crypto.kdf import DEFAULT_TARGET_SECONDS, calibrate
from app.models.enums import Role
from app.vault import attempts
from app.vault.device_secret import KeyringStore
from app.vault.passphrase import MIN_LENGTH, Strength, check_new_passphrase, estimate_strength
from app.vault.vault import Vault, VaultPaths, create_vault

__all__ = [
    "MIN_LENGTH",
    "Strength",
    "Vault",
    "check_new_passphrase",
    "create",
    "estimate_strength",
    "exists",
    "keyring_available",
    "seconds_until_retry",
    "unlock",
]

ProgressFn = Callable[[str, float], None]


def exists(root: Path) -> bool:
    return VaultPaths(root).exists()


def keyring_available() -> bool:
    return KeyringStore().available()


def create(
    root: Path,
    passphrase: str,
    *,
    alias_name: str,
    role: Role,
    use_device_secret: bool = False,
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    progress: ProgressFn | None = None,
) -> None:
    """Calibrate Argon2id on this machine, then create the vault. Slow (seconds):
    run it off the GUI thread."""
    check_new_passphrase(passphrase)
    cal = calibrate(
        target_seconds,
        progress=(lambda i, n: progress("calibrate", 0.8 * i / n)) if progress else None,
    )
    create_vault(
        root,
        passphrase,
        alias_name=alias_name,
        role=role,
        kdf=cal.params,
        use_device_secret=use_device_secret,
        progress=progress,
    )


def unlock(root: Path, passphrase: str) -> Vault:
    """Slow on purpose (the KDF): run it off the GUI thread."""
    return Vault.open(root, passphrase)


def seconds_until_retry(root: Path) -> float:
    return attempts.seconds_until_allowed(VaultPaths(root).attempts)
