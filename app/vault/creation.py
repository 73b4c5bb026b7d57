"""Making a new vault folder: calibrate the KDF, make and wrap the keys, build the
database under a temporary name and write the header last, so a crash during
creation leaves no half-made vault that could be mistaken for a real one."""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.crypto import sealing
from app.crypto.kdf import DEFAULT_TARGET_SECONDS, KdfParams, calibrate, derive_kek
from app.crypto.keywrap import wrap_key
from app.crypto.secret import SecretBytes
from app.domain import names
from app.domain.enums import AliasKind, Role
from app.domain.names import NameKind
from app.errors import (
    DeviceSecretUnavailable,
    StorageFull,
    VaultError,
    VaultExists,
    VaultLocationError,
)
from app.models import Alias, VaultMeta
from app.vault import audit_chain, migrate
from app.vault.audit_chain import SYSTEM
from app.vault.db_errors import database_error
from app.vault.device_secret import SERVICE, KeyringStore, SecretStore, new_device_secret
from app.vault.engine import make_engine
from app.vault.folder_lock import folder_lock, lock_path
from app.vault.header import (
    SLOT_DATABASE,
    SLOT_IDENTITY,
    DeviceFactor,
    VaultHeader,
    write_header,
)
from app.vault.layout import DB_NAME, META_IDENTITY_PUBLIC, META_VAULT_ID, VaultPaths
from app.vault.passphrase import check_new_passphrase, passphrase_bytes

ProgressFn = Callable[[str, float], None]


def create_vault(
    root: Path,
    passphrase: str,
    *,
    alias_name: str,
    role: Role = Role.RUNNER,
    kdf: KdfParams | None = None,
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    use_device_secret: bool = False,
    device_store: SecretStore | None = None,
    progress: ProgressFn | None = None,
) -> VaultHeader:
    """Create a new vault folder. The header is written last, so a crash during
    creation leaves no half-made vault that could be mistaken for a real one."""
    check_new_passphrase(passphrase)
    alias_name = names.clean(alias_name, NameKind.ALIAS)
    paths = VaultPaths(root)
    _refuse_taken(paths)
    store = device_store or KeyringStore()
    if use_device_secret and not store.available():
        raise DeviceSecretUnavailable(
            "No OS keyring is available, so a device secret cannot be used on this computer."
        )
    # Before calibrating: a bad path should fail at once, not after seconds of work.
    made_folder = not root.exists()
    _prepare_folder(root)

    def report(step: str, fraction: float) -> None:
        if progress is not None:
            progress(step, fraction)

    if kdf is None:
        report("calibrate", 0.0)
        cal = calibrate(target_seconds, progress=lambda i, n: report("calibrate", 0.8 * i / n))
        kdf, measured = cal.params, cal.measured_seconds
    else:
        measured = 0.0

    vault_id = uuid.uuid4()
    factor: DeviceFactor | None = None
    device_secret: bytes | None = None
    if use_device_secret:
        device_secret = new_device_secret()
        factor = DeviceFactor("os-keyring", SERVICE, f"vault-{vault_id}")
        store.put(factor.service, factor.account, device_secret)

    report("keys", 0.85)
    db_key = SecretBytes(os.urandom(32))
    identity = sealing.generate_keypair()
    draft = VaultHeader(
        vault_id=vault_id,
        created_at=utc_now(),
        kdf=kdf,
        calibrated_seconds=measured,
        device_factor=factor,
        keys={},
    )
    kek = derive_kek(passphrase_bytes(passphrase), kdf, device_secret)
    header = _with_keys(draft, kek, db_key, identity.private)

    report("database", 0.9)
    try:
        _build(paths, header, db_key, identity.public, alias_name, role)
    except BaseException as exc:
        if made_folder:
            with contextlib.suppress(OSError):
                root.rmdir()  # only if empty: never anything another process put there
        mapped = _creation_error(root, exc)
        if mapped is exc:
            raise
        raise mapped from exc
    finally:
        db_key.wipe()
    report("done", 1.0)
    return header


def _refuse_taken(paths: VaultPaths) -> None:
    root = paths.root
    if paths.exists():
        raise VaultExists("A vault already exists at {root}.", root=root)
    if paths.db.exists():
        raise VaultExists(
            "{root} holds a database without its header; move it away before creating a vault.",
            root=root,
        )


