"""Changing a vault's passphrase: the header update that re-wraps both keys under
the new one. The database is not re-encrypted: its key does not change, only the
wrapping in the header.

The keys are unwrapped from the header on disk, under the folder lock, not from
the copy read at unlock: a change made meanwhile by another process is built
upon, or (if the old passphrase no longer opens it) refused, never undone."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.crypto.kdf import KdfParams
from app.crypto.keywrap import UnwrapFailed, unwrap_key, wrap_key
from app.crypto.secret import SecretBytes
from app.errors import HeaderCorrupt, LeftoverFiles, PassphraseChangedElsewhere, WrongPassphrase
from app.vault import leftovers
from app.vault.header import SLOT_DATABASE, SLOT_IDENTITY, VaultHeader

DeriveFn = Callable[[str, KdfParams], bytes]


def rewrapper(
    old: str,
    new: str,
    *,
    loaded: VaultHeader,
    own: VaultHeader,
    db_key: SecretBytes,
    root: Path,
    derive: DeriveFn,
    audit: Callable[[], None],
) -> Callable[[VaultHeader], VaultHeader]:
    """The update to give ``update_header``. ``loaded``: the header on disk before
    the lock; ``own``: the one this process last unlocked or re-wrapped (it tells a
    wrong current passphrase from one another process has changed since);
    ``derive`` makes a KEK; ``audit`` records the change, just before it is written.

    The slow derivations are made here, outside the lock; redone under it only if
    the header on disk has other parameters than the one they were made for."""
    old_kek = derive(old, loaded.kdf)
    new_kdf = loaded.kdf.with_new_salt()
    new_kek = derive(new, new_kdf)

    def rewrap(current: VaultHeader) -> VaultHeader:
        kek = old_kek if current.kdf == loaded.kdf else derive(old, current.kdf)
        try:
            db_key_now = unwrap_key(
                kek, current.keys[SLOT_DATABASE], current.wrap_context(SLOT_DATABASE)
            )
            identity = unwrap_key(
                kek, current.keys[SLOT_IDENTITY], current.wrap_context(SLOT_IDENTITY)
            )
        except UnwrapFailed:
            if current.keys != own.keys and _opens(old, own, (loaded.kdf, old_kek), derive):
                raise PassphraseChangedElsewhere(
                    "The passphrase was changed in another window or command after "
                    "this one unlocked; the current passphrase is the new one. "
                    "Nothing was changed."
                ) from None
            raise WrongPassphrase("The current passphrase is wrong.") from None
        if not hmac.compare_digest(db_key_now, db_key.get()):
            raise HeaderCorrupt("The vault header on disk belongs to another vault.")
        # A leftover temporary header could still open the key under an older
        # passphrase: the change is only made once none is left.
        kept = leftovers.remove(root)
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
            kek_new = derive(new, kdf)
        draft = replace(current, kdf=kdf, keys={})
        # Audited before the write: if the write then fails, the log says it was
        # attempted and the old passphrase still works (nothing half-changed).
        audit()
        return replace(
            draft,
            keys={
                SLOT_DATABASE: wrap_key(kek_new, db_key_now, draft.wrap_context(SLOT_DATABASE)),
                SLOT_IDENTITY: wrap_key(kek_new, identity, draft.wrap_context(SLOT_IDENTITY)),
            },
        )

    return rewrap


def _opens(
    passphrase: str, header: VaultHeader, known: tuple[KdfParams, bytes], derive: DeriveFn
) -> bool:
    """Does ``passphrase`` unwrap ``header``'s database key? (``known``: a KEK
    already derived, and for which parameters.)"""
    kdf, kek = known
    if header.kdf != kdf:
        kek = derive(passphrase, header.kdf)
    try:
        unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
    except UnwrapFailed:
        return False
    return True
