"""Declarative base, naming convention and column types shared by all tables."""

from __future__ import annotations

import secrets
import time
import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.clock import iso_utc, utc_now

# Stable constraint names make Alembic migrations reproducible on SQLite
# (batch mode rebuilds tables and needs to address constraints by name).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as fixed-width ISO 8601 UTC text, so they sort as text
    and never come back naive."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use an aware UTC datetime")
        return iso_utc(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else parse_stored_utc(value)


def parse_stored_utc(value: str) -> datetime:
    """Read a timestamp as UTCDateTime stores it (``2026-11-23T05:37:56.852185Z``)."""
    # fromisoformat is several times faster than strptime; lists parse many.
    return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)


class ISODate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


def uuid7(unix_ms: int | None = None, rand: int | None = None) -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 version 7): new rows append to the end of
    primary-key and foreign-key indexes instead of landing on random pages, which
    keeps bulk writes fast as the vault grows."""
    return uuid.UUID(int=_uuid7_int(unix_ms, rand))


def _uuid7_int(unix_ms: int | None, rand: int | None) -> int:
    ms = int(time.time() * 1000) if unix_ms is None else unix_ms
    bits = secrets.randbits(74) if rand is None else rand & ((1 << 74) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (bits >> 62) << 64  # 12 bits rand_a
    value |= 0b10 << 62  # variant
    value |= bits & ((1 << 62) - 1)  # 62 bits rand_b
    return value


def new_id() -> uuid.UUID:
    return uuid7()


def new_hex_id() -> str:
    """``new_id().hex`` without the UUID object (bulk writes make many)."""
    return f"{_uuid7_int(None, None):032x}"


def new_hex_ids(count: int) -> list[str]:
    """``count`` of ``new_hex_id()``, with one read of the clock and one of the
    random source (an import names 10,000 versions)."""
    ms = int(time.time() * 1000)
    rand = secrets.token_bytes(10 * count)  # 80 bits each, 74 of them used
    return [
        f"{_uuid7_int(ms, int.from_bytes(rand[at : at + 10], 'big')):032x}"
        for at in range(0, 10 * count, 10)
    ]


def uuid7_hex(unix_ms: int, rand: int) -> str:
    """``uuid7(unix_ms, rand).hex`` without the UUID object."""
    return f"{_uuid7_int(unix_ms, rand):032x}"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 - SQLAlchemy's own API
        uuid.UUID: Uuid(as_uuid=True, native_uuid=False),
        datetime: UTCDateTime(),
        date: ISODate(),
    }


class IdMixin:
    """UUID primary keys, so that records from several vaults can be merged later."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
