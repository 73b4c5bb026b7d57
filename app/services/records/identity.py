"""True identities: sealed on write, revealed only on purpose.

Recording an identity needs only the vault's identity *public* key. Revealing
one needs the passphrase again (to unwrap the identity private key), a reason,
and is audited, whether it succeeds or not. The private key is wiped right after.
"""

from __future__ import annotations

import base64
import json
import uuid

from sqlalchemy import select

from app.crypto import sealing
from app.dal.handed_over import get_writable
from app.dal.scope import get_visible
from app.domain.scope import Scope
from app.errors import InvalidInput, NotFound, WrongPassphrase
from app.models import Source, TrueIdentity
from app.services.records import identity_tokens
from app.services.views import IdentityFields
from app.vault import audit_chain
from app.vault.vault import Vault

_INFO_PREFIX = b"veldboek identity v1|"
MAX_PHOTO_BYTES = 2 * 1024 * 1024


def _info(vault: Vault, source_id: uuid.UUID) -> bytes:
    # Binds a sealed record to its vault and source: a blob moved to another
    # source's row does not open.
    return _INFO_PREFIX + vault.vault_id.bytes + source_id.bytes


def _encode(fields: IdentityFields) -> bytes:
    return json.dumps(
        {
            "full_name": fields.full_name,
            "date_of_birth": fields.date_of_birth,
            "addresses": list(fields.addresses),
            "phone_numbers": list(fields.phone_numbers),
            "photo_png": base64.b64encode(fields.photo_png).decode("ascii"),
            "notes": fields.notes,
        },
        ensure_ascii=False,
    ).encode("utf-8")


def _decode(data: bytes) -> IdentityFields:
    doc = json.loads(data.decode("utf-8"))
    return IdentityFields(
        full_name=doc["full_name"],
        date_of_birth=doc["date_of_birth"],
        addresses=tuple(doc["addresses"]),
        phone_numbers=tuple(doc["phone_numbers"]),
        photo_png=base64.b64decode(doc["photo_png"]),
        notes=doc["notes"],
    )


def open_sealed(
    vault: Vault, private: bytes, source_id: uuid.UUID, sealed: bytes
) -> IdentityFields:
    """A sealed identity of this vault, opened with the unwrapped identity key
    (``identity_tokens``: to compute its tokens, never to show it)."""
    return _decode(sealing.open_sealed(private, sealed, _info(vault, source_id)))


def seal_identity(vault: Vault, source_id: uuid.UUID, fields: IdentityFields) -> bytes:
    return sealing.seal(vault.identity_public, _encode(fields), _info(vault, source_id))


def record_identity(
    vault: Vault, scope: Scope, source_id: uuid.UUID, fields: IdentityFields
) -> None:
    if not fields.full_name.strip():
        raise InvalidInput("A true identity needs at least the full name.")
    if len(fields.photo_png) > MAX_PHOTO_BYTES:
        raise InvalidInput("The photo is larger than 2 MB.")
    # Computed before the write lock (Argon2id per attribute), while the plaintext
    # is at hand: the blind tokens of the identity under the vault's current key.
    tokens = identity_tokens.compute(vault, fields)
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        sealed = seal_identity(vault, source.id, fields)
        existing = session.execute(
            select(TrueIdentity).where(TrueIdentity.source_id == source.id)
        ).scalar_one_or_none()
        if existing is None:
            session.add(
                TrueIdentity(
                    source_id=source.id, compartment_id=source.compartment_id, sealed=sealed
                )
            )
        else:
            existing.sealed = sealed
        identity_tokens.store(session, source.id, tokens)
        audit_chain.append(
            session,
            scope.actor,
            "identity.recorded" if existing is None else "identity.replaced",
            record_type="source",
            record_id=source.id,
            compartment_id=source.compartment_id,
        )


# The fewest characters a reason to reveal may have: the audit log must say why.
MIN_REVEAL_REASON = 5


def _check_reveal_reason(reason: str) -> None:
    given = len(reason.strip())
    if not given:
        raise InvalidInput("Give the reason for revealing the identity.")
    if given < MIN_REVEAL_REASON:
        raise InvalidInput(
            "The reason is too short: write at least {n} characters, so that the audit "
            "log says why the identity was revealed.",
            n=MIN_REVEAL_REASON,
        )


