"""The published test vectors (docs/package-vectors/) hold: keys, fingerprints,
canonical JSON, padding, and a package and a receipt sealed with fixed keys that
this project's reader opens and verifies exactly as docs/package-format.md says
the central system must."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from app.crypto import age, signing
from app.export import canonical, container, package
from app.export.errors import NotForThisVault
from app.models.enums import PeerRole, Role
from app.models.packages import KeyPurpose, VaultKeypair
from app.services import debriefs, keys, package_receive, package_records, package_validation
from app.vault import audit_chain
from tests.packages.conftest import open_party

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "package-vectors"
DATA: dict[str, Any] = json.loads((VECTORS / "vectors.json").read_text())


def seed_of(name: str) -> bytes:
    return age.decode_identity(DATA["keys"][name]["receiving_identity"])


@pytest.mark.parametrize("name", ["runner", "handler", "central"])
def test_keys_and_fingerprints(name: str) -> None:
    k = DATA["keys"][name]
    sign_public = signing.signing_public(bytes.fromhex(k["signing_seed"]))
    assert sign_public.hex() == k["signing_public"]
    recipient = age.public_key(seed_of(name))
    assert age.encode_recipient(recipient) == k["recipient"]
    fp = signing.fingerprint(sign_public, recipient)
    assert (fp.hex, fp.spoken) == (k["fingerprint"], k["spoken"])
    # The documented derivation, spelled out.
    digest = hashlib.sha512(
        b"veldboek key fingerprint v1\n" + (32).to_bytes(2, "big") + sign_public + recipient
    ).digest()
    assert digest[:32].hex() == k["fingerprint"]
    groups = [int.from_bytes(digest[5 * i : 5 * i + 5], "big") % 100_000 for i in range(10)]
    assert " ".join(f"{g:05d}" for g in groups) == k["spoken"]


def test_canonical_json_and_padding() -> None:
    for case in DATA["canonical_json"]:
        encoded = bytes.fromhex(case["bytes_hex"])
        assert canonical.dumps(case["value"]) == encoded
        assert canonical.loads(encoded) == case["value"]
    for size, padded in DATA["padme"].items():
        assert container.padme(int(size)) == padded


def _open(file: str, name: str) -> package.Opened:
    return package.open_package((VECTORS / file).read_bytes(), seed_of(name))


@pytest.mark.parametrize("reader", ["handler", "central"])
def test_the_package_opens_and_verifies_for_each_recipient(reader: str) -> None:
    spec = DATA["package"]
    opened = _open(spec["file"], reader)
    inner = opened.inner
    assert json.loads(inner.manifest_bytes) == spec["manifest"]
    assert hashlib.sha256(inner.manifest_bytes).hexdigest() == spec["manifest_sha256"]
    assert hashlib.sha256(inner.body_bytes).hexdigest() == spec["body_sha256"]
    assert inner.manifest["body_sha256"] == spec["body_sha256"]
    runner_public = bytes.fromhex(DATA["keys"]["runner"]["signing_public"])
    inner.verify(runner_public)
    assert signing.verify(
        runner_public, b"veldboek package manifest v1\n", inner.manifest_bytes, inner.signature
    )
    package.check_recipients(opened, DATA["keys"][reader]["fingerprint"])
    assert opened.manifest.sender == DATA["keys"]["runner"]["fingerprint"]
    (record,) = opened.body["records"]
    data = package_validation.validate_debrief(record["data"], version=2)
    assert package_records.record_hash(data) == spec["record_sha256"]
    assert hashlib.sha256(canonical.dumps(data)).hexdigest() == spec["record_sha256"]
    assert opened.manifest.records[0].sha256 == spec["record_sha256"]
    (blob,) = opened.body["attachments"]
    raw = base64.b64decode(blob["data"])
    assert hashlib.sha256(raw).hexdigest() == blob["sha256"] == data["attachments"][0]["sha256"]
    (event,) = opened.body["audit"]
    recomputed = audit_chain.event_hash(
        prev_hash=event["prev_hash"],
        seq=event["seq"],
        at=datetime.fromisoformat(event["at"].replace("Z", "+00:00")),
        actor_alias_id=uuid.UUID(hex=event["actor_alias_id"]),
        actor=event["actor"],
        action=event["action"],
        record_type=event["record_type"],
        record_id=event["record_id"],
        compartment_id=uuid.UUID(hex=event["compartment_id"]),
        detail=event["detail"],
    )
    assert recomputed == event["hash"] == spec["audit_event_hash"]
    header = age.parse_header((VECTORS / spec["file"]).read_bytes())
    # The signed manifest names the header: every stanza, as sealed.
    assert opened.manifest.header_sha256 == hashlib.sha256(header.raw_without_mac).hexdigest()
    assert len(header.stanzas) == 4
    assert {s.args[0] for s in header.stanzas} == {"mlkem768x25519"}


def test_the_sender_cannot_open_its_own_package() -> None:
    with pytest.raises(NotForThisVault):
        _open(DATA["package"]["file"], "runner")


def test_the_receipt_opens_for_the_runner_and_verifies() -> None:
    spec = DATA["receipt"]
    opened = _open(spec["file"], "runner")
    assert json.loads(opened.inner.manifest_bytes) == {
        **spec["manifest"],
        "body_sha256": opened.inner.manifest["body_sha256"],
        "body_length": opened.inner.manifest["body_length"],
    }
    opened.inner.verify(bytes.fromhex(DATA["keys"]["handler"]["signing_public"]))
    assert opened.body == {"reviews": spec["reviews"]}
    (entry,) = opened.manifest.receipts
    package_file = (VECTORS / DATA["package"]["file"]).read_bytes()
    assert entry.sha256 == hashlib.sha256(package_file).hexdigest()


def test_a_vault_holding_the_handler_key_imports_the_vector_package(tmp_path: Path) -> None:
    handler = open_party(tmp_path / "h", "Havik", Role.HANDLER)
    try:
        keys.own_fingerprint(handler.vault)  # make the vault's own keys, then swap them
        k = DATA["keys"]["handler"]
        with handler.vault.write() as session:
            for purpose, private, public in (
                (
                    KeyPurpose.SIGNING,
                    bytes.fromhex(k["signing_seed"]),
                    bytes.fromhex(k["signing_public"]),
                ),
                (KeyPurpose.RECEIVING, seed_of("handler"), age.public_key(seed_of("handler"))),
            ):
                session.execute(
                    update(VaultKeypair)
                    .where(VaultKeypair.purpose == purpose)
                    .values(private=private, public=public)
                )
        r = DATA["keys"]["runner"]
        bundle = keys.KeyBundle(
            "Runner Valk",
            PeerRole.RUNNER,
            bytes.fromhex(r["signing_public"]),
            age.decode_recipient(r["recipient"]),
            "2026-11-01T00:00:00.000000Z",
        )
        keys.add_peer(
            handler.vault, handler.scope, bundle, role=PeerRole.RUNNER, confirmed_spoken=r["spoken"]
        )
        data = (VECTORS / DATA["package"]["file"]).read_bytes()
        result = package_receive.import_package(handler.vault, handler.scope, data)
        assert result.new == 1
        view = debriefs.get_debrief(
            handler.vault, handler.scope, uuid.UUID(DATA["package"]["manifest"]["records"][0]["id"])
        )
        assert view.codename == "ZWALUW"
        assert "€ 5.000" in view.narrative
    finally:
        handler.vault.lock()
