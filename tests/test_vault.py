from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import Role
from app.errors import (
    DeviceSecretUnavailable,
    InvalidInput,
    PassphraseRejected,
    UnlockThrottled,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
)
from app.models import AuditEvent
from app.services.admin import vaults
from app.vault import attempts
from app.vault.device_secret import SERVICE, KeyringStore
from app.vault.header import read_header
from app.vault.vault import Vault, create_vault
from tests.helpers import factory


class MemoryKeyring:
    """A stand-in OS keyring."""

    def __init__(self, available: bool = True) -> None:
        self._available = available
        self.items: dict[tuple[str, str], bytes] = {}

    def available(self) -> bool:
        return self._available

    def get(self, service: str, account: str) -> bytes | None:
        return self.items.get((service, account))

    def put(self, service: str, account: str, secret: bytes) -> None:
        self.items[(service, account)] = secret

    def delete(self, service: str, account: str) -> None:
        self.items.pop((service, account), None)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def actions(vault: Vault) -> list[str]:
    with vault.read() as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_create_open_lock(vault_dir: Path) -> None:
    names = ["vault.db", "vault.header", "vault.header.lock"]
    assert sorted(p.name for p in vault_dir.iterdir()) == names
    for name in names:
        assert (vault_dir / name).stat().st_mode & 0o077 == 0
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    assert not vault.is_locked
    assert actions(vault) == ["vault.created", "vault.unlocked"]
    vault.lock()
    assert vault.is_locked
    with pytest.raises(VaultLocked):
        vault.engine()
    with pytest.raises(VaultLocked):
        vault.read().__enter__()
    vault.lock()  # twice is harmless


def test_lock_wipes_key_material_and_calls_listeners(vault: Vault) -> None:
    cleared: list[str] = []
    vault.on_lock(lambda: cleared.append("screen"))
    key = vault._db_key
    vault.lock()
    assert key.wiped
    assert cleared == ["screen"]


def test_database_is_not_sqlite_plaintext(vault_dir: Path) -> None:
    head = (vault_dir / "vault.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_wrong_passphrase_is_clear_and_audited_at_next_unlock(vault_dir: Path) -> None:
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        Vault.open(vault_dir, "not the passphrase at all")
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        assert actions(vault)[-2:] == ["vault.unlock_failed", "vault.unlocked"]
    assert not (vault_dir / "unlock-failures.json").exists()


def test_failed_attempts_grow_the_delay(vault_dir: Path) -> None:
    assert attempts.delay_after(1) == 0
    assert attempts.delay_after(2) < attempts.delay_after(3) < attempts.delay_after(5)
    assert attempts.delay_after(100) == attempts.MAX_DELAY_SECONDS
    for _ in range(2):
        with pytest.raises((WrongPassphrase, UnlockThrottled)):
            Vault.open(vault_dir, "wrong wrong wrong")
    with pytest.raises(UnlockThrottled, match="wait"):
        Vault.open(vault_dir, factory.PASSPHRASE)


def test_existing_vault_is_never_overwritten(vault_dir: Path) -> None:
    before = sha(vault_dir / "vault.db")
    with pytest.raises(VaultExists):
        factory.make_vault(vault_dir)
    assert sha(vault_dir / "vault.db") == before


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PassphraseRejected):
        create_vault(tmp_path / "v", "short", alias_name="x", kdf=factory.fast_kdf())
    assert not (tmp_path / "v" / "vault.header").exists()


def test_change_passphrase_rewraps_without_touching_the_database(vault_dir: Path) -> None:
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    with vault.engine().connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db_before = sha(vault_dir / "vault.db")
    header_before = read_header(vault_dir / "vault.header")
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the old one", "a brand new passphrase")
    vault.change_passphrase(factory.PASSPHRASE, "a brand new passphrase")
    assert sha(vault_dir / "vault.db") == db_before  # only the WAL took the audit event
    header_after = read_header(vault_dir / "vault.header")
    assert header_after.kdf.salt != header_before.kdf.salt
    assert header_after.kdf.memory_kib == header_before.kdf.memory_kib
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, factory.PASSPHRASE)
    with Vault.open(vault_dir, "a brand new passphrase") as reopened:
        assert "vault.passphrase_changed" in actions(reopened)


