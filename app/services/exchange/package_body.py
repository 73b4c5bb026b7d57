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
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from app.export import canonical, package
from app.export.errors import MalformedPackage
from app.export.manifest import RecordRef
from app.models import wire as w
from app.services.exchange import package_validation

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
            raise MalformedPackage("package data is not canonical") from None
        return self.expect(encoded)

    def expect(self, piece: bytes) -> int:
        """Where ``piece`` begins in the container (it must lie at the current position)."""
        start = self.at
        if not self.data.startswith(piece, start, self.stop):
            raise MalformedPackage("package data is not in canonical form")
        self.at = start + len(piece)
        return start

    def end(self) -> None:
        if self.at != self.stop:
            raise MalformedPackage("package data is not in canonical form")


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
    padding, nothing else); they are let go at once."""
    try:
        data = binascii.a2b_base64(text, strict_mode=True)
    except binascii.Error:
        raise MalformedPackage("A file in the package is malformed.") from None
    return hashlib.sha256(data).hexdigest(), len(data)


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


def contents(opened: package.Opened) -> Contents:
    """The records, sources, files and audit events of a debriefs package whose
    container was parsed without its body (``parse_body=False``), every one
    checked: shape, hash, canonical bytes, and how they refer to each other."""
    version = opened.manifest.version
    body, files, walk = _parse_body(opened)
    entries = body["records"]
    refs = opened.manifest.records
    if type(entries) is not list or len(entries) != len(refs):
        raise MalformedPackage("The package body does not list the manifest's records.")
    # canonical.dumps(body), in the order it sorts the keys; each record's own
    # encoding is one of the pieces, so its place is known as it is found.
    walk.expect_value(body["audit"])
    handover = None
    if "handover" in body:
        walk.expect(b',"handover":')
        walk.expect_value(body["handover"])
        handover = package_validation.validate_handover(body["handover"], opened.manifest)
    walk.expect(b',"records":[')
    records = []
    locations = []
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
            raise MalformedPackage("The package's records are not in the manifest's order.")
        # the parsed dict itself
        data = package_validation.validate(ref.type, version, entry["data"])
        text = canonical.dumps_loaded(data)
        if hashlib.sha256(text).hexdigest() != ref.sha256 or data["id"] != rid:
            raise MalformedPackage("A record does not match its hash in the manifest.")
        walk.expect(b'{"data":' if n == 0 else b',{"data":')
        locations.append((walk.expect(text), len(text)))
        if ref.type not in type_json:
            type_json[ref.type] = canonical.dumps_loaded(ref.type)
        # The entry's other members are the manifest's (compared above): the id a
        # UUID's text, the version a whole number, encoded as canonical JSON has them.
        walk.expect(
            b',"id":"%b","type":%b,"version":%d}'
            % (rid.encode("ascii"), type_json[ref.type], ref.version)
        )
        records.append((ref, data))
    walk.expect(b'],"sources":')
    walk.expect_value(body["sources"])
    walk.expect(b"}")
    walk.end()
    if len({(ref.type, ref.id) for ref, _ in records}) != len(records):
        raise MalformedPackage("The package carries a record twice.")
    sources = [package_validation.validate_source(s, version) for s in _list(body["sources"])]
    if len({s["id"] for s in sources}) != len(sources):
        raise MalformedPackage("The package lists a source twice.")
    if [s["id"] for s in sources] != sorted(s["id"] for s in sources):
        raise MalformedPackage("The package's sources are not in the order of their ids.")
    events = package_validation.validate_events(_list(body["audit"]))
    if len(events) != opened.manifest.audit_events:
        raise MalformedPackage("The package's audit events do not match its manifest.")
    if any(a["seq"] >= b["seq"] for a, b in itertools.pairwise(events)):
        # One sender's chain: each event once, in its order.
        raise MalformedPackage("The package's audit events repeat a number or are out of order.")
    _check_references(records, sources, files)
    if handover is not None and [s["id"] for s in sources] != [handover["source_id"]]:
        raise MalformedPackage("A handover package carries another source than it hands over.")
    return Contents(records, sources, files, events, locations, handover)


def _check_references(
    records: list[tuple[RecordRef, dict[str, Any]]], sources: list[dict[str, Any]], files: Files
) -> None:
    """Every record belongs to one of the package's sources (in that source's
    compartment), every file a record names is in the package with the size the
    record gives, and nothing in the package belongs to no record."""
    compartment_of = {s["id"]: s["compartment_id"] for s in sources}
    used: set[str] = set()
    named: set[str] = set()
    for ref, data in records:
        source = data[w.RECORD_TYPES[ref.type].source_ref]
        if source not in compartment_of:
            raise MalformedPackage("A record belongs to a source the package does not list.")
        if data["compartment_id"] != compartment_of[source]:
            raise MalformedPackage("A record's compartment does not match its source.")
        used.add(source)
        for f in data.get("attachments", ()) if ref.type == "debrief" else ():
            sha = f["sha256"]
            if sha not in files:
                raise MalformedPackage("A file a record names is missing from the package.")
            if files.size(sha) != f["size"]:
                raise MalformedPackage("A file in the package is not the size its record gives.")
            named.add(sha)
    if used != set(compartment_of):
        raise MalformedPackage("The package lists a source none of its records belongs to.")
    if named != set(files):
        raise MalformedPackage("The package carries a file none of its records names.")


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise MalformedPackage("The package body is malformed.")
    return value
