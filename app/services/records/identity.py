"""True identities: sealed on write, revealed only on purpose.

Recording an identity needs only the vault's identity *public* key. Revealing
one needs the passphrase again (to unwrap the identity private key), a reason,
and is audited, whether it succeeds or not. The private key is wiped right after.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from typing import Any

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
# Base64 characters of a handover's sealed identity a reader takes (section 7.4):
# a photo of at most 2 MB and its text, well bounded. The old vault refuses more.
HANDOVER_MAX_CHARS = 4_000_000


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
    if fields.photo_png and not fields.photo_png.startswith(PNG_SIGNATURE):
        raise InvalidInput("The photo is not a PNG image.")
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
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MEMBERS = frozenset(
    {"full_name", "date_of_birth", "addresses", "phone_numbers", "photo_png", "notes"}
)
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def handover_info(package_id: uuid.UUID, source_id: uuid.UUID, to_fingerprint: str) -> bytes:
    return _HANDOVER_PREFIX + package_id.bytes + source_id.bytes + bytes.fromhex(to_fingerprint)


def canonical_base64(text: object, limit: int) -> bytes | None:
    """RFC 4648 base64, padded, in the one form that encodes its bytes (no padding
    bits set), at most ``limit`` characters; None for anything else."""
    if type(text) is not str or len(text) > limit or _BASE64.fullmatch(text) is None:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if base64.b64encode(data).decode("ascii") == text else None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("a member twice")
    return out


def _refuse_constant(text: str) -> None:
    raise ValueError(f"not JSON: {text}")


def _text(value: object) -> bool:
    """A string that is Unicode text (no lone surrogate: UTF-8 cannot hold one)."""
    if type(value) is not str:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _texts(value: object) -> bool:
    return type(value) is list and all(_text(v) for v in value)


def strict_fields(plain: bytes) -> IdentityFields:
    """An identity's plaintext as a handover carries it (section 7.4), or
    ``ValueError``: UTF-8 JSON (any whitespace: a vault passes its record's bytes
    on) of one object with exactly the six members, none twice; ``full_name`` text
    not blank, ``date_of_birth`` and ``notes`` text (as recorded, any text),
    ``addresses`` and ``phone_numbers`` lists of text, ``photo_png`` "" or the
    canonical base64 of a PNG (its signature) of at most 2 MB."""
    try:
        doc = json.loads(
            plain.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
        )
    except RecursionError:
        raise ValueError("nested too deep") from None
    if type(doc) is not dict or doc.keys() != _MEMBERS:
        raise ValueError("not the identity's members")
    if not (
        all(_text(doc[k]) for k in ("full_name", "date_of_birth", "photo_png", "notes"))
        and _texts(doc["addresses"])
        and _texts(doc["phone_numbers"])
        and doc["full_name"].strip()
    ):
        raise ValueError("a member of the wrong type")
    photo = b""
    if doc["photo_png"]:
        found = canonical_base64(doc["photo_png"], (MAX_PHOTO_BYTES + 2) // 3 * 4)
        if found is None or len(found) > MAX_PHOTO_BYTES or not found.startswith(PNG_SIGNATURE):
            raise ValueError("the photo is not a PNG of at most 2 MB")
        photo = found
    return IdentityFields(
        full_name=doc["full_name"],
        date_of_birth=doc["date_of_birth"],
        addresses=tuple(doc["addresses"]),
        phone_numbers=tuple(doc["phone_numbers"]),
        photo_png=photo,
        notes=doc["notes"],
    )


def _too_large_to_hand_over(fields: IdentityFields) -> InvalidInput:
    return InvalidInput(
        "The source's true identity is too large to hand over: its photo ({photo} KB) and "
        "its notes ({notes} characters) make a seal larger than the new runner's vault "
        "takes. Record it again with a smaller photo or shorter notes, then hand the source "
        "over. Nothing was written; the source was not handed over.",
        photo=-(-len(fields.photo_png) // 1024),
        notes=len(fields.notes),
    )


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
    a co-recipient of the package, cannot open it. The key is wiped at once. An
    identity the new runner would refuse (``strict_fields``), or whose seal is
    longer in base64 than a reader takes (``HANDOVER_MAX_CHARS``), is refused
    here, before anything is written."""
    key = vault.unwrap_identity_key(passphrase)
    try:
        plain = sealing.open_sealed(key.get(), sealed_here, _info(vault, source_id))
    finally:
        key.wipe()
    try:
        fields = strict_fields(plain)
    except ValueError:
        raise InvalidInput(
            "The source's true identity as recorded here cannot be handed over (its photo "
            "is not a PNG image, or a field is malformed): record it again, then hand the "
            "source over."
        ) from None
    sealed = sealing.seal(recipient_public, plain, info)
    if -(-len(sealed) // 3) * 4 > HANDOVER_MAX_CHARS:  # padded base64, as it travels
        raise _too_large_to_hand_over(fields)
    return sealed
