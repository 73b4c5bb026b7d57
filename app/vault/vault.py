"""The unlocked vault: the ``Vault`` object owns the key material and the engine,
gives read and write sessions, and locks (anchoring the audit log in the header,
disposing the engine, wiping the keys). Everything that shows vault data registers
with the UI's lock controller and is cleared at the same moment.

The other parts of a vault's life have modules of their own: the folder's files
(``layout``), creating one (``creation``), the steps of unlocking (``unlock``),
changing the passphrase (``passphrase_change``), the audit anchor
(``audit_anchor``). The names callers use from them are importable from here too.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app.clock import iso_utc
from app.crypto.kdf import KdfParams, derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key
from app.crypto.secret import SecretBytes
from app.domain.scope import Actor
from app.errors import (
    DatabaseCorrupt,
    HeaderCorrupt,
    InvalidInput,
    Notice,
    StorageFull,
    VaultBusy,
    VaultError,
    VaultLocked,
    WrongPassphrase,
)
from app.models import VaultMeta
from app.vault import (
    attempts,
    audit_anchor,
    audit_chain,
    passphrase_change,
    search_bulk,
    text_guard,
    unlock,
)
from app.vault.audit_chain import SYSTEM
from app.vault.checkpoint import Checkpointer
from app.vault.creation import create_vault
from app.vault.db_errors import confirm_damage, database_error, no_room_to_open
from app.vault.device_secret import KeyringStore, SecretStore
from app.vault.engine import connect_raw, make_engine
from app.vault.header import (
    SLOT_DATABASE,
    SLOT_IDENTITY,
    AuditAnchor,
    VaultHeader,
    read_header,
    update_header,
)
from app.vault.layout import (
    BACKUPS_NAME,
    HEADER_NAME,
    META_COMPACTION_OWED,
    VaultPaths,
    owe_compaction,
)
from app.vault.passphrase import check_new_passphrase, passphrase_bytes

__all__ = [
    "BACKUPS_NAME",
    "HEADER_NAME",
    "META_COMPACTION_OWED",
    "Vault",
    "VaultPaths",
    "create_vault",
    "database_error",
    "owe_compaction",
    "passphrase_bytes",
]

log = logging.getLogger(__name__)


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
        header = unlock.header_to_open(paths)
        device_secret = unlock.fetch_device_secret(header, device_store or KeyringStore())
        header, db_key = unlock.unwrap_database_key(paths, header, passphrase, device_secret)
        # The passphrase is right: now the files an interrupted write left go first.
        unlock.remove_leftovers(paths.root)
        zeroed = unlock.zeroed_or_refused(paths, db_key, refuse_damaged)

        engine = make_engine(paths.db, db_key, auto_checkpoint=False)
        try:
            identity_public = unlock.check_database(engine, header, paths, db_key, migrate_schema)
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

    def record_open(self, actor: Actor = SYSTEM) -> None:
        """Audit the unlock, folding in the failed attempts (and an anchor mismatch)."""
        failures = attempts.read_failures(self.paths.attempts)
        try:
            self._record_open(actor, failures)
        except StorageFull:
            raise no_room_to_open() from None
        attempts.clear(self.paths.attempts)

    def _record_open(self, actor: Actor, failures: list[datetime]) -> None:
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
            search_bulk.restore_merging(session.connection().connection.dbapi_connection)

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
            event.listen(session, "before_flush", text_guard.refuse_nul)
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
            mapped = database_error(exc, self.paths.root)
            if isinstance(mapped, DatabaseCorrupt):
                mapped = self._damage_or_out_of_date()
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

    def _damage_or_out_of_date(self) -> VaultError:
        """An error that reads as damage: so only if a new connection finds the file
        damaged. Another process writing to the vault can leave this one's open
        connections out of step; they are closed first (the next use opens new
        ones), and nothing is marked damaged while the file checks out."""
        engine = self._engine
        if engine is None:
            return VaultLocked()  # locked meanwhile: its key is gone, nothing to check
        engine.dispose()
        key = self._db_key
        found = confirm_damage(lambda: connect_raw(self.paths.db, key), self.paths.root)
        if isinstance(found, DatabaseCorrupt):
            self.damaged = True
        return found

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
        """Re-wrap both keys under a new passphrase (``passphrase_change``): the
        database is not re-encrypted, and a change made meanwhile by another
        process is built upon or refused, never undone."""
        check_new_passphrase(new)
        if self.is_locked:
            raise VaultLocked()
        rewrap = passphrase_change.rewrapper(
            old,
            new,
            loaded=self.current_header(),
            own=self._own_header,
            db_key=self._db_key,
            root=self.paths.root,
            derive=self._derive_kek,
            audit=lambda: self.audit(actor, "vault.passphrase_changed"),
        )
        self.header = self._own_header = update_header(self.paths.header, rewrap)

    # -- locking -----------------------------------------------------------------

    def current_anchor(self) -> AuditAnchor:
        return audit_anchor.anchor_now(self.read, self._db_key)

    def anchor_problem(self, anchor: AuditAnchor | None) -> Notice | None:
        """Why the header's anchor does not match the log, or None if it does."""
        return audit_anchor.anchor_problem(self.read, self._db_key, anchor)

    def _anchored(self, current: VaultHeader) -> VaultHeader | None:
        """``current`` (the header on disk, under the folder lock) with the anchor
        moved to the log's end now; None if there is nothing to move."""
        return audit_anchor.moved_anchor(current, self.current_anchor())

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