def test_device_secret_is_a_real_second_factor(tmp_path: Path) -> None:
    store = MemoryKeyring()
    root = tmp_path / "v"
    create_vault(
        root,
        factory.PASSPHRASE,
        alias_name="Valk",
        role=Role.RUNNER,
        kdf=factory.fast_kdf(),
        use_device_secret=True,
        device_store=store,
    )
    header = json.loads((root / "vault.header").read_text())
    assert header["device_factor"]["store"] == "os-keyring"
    with Vault.open(root, factory.PASSPHRASE, device_store=store):
        pass
    with pytest.raises(DeviceSecretUnavailable, match="keyring"):
        Vault.open(root, factory.PASSPHRASE, device_store=MemoryKeyring(available=False))
    with pytest.raises(DeviceSecretUnavailable, match="not in this computer"):
        Vault.open(root, factory.PASSPHRASE, device_store=MemoryKeyring())
    # Passphrase alone, even with a stolen header, does not derive the key.
    header["device_factor"] = None
    (root / "vault.header").write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        Vault.open(root, factory.PASSPHRASE, device_store=store)


def test_no_keyring_means_clear_refusal_of_second_factor(tmp_path: Path) -> None:
    with pytest.raises(DeviceSecretUnavailable, match="No OS keyring"):
        create_vault(
            tmp_path / "v",
            factory.PASSPHRASE,
            alias_name="Valk",
            kdf=factory.fast_kdf(),
            use_device_secret=True,
            device_store=MemoryKeyring(available=False),
        )
    # Passphrase-only vaults work on such a machine.
    factory.make_vault(tmp_path / "w")
    with Vault.open(tmp_path / "w", factory.PASSPHRASE, device_store=MemoryKeyring(False)):
        pass


@pytest.mark.usefixtures("fail_keyring")
def test_real_keyring_store_without_a_backend(tmp_path: Path) -> None:
    """The real KeyringStore over keyring's fail backend: the second factor is
    refused with a clear message, and a passphrase-only vault works."""
    store = KeyringStore()
    assert not store.available()
    assert not vaults.keyring_available()
    with pytest.raises(DeviceSecretUnavailable, match="No OS keyring is available"):
        create_vault(
            tmp_path / "second-factor",
            factory.PASSPHRASE,
            alias_name="Valk",
            kdf=factory.fast_kdf(),
            use_device_secret=True,
        )
    assert not (tmp_path / "second-factor").exists()  # refused before any file was made
    with pytest.raises(DeviceSecretUnavailable, match="could not be read"):
        store.get(SERVICE, "vault-x")
    with pytest.raises(DeviceSecretUnavailable, match="refused to store"):
        store.put(SERVICE, "vault-x", b"\x00" * 32)
    root = tmp_path / "passphrase-only"
    create_vault(root, factory.PASSPHRASE, alias_name="Valk", kdf=factory.fast_kdf())
    assert json.loads((root / "vault.header").read_text())["device_factor"] is None
    with Vault.open(root, factory.PASSPHRASE) as vault:  # default store: the real one
        assert actions(vault) == ["vault.created", "vault.unlocked"]


@pytest.mark.usefixtures("fail_keyring")
def test_vault_needing_the_keyring_on_a_machine_without_one(tmp_path: Path) -> None:
    store = MemoryKeyring()
    root = tmp_path / "v"
    create_vault(
        root,
        factory.PASSPHRASE,
        alias_name="Valk",
        kdf=factory.fast_kdf(),
        use_device_secret=True,
        device_store=store,
    )
    with pytest.raises(DeviceSecretUnavailable, match="no keyring is available"):
        Vault.open(root, factory.PASSPHRASE)  # the real KeyringStore finds none


def test_identity_key_needs_the_passphrase_again(vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        vault.unwrap_identity_key("wrong passphrase here")
    key = vault.unwrap_identity_key(factory.PASSPHRASE)
    assert len(key) == 96
    key.wipe()
    assert vault.verify_passphrase(factory.PASSPHRASE)
    assert not vault.verify_passphrase("nope nope nope")


def test_connection_pragmas(vault: Vault) -> None:
    with vault.engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ("0", 0)


def test_every_creator_refuses_a_folder_that_holds_other_files(tmp_path: Path) -> None:
    """``vaults.create`` (the first run, ``init``, ``demo``) refuses it before the
    seconds of calibration, and leaves the folder as it was."""
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "veldboek-1.age").write_bytes(b"a package")
    steps: list[str] = []
    with pytest.raises(InvalidInput) as refused:
        vaults.create(
            stick,
            factory.PASSPHRASE,
            alias_name="Valk",
            role=Role.RUNNER,
            target_seconds=0.01,
            progress=lambda step, _fraction: steps.append(step),
        )
    assert str(refused.value) == (
        f"{stick} already holds other files; nothing was made. A vault gets a "
        "folder of its own: give a new or empty one."
    )
    assert steps == []  # nothing calibrated
    assert sorted(p.name for p in stick.iterdir()) == ["veldboek-1.age"]
