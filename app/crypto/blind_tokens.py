"""Blind deconfliction tokens: a keyed, memory-hard one-way value of a normalised
identity attribute (docs/security.md, "Blind deconfliction").

For an attribute of kind ``k`` whose normalised value is ``v``, under the unit's
deconfliction key ``K``::

    salt  = HMAC-SHA256(K, "veldboek deconfliction salt v1\\n" || k)[:16]
    h     = Argon2id(password=v, salt=salt, params, length=32)
    token = HMAC-SHA256(K, "veldboek deconfliction token v1\\n" || k || "\\n" || h)

Without ``K`` a token cannot be tested against any guess (the outer HMAC); with
``K`` every guess costs one Argon2id evaluation; the kind is bound in, so a phone
token never equals an address token. Pure: no vault, no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KINDS = ("address", "name_dob", "phone")
SECRET_BYTES = 32
TOKEN_BYTES = 32
_KEY_ID_CONTEXT = b"veldboek deconfliction key id v1\n"
_SALT_CONTEXT = b"veldboek deconfliction salt v1\n"
_TOKEN_CONTEXT = b"veldboek deconfliction token v1\n"

# Bounds a reader accepts (the contract's): a key package cannot make a vault
# allocate absurd memory or spin for minutes per source.
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 4


class BadTokenParams(ValueError):
    """Argon2id parameters outside the bounds a reader accepts."""


@dataclass(frozen=True)
class TokenParams:
    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        for value in (self.memory_kib, self.iterations, self.lanes):
            if type(value) is not int:
                raise BadTokenParams("parameters must be whole numbers")
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise BadTokenParams("memory cost out of range")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise BadTokenParams("iteration count out of range")
        if not 1 <= self.lanes <= MAX_LANES:
            raise BadTokenParams("lane count out of range")

    def to_dict(self) -> dict[str, int]:
        return {"iterations": self.iterations, "lanes": self.lanes, "memory_kib": self.memory_kib}

    @classmethod
    def from_dict(cls, doc: Any) -> TokenParams:
        """Exactly the three members, each a whole number within bounds."""
        if type(doc) is not dict or set(doc) != {"iterations", "lanes", "memory_kib"}:
            raise BadTokenParams("parameters must be iterations, lanes and memory_kib")
        return cls(doc["memory_kib"], doc["iterations"], doc["lanes"])


def key_id(secret: bytes) -> str:
    """The key's public name: 32 hex digits, from the secret (so two keys never
    share one, and the id tells nothing of the secret)."""
    _check_secret(secret)
    return hashlib.sha256(_KEY_ID_CONTEXT + secret).digest()[:16].hex()


def _check_secret(secret: bytes) -> None:
    if type(secret) is not bytes or len(secret) != SECRET_BYTES:
        raise ValueError("a deconfliction key is 32 bytes")


def _check_kind(kind: str) -> bytes:
    if kind not in KINDS:
        raise ValueError("unknown attribute kind")
    return kind.encode("ascii")


def salt(secret: bytes, kind: str) -> bytes:
    _check_secret(secret)
    return hmac.new(secret, _SALT_CONTEXT + _check_kind(kind), hashlib.sha256).digest()[:16]


def token(secret: bytes, params: TokenParams, kind: str, value: str) -> bytes:
    """The 32-byte token of the normalised ``value`` of attribute ``kind``."""
    if not value:
        raise ValueError("no token of an empty value")
    kind_bytes = _check_kind(kind)
    inner = Argon2id(
        salt=salt(secret, kind),
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(value.encode("utf-8"))
    return hmac.new(secret, _TOKEN_CONTEXT + kind_bytes + b"\n" + inner, hashlib.sha256).digest()
