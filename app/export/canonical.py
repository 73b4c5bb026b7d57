"""Canonical JSON: the one byte string a value has, so hashes and signatures can
be recomputed from the data alone.

UTF-8, object keys sorted, no insignificant whitespace, no floats (integers and
strings only), no duplicate keys, and nothing else before or after the value.
"""

from __future__ import annotations

import json
from typing import Any

from app.export.errors import MalformedPackage


def _check(value: Any) -> None:
    if isinstance(value, float):
        raise ValueError("floats are not allowed in canonical JSON")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError("object keys must be strings")
            _check(item)
    elif isinstance(value, list):
        for item in value:
            _check(item)


def dumps(value: Any) -> bytes:
    _check(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise MalformedPackage("duplicate key in package data")
        out[key] = value
    return out


def loads(data: bytes) -> Any:
    """Parse and insist the bytes are exactly the canonical form of the result."""
    try:
        value = json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_float=_refuse_float
        )
    except MalformedPackage:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise MalformedPackage("package data is not valid JSON") from exc
    try:
        again = dumps(value)
    except ValueError as exc:
        raise MalformedPackage("package data is not canonical") from exc
    if again != data:
        raise MalformedPackage("package data is not in canonical form")
    return value


def _refuse_float(text: str) -> float:
    raise MalformedPackage("package data contains a fraction")
