"""Canonical JSON: the one byte string a value has, so hashes and signatures can
be recomputed from the data alone.

UTF-8, object keys sorted, no insignificant whitespace, no floats (integers and
strings only), no duplicate keys, and nothing else before or after the value.

Encoded and parsed with orjson: its output with sorted keys is byte for byte what
``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
gives for these types (tests/packages/test_canonical.py checks every code point),
at a tenth of the time on a 50 MB package body.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import orjson

from app.export.errors import MalformedPackage


def _check(value: Any) -> None:
    """Only the JSON types, without floats: orjson would encode more (UUIDs, dates,
    dataclasses, floats), and canonical JSON must not."""
    # Iterative, with exact-type fast paths: a package body holds millions of values.
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if kind is dict or (kind is not list and isinstance(item, dict)):
            for key in item:
                if type(key) is not str and not isinstance(key, str):
                    raise ValueError("object keys must be strings")
            push(item.values())
        elif kind is list or isinstance(item, list):
            push(item)
        elif isinstance(item, float):
            raise ValueError("floats are not allowed in canonical JSON")
        elif not isinstance(item, str | int):
            raise ValueError(f"{kind.__name__} is not a JSON type")


def _encode(value: Any) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError as exc:  # an integer beyond 64 bits, a lone surrogate
        raise ValueError(str(exc)) from None


def dumps(value: Any) -> bytes:
    _check(value)
    return _encode(value)


# What orjson would otherwise encode on its own: datetimes, dataclasses and
# subclasses of str, int, dict and list are refused instead.
_PLAIN = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_PLAIN |= orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_SORT_KEYS


def dumps_plain(value: Any) -> bytes:
    """``dumps`` without walking the value first, for values their maker builds
    of dicts, lists, strings, integers, booleans and None only
    (``package_records``: what export reads from the vault). orjson still refuses
    bytes, datetimes, dataclasses, subclasses of str and int, integers beyond 64
    bits and lone surrogates; it would encode a float, a UUID or an enum (by its
    value), which the maker must never hand over (tests/packages/test_plain_records.py
    checks what it reads against ``dumps``)."""
    try:
        return orjson.dumps(value, option=_PLAIN)
    except orjson.JSONEncodeError as exc:
        raise ValueError(str(exc)) from None


def dumps_loaded(value: Any) -> bytes:
    """``dumps`` of a value ``loads`` returned, or of a part of one: the parser
    made no float and no key that is not a string, so there is nothing to check."""
    return _encode(value)


Parts = list[bytes]  # pieces of one canonical JSON value, to be joined once


def array_parts(items: list[bytes]) -> Parts:
    """``dumps`` of a list whose items are already canonical JSON, as pieces: a
    package body is joined once, not part by part."""
    out = [b"["]
    for item in items:
        out += (item, b",")
    if items:
        out.pop()
    out.append(b"]")
    return out


def object_parts(members: dict[str, Parts]) -> Parts:
    """``dumps`` of an object whose values are already canonical JSON, each given
    as its pieces; the result as pieces too."""
    if not all(isinstance(key, str) for key in members):
        raise ValueError("object keys must be strings")
    out = [b"{"]
    for n, (key, value) in enumerate(sorted(members.items())):
        out += (b"," if n else b"") + _encode(key) + b":", *value
    out.append(b"}")
    return out


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise MalformedPackage("The package data names a key twice in one object.")
    return out


def loads(data: bytes | bytearray | memoryview, *, checked_by_caller: bool = False) -> Any:
    """Parse and insist the bytes are exactly the canonical form of the result.

    ``checked_by_caller``: only parse. The caller proves the bytes canonical itself,
    by comparing them piece by piece with its own encoding of the result, and tests
    the exact type of every value before it uses any, so that a fraction is refused
    there (``package_receive`` for a package body, whose records it encodes one by
    one anyway). Bytes that do not parse as JSON get every check below."""
    # Fast path: parsed into plain dicts, then encoded again. Canonical bytes
    # cannot hold a key twice (encoding the parsed value would drop one), so when
    # the two agree there is nothing else to find. Anything else is parsed again
    # below with every check, so a refusal names the same fault as always.
    with contextlib.suppress(Exception):
        value = orjson.loads(data)
        if checked_by_caller:
            return value
        if _encode(value) == data:
            _check(value)  # a fraction parses and encodes back the same
            return value
    try:
        value = json.loads(
            str(data, "utf-8"), object_pairs_hook=_no_duplicates, parse_float=_refuse_float
        )
    except MalformedPackage:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise MalformedPackage("The package data is not valid JSON.") from exc
    try:
        again = dumps(value)
    except ValueError as exc:  # NaN or Infinity
        # NaN or Infinity, or a lone surrogate (no UTF-8 holds one): not canonical JSON
        raise MalformedPackage("The package data is not in canonical form.") from exc
    if again != data:
        raise MalformedPackage("The package data is not in canonical form.")
    return value


def loads_unchecked(data: bytes | bytearray | memoryview) -> Any:
    """``loads(data, checked_by_caller=True)`` for bytes that are JSON; ``ValueError``
    (and no second parse to name the fault) for bytes that are not."""
    return orjson.loads(data)


def _refuse_float(text: str) -> float:
    raise MalformedPackage("The package data holds a number with a fraction or an exponent.")
