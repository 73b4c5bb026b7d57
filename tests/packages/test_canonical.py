"""Canonical JSON: the pieces export assembles a body from give the bytes
``dumps`` gives, and ``loads`` names the same fault whatever path it takes."""

from __future__ import annotations

import pytest

from app.export import canonical
from app.export.errors import MalformedPackage


def test_object_and_array_of_encoded_parts_equal_dumps() -> None:
    value = {
        "sources": [{"id": "b", "kind": "x"}],
        "records": [{"data": {"é": "ü", "n": 1, "z": None}, "id": "a", "version": 2}, {}],
        "attachments": [],
        "audit": [{"seq": 1, "detail": '{"a":1}'}],
    }
    parts = {
        k: canonical.array_of([canonical.dumps(i) for i in v])
        if k == "records"
        else canonical.dumps(v)
        for k, v in value.items()
    }
    assert canonical.object_of(parts) == canonical.dumps(value)
    assert canonical.object_of({}) == b"{}"
    assert canonical.array_of([]) == b"[]"
    with pytest.raises(ValueError, match="keys must be strings"):
        canonical.object_of({1: b"1"})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a":1,"a":1}', "duplicate key"),
        (b'[{"a":{"b":1,"b":1}}]', "duplicate key"),
        (b'[NaN,{"a":1,"a":2}]', "duplicate key"),
        (b"[NaN]", "not canonical"),
        (b'{"a":Infinity}', "not canonical"),
        (b"[1.5]", "fraction"),
        (b'{"b":1,"a":1}', "canonical form"),
        (b"[1, 2]", "canonical form"),
        (b"\xff", "not valid JSON"),
        (b"[1", "not valid JSON"),
    ],
)
def test_loads_refuses_with_the_fault_named(data: bytes, message: str) -> None:
    with pytest.raises(MalformedPackage, match=message):
        canonical.loads(data)


def test_loads_gives_back_the_value() -> None:
    value = {"a": [1, "é", None, True, {"b": -3}], "c": ""}
    assert canonical.loads(canonical.dumps(value)) == value
