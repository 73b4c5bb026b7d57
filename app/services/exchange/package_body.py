"""A debriefs package's body, read where it lies in the decrypted container.

The body is canonical JSON, ``{"attachments":[...],"audit":[...],"records":[...],
"sources":[...]}``. The attached files, most of a large package, are not parsed:
each is found in place, its base64 checked and decoded to check its hash, and
decoded again, one at a time, when it is written (``Files``). The rest is parsed
and walked beside its own canonical encoding, piece by piece, so that the bytes
the signature covers are exactly what the records are read from.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from app import limits
from app.export import canonical, package
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from app.models import wire as w
from app.services.exchange import body_callers as callers
from app.services.exchange import body_events, body_rules, package_validation

BODY_PARTS = frozenset({"sources", "records", "audit"})  # and "attachments", read apart
# A handover package's body has one part more (docs/package-format.md, 7.4).
HANDOVER_PARTS = BODY_PARTS | {"handover"}
_ENTRY_KEYS = frozenset({"type", "id", "version", "data"})
_BASE64 = re.compile(rb"[A-Za-z0-9+/]*={0,2}")
_HASH = re.compile(rb"[0-9a-f]{64}")


class Files(Mapping[str, bytes]):
    """The files a package carries, by SHA-256: each is decoded from its base64 in
    the container when it is asked for, so they are never all held at once."""

    def __init__(self, container: bytearray, where: dict[str, tuple[int, int, int]]) -> None:
        self._container, self._where = container, where

    def __getitem__(self, sha256: str) -> bytes:
        start, end, _size = self._where[sha256]
        return binascii.a2b_base64(memoryview(self._container)[start:end])

    def size(self, sha256: str) -> int:
        """The file's length in bytes (found when its hash was checked)."""
        return self._where[sha256][2]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self._where


@dataclass(frozen=True)
class Contents:
    records: list[tuple[RecordRef, dict[str, Any]]]
    sources: list[dict[str, Any]]
    blobs: Files
    events: list[dict[str, Any]]
    # Where each record's canonical JSON (as its hash was checked over) lies in the
    # container: (offset, length).
    locations: list[tuple[int, int]]
    # A handover package's ``handover`` part, checked (``package_validation``).
    handover: dict[str, Any] | None = None
    # The check of ``events``, where ``contents`` was asked to leave it for later.
    events_check: Callable[[], object] | None = None

    def check_events(self) -> None:
        """Check the audit events (raises ``MalformedPackage``), if ``contents``
        left them for later (``events_later``); until then they are as parsed. A
        second call costs nothing."""
        if self.events_check is not None:
            self.events_check()


class _Canonical:
    """Walks the body's bytes (in the container, from ``at`` to ``stop``) beside the
    encoding of what was parsed from them: the body is canonical only if every
    piece is found where the last one ended and nothing follows. (The parse did not
    check it: ``canonical.loads``.)"""

    def __init__(self, data: bytearray, at: int, stop: int) -> None:
        self.data, self.at, self.stop = data, at, stop

    def expect_value(self, value: Any) -> int:
        """``expect`` of the canonical encoding of ``value`` (a part of the body)."""
        try:
            encoded = canonical.dumps_loaded(value)
        except ValueError:  # nested deeper than the encoder goes: not what a runner writes
            raise MalformedPackage("The package data is not in canonical form.") from None
        return self.expect(encoded)

    def expect(self, piece: bytes) -> int:
        """Where ``piece`` begins in the container (it must lie at the current position)."""
        start = self.at
        if not self.data.startswith(piece, start, self.stop):
            raise MalformedPackage("The package data is not in canonical form.")
        self.at = start + len(piece)
        return start

    def end(self) -> None:
        if self.at != self.stop:
            raise MalformedPackage("The package data is not in canonical form.")


