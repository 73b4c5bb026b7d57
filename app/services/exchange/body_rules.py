"""Rules of a package body that hold across its records (docs/package-format.md,
7.1): every id names one thing, and a registration is closed wholly or not at all.

``package_body`` hands each record to ``facts`` as it reads it and checks what they
gathered with ``check`` once the sources are read. Per record this is a list of a
few ids (the record's, and those of its items, addenda and files): a set over
them costs little beside the check of every value (``package_validation``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from app.export.errors import MalformedPackage
from app.models import wire as w

# What a record brings to the checks across the body: the ids it names besides its
# contact (a debrief's), and its contact or its closing (a registration's), or None.
Facts = tuple[list[str], Any]

_ID = itemgetter("id")
_CLOSING = itemgetter("closed_at", "close_reason", "closed_on", "closed_by")
# A contact may be one meeting that several debriefs of its source were written
# about (``debriefs.create_draft``): each of them carries it.
SHARED = "contact"


def twice() -> MalformedPackage:
    return MalformedPackage(
        "The package names one id twice (two of its records, or two parts of them, "
        "share it); nothing was imported."
    )


def part_closed() -> MalformedPackage:
    return MalformedPackage(
        "A registration in the package is closed only in part (its closing and its "
        "source's status do not agree); nothing was imported."
    )


@functools.cache
def _nested_ids(type_name: str, version: int) -> tuple[tuple[str, bool], ...]:
    """The nested records of ``type_name`` named by an id of their own (not the
    shared contact): (member, a list of them). None of them nests one in turn."""
    out = []
    for n, rt in w.nested_in(w.RECORD_TYPES[type_name], version):
        if n.record != SHARED and _has_id(rt, version):
            assert not any(_has_id(inner, version) for _, inner in w.nested_in(rt, version))
            out.append((n.name, n.many))
    return tuple(out)


def _has_id(rt: w.RecordType, version: int) -> bool:
    return any(f.name == "id" for f in rt.fields(version))


def facts(type_name: str, version: int, data: dict[str, Any]) -> Facts:
    """What ``check`` needs of one record (checked already: every key is there)."""
    ids = [data["id"]]
    for name, many in _nested_ids(type_name, version):
        value = data[name]
        if many:
            ids += map(_ID, value)
        elif value is not None:
            ids.append(value["id"])
    if type_name == "debrief":
        return ids, data["contact"]
    if type_name == "registration":
        return ids, _CLOSING(data)
    return ids, None


def check(gathered: Iterable[tuple[str, Any, Any, Any, Facts]], status_of: dict[str, str]) -> None:
    """``gathered``: per record, its type, its source, two more (``package_body``'s
    references) and its ``facts``;
    ``status_of``: each source's status. Every id the records name is named once
    (a contact once per debrief that carries it, the same each time, of one
    source); every registration's closing agrees with itself and its source."""
    seen: set[str] = set()
    count = 0
    contacts: dict[str, tuple[Any, Any]] = {}
    for type_name, source, _, _, (ids, extra) in gathered:
        seen.update(ids)
        count += len(ids)
        if extra is None:
            continue
        if type_name == "debrief":
            held = contacts.setdefault(extra["id"], (source, extra))
            if held[1] is not extra and held != (source, extra):
                raise twice()
        elif type_name == "registration":
            _check_closing(extra, status_of[source])
    seen.update(contacts)
    if len(seen) != count + len(contacts):
        raise twice()


def _check_closing(closing: tuple[Any, Any, Any, Any], status: str) -> None:
    """A closing is recorded with its reason, its day and who decided, all three
    (``closing.close_registration``), and only with ``closed_at``; a registration
    with ``closed_at`` is of a closed source. (``closed_at`` alone, or a closed
    source with none of it, is a source closed before that was recorded.)"""
    closed_at, reason, closed_on, closed_by = closing
    decided = (reason != "", closed_on is not None, closed_by is not None)
    if any(decided) and not (all(decided) and closed_at is not None):
        raise part_closed()
    if closed_at is not None and status != "closed":
        raise part_closed()
