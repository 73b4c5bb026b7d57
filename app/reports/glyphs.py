"""Characters the report font cannot draw: in the fallback font, or named.

DejaVu Sans draws Latin, Greek, Cyrillic, Arabic and Hebrew letters and many
symbols, but no emoji and no Chinese, Japanese or Korean. reportlab would print
each such character as an empty box. A run the fallback font (Droid Sans
Fallback: Chinese, Japanese, Korean) draws is set in it (``segments``), so a
quoted message in Chinese prints as written, for the sanitised report's reader
too. What neither draws (emoji: a pistol or a snowflake can mean a weapon or
cocaine) prints as its code points and Unicode names in brackets, ``[U+1F52B
PISTOL, U+1F4B0 MONEY BAG]``, so the reader knows what stood there.
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


@functools.cache
def _fallback() -> frozenset[int]:
    """Code points only the fallback face draws."""
    fonts.register()
    return frozenset(pdfmetrics.getFont(fonts.FALLBACK).face.charToGlyph) - _drawable()


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` as (piece, set in the fallback font): what DejaVu draws as it is, a
    run the fallback font draws as it is (selectors and joiners inside it dropped:
    they say nothing of their own), and every other run named (``printable``)."""
    drawable, fallback = _drawable(), _fallback()
    if all(ord(c) in drawable for c in text):
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    run: list[str] = []
    in_fallback = False

    def close() -> None:
        if run:
            piece = "".join(run)
            out.append((piece, True) if in_fallback else (printable(piece), False))
            run.clear()

    for c in text:
        code = ord(c)
        if run and (code in _SELECTORS or code == ZWJ):
            if not in_fallback:
                run.append(c)  # named with its run, as ``printable`` does
            continue
        if code in drawable:
            close()
            out.append((c, False))
            continue
        if run and (code in fallback) != in_fallback:
            close()
        in_fallback = code in fallback
        run.append(c)
    close()
    return _merged(out)


def _merged(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    merged: list[tuple[str, bool]] = []
    for piece, in_fallback in pieces:
        if merged and merged[-1][1] == in_fallback:
            merged[-1] = (merged[-1][0] + piece, in_fallback)
        else:
            merged.append((piece, in_fallback))
    return merged


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
