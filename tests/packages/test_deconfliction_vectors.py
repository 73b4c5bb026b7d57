"""The published blind-deconfliction vectors (docs/package-vectors/deconfliction.json
and its two package files) hold for this project's normaliser, token construction
and readers, as they must for the central system and any other implementation."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.crypto import blind_tokens
from app.crypto.blind_tokens import TokenParams
from app.domain import identity_normal
from app.export import deconfliction, package
from app.services.exchange import package_receive, package_validation
from tests.packages.test_vectors import DATA as PACKAGE_DATA
from tests.packages.test_vectors import VECTORS, _open, _vault_with_vector_keys

DATA: dict[str, Any] = json.loads((VECTORS / "deconfliction.json").read_text())
SECRET = bytes.fromhex(DATA["key"]["secret_hex"])
PARAMS = TokenParams.from_dict(DATA["key"]["params"])


def test_the_key_id() -> None:
    assert blind_tokens.key_id(SECRET) == DATA["key"]["key_id"]


@pytest.mark.parametrize("case", DATA["normalisation"]["name_dob"])
def test_names(case: list[str | None]) -> None:
    name, day, expected = case
    assert identity_normal.name_dob(str(name), str(day)) == expected


@pytest.mark.parametrize("case", DATA["normalisation"]["phone"])
def test_phones(case: list[str | None]) -> None:
    assert identity_normal.phone(str(case[0])) == case[1]


@pytest.mark.parametrize("case", DATA["normalisation"]["address"])
def test_addresses(case: list[str | None]) -> None:
    assert identity_normal.address(str(case[0])) == case[1]


def test_every_step_of_the_identity_tokens() -> None:
    i = DATA["identity"]
    attributes = identity_normal.attributes(
        i["full_name"], i["date_of_birth"], tuple(i["phone_numbers"]), tuple(i["addresses"])
    )
    assert [(t["kind"], t["value"]) for t in DATA["tokens"]] == attributes
    for t in DATA["tokens"]:
        assert blind_tokens.salt(SECRET, t["kind"]).hex() == t["salt_hex"]
        inner = Argon2id(
            salt=bytes.fromhex(t["salt_hex"]),
            length=32,
            iterations=PARAMS.iterations,
            lanes=PARAMS.lanes,
            memory_cost=PARAMS.memory_kib,
        ).derive(t["value"].encode())
        assert inner.hex() == t["argon2id_hex"]
        assert blind_tokens.token(SECRET, PARAMS, t["kind"], t["value"]).hex() == t["token_hex"]


def test_the_key_package_opens_for_the_handler_and_carries_the_key() -> None:
    spec = DATA["key_package"]
    opened = _open(spec["file"], "handler")
    assert json.loads(opened.inner.manifest_bytes) == spec["manifest"]
    assert opened.manifest.kind == "deconfliction-key"
    opened.inner.verify(bytes.fromhex(PACKAGE_DATA["keys"]["central"]["signing_public"]))
    package.check_recipients(opened, PACKAGE_DATA["keys"]["handler"]["fingerprint"])
    key = deconfliction.parse_key_body(opened.inner.body_bytes)
    assert opened.body == spec["body"] == deconfliction.key_body(key)
    assert (key.secret, key.key_id, key.params) == (SECRET, DATA["key"]["key_id"], PARAMS)


def test_the_version_3_package_with_tokens(tmp_path: Path) -> None:
    spec = DATA["package_v3_tokens"]
    for reader in spec["opened_by"]:
        opened = _open(spec["file"], reader)
        assert json.loads(opened.inner.manifest_bytes) == spec["manifest"]
        assert hashlib.sha256(opened.inner.body_bytes).hexdigest() == spec["body_sha256"]
        (source,) = opened.body["sources"]
        assert source == spec["source"]
        package_validation.validate_source(source, 3)
        assert [(t["kind"], t["token"]) for t in source["deconfliction"]] == [
            (t["kind"], t["token_hex"]) for t in DATA["tokens"]
        ]
        assert {t["key_id"] for t in source["deconfliction"]} == {DATA["key"]["key_id"]}
        plain = bytes(opened.container)
        for text in (DATA["identity"]["full_name"], DATA["identity"]["date_of_birth"]):
            assert text.encode() not in plain
    handler = _vault_with_vector_keys(tmp_path)
    try:
        data = (VECTORS / spec["file"]).read_bytes()
        assert package_receive.verify_package(handler.vault, handler.scope, data).records == 1
        assert package_receive.import_package(handler.vault, handler.scope, data).new == 1
    finally:
        handler.vault.lock()