def _files(walk: _Canonical) -> Files:
    """The body's files, ``[{"data":"<base64>","sha256":"<hash>"},...]``, read where
    they lie in the container instead of parsed: a package's files are most of its
    size, and parsed they would be a second copy of it (and a third while parsing).
    Each is decoded once here to check its hash, and again when it is written."""
    data = walk.data
    view = memoryview(data)
    where: dict[str, tuple[int, int, int]] = {}
    last = ""
    walk.expect(b"[")
    more = not data.startswith(b"]", walk.at, walk.stop)
    while more:
        walk.expect(b'{"data":"')
        start = walk.at
        end = data.find(b'"', start, walk.stop)
        # Base64 holds no character JSON escapes: these bytes are the canonical form.
        if end < 0 or not _BASE64.fullmatch(view[start:end]):
            raise MalformedPackage("A file in the package is malformed.")
        # No file Veldboek attaches is larger (section 7.1): a larger one is refused
        # before it is decoded, so one file never costs more memory than that.
        padding = data.count(b"=", max(start, end - 2), end)
        if (end - start) // 4 * 3 - padding > limits.MAX_ATTACHMENT_BYTES:
            raise MalformedPackage(
                "A file in the package is larger than any attached file can be ({mb} MB).",
                mb=limits.MAX_ATTACHMENT_BYTES // limits.MIB,
            )
        walk.at = end
        walk.expect(b'","sha256":"')
        found = bytes(view[walk.at : min(walk.at + 64, walk.stop)])
        walk.at += len(found)
        walk.expect(b'"}')
        sha = found.decode("ascii") if _HASH.fullmatch(found) else ""
        if not sha or sha in where:
            raise MalformedPackage("A file in the package does not match its hash.")
        digest, size = _sha256_of_base64(view[start:end])
        if digest != sha:
            raise MalformedPackage("A file in the package does not match its hash.")
        if sha < last:  # each content once, by hash
            raise MalformedPackage("The package's files are not in the order of their hashes.")
        last = sha
        where[sha] = (start, end, size)
        more = data.startswith(b",", walk.at, walk.stop)
        if more:
            walk.at += 1
    walk.expect(b"]")
    return Files(data, where)


def _sha256_of_base64(text: memoryview) -> tuple[str, int]:
    """The hash and length of the bytes ``text`` encodes (standard base64 with its
    padding, nothing else, in the one encoding of those bytes); they are let go at
    once."""
    try:
        data = binascii.a2b_base64(text, strict_mode=True)
    except binascii.Error:
        raise MalformedPackage("A file in the package is malformed.") from None
    # Strict decoding leaves one freedom: the unused bits of the last character
    # before "=". Only the last four characters can hold it; encoded again, they
    # must be themselves.
    last = bytes(text[-4:])
    if binascii.b2a_base64(binascii.a2b_base64(last), newline=False) != last:
        raise MalformedPackage("A file in the package is malformed.")
    return hashlib.sha256(data).hexdigest(), len(data)


# A record's kept form (``contents``' ``keep``): the record itself by default. It
# is handed the record checked, with its canonical JSON (the bytes its hash was
# checked over), one at a time as the body is read.
Keep = Callable[[RecordRef, dict[str, Any], bytes], dict[str, Any]]
# What the references between records, sources and files are checked by: a
# record's type, source, compartment and named files (sha256, size); and what
# the rules across records need of it (``body_rules``).
Refers = tuple[str, Any, Any, list[tuple[Any, Any]], body_rules.Facts]
# Places where a part of the body may end that are tried before the body is
# parsed whole instead (``_parse_until``).
SPLIT_TRIES = 16


OnEvent = body_events.OnEvent  # (see there)
OnEvents = body_events.OnEvents


def _whole(_ref: RecordRef, data: dict[str, Any], _text: bytes) -> dict[str, Any]:
    return data


class _Unsplit(Exception):
    """The body's parts could not be read one at a time: read it whole."""


