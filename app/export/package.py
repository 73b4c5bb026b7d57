"""Sealing and opening packages: the container inside an age file with one
mlkem768x25519 stanza per recipient, padded with decoys to ``slots`` stanzas."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from app.crypto import age
from app.export import canonical, container
from app.export.errors import (
    MalformedPackage,
    NotForThisVault,
    RecipientMismatch,
    TamperedPackage,
    UnsupportedVersion,
)
from app.export.manifest import Manifest

# The header always has at least this many stanzas (decoys fill the rest), so it
# does not tell how many recipients a package has.
RECIPIENT_SLOTS = 4


def slots(recipients: int) -> int:
    """Stanzas in a header: 4, or the next power of two above the recipients, so
    the count says at most in which band the number of recipients lies."""
    n = RECIPIENT_SLOTS
    while n < recipients:
        n *= 2
    return n


@dataclass(frozen=True)
class Opened:
    manifest: Manifest
    inner: container.Inner
    sha256: str  # of the whole file: what receipts and the sequence chain name
    stanzas: int
    header_sha256: str  # of the header as received, up to "---" (the manifest names it)
    container: bytes  # the decrypted payload: what ``inner`` was parsed from

    @property
    def body(self) -> dict[str, Any]:
        return self.inner.body


def seal(
    manifest: Manifest, body: dict[str, Any], signing_private: bytes, recipients: list[bytes]
) -> bytes:
    sealer, inner = prepare_signed(manifest, [canonical.dumps(body)], signing_private, recipients)
    return sealer.seal(inner)


def prepare_signed(
    manifest: Manifest,
    body: canonical.Parts,
    signing_private: bytes,
    recipients: list[bytes],
) -> tuple[age.Sealer, bytes]:
    """The age header for ``recipients`` and the signed container to seal with it.
    The header is made first and its hash signed inside the manifest: a recipient
    who holds the file key still cannot swap, drop or add a stanza unnoticed."""
    sealer = age.prepare(recipients, min_stanzas=slots(len(recipients)))
    signed = replace(manifest, header_sha256=hashlib.sha256(sealer.header_text).hexdigest())
    return sealer, container.build_parts(signed.to_dict(), body, signing_private)


def _age_error(exc: age.AgeError) -> Exception:
    text = str(exc)
    if isinstance(exc, age.NoIdentityMatched):
        return NotForThisVault(
            "This vault's key opens none of the package's recipient slots: the package is "
            "not addressed to this vault, or its header was damaged."
        )
    if "unsupported age version" in text:
        return UnsupportedVersion("The package uses an age version this Veldboek does not read.")
    if isinstance(exc, age.MacError | age.PayloadError):
        return TamperedPackage("The package was altered or cut short: {why}.", why=text)
    return MalformedPackage("The package is damaged: {why}.", why=text)


def open_package(
    data: bytes, receiving_seed: bytes, *, body_checked_by_caller: bool = False
) -> Opened:
    """Decrypt and parse; the caller then checks the signer (``inner.verify``) and
    that ``own_fingerprint`` is among the recipients (``check_recipients``).
    ``body_checked_by_caller``: see ``container.parse``."""
    try:
        header = age.parse_header(data)
        plain = age.decrypt(data, receiving_seed)
    except age.AgeError as exc:
        raise _age_error(exc) from None
    inner = container.parse(plain, body_checked_by_caller=body_checked_by_caller)
    manifest = Manifest.from_dict(inner.manifest)
    return Opened(
        manifest,
        inner,
        hashlib.sha256(data).hexdigest(),
        len(header.stanzas),
        hashlib.sha256(header.raw_without_mac).hexdigest(),
        plain,
    )


def check_recipients(opened: Opened, own_fingerprint: str) -> None:
    if own_fingerprint not in opened.manifest.recipients:
        raise RecipientMismatch(
            "The package was not addressed to this vault by its sender (it was re-sealed)."
        )
    if opened.stanzas < max(RECIPIENT_SLOTS, len(opened.manifest.recipients)):
        raise RecipientMismatch("A recipient was removed from the package after sealing.")
    if opened.header_sha256 != opened.manifest.header_sha256:
        raise RecipientMismatch(
            "The package's recipient slots were changed after it was signed (one was "
            "swapped, removed or added)."
        )


def inspect(data: bytes) -> dict[str, Any]:
    """What anyone can learn without a key: format, version, sizes. Nothing about
    sender, recipients or content."""
    try:
        outline = age.outline(data)
    except age.AgeError as exc:
        raise _age_error(exc) from None
    return {
        "format": "age-encryption.org/v1",
        "recipient_type": sorted(set(outline.stanza_types)),
        "recipient_slots": len(outline.stanza_types),
        "size_bytes": len(data),
        "payload_bytes": outline.payload_bytes,
        "chunks": outline.chunks,
    }
