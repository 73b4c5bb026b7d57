"""The age header: its recipient stanzas and MAC, parsed strictly, and the
``mlkem768x25519`` stanzas that wrap the file key for a recipient (through
HPKE) or, for ourselves, unwrap it."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.crypto.age.encoding import (
    ENC_BYTES,
    FILE_KEY_BYTES,
    HPKE_INFO,
    MAX_HEADER_BYTES,
    MAX_STANZAS,
    STANZA_TYPE,
    TAG,
    VERSION_LINE,
    HeaderError,
    NoIdentityMatched,
    _hkdf,
    b64decode,
    b64encode,
)
from app.crypto.age.keys import _SUITE, _expand, _hpke_public


@dataclass(frozen=True)
class Stanza:
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        lines = [b"-> " + " ".join(self.args).encode("ascii")]
        encoded = b64encode(self.body).encode("ascii")
        for i in range(0, len(encoded), 64):
            lines.append(encoded[i : i + 64])
        if len(encoded) % 64 == 0:
            lines.append(b"")  # the body ends with a line shorter than 64 columns
        return b"\n".join(lines) + b"\n"


@dataclass(frozen=True)
class Header:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    raw_without_mac: bytes  # everything up to and including "---"
    length: int  # bytes of the whole header, including the final newline
    raw: bytes = b""  # the whole header as read


def _mac(file_key: bytes, header_bytes: bytes) -> bytes:
    key = _hkdf(file_key, None, b"header")
    return hmac.new(key, header_bytes, hashlib.sha256).digest()


_AGE_PREFIX = b"age-encryption.org/"


def _read_line(data: bytes, pos: int) -> tuple[bytes, int]:
    # The header ends within its first MAX_HEADER_BYTES: a reader never needs more
    # of a file than that before the payload (``read_header``).
    end = data.find(b"\n", pos, MAX_HEADER_BYTES)
    if end < 0:
        raise HeaderError(
            "header is too large" if len(data) > MAX_HEADER_BYTES else "header is truncated"
        )
    return data[pos:end], end + 1


def _valid_arg(arg: str) -> bool:
    return bool(arg) and all(0x21 <= ord(c) <= 0x7E for c in arg)


def parse_header(data: bytes) -> Header:
    """Parse the textual header at the start of ``data`` (strict: exact syntax,
    canonical base64, LF line endings). Only the first ``MAX_HEADER_BYTES`` are
    looked at."""
    if not data or not data.startswith(_AGE_PREFIX[: len(data)]):
        # Not age at all: a file of zeros has no line to read, and is not "too large".
        raise HeaderError("not an age file")
    line, pos = _read_line(data, 0)
    if line != VERSION_LINE:
        if line.startswith(_AGE_PREFIX):
            raise HeaderError("unsupported age version")
        raise HeaderError("not an age file")
    stanzas: list[Stanza] = []
    while True:
        line, next_pos = _read_line(data, pos)
        if line.startswith(b"---"):
            if not line.startswith(b"--- "):
                raise HeaderError("malformed MAC line")
            mac = b64decode(line[4:].decode("ascii", "replace"))
            if len(mac) != 32:
                raise HeaderError("malformed MAC")
            raw = data[: pos + 3]
            if not stanzas:
                raise HeaderError("header has no recipient stanza")
            return Header(tuple(stanzas), mac, raw, next_pos, bytes(data[:next_pos]))
        if not line.startswith(b"-> "):
            raise HeaderError("malformed stanza")
        try:
            args = tuple(line[3:].decode("ascii").split(" "))
        except UnicodeDecodeError as exc:
            raise HeaderError("stanza arguments are not ASCII") from exc
        if not args or not all(_valid_arg(a) for a in args):
            raise HeaderError("malformed stanza arguments")
        pos = next_pos
        body = bytearray()
        while True:
            line, pos = _read_line(data, pos)
            if len(line) > 64:
                raise HeaderError("stanza body line too long")
            try:
                body_text = line.decode("ascii")
            except UnicodeDecodeError as exc:
                raise HeaderError("stanza body is not base64") from exc
            if body_text:
                body += b64decode(body_text)
            if len(line) < 64:
                break
        stanzas.append(Stanza(args, bytes(body)))
        if len(stanzas) > MAX_STANZAS:
            raise HeaderError("too many recipient stanzas")


def wrap_file_key(file_key: bytes, recipient: bytes) -> Stanza:
    sealed = _SUITE.encrypt(file_key, _hpke_public(recipient), info=HPKE_INFO)
    enc, body = sealed[:ENC_BYTES], sealed[ENC_BYTES:]
    return Stanza((STANZA_TYPE, b64encode(enc)), body)


def decoy_stanza() -> Stanza:
    """A stanza no one can open, the same size as a real one: pads the recipient
    count so the header does not say how many recipients there are."""
    return Stanza((STANZA_TYPE, b64encode(os.urandom(ENC_BYTES))), os.urandom(FILE_KEY_BYTES + TAG))


def _check_x25519_stanza(stanza: Stanza) -> None:
    # Not ours to open (we hold no X25519 identity), but a malformed one still
    # makes the header invalid, as for any age implementation that knows the type.
    if len(stanza.args) != 2 or len(b64decode(stanza.args[1])) != 32 or len(stanza.body) != 32:
        raise HeaderError("malformed X25519 stanza")


def _open_stanza(
    stanza: Stanza, private: hpke.MLKEM768X25519PrivateKey, x25519: X25519PrivateKey
) -> bytes | None:
    if len(stanza.args) != 2:
        raise HeaderError("malformed mlkem768x25519 stanza")
    enc = b64decode(stanza.args[1])
    if len(enc) != ENC_BYTES:
        raise HeaderError("malformed mlkem768x25519 stanza")
    if len(stanza.body) != FILE_KEY_BYTES + TAG:
        raise HeaderError("malformed mlkem768x25519 stanza body")
    try:
        # A low-order X25519 share gives the all-zero secret whatever our key is;
        # the specification makes that a header failure, not a mismatch.
        x25519.exchange(X25519PublicKey.from_public_bytes(enc[1088:]))
    except ValueError:
        raise HeaderError("the X25519 share of a stanza is a low-order point") from None
    try:
        file_key = _SUITE.decrypt(enc + stanza.body, private, info=HPKE_INFO)
    except Exception:
        # The HPKE binding raises several exception types on a stanza it cannot
        # open; all of them mean the same: the stanza is for someone else.
        return None
    if len(file_key) != FILE_KEY_BYTES:
        raise HeaderError("wrapped file key has the wrong length")
    return file_key


def unwrap_file_key(header: Header, identity_seed: bytes) -> bytes:
    ml, x = _expand(identity_seed)
    private = hpke.MLKEM768X25519PrivateKey(ml, x)
    found = None
    for stanza in header.stanzas:
        if stanza.args[0] == "X25519":
            _check_x25519_stanza(stanza)
        if stanza.args[0] != STANZA_TYPE:
            continue  # other recipient types are not ours to judge
        file_key = _open_stanza(stanza, private, x)
        if file_key is not None and found is None:
            found = file_key
    if found is None:
        raise NoIdentityMatched("this key is not a recipient of the file")
    return found
