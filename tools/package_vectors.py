"""Write the package format's test vectors (docs/package-vectors/) from fixed keys.

    .venv/bin/python tools/package_vectors.py        # version 3: package-3.age, receipt-3.age
    .venv/bin/python tools/package_vectors.py --v2   # and version 2 again (package-1.age, ...)
    .venv/bin/python tools/package_vectors.py --handover   # only handover-3.age

Sealing draws fresh randomness (file key, HPKE, nonce, decoy stanzas), so the
files differ each time they are made; what a reader must get out of them does
not. The version 2 files are kept as they were committed (what older writers made)
unless ``--v2`` is given. tests/packages/test_vectors.py checks the committed
files against vectors.json with this project's reader, as the central system would.
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

from app.crypto import (  # noqa: E402
    age,
    sealing,
    signing,
)
from app.export import canonical, container, package  # noqa: E402
from app.export.manifest import Manifest, ReceiptEntry, RecordRef  # noqa: E402
from app.services.exchange import package_records, package_validation  # noqa: E402
from app.services.records import identity  # noqa: E402
from app.vault import audit_chain  # noqa: E402

OUT = ROOT / "docs" / "package-vectors"


def seed(label: str) -> bytes:
    # Fixed, published, test-only keys: never use them for anything else.
    return hashlib.sha256(f"veldboek package test vector: {label}".encode()).digest()


KEYS = {
    name: {"signing": seed(f"{name} signing"), "receiving": seed(f"{name} receiving")}
    for name in ("runner", "handler", "central", "new_runner")
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


SOURCE_ID = "01930000-0000-7000-8000-0000000000a1"
COMPARTMENT_ID = "01930000-0000-7000-8000-0000000000c1"
DEBRIEF_ID = "01930000-0000-7000-8000-000000000001"


def debrief_record(version: int = 2) -> dict[str, object]:
    record: dict[str, object] = {
        "id": DEBRIEF_ID,
        "source_id": SOURCE_ID,
        "compartment_id": COMPARTMENT_ID,
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
    if version >= 3:  # taskings and payments travel as records of their own
        del record["taskings"], record["payments"]
    return record


def file_records() -> list[tuple[str, dict[str, object]]]:
    """A source's file in version 3: (type, data), in the order a package carries them."""
    common = {"source_id": SOURCE_ID, "compartment_id": COMPARTMENT_ID}
    return [
        (
            "registration",
            {
                "id": SOURCE_ID,
                "compartment_id": COMPARTMENT_ID,
                "motivation": "Geld en wrok tegen een oud-compagnon.",
                "information_position": "Werkt in de haven, ploegdienst.",
                "legal_basis": "Art. 126v Sv",
                "contracted_on": "2026-03-01",
                "contract_review_on": "2027-03-01",
                "suitability_review_on": "2026-09-01",
                "antecedents_checked_on": "2026-02-20",
                "antecedents_result": "Geen antecedenten.",
                "notes": "",
                "closed_at": None,
                "close_reason": "",
                "closed_on": None,
                "closed_by": None,
                "created_at": "2026-02-15T10:00:00.000000Z",
                "updated_at": "2026-03-01T09:30:00.000000Z",
            },
        ),
        (
            "risk_assessment",
            {
                "id": "01930000-0000-7000-8000-000000000101",
                **common,
                "assessed_at": "2026-11-01T12:00:00.000000Z",
                "level": "high",
                "threats": "Gezien met een bekende handhaver.",
                "mitigations": "Ontmoetingen buiten de stad.",
                "welfare_notes": "Slaapt slecht.",
                "review_on": "2026-12-01",
                "assessed_by": "Valk",
            },
        ),
        (
            "reliability_review",
            {
                "id": "01930000-0000-7000-8000-000000000201",
                **common,
                "reviewed_at": "2026-10-01T12:00:00.000000Z",
                "evaluation": "2",
                "rationale": "Twee meldingen bevestigd.",
                "reviewed_by": "Valk",
            },
        ),
        (
            "instruction",
            {
                "id": "01930000-0000-7000-8000-000000000301",
                **common,
                "text": "Geen contact met de broer van Dirk.",
                "given_at": "2026-03-01T10:00:00.000000Z",
                "given_by": "Valk",
                "acknowledged_at": "2026-03-01T10:05:00.000000Z",
            },
        ),
        (
            "tasking",
            {
                "id": "01930000-0000-7000-8000-000000000401",
                **common,
                "debrief_id": None,
                "description": "Wie rijdt de bestelbus?",
                "limits": "Niet zelf volgen.",
                "deadline": "2026-12-15",
                "status": "open",
                "outcome": "",
                "created_by": "Valk",
                "created_at": "2026-11-10T09:00:00.000000Z",
                "closed_at": None,
            },
        ),
        (
            "payment",
            {
                "id": "01930000-0000-7000-8000-0000000000f1",
                **common,
                "debrief_id": DEBRIEF_ID,
                "kind": "expense",
                "amount_cents": 2500,
                "currency": "EUR",
                "reason": "Reiskosten",
                "occurred_on": "2026-11-20",
                "witness": "Uil",
                "approved_by": None,
                "created_at": "2026-11-20T21:00:00.000000Z",
            },
        ),
    ]


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


