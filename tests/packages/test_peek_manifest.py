"""A package's manifest read from the first chunks of its file only
(``package.peek_manifest``, ``age.Prefix``): what the central system puts a batch
in order by. It is the manifest the whole reading finds, each chunk read is
authenticated, and the chunks after the manifest are not read at all."""

from __future__ import annotations

import pytest

from app.crypto import age
from app.export import package
from app.export.errors import TamperedPackage
from app.services.exchange import keys, packages
from tests.packages.conftest import Pair, submitted_debriefs

# The payload begins after the header and its 16-byte nonce; chunks of 64 KiB + tag.
_STEP = age.CHUNK + age.TAG


def _sealed(pair: Pair, debriefs: int) -> tuple[bytes, bytes]:
    """A runner's package of ``debriefs`` debriefs, and the handler's key to open it."""
    submitted_debriefs(pair.runner, debriefs)
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    return result.path.read_bytes(), keys.private_keys(pair.handler.vault).receiving_seed


def _payload_start(data: bytes) -> int:
    return age.read_header(age.Source.of(data)).length + age.NONCE_BYTES


def test_the_peeked_manifest_is_the_one_the_whole_reading_finds(pair: Pair) -> None:
    data, seed = _sealed(pair, 3)
    peeked = package.peek_manifest(age.Source.of(data), seed)
    opened = package.open_package(data, seed)
    assert peeked == opened.inner.manifest
    assert peeked["sequence"] == opened.manifest.sequence == 1


def test_the_chunks_after_the_manifest_are_not_read(pair: Pair) -> None:
    # A package of many chunks, its last chunk ruined: the whole reading refuses
    # it, the prefix never reaches it.
    data, seed = _sealed(pair, 60)
    start = _payload_start(data)
    assert len(data) - start > 2 * _STEP  # the manifest lies in the first of them
    ruined = bytearray(data)
    ruined[-5] ^= 0xFF
    with pytest.raises(TamperedPackage):
        package.open_package(bytes(ruined), seed)
    peeked = package.peek_manifest(age.Source.of(bytes(ruined)), seed)
    assert peeked["sequence"] == 1


def test_a_changed_byte_in_the_first_chunk_is_refused(pair: Pair) -> None:
    data, seed = _sealed(pair, 1)
    ruined = bytearray(data)
    ruined[_payload_start(data) + 20] ^= 0x01
    with pytest.raises(TamperedPackage, match="does not authenticate"):
        package.peek_manifest(age.Source.of(bytes(ruined)), seed)
