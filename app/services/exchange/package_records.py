"""Records as a package carries them, read in Python from the declarations of
``app.models.wire``: plain data (cover names instead of alias ids, ISO timestamps),
so a record means the same in any vault; its SHA-256 is over its canonical JSON.

This is the exporter's reference path: ``package_json`` makes the same bytes in
SQL, faster, as long as every stored value is in the form the app writes; where
one is not (a damaged or hand-edited vault), export reads it here, where each
value is normalised as its column type reads it, or refused.

One small reader per record type: the columns its declaration names, read in
bulk (plain SQL, in chunks of 500 ids; no ORM objects), each value turned into
its wire form by its wire type, and the nested records read the same way.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc
from app.errors import DatabaseCorrupt
from app.export import canonical, deconfliction
from app.models import Attachment
from app.models import wire as w
from app.models.base import parse_stored_utc

_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def record_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical.dumps(data)).hexdigest()


def _chunks(ids: Sequence[uuid.UUID], size: int = 500) -> list[list[uuid.UUID]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


# Reading stored values as the column types would, without building a UUID or a
# datetime for each: ids are stored as 32 lowercase hex digits, timestamps as
# ``iso_utc`` text, days as ISO dates; enum columns have CHECK constraints. A value
# in any other form goes the long way round, so the result is always the same.
_STORED_HEX = re.compile(r"[0-9a-f]{32}")


def tokens_digest(entries: list[dict[str, str]]) -> str:
    """The SHA-256 of a ``deconfliction`` member (canonical JSON), as ``sent_tokens``
    keeps it (``token_sends``)."""
    return hashlib.sha256(canonical.dumps(entries)).hexdigest()


# ``sent_tokens`` of a withdrawal.
_NO_TOKENS = tokens_digest([])


def stored_hex(value: str) -> str:
    return value if _STORED_HEX.fullmatch(value) else uuid.UUID(hex=value).hex


def dashed(value: str) -> str:
    """str(uuid) of a stored id."""
    h = stored_hex(value)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _stored_ts(value: str | None) -> str | None:
    if value is None or _STAMP.fullmatch(value):
        return value
    return iso_utc(parse_stored_utc(value))


def _stored_day(value: str | None) -> str | None:
    if value is None or _DAY.fullmatch(value):
        return value
    return date.fromisoformat(value).isoformat()


class StoredNumberDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "A record holds a number that is not a whole number: the vault database is "
            "damaged. Run `veldboek check`."
        )


class StoredTextDamaged(DatabaseCorrupt):
    def __init__(self) -> None:
        super().__init__(
            "A record holds damaged text (not valid UTF-8, or bytes where text belongs): "
            "the vault database is damaged. Run `veldboek check`."
        )


def encoded(value: Any) -> bytes:
    """``canonical.dumps_plain`` of what this module read. A text column with TEXT
    affinity holds text, NULL or a blob; orjson refuses a blob, which only a
    damaged vault holds there."""
    try:
        return canonical.dumps_plain(value)
    except ValueError:
        raise StoredTextDamaged() from None


# Records and events are plain JSON by construction, so they are encoded without
# canonical.dumps walking them again (``encoded``): text columns hold text (or a
# blob, refused there), and the integer columns are checked here, the only
# place SQLite could hand back a fraction.
def _whole(value: object) -> int:
    if type(value) is not int:
        raise StoredNumberDamaged()
    return value


def _whole_or_none(value: object) -> int | None:
    return None if value is None else _whole(value)


def rows_in(raw: Any, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """``sql`` has one ``IN ({})`` for ``ids``; run in chunks of 500."""
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out += raw.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return out


def _raw(session: Session) -> Any:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return raw


def table_of(rt: w.RecordType) -> str:
    return str(rt.model.__tablename__)


# Link tables a nested list is read through: (table, its column naming the
# parent, its column naming the child).
_LINKS = {("item", "subjects"): ("item_subject", "item_id", "subject_id")}


class Reader:
    """Reads records of the declared types, in one format version's shape."""

    def __init__(self, session: Session, version: int = w.CURRENT) -> None:
        self.raw = _raw(session)
        self.version = version
        self._names: dict[str, str] | None = None

    @property
    def names(self) -> dict[str, str]:
        """Alias id (hex, normalised) -> cover name."""
        if self._names is None:
            self._names = {
                stored_hex(aid): name
                for aid, name in self.raw.execute("SELECT id, name FROM alias")
            }
        return self._names

    def convert(self, f: w.Field) -> Callable[[Any], Any]:
        """The wire value of a stored value of ``f``'s column."""
        if f.by_alias:
            names = self.names
            none: str | None = "" if f.empty_for_none else None
            return lambda v: names.get(stored_hex(v)) if v is not None else none
        if f.wire is w.Wire.ID:
            return lambda v: None if v is None else dashed(v)
        if f.wire is w.Wire.TIME:
            return _stored_ts
        if f.wire is w.Wire.DAY:
            return _stored_day
        if f.wire is w.Wire.COUNT:
            return _whole_or_none if f.nullable else _whole
        if f.wire is w.Wire.BOOL:
            return bool
        if f.wire is w.Wire.HEX_ID:
            return lambda v: stored_hex(v) if v else ""
        return _same

    def read(
        self, rt: w.RecordType, by: str, keys: Sequence[str]
    ) -> dict[str, list[dict[str, Any]]]:
        """The records of ``rt`` whose column ``by`` is among ``keys`` (stored ids,
        normalised), grouped by that column's value."""
        fields = rt.fields(self.version)
        nested = rt.nested(self.version)
        wanted = {"key": f"t.{by}", "id": "t.id"}
        for f in fields:
            if f.column:
                wanted[f.name] = f"t.{f.column}"
            elif f.derived == "compartment_name":
                wanted[f.name] = (
                    "(SELECT c.name FROM compartment AS c WHERE c.id = t.compartment_id)"
                )
        for one_of in nested:
            if not one_of.many:
                wanted[one_of.name] = f"t.{one_of.link}"
        sql = f"SELECT {', '.join(wanted.values())} FROM {table_of(rt)} AS t "  # noqa: S608
        sql += f"WHERE t.{by} IN ({{}})"
        rows = rows_in(self.raw, sql, list(keys))
        at = {label: i for i, label in enumerate(wanted)}
        own_ids = [stored_hex(row[1]) for row in rows]
        columns: dict[str, list[Any]] = {}
        for f in fields:
            if f.derived == "attendees":
                columns[f.name] = self._attendees(own_ids)
                continue
            if f.derived == "deconfliction":
                columns[f.name] = self._tokens(own_ids)
                continue
            values = [row[at[f.name]] for row in rows]
            if f.derived == "sent_debrief":
                drafts = self._drafts([stored_hex(v) for v in values if v is not None])
                columns[f.name] = [
                    None if v is None or stored_hex(v) in drafts else dashed(v) for v in values
                ]
            else:
                convert = self.convert(f)
                columns[f.name] = [convert(v) for v in values]
        for inner in nested:
            child = w.RECORD_TYPES[inner.record]
            if (rt.name, inner.name) in _LINKS:
                found = self._linked(child, _LINKS[(rt.name, inner.name)], own_ids, inner.order)
                columns[inner.name] = [found.get(i, []) for i in own_ids]
            elif inner.many:
                found = self.read(child, inner.link, own_ids)
                for records in found.values():
                    _sort(records, inner.order)
                columns[inner.name] = [found.get(i, []) for i in own_ids]
            else:
                links = [row[at[inner.name]] for row in rows]
                one = {
                    stored_hex(r["id"].replace("-", "")): r
                    for r in self.single(child, [stored_hex(v) for v in links if v is not None])
                }
                columns[inner.name] = [None if v is None else one.get(stored_hex(v)) for v in links]
        names = list(columns)
        optional = {f.name for f in fields if f.optional}
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i, row in enumerate(rows):
            out[stored_hex(row[0])].append(
                {
                    k: columns[k][i]
                    for k in names
                    if not (k in optional and columns[k][i] is None)  # left out: none
                }
            )
        return out

    def single(self, rt: w.RecordType, keys: Sequence[str]) -> list[dict[str, Any]]:
        """The records of ``rt`` with ids ``keys`` (stored hex)."""
        return [r for records in self.read(rt, "id", keys).values() for r in records]

    def _linked(
        self,
        child: w.RecordType,
        link: tuple[str, str, str],
        own_ids: list[str],
        order: tuple[str, ...],
    ) -> dict[str, list[dict[str, Any]]]:
        table, parent_col, child_col = link
        fields = child.fields(self.version)
        sql = (
            f"SELECT l.{parent_col}, {', '.join('s.' + str(f.column) for f in fields)} "  # noqa: S608
            f"FROM {table} AS l JOIN {table_of(child)} AS s ON s.id = l.{child_col} "
            f"WHERE l.{parent_col} IN ({{}})"
        )
        converters = [self.convert(f) for f in fields]
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows_in(self.raw, sql, own_ids):
            out[stored_hex(row[0])].append(
                {f.name: conv(v) for f, conv, v in zip(fields, converters, row[1:], strict=True)}
            )
        for records in out.values():
            _sort(records, order)
        return out

    def _drafts(self, debrief_ids: list[str]) -> set[str]:
        return {
            stored_hex(did)
            for did, status in rows_in(
                self.raw, "SELECT id, status FROM debrief WHERE id IN ({})", debrief_ids
            )
            if status == "draft"
        }

    def _tokens(self, source_ids: list[str]) -> list[list[dict[str, str]] | None]:
        """Each source's tokens under the current deconfliction key (section 7.7),
        sorted; for a source without any, ``[]`` if the last package that carried
        it sent tokens (they are withdrawn: its identity gives none now), else None
        (the member is left out)."""
        found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for sid, key_id, kind, token in rows_in(
            self.raw,
            "SELECT t.source_id, t.key_id, t.kind, t.token FROM source_token AS t "
            "JOIN deconfliction_key AS k ON k.key_id = t.key_id AND k.retired_at IS NULL "
            "WHERE t.source_id IN ({})",
            source_ids,
        ):
            found[stored_hex(sid)].append((key_id, kind, token))
        bare = [sid for sid in source_ids if sid not in found]
        withdrawn = self._withdrawn(bare) if bare else set()
        out: list[list[dict[str, str]] | None] = []
        for sid in source_ids:
            # At most the reader's bound: more than 64 addresses and numbers is not
            # a person's identity but a list; the first 64 in order travel.
            entries = sorted(found.get(sid, []))[: deconfliction.MAX_TOKENS]
            out.append(
                [{"key_id": k, "kind": c, "token": t} for k, c, t in entries]
                if entries
                else ([] if sid in withdrawn else None)
            )
        return out

    def _withdrawn(self, source_ids: list[str]) -> set[str]:
        """Of these sources without tokens, those whose last package carried
        tokens (``sent_tokens``): their withdrawal, once (the package that carries
        it records ``[]`` as sent). Only once every source's tokens are computed
        under the current key: before that, a source may just not have them yet."""
        ready = self.raw.execute(
            "SELECT 1 FROM deconfliction_key WHERE retired_at IS NULL AND recomputed_at IS NOT NULL"
        ).fetchone()
        if ready is None:
            return set()
        sent = "SELECT source_id, sha256 FROM sent_tokens WHERE source_id IN ({})"
        return {
            stored_hex(sid) for sid, sha in rows_in(self.raw, sent, source_ids) if sha != _NO_TOKENS
        }

    def _attendees(self, contact_ids: list[str]) -> list[list[str]]:
        names = self.names
        found: dict[str, list[str]] = defaultdict(list)
        for cid, aid in rows_in(
            self.raw,
            "SELECT contact_id, alias_id FROM contact_attendee WHERE contact_id IN ({})",
            contact_ids,
        ):
            found[stored_hex(cid)].append(names.get(stored_hex(aid), "?"))
        return [sorted(found.get(c, [])) for c in contact_ids]


