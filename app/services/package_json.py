"""Debrief records and audit events as canonical JSON, encoded by SQLite itself.

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
import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlcipher3
from sqlalchemy.orm import Session

from app.domain.grading import Grading
from app.export import canonical
from app.models.enums import GradingScheme
from app.services import package_records

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


_COLUMN = re.compile(r"[a-z]\.[a-z_0-9]+")


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


# -- the JSON, written as SQL -------------------------------------------------------

_TEXTS = ("narrative", "welfare_observations", "security_observations", "runner_assessment")


def _obj(fields: dict[str, str]) -> str:
    # Keys in the order canonical JSON sorts them (Python's str order; all ASCII).
    # A bare column is text (the other forms are checked where they are made).
    values = {k: _text(v) if _COLUMN.fullmatch(v) else v for k, v in fields.items()}
    return "json_object(" + ", ".join(f"'{k}', {values[k]}" for k in sorted(values)) + ")"


def _list(value: str, source: str, order: str) -> str:
    # json(): a subquery's value is text to the outer json_object; this marks it as JSON.
    return f"json((SELECT json_group_array({value} ORDER BY {order}) FROM {source}))"


# bool() of the stored integer, as ``serialise`` reads it (NULL: false)
_BOOL = (
    "CASE WHEN {c} IS NULL THEN json('false') WHEN typeof({c}) <> 'integer' THEN "
    + _STOP
    + " WHEN {c} THEN json('true') ELSE json('false') END"
)

_SUBJECT = _obj({"kind": "s.kind", "name": "s.name"})
_ITEM = _obj(
    {
        "id": _dashed("i.id"),
        "position": _int("i.position"),
        "text": "i.text",
        "sanitised_text": "i.sanitised_text",
        "scheme": "i.scheme",
        "source_evaluation": "i.source_evaluation",
        "intelligence_assessment": "i.intelligence_assessment",
        "handling_code": "i.handling_code",
        "handling_conditions": "i.handling_conditions",
        "corroboration": "i.corroboration",
        "exculpatory": _BOOL.format(c="i.exculpatory"),
        "subjects": _list(
            _SUBJECT,
            "item_subject AS l JOIN subject AS s ON s.id = l.subject_id WHERE l.item_id = i.id",
            "s.kind, s.name",
        ),
    }
)
_ATTENDEE = (
    "(SELECT CASE WHEN a.alias_id IS NOT NULL AND NOT "
    + _HEX.format(c="a.alias_id")
    + f" THEN {_STOP} ELSE coalesce((SELECT {_text('name')} FROM alias "
    "WHERE alias.id = a.alias_id), '?') "
    "END AS n FROM contact_attendee AS a WHERE a.contact_id = c.id)"
)
_CONTACT = _obj(
    {
        "id": _dashed("c.id"),
        "kind": "c.kind",
        "occurred_at": _stamp("c.occurred_at"),
        "duration_minutes": _int_or_null("c.duration_minutes"),
        "location_codeword": "c.location_codeword",
        "reconnaissance_notes": "c.reconnaissance_notes",
        "safety_notes": "c.safety_notes",
        "notes": "c.notes",
        "attendees": _list("n", _ATTENDEE, "n"),
    }
)
_ADDENDUM = _obj(
    {
        "id": _dashed("a.id"),
        "text": "a.text",
        "author": _name("a.author_alias_id"),
        "created_at": _stamp("a.created_at"),
    }
)
_TASKING = _obj(
    {
        "id": _dashed("t.id"),
        "description": "t.description",
        "limits": "t.limits",
        "deadline": _day("t.deadline"),
        "status": "t.status",
        "outcome": "t.outcome",
        "created_at": _stamp("t.created_at"),
    }
)
_PAYMENT = _obj(
    {
        "id": _dashed("p.id"),
        "kind": "p.kind",
        "amount_cents": _int("p.amount_cents"),
        "currency": "p.currency",
        "reason": "p.reason",
        "occurred_on": _day("p.occurred_on"),
        "witness": _name("p.witness_alias_id"),
        "approved_by": _name("p.approved_by_alias_id"),
        "created_at": _stamp("p.created_at"),
    }
)
_ATTACHMENT = _obj(
    {
        "id": _dashed("f.id"),
        "name": "f.name",
        "media_type": "f.media_type",
        "size": _int("f.size"),
        "sha256": "f.sha256",
        "created_at": _stamp("f.created_at"),
    }
)
_CONTACT_OF_D = f"json((SELECT {_CONTACT} FROM contact AS c WHERE c.id = d.contact_id))"
_DEBRIEF = _obj(
    {
        "id": _dashed("d.id"),
        "source_id": _dashed("d.source_id"),
        "compartment_id": _dashed("d.compartment_id"),
        "status": "d.status",
        **{k: f"d.{k}" for k in _TEXTS},
        "critical_reflection": "d.critical_reflection",
        "author": _name("d.author_alias_id"),
        "reviewer": _name("d.reviewer_alias_id"),
        "review_comment": "d.review_comment",
        "created_at": _when(_STAMP.format(c="d.created_at"), "d.created_at"),
        "updated_at": _stamp("d.updated_at"),
        "submitted_at": _stamp("d.submitted_at"),
        "reviewed_at": _stamp("d.reviewed_at"),
        # ``serialise`` finds the contact by the normalised id
        "contact": _or_null(_HEX, "d.contact_id", _CONTACT_OF_D),
        "items": _list(
            _ITEM, "intelligence_item AS i WHERE i.debrief_id = d.id", "i.position, i.id"
        ),
        "addenda": _list(
            _ADDENDUM, "addendum AS a WHERE a.debrief_id = d.id", "a.created_at, a.id"
        ),
        "taskings": _list(_TASKING, "tasking AS t WHERE t.debrief_id = d.id", "t.id"),
        "payments": _list(_PAYMENT, "payment AS p WHERE p.debrief_id = d.id", "p.id"),
        "attachments": _list(
            _ATTACHMENT, "attachment AS f WHERE f.debrief_id = d.id", "f.created_at, f.id"
        ),
    }
)
# CAST AS BLOB: the bytes as they are, without a round trip through a Python str.
_DEBRIEFS_SQL = (
    "SELECT d.id, d.source_id, d.compartment_id, d.status, d.created_at, "
    "CAST(d.narrative AS BLOB), CAST(d.critical_reflection AS BLOB), "
    f"CAST({_DEBRIEF} AS BLOB) FROM debrief AS d "
    "WHERE d.id IN ({})"
)
_GRADING_SQL = (
    "SELECT debrief_id, position, id, text, scheme, source_evaluation, intelligence_assessment, "
    "handling_code, handling_conditions FROM intelligence_item WHERE debrief_id IN ({})"
)
_EVENT = _obj(
    {
        "seq": _int("e.seq"),
        "at": _stamp("e.at"),
        "actor": "e.actor",
        "actor_alias_id": _hex_or_empty("e.actor_alias_id"),
        "action": "e.action",
        "record_type": "e.record_type",
        "record_id": "e.record_id",
        "compartment_id": _hex_or_empty("e.compartment_id"),
        "detail": "e.detail",
        "prev_hash": "e.prev_hash",
        "hash": "e.hash",
    }
)
_EVENTS_SQL = (
    f"SELECT e.seq, CAST({_EVENT} AS BLOB) FROM audit_event AS e "
    "WHERE e.record_type = 'debrief' AND e.record_id IN ({})"
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

    def __call__(self, narrative: str, reflection: str, items: Sequence[tuple[Any, ...]]) -> bool:
        # The same judgement as bool(content_blockers(...)), without listing each
        # blocker: export only needs to know whether to look again (``_missing``).
        if not narrative.strip() or not reflection.strip():
            return True
        grading_lacks = self._grading_lacks
        return any(not i[0].strip() or grading_lacks(*i[1:]) for i in items)


def debriefs(session: Session, ids: Sequence[uuid.UUID]) -> list[EncodedDebrief]:
    """The debriefs ``ids`` (as many as exist), ordered by creation and id."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    hexes = [i.hex for i in ids]
    rows = _encoded_rows(raw, _DEBRIEFS_SQL, hexes)
    if rows is None:
        return _from_records(session, ids)
    for row in rows:
        _checked(row[7])  # first: the grading below is read as text, and is in here
    lacks = _Lacks()
    items: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in package_records.rows_in(raw, _GRADING_SQL, hexes):
        items[row[0]].append(row[1:])
    out = []
    for did, source, comp, status, created, narrative, reflection, text in rows:
        graded = [i[2:] for i in sorted(items.get(did, ()), key=lambda i: (i[0], i[1]))]
        out.append(
            EncodedDebrief(
                uuid.UUID(hex=did),
                uuid.UUID(hex=source),
                uuid.UUID(hex=comp),
                status,
                created,
                text,
                hashlib.sha256(text).hexdigest(),
                lacks((narrative or b"").decode(), (reflection or b"").decode(), graded),
            )
        )
    out.sort(key=lambda e: (e.created_at, e.id.hex))
    return out


def _from_records(session: Session, ids: Sequence[uuid.UUID]) -> list[EncodedDebrief]:
    """The Python path: ``serialise`` normalises what SQLite's JSON would not."""
    records = package_records.serialise(session, ids)
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
                    r["narrative"],
                    r["critical_reflection"],
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


def audit_events(session: Session, ids: Sequence[uuid.UUID]) -> tuple[int, canonical.Parts]:
    """(how many, canonical JSON list as pieces) of the runner's audit events
    about ``ids``."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    rows = _encoded_rows(raw, _EVENTS_SQL, [i.hex for i in ids])
    if rows is None:
        events = package_records.audit_events(session, ids)
        return len(events), [package_records.encoded(events)]
    rows.sort(key=lambda r: r[0])
    return len(rows), canonical.array_parts([_checked(r[1]) for r in rows])
