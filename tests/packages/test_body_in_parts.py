"""A package body read in parts (``package_body.contents``): each part parsed where
it lies and the records one at a time, so that a reader keeping less than the
whole record never holds every record parsed; the same contents as parsing the
body whole, which remains the way for a body whose parts cannot be told apart."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from app.export import canonical, package
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from app.services.exchange import body_events, keys, package_body, package_validation, packages
from tests.packages.conftest import Pair, rich_debrief, submitted_debriefs


def _opened(pair: Pair) -> package.Opened:
    rich_debrief(pair.runner)
    submitted_debriefs(pair.runner, 3)
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    seed = keys.private_keys(pair.handler.vault).receiving_seed
    return package.parse(package.decrypt(sent.path.read_bytes(), seed), parse_body=False)


def _events(opened: package.Opened, *, later: bool = False) -> body_events.Events:
    return body_events.Events(opened, None, later)


def _same(a: package_body.Contents, b: package_body.Contents) -> None:
    assert a.records == b.records
    assert a.locations == b.locations
    assert a.sources == b.sources
    assert a.events == b.events
    assert dict(a.blobs) == dict(b.blobs)
    assert a.handover == b.handover


def test_the_body_read_in_parts_is_the_body_read_whole(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _opened(pair)
    whole = package_body._at_once(opened, package_body._whole, _events(opened))
    assert sum(ref.type == "debrief" for ref, _ in whole.records) == 4
    assert whole.blobs
    assert whole.events
    assert len(whole.records) > 4  # the source's file too

    def never(*_args: Any) -> package_body.Contents:
        raise AssertionError("read whole")

    monkeypatch.setattr(package_body, "_at_once", never)
    _same(package_body.contents(opened), whole)


def test_a_reader_keeps_what_it_chooses_of_each_record(pair: Pair) -> None:
    opened = _opened(pair)
    seen: list[str] = []
    order: list[str] = []

    def keep(ref: RecordRef, data: dict[str, Any], text: bytes) -> dict[str, Any]:
        # Handed the record's canonical bytes, the ones its hash was checked over.
        assert hashlib.sha256(text).hexdigest() == ref.sha256
        assert canonical.loads(text) == data
        seen.append(data["id"])
        order.append("record")
        return {"id": data["id"]}

    def on_event(event: dict[str, Any]) -> None:
        order.append(f"event {event['seq']}")

    read = package_body.contents(opened, keep=keep, on_event=on_event)
    assert [data for _ref, data in read.records] == [{"id": i} for i in seen]
    assert seen == [str(ref.id) for ref in opened.manifest.records]
    # Every audit event, once it holds, in its order and before the records (a
    # reader copying rows in as they come: the central system's ingest).
    events = [f"event {e['seq']}" for e in read.events]
    assert events
    assert order == events + ["record"] * len(seen)


def test_an_event_that_breaks_its_chain_is_never_handed_on(pair: Pair) -> None:
    opened = _opened(pair)
    whole = package_body._at_once(opened, package_body._whole, _events(opened))
    last = whole.events[-1]
    # The last event's hash no longer its own (the signature was checked when the
    # package was opened; the body is read afterwards).
    at = bytes(opened.container).index(last["hash"].encode())
    opened.container[at : at + 64] = b"0" * 64
    heard: list[int] = []
    with pytest.raises(MalformedPackage, match="does not match its hash"):
        package_body.contents(opened, on_event=lambda e: heard.append(e["seq"]))
    # Those before it were handed on (the reader's caller rolls them back with
    # the refusal), and again when the body was then tried whole; never the last.
    before = [e["seq"] for e in whole.events[:-1]]
    assert heard == before + before


def _walk(data: bytes) -> package_body._Canonical:
    return package_body._Canonical(bytearray(data), 0, len(data))


TAIL = b',"id":"R","type":"t","version":1}'


def test_an_end_inside_a_record_is_passed_over() -> None:
    # The record holds the bytes that follow it, one level down: there the bytes
    # before are not a whole value, so the next place is tried.
    value = b'{"a":{"b":1},"id":"R","type":"t","version":1}'
    walk = _walk(value + TAIL)
    assert package_body._parse_until(walk, b"}", (TAIL,)) == {
        "a": {"b": 1},
        "id": "R",
        "type": "t",
        "version": 1,
    }
    assert walk.at == 0  # the walk proves the bytes canonical afterwards


def test_a_body_with_too_many_false_ends_is_read_whole(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = _walk(b'{"a":[' + b'{"b":{}' + TAIL * (package_body.SPLIT_TRIES + 1))
    with pytest.raises(package_body._Unsplit):
        package_body._parse_until(walk, b"}", (TAIL,))
    opened = _opened(pair)
    whole = package_body._at_once(opened, package_body._whole, _events(opened))
    monkeypatch.setattr(package_body, "SPLIT_TRIES", 0)  # no part found on its own
    _same(package_body.contents(opened), whole)


@pytest.mark.parametrize("read", ["_in_parts", "_at_once"])
def test_audit_events_left_for_later_are_checked_when_asked(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, read: str
) -> None:
    # An import reads the body with its audit events unchecked and checks them
    # later, beside the database's work; the check is the same.
    opened = _opened(pair)
    body_of = getattr(package_body, read)
    now = body_of(opened, package_body._whole, _events(opened))
    later = body_of(opened, package_body._whole, _events(opened, later=True))
    _same(later, now)
    later.check_events()
    doctored = body_of(opened, package_body._whole, _events(opened, later=True))
    events = doctored.events
    events[1]["seq"] = events[0]["seq"]  # read, unchecked: found only by the check
    with pytest.raises(MalformedPackage, match="audit event"):
        doctored.check_events()
    calls: list[object] = []

    def counted(docs: list[Any], each: object = None) -> list[Any]:
        calls.append(docs)
        return docs

    monkeypatch.setattr(package_validation, "validate_events", counted)
    later = body_of(opened, package_body._whole, _events(opened, later=True))
    assert calls == []  # not checked while read
    later.check_events()
    later.check_events()
    assert len(calls) == 1  # once, however often asked


def test_a_fault_in_what_the_reader_keeps_is_its_own_not_the_bodys(pair: Pair) -> None:
    # A write that fails in ``keep`` (or ``on_event``) reaches the caller as it
    # was: the body is not read again whole, which would hand the records over a
    # second time, past the one the caller could not keep.
    opened = _opened(pair)
    seen: list[str] = []

    def keep(ref: RecordRef, data: dict[str, Any], _text: bytes) -> dict[str, Any]:
        seen.append(str(ref.id))
        if len(seen) == 2:
            raise ValueError("the row could not be written")
        return data

    with pytest.raises(ValueError, match="could not be written"):
        package_body.contents(opened, keep)
    assert len(seen) == 2 == len(set(seen))
    events: list[int] = []

    def on_event(event: dict[str, Any]) -> None:
        events.append(event["seq"])
        raise ValueError("the event could not be written")

    with pytest.raises(ValueError, match="event could not"):
        package_body.contents(opened, on_event=on_event)
    assert len(events) == 1
    later = package_body.contents(opened, on_event=on_event, events_later=True)
    with pytest.raises(ValueError, match="event could not"):  # checked later: the same
        later.check_events()
