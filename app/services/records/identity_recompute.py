"""Recomputing every source's blind tokens under the vault's current
deconfliction key: each sealed true identity is opened with the identity key
(the passphrase unwraps it), its tokens computed, and the plaintext dropped. The
identity is never shown, logged or written anywhere; the action is audited
("deconfliction.tokens_recomputed", or "...recompute_refused" for a wrong
passphrase), with counts only. Slow on purpose (a key derivation, and one
Argon2id evaluation per attribute): call it off the GUI thread."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select

from app.clock import utc_now
from app.domain.scope import Scope
from app.errors import NotFound, WrongPassphrase
from app.models import TrueIdentity
from app.models.packages import SourceToken
from app.services.records import identity, identity_tokens
from app.vault import audit_chain
from app.vault.vault import Vault

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Recomputed:
    key_id: str
    sources: int  # sources with a true identity
    tokens: int


def no_key() -> NotFound:
    return NotFound("This vault holds no deconfliction key yet: import the key package first.")


def recompute(
    vault: Vault, scope: Scope, *, passphrase: str, progress: ProgressFn | None = None
) -> Recomputed:
    with vault.read() as session:
        key = identity_tokens.current_key(session)
        rows = list(session.execute(select(TrueIdentity.source_id, TrueIdentity.sealed)).all())
    if key is None:
        raise no_key()
    try:
        private = vault.unwrap_identity_key(passphrase)
    except WrongPassphrase:
        vault.audit(
            scope.actor,
            "deconfliction.recompute_refused",
            record_type="deconfliction_key",
            record_id=key.key_id,
            detail={"why": "wrong passphrase"},
        )
        raise
    computed: dict[uuid.UUID, identity_tokens.Computed] = {}
    try:
        for n, (source_id, sealed) in enumerate(rows, 1):
            fields = identity.open_sealed(vault, private.get(), source_id, sealed)
            computed[source_id] = identity_tokens.tokens_of(key, fields)
            del fields
            if progress is not None:
                progress(n, len(rows))
    finally:
        private.wipe()
    with vault.write() as session:
        current = identity_tokens.current_row(session)
        if current is None or current.key_id != key.key_id:
            # Another key came in meanwhile: these tokens are of no use any more.
            raise NotFound(
                "Another deconfliction key arrived meanwhile; recompute the tokens again."
            )
        # Only identities as they were read: one recorded or changed meanwhile got
        # its tokens then (``identity.record_identity``), one removed has none.
        held = dict(session.execute(select(TrueIdentity.source_id, TrueIdentity.sealed)).all())
        count = 0
        for source_id, sealed in rows:
            if held.get(source_id) != sealed:
                continue
            session.execute(delete(SourceToken).where(SourceToken.source_id == source_id))
            result = computed[source_id]
            session.add_all(
                SourceToken(source_id=source_id, key_id=key.key_id, kind=kind, token=token)
                for kind, token in result.tokens
            )
            count += len(result.tokens)
        current.recomputed_at = utc_now()
        audit_chain.append(
            session,
            scope.actor,
            "deconfliction.tokens_recomputed",
            record_type="deconfliction_key",
            record_id=key.key_id,
            detail={"sources": len(computed), "tokens": count},
        )
    return Recomputed(key.key_id, len(computed), count)
