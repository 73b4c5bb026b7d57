"""No NUL character is saved in a vault's text.

A text with U+0000 travels in a package as the escape ``\\u0000``; the handler's
vault takes it, but the central store cannot keep it (PostgreSQL's text and jsonb
refuse it) and refuses the whole package (docs/package-format.md, section 5). So
the writer keeps it out: every change made through the ORM (what a user types or
pastes, in the app or a command) is looked at before it is flushed. Imports write
rows as the package holds them (its hashes cover the sender's exact bytes) and do
not pass through here. Only what a flush writes is looked at: of a new object
every text, of a changed one the texts whose value changed. A text already held
(a registration's notes as an older runner vault sent them) stays as it came, and
a later change to another column of its row (an import's status, a receipt's
review) is not refused for it. A text a package carries that an import sets
through the ORM (a receipt's review comment) is set with ``as_sent``: kept as it
came, like the rows an import writes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

from app.errors import InvalidInput

_AS_SENT = "text_guard.as_sent"


def as_sent(obj: Any, key: str, value: str) -> None:
    """Set ``obj.key`` to a text a package carries: not looked at by the flush
    that writes it (docs/package-format.md, section 5: a vault keeps it as it came)."""
    setattr(obj, key, value)
    inspect(obj).info.setdefault(_AS_SENT, set()).add(key)


def _written_texts(obj: Any, *, new: bool) -> list[str]:
    """The texts this flush writes of ``obj``: all of a new one, the changed of a held
    one, but those set ``as_sent`` (marks for this flush only)."""
    state = inspect(obj)
    mapper = state.mapper
    sent = state.info.pop(_AS_SENT, set())
    keys = [
        key
        for column in mapper.columns
        if isinstance(column.type, String)
        and (key := mapper.get_property_by_column(column).key) not in sent
    ]
    if new:
        values = [getattr(obj, key) for key in keys]
    else:  # a value set equal to the one held is no change (history.unchanged)
        values = [value for key in keys for value in state.attrs[key].history.added]
    return [value for value in values if isinstance(value, str)]


def refuse_nul(session: Session, _context: object, _instances: object) -> None:
    """``before_flush``: refuse a new or changed text that holds U+0000."""
    written = [
        *(_written_texts(obj, new=True) for obj in session.new),
        *(_written_texts(obj, new=False) for obj in session.dirty),
    ]
    if any("\x00" in value for texts in written for value in texts):
        raise InvalidInput(
            "Text cannot hold a NUL character (U+0000); remove it and save again. "
            "Nothing was saved."
        )
