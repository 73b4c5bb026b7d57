"""The published test vectors (docs/package-vectors/) hold: keys, fingerprints,
canonical JSON, padding, and a package and a receipt of each format version (2 and
3) sealed with fixed keys, which this project's reader opens, verifies and imports
exactly as docs/package-format.md says the central system must."""

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

from app.crypto import age, sealing, signing
from app.domain.enums import PeerRole, Role
from app.export import canonical, container, package
from app.export.errors import NotForThisVault
from app.models.packages import KeyPurpose, VaultKeypair
from app.services.exchange import (
    keys,
    package_receive,
    package_records,
    package_validation,
    whole_file,
)
from app.services.records import debriefs, identity
from app.vault import audit_chain
from tests.helpers import factory
from tests.packages.conftest import Party, open_party

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "package-vectors"
DATA: dict[str, Any] = json.loads((VECTORS / "vectors.json").read_text())


def seed_of(name: str) -> bytes:
    return age.decode_identity(DATA["keys"][name]["receiving_identity"])


@pytest.mark.parametrize("name", ["runner", "handler", "central", "new_runner"])
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


VERSIONS = {2: ("package", "receipt"), 3: ("package_v3", "receipt_v3")}


@pytest.mark.parametrize("version", [2, 3])
@pytest.mark.parametrize("reader", ["handler", "central"])
def test_the_package_opens_and_verifies_for_each_recipient(reader: str, version: int) -> None:
    spec = DATA[VERSIONS[version][0]]
    opened = _open(spec["file"], reader)
    inner = opened.inner
    assert json.loads(inner.manifest_bytes) == spec["manifest"]
    assert opened.manifest.version == spec["manifest"]["version"] == version
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
    records = opened.body["records"]
    assert [r["type"] for r in records] == spec.get("record_types", ["debrief"])
    for entry, ref in zip(records, opened.manifest.records, strict=True):
        data = package_validation.validate(entry["type"], version, entry["data"])
        assert package_records.record_hash(data) == ref.sha256
    data = records[-1]["data"]  # the debrief: a source's file comes first
    assert package_records.record_hash(data) == spec["record_sha256"]
    assert hashlib.sha256(canonical.dumps(data)).hexdigest() == spec["record_sha256"]
    assert opened.manifest.records[-1].sha256 == spec["record_sha256"]
    assert ("taskings" in data) is (version == 2)
    (blob,) = opened.body["attachments"]
    raw = base64.b64decode(blob["data"])
    assert hashlib.sha256(raw).hexdigest() == blob["sha256"] == data["attachments"][0]["sha256"]
    assert len(raw) == data["attachments"][0]["size"]
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
    # The container is padded to exactly its Padmé length, with zeros.
    end = inner.body_start + len(inner.body_view)
    assert len(opened.container) == container.padme(end) == spec["container_bytes"]


def test_the_sender_cannot_open_its_own_package() -> None:
    with pytest.raises(NotForThisVault):
        _open(DATA["package"]["file"], "runner")


@pytest.mark.parametrize("version", [2, 3])
def test_the_receipt_opens_for_the_runner_and_verifies(version: int) -> None:
    package_spec, receipt_spec = (DATA[k] for k in VERSIONS[version])
    opened = _open(receipt_spec["file"], "runner")
    # The manifest as vectors.json gives it, every field (section 6) included.
    assert json.loads(opened.inner.manifest_bytes) == receipt_spec["manifest"]
    assert receipt_spec["manifest"]["body_length"] == len(opened.inner.body_view)
    # Every manifest field is there in a receipt too: no records, no events.
    assert receipt_spec["manifest"]["records"] == []
    assert receipt_spec["manifest"]["audit_events"] == 0
    assert receipt_spec["manifest"]["version"] == version
    opened.inner.verify(bytes.fromhex(DATA["keys"]["handler"]["signing_public"]))
    assert opened.body == {"reviews": receipt_spec["reviews"]}
    (entry,) = opened.manifest.receipts
    package_file = (VECTORS / package_spec["file"]).read_bytes()
    assert entry.sha256 == hashlib.sha256(package_file).hexdigest()


