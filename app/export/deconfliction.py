"""The bodies of the two deconfliction package kinds (docs/package-format.md), as
pure functions both writers and readers share: the unit's deconfliction key
(central -> handler -> runner) and the notice of matches (central -> handler).

Parsed strictly: exact fields, exact forms, parameters within sane bounds, so a
package cannot make a vault allocate gigabytes or spin for minutes per token.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import re
from dataclasses import dataclass
from typing import Any

from app.export.errors import MalformedPackage

KEY_KIND = "deconfliction-key"
NOTICE_KIND = "deconfliction-notice"
ATTRIBUTE_KINDS = ("name_dob", "phone", "address")
SECRET_BYTES = 32
MAX_TOKENS = 64  # per source, in a package's ``sources`` entry
STATUSES = ("open", "same", "different")
MAX_WHY = 500
MAX_TEAM = 200
MAX_MATCHES = 100_000  # in one notice

_KEY_ID_CONTEXT = b"veldboek deconfliction key id v1\n"
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_B64 = re.compile(r"[A-Za-z0-9+/]{43}=")

# Bounds a reader accepts (the contract's section 1): memory 8 MiB..1 GiB,
# 1..10 passes, 1..4 lanes.
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 8 * 1024, 1024 * 1024
MAX_ITERATIONS, MAX_LANES = 10, 4


@dataclass(frozen=True)
class TokenParams:
    """The Argon2id parameters of the token construction."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_dict(self) -> dict[str, int]:
        return {"iterations": self.iterations, "lanes": self.lanes, "memory_kib": self.memory_kib}

    @classmethod
    def from_dict(cls, doc: Any) -> TokenParams:
        if type(doc) is not dict or doc.keys() != {"iterations", "lanes", "memory_kib"}:
            raise ValueError("malformed parameters")
        if any(type(v) is not int for v in doc.values()):
            raise ValueError("malformed parameters")
        params = cls(doc["memory_kib"], doc["iterations"], doc["lanes"])
        params.check()
        return params

    def check(self) -> None:
        if not (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
        ):
            raise ValueError("parameters out of bounds")


def key_id_of(secret: bytes) -> str:
    return hashlib.sha256(_KEY_ID_CONTEXT + secret).digest()[:16].hex()


@dataclass(frozen=True)
class DeconflictionKey:
    key_id: str
    secret: bytes
    params: TokenParams
    created_at: str
    replaces: str  # the key it replaces, or ""

    def __repr__(self) -> str:  # never print the secret
        return f"DeconflictionKey({self.key_id}, <hidden>)"


def key_body(key: DeconflictionKey) -> dict[str, Any]:
    return {
        "key": {
            "key_id": key.key_id,
            "secret": base64.b64encode(key.secret).decode("ascii"),
            "params": key.params.to_dict(),
            "created_at": key.created_at,
            "replaces": key.replaces,
        }
    }


def _text(value: Any, pattern: re.Pattern[str]) -> str:
    if type(value) is not str or pattern.fullmatch(value) is None:
        raise ValueError("malformed value")
    return value


def parse_key_body(body: Any) -> DeconflictionKey:
    """The key a ``deconfliction-key`` package carries, or ``MalformedPackage``."""
    try:
        if type(body) is not dict or body.keys() != {"key"}:
            raise ValueError("parts")
        doc = body["key"]
        fields = {"key_id", "secret", "params", "created_at", "replaces"}
        if type(doc) is not dict or doc.keys() != fields:
            raise ValueError("fields")
        secret = base64.b64decode(_text(doc["secret"], _B64), validate=True)
        key_id = _text(doc["key_id"], _HEX32)
        if len(secret) != SECRET_BYTES or key_id_of(secret) != key_id:
            raise ValueError("the key id is not the secret's")
        replaces = doc["replaces"]
        if replaces != "":
            _text(replaces, _HEX32)
        return DeconflictionKey(
            key_id,
            secret,
            TokenParams.from_dict(doc["params"]),
            _text(doc["created_at"], _STAMP),
            replaces,
        )
    except (ValueError, TypeError, binascii.Error):
        raise MalformedPackage("A deconfliction key package is malformed.") from None