def contents(
    opened: package.Opened,
    keep: Keep = _whole,
    on_event: OnEvent | None = None,
    *,
    events_later: bool = False,
    on_events: OnEvents | None = None,
) -> Contents:
    """The records, sources, files and audit events of a debriefs package whose
    container was parsed without its body (``parse_body=False``), every one
    checked: shape, hash, canonical bytes, and how they refer to each other.

    Each record is parsed, checked and handed to ``keep`` one at a time, so that a
    caller that keeps less than the whole record (the central system) never holds
    every record parsed at once (or writes each away as it comes). A body whose
    parts cannot be told apart that way (none a writer makes) is read whole, as
    this reader always did, and any fault is reported as that reading finds it
    first; ``keep`` then sees records it saw before a second time (and ``on_event``,
    handed each audit event once it holds, events). Only the return
    means the package holds: the whole-body checks (sources, audit events, the
    references between them) come after the last record.

    ``events_later``: the audit events are parsed, not checked, and the caller
    checks them (``Contents.check_events``) before it keeps anything, where that
    Python work can run beside the database's (an import: ``search_bulk``)."""
    if keep is not _whole:
        keep = callers.guarded(keep)
    if on_event is not None:
        on_event = callers.guarded(on_event)
    if on_events is not None:
        on_events = callers.guarded(on_events)

    def events_of() -> body_events.Events:  # each reading its own
        return body_events.Events(opened, on_event, events_later, on_events)

    try:
        try:
            return _in_parts(opened, keep, events_of())
        except (MalformedPackage, _Unsplit, ValueError):
            return _at_once(opened, keep, events_of())
    except callers.CallerFault as exc:
        raise exc.original from None


def _parse_until(walk: _Canonical, closer: bytes, follows: tuple[bytes, ...]) -> Any:
    """The JSON value at the walk's position (not consumed), which ends with
    ``closer`` where one of ``follows`` comes next. An earlier such place inside the
    value leaves it unbalanced, so the first place where the bytes parse is its end
    (the walk then proves them canonical, piece by piece)."""
    data, view = walk.data, memoryview(walk.data)
    at = walk.at
    for _ in range(SPLIT_TRIES):
        found = [data.find(closer + f, at, walk.stop) for f in follows]
        ends = [n for n in found if n >= 0]
        if not ends:
            raise _Unsplit
        end = min(ends) + len(closer)
        try:
            return canonical.loads_unchecked(view[walk.at : end])
        except ValueError:
            at = end
    raise _Unsplit


def _attached(contents: Contents, events_of: body_events.Events) -> Contents:
    """``contents``, with the events' check if it was left for later."""
    return replace(contents, events_check=events_of.check) if events_of.later else contents


def _in_parts(opened: package.Opened, keep: Keep, events_of: body_events.Events) -> Contents:
    """``contents``, each part of the body parsed on its own where it lies, the
    records one at a time."""
    inner = opened.inner
    walk = _Canonical(opened.container, inner.body_start, inner.body_start + len(inner.body_view))
    walk.expect(b'{"attachments":')
    files = _files(walk)
    walk.expect(b',"audit":')
    handover_kind = opened.manifest.kind == "handover"
    after_audit = (b',"handover":',) if handover_kind else (b',"records":[',)
    events = _parse_until(walk, b"]", after_audit)
    walk.expect_value(events)
    events = events_of.read(events)
    handover = None
    if handover_kind:
        walk.expect(b',"handover":')
        handover = _parse_until(walk, b"}", (b',"records":[',))
        walk.expect_value(handover)
        handover = package_validation.validate_handover(handover, opened.manifest)
    walk.expect(b',"records":[')
    records, locations, refers = _records_in_parts(opened, walk, keep)
    walk.expect(b'],"sources":')
    sources = canonical.loads_unchecked(memoryview(walk.data)[walk.at : walk.stop - 1])
    walk.expect_value(sources)
    walk.expect(b"}")
    walk.end()
    checked = _checked(opened, records, locations, refers, sources, events, files, handover)
    return _attached(checked, events_of)


