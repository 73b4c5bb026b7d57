"""Create, unlock, use and lock a vault.

A vault is a folder::

    vault.db                 SQLCipher 4 database, keyed with a random 256-bit key
    vault.header             versioned JSON: KDF parameters and the wrapped keys
    vault.header.lock        empty; its OS lock serialises header writes (folder_lock)
    unlock-failures.json     timestamps of failed unlocks (until the next unlock)
    backups/                 encrypted copies taken before each schema migration

The ``Vault`` object owns the key material and the engine; locking disposes the
engine and wipes the keys. Everything that shows vault data registers with the
UI's lock controller and is cleared at the same moment.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.crypto import sealing
from app.crypto.kdf import DEFAULT_TARGET_SECONDS, KdfParams, calibrate, derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key, wrap_key
from app.crypto.secret import SecretBytes
from app.domain import names
from app.domain.enums import AliasKind, Role
from app.domain.names import NameKind
from app.domain.scope import Actor
from app.errors import (
    DatabaseCorrupt,
    DeviceSecretUnavailable,
    HeaderCorrupt,
    InvalidInput,
    LeftoverFiles,
    MigrationFailed,
    Notice,
    PassphraseChangedElsewhere,
    StorageFull,
    UnlockThrottled,
    VaultBusy,
    VaultError,
    VaultExists,
    VaultLocationError,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from app.models import Alias, VaultMeta
from app.vault import attempts, audit_chain, leftovers, migrate
from app.vault.audit_chain import SYSTEM
from app.vault.checkpoint import Checkpointer
from app.vault.device_secret import SERVICE, KeyringStore, SecretStore, new_device_secret
from app.vault.engine import backup_database, connect_raw, make_engine
from app.vault.folder_lock import folder_lock, lock_path
from app.vault.header import (
    SLOT_DATABASE,
    SLOT_IDENTITY,
    AuditAnchor,
    DeviceFactor,
    VaultHeader,
    read_header,
    update_header,
    write_header,
)
from app.vault.passphrase import check_new_passphrase
from app.vault.zeroed_pages import zeroed_pages

log = logging.getLogger(__name__)

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


ProgressFn = Callable[[str, float], None]


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC-normalise so that the same passphrase typed on another OS or keyboard
    layout (composed vs decomposed accents) derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


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


def _anchor_key(db_key: SecretBytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, None, b"veldboek audit anchor v1").derive(db_key.get())


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
    if paths.exists():
        raise VaultExists("A vault already exists at {root}.", root=root)
    if paths.db.exists():
        raise VaultExists(
            "{root} holds a database without its header; move it away before creating a vault.",
            root=root,
        )
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
    header = replace(
        draft,
        keys={
            SLOT_DATABASE: wrap_key(kek, db_key.get(), draft.wrap_context(SLOT_DATABASE)),
            SLOT_IDENTITY: wrap_key(kek, identity.private, draft.wrap_context(SLOT_IDENTITY)),
        },
    )

    report("database", 0.9)
    try:
        # Under the folder lock: ``vault.db.creating*`` exists only while its maker
        # holds it (so an open may remove one it finds), and of two processes
        # creating a vault here at once, the second finds the first one's.
        with folder_lock(root):
            if paths.exists() or paths.db.exists():
                raise VaultExists("A vault already exists at {root}.", root=root)
            try:
                _write_new_database(
                    paths, db_key, vault_id, identity.public, alias_name, role, factor
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


def _creation_error(root: Path, exc: BaseException) -> BaseException:
    if isinstance(exc, OSError):
        return _location_error(root, exc)
    if isinstance(exc, sa_exc.DBAPIError):
        return database_error(exc) or VaultLocationError(
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


class Vault:
    """An unlocked vault. Create with :meth:`open`; call :meth:`lock` when done."""

    def __init__(
        self,
        paths: VaultPaths,
        header: VaultHeader,
        db_key: SecretBytes,
        engine: Engine,
        identity_public: bytes,
        device_secret: bytes | None,
    ) -> None:
        self.paths = paths
        self.header = header
        # The header as this process last unlocked or re-wrapped it: tells a wrong
        # current passphrase from one that another process has changed since.
        self._own_header = header
        self._db_key = db_key
        self._engine: Engine | None = engine
        self._write_engine: Engine | None = engine.execution_options(veldboek_write=True)
        self.identity_public = identity_public
        self._device_secret = SecretBytes(device_secret) if device_secret is not None else None
        self._lock_listeners: list[Callable[[], None]] = []
        self.checkpointer = Checkpointer(
            lambda: connect_raw(paths.db, db_key, auto_checkpoint=False),
            Path(f"{paths.db}-wal"),
        )
        self.anchor_problem_at_unlock: Notice | None = None
        self.zeroed_at_unlock: list[int] = []
        # Set once a read finds a damaged page (or unlock found a zeroed one): from
        # then on nothing more is written, so the damage is not built upon and the
        # anchor stays where it was.
        self.damaged = False

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        root: Path,
        passphrase: str,
        *,
        device_store: SecretStore | None = None,
        migrate_schema: bool = True,
        actor: Actor = SYSTEM,
        record_open: bool = True,
        refuse_damaged: bool = True,
    ) -> Vault:
        """Unlock. Nothing is written before the database has been read successfully.
        With ``record_open=False`` the unlock is not audited yet: the caller calls
        :meth:`record_open` (``veldboek check`` does, once the vault proved whole).
        A database with zeroed pages is refused, or with ``refuse_damaged=False``
        (``check``) opened as damaged: readable, and never written to."""
        paths = VaultPaths(root)
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

        device_secret = _fetch_device_secret(header, device_store or KeyringStore())
        header, db_key = _unwrap_database_key(paths, header, passphrase, device_secret)
        # The passphrase is right: now the files an interrupted write left go first.
        _remove_leftovers(paths.root)
        try:
            zeroed = zeroed_pages(paths.db)
        except OSError:
            zeroed = []  # unreadable: opening the database says so in its own words
        if zeroed and refuse_damaged:
            db_key.wipe()
            raise DatabaseCorrupt(
                "The vault database is damaged: {count} page(s) are zeroed, the first at "
                "page {page}. Nothing was written to it. Restore it from a backup, or run "
                "`veldboek check`.",
                count=len(zeroed),
                page=zeroed[0],
            )

        engine = make_engine(paths.db, db_key, auto_checkpoint=False)
        try:
            identity_public = cls._check_database(engine, header, paths, db_key, migrate_schema)
        except BaseException:
            engine.dispose()
            db_key.wipe()
            raise
        vault = cls(paths, header, db_key, engine, identity_public, device_secret)
        vault.zeroed_at_unlock = zeroed
        vault.damaged = bool(zeroed)
        try:
            vault.anchor_problem_at_unlock = vault.anchor_problem(header.audit_anchor)
            if record_open and not vault.damaged:
                vault.record_open(actor)
                vault.compact_if_owed()
        except BaseException:
            vault.close_unrecorded()
            raise
        return vault

    @staticmethod
    def _check_database(
        engine: Engine,
        header: VaultHeader,
        paths: VaultPaths,
        db_key: SecretBytes,
        migrate_schema: bool,
    ) -> bytes:
        try:
            with engine.connect() as conn:
                revision = migrate.current_revision(conn)
                meta = dict(conn.execute(select(VaultMeta.key, VaultMeta.value)).all())
        except VaultError:
            raise
        except sa_exc.DBAPIError as exc:
            raise database_error(exc) or DatabaseCorrupt(
                "The vault database is damaged or incomplete; restore it from a backup."
            ) from exc
        if meta.get(META_VAULT_ID) != header.vault_id.bytes:
            raise DatabaseCorrupt("The vault database does not belong to this header.")
        if revision != migrate.SCHEMA_HEAD:
            if revision is not None and revision not in migrate.known_revisions():
                raise VaultError("This vault was written by a newer Veldboek; update the app.")
            if migrate_schema:
                _backup_and_migrate(engine, paths, db_key, revision)
        public = meta.get(META_IDENTITY_PUBLIC)
        if public is None:
            raise DatabaseCorrupt("The vault database lacks its identity key.")
        return public

    def record_open(self, actor: Actor = SYSTEM) -> None:
        """Audit the unlock, folding in the failed attempts (and an anchor mismatch)."""
        failures = attempts.read_failures(self.paths.attempts)
        with self.write() as session:
            for moment in failures:
                audit_chain.append(
                    session, SYSTEM, "vault.unlock_failed", detail={"attempted_at": iso_utc(moment)}
                )
            if self.anchor_problem_at_unlock is not None:
                audit_chain.append(
                    session,
                    SYSTEM,
                    "audit.anchor_mismatch",
                    detail={"problem": self.anchor_problem_at_unlock},
                )
            audit_chain.append(session, actor, "vault.unlocked")
        attempts.clear(self.paths.attempts)

    # -- using -------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    def integrity_warning(self) -> Notice | None:
        """What every command and the unlock screen tell the user when the audit log
        did not match the header's anchor at unlock (a rolled-back or edited copy)."""
        if self.anchor_problem_at_unlock is None:
            return None
        return Notice(
            "The audit log does not match its anchor ({problem}): this vault may have "
            "been rolled back or altered. Run `veldboek check`.",
            problem=self.anchor_problem_at_unlock,
        )

    @property
    def vault_id(self) -> uuid.UUID:
        return self.header.vault_id

    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; nothing is committed. Closing the session rolls
        back its transaction and detaches (without expiring) what it loaded."""
        with self._mapped_errors(), Session(self.engine(), expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); commits on success, rolls back on error."""
        if self._write_engine is None:
            raise VaultLocked()
        if self.damaged:
            raise DatabaseCorrupt(
                "The vault database is damaged, so nothing more is saved. Lock it, restore it "
                "from a backup, or run `veldboek check`."
            )
        with (
            self._mapped_errors(),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session
        self.checkpointer.nudge()  # committed: the WAL may have grown past the threshold

    @contextlib.contextmanager
    def _mapped_errors(self) -> Iterator[None]:
        try:
            yield
        except DatabaseCorrupt:  # a new pooled connection could not decrypt the file
            self.damaged = True
            raise
        except (sa_exc.DBAPIError, sqlcipher3.Error) as exc:  # raw connections too
            mapped = database_error(exc)
            if isinstance(mapped, DatabaseCorrupt):
                self.damaged = True
            if mapped is not None:
                raise mapped from exc
            raise
        except UnicodeEncodeError as exc:
            # Text from outside (a command-line argument of bytes that are not
            # UTF-8) reached the database: nothing of it was written.
            if exc.reason != "surrogates not allowed":
                raise
            raise InvalidInput(
                "The text given holds bytes that are not UTF-8, so it cannot be saved; "
                "nothing was changed."
            ) from None

    def audit(self, actor: Actor, action: str, **fields: object) -> None:
        with self.write() as session:
            audit_chain.append(session, actor, action, **fields)  # type: ignore[arg-type]

    def on_lock(self, listener: Callable[[], None]) -> None:
        self._lock_listeners.append(listener)

    def compact(self) -> bool:
        """After deleting records: merge the search index (FTS5 keeps deleted terms
        in old segments until then), rebuild the file without free pages (VACUUM)
        and empty the write-ahead log, so no page that held them stays behind in
        the database file or the WAL. Freed pages are already zeroed
        (``secure_delete``); this also removes their ciphertext. False if a reader
        kept the WAL: a rebuild a purge owes (``owe_compaction``) stays owed."""
        try:
            with self._raw() as raw:
                # Outside any transaction: VACUUM cannot run inside one.
                raw.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
                raw.execute("VACUUM")
            if not self.empty_wal():
                return False
            with self._raw() as raw:
                raw.execute("DELETE FROM vault_meta WHERE key = ?", (META_COMPACTION_OWED,))
            return self.empty_wal()
        except (sqlcipher3.Error, sa_exc.DBAPIError, VaultBusy) as exc:  # a writer, or unmapped
            raise VaultError(
                "The vault file could not be rebuilt now; it is tried again at the next unlock."
            ) from exc

    def compact_if_owed(self) -> bool:
        """Make up a rebuild a secure purge still owes (``owe_compaction``), at
        unlock. It never stops the unlock: it stays owed until it succeeds."""
        try:
            with self.read() as session:
                if session.get(VaultMeta, META_COMPACTION_OWED) is None:
                    return False
            if not self.compact():
                return False
            self.audit(SYSTEM, "vault.rebuilt", detail={"after": "purge"})
        except Exception as exc:  # the kind only: a database error may quote a statement
            log.warning("the vault could not be rebuilt after a purge yet (%s)", type(exc).__name__)
            return False
        return True

    def empty_wal(self) -> bool:
        """Copy the WAL into the database file and cut it to nothing (after a purge,
        and after the demo's bulk load). Readers are waited for (busy timeout).
        False if a reader kept it."""
        with self._raw() as raw, self.checkpointer.paused():
            (busy, _frames, _copied) = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:  # a reader kept its snapshot past the busy timeout
            # Not lost: the last connection's close on lock empties it.
            log.warning("the write-ahead log could not be emptied yet; locking the vault will")
            return False
        return True

    @contextlib.contextmanager
    def _raw(self) -> Iterator[Any]:
        """A pooled connection's DB-API connection, outside any transaction."""
        with self._mapped_errors(), self.engine().connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            yield raw

    # -- keys --------------------------------------------------------------------

    def _derive_kek(self, passphrase: str, params: KdfParams) -> bytes:
        secret = None if self._device_secret is None else self._device_secret.get()
        return derive_kek(passphrase_bytes(passphrase), params, secret)

    def current_header(self) -> VaultHeader:
        """The header on disk, which another process may have changed since this one
        unlocked (a new passphrase, a later anchor). Also kept as ``self.header``."""
        header = read_header(self.paths.header)
        if header.vault_id != self.vault_id:
            raise HeaderCorrupt("The vault header on disk belongs to another vault.")
        self.header = header
        return header

    def _unwrap_with(self, passphrase: str, slot: str) -> bytes | None:
        """``slot``'s key under ``passphrase`` in the header on disk, or None when the
        passphrase does not open it or the header does not hold this vault's key."""
        if self.is_locked:
            raise VaultLocked()
        header = self.current_header()
        kek = self._derive_kek(passphrase, header.kdf)
        try:
            db_key = unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
            key = unwrap_key(kek, header.keys[slot], header.wrap_context(slot))
        except UnwrapFailed:
            return None
        # A header put in place of the real one, wrapping some other key under a
        # passphrase of its maker's choice, must not pass for this vault's.
        if not hmac.compare_digest(db_key, self._db_key.get()):
            return None
        return key

    def verify_passphrase(self, passphrase: str) -> bool:
        """True if ``passphrase`` opens this vault now (used before sensitive actions):
        after a passphrase change in another process, the new one does."""
        return self._unwrap_with(passphrase, SLOT_DATABASE) is not None

    def mac(self, purpose: str, message: bytes) -> bytes:
        """HMAC-SHA256 of ``message`` under a key derived from the database key for
        ``purpose``: a value only this vault can compute, and so resolve."""
        if self.is_locked:
            raise VaultLocked()
        info = f"veldboek {purpose} v1".encode()
        key = HKDF(hashes.SHA256(), 32, None, info).derive(self._db_key.get())
        return hmac.new(key, message, hashlib.sha256).digest()

    def unwrap_identity_key(self, passphrase: str) -> SecretBytes:
        """The identity private key, for one deliberate reveal. The caller wipes it."""
        private = self._unwrap_with(passphrase, SLOT_IDENTITY)
        if private is None:
            raise WrongPassphrase("Wrong passphrase.")
        return SecretBytes(private)

    def change_passphrase(self, old: str, new: str, actor: Actor = SYSTEM) -> None:
        """Re-wrap both keys under a new passphrase. The database is not re-encrypted:
        its key does not change, only the wrapping in the header.

        The keys are unwrapped from the header on disk, under the folder lock, not
        from the copy read at unlock: a change made meanwhile by another process is
        built upon, or (if ``old`` no longer opens it) refused, never undone."""
        check_new_passphrase(new)
        if self.is_locked:
            raise VaultLocked()
        # The slow derivations first, outside the lock; redone under it only if the
        # header on disk has other parameters than the one they were made for.
        loaded = self.current_header()
        old_kek = self._derive_kek(old, loaded.kdf)
        new_kdf = loaded.kdf.with_new_salt()
        new_kek = self._derive_kek(new, new_kdf)

        def rewrap(current: VaultHeader) -> VaultHeader:
            kek = old_kek if current.kdf == loaded.kdf else self._derive_kek(old, current.kdf)
            try:
                db_key = unwrap_key(
                    kek, current.keys[SLOT_DATABASE], current.wrap_context(SLOT_DATABASE)
                )
                identity = unwrap_key(
                    kek, current.keys[SLOT_IDENTITY], current.wrap_context(SLOT_IDENTITY)
                )
            except UnwrapFailed:
                own = self._own_header
                if current.keys != own.keys and self._opens(old, own, (loaded.kdf, old_kek)):
                    raise PassphraseChangedElsewhere(
                        "The passphrase was changed in another window or command after "
                        "this one unlocked; the current passphrase is the new one. "
                        "Nothing was changed."
                    ) from None
                raise WrongPassphrase("The current passphrase is wrong.") from None
            if not hmac.compare_digest(db_key, self._db_key.get()):
                raise HeaderCorrupt("The vault header on disk belongs to another vault.")
            # A leftover temporary header could still open the key under an older
            # passphrase: the change is only made once none is left.
            kept = leftovers.remove(self.paths.root)
            if kept:
                raise LeftoverFiles(
                    "A leftover temporary file in the vault folder ({name}) cannot be "
                    "removed; it may hold the key under an earlier passphrase. Remove it, "
                    "then change the passphrase again. Nothing was changed.",
                    name=kept[0].name,
                )
            kdf = new_kdf
            kek_new = new_kek
            if replace(current.kdf, salt=new_kdf.salt) != new_kdf:
                kdf = current.kdf.with_new_salt()
                kek_new = self._derive_kek(new, kdf)
            draft = replace(current, kdf=kdf, keys={})
            # Audited before the write: if the write then fails, the log says it was
            # attempted and the old passphrase still works (nothing half-changed).
            self.audit(actor, "vault.passphrase_changed")
            return replace(
                draft,
                keys={
                    SLOT_DATABASE: wrap_key(kek_new, db_key, draft.wrap_context(SLOT_DATABASE)),
                    SLOT_IDENTITY: wrap_key(kek_new, identity, draft.wrap_context(SLOT_IDENTITY)),
                },
            )

        self.header = self._own_header = update_header(self.paths.header, rewrap)

    def _opens(self, passphrase: str, header: VaultHeader, known: tuple[KdfParams, bytes]) -> bool:
        """Does ``passphrase`` unwrap ``header``'s database key? (``known``: a KEK
        already derived, and for which parameters.)"""
        kdf, kek = known
        if header.kdf != kdf:
            kek = self._derive_kek(passphrase, header.kdf)
        try:
            unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
        except UnwrapFailed:
            return False
        return True

    # -- locking -----------------------------------------------------------------

    def current_anchor(self) -> AuditAnchor:
        with self.read() as session:
            tail = audit_chain.chain_tail(session)
        mac = audit_chain.anchor_mac(_anchor_key(self._db_key), tail.seq, tail.hash)
        return AuditAnchor(tail.seq, tail.hash, mac)

    def anchor_problem(self, anchor: AuditAnchor | None) -> Notice | None:
        """Why the header's anchor does not match the log, or None if it does."""
        if anchor is None:
            return None
        expected = audit_chain.anchor_mac(_anchor_key(self._db_key), anchor.seq, anchor.hash)
        if expected != anchor.mac:
            return Notice("the audit anchor in the header has been altered")
        with self.read() as session:
            found = audit_chain.event_hash_at(session, anchor.seq)
        if found is None:
            return Notice("audit events up to {seq} were recorded but are gone", seq=anchor.seq)
        if found != anchor.hash:
            return Notice("audit event {seq} differs from the anchored one", seq=anchor.seq)
        return None

    def _anchored(self, current: VaultHeader) -> VaultHeader | None:
        """``current`` (the header on disk, under the folder lock) with the anchor
        moved to the log's end now; None if there is nothing to move. The log only
        grows, so an anchor read under the lock is never behind one written before."""
        anchor = self.current_anchor()
        held = current.audit_anchor
        if held == anchor or (held is not None and held.seq > anchor.seq):
            return None
        return current.with_anchor(anchor)

    def lock(
        self, actor: Actor = SYSTEM, reason: str = "manual", *, keep_anchor: bool = False
    ) -> None:
        """Audit, anchor, close the engine, wipe the keys. Safe to call twice.

        The anchor is not moved when the log looked tampered with at unlock (or the
        caller says so), so a later check still sees the damage. A vault found
        damaged is closed without writing anything. The anchor goes into the header
        on disk, read under the folder lock: a passphrase changed meanwhile by
        another process stays changed."""
        if self._engine is None:
            return
        if self.damaged:
            self.close_unrecorded()
            return
        try:
            self.audit(actor, "vault.locked", detail={"reason": reason})
            if not keep_anchor and self.anchor_problem_at_unlock is None and not self.damaged:
                # Briefly: locking (the panic key too) must not hang on another process.
                self.header = update_header(self.paths.header, self._anchored, wait=5.0)
        except Exception:
            # Locking must never fail: the keys are dropped whatever happened above.
            log.warning("could not record the lock in the audit log or header", exc_info=False)
        finally:
            self.close_unrecorded()

    def close_unrecorded(self) -> None:
        """Close the engine and wipe the keys without writing anything."""
        if self._engine is None:
            return
        engine, self._engine, self._write_engine = self._engine, None, None
        # First: a checkpoint under way finishes with the key still there; then the
        # last connection's close checkpoints what is left and removes the WAL.
        self.checkpointer.close()
        with contextlib.suppress(Exception):
            engine.dispose()
        self._db_key.wipe()
        if self._device_secret is not None:
            self._device_secret.wipe()
        for listener in list(self._lock_listeners):
            with contextlib.suppress(Exception):
                listener()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock(reason="closed")


def _fetch_device_secret(header: VaultHeader, store: SecretStore) -> bytes | None:
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


def _backup_and_migrate(
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


def _unwrap_database_key(
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


def _remove_leftovers(root: Path) -> None:
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
        log.info("%d leftover temporary file(s) in the vault folder remain", len(kept))
