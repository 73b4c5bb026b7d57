"""Every declared field of every record is checked by the reader, nested records
too: in the published vectors' records (format 2 and 3), each field in turn given
a value no declaration allows, or left out, makes the record refused. The checks
are written out from the declarations (``package_validation.checker``); a field
they skipped would let anything through."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.crypto import age
from app.export import package
from app.models import wire as w
from app.services.exchange import package_validation

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "package-vectors"
DATA: dict[str, Any] = json.loads((VECTORS / "vectors.json").read_text())
FILES = {2: DATA["package"]["file"], 3: DATA["package_v3"]["file"]}


def _body(version: int) -> dict[str, Any]:
    seed = age.decode_identity(DATA["keys"]["handler"]["receiving_identity"])
    opened = package.open_package((VECTORS / FILES[version]).read_bytes(), seed)
    body: dict[str, Any] = opened.body
    return body


Path_ = tuple[str | int, ...]


def _fields(type_name: str, version: int, doc: dict[str, Any], at: Path_) -> Iterator[Path_]:
    """The path of every declared field in ``doc``, and in the records nested in it."""
    rt = w.RECORD_TYPES[type_name]
    for f in rt.fields(version):
        if f.optional:  # may be left out; its forms: tests/packages/test_strict_readers.py
            continue
        yield (*at, f.name)
    for n in rt.nested(version):
        value = doc[n.name]
        children = value if n.many else [] if value is None else [value]
        for i, child in enumerate(children):
            where = (*at, n.name, i) if n.many else (*at, n.name)
            yield from _fields(n.record, version, child, where)


def _cases(version: int) -> Iterator[tuple[str, dict[str, Any], Path_]]:
    body = _body(version)
    docs = [(e["type"], e["data"]) for e in body["records"]]
    docs += [("source", s) for s in body["sources"]]
    docs += [("audit_event", e) for e in body["audit"]]
    for type_name, doc in docs:
        for at in _fields(type_name, version, doc, ()):
            yield type_name, doc, at


def _changed(doc: dict[str, Any], at: Path_, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    holder: Any = out
    for step in at[:-1]:
        holder = holder[step]
    if value is _LEFT_OUT:
        del holder[at[-1]]
    else:
        holder[at[-1]] = value
    return out


_LEFT_OUT = object()


@pytest.mark.parametrize("version", [2, 3])
def test_the_vectors_records_hold(version: int) -> None:
    cases = list(_cases(version))
    # The vectors are no small sample: records nested two deep, and (format 3) the
    # records of a source's file.
    nested = {tuple(step for step in at if isinstance(step, str))[:-1] for _t, _d, at in cases}
    assert {("contact",), ("items",), ("items", "subjects"), ("attachments",)} <= nested
    if version == 3:
        assert {"registration", "risk_assessment", "payment", "tasking"} <= {c[0] for c in cases}
    for type_name, doc, _at in cases:
        package_validation.check(type_name, version, doc)


@pytest.mark.parametrize("version", [2, 3])
def test_a_field_of_no_declared_form_or_left_out_is_refused(version: int) -> None:
    for type_name, doc, at in _cases(version):
        # No field of any wire type takes an object; a bare number is no id, text,
        # list of names or time. Left out: the record lacks a declared key.
        for value in ({}, 1.5, _LEFT_OUT):
            with pytest.raises((package_validation.Bad, package_validation.BadName)):
                package_validation.check(type_name, version, _changed(doc, at, value))
