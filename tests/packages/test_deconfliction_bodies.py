"""The bodies of the deconfliction packages and a source's ``deconfliction``
member (docs/package-format.md 7.5 to 7.7): written as said, and read strictly,
every malformed form refused with one line."""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable
from typing import Any

import pytest

from app.crypto import blind_tokens
from app.export import canonical, deconfliction
from app.export.deconfliction import MatchNotice, SourceToken
from app.export.errors import MalformedPackage
from app.services.exchange import package_validation
from tests.helpers.deconfliction import SMALL

SECRET = bytes(range(32))
KEY = deconfliction.new_key(SECRET, SMALL, "2026-12-01T09:00:00.000000Z")


def test_key_body_round_trip() -> None:
    body = deconfliction.key_body(KEY)
    assert body == {
        "key": {
            "key_id": blind_tokens.key_id(SECRET),
            "secret": base64.b64encode(SECRET).decode(),
            "params": {"iterations": 1, "lanes": 1, "memory_kib": 8192},
            "created_at": "2026-12-01T09:00:00.000000Z",
            "replaces": "",
        }
    }
    assert deconfliction.parse_key_body(canonical.dumps(body)) == KEY
    assert deconfliction.parse_key_body(body) == KEY
    assert SECRET.hex() not in repr(KEY)
    assert base64.b64encode(SECRET).decode() not in repr(KEY)


Edit = Callable[[dict[str, Any]], None]


def _set(field: str, value: object) -> Edit:
    return lambda key: key.__setitem__(field, value)


KEY_EDITS: dict[str, Edit] = {
    "other key_id": _set("key_id", "0" * 32),
    "key_id upper case": lambda k: k.__setitem__("key_id", k["key_id"].upper()),
    "short secret": _set("secret", base64.b64encode(bytes(31)).decode()),
    "secret not base64": _set("secret", "!" * 44),
    "secret unpadded": lambda k: k.__setitem__("secret", k["secret"].rstrip("=")),
    "secret bytes as list": _set("secret", list(range(32))),
    "params too small": _set("params", {"iterations": 1, "lanes": 1, "memory_kib": 1024}),
    "params extra": _set("params", {"iterations": 1, "lanes": 1, "memory_kib": 8192, "x": 1}),
    "params text": _set("params", {"iterations": "1", "lanes": 1, "memory_kib": 8192}),
    "created_at form": _set("created_at", "2026-12-01 09:00:00"),
    "replaces short": _set("replaces", "abc"),
    "replaces itself": lambda k: k.__setitem__("replaces", k["key_id"]),
    "extra member": _set("note", ""),
    "missing member": lambda k: k.pop("replaces"),
}


@pytest.mark.parametrize("edit", list(KEY_EDITS), ids=list(KEY_EDITS))
def test_malformed_key_bodies_are_refused(edit: str) -> None:
    body = copy.deepcopy(deconfliction.key_body(KEY))
    KEY_EDITS[edit](body["key"])
    with pytest.raises(MalformedPackage, match="deconfliction key package is malformed"):
        deconfliction.parse_key_body(body)


def test_key_body_must_be_canonical_and_exactly_one_key() -> None:
    text = canonical.dumps(deconfliction.key_body(KEY))
    for bad in (text + b" ", b" " + text, text.replace(b":", b": ", 1)):
        with pytest.raises(MalformedPackage):
            deconfliction.parse_key_body(bad)
    with pytest.raises(MalformedPackage):
        deconfliction.parse_key_body({"key": deconfliction.key_body(KEY)["key"], "more": 1})


def _match(n: int, **changes: str) -> MatchNotice:
    values = {
        "match_id": f"00000000-0000-4000-8000-{n:012d}",
        "kind": "phone",
        "source_id": "11111111-1111-4111-8111-111111111111",
        "other_team": "Team Noord",
        "other_source": "",
        "opened_at": "2026-12-02T10:00:00.000000Z",
        "status": "open",
        "decided_at": "",
        "why": "",
        **changes,
    }
    return MatchNotice(**values)


def test_notice_body_round_trip_sorted_by_match() -> None:
    decided = _match(
        1, status="different", decided_at="2026-12-03T10:00:00.000000Z", why="Other birth year"
    )
    same_team = _match(3, other_source="22222222-2222-4222-8222-222222222222", kind="name_dob")
    body = deconfliction.notice_body([same_team, _match(2), decided])
    assert [m["match_id"][-1] for m in body["matches"]] == ["1", "2", "3"]
    assert deconfliction.parse_notice_body(canonical.dumps(body)) == [decided, _match(2), same_team]
    assert deconfliction.parse_notice_body({"matches": []}) == []


