"""What docs/package-format.md decides where an independent reader found it silent
or the app's answer wrong: a key bundle has exactly its members, a receipt names
each package once, base64 is the one encoding of its bytes, every integer is below
2^53, and each refusal says what is wrong (sections 2, 4, 5, 6, 7.1)."""

from __future__ import annotations

import base64
import copy
import hashlib
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.crypto import age, signing
from app.domain.enums import PaymentKind, PeerRole
from app.errors import FileTooLarge, InvalidInput, PackageError
from app.export import canonical, package
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest
from app.models.packages import PackageLog
from app.services.exchange import keys, package_receive, receipts
from app.services.files import user_files
from app.services.records import tasking
from tests.helpers import factory
from tests.packages.conftest import Pair, submitted_debriefs
from tests.packages.test_body_rules import forge
from tests.packages.test_receipt_rules import Reviewer
from tests.packages.test_receipts import _send
from tests.packages.test_strict_readers import Forge, refused_alike

__all__ = ["forge"]  # the fixture, shared

DOC = Path(__file__).resolve().parents[2] / "docs" / "package-format.md"

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _loose(text: str) -> str:
    """``text`` (base64 ending in "=") with an unused bit before the "=" set: it
    decodes to the same bytes, and is not their one encoding."""
    at = len(text.rstrip("=")) - 1
    loose = text[:at] + _B64[_B64.index(text[at]) | 1] + text[at + 1 :]
    assert loose != text
    assert base64.b64decode(loose) == base64.b64decode(text)
    return loose


def _signed_bundle(pair: Pair, **change: Any) -> bytes:
    """The handler's bundle with ``change``d members, self-signed again with its key."""
    vault = pair.handler.vault
    doc = {**keys._bundle_doc(keys.own_bundle(vault, "H", PeerRole.HANDLER)), **change}
    key = keys.private_keys(vault).signing
    signature = signing.sign(key, keys.BUNDLE_CONTEXT, canonical.dumps(doc))
    return canonical.dumps({**doc, "self_signature": base64.b64encode(signature).decode()})


def test_a_signed_bundle_with_a_member_more_is_refused(pair: Pair) -> None:
    keys.read_bundle(_signed_bundle(pair))  # as made: taken
    with pytest.raises(InvalidInput, match="members this Veldboek does not know"):
        keys.read_bundle(_signed_bundle(pair, comment="trusted"))


def test_a_bundle_key_in_another_base64_encoding_is_refused(pair: Pair) -> None:
    own = keys.own_bundle(pair.handler.vault, "H", PeerRole.HANDLER)
    loose = _loose(base64.b64encode(own.signing_public).decode())
    with pytest.raises(InvalidInput, match="damaged or incomplete"):
        keys.read_bundle(_signed_bundle(pair, signing_key=loose))


def test_a_bundle_member_of_another_type_is_refused(pair: Pair) -> None:
    with pytest.raises(InvalidInput, match="damaged or incomplete"):
        keys.read_bundle(_signed_bundle(pair, name=7))


