"""A source's blind deconfliction tokens: computed from its true identity while the
plaintext is at hand (when it is recorded or changed, or opened on purpose to
recompute them under a new key), stored beside it, and sent in packages in place
of the identity (docs/security.md, "Blind deconfliction").

Only the tokens are stored, never the normalised values. A token or a value never
goes into the audit log, a log or an exception message.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.crypto import blind_tokens
from app.crypto.blind_tokens import TokenParams
from app.domain import identity_normal
from app.domain.scope import Actor
from app.models.packages import DeconflictionKeyRow, SourceToken
from app.services.views import IdentityFields
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class CurrentKey:
    key_id: str
    secret: bytes = field(repr=False)
    params: TokenParams


@dataclass(frozen=True)
class Computed:
    """The tokens of one identity under ``key_id`` (None: the vault holds no key)."""

    key_id: str | None
    tokens: tuple[tuple[str, str], ...] = ()  # (kind, 64 hex digits)

    def __repr__(self) -> str:  # never the tokens
        return f"Computed(key_id={self.key_id!r}, tokens={len(self.tokens)})"


def current_row(session: Session) -> DeconflictionKeyRow | None:
    return session.execute(
        select(DeconflictionKeyRow).where(DeconflictionKeyRow.retired_at.is_(None))
    ).scalar_one_or_none()


def current_key(session: Session) -> CurrentKey | None:
    row = current_row(session)
    if row is None:
        return None
    return CurrentKey(
        row.key_id, row.secret, TokenParams(row.memory_kib, row.iterations, row.lanes)
    )


def tokens_of(key: CurrentKey, fields: IdentityFields) -> Computed:
    """One Argon2id evaluation per attribute: call it outside a write transaction."""
    attributes = identity_normal.attributes(
        fields.full_name, fields.date_of_birth, fields.phone_numbers, fields.addresses
    )
    return Computed(
        key.key_id,
        tuple(
            (kind, blind_tokens.token(key.secret, key.params, kind, value).hex())
            for kind, value in attributes
        ),
    )


def compute(vault: Vault, fields: IdentityFields) -> Computed:
    with vault.read() as session:
        key = current_key(session)
    return Computed(None) if key is None else tokens_of(key, fields)


def store(session: Session, source_id: uuid.UUID, computed: Computed) -> None:
    """The source's tokens become ``computed``, in the caller's write transaction.
    Tokens of its identity as it was go, under every key. Should the key have
    changed since they were computed, none are kept and the new key is marked as
    not yet recomputed (``keys deconfliction show`` says so)."""
    session.execute(delete(SourceToken).where(SourceToken.source_id == source_id))
    current = current_row(session)
    if computed.key_id is None or current is None:
        return
    if current.key_id != computed.key_id:
        current.recomputed_at = None
        return
    session.add_all(
        SourceToken(source_id=source_id, key_id=computed.key_id, kind=kind, token=token)
        for kind, token in computed.tokens
    )


def tokens_by_source(session: Session, source_ids: Sequence[str]) -> dict[str, list[SourceToken]]:
    """Stored hex source id -> its tokens under the current key (none: absent)."""
    current = current_row(session)
    if current is None or not source_ids:
        return {}
    out: dict[str, list[SourceToken]] = defaultdict(list)
    wanted = [uuid.UUID(hex=s) for s in source_ids]
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(SourceToken).where(
                SourceToken.key_id == current.key_id,
                SourceToken.source_id.in_(wanted[start : start + 500]),
            )
        ).scalars()
        for row in rows:
            out[row.source_id.hex].append(row)
    return out


def forget_retired(session: Session, actor: Actor) -> int:
    """Forget every replaced key, its secret and the tokens made with it, in the
    write transaction that records a package this vault sends: from then on only
    the current key's tokens travel (docs/security.md: how rotation limits what a
    stolen laptop gives away)."""
    retired = list(
        session.execute(
            select(DeconflictionKeyRow.key_id).where(DeconflictionKeyRow.retired_at.is_not(None))
        ).scalars()
    )
    if not retired:
        return 0
    session.execute(delete(SourceToken).where(SourceToken.key_id.in_(retired)))
    session.execute(delete(DeconflictionKeyRow).where(DeconflictionKeyRow.key_id.in_(retired)))
    audit_chain.append(
        session,
        actor,
        "deconfliction.keys_forgotten",
        record_type="deconfliction_key",
        detail={"key_ids": sorted(retired)},
    )
    return len(retired)
