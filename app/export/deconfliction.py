"""The bodies of the blind-deconfliction packages, and the ``deconfliction`` entry
of a package's source (docs/package-format.md, sections 7.5 to 7.7): built and
read here, by the vaults and by the central system alike. Pure: no vault, no I/O.

Readers are strict: canonical JSON, exactly the declared members, every value in
its one form and within its bounds; anything else is refused (``MalformedPackage``)
before any of it is used.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
from dataclasses import dataclass
from typing import Any

from app.crypto import blind_tokens
from app.crypto.blind_tokens import BadTokenParams
from app.crypto.blind_tokens import TokenParams as TokenParams  # the key's parameters
from app.export import canonical
from app.export.errors import MalformedPackage

KEY_KIND = "deconfliction-key"
NOTICE_KIND = "deconfliction-notice"
# A source's tokens: one per attribute, a few phone numbers and addresses at most.
MAX_TOKENS = 64
MAX_MATCHES = 100_000
MAX_TEAM_CHARS = 120
MAX_WHY_CHARS = 2_000
STATUSES = ("different", "open", "same")

_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_KEY_FIELDS = frozenset({"key_id", "secret", "params", "created_at", "replaces"})
_MATCH_FIELDS = frozenset(
    {
        "match_id", "kind", "source_id", "other_team", "other_source",
        "opened_at", "status", "decided_at", "why",
    }
)  # fmt: skip
_TOKEN_FIELDS = frozenset({"kind", "key_id", "token"})


def _is(pattern: re.Pattern[str], value: object) -> bool:
    return type(value) is str and pattern.fullmatch(value) is not None


# -- the key package ------------------------------------------------------------------


@dataclass(frozen=True)
class DeconflictionKey:
    """A unit deconfliction key: its secret never leaves a vault but sealed in a
    key package, and is never shown."""

    key_id: str
    secret: bytes
    params: TokenParams
    created_at: str
    replaces: str = ""  # the key_id of the key it replaces; "" for a unit's first

    def __repr__(self) -> str:  # never the secret, in a traceback or a log
        return f"DeconflictionKey(key_id={self.key_id!r}, created_at={self.created_at!r})"


def key_id_of(secret: bytes) -> str:
    """The key's public name (``blind_tokens.key_id``), for writers of key bodies."""
    return blind_tokens.key_id(secret)


def new_key(
    secret: bytes, params: TokenParams, created_at: str, replaces: str = ""
) -> DeconflictionKey:
    return DeconflictionKey(blind_tokens.key_id(secret), secret, params, created_at, replaces)


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


def _loaded(body: Any) -> Any:
    if isinstance(body, bytes | bytearray | memoryview):
        return canonical.loads(body)
    canonical.dumps(body)  # only JSON types, no fractions
    return body


def parse_key_body(body: Any) -> DeconflictionKey:
    """The key a key package's body (its canonical bytes, or parsed) carries."""
    refused = MalformedPackage("The deconfliction key package is malformed.")
    try:
        doc = _loaded(body)
    except (MalformedPackage, ValueError):
        raise refused from None
    if type(doc) is not dict or doc.keys() != {"key"}:
        raise refused
    key = doc["key"]
    if type(key) is not dict or key.keys() != _KEY_FIELDS:
        raise refused
    secret_text = key["secret"]
    try:
        secret = base64.b64decode(secret_text, validate=True) if type(secret_text) is str else b""
        params = TokenParams.from_dict(key["params"])
    except (binascii.Error, ValueError, BadTokenParams):
        raise refused from None
    if (
        len(secret) != blind_tokens.SECRET_BYTES
        or base64.b64encode(secret).decode("ascii") != secret_text
        or key["key_id"] != blind_tokens.key_id(secret)
        or not _is(_STAMP, key["created_at"])
        or not (key["replaces"] == "" or _is(_HEX32, key["replaces"]))
        or key["replaces"] == key["key_id"]
    ):
        raise refused
    return DeconflictionKey(key["key_id"], secret, params, key["created_at"], key["replaces"])


# -- the notice package ---------------------------------------------------------------


