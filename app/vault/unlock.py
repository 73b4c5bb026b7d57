"""The steps of an unlock before there is a ``Vault`` object: the folder and header
checks, the failed-attempt throttle, the device secret, unwrapping the database key
(counting a wrong passphrase), removing what interrupted writes left, refusing a
database with zeroed pages, and checking (and if need be migrating) the database."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc

from app.clock import utc_now
from app.crypto.kdf import derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key
from app.crypto.secret import SecretBytes
from app.domain.text import counted
from app.errors import (
    DatabaseCorrupt,
    DeviceSecretUnavailable,
    MigrationFailed,
    UnlockThrottled,
    VaultError,
    VaultNotFound,
    WrongPassphrase,
)
from app.models import VaultMeta
from app.vault import attempts, leftovers, migrate
from app.vault.db_errors import database_error
from app.vault.device_secret import SecretStore
from app.vault.engine import backup_database
from app.vault.folder_lock import folder_lock
from app.vault.header import SLOT_DATABASE, VaultHeader, read_header
from app.vault.layout import (
    BACKUPS_KEPT,
    META_IDENTITY_PUBLIC,
    META_VAULT_ID,
    MIN_DB_BYTES,
    VaultPaths,
)
from app.vault.passphrase import passphrase_bytes
from app.vault.zeroed_pages import zeroed_pages

log = logging.getLogger(__name__)


def header_to_open(paths: VaultPaths) -> VaultHeader:
    """The header of the vault at ``paths``, once the folder looks like a whole vault
    and no wait after failed attempts is running."""
    root = paths.root
    if not paths.exists():
        if paths.db.exists():
            raise VaultNotFound(
                "The vault header is missing in {root}; the vault cannot be opened.", root=root
            )
        raise VaultNotFound("No vault at {root}.", root=root)
    header = read_header(paths.header)
    wait = attempts.seconds_until_allowed(paths.attempts)
    if wait > 0:
        raise UnlockThrottled(wait)
    if not paths.db.is_file():
        raise DatabaseCorrupt("The vault database is missing in {root}.", root=root)
    if paths.db.stat().st_size < MIN_DB_BYTES:
        # SQLite would quietly turn an empty file into a new database; refuse first.
        raise DatabaseCorrupt("The vault database is empty or truncated: it is damaged.")
    return header


def zeroed_or_refused(paths: VaultPaths, db_key: SecretBytes, refuse_damaged: bool) -> list[int]:
    """The database's zeroed pages; with ``refuse_damaged``, any is a refusal (and
    the key is wiped first)."""
    try:
        zeroed = zeroed_pages(paths.db)
    except OSError:
        zeroed = []  # unreadable: opening the database says so in its own words
    if zeroed and refuse_damaged:
        db_key.wipe()
        if len(zeroed) == 1:
            raise DatabaseCorrupt(
                "The vault database is damaged: {count} page is zeroed, page {page}. "
                "Nothing was written to it. Restore it from a backup, or run `veldboek check`.",
                count=1,
                page=zeroed[0],
            )
        raise DatabaseCorrupt(
            "The vault database is damaged: {count} pages are zeroed, the first at "
            "page {page}. Nothing was written to it. Restore it from a backup, or run "
            "`veldboek check`.",
            count=len(zeroed),
            page=zeroed[0],
        )
    return zeroed


def check_database(
    engine: Engine,
    header: VaultHeader,
    paths: VaultPaths,
    db_key: SecretBytes,
    migrate_schema: bool,
) -> bytes:
    """The identity public key, once the database proved to be this header's (and
    was brought to the current schema, unless ``migrate_schema`` is False)."""
    try:
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            meta = dict(conn.execute(select(VaultMeta.key, VaultMeta.value)).all())
    except VaultError:
        raise
    except sa_exc.DBAPIError as exc:
        raise database_error(exc, paths.root) or DatabaseCorrupt(
            "The vault database is damaged or incomplete; restore it from a backup."
        ) from exc
    if meta.get(META_VAULT_ID) != header.vault_id.bytes:
        raise DatabaseCorrupt("The vault database does not belong to this header.")
    if revision != migrate.SCHEMA_HEAD:
        if revision is not None and revision not in migrate.known_revisions():
            raise VaultError("This vault was written by a newer Veldboek; update the app.")
        if migrate_schema:
            backup_and_migrate(engine, paths, db_key, revision)
    public = meta.get(META_IDENTITY_PUBLIC)
    if public is None:
        raise DatabaseCorrupt("The vault database lacks its identity key.")
    return public


def fetch_device_secret(header: VaultHeader, store: SecretStore) -> bytes | None:
    factor = header.device_factor
    if factor is None:
        return None
    if not store.available():
        raise DeviceSecretUnavailable(
            "This vault also needs its device secret from the OS keyring, and no keyring is "
            "available. Open it on the computer where it was created."
        )
    secret = store.get(factor.service, factor.account)
    if secret is None:
        raise DeviceSecretUnavailable(
            "This vault's device secret is not in this computer's keyring; "
            "open it on the computer where it was created."
        )
    return secret


def backup_and_migrate(
    engine: Engine, paths: VaultPaths, db_key: SecretBytes, revision: str | None
) -> None:
    paths.backups.mkdir(exist_ok=True, mode=0o700)
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    target = paths.backups / f"vault-{revision or 'empty'}-{stamp}.db"
    try:
        backup_database(paths.db, target, db_key)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        raise MigrationFailed(
            "Could not back up the vault before upgrading it; nothing was changed. ({why})",
            why=exc.strerror or exc,
        ) from exc
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        raise MigrationFailed(
            "Upgrading the vault failed; the previous state is in {name}.", name=target.name
        ) from exc
    backups = sorted(paths.backups.glob("vault-*.db"))
    for old in backups[:-BACKUPS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()


def unwrap_database_key(
    paths: VaultPaths, header: VaultHeader, passphrase: str, device_secret: bytes | None
) -> tuple[VaultHeader, SecretBytes]:
    """The database key under ``passphrase``, and the header it came from. If it
    fails and the header on disk now wraps the keys differently (a passphrase
    change in another process landed meanwhile), that header is tried too."""
    for _ in range(3):
        kek = derive_kek(passphrase_bytes(passphrase), header.kdf, device_secret)
        try:
            key = unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
            return header, SecretBytes(key)
        except UnwrapFailed:
            pass
        try:
            latest = read_header(paths.header)
        except VaultError:
            break
        if (latest.kdf, latest.keys) == (header.kdf, header.keys):
            break
        header = latest
    failures = attempts.record_failure(paths.attempts)
    wait = attempts.delay_after(len(failures))
    if wait >= 1:
        raise WrongPassphrase(
            "Wrong passphrase (or the header was altered). "
            "Wait {seconds} s before the next attempt.",
            seconds=round(wait),
        )
    raise WrongPassphrase("Wrong passphrase (or the header was altered).")


def remove_leftovers(root: Path) -> None:
    """Remove what interrupted writes left (``leftovers``), under the folder lock.
    Never stops an unlock: ``check`` reports what is left, and a passphrase change
    refuses to finish while anything is."""
    if not leftovers.find(root):
        return
    try:
        # Briefly: a holder is writing (its own temporary file is not stale), and
        # the next unlock will look again.
        with folder_lock(root, wait=2.0):
            kept = leftovers.remove(root)
    except VaultError:
        kept = leftovers.find(root)
    if kept:  # not a reason to stop the unlock, nor to print a line in every command
        log.info("%s in the vault folder remain", counted(len(kept), "leftover temporary file"))
