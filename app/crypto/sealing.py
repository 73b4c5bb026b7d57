"""Sealing of true-identity records to the vault's identity key.

Anyone with the public key can seal (so a runner can record an identity without
re-entering the passphrase); only the private key opens, and that key is unwrapped
only for a deliberate reveal. The KEM is the hybrid ML-KEM-768 + X25519, so a
recorded database copy does not become readable to a future quantum computer.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MLKEM_SEED_BYTES = 64
X25519_BYTES = 32
PRIVATE_BYTES = MLKEM_SEED_BYTES + X25519_BYTES
MLKEM768_PUBLIC_BYTES = 1184
PUBLIC_BYTES = MLKEM768_PUBLIC_BYTES + X25519_BYTES

_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class SealOpenFailed(Exception):
    pass


@dataclass(frozen=True)
class HybridKeyPair:
    private: bytes  # ML-KEM-768 seed (64) || X25519 private (32)
    public: bytes  # ML-KEM-768 public (1184) || X25519 public (32)


def _private_key(private: bytes) -> hpke.MLKEM768X25519PrivateKey:
    if len(private) != PRIVATE_BYTES:
        raise SealOpenFailed("private key has the wrong length")
    return hpke.MLKEM768X25519PrivateKey(
        mlkem.MLKEM768PrivateKey.from_seed_bytes(private[:MLKEM_SEED_BYTES]),
        X25519PrivateKey.from_private_bytes(private[MLKEM_SEED_BYTES:]),
    )


def _public_key(public: bytes) -> hpke.MLKEM768X25519PublicKey:
    if len(public) != PUBLIC_BYTES:
        raise SealOpenFailed("public key has the wrong length")
    return hpke.MLKEM768X25519PublicKey(
        mlkem.MLKEM768PublicKey.from_public_bytes(public[:MLKEM768_PUBLIC_BYTES]),
        X25519PublicKey.from_public_bytes(public[MLKEM768_PUBLIC_BYTES:]),
    )


def public_from_private(private: bytes) -> bytes:
    seed, x_priv = private[:MLKEM_SEED_BYTES], private[MLKEM_SEED_BYTES:]
    ml_pub = mlkem.MLKEM768PrivateKey.from_seed_bytes(seed).public_key().public_bytes_raw()
    x_pub = (
        X25519PrivateKey.from_private_bytes(x_priv)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )
    return ml_pub + x_pub


def private_from_receiving_seed(seed: bytes) -> bytes:
    """The private key, in this module's form, of an age ``mlkem768x25519`` identity
    (a vault's receiving key): the 32-byte seed expanded with SHAKE-256, as age
    does (docs/package-format.md, section 2). A handover seals a true identity to
    the new runner's receiving key with it."""
    if len(seed) != 32:
        raise SealOpenFailed("identity seed has the wrong length")
    return hashlib.shake_256(seed).digest(PRIVATE_BYTES)


def generate_keypair() -> HybridKeyPair:
    private = os.urandom(MLKEM_SEED_BYTES) + X25519PrivateKey.generate().private_bytes_raw()
    return HybridKeyPair(private, public_from_private(private))


def seal(public: bytes, plaintext: bytes, info: bytes) -> bytes:
    """HPKE base-mode single-shot encryption; ``info`` binds the record it belongs to."""
    return _SUITE.encrypt(plaintext, _public_key(public), info=info)


def open_sealed(private: bytes, sealed: bytes, info: bytes) -> bytes:
    try:
        return _SUITE.decrypt(sealed, _private_key(private), info=info)
    except SealOpenFailed:
        raise
    except Exception as exc:  # the Rust binding raises several types; all mean "refused"
        raise SealOpenFailed("sealed record could not be opened") from exc
