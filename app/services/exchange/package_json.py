"""Records and audit events as canonical JSON, encoded by SQLite itself; the
statements are made from the declarations of ``app.models.wire`` (``record_sql``).

Export used to spend most of its time turning rows into Python values and those
into JSON (``package_records.serialise``; benchmarks/packages.py). SQLite's
``json_object`` and ``json_group_array`` build the same bytes in C, in about half
the time: each object's keys are written here in sorted order, strings are
escaped as orjson escapes them, integers print alike, booleans and nested values
are marked as JSON, and nested lists are ordered as ``serialise`` sorts them.
tests/packages/test_sql_json.py checks the bytes against ``serialise`` +
``canonical.dumps_plain`` for full debriefs and for text holding every code point.

The bytes agree only while the stored values are in the form the app writes them:
ids as 32 lowercase hex digits, timestamps as ``iso_utc`` text, days as ISO dates,
whole numbers as integers and text as text (``serialise`` normalises any other
form, or refuses it). The statements check exactly that for every value they read
(``_STOP``); where a check fails (a damaged or hand-edited vault), the callers take
the Python path, which normalises or refuses as always. Bytes where text belongs
stop the export at once (``StoredTextDamaged``): SQLite would read a blob that is
valid JSONB as JSON.
"""

# ruff: noqa: S608 - every statement here is built from this module's constants;
# the ids are bound parameters.
from __future__ import annotations

import functools
import hashlib
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlcipher3
from sqlalchemy.orm import Session

from app.domain.enums import GradingScheme
from app.domain.grading import Grading
from app.export import canonical
from app.models import wire as w
from app.services.exchange import package_records

# -- what a stored value must look like for SQLite's JSON to equal Python's ------

_D = "[0-9]"
_STAMP_GLOB = f"{_D * 4}-{_D * 2}-{_D * 2}T{_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}Z"  # GLOB: '.' is '.'
_DAY_GLOB = f"{_D * 4}-{_D * 2}-{_D * 2}"
# unhex(): NULL unless every character is a hex digit; lower(): no capitals
_HEX = "(typeof({c}) = 'text' AND length(unhex({c})) = 16 AND lower({c}) = {c})"
_STAMP = f"(typeof({{c}}) = 'text' AND {{c}} GLOB '{_STAMP_GLOB}')"
_DAY = f"(typeof({{c}}) = 'text' AND {{c}} GLOB '{_DAY_GLOB}')"
_INT = "typeof({c}) = 'integer'"

# Evaluated only where a value is not in the stored form: the statement stops
# ("malformed JSON") and the caller takes the Python path.
_STOP = "json('not in the stored form')"
# A TEXT column holds text, NULL or a blob. json_object would take a blob that
# happens to be valid JSONB as JSON (x'00' is null), so a blob stops the statement
# with an error of its own: only a damaged vault holds one, and export refuses it.
_BYTES_MARK = "bytes where text belongs"
_BYTES = f"json_extract('[]', '${_BYTES_MARK}')"  # "bad JSON path: '$bytes ...'"


def _text(c: str) -> str:
    return f"CASE WHEN typeof({c}) = 'blob' THEN {_BYTES} ELSE {c} END"


def _when(ok: str, value: str) -> str:
    return f"CASE WHEN {ok} THEN {value} ELSE {_STOP} END"


def _or_null(form: str, c: str, value: str) -> str:
    return f"CASE WHEN {c} IS NULL THEN NULL WHEN {form.format(c=c)} THEN {value} ELSE {_STOP} END"


def _dashed(c: str) -> str:
    """str(uuid) of a stored id."""
    parts = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
    return _when(
        _HEX.format(c=c), "(" + " || '-' || ".join(f"substr({c}, {a}, {n})" for a, n in parts) + ")"
    )


def _stamp(c: str) -> str:
    return _or_null(_STAMP, c, c)


def _day(c: str) -> str:
    return _or_null(_DAY, c, c)


def _int(c: str) -> str:
    return _when(_INT.format(c=c), c)


def _int_or_null(c: str) -> str:
    return _or_null(_INT, c, c)


def _name(c: str) -> str:
    """An alias's name by its id (NULL: none, as ``serialise`` reads it)."""
    name = _text("name")
    return _or_null(_HEX, c, f"(SELECT {name} FROM alias WHERE alias.id = {c})")


def _hex_or_empty(c: str) -> str:
    """Audit events hash an absent id as ""."""
    return f"CASE WHEN {c} IS NULL OR {c} = '' THEN '' ELSE {_when(_HEX.format(c=c), c)} END"