def _records_in_parts(
    opened: package.Opened, walk: _Canonical, keep: Keep
) -> tuple[list[tuple[RecordRef, dict[str, Any]]], list[tuple[int, int]], list[Refers]]:
    records, locations, refers = [], [], []
    type_json: dict[str, bytes] = {}  # a record type's name as canonical JSON
    for n, ref in enumerate(opened.manifest.records):
        rid = str(ref.id)
        if ref.type not in type_json:
            type_json[ref.type] = canonical.dumps_loaded(ref.type)
        # The entry's other members are the manifest's, as canonical JSON has them.
        tail = b',"id":"%b","type":%b,"version":%d}' % (
            rid.encode("ascii"), type_json[ref.type], ref.version,
        )  # fmt: skip
        walk.expect(b'{"data":' if n == 0 else b',{"data":')
        data = _record(opened, ref, rid, _parse_until(walk, b"}", (tail,)))
        text = canonical.dumps_loaded(data)
        if hashlib.sha256(text).hexdigest() != ref.sha256:
            raise MalformedPackage("A record does not match its hash in the manifest.")
        locations.append((walk.expect(text), len(text)))
        walk.expect(tail)
        refers.append(_refers(ref, data, opened.manifest.version))
        records.append((ref, keep(ref, data, text)))
    return records, locations, refers


def _record(opened: package.Opened, ref: RecordRef, rid: str, entry_data: Any) -> dict[str, Any]:
    """The record checked; ``rid``: ``str(ref.id)``."""
    data = package_validation.validate(ref.type, opened.manifest.version, entry_data)
    if data["id"] != rid:
        raise MalformedPackage("A record does not match its hash in the manifest.")
    return data


def _refers(ref: RecordRef, data: dict[str, Any], version: int) -> Refers:
    named = data.get("attachments", ()) if ref.type == "debrief" else ()
    return (
        ref.type,
        data[w.RECORD_TYPES[ref.type].source_ref],
        data["compartment_id"],
        [(f["sha256"], f["size"]) for f in named],
        body_rules.facts(ref.type, version, data),
    )


def _parse_body(opened: package.Opened) -> tuple[dict[str, Any], Files, _Canonical]:
    """The body's files (``_files``) and the rest of it, parsed; the walk stands
    where the audit events begin."""
    inner = opened.inner
    walk = _Canonical(opened.container, inner.body_start, inner.body_start + len(inner.body_view))
    walk.expect(b'{"attachments":')
    files = _files(walk)
    rest = walk.at
    walk.expect(b',"audit":')
    # The rest, made one JSON text by its own "{": a copy as large as the records,
    # without the files.
    text = b"{" + memoryview(opened.container)[rest + 1 : walk.stop]
    body = canonical.loads(text, checked_by_caller=True)
    del text
    parts = HANDOVER_PARTS if opened.manifest.kind == "handover" else BODY_PARTS
    if type(body) is not dict or body.keys() != parts:
        raise MalformedPackage("The package body has missing or unknown parts.")
    return body, files, walk


