"""Write the package format's test vectors (docs/package-vectors/) from fixed keys.

    .venv/bin/python tools/package_vectors.py

Sealing draws fresh randomness (file key, HPKE, nonce, decoy stanzas), so the
files differ each time they are made; what a reader must get out of them does
not. tests/packages/test_vectors.py checks the committed files against
vectors.json with this project's reader, as the central system would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
import uuid
import zlib
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.crypto import age, signing  # noqa: E402
from app.export import canonical, container, package  # noqa: E402
from app.export.manifest import Manifest, ReceiptEntry, RecordRef  # noqa: E402
from app.services import package_records, package_validation  # noqa: E402
from app.vault import audit_chain  # noqa: E402

OUT = ROOT / "docs" / "package-vectors"


def seed(label: str) -> bytes:
    # Fixed, published, test-only keys: never use them for anything else.
    return hashlib.sha256(f"veldboek package test vector: {label}".encode()).digest()


KEYS = {
    name: {"signing": seed(f"{name} signing"), "receiving": seed(f"{name} receiving")}
    for name in ("runner", "handler", "central")
}


def public(name: str) -> tuple[bytes, bytes]:
    return signing.signing_public(KEYS[name]["signing"]), age.public_key(KEYS[name]["receiving"])


def fingerprint(name: str) -> signing.Fingerprint:
    return signing.fingerprint(*public(name))


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x20\x40\x80", 9))
        + chunk(b"IEND", b"")
    )


PNG = _png()


def debrief_record() -> dict[str, object]:
    return {
        "id": "01930000-0000-7000-8000-000000000001",
        "source_id": "01930000-0000-7000-8000-0000000000a1",
        "compartment_id": "01930000-0000-7000-8000-0000000000c1",
        "status": "submitted",
        "narrative": "Bron meldt een levering in de haven op vrijdag; één zending, € 5.000.",
        "welfare_observations": "Rustig.",
        "security_observations": "Geen bijzonderheden.",
        "runner_assessment": "Past bij eerdere meldingen.",
        "critical_reflection": "Bron kan zijn eigen rol overdrijven.",
        "author": "Valk",
        "reviewer": None,
        "review_comment": "",
        "created_at": "2026-11-20T20:15:00.000000Z",
        "updated_at": "2026-11-20T21:02:13.500000Z",
        "submitted_at": "2026-11-20T21:02:13.500000Z",
        "reviewed_at": None,
        "contact": {
            "id": "01930000-0000-7000-8000-0000000000d1",
            "kind": "meeting",
            "occurred_at": "2026-11-20T19:30:00.000000Z",
            "duration_minutes": 45,
            "location_codeword": "KADE-7",
            "reconnaissance_notes": "Route tweemaal gelopen.",
            "safety_notes": "",
            "notes": "",
            "attendees": ["Uil", "Valk"],
        },
        "items": [
            {
                "id": "01930000-0000-7000-8000-0000000000e1",
                "position": 0,
                "text": "Dirk Bakker slaat goederen op in de garage aan de Kade.",
                "sanitised_text": "Goederen zouden in een garage liggen.",
                "scheme": "3x5x2",
                "source_evaluation": "2",
                "intelligence_assessment": "B",
                "handling_code": "C",
                "handling_conditions": "Niet als bewijs gebruiken.",
                "corroboration": "unchecked",
                "exculpatory": False,
                "subjects": [{"kind": "person", "name": "Dirk Bakker"}],
            }
        ],
        "addenda": [],
        "taskings": [],
        "payments": [
            {
                "id": "01930000-0000-7000-8000-0000000000f1",
                "kind": "expense",
                "amount_cents": 2500,
                "currency": "EUR",
                "reason": "Reiskosten",
                "occurred_on": "2026-11-20",
                "witness": "Uil",
                "approved_by": None,
                "created_at": "2026-11-20T21:00:00.000000Z",
            }
        ],
        "attachments": [
            {
                "id": "01930000-0000-7000-8000-0000000000b1",
                "name": "foto.png",
                "media_type": "image/png",
                "size": len(PNG),
                "sha256": hashlib.sha256(PNG).hexdigest(),
                "created_at": "2026-11-20T20:40:00.000000Z",
            }
        ],
    }


def audit_event() -> dict[str, object]:
    at = datetime(2026, 11, 20, 21, 2, 13, 500000, tzinfo=UTC)
    alias = uuid.UUID("01930000-0000-7000-8000-00000000a001")
    compartment = uuid.UUID("01930000-0000-7000-8000-0000000000c1")
    fields: dict[str, object] = {
        "prev_hash": "1" * 64,
        "seq": 42,
        "at": at,
        "actor_alias_id": alias,
        "actor": "Valk",
        "action": "debrief.submitted",
        "record_type": "debrief",
        "record_id": uuid.UUID("01930000-0000-7000-8000-000000000001").hex,
        "compartment_id": compartment,
        "detail": '{"from":"draft"}',
    }
    digest = audit_chain.event_hash(**fields)  # type: ignore[arg-type]
    return {
        "seq": 42,
        "at": "2026-11-20T21:02:13.500000Z",
        "actor": "Valk",
        "actor_alias_id": alias.hex,
        "action": "debrief.submitted",
        "record_type": "debrief",
        "record_id": fields["record_id"],
        "compartment_id": compartment.hex,
        "detail": '{"from":"draft"}',
        "prev_hash": "1" * 64,
        "hash": digest,
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    runner, handler, central = (fingerprint(n) for n in ("runner", "handler", "central"))
    record = debrief_record()
    package_validation.validate_debrief(record)
    record_sha = package_records.record_hash(record)
    body = {
        "sources": [
            {
                "id": record["source_id"],
                "compartment_id": record["compartment_id"],
                "compartment": "Bron ZWALUW",
                "codename": "ZWALUW",
                "kind": "civilian_informant",
                "status": "active",
            }
        ],
        "records": [{"type": "debrief", "id": record["id"], "version": 1, "data": record}],
        "attachments": [
            {"sha256": hashlib.sha256(PNG).hexdigest(), "data": base64.b64encode(PNG).decode()}
        ],
        "audit": [audit_event()],
    }
    manifest = Manifest(
        kind="debriefs",
        package_id=uuid.UUID("0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b"),
        created_at="2026-11-20T21:30:00.000000Z",
        schema="0005_packages",
        sender=runner.hex,
        recipients=tuple(sorted((handler.hex, central.hex))),
        sequence=1,
        previous="",
        records=(RecordRef("debrief", uuid.UUID(str(record["id"])), 1, record_sha),),
        audit_events=1,
    )
    sealed = package.seal(
        manifest,
        body,
        KEYS["runner"]["signing"],
        [public("handler")[1], public("central")[1]],
    )
    (OUT / "package-1.age").write_bytes(sealed)
    receipt = Manifest(
        kind="receipt",
        package_id=uuid.UUID("0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5c"),
        created_at="2026-11-21T08:00:00.000000Z",
        schema="0005_packages",
        sender=handler.hex,
        recipients=(runner.hex,),
        sequence=1,
        previous="",
        receipts=(ReceiptEntry(manifest.package_id, hashlib.sha256(sealed).hexdigest()),),
    )
    review = {
        "debrief_id": record["id"],
        "status": "approved",
        "reviewer": "Havik",
        "comment": "Goed gegradeerd.",
        "reviewed_at": "2026-11-21T07:55:00.000000Z",
    }
    receipt_file = package.seal(
        receipt, {"reviews": [review]}, KEYS["handler"]["signing"], [public("runner")[1]]
    )
    (OUT / "receipt-1.age").write_bytes(receipt_file)
    # What the recipients find inside (the manifest names the header it was sealed in).
    inner = age.decrypt(sealed, KEYS["handler"]["receiving"])
    parsed = container.parse(inner)
    receipt_manifest = json.loads(
        container.parse(age.decrypt(receipt_file, KEYS["runner"]["receiving"])).manifest_bytes
    )
    for key in ("body_sha256", "body_length"):
        receipt_manifest.pop(key)
    vectors = {
        "about": "Test vectors of docs/package-format.md. Keys are fixed, published and "
        "for tests only. Seeds and keys in hex; identities and recipients as age encodes them.",
        "keys": {
            name: {
                "signing_seed": KEYS[name]["signing"].hex(),
                "signing_public": public(name)[0].hex(),
                "receiving_identity": age.encode_identity(KEYS[name]["receiving"]),
                "recipient": age.encode_recipient(public(name)[1]),
                "fingerprint": fingerprint(name).hex,
                "spoken": fingerprint(name).spoken,
            }
            for name in ("runner", "handler", "central")
        },
        "package": {
            "file": "package-1.age",
            "opened_by": ["handler", "central"],
            "manifest": json.loads(parsed.manifest_bytes),
            "manifest_sha256": hashlib.sha256(parsed.manifest_bytes).hexdigest(),
            "body_sha256": hashlib.sha256(parsed.body_bytes).hexdigest(),
            "record_sha256": record_sha,
            "audit_event_hash": body["audit"][0]["hash"],  # type: ignore[index]
            "container_bytes": len(inner),
        },
        "receipt": {
            "file": "receipt-1.age",
            "opened_by": ["runner"],
            "manifest": receipt_manifest,
            "reviews": [review],
        },
        "canonical_json": [
            {
                "value": {"b": 1, "a": [True, None, 'é\n"\\']},
                "bytes_hex": canonical.dumps({"b": 1, "a": [True, None, 'é\n"\\']}).hex(),
            },
            {
                "value": {"z": "\u0001", "\u00e9": 0, "Z": -7},
                "bytes_hex": canonical.dumps({"z": "\u0001", "\u00e9": 0, "Z": -7}).hex(),
            },
        ],
        "padme": {str(n): container.padme(n) for n in (1, 65536, 65537, 100_000, 1_000_000, 10**8)},
    }
    (OUT / "vectors.json").write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
