"""No NUL character is saved in a vault's text.

A text with U+0000 travels in a package as the escape ``\\u0000``; the handler's
vault takes it, but the central store cannot keep it (PostgreSQL's text and jsonb
refuse it) and refuses the whole package (docs/package-format.md, section 5). So
the writer keeps it out: every change made through the ORM (what a user types or
pastes, in the app or a command) is looked at before it is flushed. Imports write
rows as the package holds them (its hashes cover the sender's exact bytes) and do
not pass through here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

from app.errors import InvalidInput


def _text_values(obj: Any) -> list[str]:
    mapper = inspect(obj).mapper
    return [
        value
        for column in mapper.columns
        if isinstance(column.type, String)
        and isinstance(value := getattr(obj, mapper.get_property_by_column(column).key), str)
    ]


def refuse_nul(session: Session, _context: object, _instances: object) -> None:
    """``before_flush``: refuse a new or changed text that holds U+0000."""
    for obj in (*session.new, *session.dirty):
        if any("\x00" in value for value in _text_values(obj)):
            raise InvalidInput(
                "Text cannot hold a NUL character (U+0000); remove it and save again. "
                "Nothing was saved."
            )
