"""What a deconfliction package's manifest may say (docs/package-format.md, 6 and
7.5-7.6): version 3, exactly one recipient, no records, receipts or audit events.
The bodies are read strictly in test_deconfliction_bodies.py; the token
construction's blindness without the key in tests/test_blind_tokens.py."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.export import deconfliction as d
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest

REF = {"type": "debrief", "id": str(uuid.uuid4()), "version": 1, "sha256": "f" * 64}


def _manifest(kind: str) -> dict[str, Any]:
    return Manifest(
        kind=kind,
        package_id=uuid.uuid4(),
        created_at="2026-12-06T10:00:00.000000Z",
        schema="central c0003",
        sender="a" * 64,
        recipients=("b" * 64,),
        sequence=1,
        previous="",
        header_sha256="c" * 64,
    ).to_dict() | {"body_sha256": "d" * 64, "body_length": 2}


@pytest.mark.parametrize("kind", [d.KEY_KIND, d.NOTICE_KIND])
def test_a_deconfliction_package_goes_to_one_recipient_without_records_or_events(
    kind: str,
) -> None:
    base = _manifest(kind)
    assert Manifest.from_dict(base).kind == kind
    assert Manifest.from_dict(base | {"kind": "debriefs", "records": [REF]}).records
    for bad in (
        base | {"audit_events": 1},
        base | {"version": 2},
        base | {"recipients": ["b" * 64, "e" * 64]},
        base | {"records": [REF]},
    ):
        with pytest.raises(MalformedPackage, match="A deconfliction package is malformed"):
            Manifest.from_dict(bad)