def _vault_with_vector_keys(tmp_path: Path, name: str = "handler") -> Party:
    """A vault holding the vector keys of ``name`` (the handler's, or the new
    runner's), the vector runner confirmed."""
    if name == "handler":
        handler = open_party(tmp_path / "h", "Havik", Role.HANDLER)
    else:
        handler = open_party(tmp_path / name, "Specht", Role.RUNNER)
    keys.own_fingerprint(handler.vault)  # make the vault's own keys, then swap them
    k = DATA["keys"][name]
    with handler.vault.write() as session:
        for purpose, private, public in (
            (
                KeyPurpose.SIGNING,
                bytes.fromhex(k["signing_seed"]),
                bytes.fromhex(k["signing_public"]),
            ),
            (KeyPurpose.RECEIVING, seed_of(name), age.public_key(seed_of(name))),
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
    return handler


def test_a_vault_holding_the_handler_key_imports_the_version_2_vector(tmp_path: Path) -> None:
    handler = _vault_with_vector_keys(tmp_path)
    try:
        data = (VECTORS / DATA["package"]["file"]).read_bytes()
        result = package_receive.import_package(handler.vault, handler.scope, data)
        assert result.new == 1
        view = debriefs.get_debrief(
            handler.vault, handler.scope, uuid.UUID(DATA["package"]["manifest"]["records"][0]["id"])
        )
        assert view.codename == "ZWALUW"
        assert "€ 5.000" in view.narrative
        # Version 2: the payment inside the debrief, and nothing of the source's file.
        held = whole_file.whole_file(handler.vault, handler.scope, view.source_id)
        assert [p["record"]["amount_cents"] for p in held["payments"]] == [2500]
        assert held["risk_assessments"] == held["instructions"] == []
        assert held["registration"]["record"]["legal_basis"] == ""
    finally:
        handler.vault.lock()


def test_a_vault_holding_the_handler_key_imports_the_version_3_vector(tmp_path: Path) -> None:
    handler = _vault_with_vector_keys(tmp_path)
    try:
        spec = DATA["package_v3"]
        data = (VECTORS / spec["file"]).read_bytes()
        check = package_receive.verify_package(handler.vault, handler.scope, data)
        assert (check.records, check.file_records, check.version) == (1, 6, 3)
        result = package_receive.import_package(handler.vault, handler.scope, data)
        assert result.new == 1
        assert result.file_records.new == 6
        held = whole_file.whole_file(
            handler.vault, handler.scope, uuid.UUID(spec["manifest"]["records"][0]["id"])
        )
        opened = _open(spec["file"], "handler")
        sent = {r["type"]: r["data"] for r in opened.body["records"]}
        assert held["registration"]["record"] == sent["registration"]
        assert [r["record"] for r in held["risk_assessments"]] == [sent["risk_assessment"]]
        assert [r["record"] for r in held["reliability_reviews"]] == [sent["reliability_review"]]
        assert [r["record"] for r in held["instructions"]] == [sent["instruction"]]
        assert [r["record"] for r in held["taskings"]] == [sent["tasking"]]
        assert [r["record"] for r in held["payments"]] == [sent["payment"]]
        assert [d["record"] for d in held["debriefs"]] == [sent["debrief"]]
        assert held["debriefs"][0]["versions"] == [{"version": 1, "sha256": spec["record_sha256"]}]
    finally:
        handler.vault.lock()


def test_the_handover_vector_carries_an_identity_only_the_new_runner_opens(tmp_path: Path) -> None:
    spec = DATA["handover_v3"]
    data = (VECTORS / spec["file"]).read_bytes()
    runner_public = bytes.fromhex(DATA["keys"]["runner"]["signing_public"])
    for reader in spec["opened_by"]:
        opened = _open(spec["file"], reader)
        assert json.loads(opened.inner.manifest_bytes) == spec["manifest"]
        assert hashlib.sha256(opened.inner.body_bytes).hexdigest() == spec["body_sha256"]
        opened.inner.verify(runner_public)
        assert [r["type"] for r in opened.body["records"]] == spec["record_types"]
        part = package_validation.validate_handover(opened.body["handover"], opened.manifest)
        sealed = base64.b64decode(part["identity"])
        info = bytes.fromhex(spec["identity_info_hex"])
        assert info == (
            b"veldboek handover identity v1|"
            + opened.manifest.package_id.bytes
            + uuid.UUID(part["source_id"]).bytes
            + bytes.fromhex(part["to_runner"])
        )
        private = sealing.private_from_receiving_seed(seed_of(reader))
        if reader == "new_runner":
            assert json.loads(sealing.open_sealed(private, sealed, info)) == spec["identity"]
        else:
            with pytest.raises(sealing.SealOpenFailed):
                sealing.open_sealed(private, sealed, info)
    new_runner = _vault_with_vector_keys(tmp_path, "new_runner")
    try:
        result = package_receive.import_package(new_runner.vault, new_runner.scope, data)
        assert result.taken_on is not None
        assert result.taken_on.identity
        revealed = identity.reveal_identity(
            new_runner.vault,
            new_runner.scope,
            uuid.UUID(spec["manifest"]["records"][0]["id"]),
            passphrase=factory.PASSPHRASE,
            reason="Checking the test vector",
        )
        assert revealed.full_name == spec["identity"]["full_name"]
    finally:
        new_runner.vault.lock()
