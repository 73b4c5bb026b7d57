"""Wrapping of random keys under a key-encryption key with AES-256-GCM."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class UnwrapFailed(Exception):
    """The key-encryption key is wrong or the wrapped data or its context was altered."""


@dataclass(frozen=True)
class WrappedKey:
    nonce: bytes
    ciphertext: bytes


def wrap_key(kek: bytes, key: bytes, context: bytes) -> WrappedKey:
    """Encrypt ``key`` under ``kek``; ``context`` is authenticated, binding the key
    to its purpose and vault so wrapped keys cannot be swapped between slots."""
    nonce = os.urandom(NONCE_BYTES)
    return WrappedKey(nonce, AESGCM(kek).encrypt(nonce, key, context))


def unwrap_key(kek: bytes, wrapped: WrappedKey, context: bytes) -> bytes:
    if len(wrapped.nonce) != NONCE_BYTES:
        raise UnwrapFailed("bad nonce length")
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, context)
    except InvalidTag as exc:
        raise UnwrapFailed("authentication failed") from exc
