"""Ed25519 signatures and key fingerprints people can compare by voice."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNING_KEY_BYTES = 32
SIGNATURE_BYTES = 64
_FINGERPRINT_CONTEXT = b"veldboek key fingerprint v1\n"


def new_signing_key() -> bytes:
    return os.urandom(SIGNING_KEY_BYTES)


def signing_public(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def sign(private: bytes, context: bytes, message: bytes) -> bytes:
    """Sign ``message`` under a domain-separation ``context`` (a signature made for
    one purpose can never be replayed as another)."""
    return Ed25519PrivateKey.from_private_bytes(private).sign(context + message)


def verify(public: bytes, context: bytes, message: bytes, signature: bytes) -> bool:
    if len(public) != SIGNING_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, context + message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Fingerprint:
    """``hex`` identifies a key pair in manifests; ``spoken`` is 10 groups of five
    digits, read aloud to compare (about 166 bits: digits read well in Dutch and
    English alike)."""

    hex: str
    spoken: str

    @property
    def short(self) -> str:
        return self.spoken.split(" ")[0]


def fingerprint(signing_public_key: bytes, recipient_public_key: bytes) -> Fingerprint:
    digest = hashlib.sha512(
        _FINGERPRINT_CONTEXT
        + len(signing_public_key).to_bytes(2, "big")
        + signing_public_key
        + recipient_public_key
    ).digest()
    groups = [
        f"{int.from_bytes(digest[i * 5 : i * 5 + 5], 'big') % 100_000:05d}" for i in range(10)
    ]
    return Fingerprint(digest[:32].hex(), " ".join(groups))
