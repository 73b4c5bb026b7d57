"""The machinery of the package declarations (``app.models.wire``): the wire types
of section 5 of docs/package-format.md, what a field, a nested record and a record
type are, and ``col()``, which reads a field's wire type, nullability, allowed
values and length limit off its model column."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Enum, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.names import NameKind
from app.models.base import ISODate, UTCDateTime

# A source entry's optional list of keyed identity tokens (blind deconfliction,
# the source record's field in wire_records; its form: app/export/deconfliction.py,
# ``check_tokens``).
DECONFLICTION = "deconfliction"
# A text column without a length of its own: no text value in a package is longer.
TEXT_LIMIT = 1_000_000


class Wire(StrEnum):
    """How a value is written in a package (the types of section 5)."""

    ID = "id"  # a UUID, lower-case hyphenated; stored as 32 hex digits
    TEXT = "text"  # a string of at most ``limit`` characters
    NAME = "name"  # a name by the rule of app/domain/names.py (``name_kind``)
    NAMES = "names"  # a list of names, sorted, each once
    CODE = "code"  # one of ``values``
    TIME = "time"  # YYYY-MM-DDTHH:MM:SS.ffffffZ
    DAY = "day"  # YYYY-MM-DD
    COUNT = "integer"  # a whole number, 0 <= n < 2^53
    BOOL = "boolean"
    SHA256 = "sha256"  # 64 lower-case hex digits
    HEX_ID = "hex id"  # 32 lower-case hex digits, or "" for none (audit events)
    # Blind deconfliction tokens (section 7.7): a sorted list of {kind, key_id, token}.
    TOKENS = "deconfliction tokens"


@dataclass(frozen=True)
class Field:
    """One member of a record's JSON object."""

    name: str
    wire: Wire
    column: str | None  # the model's column it is read from and written to
    nullable: bool = False
    values: tuple[str, ...] = ()
    limit: int | None = None  # characters, for TEXT and NAME
    length: int | None = None  # exactly this many characters (a currency code)
    non_empty: bool = False
    # TEXT: a file's name, which a save dialog may suggest (``one_line.is_file_name``)
    file_name: bool = False
    name_kind: NameKind | None = None
    # The column holds an alias id; the package carries that alias's cover name.
    by_alias: bool = False
    # NAME: the empty string stands for "nobody" (receipts' reviews); else null does.
    empty_for_none: bool = False
    # How a value without a column of its own is made (section 7 says so in words).
    derived: str = ""
    since: int = 2
    until: int | None = None
    about: str = ""
    # May be left out of a record (never null): a writer leaves it out when it has
    # nothing to say, so records written before it existed stay valid as they are.
    optional: bool = False

    def present(self, version: int) -> bool:
        return self.since <= version and (self.until is None or version <= self.until)


@dataclass(frozen=True)
class Nested:
    """A record of another type inside this one: a list of them, or one or null."""

    name: str
    record: str  # the nested record type's name
    many: bool
    # many: the child's column naming this record (``debrief_id``); one: this
    # record's column naming the child (``contact_id``). "" for a link table.
    link: str
    order: tuple[str, ...] = ()  # many: the fields the list is sorted by
    since: int = 2
    until: int | None = None
    about: str = ""

    def present(self, version: int) -> bool:
        return self.since <= version and (self.until is None or version <= self.until)


Member = Field | Nested


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type[Any]
    members: tuple[Member, ...]
    # Columns of ``model`` that never travel in this record, and why.
    local: dict[str, str] = field(default_factory=dict)
    # A record of its own in a package's manifest (``records``), versioned; the
    # others travel inside one (or are a package's sources, audit events, reviews).
    versioned: bool = False
    source_ref: str = ""  # the field naming the record's source
    audit_type: str = ""  # ``audit_event.record_type`` of events about it
    since: int = 2
    about: str = ""

    def fields(self, version: int) -> tuple[Field, ...]:
        return tuple(m for m in self.members if isinstance(m, Field) and m.present(version))

    def nested(self, version: int) -> tuple[Nested, ...]:
        return tuple(m for m in self.members if isinstance(m, Nested) and m.present(version))

    def keys(self, version: int) -> frozenset[str]:
        return frozenset(m.name for m in self.members if m.present(version))

    def required(self, version: int) -> frozenset[str]:
        """The keys every record of ``version`` has (``keys`` less the optional)."""
        return frozenset(
            m.name
            for m in self.members
            if m.present(version) and not (isinstance(m, Field) and m.optional)
        )

    def member(self, name: str) -> Member:
        for m in self.members:
            if m.name == name:
                return m
        raise KeyError(name)

    def columns(self) -> set[str]:
        """The model's columns this record reads or writes."""
        out = {m.column for m in self.members if isinstance(m, Field) and m.column}
        out |= {m.link for m in self.members if isinstance(m, Nested) and not m.many and m.link}
        return out


def _column(attr: InstrumentedAttribute[Any]) -> Any:
    return attr.property.columns[0]


def col(
    attr: InstrumentedAttribute[Any],
    *,
    name: str = "",
    since: int = 2,
    until: int | None = None,
    values: tuple[str, ...] | None = None,
    limit: int | None = None,
    length: int | None = None,
    non_empty: bool = False,
    file_name: bool = False,
    name_kind: NameKind | None = None,
    derived: str = "",
    about: str = "",
) -> Field:
    """A field read off a model column: its wire type, nullability, allowed values
    and length limit come from the column's own definition."""
    column = _column(attr)
    kind = column.type
    wire: Wire
    found_values: tuple[str, ...] = ()
    found_limit: int | None = None
    if name_kind is not None:
        wire, found_limit = Wire.NAME, name_kind.limit
    elif isinstance(kind, Enum):
        wire = Wire.CODE
        found_values = tuple(m.value for m in kind.enum_class)  # type: ignore[union-attr]
    elif isinstance(kind, Uuid):
        wire = Wire.ID
    elif isinstance(kind, UTCDateTime):
        wire = Wire.TIME
    elif isinstance(kind, ISODate):
        wire = Wire.DAY
    elif isinstance(kind, Boolean):
        wire = Wire.BOOL
    elif isinstance(kind, Integer):
        wire = Wire.COUNT
    elif isinstance(kind, String | Text) and not isinstance(kind, LargeBinary):
        wire, found_limit = Wire.TEXT, kind.length or TEXT_LIMIT
    else:  # pragma: no cover - a column type no record carries yet
        raise TypeError(f"no wire type for {attr}")
    return Field(
        name=name or column.key,
        wire=wire,
        column=column.key,
        nullable=bool(column.nullable),
        values=values if values is not None else found_values,
        limit=limit if limit is not None else found_limit,
        length=length,
        non_empty=non_empty,
        file_name=file_name,
        name_kind=name_kind,
        derived=derived,
        since=since,
        until=until,
        about=about,
    )


def alias(
    attr: InstrumentedAttribute[Any],
    name: str,
    *,
    since: int = 2,
    empty_for_none: bool = False,
    about: str = "",
) -> Field:
    """A column holding an alias id, carried as that alias's cover name."""
    column = _column(attr)
    return Field(
        name=name,
        wire=Wire.NAME,
        column=column.key,
        nullable=bool(column.nullable) and not empty_for_none,
        limit=NameKind.ALIAS.limit,
        name_kind=NameKind.ALIAS,
        by_alias=True,
        empty_for_none=empty_for_none,
        since=since,
        about=about,
    )


def hex_id(attr: InstrumentedAttribute[Any]) -> Field:
    column = _column(attr)
    return Field(name=column.key, wire=Wire.HEX_ID, column=column.key)
