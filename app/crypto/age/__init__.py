"""The age v1 file format (age-encryption.org/v1, c2sp.org/age) with its hybrid
post-quantum ``mlkem768x25519`` recipient type (ML-KEM-768 + X25519, X-Wing).

Only what Veldboek needs: binary (not armored) files, mlkem768x25519 stanzas.
Readers ignore stanzas of other types, as the specification requires. A file is
read as it is decrypted, a chunk at a time (``decrypt_source``). Every refusal
raises ``AgeError`` with a short reason.

Callers use this package as one module (``from app.crypto import age``; ``age.encrypt``).
Its parts: ``encoding`` (constants, errors, strict base64), ``keys`` (identities
and recipients), ``header`` (parsing the header, wrapping and unwrapping the file
key in stanzas), ``payload`` (STREAM sealing and chunked reading).
"""

from __future__ import annotations

from app.crypto.age.encoding import (
    CHUNK,
    ENC_BYTES,
    FILE_KEY_BYTES,
    HPKE_INFO,
    IDENTITY_HRP,
    MAX_HEADER_BYTES,
    MAX_STANZAS,
    NONCE_BYTES,
    PUBLIC_BYTES,
    RECIPIENT_HRP,
    SEED_BYTES,
    STANZA_TYPE,
    TAG,
    VERSION_LINE,
    AgeError,
    HeaderError,
    MacError,
    NoIdentityMatched,
    PayloadError,
    b64decode,
    b64encode,
)
from app.crypto.age.header import (
    Header,
    Stanza,
    decoy_stanza,
    parse_header,
    unwrap_file_key,
    wrap_file_key,
)

# The tests that build hostile files reach into these three.
from app.crypto.age.header import _mac as _mac
from app.crypto.age.header import _open_stanza as _open_stanza
from app.crypto.age.keys import _expand as _expand
from app.crypto.age.keys import (
    decode_identity,
    decode_recipient,
    encode_identity,
    encode_recipient,
    new_identity,
    public_key,
)
from app.crypto.age.payload import (
    Decrypted,
    Outline,
    Readable,
    Sealer,
    Source,
    decrypt,
    decrypt_source,
    encrypt,
    open_payload,
    open_source,
    outline,
    outline_of,
    prepare,
    read_header,
)
from app.crypto.age.prefix import Prefix

__all__ = [
    "CHUNK",
    "ENC_BYTES",
    "FILE_KEY_BYTES",
    "HPKE_INFO",
    "IDENTITY_HRP",
    "MAX_HEADER_BYTES",
    "MAX_STANZAS",
    "NONCE_BYTES",
    "PUBLIC_BYTES",
    "RECIPIENT_HRP",
    "SEED_BYTES",
    "STANZA_TYPE",
    "TAG",
    "VERSION_LINE",
    "AgeError",
    "Decrypted",
    "Header",
    "HeaderError",
    "MacError",
    "NoIdentityMatched",
    "Outline",
    "PayloadError",
    "Prefix",
    "Readable",
    "Sealer",
    "Source",
    "Stanza",
    "b64decode",
    "b64encode",
    "decode_identity",
    "decode_recipient",
    "decoy_stanza",
    "decrypt",
    "decrypt_source",
    "encode_identity",
    "encode_recipient",
    "encrypt",
    "new_identity",
    "open_payload",
    "open_source",
    "outline",
    "outline_of",
    "parse_header",
    "prepare",
    "public_key",
    "read_header",
    "unwrap_file_key",
    "wrap_file_key",
]