def reveal_identity(
    vault: Vault, scope: Scope, source_id: uuid.UUID, *, passphrase: str, reason: str
) -> IdentityFields:
    """Open a source's true identity. Slow on purpose (a full key derivation):
    call it off the GUI thread."""
    _check_reveal_reason(reason)
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        row = session.execute(
            select(TrueIdentity.sealed).where(TrueIdentity.source_id == source.id)
        ).scalar_one_or_none()
        compartment_id = source.compartment_id
    if row is None:
        raise NotFound("No true identity has been recorded for this source.")
    try:
        key = vault.unwrap_identity_key(passphrase)
    except WrongPassphrase:
        vault.audit(
            scope.actor,
            "identity.reveal_refused",
            record_type="source",
            record_id=source_id,
            compartment_id=compartment_id,
            detail={"why": "wrong passphrase"},
        )
        raise
    try:
        fields = _decode(sealing.open_sealed(key.get(), row, _info(vault, source_id)))
    finally:
        key.wipe()
    vault.audit(
        scope.actor,
        "identity.revealed",
        record_type="source",
        record_id=source_id,
        compartment_id=compartment_id,
        detail={"reason": reason.strip()},
    )
    return fields


def identity_strings(
    vault: Vault, scope: Scope, source_id: uuid.UUID, passphrase: str
) -> list[str]:
    """Every identifying string of a source's identity, for the sanitisation guard.
    Audited as a check, not as a reveal: nothing is shown to the user."""
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        row = session.execute(
            select(TrueIdentity.sealed).where(TrueIdentity.source_id == source.id)
        ).scalar_one_or_none()
    if row is None:
        return []
    key = vault.unwrap_identity_key(passphrase)
    try:
        fields = _decode(sealing.open_sealed(key.get(), row, _info(vault, source_id)))
    finally:
        key.wipe()
    out = [fields.full_name, *fields.addresses, *fields.phone_numbers]
    if fields.date_of_birth:
        out.append(fields.date_of_birth)
    # Surname and given names separately: a sanitised text must not name either.
    out.extend(part for part in fields.full_name.split() if len(part) > 2)
    return [s for s in out if s.strip()]


# A handover seals the identity again, to the new runner's receiving key, bound to
# the package, the source and that key (docs/package-format.md, section 7.4).
_HANDOVER_PREFIX = b"veldboek handover identity v1|"


def handover_info(package_id: uuid.UUID, source_id: uuid.UUID, to_fingerprint: str) -> bytes:
    return _HANDOVER_PREFIX + package_id.bytes + source_id.bytes + bytes.fromhex(to_fingerprint)


def seal_for_handover(
    vault: Vault,
    source_id: uuid.UUID,
    sealed_here: bytes,
    *,
    passphrase: str,
    recipient_public: bytes,
    info: bytes,
) -> bytes:
    """The identity sealed in this vault, opened (the passphrase unwraps the
    identity key) and sealed to the new runner's receiving key only: the handler,
    a co-recipient of the package, cannot open it. The key is wiped at once."""
    key = vault.unwrap_identity_key(passphrase)
    try:
        plain = sealing.open_sealed(key.get(), sealed_here, _info(vault, source_id))
    finally:
        key.wipe()
    return sealing.seal(recipient_public, plain, info)


def seal_received(
    vault: Vault, source_id: uuid.UUID, sealed_to_us: bytes, receiving_seed: bytes, info: bytes
) -> tuple[bytes, identity_tokens.Computed] | None:
    """A handed-over identity, opened with this vault's receiving key and sealed
    to this vault's identity key like one recorded here, with its blind tokens
    under this vault's key (computed now, while the plaintext is at hand); None if
    it does not open or is not an identity record."""
    try:
        plain = sealing.open_sealed(
            sealing.private_from_receiving_seed(receiving_seed), sealed_to_us, info
        )
        fields = _decode(plain)
    except (sealing.SealOpenFailed, ValueError, KeyError, TypeError):
        return None
    if not fields.full_name.strip() or len(fields.photo_png) > MAX_PHOTO_BYTES:
        return None
    return seal_identity(vault, source_id, fields), identity_tokens.compute(vault, fields)
