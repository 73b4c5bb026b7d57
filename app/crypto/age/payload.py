"""The age payload (STREAM: ChaCha20-Poly1305 over 64 KiB chunks): sealing a
plaintext under a prepared header, and reading a file a chunk at a time, checking
the header MAC first, and what anyone can learn of a file without a key."""

from __future__ import annotations

import hashlib
import hmac
import io
import os
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from app.crypto.age.encoding import (
    CHUNK,
    FILE_KEY_BYTES,
    MAX_HEADER_BYTES,
    NONCE_BYTES,
    TAG,
    VERSION_LINE,
    AgeError,
    HeaderError,
    MacError,
    PayloadError,
    _hkdf,
    b64encode,
)
from app.crypto.age.header import (
    Header,
    _mac,
    decoy_stanza,
    parse_header,
    unwrap_file_key,
    wrap_file_key,
)


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
