"""The age layer against the published age test vectors (C2SP CCTV) and files
written by another implementation (typage), and its own round trips."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

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

    def run() -> bytes:
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