def _source() -> dict[str, object]:
    return {
        "id": SOURCE_ID,
        "compartment_id": COMPARTMENT_ID,
        "compartment": "Bron ZWALUW",
        "codename": "ZWALUW",
        "kind": "civilian_informant",
        "status": "active",
    }


def _blob() -> dict[str, str]:
    return {"sha256": hashlib.sha256(PNG).hexdigest(), "data": base64.b64encode(PNG).decode()}


def _receipt(
    version: int, package_id: uuid.UUID, sealed: bytes, receipt_id: str
) -> tuple[bytes, dict[str, object]]:
    handler, runner = fingerprint("handler"), fingerprint("runner")
    receipt = Manifest(
        kind="receipt",
        package_id=uuid.UUID(receipt_id),
        created_at="2026-11-21T08:00:00.000000Z",
        schema="0005_packages" if version == 2 else "0011_sent_format",
        sender=handler.hex,
        recipients=(runner.hex,),
        sequence=1,
        previous="",
        receipts=(ReceiptEntry(package_id, hashlib.sha256(sealed).hexdigest()),),
        version=version,
    )
    review = {
        "debrief_id": DEBRIEF_ID,
        "status": "approved",
        "reviewer": "Havik",
        "comment": "Goed gegradeerd.",
        "reviewed_at": "2026-11-21T07:55:00.000000Z",
    }
    receipt_file = package.seal(
        receipt, {"reviews": [review]}, KEYS["handler"]["signing"], [public("runner")[1]]
    )
    receipt_manifest = json.loads(
        container.parse(age.decrypt(receipt_file, KEYS["runner"]["receiving"])).manifest_bytes
    )
    return receipt_file, {"manifest": receipt_manifest, "reviews": [review]}


def write_version(version: int, vectors: dict[str, object]) -> None:
    """Seal the package and receipt of one format version and describe them."""
    runner, handler, central = (fingerprint(n) for n in ("runner", "handler", "central"))
    record = debrief_record(version)
    package_validation.validate_debrief(record, version)
    entries: list[tuple[str, dict[str, object]]] = []
    if version >= 3:
        for type_name, data in file_records():
            package_validation.validate(type_name, version, data)
            entries.append((type_name, data))
    entries.append(("debrief", record))
    body = {
        "sources": [_source()],
        "records": [{"type": t, "id": d["id"], "version": 1, "data": d} for t, d in entries],
        "attachments": [_blob()],
        "audit": [audit_event()],
    }
    suffix = "1" if version == 2 else "3"
    manifest = Manifest(
        kind="debriefs",
        package_id=uuid.UUID(f"0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a{5 if version == 2 else 6}b"),
        created_at="2026-11-20T21:30:00.000000Z",
        schema="0005_packages" if version == 2 else "0011_sent_format",
        sender=runner.hex,
        recipients=tuple(sorted((handler.hex, central.hex))),
        sequence=1,
        previous="",
        records=tuple(
            RecordRef(t, uuid.UUID(str(d["id"])), 1, package_records.record_hash(d))
            for t, d in entries
        ),
        audit_events=1,
        version=version,
    )
    sealed = package.seal(
        manifest,
        body,
        KEYS["runner"]["signing"],
        [public("handler")[1], public("central")[1]],
    )
    (OUT / f"package-{suffix}.age").write_bytes(sealed)
    receipt_file, receipt = _receipt(
        version,
        manifest.package_id,
        sealed,
        f"0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a{5 if version == 2 else 6}c",
    )
    (OUT / f"receipt-{suffix}.age").write_bytes(receipt_file)
    inner = age.decrypt(sealed, KEYS["handler"]["receiving"])
    parsed = container.parse(inner)
    key = "" if version == 2 else "_v3"
    vectors[f"package{key}"] = {
        "file": f"package-{suffix}.age",
        "version": version,
        "opened_by": ["handler", "central"],
        "manifest": json.loads(parsed.manifest_bytes),
        "manifest_sha256": hashlib.sha256(parsed.manifest_bytes).hexdigest(),
        "body_sha256": hashlib.sha256(parsed.body_bytes).hexdigest(),
        "record_sha256": package_records.record_hash(record),
        "record_types": [t for t, _ in entries],
        "audit_event_hash": body["audit"][0]["hash"],  # type: ignore[index]
        "container_bytes": len(inner),
    }
    vectors[f"receipt{key}"] = {
        "file": f"receipt-{suffix}.age",
        "version": version,
        "opened_by": ["runner"],
        **receipt,
    }