def _at_once(opened: package.Opened, keep: Keep, events_of: body_events.Events) -> Contents:
    """``contents`` with the body parsed whole (all its records at once)."""
    body, files, walk = _parse_body(opened)
    entries = body["records"]
    refs = opened.manifest.records
    if type(entries) is not list or len(entries) != len(refs):
        raise MalformedPackage("The package body does not list the manifest's records.")
    # canonical.dumps(body), in the order it sorts the keys; each record's own
    # encoding is one of the pieces, so its place is known as it is found.
    walk.expect_value(body["audit"])
    events = events_of.read(body["audit"])
    handover = None
    if "handover" in body:
        walk.expect(b',"handover":')
        walk.expect_value(body["handover"])
        handover = package_validation.validate_handover(body["handover"], opened.manifest)
    walk.expect(b',"records":[')
    records = []
    locations = []
    refers = []
    type_json: dict[str, bytes] = {}  # a record type's name as canonical JSON
    for n, (ref, entry) in enumerate(zip(refs, entries, strict=True)):
        if (
            type(entry) is not dict
            or entry.keys() != _ENTRY_KEYS
            or type(entry["version"]) is not int  # 1.0 == 1, and is no version
        ):
            raise MalformedPackage("A record entry in the package is malformed.")
        rid = str(ref.id)
        if (entry["type"], entry["id"], entry["version"]) != (ref.type, rid, ref.version):
            raise MalformedPackage(
                "The package's records do not match its manifest (their type, id, version "
                "or order differ)."
            )
        data = _record(opened, ref, rid, entry["data"])
        text = canonical.dumps_loaded(data)
        if hashlib.sha256(text).hexdigest() != ref.sha256:
            raise MalformedPackage("A record does not match its hash in the manifest.")
        walk.expect(b'{"data":' if n == 0 else b',{"data":')
        locations.append((walk.expect(text), len(text)))
        if ref.type not in type_json:
            type_json[ref.type] = canonical.dumps_loaded(ref.type)
        walk.expect(
            b',"id":"%b","type":%b,"version":%d}'
            % (rid.encode("ascii"), type_json[ref.type], ref.version)
        )
        refers.append(_refers(ref, data, opened.manifest.version))
        records.append((ref, keep(ref, data, text)))
    walk.expect(b'],"sources":')
    walk.expect_value(body["sources"])
    walk.expect(b"}")
    walk.end()
    checked = _checked(opened, records, locations, refers, body["sources"], events, files, handover)
    return _attached(checked, events_of)


def _checked(
    opened: package.Opened,
    records: list[tuple[RecordRef, dict[str, Any]]],
    locations: list[tuple[int, int]],
    refers: list[Refers],
    raw_sources: object,
    events: list[dict[str, Any]],
    files: Files,
    handover: dict[str, Any] | None,
) -> Contents:
    """The checks over the whole body, once its records are read."""
    version = opened.manifest.version
    if len({(ref.type, ref.id) for ref, _ in records}) != len(records):
        raise MalformedPackage("The package carries a record twice.")
    sources = [
        package_validation.validate_source(s, version) for s in body_events.as_list(raw_sources)
    ]
    if len({s["id"] for s in sources}) != len(sources):
        raise MalformedPackage("The package lists a source twice.")
    if [s["id"] for s in sources] != sorted(s["id"] for s in sources):
        raise MalformedPackage("The package's sources are not in the order of their ids.")
    _check_references(refers, sources, files)
    body_rules.check(refers, {s["id"]: s["status"] for s in sources})
    if handover is not None and [s["id"] for s in sources] != [handover["source_id"]]:
        raise MalformedPackage("A handover package carries another source than it hands over.")
    return Contents(records, sources, files, events, locations, handover)


def _check_references(refers: list[Refers], sources: list[dict[str, Any]], files: Files) -> None:
    """Every record belongs to one of the package's sources (in that source's
    compartment), every file a record names is in the package with the size the
    record gives, and nothing in the package belongs to no record."""
    compartment_of = {s["id"]: s["compartment_id"] for s in sources}
    used: set[str] = set()
    named: set[str] = set()
    for _type, source, compartment, attached, _facts in refers:
        if source not in compartment_of:
            raise MalformedPackage("A record belongs to a source the package does not list.")
        if compartment != compartment_of[source]:
            raise MalformedPackage("A record's compartment does not match its source.")
        used.add(source)
        for sha, size in attached:
            if sha not in files:
                raise MalformedPackage("A file a record names is missing from the package.")
            if files.size(sha) != size:
                raise MalformedPackage("A file in the package is not the size its record gives.")
            named.add(sha)
    if used != set(compartment_of):
        raise MalformedPackage("The package lists a source none of its records belongs to.")
    if named != set(files):
        raise MalformedPackage("The package carries a file none of its records names.")
