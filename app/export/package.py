"""Sealing and opening packages: the container inside an age file with one
mlkem768x25519 stanza per recipient, padded with decoys to ``slots`` stanzas."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from app import limits
from app.crypto import age
from app.export import canonical, container
from app.export.errors import (
    MalformedPackage,
    NotForThisVault,
    PackageTooLarge,
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
    container: bytearray  # the decrypted payload: what ``inner`` was parsed from
    only_hybrid: bool = True  # every stanza is of the type mlkem768x25519

    @property
    def body(self) -> dict[str, Any]:
        return self.inner.body

    def release(self) -> None:
        """Let the decrypted container go once it is kept elsewhere (compressed):
        ``container`` and the body's bytes are empty afterwards."""
        self.inner.body_view.release()
        self.container.clear()


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
    who holds the file key still cannot swap, drop or add a stanza unnoticed.
    Refused (before anything is recorded) if a reader would refuse it as too large."""
    sealer = age.prepare(recipients, min_stanzas=slots(len(recipients)))
    signed = replace(manifest, header_sha256=hashlib.sha256(sealer.header_text).hexdigest())
    inner = container.build_parts(signed.to_dict(), body, signing_private)
    _refuse_if_too_large(manifest.kind, inner, sealer)
    return sealer, inner


def _refuse_if_too_large(kind: str, inner: bytes, sealer: age.Sealer) -> None:
    sealed = sealer.sealed_size(len(inner))
    # the lengths as the container gives them (section 2 of docs/package-format.md)
    manifest_length = int.from_bytes(inner[5:9], "big")
    at = 9 + manifest_length + 64
    body_length = int.from_bytes(inner[at : at + 4], "big")
    if kind == "receipt":
        if sealed > limits.MAX_RECEIPT_BYTES:
            raise PackageTooLarge(
                "This receipt would be larger than a receipt can be ({mb} MiB): there are "
                "too many long review comments since the previous receipt.",
                mb=limits.MAX_RECEIPT_BYTES // limits.MIB,
            )
    elif (
        sealed > limits.MAX_PACKAGE_BYTES
        or body_length > container.MAX_BODY
        or manifest_length > container.MAX_MANIFEST
    ):
        raise PackageTooLarge(
            "This package would hold more than a package can ({mb} MiB of records and "
            "files): send fewer debriefs, or smaller files, at a time.",
            mb=container.MAX_BODY // limits.MIB,
        )


def _age_error(exc: age.AgeError) -> Exception:
    text = str(exc)
    if isinstance(exc, age.NoIdentityMatched):
        return NotForThisVault(
            "This vault's key opens none of the package's recipient slots: the package is "
            "not addressed to this vault, or its header was damaged."
        )
    if text == "not an age file":
        return MalformedPackage("This is not a Veldboek package.")
    if "unsupported age version" in text:
        return UnsupportedVersion("The package uses an age version this Veldboek does not read.")
    if isinstance(exc, age.MacError | age.PayloadError):
        return TamperedPackage("The package was altered or cut short: {why}.", why=text)
    return MalformedPackage("The package is damaged: {why}.", why=text)


def decrypt(source: bytes | age.Source, receiving_seed: bytes) -> age.Decrypted:
    """The container, decrypted chunk by chunk as the file is read (the sealed
    bytes are never held whole), with the file's SHA-256."""
    try:
        return age.decrypt_source(
            source if isinstance(source, age.Source) else age.Source.of(source), receiving_seed
        )
    except age.AgeError as exc:
        raise _age_error(exc) from None


def parse(decrypted: age.Decrypted, *, parse_body: bool = True) -> Opened:
    """Parse a decrypted package; ``parse_body``: see ``container.parse``."""
    inner = container.parse(decrypted.plaintext, parse_body=parse_body)
    manifest = Manifest.from_dict(inner.manifest)
    header = decrypted.header
    return Opened(
        manifest,
        inner,
        decrypted.sha256,
        len(header.stanzas),
        hashlib.sha256(header.raw_without_mac).hexdigest(),
        decrypted.plaintext,
        all(s.args[0] == age.STANZA_TYPE for s in header.stanzas),
    )


def open_package(source: bytes | age.Source, receiving_seed: bytes) -> Opened:
    """Decrypt and parse; the caller then checks the signer (``inner.verify``) and
    that ``own_fingerprint`` is among the recipients (``check_recipients``)."""
    return parse(decrypt(source, receiving_seed))


def peek_manifest(source: age.Source, receiving_seed: bytes) -> dict[str, Any]:
    """The manifest as the file's first chunks hold it (``age.Prefix``), not
    verified: where a package belongs (its channel and number), never that it
    holds, which ``open_package`` and the checks after it say."""
    try:
        return container.manifest_at_start(age.Prefix(source, receiving_seed).read)
    except age.AgeError as exc:
        raise _age_error(exc) from None


def peek_signed(source: age.Source, receiving_seed: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    """``peek_manifest`` with the manifest's bytes and its signature (not checked)."""
    try:
        return container.signed_manifest_at_start(age.Prefix(source, receiving_seed).read)
    except age.AgeError as exc:
        raise _age_error(exc) from None


def check_recipients(opened: Opened, own_fingerprint: str) -> None:
    if own_fingerprint not in opened.manifest.recipients:
        raise RecipientMismatch(
            "The package was not addressed to this vault by its sender (it was re-sealed)."
        )
    if opened.stanzas != slots(len(opened.manifest.recipients)) or not opened.only_hybrid:
        # A writer makes exactly ``slots`` stanzas, all of the hybrid type (section 3).
        raise RecipientMismatch(
            "The package's recipient slots are not the number and kind the format prescribes."
        )
    if opened.header_sha256 != opened.manifest.header_sha256:
        raise RecipientMismatch(
            "The package's recipient slots were changed after it was signed (one was "
            "swapped, removed or added)."
        )


def inspect(source: bytes | age.Source) -> dict[str, Any]:
    """What anyone can learn without a key: format, version, sizes. Nothing about
    sender, recipients or content. Only the header is read."""
    if not isinstance(source, age.Source):
        source = age.Source.of(source)
    try:
        outline = age.outline_of(age.read_header(source), source.size)
    except age.AgeError as exc:
        raise _age_error(exc) from None
    return {
        "format": "age-encryption.org/v1",
        "recipient_type": sorted(set(outline.stanza_types)),
        "recipient_slots": len(outline.stanza_types),
        "size_bytes": source.size,
        "payload_bytes": outline.payload_bytes,
        "chunks": outline.chunks,
    }
