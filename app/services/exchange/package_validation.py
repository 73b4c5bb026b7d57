"""What a reader accepts as a record, a source, an audit event or a review: the
declarations of ``app.models.wire``, checked value by value.

Every field of every entry is checked for its exact JSON type, its form, its
allowed values and its length, an entry must have exactly the keys of its format
version, and every list must be in its declared order. The check of each record
type and version is written out once as one function (``checker``,
``check_compiler``), so a package of 10,000 debriefs (about a million values)
costs few calls beyond one per record.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeGuard

from app.domain import names, one_line
from app.domain.names import NameKind
from app.export import deconfliction
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest
from app.models import wire as w
from app.services.exchange import check_compiler, handover_identity
from app.vault import audit_chain

# ASCII digits only: \d would also take other scripts' digits.
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
UUID_FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MAX_INT = 2**53
TEXT_LIMIT = w.TEXT_LIMIT


class Bad(Exception):
    """A value is not what its declaration says."""


class BadName(Exception):
    """A name breaks the rule of app/domain/names.py: its own message, since the
    sender can act on it (their vault holds a name from before the rule)."""


def bad_name() -> MalformedPackage:
    return MalformedPackage(
        "The package holds a name (an alias, codename or compartment) that is too long, "
        "holds characters that cannot be shown safely, or is a codename with brackets "
        "(which Veldboek no longer takes): the sender renames it and sends again; nothing "
        "was imported."
    )


def is_stamp(v: object) -> bool:
    """An ``iso_utc`` timestamp of a real moment."""
    if type(v) is not str or _STAMP.fullmatch(v) is None:
        return False
    try:
        datetime.fromisoformat(v[:-1])
    except ValueError:
        return False
    return True


def _day(v: object) -> bool:
    if type(v) is not str or _DAY.fullmatch(v) is None:
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def is_uuid(v: object) -> bool:
    """The form ``str(uuid.UUID(...))`` gives, the only one a writer makes."""
    return type(v) is str and UUID_FORM.fullmatch(v) is not None


def _count(v: object) -> bool:
    return type(v) is int and 0 <= v < _MAX_INT


def is_sha256(v: object) -> TypeGuard[str]:
    """64 lower-case hex digits: a hash, or a key's fingerprint."""
    return type(v) is str and _HEX64.fullmatch(v) is not None


def _hex_id(v: object) -> bool:
    return v == "" or (type(v) is str and _HEX32.fullmatch(v) is not None)


def _name_check(kind: NameKind) -> Callable[[object], bool]:
    def check(v: object) -> bool:
        if type(v) is not str:
            return False
        if not names.is_clean(v, kind):
            raise BadName
        return True

    return check


def _ascending(keys: list[Any]) -> bool:
    # each after the one before (so each once); map keeps the loop in C
    return all(map(operator.lt, keys, itertools.islice(keys, 1, None)))


def _value_check(f: w.Field) -> Callable[[object], bool]:
    if f.wire is w.Wire.ID:
        return is_uuid
    if f.wire is w.Wire.TEXT:
        limit = f.limit or TEXT_LIMIT
        if f.length is not None:
            length = f.length
            return lambda v: type(v) is str and len(v) == length
        if f.file_name:
            return lambda v: type(v) is str and 0 < len(v) <= limit and one_line.is_file_name(v)
        if f.non_empty:
            return lambda v: type(v) is str and 0 < len(v) <= limit
        return lambda v: type(v) is str and len(v) <= limit
    if f.wire is w.Wire.NAME:
        name = _name_check(f.name_kind or NameKind.ALIAS)
        if f.empty_for_none:
            return lambda v: v == "" or name(v)
        return name
    if f.wire is w.Wire.NAMES:
        name = _name_check(f.name_kind or NameKind.ALIAS)
        # sorted by code point, each once
        return lambda v: type(v) is list and all(name(n) for n in v) and _ascending(v)
    if f.wire is w.Wire.CODE:
        values = frozenset(f.values)
        return lambda v: type(v) is str and v in values
    if f.wire is w.Wire.TIME:
        return is_stamp
    if f.wire is w.Wire.DAY:
        return _day
    if f.wire is w.Wire.COUNT:
        return _count
    if f.wire is w.Wire.BOOL:
        return lambda v: type(v) is bool
    if f.wire is w.Wire.SHA256:
        return is_sha256
    if f.wire is w.Wire.HEX_ID:
        return _hex_id
    if f.wire is w.Wire.TOKENS:
        return deconfliction.tokens_valid
    raise AssertionError(f.wire)  # pragma: no cover


