"""The first bytes of an age file's payload, decrypted without the rest: what a
file begins with (a package's manifest) from a few 64 KiB chunks of a 50 MB file.

Each chunk read is authenticated as ``open_source`` authenticates it, and the
header MAC is checked first; what is not checked is the file's end (a file cut
short, or with data after its final chunk, is found only by reading it whole).
So a prefix may say where a file belongs (the central system puts a batch in
each channel's order by it), never that the file holds.
"""

from __future__ import annotations

import hmac

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from app.crypto.age.encoding import CHUNK, NONCE_BYTES, TAG, HeaderError, PayloadError, _hkdf
from app.crypto.age.header import _mac, unwrap_file_key
from app.crypto.age.payload import Source, _chunk_nonce, _fill, read_header


class Prefix:
    """The payload of ``source`` read from its start, a chunk at a time, as far as
    ``read`` asks."""

    def __init__(self, source: Source, identity_seed: bytes) -> None:
        header = read_header(source)
        file_key = unwrap_file_key(header, identity_seed)
        if not hmac.compare_digest(_mac(file_key, header.raw_without_mac), header.mac):
            raise HeaderError("header MAC does not match (the header was altered)")
        self._stream = source.stream
        self._stream.seek(header.length)
        nonce = bytearray(NONCE_BYTES)
        if _fill(self._stream, memoryview(nonce)) < NONCE_BYTES:
            raise HeaderError("the payload nonce is missing or short")
        body = source.size - header.length - NONCE_BYTES
        if body <= 0:
            raise PayloadError("payload is truncated (no chunks)")
        self._aead = ChaCha20Poly1305(_hkdf(file_key, bytes(nonce), b"payload"))
        step = CHUNK + TAG
        self._count = -(-body // step)
        self._final = body - (self._count - 1) * step  # bytes of the last chunk
        self._plain = bytearray()
        self._next = 0  # the next chunk to decrypt

    def read(self, length: int) -> bytes:
        """The first ``length`` bytes of the payload (fewer where it is shorter)."""
        while len(self._plain) < length and self._next < self._count:
            i = self._next
            last = i == self._count - 1
            size = self._final if last else CHUNK + TAG
            chunk = bytearray(size)
            if _fill(self._stream, memoryview(chunk)) < size or size < TAG:
                raise PayloadError("payload is truncated (the file ended early)")
            try:
                self._plain += self._aead.decrypt(_chunk_nonce(i, last), bytes(chunk), None)
            except InvalidTag:
                raise PayloadError(f"payload chunk {i} does not authenticate") from None
            self._next += 1
        return bytes(self._plain[:length])
