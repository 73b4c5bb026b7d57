"""What a reader accepts as a record, a source, an audit event or a review: the
declarations of ``app.models.wire``, checked value by value.

Every field of every entry is checked for its exact JSON type, its form, its
allowed values and its length, an entry must have exactly the keys of its format
version, and every list must be in its declared order. The checks are made once
per record type and version (``checker``), written out as one function with a
test per field inline, so a package of 10,000 debriefs (about a million values)
costs no call per value.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.domain import names
from app.domain.names import NameKind
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest
from app.models import wire as w
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
        "The package holds a name (an alias, codename or compartment) that is too long or "
        "holds characters that cannot be shown safely; nothing was imported."
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


def _sha256(v: object) -> bool:
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
    return all(a < b for a, b in itertools.pairwise(keys))


def _value_check(f: w.Field) -> Callable[[object], bool]:
    if f.wire is w.Wire.ID:
        return is_uuid
    if f.wire is w.Wire.TEXT:
        limit = f.limit or TEXT_LIMIT
        if f.length is not None:
            length = f.length
            return lambda v: type(v) is str and len(v) == length
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
        return _sha256
    if f.wire is w.Wire.HEX_ID:
        return _hex_id
    raise AssertionError(f.wire)  # pragma: no cover


Check = Callable[[Any], None]

# Each record type's check is written out as one Python function, made from the
# declarations (``_checker_source``): a test per field inline, in declaration order,
# as the checks were written by hand before the declarations (a call per value
# costs about a fifth of an import's validation). The source is made from the
# declarations alone (field names by ``repr``, limits as integers, allowed values
# as bound constants), never from a package.
_INLINE: dict[w.Wire, str] = {
    w.Wire.ID: "type(v) is str and _uuid(v) is not None",
    w.Wire.TIME: ("type(v) is str and _stamp(v) is not None and _iso(v[:-1]) is not None"),
    w.Wire.DAY: "type(v) is str and _day(v) is not None and _iso(v) is not None",
    w.Wire.COUNT: f"type(v) is int and 0 <= v < {_MAX_INT}",
    w.Wire.BOOL: "type(v) is bool",
    w.Wire.SHA256: "type(v) is str and _hex64(v) is not None",
    w.Wire.HEX_ID: "v == '' or (type(v) is str and _hex32(v) is not None)",
}


def _inline_test(f: w.Field, n: int, bound: dict[str, Any]) -> str:
    """An expression true of ``v`` when it holds as ``f`` declares (names raise
    ``BadName`` as ``_value_check`` does); what it needs is put in ``bound``."""
    if f.wire in _INLINE:
        test = _INLINE[f.wire]
    elif f.wire is w.Wire.TEXT and f.length is not None:
        test = f"type(v) is str and len(v) == {int(f.length)}"
    elif f.wire is w.Wire.TEXT:
        low = "0 < " if f.non_empty else ""
        test = f"type(v) is str and {low}len(v) <= {int(f.limit or TEXT_LIMIT)}"
    elif f.wire is w.Wire.CODE:
        bound[f"_codes{n}"] = frozenset(f.values)
        test = f"type(v) is str and v in _codes{n}"
    else:  # names: checked by the rule, few per record
        bound[f"_value{n}"] = _value_check(f)
        test = f"_value{n}(v)"
    return f"v is None or ({test})" if f.nullable else test


def _checker_source(type_name: str, version: int, bound: dict[str, Any]) -> str:
    rt = w.RECORD_TYPES[type_name]
    bound["_keys"] = rt.keys(version)
    lines = [
        "def check(doc):",
        "    if type(doc) is not dict or doc.keys() != _keys:",
        "        raise Bad",
        "    try:",
    ]
    for n, f in enumerate(rt.fields(version)):
        lines += [
            f"        v = doc[{f.name!r}]",
            f"        if not ({_inline_test(f, n, bound)}):",
            "            raise Bad",
        ]
    lines += [
        "    except ValueError:",  # a day or moment that does not exist (30 February)
        "        raise Bad from None",
    ]
    for n, nest in enumerate(rt.nested(version)):
        bound[f"_inner{n}"] = checker(nest.record, version)
        lines.append(f"    v = doc[{nest.name!r}]")
        if not nest.many:
            lines += ["    if v is not None:", f"        _inner{n}(v)"]
            continue
        lines += [
            "    if type(v) is not list:",
            "        raise Bad",
            "    for e in v:",
            f"        _inner{n}(e)",
        ]
        if nest.order:
            bound[f"_order{n}"] = operator.itemgetter(*nest.order)
            lines += [
                f"    if len(v) > 1 and not _ascending([_order{n}(e) for e in v]):",
                "        raise Bad",
            ]
    return "\n".join(lines) + "\n"


@functools.cache
def checker(type_name: str, version: int) -> Check:
    """A function that raises ``Bad`` (or ``BadName``) unless its argument is a
    record of ``type_name`` exactly as format ``version`` declares it."""
    bound: dict[str, Any] = {
        "Bad": Bad,
        "_ascending": _ascending,
        "_uuid": UUID_FORM.fullmatch,
        "_stamp": _STAMP.fullmatch,
        "_day": _DAY.fullmatch,
        "_iso": datetime.fromisoformat,
        "_hex64": _HEX64.fullmatch,
        "_hex32": _HEX32.fullmatch,
    }
    source = _checker_source(type_name, version, bound)
    code = compile(source, f"<checker of {type_name}, version {version}>", "exec")
    exec(code, bound)  # noqa: S102 - source made from the declarations only (above)
    check: Check = bound["check"]
    return check


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


def validate_event(doc: Any) -> dict[str, Any]:
    """An audit event as the sender's chain hashed it (``at`` as ``iso_utc`` text,
    alias and compartment ids as 32 hex digits or ""), its hash recomputed."""
    try:
        checker("audit_event", w.CURRENT)(doc)
    except (Bad, TypeError):
        raise MalformedPackage("An audit event in the package is malformed.") from None
    seq, at, alias_id, actor, action, record_type, record_id, comp_id, detail, prev = _hash_fields(
        doc
    )
    recomputed = audit_chain.stored_event_hash(
        prev_hash=prev,
        seq=seq,
        at=at,
        actor_alias_id=alias_id,
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=record_id,
        compartment_id=comp_id,
        detail=detail,
    )
    if recomputed != doc["hash"]:
        raise MalformedPackage("An audit event in the package does not match its hash.")
    return doc  # type: ignore[no-any-return]


# A handover's ``identity``: HPKE ciphertext of the identity (a photo of at most
# 2 MB and its text), base64; this bounds it well above that.
HANDOVER_IDENTITY_CHARS = 4_000_000
_BASE64_TEXT = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
HANDOVER_FIELDS = frozenset({"source_id", "to_runner", "identity"})


def validate_handover(doc: Any, manifest: Manifest) -> dict[str, Any]:
    """The ``handover`` part of a handover package (docs/package-format.md, 7.4):
    exact fields, ids in their form, the new runner one of the recipients and not
    the sender, the sealed identity base64 or null."""
    if type(doc) is not dict or doc.keys() != HANDOVER_FIELDS:
        raise MalformedPackage("A handover package is malformed.")
    ids_ok = is_uuid(doc["source_id"])
    identity = doc["identity"]
    identity_ok = identity is None or (
        type(identity) is str
        and 0 < len(identity) <= HANDOVER_IDENTITY_CHARS
        and _BASE64_TEXT.fullmatch(identity) is not None
    )
    runner_ok = _sha256(doc["to_runner"]) and doc["to_runner"] in manifest.recipients
    if not ids_ok or not identity_ok or not runner_ok or doc["to_runner"] == manifest.sender:
        raise MalformedPackage("A handover package is malformed.")
    return doc
