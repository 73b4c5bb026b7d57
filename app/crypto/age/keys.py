"""age ``mlkem768x25519`` keys: an identity is a 32-byte seed expanded (X-Wing) into
an ML-KEM-768 and an X25519 private key; a recipient is their 1216-byte public
key. Both have bech32 text forms."""

from __future__ import annotations

import hashlib
import os

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.crypto import bech32
from app.crypto.age.encoding import IDENTITY_HRP, PUBLIC_BYTES, RECIPIENT_HRP, SEED_BYTES, AgeError

_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def _expand(seed: bytes) -> tuple[mlkem.MLKEM768PrivateKey, X25519PrivateKey]:
    # The MLKEM768-X25519 KEM (draft-ietf-hpke-pq, X-Wing) expands a 32-byte seed
    # with SHAKE256 into the ML-KEM seed (d || z) and the X25519 private key.
    if len(seed) != SEED_BYTES:
        raise AgeError("identity seed must be 32 bytes")
    expanded = hashlib.shake_256(seed).digest(96)
    return (
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        X25519PrivateKey.from_private_bytes(expanded[64:]),
    )


def public_key(seed: bytes) -> bytes:
    ml, x = _expand(seed)
    return ml.public_key().public_bytes_raw() + x.public_key().public_bytes_raw()


def new_identity() -> bytes:
    return os.urandom(SEED_BYTES)


def encode_identity(seed: bytes) -> str:
    return bech32.encode(IDENTITY_HRP, seed).upper()


def decode_identity(text: str) -> bytes:
    try:
        hrp, data = bech32.decode(text)
    except bech32.Bech32Error as exc:
        raise AgeError(f"not an age identity ({exc})") from exc
    if hrp != IDENTITY_HRP or len(data) != SEED_BYTES:
        raise AgeError("not an age post-quantum identity")
    return data


def encode_recipient(public: bytes) -> str:
    if len(public) != PUBLIC_BYTES:
        raise AgeError("recipient must be 1216 bytes")
    return bech32.encode(RECIPIENT_HRP, public)


def decode_recipient(text: str) -> bytes:
    try:
        hrp, data = bech32.decode(text)
    except bech32.Bech32Error as exc:
        raise AgeError(f"not an age recipient ({exc})") from exc
    if hrp != RECIPIENT_HRP or len(data) != PUBLIC_BYTES:
        raise AgeError("not an age post-quantum recipient")
    return data


def _hpke_public(public: bytes) -> hpke.MLKEM768X25519PublicKey:
    if len(public) != PUBLIC_BYTES:
        raise AgeError("recipient must be 1216 bytes")
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(public[:1184]),
            X25519PublicKey.from_public_bytes(public[1184:]),
        )
    except ValueError as exc:
        raise AgeError("recipient key is not a valid ML-KEM-768 + X25519 key") from exc