IDENTITY = {
    "full_name": "Test Vector Persoon",
    "date_of_birth": "1980-02-03",
    "addresses": ["Teststraat 1, Nergensdorp"],
    "phone_numbers": ["0600000000"],
    "photo_png": "",
    "notes": "Test vector only.",
}


def write_handover(vectors: dict[str, object]) -> None:
    """A handover of the source ZWALUW from ``runner`` to ``new_runner``, sealed to
    the new runner and the handler, its true identity sealed to the new runner."""
    runner, handler, new_runner = (fingerprint(n) for n in ("runner", "handler", "new_runner"))
    entries: list[tuple[str, dict[str, object]]] = list(file_records())
    entries.append(("debrief", debrief_record(3)))
    for type_name, data in entries:
        package_validation.validate(type_name, 3, data)
    package_id = uuid.UUID("0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a7b")
    info = identity.handover_info(package_id, uuid.UUID(SOURCE_ID), new_runner.hex)
    plain = json.dumps(IDENTITY, ensure_ascii=False).encode("utf-8")
    sealed_identity = sealing.seal(public("new_runner")[1], plain, info)
    body = {
        "sources": [_source()],
        "records": [{"type": t, "id": d["id"], "version": 1, "data": d} for t, d in entries],
        "attachments": [_blob()],
        "audit": [audit_event()],
        "handover": {
            "identity": base64.b64encode(sealed_identity).decode("ascii"),
            "source_id": SOURCE_ID,
            "to_runner": new_runner.hex,
        },
    }
    manifest = Manifest(
        kind="handover",
        package_id=package_id,
        created_at="2026-11-22T10:00:00.000000Z",
        schema="0014_handover",
        sender=runner.hex,
        recipients=tuple(sorted((handler.hex, new_runner.hex))),
        sequence=1,
        previous="",
        records=tuple(
            RecordRef(t, uuid.UUID(str(d["id"])), 1, package_records.record_hash(d))
            for t, d in entries
        ),
        audit_events=1,
        version=3,
    )
    sealed = package.seal(
        manifest, body, KEYS["runner"]["signing"], [public("handler")[1], public("new_runner")[1]]
    )
    (OUT / "handover-3.age").write_bytes(sealed)
    parsed = container.parse(age.decrypt(sealed, KEYS["handler"]["receiving"]))
    vectors["handover_v3"] = {
        "file": "handover-3.age",
        "version": 3,
        "opened_by": ["new_runner", "handler"],
        "manifest": json.loads(parsed.manifest_bytes),
        "manifest_sha256": hashlib.sha256(parsed.manifest_bytes).hexdigest(),
        "body_sha256": hashlib.sha256(parsed.body_bytes).hexdigest(),
        "record_types": [t for t, _ in entries],
        "identity": IDENTITY,
        "identity_info_hex": info.hex(),
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "vectors.json"
    vectors = json.loads(path.read_text()) if path.exists() else {}
    vectors["about"] = (
        "Test vectors of docs/package-format.md. Keys are fixed, published and "
        "for tests only. Seeds and keys in hex; identities and recipients as age encodes them."
    )
    vectors["keys"] = {
        name: {
            "signing_seed": KEYS[name]["signing"].hex(),
            "signing_public": public(name)[0].hex(),
            "receiving_identity": age.encode_identity(KEYS[name]["receiving"]),
            "recipient": age.encode_recipient(public(name)[1]),
            "fingerprint": fingerprint(name).hex,
            "spoken": fingerprint(name).spoken,
        }
        for name in ("runner", "handler", "central", "new_runner")
    }
    if "--handover" in sys.argv[1:]:
        write_handover(vectors)
        path.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {OUT / 'handover-3.age'}")
        return 0
    if "--v2" in sys.argv[1:] or "package" not in vectors:
        write_version(2, vectors)
    write_version(3, vectors)
    write_handover(vectors)
    vectors["canonical_json"] = [
        {
            "value": {"b": 1, "a": [True, None, 'é\n"\\']},
            "bytes_hex": canonical.dumps({"b": 1, "a": [True, None, 'é\n"\\']}).hex(),
        },
        {
            "value": {"z": "\u0001", "\u00e9": 0, "Z": -7},
            "bytes_hex": canonical.dumps({"z": "\u0001", "\u00e9": 0, "Z": -7}).hex(),
        },
    ]
    vectors["padme"] = {
        str(n): container.padme(n) for n in (1, 65536, 65537, 100_000, 1_000_000, 10**8)
    }
    path.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