@dataclass(frozen=True)
class NoticeMatch:
    """One match as its notice tells the recipient team: never a token, never the
    other team's source."""

    match_id: str
    kind: str
    source_id: str  # the recipient team's source
    other_team: str
    other_source: str  # only when the other source is of the same team, else ""
    opened_at: str
    status: str
    decided_at: str
    why: str

    def to_dict(self) -> dict[str, str]:
        return {
            "match_id": self.match_id,
            "kind": self.kind,
            "source_id": self.source_id,
            "other_team": self.other_team,
            "other_source": self.other_source,
            "opened_at": self.opened_at,
            "status": self.status,
            "decided_at": self.decided_at,
            "why": self.why,
        }


_NOTICE_FIELDS = frozenset(NoticeMatch.__dataclass_fields__)


def notice_body(matches: list[NoticeMatch]) -> dict[str, Any]:
    return {"matches": [m.to_dict() for m in sorted(matches, key=lambda m: m.match_id)]}


def _notice_match(doc: Any) -> NoticeMatch:
    if type(doc) is not dict or doc.keys() != _NOTICE_FIELDS:
        raise ValueError("fields")
    if any(type(v) is not str for v in doc.values()):
        raise ValueError("types")
    status = doc["status"]
    decided = doc["decided_at"]
    if doc["kind"] not in ATTRIBUTE_KINDS or status not in STATUSES:
        raise ValueError("codes")
    if (status == "open") != (decided == "") or (status == "open" and doc["why"]):
        raise ValueError("decision")
    if decided:
        _text(decided, _STAMP)
    if doc["other_source"]:
        _text(doc["other_source"], _UUID)
    team = doc["other_team"]
    if not 0 < len(team) <= MAX_TEAM or not team.isprintable() or len(doc["why"]) > MAX_WHY:
        raise ValueError("text")
    return NoticeMatch(
        _text(doc["match_id"], _UUID),
        doc["kind"],
        _text(doc["source_id"], _UUID),
        team,
        doc["other_source"],
        _text(doc["opened_at"], _STAMP),
        status,
        decided,
        doc["why"],
    )


def parse_notice_body(body: Any) -> list[NoticeMatch]:
    """The matches a ``deconfliction-notice`` package tells, or ``MalformedPackage``."""
    try:
        if type(body) is not dict or body.keys() != {"matches"}:
            raise ValueError("parts")
        entries = body["matches"]
        if type(entries) is not list or len(entries) > MAX_MATCHES:
            raise ValueError("list")
        matches = [_notice_match(e) for e in entries]
        ids = [m.match_id for m in matches]
        if ids != sorted(set(ids)):
            raise ValueError("order")
        return matches
    except (ValueError, TypeError):
        raise MalformedPackage("A deconfliction notice package is malformed.") from None


def _token_entry(doc: Any) -> tuple[str, str, str]:
    if type(doc) is not dict or doc.keys() != {"kind", "key_id", "token"}:
        raise ValueError("fields")
    if doc["kind"] not in ATTRIBUTE_KINDS:
        raise ValueError("kind")
    return (_text(doc["key_id"], _HEX32), doc["kind"], _text(doc["token"], _HEX64))


def check_tokens(value: Any) -> list[tuple[str, str, str]]:
    """A source entry's ``deconfliction`` field (section 4 of the contract): a list
    of at most ``MAX_TOKENS`` entries, sorted by (key_id, kind, token), each once.
    (key_id, kind, token) tuples, or ``ValueError``."""
    if type(value) is not list or not 0 < len(value) <= MAX_TOKENS:
        raise ValueError("list")
    entries = [_token_entry(e) for e in value]
    if any(a >= b for a, b in itertools.pairwise(entries)):
        raise ValueError("order")
    return entries
