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
the line in reading order itself (poppler) swaps them. pyproject.toml keeps
reportlab to the major version this was written for; if the function is gone or
takes other arguments, ``install`` refuses (``ReportlabChanged``) rather than let
reports be made whose copied text is wrong.
"""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable

import reportlab
from reportlab.pdfbase import ttfonts

_ENTRY = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{4,6})>$")
_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))  # Arabic presentation forms A and B
_PARAMETERS = ["fontname", "subset"]  # of ``ttfonts.makeToUnicodeCMap``


class ReportlabChanged(RuntimeError):
    """The installed reportlab lacks the internal ``install`` wraps: a packaging
    error (reportlab outside the version pyproject.toml asks for), not the user's."""


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
    if getattr(make, "letters", False):
        return
    if not callable(make) or list(inspect.signature(make).parameters) != _PARAMETERS:
        raise ReportlabChanged(
            f"reportlab {reportlab.Version} has no makeToUnicodeCMap(fontname, subset) in "
            "reportlab.pdfbase.ttfonts, which reports need so that copied text reads as "
            "its letters: install the reportlab version pyproject.toml asks for."
        )
    ttfonts.makeToUnicodeCMap = _letters(make)