def test_a_receipt_naming_a_package_twice_is_refused(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        named = {"package_id": str(sent.package_id), "sha256": log.sha256}
    other_id = {**named, "package_id": str(uuid.uuid4())}
    for twice in ([named, named], [named, other_id]):
        data = Reviewer(pair).receipt(sent, [], receipts=twice)
        with pytest.raises(MalformedPackage, match="names one package twice"):
            receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    with pair.runner.vault.read() as session:
        query = select(PackageLog.confirmed_at).where(PackageLog.id == sent.package_id)
        assert session.execute(query).scalar_one() is None


def test_the_writers_receipt_names_each_package_once(pair: Pair, tmp_path: Path) -> None:
    submitted_debriefs(pair.runner, 1)
    _send(pair)
    submitted_debriefs(pair.runner, 1, codename="KAUW")
    _send(pair)
    made = receipts.create_receipt(
        pair.handler.vault, pair.handler.scope, runner="Runner Valk", to_dir=tmp_path
    )
    seed = keys.private_keys(pair.runner.vault).receiving_seed
    manifest = package.open_package(made.path.read_bytes(), seed).manifest
    ids = [r.package_id for r in manifest.receipts]
    assert len(ids) == 2
    assert len(set(ids)) == 2


def test_a_file_in_another_base64_encoding_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    content = bytes(range(70))  # 70 bytes: "==" at the end, four bits unused
    sha = hashlib.sha256(content).hexdigest()
    body["attachments"] = [{"data": _loose(base64.b64encode(content).decode()), "sha256": sha}]
    (entry,) = [r for r in body["records"] if r["type"] == "debrief"]
    entry["data"]["attachments"][0].update(sha256=sha, size=len(content))
    assert "file in the package is malformed" in str(refused_alike(forge, forge.seal(body=body)))
    body["attachments"][0]["data"] = base64.b64encode(content).decode()  # its one encoding
    handler = forge.pair.handler
    package_receive.verify_package(handler.vault, handler.scope, forge.seal(body=body))


def test_a_handover_with_receipts_is_refused_as_a_handover() -> None:
    doc = Manifest(
        kind="handover",
        package_id=uuid.uuid4(),
        created_at="2026-12-07T07:30:00.000000Z",
        schema="x",
        sender="a" * 64,
        recipients=("b" * 64, "c" * 64),
        sequence=1,
        previous="",
        header_sha256="d" * 64,
    ).to_dict()
    doc |= {"body_sha256": "e" * 64, "body_length": 2}
    doc["receipts"] = [{"package_id": str(uuid.uuid4()), "sha256": "f" * 64}]
    with pytest.raises(MalformedPackage, match=r"^A handover package carries a list of receipts\."):
        Manifest.from_dict(doc)


def test_a_record_of_another_version_than_the_manifest_says_is_named_so(forge: Forge) -> None:
    manifest = copy.deepcopy(forge.manifest)
    manifest["records"][-1]["version"] = 2
    refused = refused_alike(forge, forge.seal(manifest))
    assert "records do not match its manifest" in str(refused)


def test_too_few_recipient_slots_are_named_as_such(forge: Forge) -> None:
    # Three stanzas for two recipients: not a guess at what happened, the count.
    refused = refused_alike(forge, forge.seal(stanzas=3))
    assert "not the number and kind the format prescribes" in str(refused)


@pytest.mark.parametrize(
    "data",
    [bytes(age.MAX_HEADER_BYTES + 10), b"", b"PK\x03\x04 not age\n"],
    ids=["zeros past the header's limit", "empty", "another format"],
)
def test_a_file_that_is_not_age_is_not_a_package(pair: Pair, data: bytes) -> None:
    handler = pair.handler
    for read in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(PackageError, match=r"^This is not a Veldboek package\.$"):
            read(handler.vault, handler.scope, data)


def test_the_size_limit_is_said_in_mib(tmp_path: Path) -> None:
    big = tmp_path / "big.age"
    with big.open("wb") as f:
        f.truncate(user_files.PACKAGE.limit + 1)
    with pytest.raises(FileTooLarge, match=r"\(1152 MiB\)\.$"):
        user_files.read_all(big, user_files.PACKAGE)


def test_every_integer_field_is_documented_below_2_53() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "integer ≥ 0" not in text
    assert text.count("integer, 0 ≤ n < 2^53") >= 6  # positions, sizes, amounts, seq, …
    assert "**Integers** are 0 ≤ n < 2^53" in text


def test_an_amount_a_package_cannot_carry_is_not_recorded(pair: Pair) -> None:
    runner = pair.runner
    source = factory.source(runner.vault, runner.scope, "MEREL")
    with pytest.raises(InvalidInput, match="that large"):
        tasking.record_payment(
            runner.vault,
            runner.scope,
            source,
            kind=PaymentKind.OFFER,
            amount_cents=2**53,
            reason="Too much.",
            occurred_on=date(2026, 12, 1),
            witness_alias_id=None,
        )
    tasking.record_payment(
        runner.vault,
        runner.scope,
        source,
        kind=PaymentKind.OFFER,
        amount_cents=2**53 - 1,
        reason="The most a package carries.",
        occurred_on=date(2026, 12, 1),
        witness_alias_id=None,
    )