def _field_check(f: w.Field) -> Callable[[object], bool]:
    check = _value_check(f)
    if f.nullable:
        return lambda v: v is None or check(v)
    return check


Check = Callable[[Any], None]


# The compiled checks' names for the patterns they use inline.
_PATTERNS = {
    "_uuid": UUID_FORM.fullmatch,
    "_hex64": _HEX64.fullmatch,
    "_hex32": _HEX32.fullmatch,
}


@functools.cache
def checker(type_name: str, version: int) -> Check:
    """A function that raises ``Bad`` (or ``BadName``) unless its argument is a
    record of ``type_name`` exactly as format ``version`` declares it: written out
    from the declarations once (``check_compiler``), each value checked by the
    rule of ``_field_check``."""
    return check_compiler.compiled(
        w.RECORD_TYPES[type_name],
        version,
        nested=lambda record: checker(record, version),
        fallback=_field_check,
        patterns=_PATTERNS,
        bad=Bad,
    )


def check(type_name: str, version: int, doc: Any) -> None:
    """Raise ``Bad`` or ``BadName`` unless ``doc`` holds as a record of ``type_name``."""
    try:
        checker(type_name, version)(doc)
    except TypeError:  # an unhashable value where a code belongs
        raise Bad from None


def validate(type_name: str, version: int, doc: Any) -> dict[str, Any]:
    """``doc`` itself, once it holds as a record of ``type_name``."""
    try:
        check(type_name, version, doc)
    except Bad:
        if type_name == "source":
            raise MalformedPackage("A source entry in the package is malformed.") from None
        raise MalformedPackage("A record in the package is malformed.") from None
    except BadName:
        raise bad_name() from None
    return doc  # type: ignore[no-any-return]


def validate_debrief(doc: Any, version: int = w.CURRENT) -> dict[str, Any]:
    """``doc`` itself, once it holds as a debrief record (no draft leaves a vault)."""
    return validate("debrief", version, doc)


def validate_source(doc: Any, version: int = w.CURRENT) -> dict[str, Any]:
    """A source entry; from version 3 it may carry the keyed tokens of the source's
    identity attributes (``deconfliction``: an optional field of the wire model,
    checked by ``app.export.deconfliction.tokens_valid``)."""
    return validate("source", version, doc)


_hash_fields = operator.itemgetter(
    "seq",
    "at",
    "actor_alias_id",
    "actor",
    "action",
    "record_type",
    "record_id",
    "compartment_id",
    "detail",
    "prev_hash",
)


def validate_events(
    docs: list[Any], each: Callable[[dict[str, Any]], None] | None = None
) -> list[dict[str, Any]]:
    """``docs`` themselves, once each holds as an audit event as the sender's chain
    hashed it (``at`` as ``iso_utc`` text, alias and compartment ids as 32 hex
    digits or ""), its hash recomputed; ``each`` is handed every event that holds,
    as it is checked."""
    check_one = checker("audit_event", w.CURRENT)
    hashed = audit_chain.fields_hash
    for doc in docs:
        try:
            check_one(doc)
        except (Bad, TypeError):
            raise MalformedPackage("An audit event in the package is malformed.") from None
        if hashed(_hash_fields(doc)) != doc["hash"]:
            raise MalformedPackage("An audit event in the package does not match its hash.")
        if each is not None:
            each(doc)
    return docs


HANDOVER_FIELDS = frozenset({"source_id", "to_runner", "identity"})


def validate_handover(doc: Any, manifest: Manifest) -> dict[str, Any]:
    """The ``handover`` part of a handover package (docs/package-format.md, 7.4):
    exact fields, ids in their form, the new runner one of the recipients and not
    the sender; then the sealed identity null or a well-formed seal
    (``handover_identity.seal_form``: the form any vault can check, keys or not)."""
    if type(doc) is not dict or doc.keys() != HANDOVER_FIELDS:
        raise MalformedPackage("A handover package is malformed.")
    ids_ok = is_uuid(doc["source_id"])
    runner_ok = is_sha256(doc["to_runner"]) and doc["to_runner"] in manifest.recipients
    if not ids_ok or not runner_ok or doc["to_runner"] == manifest.sender:
        raise MalformedPackage("A handover package is malformed.")
    handover_identity.seal_form(doc["identity"])
    return doc