# ``serialise`` looks aliases up by id after normalising both sides.
_ALIASES_CONFORM = f"SELECT 1 FROM alias WHERE NOT {_HEX.format(c='id')} LIMIT 1"


# -- the JSON, written as SQL, from the declarations ------------------------------------


def _obj(members: dict[str, str]) -> str:
    # Keys in the order canonical JSON sorts them (Python's str order; all ASCII).
    return "json_object(" + ", ".join(f"'{k}', {members[k]}" for k in sorted(members)) + ")"


def _list(value: str, source: str, order: str) -> str:
    # json(): a subquery's value is text to the outer json_object; this marks it as JSON.
    return f"json((SELECT json_group_array({value} ORDER BY {order}) FROM {source}))"


# bool() of the stored integer, as ``serialise`` reads it (NULL: false)
_BOOL = (
    "CASE WHEN {c} IS NULL THEN json('false') WHEN typeof({c}) <> 'integer' THEN "
    + _STOP
    + " WHEN {c} THEN json('true') ELSE json('false') END"
)


def _attendees(a: str) -> str:
    names = (
        "(SELECT CASE WHEN x.alias_id IS NOT NULL AND NOT "
        + _HEX.format(c="x.alias_id")
        + f" THEN {_STOP} ELSE coalesce((SELECT {_text('name')} FROM alias "
        "WHERE alias.id = x.alias_id), '?') "
        f"END AS n FROM contact_attendee AS x WHERE x.contact_id = {a}.id)"
    )
    return _list("n", names, "n")


def _sent_debrief(c: str) -> str:
    """The debrief a tasking or payment names, unless that debrief is a draft."""
    draft = f"(SELECT status FROM debrief WHERE debrief.id = {c}) = 'draft'"
    return f"CASE WHEN {c} IS NULL OR {draft} THEN NULL ELSE {_dashed(c)} END"


def _field(f: w.Field, a: str) -> str:
    c = f"{a}.{f.column}"
    if f.derived == "attendees":
        return _attendees(a)
    if f.derived == "compartment_name":
        return f"(SELECT {_text('x.name')} FROM compartment AS x WHERE x.id = {a}.compartment_id)"
    if f.derived == "sent_debrief":
        return _sent_debrief(c)
    if f.by_alias:
        return _name(c)
    if f.wire is w.Wire.ID:
        return _or_null(_HEX, c, _dashed(c)) if f.nullable else _dashed(c)
    if f.wire is w.Wire.TIME:
        return _stamp(c)
    if f.wire is w.Wire.DAY:
        return _day(c)
    if f.wire is w.Wire.COUNT:
        return _int_or_null(c) if f.nullable else _int(c)
    if f.wire is w.Wire.BOOL:
        return _BOOL.format(c=c)
    if f.wire is w.Wire.HEX_ID:
        return _hex_or_empty(c)
    return _text(c)  # text, codes, names and hashes: text as stored


# Link tables a nested list is read through (``package_records``).
_LINKS = {("item", "subjects"): ("item_subject", "item_id", "subject_id")}


def record_sql(rt: w.RecordType, version: int, depth: int = 0) -> str:
    """The canonical JSON of a record of ``rt`` as one SQL expression over the
    table aliased ``t{depth}``."""
    a = f"t{depth}"
    members = {f.name: _field(f, a) for f in rt.fields(version)}
    for n in rt.nested(version):
        child = w.RECORD_TYPES[n.record]
        b = f"t{depth + 1}"
        inner = record_sql(child, version, depth + 1)
        order = ", ".join(f"{b}.{child.member(k).column}" for k in n.order)  # type: ignore[union-attr]
        if (rt.name, n.name) in _LINKS:
            table, parent_col, child_col = _LINKS[(rt.name, n.name)]
            source = (
                f"{table} AS l{depth} JOIN {package_records.table_of(child)} AS {b} "
                f"ON {b}.id = l{depth}.{child_col} WHERE l{depth}.{parent_col} = {a}.id"
            )
            members[n.name] = _list(inner, source, order)
        elif n.many:
            source = f"{package_records.table_of(child)} AS {b} WHERE {b}.{n.link} = {a}.id"
            members[n.name] = _list(inner, source, order)
        else:
            link = f"{a}.{n.link}"
            one = (
                f"json((SELECT {inner} FROM {package_records.table_of(child)} AS {b} "
                f"WHERE {b}.id = {link}))"
            )
            # ``serialise`` finds the child by the normalised id
            members[n.name] = _or_null(_HEX, link, one)
    return _obj(members)


