"""Row ids are UUIDv7 (RFC 9562): time-ordered, so new rows append to the end of
primary-key indexes; the bulk maker must give the same kind of id as the single one."""

from __future__ import annotations

import time
import uuid

from app.models.base import new_hex_id, new_hex_ids


def _check(hex_id: str, before_ms: int, after_ms: int) -> None:
    u = uuid.UUID(hex=hex_id)
    assert u.hex == hex_id  # 32 lowercase hex digits, as ids are stored
    assert u.version == 7
    assert u.variant == uuid.RFC_4122
    assert before_ms <= u.int >> 80 <= after_ms  # the creation time, in ms


def test_bulk_ids_are_uuid7_of_now_and_all_different() -> None:
    before = int(time.time() * 1000)
    ids = new_hex_ids(5000)
    single = new_hex_id()
    after = int(time.time() * 1000)
    assert len(ids) == 5000
    assert len(set(ids)) == 5000
    for hex_id in [*ids, single]:
        _check(hex_id, before, after)
    # The random parts differ across the id (not one random number reused).
    assert len({i[13:16] for i in ids}) > 1000  # rand_a: 12 bits
    assert len({i[16:] for i in ids}) == 5000  # rand_b
    assert new_hex_ids(0) == []