def _sort(records: list[dict[str, Any]], order: tuple[str, ...]) -> None:
    """In the declared order of a nested list (section 7)."""
    records.sort(key=lambda r: tuple(r[k] for k in order))


def _same(value: Any) -> Any:
    return value


def serialise(
    session: Session, debrief_ids: Sequence[uuid.UUID], version: int = w.CURRENT
) -> list[dict[str, Any]]:
    """The debrief records of ``debrief_ids``, ordered by creation and id."""
    found = Reader(session, version).single(w.DEBRIEF, [d.hex for d in debrief_ids])
    return sorted(found, key=lambda r: (r["created_at"], r["id"]))


def records(
    session: Session, type_name: str, ids: Sequence[uuid.UUID], version: int = w.CURRENT
) -> list[dict[str, Any]]:
    """Records of a type of a source's file (``wire.FILE_RECORDS``), by id."""
    reader = Reader(session, version)
    found = reader.single(w.RECORD_TYPES[type_name], [i.hex for i in ids])
    return sorted(found, key=lambda r: r["id"])


def sources(session: Session, source_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The source headers a package carries beside its records, by id."""
    found = Reader(session).single(w.SOURCE, [i.hex for i in source_ids])
    return sorted(found, key=lambda s: s["id"])


def source_tokens(
    session: Session, source_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[dict[str, str]]]:
    """Each source's ``deconfliction`` member as a package would carry it now
    (``[]``: withdrawn); a source whose package would leave it out is absent."""
    found = Reader(session)._tokens([i.hex for i in source_ids])
    return {
        sid: entries for sid, entries in zip(source_ids, found, strict=True) if entries is not None
    }


def attachment_blobs(session: Session, debrief_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The attached files' bytes (base64), once per distinct content, by hash."""
    out: dict[str, str] = {}
    for chunk in _chunks(debrief_ids):
        for sha, data in session.execute(
            select(Attachment.sha256, Attachment.data).where(Attachment.debrief_id.in_(chunk))
        ):
            out.setdefault(sha, base64.b64encode(data).decode("ascii"))
    return [{"sha256": sha, "data": out[sha]} for sha in sorted(out)]


# Events about a source's true identity (recorded, replaced, revealed and why) stay
# in the vault: the sealed identity never travels in a package, nor what was typed
# beside it.
NOT_IDENTITY = "{a}action NOT LIKE 'identity.%'"


def audit_events(
    session: Session, record_ids: Sequence[uuid.UUID], types: Sequence[str] = ("debrief",)
) -> list[dict[str, Any]]:
    """The sender's audit events about these records (of the audit record types
    ``types``), as they are in its chain, by ``seq``."""
    reader = Reader(session)
    rt = w.AUDIT_EVENT
    fields = rt.fields(reader.version)
    converters = [reader.convert(f) for f in fields]
    marks = ", ".join(f"'{t}'" for t in types)  # the declared names, never input
    sql = (
        f"SELECT {', '.join(str(f.column) for f in fields)} FROM audit_event "  # noqa: S608
        f"WHERE record_type IN ({marks}) AND {NOT_IDENTITY.format(a='')} "
        f"AND record_id IN ({{}}) ORDER BY seq"
    )
    out = [
        {f.name: conv(v) for f, conv, v in zip(fields, converters, row, strict=True)}
        for row in rows_in(reader.raw, sql, [d.hex for d in record_ids])
    ]
    return sorted(out, key=lambda e: e["seq"])
