"""Blind deconfliction's formats and token construction: a token without the key
tells nothing about a guessed identity, one identity under two keys gives two
unrelated tokens, and the key package, the notice and a source's tokens are read
strictly (exact fields, forms, order and bounds)."""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets
import uuid
from typing import Any

import pytest

from app.crypto import blind_tokens
from app.export import deconfliction as d
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest
from app.services.exchange import package_validation
from tests.helpers.deconfliction import SMALL

PERSON = "jan van der berg|1970-01-01"


def tok(secret: bytes, kind: str, value: str) -> bytes:
    return blind_tokens.token(secret, SMALL, kind, value)


def test_without_the_key_a_guess_cannot_be_tested_against_a_token() -> None:
    key = secrets.token_bytes(32)
    stolen = tok(key, "name_dob", PERSON)  # what the central database holds
    # The thief guesses the person right, but not the key: every way to test the
    # guess without K misses; with K (the control) it hits.
    assert tok(secrets.token_bytes(32), "name_dob", PERSON) != stolen
    assert tok(b"\0" * 32, "name_dob", PERSON) != stolen
    assert hashlib.sha256(PERSON.encode()).digest() != stolen
    assert hmac.new(b"", PERSON.encode(), hashlib.sha256).digest() != stolen
    assert tok(key, "name_dob", PERSON) == stolen
    assert tok(key, "name_dob", "jan van der berg|1970-01-02") != stolen


def test_one_identity_under_two_keys_and_two_kinds_gives_unrelated_tokens() -> None:
    old, new = secrets.token_bytes(32), secrets.token_bytes(32)
    assert tok(old, "phone", "31612345678") != tok(new, "phone", "31612345678")
    # The kind is bound in: the same text as a phone and as an address differ.
    assert tok(old, "phone", "31612345678") != tok(old, "address", "31612345678")
    assert d.key_id_of(old) != d.key_id_of(new)


def _key() -> d.DeconflictionKey:
    secret = secrets.token_bytes(32)
    return d.DeconflictionKey(
        d.key_id_of(secret), secret, SMALL, "2026-12-06T10:00:00.000000Z", "a" * 32
    )


def test_a_key_body_round_trips_and_a_changed_one_is_refused() -> None:
    key = _key()
    body = d.key_body(key)
    assert d.parse_key_body(copy.deepcopy(body)) == key
    assert body["key"]["secret"] not in repr(key)
    assert key.secret.hex() not in repr(key)

    def changed(edit: Any) -> dict[str, Any]:
        b = copy.deepcopy(body)
        edit(b["key"])
        return b

    for bad in (
        changed(lambda k: k.update(key_id="b" * 32)),  # not the secret's id
        changed(lambda k: k.update(params={"memory_kib": 2**21, "iterations": 1, "lanes": 1})),
        changed(lambda k: k.update(params={"memory_kib": 8192, "iterations": 11, "lanes": 1})),
        changed(lambda k: k.update(params={"memory_kib": 8192, "iterations": 1, "lanes": 5})),
        changed(lambda k: k.update(params={"memory_kib": 8192.0, "iterations": 1, "lanes": 1})),
        changed(lambda k: k.update(extra="")),
        changed(lambda k: k.update(replaces="A" * 32)),
        changed(lambda k: k.update(secret=k["secret"][:-4])),
        {"key": body["key"], "more": 1},
    ):
        with pytest.raises(MalformedPackage):
            d.parse_key_body(bad)


def _match(**change: str) -> d.MatchNotice:
    fields = {
        "match_id": str(uuid.uuid4()),
        "kind": "phone",
        "source_id": str(uuid.uuid4()),
        "other_team": "Zuid",
        "other_source": "",
        "opened_at": "2026-12-06T10:00:00.000000Z",
        "status": "open",
        "decided_at": "",
        "why": "",
    }
    return d.MatchNotice(**(fields | change))


def test_a_notice_round_trips_sorted_and_a_changed_one_is_refused() -> None:
    matches = [
        _match(),
        _match(status="same", decided_at="2026-12-06T11:00:00.000000Z", why="met"),
    ]
    body = d.notice_body(matches)
    assert d.parse_notice_body(body) == sorted(matches, key=lambda m: m.match_id)
    entry = next(m for m in body["matches"] if m["status"] == "open")
    for bad in (
        {"matches": [entry | {"token": "0" * 64}]},  # never a token
        {"matches": [entry | {"kind": "email"}]},
        {"matches": [entry | {"status": "same"}]},  # decided, without a time
        {"matches": [entry | {"why": "told"}]},  # an open match has no reason
        {"matches": [entry | {"other_source": "KRAAI"}]},
        {"matches": [entry | {"other_team": ""}]},
        {"matches": list(reversed(body["matches"]))},
        {"matches": [entry, entry]},
        {"matches": entry},
    ):
        with pytest.raises(MalformedPackage):
            d.parse_notice_body(bad)


SOURCE = {
    "id": str(uuid.uuid4()),
    "compartment_id": str(uuid.uuid4()),
    "compartment": "Haven",
    "codename": "ZWALUW",
    "kind": "informant",
    "status": "active",
}


def _tokens(n: int = 2) -> list[dict[str, str]]:
    key_id = "c" * 32
    found = [{"key_id": key_id, "kind": "phone", "token": secrets.token_hex(32)} for _ in range(n)]
    return sorted(found, key=lambda e: (e["key_id"], e["kind"], e["token"]))


def test_a_sources_tokens_are_read_from_version_3_strictly() -> None:
    source = package_validation.validate_source(dict(SOURCE), 3)
    good = dict(source, deconfliction=_tokens())
    assert package_validation.validate_source(good, 3) is good
    many = _tokens(d.MAX_TOKENS + 1)
    first = _tokens(1)[0]
    for bad in (
        dict(source, deconfliction=list(reversed(_tokens()))),
        dict(source, deconfliction=[first, first]),
        dict(source, deconfliction=[]),
        dict(source, deconfliction=many),
        dict(source, deconfliction=[first | {"kind": "email"}]),
        dict(source, deconfliction=[first | {"token": first["token"].upper()}]),
        dict(source, deconfliction=[first | {"key_id": "c" * 31}]),
        dict(source, deconfliction=[first | {"value": "31612345678"}]),
        dict(source, deconfliction=[first], codename=""),
    ):
        with pytest.raises(MalformedPackage):
            package_validation.validate_source(bad, 3)
    with pytest.raises(MalformedPackage):
        package_validation.validate_source(good, 2)  # version 2 knows no tokens


def test_a_deconfliction_package_carries_no_records_or_events() -> None:
    base = Manifest(
        kind=d.NOTICE_KIND,
        package_id=uuid.uuid4(),
        created_at="2026-12-06T10:00:00.000000Z",
        schema="central c0003",
        sender="a" * 64,
        recipients=("b" * 64,),
        sequence=1,
        previous="",
        header_sha256="c" * 64,
    ).to_dict() | {"body_sha256": "d" * 64, "body_length": 2}
    assert Manifest.from_dict(base).kind == d.NOTICE_KIND
    for bad in (base | {"audit_events": 1}, base | {"version": 2}):
        with pytest.raises(MalformedPackage):
            Manifest.from_dict(bad)
