"""The package manifest (versions 2 and 3): who sent it to whom, its place in the
sequence, the hash of the age header it was sealed in, and the hash of every
record it carries. Parsed strictly, exactly as docs/package-format.md section 6
says: unknown or missing fields, wrong types and malformed values are refused,
and so is a field that does not fit the package's kind or number."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.export.errors import MalformedPackage, UnsupportedVersion
from app.models.wire import CURRENT, VERSIONS, manifest_types

FORMAT = "veldboek-package"
# 2: the signed manifest names the age header (``header_sha256``), so no stanza
# can be swapped after signing. 3: a source's whole file travels (records of
# the types below besides debriefs). Written: the newest; read: both.
VERSION = CURRENT
READS = VERSIONS
# The first format version with handover packages (a source handed to another runner).
HANDOVER_SINCE = 3
# Blind deconfliction (docs/package-format.md, 7.5 and 7.6): a unit key, from the
# central system to a handler or from a handler to a runner; and central's notice
# of matches to a handler. Each to one recipient, without records or events.
DECONFLICTION_KINDS = ("deconfliction-key", "deconfliction-notice")
DECONFLICTION_SINCE = 3
KINDS = ("debriefs", "receipt", "handover", *DECONFLICTION_KINDS)
RECORD_TYPES = {v: manifest_types(v) for v in READS}
_HEX64 = re.compile(r"[0-9a-f]{64}")
# The one form a writer makes (str(uuid.UUID)): lower case, hyphenated.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")


@dataclass(frozen=True)
class RecordRef:
    type: str
    id: uuid.UUID
    version: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": str(self.id),
            "version": self.version,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class ReceiptEntry:
    package_id: uuid.UUID
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"package_id": str(self.package_id), "sha256": self.sha256}


@dataclass(frozen=True)
class Manifest:
    kind: str
    package_id: uuid.UUID
    created_at: str
    schema: str
    sender: str
    recipients: tuple[str, ...]
    sequence: int
    previous: str
    records: tuple[RecordRef, ...] = ()
    receipts: tuple[ReceiptEntry, ...] = ()
    audit_events: int = 0
    # SHA-256 of the age header up to and including "---" (its version line and
    # every stanza): set when sealing (``package.seal``).
    header_sha256: str = ""
    version: int = VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "kind": self.kind,
            "package_id": str(self.package_id),
            "created_at": self.created_at,
            "schema": self.schema,
            "sender": self.sender,
            "recipients": sorted(self.recipients),
            "sequence": self.sequence,
            "previous": self.previous,
            "records": [r.to_dict() for r in self.records],
            "receipts": [r.to_dict() for r in self.receipts],
            "audit_events": self.audit_events,
            "header_sha256": self.header_sha256,
        }

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Manifest:
        if doc.get("format") != FORMAT:
            raise MalformedPackage("This is not a Veldboek package manifest.")
        version = _version(doc.get("version"))
        expected = set(Manifest.__dataclass_fields__) | {"format", "body_sha256", "body_length"}
        if set(doc) != expected:
            raise MalformedPackage("The package manifest has missing or unknown fields.")
        try:
            manifest = cls(
                kind=_choice(doc["kind"], KINDS),
                package_id=_uuid(doc["package_id"]),
                created_at=_moment(doc["created_at"]),
                schema=_str(doc["schema"]),
                sender=_match(doc["sender"], _HEX64),
                recipients=tuple(_match(r, _HEX64) for r in _list(doc["recipients"])),
                sequence=_int(doc["sequence"], 1, NUMBER_MAX),
                previous=doc["previous"]
                if doc["previous"] == ""
                else _match(doc["previous"], _HEX64),
                records=tuple(_record(r, version) for r in _list(doc["records"])),
                receipts=tuple(_receipt(r) for r in _list(doc["receipts"])),
                audit_events=_int(doc["audit_events"], 0),
                header_sha256=_match(doc["header_sha256"], _HEX64),
                version=version,
            )
        except (ValueError, TypeError, KeyError) as exc:
            raise MalformedPackage("The package manifest is malformed.") from exc
        if list(manifest.recipients) != sorted(set(manifest.recipients)) or not manifest.recipients:
            raise MalformedPackage("The package manifest lists its recipients wrongly.")
        if (manifest.sequence == 1) != (manifest.previous == ""):
            # The first package of a channel has no previous one; every later one names it.
            raise MalformedPackage("The package manifest's number and its link do not agree.")
        if manifest.kind == "debriefs" and manifest.receipts:
            raise MalformedPackage("A package of debriefs carries a list of receipts.")
        if manifest.kind == "handover" and manifest.receipts:
            raise MalformedPackage("A handover package carries a list of receipts.")
        handover = manifest.kind == "handover"
        if handover and (version < HANDOVER_SINCE or len(manifest.recipients) < 2):
            # A handover goes to the new runner and at least one handler.
            raise MalformedPackage("A handover package is malformed.")
        if manifest.kind in DECONFLICTION_KINDS and (
            version < DECONFLICTION_SINCE
            or manifest.records
            or manifest.receipts
            or manifest.audit_events
            or len(manifest.recipients) != 1
        ):
            raise MalformedPackage("A deconfliction package is malformed.")
        if manifest.kind == "receipt" and (
            manifest.records or manifest.audit_events or not manifest.receipts
        ):
            raise MalformedPackage(
                "A receipt carries records or audit events, or confirms no package."
            )
        named = manifest.receipts
        ids, files = {r.package_id for r in named}, {r.sha256 for r in named}
        if len(ids) != len(named) or len(files) != len(named):
            raise MalformedPackage("A receipt names one package twice.")
        return manifest


def _version(value: Any) -> int:
    if type(value) is not int:
        raise MalformedPackage("The package manifest is malformed.")
    if value > VERSION:
        raise UnsupportedVersion(
            "This package was made by a newer Veldboek (format version {found}); this "
            "Veldboek reads versions {supported}. Update Veldboek to read it.",
            found=value,
            supported=" and ".join(str(v) for v in READS),
        )
    if value not in READS:
        raise UnsupportedVersion(
            "Package version {found} is not supported (this Veldboek reads {supported}).",
            found=repr(value),
            supported=" and ".join(str(v) for v in READS),
        )
    return value


def _uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(_match(value, _UUID))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


# A channel's numbers and a record's versions: a signed 32-bit integer, as every
# store keeps them (docs/package-format.md, section 6); counts up to JSON's exact 2^53.
NUMBER_MAX = 2**31 - 1
_COUNT_MAX = 2**53 - 1


def _int(value: Any, minimum: int, maximum: int = _COUNT_MAX) -> int:
    if type(value) is not int or not minimum <= value <= maximum:
        raise ValueError("expected a whole number")
    return value


def _moment(value: Any) -> str:
    """A time of the format's form that is a real moment (not 30 February)."""
    text = _match(value, _STAMP)
    datetime.fromisoformat(text[:-1])  # ValueError: no such day or hour
    return text


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _match(value: Any, pattern: re.Pattern[str]) -> str:
    text = _str(value)
    if not pattern.fullmatch(text):
        raise ValueError("malformed value")
    return text


def _choice(value: Any, options: tuple[str, ...]) -> str:
    text = _str(value)
    if text not in options:
        raise ValueError("unknown value")
    return text


def _record(doc: Any, version: int) -> RecordRef:
    if not isinstance(doc, dict) or set(doc) != {"type", "id", "version", "sha256"}:
        raise ValueError("malformed record entry")
    return RecordRef(
        _choice(doc["type"], RECORD_TYPES[version]),
        _uuid(doc["id"]),
        _int(doc["version"], 1, NUMBER_MAX),
        _match(doc["sha256"], _HEX64),
    )


def _receipt(doc: Any) -> ReceiptEntry:
    if not isinstance(doc, dict) or set(doc) != {"package_id", "sha256"}:
        raise ValueError("malformed receipt entry")
    return ReceiptEntry(_uuid(doc["package_id"]), _match(doc["sha256"], _HEX64))
