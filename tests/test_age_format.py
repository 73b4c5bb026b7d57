"""The age layer against the published age test vectors (C2SP CCTV) and files
written by another implementation (typage), and its own round trips."""

from __future__ import annotations

import hashlib
import io
import os
import zlib
from pathlib import Path
from typing import Any

import pytest

from app.crypto import age

DATA = Path(__file__).parent / "data"
VECTORS = sorted(p for p in (DATA / "age-testkit").iterdir() if p.name != "README.md")

EXPECT = {
    "header failure": age.HeaderError,
    "HMAC failure": age.MacError,
    "payload failure": age.PayloadError,
    "no match": age.NoIdentityMatched,
}


def _vector(path: Path) -> tuple[dict[str, list[str]], bytes]:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    meta: dict[str, list[str]] = {}
    for line in head.decode("utf-8").split("\n"):
        key, _, value = line.partition(": ")
        meta.setdefault(key, []).append(value)
    if meta.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return meta, body


def test_the_vector_set_is_complete() -> None:
    names = {p.name for p in VECTORS}
    assert len([n for n in names if n.startswith("hybrid")]) == 18
    assert len([n for n in names if n.startswith("stream_")]) == 28
    assert {"empty", "header_crlf", "version_unsupported", "hmac_bad"} <= names


@pytest.mark.parametrize("path", VECTORS, ids=[p.name for p in VECTORS])
def test_published_age_vector(path: Path) -> None:
    meta, body = _vector(path)
    expect = meta["expect"][0]
    pq = [i for i in meta.get("identity", []) if i.startswith("AGE-SECRET-KEY-PQ-")]

    def run() -> bytearray:
        if pq:
            return age.decrypt(body, age.decode_identity(pq[0]))
        # Without an identity of ours: the header parser and STREAM reader with
        # the vector's file key, as the vectors' README suggests.
        header = age.parse_header(body)
        return age.open_payload(body, header, bytes.fromhex(meta["file key"][0]))

    if expect == "success":
        assert hashlib.sha256(run()).hexdigest() == meta["payload"][0]
    else:
        with pytest.raises(EXPECT[expect]):
            run()


def test_opens_files_typage_wrote() -> None:
    seed = age.decode_identity((DATA / "interop" / "test-identity.txt").read_text().strip())
    small = age.decrypt((DATA / "interop" / "typage-small.age").read_bytes(), seed)
    assert small.decode("utf-8") == "van typage naar veldboek: één euro €"
    two = age.decrypt((DATA / "interop" / "typage-two-chunks.age").read_bytes(), seed)
    assert two == b"a" * 70_000


def test_derives_the_same_recipient_as_typage() -> None:
    seed = age.decode_identity((DATA / "interop" / "test-identity.txt").read_text().strip())
    theirs = (DATA / "interop" / "typage-recipient.txt").read_text().strip()
    assert age.encode_recipient(age.public_key(seed)) == theirs
    assert age.decode_recipient(theirs) == age.public_key(seed)


@pytest.mark.parametrize("size", [0, 1, age.CHUNK - 1, age.CHUNK, age.CHUNK + 1, 3 * age.CHUNK])
def test_round_trip_at_chunk_boundaries(size: int) -> None:
    seeds = [age.new_identity() for _ in range(2)]
    plaintext = bytes(i % 251 for i in range(size))
    sealed = age.encrypt(plaintext, [age.public_key(s) for s in seeds], min_stanzas=4)
    for seed in seeds:
        assert age.decrypt(sealed, seed) == plaintext
    header = age.parse_header(sealed)
    assert len(header.stanzas) == 4  # two real, two decoys of the same shape
    assert {len(s.encode()) for s in header.stanzas} == {len(header.stanzas[0].encode())}
    with pytest.raises(age.NoIdentityMatched):
        age.decrypt(sealed, age.new_identity())


def test_cut_at_a_chunk_boundary_is_truncation() -> None:
    seed = age.new_identity()
    sealed = age.encrypt(b"x" * (2 * age.CHUNK), [age.public_key(seed)])
    header = age.parse_header(sealed)
    cut = sealed[: header.length + age.NONCE_BYTES + age.CHUNK + age.TAG]
    with pytest.raises(age.PayloadError, match="truncated"):
        age.decrypt(cut, seed)


def test_keys_encode_as_age_does() -> None:
    seed = age.new_identity()
    identity = age.encode_identity(seed)
    assert identity.startswith("AGE-SECRET-KEY-PQ-1")
    assert age.decode_identity(identity) == seed
    recipient = age.encode_recipient(age.public_key(seed))
    assert recipient.startswith("age1pq1")
    for bad in ("age1pq1qqqq", recipient[:-1] + ("q" if recipient[-1] != "q" else "p"), ""):
        with pytest.raises(age.AgeError):
            age.decode_recipient(bad)


class _Spy(io.BytesIO):
    """A file that notes how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def readinto(self, buffer: Any) -> int:
        self.asked.append(len(buffer))
        return super().readinto(buffer)


def test_a_file_is_decrypted_a_chunk_at_a_time_as_it_is_read(tmp_path: Path) -> None:
    seed = age.new_identity()
    plaintext = os.urandom(5 * age.CHUNK + 123)
    sealed = age.encrypt(plaintext, [age.public_key(seed)], min_stanzas=4)
    spy = _Spy(sealed)
    opened = age.decrypt_source(age.Source(spy, len(sealed)), seed)
    assert opened.plaintext == plaintext
    assert opened.sha256 == hashlib.sha256(sealed).hexdigest()
    # The header window first, then one chunk at a time: never the whole file.
    assert spy.asked[0] == age.MAX_HEADER_BYTES + 1
    assert max(spy.asked[1:]) == age.CHUNK + age.TAG
    path = tmp_path / "sealed.age"
    path.write_bytes(sealed)
    with path.open("rb", buffering=0) as handle:
        assert age.decrypt_source(age.Source(handle, len(sealed)), seed).plaintext == plaintext


def test_a_file_that_grows_or_shrinks_while_it_is_read_is_refused() -> None:
    seed = age.new_identity()
    sealed = age.encrypt(b"y" * (2 * age.CHUNK), [age.public_key(seed)])
    grown = age.Source(io.BytesIO(sealed + b"more"), len(sealed))  # the size read before
    with pytest.raises(age.PayloadError, match="after the final chunk"):
        age.decrypt_source(grown, seed)
    shrunk = age.Source(io.BytesIO(sealed[:-10]), len(sealed))
    with pytest.raises(age.PayloadError, match="truncated"):
        age.decrypt_source(shrunk, seed)


def test_a_header_that_does_not_end_within_its_limit_is_refused() -> None:
    # A stanza of a type we ignore, with a body of 64-column lines past the limit:
    # a reader would otherwise read (and decode) until the file ends.
    line = b"A" * 64 + b"\n"
    data = age.VERSION_LINE + b"\n-> other\n" + line * (age.MAX_HEADER_BYTES // 65 + 1)
    with pytest.raises(age.HeaderError, match="too large"):
        age.parse_header(data + b"AAAA\n--- " + b"A" * 43 + b"\n" + bytes(100))
    with pytest.raises(age.HeaderError, match="truncated"):
        age.parse_header(data[: age.MAX_HEADER_BYTES - 10])