@functools.cache
def _debriefs_sql(version: int) -> str:
    # CAST AS BLOB: the bytes as they are, without a round trip through a Python str.
    return (
        "SELECT t0.id, t0.source_id, t0.compartment_id, t0.status, t0.created_at, "
        "CAST(t0.narrative AS BLOB), CAST(t0.critical_reflection AS BLOB), "
        f"CAST({record_sql(w.DEBRIEF, version)} AS BLOB) FROM debrief AS t0 "
        "WHERE t0.id IN ({})"
    )


@functools.cache
def _records_sql(type_name: str, version: int) -> str:
    rt = w.RECORD_TYPES[type_name]
    source = rt.source_ref
    return (
        f"SELECT t0.id, t0.{'id' if source == 'id' else 'source_id'}, t0.compartment_id, "
        f"CAST({record_sql(rt, version)} AS BLOB) FROM {package_records.table_of(rt)} AS t0 "
        "WHERE t0.id IN ({})"
    )


_GRADING_SQL = (
    "SELECT debrief_id, position, id, text, scheme, source_evaluation, intelligence_assessment, "
    "handling_code, handling_conditions FROM intelligence_item WHERE debrief_id IN ({})"
)


@functools.cache
def _events_sql(types: tuple[str, ...]) -> str:
    marks = ", ".join(f"'{t}'" for t in types)  # the declared names, never input
    return (
        f"SELECT t0.seq, CAST({record_sql(w.AUDIT_EVENT, w.CURRENT)} AS BLOB) "
        f"FROM audit_event AS t0 WHERE t0.record_type IN ({marks}) "
        f"AND {package_records.NOT_IDENTITY.format(a='t0.')} AND t0.record_id IN ({{}})"
    )


def _encoded_rows(raw: Any, sql: str, ids: list[str]) -> list[tuple[Any, ...]] | None:
    """The rows of ``sql``, or None where a value is not in the stored form."""
    try:
        if raw.execute(_ALIASES_CONFORM).fetchone() is not None:
            return None
        return package_records.rows_in(raw, sql, ids)
    except sqlcipher3.OperationalError as exc:
        if _BYTES_MARK in str(exc):
            raise package_records.StoredTextDamaged() from None
        # _STOP: the Python path reads the same rows and normalises them, or
        # refuses with its own error.
        return None


def _checked(text: bytes) -> bytes:
    # SQLite hands stored bytes through as they are; Python's reading would refuse.
    try:
        text.decode("utf-8")
    except UnicodeDecodeError:
        raise package_records.StoredTextDamaged() from None
    return text


# -- what export and purge use ------------------------------------------------------


def _uuid(stored: str) -> uuid.UUID:
    return uuid.UUID(hex=stored)


@dataclass(frozen=True)
class EncodedDebrief:
    """A debrief's record as canonical JSON, with what export decides by."""

    id: uuid.UUID
    source_id: uuid.UUID
    compartment_id: uuid.UUID
    status: str
    created_at: str
    json: bytes
    sha256: str
    lacks: bool  # something ``content_blockers`` names: export is refused


def _grading_lacks(
    scheme: str, evaluation: str, assessment: str, code: str, conditions: str
) -> bool:
    return bool(Grading(GradingScheme(scheme), evaluation, assessment, code, conditions).problems())


class _Lacks:
    """``content_blockers`` names something. Gradings repeat across thousands of
    items, so each distinct one is judged once, for one export only (the cache holds
    handling conditions: vault text, dropped with this object)."""

    def __init__(self) -> None:
        self._grading_lacks = functools.lru_cache(maxsize=None)(_grading_lacks)

    def __call__(
        self, narrative: bytes | None, reflection: bytes | None, items: Sequence[tuple[Any, ...]]
    ) -> bool:
        """``narrative`` and ``reflection`` as stored (UTF-8)."""
        # The same judgement as bool(content_blockers(...)), without listing each
        # blocker: export only needs to know whether to look again (``_missing``).
        if _blank(narrative) or _blank(reflection):
            return True
        grading_lacks = self._grading_lacks
        return any(not i[0].strip() or grading_lacks(*i[1:]) for i in items)


def _blank(text: bytes | None) -> bool:
    """``not text.decode().strip()``, mostly without decoding: text that begins with
    an ASCII letter or digit is not blank. (The bytes are valid UTF-8: they are in
    the record's JSON, checked before; surrogates were refused there.)"""
    if text and text[:1].isalnum():
        return False
    return not (text or b"").decode().strip()


