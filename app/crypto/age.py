"""The age v1 file format (age-encryption.org/v1, c2sp.org/age) with its hybrid
post-quantum ``mlkem768x25519`` recipient type (ML-KEM-768 + X25519, X-Wing).

Only what Veldboek needs: binary (not armored) files, mlkem768x25519 stanzas.
Readers ignore stanzas of other types, as the specification requires. A file is
read as it is decrypted, a chunk at a time (``decrypt_source``). Every refusal
raises ``AgeError`` with a short reason.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import io
import os
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.crypto import bech32

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

_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


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


# -- keys ---------------------------------------------------------------------------


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


# -- header -----------------------------------------------------------------------------


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
    line, pos = _read_line(data, 0)
    if line != VERSION_LINE:
        if line.startswith(b"age-encryption.org/"):
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


# -- payload ------------------------------------------------------------------------


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


@dataclass(frozen=True)
class Sealer:
    """An age header made before the payload: what it says (``header_text``, the
    version line and stanzas up to ``---``) can be signed inside the payload."""

    file_key: bytes
    header_text: bytes

    def sealed_size(self, plaintext_bytes: int) -> int:
        """The size of the age file ``seal`` makes of that many bytes."""
        mac_line = 1 + len(b64encode(bytes(32))) + 1
        chunks = max(1, -(-plaintext_bytes // CHUNK))
        return len(self.header_text) + mac_line + NONCE_BYTES + plaintext_bytes + chunks * TAG

    def seal(self, plaintext: bytes) -> bytes:
        """The age file, with a fresh payload nonce."""
        return self.seal_with_nonce(plaintext)[0]

    def seal_with_nonce(self, plaintext: bytes) -> tuple[bytes, bytes]:
        """(the age file, its payload nonce), for ``seal_again`` later."""
        nonce = os.urandom(NONCE_BYTES)
        return self._seal(plaintext, nonce), nonce

    def seal_again(self, plaintext: bytes, nonce: bytes) -> bytes:
        """The very file ``seal_with_nonce`` made of this plaintext: STREAM is
        deterministic given the file key and the nonce. Only for the same plaintext
        (the caller checks its hash): any other would reuse the key stream."""
        if len(nonce) != NONCE_BYTES:
            raise AgeError("the payload nonce has the wrong length")
        return self._seal(plaintext, nonce)

    def _seal(self, plaintext: bytes, nonce: bytes) -> bytes:
        mac = b64encode(_mac(self.file_key, self.header_text)).encode("ascii")
        parts = [self.header_text, b" " + mac + b"\n", nonce]
        aead = ChaCha20Poly1305(_hkdf(self.file_key, nonce, b"payload"))
        count = max(1, -(-len(plaintext) // CHUNK))
        # Chunks are read through a memoryview and joined once: no copy of the
        # plaintext, one of the ciphertext.
        view = memoryview(plaintext)
        encrypt = aead.encrypt
        for i in range(count):
            parts.append(
                encrypt(_chunk_nonce(i, i == count - 1), view[i * CHUNK : (i + 1) * CHUNK], None)
            )
        return b"".join(parts)


def prepare(recipients: list[bytes], *, min_stanzas: int = 0) -> Sealer:
    """A fresh file key wrapped for ``recipients`` (1216-byte public keys), with
    decoy stanzas up to ``min_stanzas`` in random order."""
    if not recipients:
        raise AgeError("no recipients")
    file_key = os.urandom(FILE_KEY_BYTES)
    stanzas = [wrap_file_key(file_key, r) for r in recipients]
    stanzas += [decoy_stanza() for _ in range(max(0, min_stanzas - len(stanzas)))]
    # Shuffle so a stanza's position does not say which recipient it is for.
    order = sorted(range(len(stanzas)), key=lambda _i: os.urandom(8))
    header = VERSION_LINE + b"\n" + b"".join(stanzas[i].encode() for i in order) + b"---"
    return Sealer(file_key, header)


def encrypt(plaintext: bytes, recipients: list[bytes], *, min_stanzas: int = 0) -> bytes:
    """An age file of ``plaintext`` for ``recipients`` (see ``prepare``)."""
    return prepare(recipients, min_stanzas=min_stanzas).seal(plaintext)


# -- reading a file -------------------------------------------------------------------


class Readable(Protocol):
    """A binary file open for reading (``io.FileIO``, ``io.BytesIO``)."""

    def readinto(self, buffer: memoryview, /) -> int | None: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


@dataclass(frozen=True)
class Source:
    """An age file to read: a stream at its start, and the file's size."""

    stream: Readable
    size: int

    @classmethod
    def of(cls, data: bytes) -> Source:
        return cls(io.BytesIO(data), len(data))  # shares the bytes, no copy