NOTICE_EDITS: dict[str, dict[str, object]] = {
    "unknown kind": {"kind": "email"},
    "status unknown": {"status": "maybe"},
    "open but decided": {"decided_at": "2026-12-03T10:00:00.000000Z"},
    "decided without time": {"status": "same"},
    "open with a reason": {"why": "because"},
    "source id form": {"source_id": "11111111111141118111111111111111"},
    "other source is itself": {"other_source": "11111111-1111-4111-8111-111111111111"},
    "team empty": {"other_team": ""},
    "team with a line feed": {"other_team": "Team\nNoord"},
    "team too long": {"other_team": "x" * 121},
    "a token where none belongs": {"token": "0" * 64},
}


@pytest.mark.parametrize("edit", list(NOTICE_EDITS), ids=list(NOTICE_EDITS))
def test_malformed_notices_are_refused(edit: str) -> None:
    entry: dict[str, object] = {**_match(1).to_dict(), **NOTICE_EDITS[edit]}
    with pytest.raises(MalformedPackage, match="deconfliction notice package is malformed"):
        deconfliction.parse_notice_body({"matches": [entry]})


def test_notices_out_of_order_or_twice_are_refused() -> None:
    one, two = _match(1).to_dict(), _match(2).to_dict()
    for matches in ([two, one], [one, one]):
        with pytest.raises(MalformedPackage):
            deconfliction.parse_notice_body({"matches": matches})


# -- a source's tokens ------------------------------------------------------------------

KEY_ID = "a" * 32


def _tokens(*kinds: str) -> list[dict[str, str]]:
    return deconfliction.tokens_entry(
        [SourceToken(KEY_ID, kind, f"{n:064x}") for n, kind in enumerate(kinds, 1)]
    )


def _source(**extra: object) -> dict[str, object]:
    return {
        "id": "01930000-0000-7000-8000-0000000000a1",
        "compartment_id": "01930000-0000-7000-8000-0000000000c1",
        "compartment": "Bron ZWALUW",
        "codename": "ZWALUW",
        "kind": "informant",
        "status": "active",
        **extra,
    }


def test_a_source_with_or_without_tokens_is_valid_in_version_3() -> None:
    package_validation.validate_source(_source(), 3)
    package_validation.validate_source(_source(deconfliction=_tokens("phone", "name_dob")), 3)
    with pytest.raises(MalformedPackage):  # version 2 knows no tokens
        package_validation.validate_source(_source(deconfliction=_tokens("phone")), 2)


def _swap(entries: list[dict[str, str]]) -> list[dict[str, str]]:
    return [entries[1], entries[0], *entries[2:]]


TOKEN_EDITS: dict[str, Callable[[], object]] = {
    "null": lambda: None,
    "not sorted": lambda: _swap(_tokens("address", "phone")),
    "twice": lambda: _tokens("phone") * 2,
    "unknown kind": lambda: [{**_tokens("phone")[0], "kind": "email"}],
    "short token": lambda: [{**_tokens("phone")[0], "token": "ab"}],
    "upper-case token": lambda: [{**_tokens("phone")[0], "token": "A" * 64}],
    "key id form": lambda: [{**_tokens("phone")[0], "key_id": "k" * 32}],
    "extra member": lambda: [{**_tokens("phone")[0], "value": "31612345678"}],
    "missing member": lambda: [{"kind": "phone", "token": "0" * 64}],
    "too many": lambda: [SourceToken(KEY_ID, "phone", f"{n:064x}").to_dict() for n in range(65)],
    "an object": lambda: {"phone": "0" * 64},
}


def test_an_empty_token_list_is_a_withdrawal_and_holds() -> None:
    # Section 7.7: ``[]`` says the source's identity gives no token now.
    package_validation.validate_source(_source(deconfliction=[]), 3)
    assert deconfliction.check_tokens([]) == []


@pytest.mark.parametrize("edit", list(TOKEN_EDITS), ids=list(TOKEN_EDITS))
def test_malformed_token_entries_are_refused(edit: str) -> None:
    with pytest.raises(MalformedPackage, match="source entry in the package is malformed"):
        package_validation.validate_source(_source(deconfliction=TOKEN_EDITS[edit]()), 3)