def debriefs(
    session: Session, ids: Sequence[uuid.UUID], version: int = w.CURRENT
) -> list[EncodedDebrief]:
    """The debriefs ``ids`` (as many as exist), ordered by creation and id, in the
    shape of format ``version``."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    hexes = [i.hex for i in ids]
    rows = _encoded_rows(raw, _debriefs_sql(version), hexes)
    if rows is None:
        return _from_records(session, ids, version)
    for row in rows:
        _checked(row[7])  # first: the grading below is read as text, and is in here
    lacks = _Lacks()
    items: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in package_records.rows_in(raw, _GRADING_SQL, hexes):
        items[row[0]].append(row[1:])
    # A few dozen sources and compartments, named by thousands of debriefs.
    shared_id = functools.lru_cache(maxsize=None)(_uuid)
    out = []
    for did, source, comp, status, created, narrative, reflection, text in rows:
        graded = [i[2:] for i in sorted(items.get(did, ()), key=lambda i: (i[0], i[1]))]
        out.append(
            EncodedDebrief(
                uuid.UUID(hex=did),
                shared_id(source),
                shared_id(comp),
                status,
                created,
                text,
                hashlib.sha256(text).hexdigest(),
                lacks(narrative, reflection, graded),
            )
        )
    out.sort(key=lambda e: (e.created_at, e.id.hex))
    return out


def _from_records(session: Session, ids: Sequence[uuid.UUID], version: int) -> list[EncodedDebrief]:
    """The Python path: ``serialise`` normalises what SQLite's JSON would not."""
    records = package_records.serialise(session, ids, version)
    lacks = _Lacks()
    out = []
    for r in records:
        text = package_records.encoded(r)  # plain by construction
        out.append(
            EncodedDebrief(
                uuid.UUID(r["id"]),
                uuid.UUID(r["source_id"]),
                uuid.UUID(r["compartment_id"]),
                r["status"],
                r["created_at"],
                text,
                hashlib.sha256(text).hexdigest(),
                lacks(
                    r["narrative"].encode(),
                    r["critical_reflection"].encode(),
                    [
                        (
                            i["text"],
                            i["scheme"],
                            i["source_evaluation"],
                            i["intelligence_assessment"],
                            i["handling_code"],
                            i["handling_conditions"],
                        )
                        for i in r["items"]
                    ],
                ),
            )
        )
    return out


@dataclass(frozen=True)
class EncodedRecord:
    """A record of a source's file as canonical JSON."""

    type: str
    id: uuid.UUID
    source_id: uuid.UUID
    compartment_id: uuid.UUID
    json: bytes
    sha256: str


def records(
    session: Session, type_name: str, ids: Sequence[uuid.UUID], version: int = w.CURRENT
) -> list[EncodedRecord]:
    """The records ``ids`` of a type of a source's file (``wire.FILE_RECORDS``), by id."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    rows = _encoded_rows(raw, _records_sql(type_name, version), [i.hex for i in ids])
    if rows is None:
        rt = w.RECORD_TYPES[type_name]
        out = []
        for r in package_records.records(session, type_name, ids, version):
            text = package_records.encoded(r)
            out.append(
                EncodedRecord(
                    type_name,
                    uuid.UUID(r["id"]),
                    uuid.UUID(r[rt.source_ref]),
                    uuid.UUID(r["compartment_id"]),
                    text,
                    hashlib.sha256(text).hexdigest(),
                )
            )
        return out
    found = [
        EncodedRecord(
            type_name,
            uuid.UUID(hex=rid),
            uuid.UUID(hex=source),
            uuid.UUID(hex=comp),
            _checked(text),
            hashlib.sha256(text).hexdigest(),
        )
        for rid, source, comp, text in rows
    ]
    return sorted(found, key=lambda r: r.id)


def audit_events(
    session: Session, ids: Sequence[uuid.UUID], types: Sequence[str] = ("debrief",)
) -> tuple[int, canonical.Parts]:
    """(how many, canonical JSON list as pieces) of the sender's audit events
    about the records ``ids`` (of the audit record types ``types``)."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    kinds = tuple(sorted(set(types)))
    rows = _encoded_rows(raw, _events_sql(kinds), [i.hex for i in ids])
    if rows is None:
        events = package_records.audit_events(session, ids, kinds)
        return len(events), [package_records.encoded(events)]
    rows.sort(key=lambda r: r[0])
    return len(rows), canonical.array_parts([_checked(r[1]) for r in rows])
