"""What every part of the age v1 format shares: its constants, the errors a
reader raises (one class per outcome the test vectors tell apart), age's strict
base64 and the HKDF the header MAC and the payload key are derived with."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION_LINE = b"age-encryption.org/v1"
STANZA_TYPE = "mlkem768x25519"
HPKE_INFO = b"age-encryption.org/mlkem768x25519"
IDENTITY_HRP = "age-secret-key-pq-"
RECIPIENT_HRP = "age1pq"
FILE_KEY_BYTES = 16
NONCE_BYTES = 16
CHUNK = 64 * 1024
TAG = 16
ENC_BYTES = 1120  # ML-KEM-768 ciphertext (1088) || X25519 share (32)
PUBLIC_BYTES = 1216  # ML-KEM-768 encapsulation key (1184) || X25519 public (32)
SEED_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024  # the whole header, up to and including the MAC line
MAX_STANZAS = 64


class AgeError(ValueError):
    """The file is not a valid age file for us; ``str()`` says why."""


# The classes follow the outcomes the age test vectors (C2SP CCTV) distinguish, so a
# caller can tell a damaged header from an altered one from a cut-off payload.
class HeaderError(AgeError):
    """The header does not parse, or a stanza of ours is malformed."""


class MacError(AgeError):
    """The header parses but its MAC does not match: it was altered."""


class PayloadError(AgeError):
    """The payload is cut short, reordered or altered."""


class NoIdentityMatched(AgeError):
    """No stanza opens with our identity."""


# -- base64 as age wants it: unpadded, canonical ------------------------------------------


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: str) -> bytes:
    if "=" in text or "\n" in text or "\r" in text:
        raise HeaderError("non-canonical base64")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise HeaderError("invalid base64") from exc
    if b64encode(data) != text:
        raise HeaderError("non-canonical base64")
    return data


def _hkdf(ikm: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)
