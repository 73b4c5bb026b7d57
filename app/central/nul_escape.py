"""JSON may carry a NUL character as the escape ``\\u0000`` (the format checks a
text's length, not its characters); PostgreSQL's ``jsonb`` cannot hold one. Its
refusal of such a value would name the text around it in the server's log (the
error's CONTEXT line), so a record's JSON is looked at here, before it is sent."""

from __future__ import annotations

from app.export.errors import MalformedPackage

_ESCAPE = b"\\u0000"
_BACKSLASH = ord("\\")


def holds_nul(json_text: bytes) -> bool:
    """Does ``json_text`` escape a NUL character? ``\\\\u0000`` (a backslash, then
    the letters) does not: the backslashes before an escape are counted."""
    at = json_text.find(_ESCAPE)
    while at != -1:
        before = at
        while before > 0 and json_text[before - 1] == _BACKSLASH:
            before -= 1
        if (at - before) % 2 == 0:  # its own backslash is not escaped
            return True
        at = json_text.find(_ESCAPE, at + 1)
    return False


def refuse_nul(json_text: bytes) -> None:
    if holds_nul(json_text):
        raise MalformedPackage(
            "The package holds a NUL character, which the central store cannot keep; "
            "nothing was stored."
        )
