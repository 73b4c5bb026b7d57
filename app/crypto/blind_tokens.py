"""The keyed token of a normalised identity attribute (blind deconfliction; the
contract's section 2). Without the unit key K a token cannot be tested against a
guess (HMAC); with K every guess costs one Argon2id evaluation.

    salt  = HMAC-SHA256(K, "veldboek deconfliction salt v1\\n" || kind)[:16]
    h     = Argon2id(value, salt, params, 32 bytes)
    token = HMAC-SHA256(K, "veldboek deconfliction token v1\\n" || kind || "\\n" || h)
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

_SALT = b"veldboek deconfliction salt v1\n"
_TOKEN = b"veldboek deconfliction token v1\n"


def token(
    secret: bytes, kind: str, value: str, *, memory_kib: int, iterations: int, lanes: int
) -> bytes:
    k = kind.encode("ascii")
    salt = hmac.new(secret, _SALT + k, hashlib.sha256).digest()[:16]
    h = Argon2id(
        salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory_kib
    ).derive(value.encode("utf-8"))
    return hmac.new(secret, _TOKEN + k + b"\n" + h, hashlib.sha256).digest()