def _with_keys(
    draft: VaultHeader, kek: bytes, db_key: SecretBytes, identity_private: bytes
) -> VaultHeader:
    """``draft`` with the database and identity keys wrapped under ``kek``."""
    return replace(
        draft,
        keys={
            SLOT_DATABASE: wrap_key(kek, db_key.get(), draft.wrap_context(SLOT_DATABASE)),
            SLOT_IDENTITY: wrap_key(kek, identity_private, draft.wrap_context(SLOT_IDENTITY)),
        },
    )


def _build(
    paths: VaultPaths,
    header: VaultHeader,
    db_key: SecretBytes,
    identity_public: bytes,
    alias_name: str,
    role: Role,
) -> None:
    """Write the database, then the header, under the folder lock: ``vault.db.creating*``
    exists only while its maker holds it (so an open may remove one it finds), and
    of two processes creating a vault here at once, the second finds the first one's."""
    root = paths.root
    with folder_lock(root):
        if paths.exists() or paths.db.exists():
            raise VaultExists("A vault already exists at {root}.", root=root)
        try:
            _write_new_database(
                paths,
                db_key,
                header.vault_id,
                identity_public,
                alias_name,
                role,
                header.device_factor,
            )
            write_header(paths.header, header)
        except BaseException:
            # Without its header the database is of no use, and would stop the
            # next attempt ("holds a database without its header"). The lock
            # file goes too, while held (a waiter then locks a new one), so a
            # failed creation leaves the folder as it found it.
            for leftover in (paths.db, lock_path(root)):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise


def _creation_error(root: Path, exc: BaseException) -> BaseException:
    if isinstance(exc, OSError):
        return _location_error(root, exc)
    if isinstance(exc, sa_exc.DBAPIError):
        return database_error(exc, root) or VaultLocationError(
            "Cannot write the vault database in {root}.", root=root
        )
    return exc


def _location_error(root: Path, exc: OSError) -> VaultError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull("The disk holding {root} is full; no vault was created.", root=root)
    reason = exc.strerror or type(exc).__name__
    return VaultLocationError(
        "Cannot create a vault at {root}: {reason}.", root=root, reason=reason
    )


def _prepare_folder(root: Path) -> None:
    """Make the vault folder (0700), or say in one line why it cannot be made."""
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise _location_error(root, exc) from None
    if not os.access(root, os.W_OK | os.X_OK):
        raise VaultLocationError(
            "Cannot create a vault at {root}: the folder is not writable.", root=root
        )


def _write_new_database(
    paths: VaultPaths,
    db_key: SecretBytes,
    vault_id: uuid.UUID,
    identity_public: bytes,
    alias_name: str,
    role: Role,
    factor: DeviceFactor | None,
) -> None:
    """Build the database under a temporary name, then move it into place. The
    file is made (0600) before SQLite writes a byte to it, so no umask leaves the
    keys' ciphertext readable by others, and it is removed if anything fails. The
    caller holds the creation lock, so a file of that name is a crashed attempt's."""
    creating = paths.root / (DB_NAME + ".creating")
    made = (creating, Path(f"{creating}-wal"), Path(f"{creating}-shm"))
    for stale in made:
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    try:
        os.close(os.open(creating, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.chmod(creating, 0o600)  # whatever the umask took away (SQLite needs rw)
        engine = make_engine(creating, db_key)
        try:
            migrate.upgrade(engine)
            with (
                Session(engine.execution_options(veldboek_write=True)) as session,
                session.begin(),
            ):
                session.add(VaultMeta(key=META_VAULT_ID, value=vault_id.bytes))
                session.add(VaultMeta(key=META_IDENTITY_PUBLIC, value=identity_public))
                alias = Alias(name=alias_name, kind=AliasKind.COVER_NAME, role=role, can_act=True)
                session.add(alias)
                session.flush()
                audit_chain.append(
                    session,
                    SYSTEM,
                    "vault.created",
                    record_type="alias",
                    record_id=alias.id,
                    detail={"role": role.value, "device_factor": factor is not None},
                )
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        os.replace(creating, paths.db)
    except BaseException:
        for leftover in made:
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    for leftover in made[1:]:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