@dataclass(frozen=True)
class MatchNotice:
    """A match central found that concerns the recipient's team: which kind of
    attribute, never its value, a token or the other team's source."""

    match_id: str
    kind: str
    source_id: str  # the recipient team's source
    other_team: str
    other_source: str  # only for a match within one team; else ""
    opened_at: str
    status: str
    decided_at: str = ""
    why: str = ""

    def to_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in sorted(_MATCH_FIELDS)}


def notice_body(matches: list[MatchNotice]) -> dict[str, Any]:
    return {"matches": [m.to_dict() for m in sorted(matches, key=lambda m: m.match_id)]}


def _text(value: object, limit: int, *, empty: bool) -> bool:
    return (
        type(value) is str
        and (empty or value != "")
        and len(value) <= limit
        and value.isprintable()
    )


def _match(doc: Any) -> MatchNotice:
    if type(doc) is not dict or doc.keys() != _MATCH_FIELDS:
        raise ValueError
    decided = doc["decided_at"]
    ok = (
        _is(_UUID, doc["match_id"])
        and doc["kind"] in blind_tokens.KINDS
        and _is(_UUID, doc["source_id"])
        and _text(doc["other_team"], MAX_TEAM_CHARS, empty=False)
        and (doc["other_source"] == "" or _is(_UUID, doc["other_source"]))
        and doc["other_source"] != doc["source_id"]
        and _is(_STAMP, doc["opened_at"])
        and doc["status"] in STATUSES
        # an open match is not decided; a decided one says when
        and (decided == "") == (doc["status"] == "open")
        and (decided == "" or _is(_STAMP, decided))
        and type(doc["why"]) is str
        and len(doc["why"]) <= MAX_WHY_CHARS
        and (doc["status"] != "open" or doc["why"] == "")
    )
    if not ok:
        raise ValueError
    return MatchNotice(**doc)


def parse_notice_body(body: Any) -> list[MatchNotice]:
    """The matches a notice package's body carries, in order of their ids."""
    refused = MalformedPackage("The deconfliction notice package is malformed.")
    try:
        doc = _loaded(body)
        if type(doc) is not dict or doc.keys() != {"matches"}:
            raise ValueError
        entries = doc["matches"]
        if type(entries) is not list or len(entries) > MAX_MATCHES:
            raise ValueError
        matches = [_match(e) for e in entries]
    except (MalformedPackage, ValueError, TypeError):
        raise refused from None
    if any(a.match_id >= b.match_id for a, b in itertools.pairwise(matches)):
        raise refused  # in order, each once
    return matches


# -- a source's tokens in a package of debriefs or a handover ---------------------------


@dataclass(frozen=True, order=True)
class SourceToken:
    key_id: str
    kind: str
    token: str  # 64 hex digits

    def to_dict(self) -> dict[str, str]:
        return {"key_id": self.key_id, "kind": self.kind, "token": self.token}


def tokens_entry(tokens: list[SourceToken]) -> list[dict[str, str]]:
    """A source's ``deconfliction`` member: sorted, each once."""
    return [t.to_dict() for t in sorted(set(tokens))]


def _token_entry(entry: Any) -> tuple[str, str, str]:
    if (
        type(entry) is not dict
        or entry.keys() != _TOKEN_FIELDS
        or entry["kind"] not in blind_tokens.KINDS
        or not _is(_HEX32, entry["key_id"])
        or not _is(_HEX64, entry["token"])
    ):
        raise ValueError("malformed token entry")
    return (entry["key_id"], entry["kind"], entry["token"])


def check_tokens(value: object) -> list[tuple[str, str, str]]:
    """A source's ``deconfliction`` member as section 7.7 says: a list of at most
    64 entries of exactly kind, key_id and token, sorted by (key_id, kind, token),
    each once; empty when the source's tokens are withdrawn. Its (key_id, kind,
    token) tuples, or ``ValueError``."""
    if type(value) is not list or len(value) > MAX_TOKENS:
        raise ValueError("malformed token list")
    entries = [_token_entry(e) for e in value]
    if any(a >= b for a, b in itertools.pairwise(entries)):
        raise ValueError("token list out of order")
    return entries


def tokens_valid(value: object) -> bool:
    """Does ``value`` hold as a source's ``deconfliction`` member (``check_tokens``)?"""
    try:
        check_tokens(value)
    except ValueError:
        return False
    return True
