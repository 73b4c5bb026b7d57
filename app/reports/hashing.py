"""The content hash printed on a report's last page, and what its QR code holds.

Definition (version 1), so anyone with the view can recompute it:

    content_sha256 = SHA-256( UTF-8( canonical_json( {
        "format": "veldboek-report/1",
        "kind": "internal" | "sanitised" | "management",
        "report": <the report view: {"stamp": ..., "body": ...}>,
    } ) ) )

``canonical_json`` writes dataclasses as objects of their fields, tuples as
arrays, datetimes as ISO 8601 UTC with microseconds and a trailing ``Z``, dates as
``YYYY-MM-DD``; keys sorted, no insignificant whitespace, non-ASCII kept as UTF-8.
The hash covers every word printed in the report except what is derived from it
(page numbers, the hash and the QR code, and the fixed labels and headings, which
follow from the stamp's ``language``). The body hash is the same over the body
alone (without the stamp): it fixes what a sanitised-report approval covers.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from typing import Any

from app.clock import iso_utc
from app.reports.management_view import ManagementStamp, ManagementView
from app.reports.views import InternalReport, Report, SanitisedBody, SanitisedReport

FORMAT = "veldboek-report/1"
QR_PREFIX = "VELDBOEK-REPORT/1"


def plain(value: Any) -> Any:
    """A JSON-ready copy of a view object (see the module docstring)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a report view")


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def kind_of(report: Report) -> str:
    return "internal" if isinstance(report, InternalReport) else "sanitised"


def content_sha256(report: Report) -> str:
    doc = {"format": FORMAT, "kind": kind_of(report), "report": plain(report)}
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def management_sha256(stamp: ManagementStamp, body: ManagementView) -> str:
    """The same definition for a management report: kind ``management``, the
    stamp and the shown figures (what the pages print, hidden figures as marks)."""
    report = {"stamp": plain(stamp), "body": plain(body)}
    doc = {"format": FORMAT, "kind": "management", "report": report}
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def body_sha256(body: SanitisedBody) -> str:
    doc = {"format": FORMAT, "kind": "sanitised", "body": plain(body)}
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def qr_payload(report_id: str, digest: str) -> str:
    """What the QR code on the last page encodes: report id and content hash."""
    return f"{QR_PREFIX};id={report_id};sha256={digest}"


def is_sanitised(report: Report) -> bool:
    return isinstance(report, SanitisedReport)
