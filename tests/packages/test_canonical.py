"""Canonical JSON: the pieces export assembles a body from give the bytes
``dumps`` gives, and ``loads`` names the same fault whatever path it takes."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.enums import DebriefStatus
from app.export import canonical
from app.export.errors import MalformedPackage
from app.vault import audit_chain


def test_a_body_built_of_encoded_pieces_equals_dumps() -> None:
    value: dict[str, list[dict[str, Any]]] = {
        "sources": [{"id": "b", "kind": "x"}],
        "records": [{"data": {"é": "ü", "n": 1, "z": None}, "id": "a", "version": 2}, {}],
        "attachments": [],
        "audit": [{"seq": 1, "detail": '{"a":1}'}],
    }
    # The value as pieces joined once (how export builds a package body)
    pieces = {k: canonical.array_parts([canonical.dumps(i) for i in v]) for k, v in value.items()}
    assert b"".join(canonical.object_parts(pieces)) == canonical.dumps(value)
    assert b"".join(canonical.object_parts({})) == b"{}"
    assert b"".join(canonical.array_parts([])) == b"[]"
    assert b"".join(canonical.array_parts([b"1"])) == b"[1]"
    with pytest.raises(ValueError, match="keys must be strings"):
        canonical.object_parts({1: [b"1"]})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a":1,"a":1}', "names a key twice"),
        (b'[{"a":{"b":1,"b":1}}]', "names a key twice"),
        (b'[NaN,{"a":1,"a":2}]', "names a key twice"),
        (b"[NaN]", "not in canonical form"),
        (b'{"a":Infinity}', "not in canonical form"),
        (b'["\\ud800"]', "not in canonical form"),  # a lone surrogate
        (b"[1.5]", "fraction or an exponent"),
        (b"[1e0]", "fraction or an exponent"),
        (b'{"b":1,"a":1}', "not in canonical form"),
        (b"[1, 2]", "not in canonical form"),
        (b"\xef\xbb\xbf[1]", "not valid JSON"),  # a byte order mark
        (b"\xff", "not valid JSON"),
        (b"[1", "not valid JSON"),
    ],
)
def test_loads_refuses_with_the_fault_named(data: bytes, message: str) -> None:
    with pytest.raises(MalformedPackage, match=message) as refused:
        canonical.loads(data)
    # One sentence, as every package error: capital first, full stop last.
    assert str(refused.value).startswith("The package data ")
    assert str(refused.value).endswith(".")


def test_loads_gives_back_the_value() -> None:
    value = {"a": [1, "é", None, True, {"b": -3}], "c": ""}
    assert canonical.loads(canonical.dumps(value)) == value


def _reference(value: object) -> bytes:
    """The definition canonical JSON was written against (docs/package-format.md)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_the_encoder_matches_the_reference_for_every_code_point() -> None:
    # Every scalar value, alone and in a key, in chunks: escapes, controls, U+2028,
    # astral planes. Surrogates are not scalar values; both encoders refuse them.
    points = [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    for start in range(0, len(points), 4096):
        text = "".join(chr(cp) for cp in points[start : start + 4096])
        value = {text: [text, {"k": text[::-1]}], "n": [0, -1, 2**53, 2**63 - 1, True, None]}
        assert canonical.dumps(value) == _reference(value)
        assert canonical.loads(canonical.dumps(value)) == value
    for cp in range(0x80):  # each ASCII character alone, as its own escape or itself
        assert canonical.dumps(chr(cp)) == _reference(chr(cp))


@pytest.mark.parametrize(
    "value",
    [
        [1.5],
        {"a": 1.0},
        [uuid.uuid4()],
        [datetime.now(UTC)],
        [b"bytes"],
        [2**64],
        ["\ud800"],
        {1: "key"},
        [DebriefStatus.SUBMITTED, object()],
    ],
)
def test_dumps_refuses_what_is_not_canonical_json(value: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the messages are the encoder's own
        canonical.dumps(value)


def test_text_and_integer_subclasses_encode_as_their_values() -> None:
    value = {"status": DebriefStatus.SUBMITTED, "flag": True}
    assert canonical.dumps(value) == b'{"flag":true,"status":"submitted"}'
    assert canonical.dumps(value) == _reference(value)


def test_audit_event_hashes_are_over_the_reference_encoding() -> None:
    odd = 'Jo\u00eblle \u2028 \x00\x1f "q" \\ \U0001f600 \u007f'
    fields = {
        "prev_hash": "0" * 64,
        "seq": 7,
        "at": "2026-12-01T10:00:00.000000Z",
        "actor_alias_id": "",
        "actor": odd,
        "action": "debrief.saved",
        "record_type": "debrief",
        "record_id": odd[::-1],
        "compartment_id": "ab" * 16,
        "detail": '{"x":"' + odd + '"}',
    }
    payload = [audit_chain.CHAIN_VERSION, 7, fields["at"], "", odd, "debrief.saved"]
    payload += ["debrief", odd[::-1], "ab" * 16, fields["detail"], "0" * 64]
    expected = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    assert audit_chain.stored_event_hash(**fields) == hashlib.sha256(expected).hexdigest()  # type: ignore[arg-type]