@dataclass(frozen=True)
class Decrypted:
    header: Header
    plaintext: bytearray
    sha256: str  # of the whole file, every byte as it was read


def _fill(stream: Readable, view: memoryview) -> int:
    """Read until ``view`` is full or the file ends; how many bytes came."""
    got = 0
    while got < len(view):
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def read_header(source: Source) -> Header:
    """The header at the start of ``source``: at most ``MAX_HEADER_BYTES + 1`` bytes
    of the file are read, whatever its size."""
    prefix = bytearray(min(source.size, MAX_HEADER_BYTES + 1))
    got = _fill(source.stream, memoryview(prefix))
    return parse_header(bytes(prefix[:got]))


def decrypt_source(source: Source, identity_seed: bytes) -> Decrypted:
    """``decrypt``, reading the file chunk by chunk: only the plaintext is held."""
    header = read_header(source)
    return open_source(source, header, unwrap_file_key(header, identity_seed))


def open_source(source: Source, header: Header, file_key: bytes) -> Decrypted:
    """Check the header MAC with ``file_key``, then decrypt the STREAM payload one
    64 KiB chunk at a time, straight into the plaintext buffer: the ciphertext is
    never held whole, and the plaintext exists once. The file's SHA-256 is made on
    the way."""
    if not hmac.compare_digest(_mac(file_key, header.raw_without_mac), header.mac):
        raise MacError("header MAC does not match (the header was altered)")
    stream = source.stream
    stream.seek(header.length)
    digest = hashlib.sha256(header.raw)
    nonce = bytearray(NONCE_BYTES)
    if source.size - header.length < NONCE_BYTES or _fill(stream, memoryview(nonce)) < NONCE_BYTES:
        raise HeaderError("the payload nonce is missing or short")
    digest.update(nonce)
    body = source.size - header.length - NONCE_BYTES
    if body <= 0:
        raise PayloadError("payload is truncated (no chunks)")
    aead = ChaCha20Poly1305(_hkdf(file_key, bytes(nonce), b"payload"))
    step = CHUNK + TAG
    count = -(-body // step)
    final = body - (count - 1) * step  # bytes of the last chunk
    plaintext = bytearray((count - 1) * CHUNK + max(0, final - TAG))
    out = memoryview(plaintext)
    chunk = memoryview(bytearray(step))
    at = 0
    for i in range(count):
        last = i == count - 1
        size = final if last else step
        got = _fill(stream, chunk[:size])
        digest.update(chunk[:got])
        if got < size:
            raise PayloadError("payload is truncated (the file ended early)")
        if size < TAG:
            raise PayloadError("payload is truncated (short chunk)")
        try:
            aead.decrypt_into(_chunk_nonce(i, last), chunk[:size], None, out[at : at + size - TAG])
        except InvalidTag:
            if not last:
                raise PayloadError(f"payload chunk {i} does not authenticate") from None
            # A full-size chunk that fails as final may be a file cut at a boundary.
            try:
                aead.decrypt(_chunk_nonce(i, False), chunk[:size], None)
            except InvalidTag:
                raise PayloadError(f"payload chunk {i} does not authenticate") from None
            raise PayloadError("payload is truncated (no final chunk)") from None
        if size == TAG and count > 1:
            raise PayloadError("empty final chunk")
        at += size - TAG
    if _fill(stream, chunk[:1]):
        # More than the size said when reading began: the file grew meanwhile.
        raise PayloadError("data after the final chunk")
    return Decrypted(header, plaintext, digest.hexdigest())


def decrypt(data: bytes, identity_seed: bytes) -> bytearray:
    """Open an age file with our identity: header MAC, then every chunk; a file
    that does not end with a valid final chunk is refused as truncated."""
    return decrypt_source(Source.of(data), identity_seed).plaintext


def open_payload(data: bytes, header: Header, file_key: bytes) -> bytearray:
    """Check the header MAC with ``file_key``, then decrypt the STREAM payload."""
    return open_source(Source.of(data), header, file_key).plaintext


@dataclass(frozen=True)
class Outline:
    """What anyone can learn without a key."""

    version: str
    stanza_types: tuple[str, ...]
    header_bytes: int
    payload_bytes: int
    chunks: int


def outline(data: bytes) -> Outline:
    return outline_of(parse_header(data), len(data))


def outline_of(header: Header, size: int) -> Outline:
    """``outline`` of a file of ``size`` bytes from its header alone."""
    payload = size - header.length - NONCE_BYTES
    if payload < TAG:
        raise PayloadError("payload is truncated")
    return Outline(
        "v1",
        tuple(s.args[0] for s in header.stanzas),
        header.length,
        size - header.length,
        -(-payload // (CHUNK + TAG)),
    )
