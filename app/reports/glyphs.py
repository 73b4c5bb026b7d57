"""Characters the report font cannot draw, named on the page instead.

DejaVu Sans draws Latin, Greek, Cyrillic, Arabic and Hebrew letters and many
symbols, but no emoji and no Chinese, Japanese or Korean. reportlab would print
each such character as an empty box, so a debrief that quotes a message with a
pistol or a snowflake emoji (which can mean a weapon or cocaine) would lose what
it said on paper. Each run of them prints instead as its code points and Unicode
names in brackets, ``[U+1F52B PISTOL, U+1F4B0 MONEY BAG]``, so the reader knows
what stood there and can find it in the vault.
"""

from __future__ import annotations

import functools
import unicodedata

from reportlab.pdfbase import pdfmetrics

from app.reports import fonts

# Presentation selectors (text or emoji style) after a character the font lacks
# say nothing of their own.
_SELECTORS = frozenset({0xFE0E, 0xFE0F})
ZWJ = 0x200D  # joins the parts of an emoji sequence: no name between two named parts


@functools.cache
def _drawable() -> frozenset[int]:
    """Code points both report faces (regular and bold) draw."""
    fonts.register()
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in fonts.FILES]
    return frozenset(set(faces[0]).intersection(*faces[1:]))


def drawable(code: int) -> bool:
    return code in _drawable()


def _named(code: int) -> str:
    name = unicodedata.name(chr(code), "")
    point = f"U+{code:04X}"
    # "CJK UNIFIED IDEOGRAPH-4F60" says no more than its code point
    if not name or name.endswith(f"-{code:04X}"):
        return point
    return f"{point} {name}"


def _run(codes: list[int]) -> str:
    names = [_named(c) for c in codes if c not in _SELECTORS and c != ZWJ]
    return "[" + ", ".join(names) + "]" if names else ""


def printable(text: str) -> str:
    """``text`` with every run of characters the report font cannot draw replaced
    by their names in brackets (a joiner or selector inside the run goes with it)."""
    drawable = _drawable()
    if all(ord(c) in drawable for c in text):
        return text
    out: list[str] = []
    run: list[int] = []
    for c in text:
        code = ord(c)
        if code not in drawable or (run and (code in _SELECTORS or code == ZWJ)):
            run.append(code)
            continue
        if run:
            out.append(_run(run))
            run = []
        out.append(c)
    if run:
        out.append(_run(run))
    return "".join(out)
