"""The true identity a handover carries (docs/package-format.md, section 7.4).

Every vault that reads a handover checks the seal's form first (``seal_form``,
from ``package_validation.validate_handover``): the handler too, who holds no key
for it. The new runner's vault then opens it and checks what it holds
(``opened``): ``package verify`` and ``package import`` alike, with this code and
its errors, before what the vault holds is looked at; verify keeps nothing. The
old runner's vault checks its own record by the same rule, and its seal's length
by ``MAX_CHARS``, before it writes anything (``identity.seal_for_handover``), so it
never writes what the new runner refuses.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.crypto import sealing
from app.export.errors import MalformedPackage
from app.services.records import identity
from app.services.views import IdentityFields

# HPKE's ``enc || ct`` with the suite of the age stanzas: the encapsulated key of
# MLKEM768-X25519 (the ML-KEM-768 ciphertext, 1,088 bytes, and an X25519 share, 32),
# then the plaintext and ChaCha20-Poly1305's 16-byte tag.
ENC_BYTES = 1088 + 32
TAG_BYTES = 16
# The shortest identity the new runner takes: {"full_name":"X", the other five
# members empty}, written without spaces.
SHORTEST_PLAINTEXT = 96
SHORTEST_SEAL = ENC_BYTES + SHORTEST_PLAINTEXT + TAG_BYTES
# Base64 characters of the seal: the old vault's own limit, so it never writes more.
MAX_CHARS = identity.HANDOVER_MAX_CHARS


def not_a_seal() -> MalformedPackage:
    return MalformedPackage(
        "The true identity in the handover is not a well-formed seal; nothing was imported."
    )


def does_not_open() -> MalformedPackage:
    return MalformedPackage(
        "The true identity in the handover does not open with this vault's key; "
        "nothing was imported."
    )


def malformed() -> MalformedPackage:
    return MalformedPackage("The true identity in the handover is malformed; nothing was imported.")


def seal_form(text: object) -> bytes | None:
    """The ``identity`` member's sealed bytes (None: no identity travels), checked
    as far as a vault without its key can: canonical base64 (no padding bits set)
    of at most ``MAX_CHARS`` characters, and at least an encapsulated key, the
    shortest identity and a tag. Anything else is refused with ``not_a_seal``."""
    if text is None:
        return None
    sealed = identity.canonical_base64(text, MAX_CHARS)
    if sealed is None or len(sealed) < SHORTEST_SEAL:
        raise not_a_seal()
    return sealed


def opened(
    package_id: uuid.UUID, handover: dict[str, Any], receiving_seed: bytes
) -> IdentityFields | None:
    """In the new runner's vault: the identity the handover carries, opened with
    this vault's receiving key and checked (``identity.strict_fields``); None when
    it carries none. Refused with ``does_not_open`` or ``malformed``; the caller
    keeps nothing of it unless it imports the package."""
    sealed = seal_form(handover["identity"])
    if sealed is None:
        return None
    source_id = uuid.UUID(handover["source_id"])
    info = identity.handover_info(package_id, source_id, handover["to_runner"])
    try:
        plain = sealing.open_sealed(
            sealing.private_from_receiving_seed(receiving_seed), sealed, info
        )
    except sealing.SealOpenFailed:
        raise does_not_open() from None
    try:
        return identity.strict_fields(plain)
    except ValueError:
        raise malformed() from None
