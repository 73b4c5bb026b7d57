"""The written-out checks (``check_compiler``) accept exactly what the per-value
checks of the declarations accept (``package_validation._field_check``, applied
one call per value: the reference here), on every field of every record in the
published vectors (formats 2 and 3), given values at and past every edge."""

from __future__ import annotations

import itertools
import operator
from typing import Any

import pytest

from app.models import wire as w
from app.services.exchange import package_validation as pv
from tests.packages.test_record_checks import _LEFT_OUT, _cases, _changed


def _reference(type_name: str, version: int, doc: Any) -> None:
    """The declarations' checks one value at a time, nested records in turn."""
    rt = w.RECORD_TYPES[type_name]
    if type(doc) is not dict or not rt.required(version) <= doc.keys() <= rt.keys(version):
        raise pv.Bad
    fields = rt.fields(version)
    for f in [f for f in fields if not f.optional] + [f for f in fields if f.optional]:
        if f.name in doc and not pv._field_check(f)(doc[f.name]):
            raise pv.Bad
    for n in rt.nested(version):
        value = doc[n.name]
        if not n.many:
            if value is not None:
                _reference(n.record, version, value)
            continue
        if type(value) is not list:
            raise pv.Bad
        for entry in value:
            _reference(n.record, version, entry)
        keys = [operator.itemgetter(*n.order)(e) for e in value] if n.order else []
        if any(a >= b for a, b in itertools.pairwise(keys)):
            raise pv.Bad


def _outcome(check: Any, type_name: str, version: int, doc: Any) -> str:
    try:
        check(type_name, version, doc)
    except (pv.Bad, TypeError):
        return "bad"
    except pv.BadName:
        return "bad name"
    return "holds"


UUID = "0b9c3c2e-5a7d-4c4f-9f1e-2d3c4b5a6978"
EDGES: list[Any] = [
    None, True, False, 0, 1, -1, 2**53 - 1, 2**53, 1.0, "", "x", "X" * 3, "é",
    "x" * 199, "x" * 200, "x" * 201, "x" * 100_000, "x" * 100_001, UUID, UUID.upper(),
    UUID[:-1], UUID.replace("-", ""), "0" * 64, "0" * 63, "0" * 32, "A" * 32, "g" * 32,
    "2026-12-06T10:00:00.000000Z", "2026-02-30T10:00:00.000000Z", "2026-12-06T10:00:00Z",
    "2026-12-06", "2026-13-01", "١٢٣٤-01-01", [], ["a", "b"], ["b", "a"], ["a", "a"],
    [1], {}, "EUR", "eur", "\u202e", "a\u0000b",
]  # fmt: skip


@pytest.mark.parametrize("version", [2, 3])
def test_the_written_out_checks_agree_with_the_declarations_value_by_value(
    version: int,
) -> None:
    seen: dict[tuple[str, Any], Any] = {}  # a field's own valid value, tried on the others
    cases = list(_cases(version))
    for _type, doc, at in cases:
        holder: Any = doc
        for step in at:
            holder = holder[step]
        seen.setdefault((_type, at[-1]), holder)
    valid = list(seen.values())
    compared = 0
    for type_name, doc, at in cases:
        for value in [*EDGES, *valid, _LEFT_OUT]:
            changed = _changed(doc, at, value)
            want = _outcome(_reference_check, type_name, version, changed)
            assert _outcome(pv.check, type_name, version, changed) == want, (type_name, at, value)
            compared += 1
    assert compared > 5_000


def test_a_list_out_of_its_declared_order_is_refused_as_by_the_reference() -> None:
    tried = 0
    docs = {id(doc): (type_name, doc) for type_name, doc, _at in _cases(3)}
    for type_name, doc in docs.values():
        rt = w.RECORD_TYPES[type_name]
        for n in rt.nested(3):
            if n.many and n.order and doc[n.name]:
                # reversed, and the first entry twice: not each after the one before
                entries = list(reversed(doc[n.name]))
                reordered = dict(doc, **{n.name: [*entries, entries[-1]]})
                assert _outcome(pv.check, type_name, 3, reordered) == "bad"
                assert _outcome(_reference_check, type_name, 3, reordered) == "bad"
                tried += 1
    assert tried


def _reference_check(type_name: str, version: int, doc: Any) -> None:
    _reference(type_name, version, doc)
