"""What a reader copies out of a report: the letters, not the glyphs drawn.

reportlab maps each glyph of an embedded font subset back to the character it
drew (the font's ToUnicode map). Reports draw Arabic in its joined presentation
forms (``rtl.shape_arabic``), so a copied Arabic word came out as U+FExx forms
that a search for the word in plain letters never found; and a character beyond
U+FFFF (an emoji the font draws) was written as five hex digits, which a reader
cannot decode. ``install`` wraps reportlab's map maker (a module function, not a
public API): each presentation form of one letter maps to that letter, a
character beyond U+FFFF to its UTF-16 pair, as the PDF reference asks. The
lam-alef ligature stays as it is: mapped to its two letters, a reader that puts
the line in reading order itself (poppler) swaps them. If reportlab changes the
function, its maps stay as they were, and the test of copied text fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from reportlab.pdfbase import ttfonts

_ENTRY = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{4,6})>$")
_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))  # Arabic presentation forms A and B


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _entry(line: str) -> str:
    match = _ENTRY.match(line)
    if match is None:
        return line
    code = int(match.group(2), 16)
    letters = unicodedata.normalize("NFKC", chr(code))
    if any(code in forms for forms in _FORMS) and len(letters) == 1:
        text = letters
    elif code > 0xFFFF:
        text = chr(code)
    else:
        return line
    return f"<{match.group(1)}> <{_utf16(text)}>"


def _letters(make: Callable[[str, list[int]], str]) -> Callable[[str, list[int]], str]:
    def make_cmap(fontname: str, subset: list[int]) -> str:
        return "\n".join(_entry(line) for line in make(fontname, subset).split("\n"))

    make_cmap.letters = True  # type: ignore[attr-defined]
    return make_cmap


def install() -> None:
    """Once per process (``fonts.register`` calls it under its lock)."""
    make = getattr(ttfonts, "makeToUnicodeCMap", None)
    if make is not None and not getattr(make, "letters", False):
        ttfonts.makeToUnicodeCMap = _letters(make)
