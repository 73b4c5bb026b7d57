"""The inner container: manifest, signature and body, padded, before age sealing.

    "VBPK" | version (1 byte) | manifest length (4, big endian) | manifest
           | signature (64) | body length (4) | body | zero padding

Manifest and body are canonical JSON. The signature is Ed25519 over
SIGNATURE_CONTEXT || manifest; the manifest holds the body's SHA-256 and every
record's SHA-256, so the signature covers everything. The total is padded with
zero bytes to a Padmé bucket, so the file size says little about the content.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.crypto import signing
from app.export import canonical
from app.export.errors import BadSignature, MalformedPackage, UnsupportedVersion

MAGIC = b"VBPK"
CONTAINER_VERSION = 1
SIGNATURE_CONTEXT = b"veldboek package manifest v1\n"
MIN_PADDED = 64 * 1024
MAX_MANIFEST = 64 * 1024 * 1024
MAX_BODY = 1024 * 1024 * 1024


def padme(length: int) -> int:
    """Padmé (Nikitin et al., 2019): at most about 12 % overhead, and the padded
    size reveals only O(log log n) bits of the real size."""
    length = max(length, MIN_PADDED)
    e = math.floor(math.log2(length))
    s = math.floor(math.log2(e)) + 1
    last_bits = e - s
    mask = (1 << last_bits) - 1
    return (length + mask) & ~mask


@dataclass(frozen=True)
class Inner:
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signature: bytes
    body_view: memoryview  # the body's bytes, where they lie in the container (no copy)
    body: dict[str, Any]
    body_start: int  # where the body begins in the container

    @property
    def body_bytes(self) -> bytes:
        """A copy of the body's bytes."""
        return bytes(self.body_view)

    def verify(self, signing_public: bytes) -> None:
        if not signed_by(self.manifest_bytes, self.signature, signing_public):
            raise BadSignature("The package signature does not match the sender's key.")


def build(manifest: dict[str, Any], body: dict[str, Any], signing_private: bytes) -> bytes:
    return build_parts(manifest, [canonical.dumps(body)], signing_private)


def build_parts(manifest: dict[str, Any], body: canonical.Parts, signing_private: bytes) -> bytes:
    """``build`` for a body already in canonical JSON, given as pieces (joined,
    ``canonical.dumps`` of it): hashed piece by piece and copied once, into the
    container (a 50 MB body is not joined first)."""
    digest = hashlib.sha256()
    length = 0
    for piece in body:
        digest.update(piece)
        length += len(piece)
    manifest = {**manifest, "body_sha256": digest.hexdigest(), "body_length": length}
    manifest_bytes = canonical.dumps(manifest)
    signature = signing.sign(signing_private, SIGNATURE_CONTEXT, manifest_bytes)
    total = 5 + 4 + len(manifest_bytes) + len(signature) + 4 + length
    return b"".join(
        (
            MAGIC,
            bytes((CONTAINER_VERSION,)),
            len(manifest_bytes).to_bytes(4, "big"),
            manifest_bytes,
            signature,
            length.to_bytes(4, "big"),
            *body,
            bytes(padme(total) - total),
        )
    )


def parse(data: bytes | bytearray, *, parse_body: bool = True) -> Inner:
    """The body is read where it lies in ``data``, not copied: a package's container
    is most of its size. ``parse_body=False``: its length and hash are checked, but
    the caller parses it (``Inner.body`` is empty) and proves it canonical
    (``package_receive``, which keeps the files it carries out of the parse)."""
    if len(data) < 5 or data[:4] != MAGIC:
        raise MalformedPackage("This is not a Veldboek package.")
    if data[4] != CONTAINER_VERSION:
        raise UnsupportedVersion(
            "Package container version {found} is not supported (this Veldboek reads "
            "version {supported}).",
            found=data[4],
            supported=CONTAINER_VERSION,
        )
    pos = 5
    manifest_len = _u32(data, pos)
    pos += 4
    if manifest_len > MAX_MANIFEST or pos + manifest_len + 64 + 4 > len(data):
        raise MalformedPackage("The package is cut short (manifest).")
    manifest_bytes = bytes(data[pos : pos + manifest_len])
    pos += manifest_len
    signature = bytes(data[pos : pos + 64])
    pos += 64
    body_len = _u32(data, pos)
    pos += 4
    if body_len > MAX_BODY or pos + body_len > len(data):
        raise MalformedPackage("The package is cut short (body).")
    body_bytes = memoryview(data)[pos : pos + body_len]
    end = pos + body_len
    if data.count(0, end) != len(data) - end:  # counted in place: the padding is not copied
        raise MalformedPackage("The package holds bytes other than zeros after its body.")
    if len(data) != padme(end):
        # Zeros, but not as many as the writer adds: not the package that was made.
        raise MalformedPackage("The package is not padded to the size the format prescribes.")
    manifest = canonical.loads(manifest_bytes)
    if not isinstance(manifest, dict):
        raise MalformedPackage("The package manifest is not an object.")
    if (
        manifest.get("body_length") != body_len
        or manifest.get("body_sha256") != hashlib.sha256(body_bytes).hexdigest()
    ):
        raise MalformedPackage("The package body does not match its manifest.")
    body = canonical.loads(body_bytes) if parse_body else {}
    if not isinstance(body, dict):
        raise MalformedPackage("The package body is not an object.")
    return Inner(manifest_bytes, manifest, signature, body_bytes, body, pos)


def manifest_at_start(read: Callable[[int], bytes]) -> dict[str, Any]:
    """The manifest as a container's first bytes hold it (``read(n)``: the first
    ``n``, fewer where there are fewer), parsed; neither its signature nor the body
    is checked, nor the manifest's fields (``Manifest.from_dict``)."""
    return signed_manifest_at_start(read, with_signature=False)[1]


def signed_manifest_at_start(
    read: Callable[[int], bytes], *, with_signature: bool = True
) -> tuple[bytes, dict[str, Any], bytes]:
    """``manifest_at_start`` with the manifest's bytes and the signature that
    follows them (``b""`` without ``with_signature``): enough to check who signed
    the manifest, which holds the body's hash, before the body is read."""
    head = read(9)
    if len(head) < 9 or head[:4] != MAGIC or head[4] != CONTAINER_VERSION:
        raise MalformedPackage("This is not a Veldboek package.")
    length = int.from_bytes(head[5:9], "big")
    if length > MAX_MANIFEST:
        raise MalformedPackage("The package is cut short (manifest).")
    wanted = 9 + length + (64 if with_signature else 0)
    data = read(wanted)
    if len(data) < wanted:
        raise MalformedPackage("The package is cut short (manifest).")
    manifest_bytes = bytes(data[9 : 9 + length])
    manifest = canonical.loads(manifest_bytes)
    if not isinstance(manifest, dict):
        raise MalformedPackage("The package manifest is not an object.")
    return manifest_bytes, manifest, bytes(data[9 + length : wanted])


def signed_by(manifest_bytes: bytes, signature: bytes, signing_public: bytes) -> bool:
    """Whether ``signature`` is ``signing_public``'s over the manifest."""
    return signing.verify(signing_public, SIGNATURE_CONTEXT, manifest_bytes, signature)


def _u32(data: bytes | bytearray, pos: int) -> int:
    if pos + 4 > len(data):
        raise MalformedPackage("The package is cut short.")
    return int.from_bytes(data[pos : pos + 4], "big")
