"""Arabic and Hebrew in a report: drawn right to left, Arabic letters joined.

reportlab lays text out left to right, glyph by glyph, as stored: a name in
Arabic or Hebrew script came out with its letters backwards and, in Arabic,
unjoined, so the printed name read as another one. The text goes through two
steps, as the Unicode bidirectional algorithm (UAX #9) orders them. First, in
logical order, Arabic letters take their joined forms (initial, medial, final;
the lam-alef ligature) from the Unicode presentation forms, which the report font
draws; the table is read from ``unicodedata``, not written out (``shape_arabic``,
in ``styles.markup``). reportlab then breaks the paragraph into lines, and only
then is each printed line put in display order (rules L1-L2: ``visual``, in
``paragraph.Paragraph``) on the levels ``bidi.levels`` resolves: in a
left-to-right paragraph a run of Arabic or Hebrew is reversed, numbers keeping
their order and brackets mirrored; a paragraph whose first letter is Arabic or
Hebrew is right to left (P2-P3), the whole line reversed, Latin words and numbers
keeping theirs, and aligned right. The lines of a long quote read from the top
down, each from right to left.

Copied out of the PDF, each joined form reads as its letter (``tounicode``);
the lam-alef ligature still reads as the ligature character.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

from app.reports import bidi

_RTL = frozenset({"R", "AL"})
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_TATWEEL = 0x0640
_ALEFS = {0x0622: "MADDA", 0x0623: "HAMZA ABOVE", 0x0625: "HAMZA BELOW", 0x0627: ""}
_LAM = 0x0644


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL for c in text)


@functools.cache
def _forms() -> dict[int, dict[str, int]]:
    """Arabic letter (and lam + alef, keyed ``_LAM << 16 | alef``) -> its
    presentation forms by position, from the forms' own decompositions."""
    table: dict[int, dict[str, int]] = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or parts[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        letters = [int(p, 16) for p in parts[1:]]
        if len(letters) == 1:
            key = letters[0]
        elif len(letters) == 2 and letters[0] == _LAM and letters[1] in _ALEFS:
            key = _LAM << 16 | letters[1]
        else:
            continue  # other ligatures are optional; the letters join on their own
        table.setdefault(key, {}).setdefault(parts[0][1:-1], code)
    return table


def _transparent(c: str) -> bool:
    return unicodedata.category(c) in ("Mn", "Me", "Cf")


def _joins_next(code: int) -> bool:
    forms = _forms().get(code, {})
    return code == _TATWEEL or "initial" in forms or "medial" in forms


def _joins_previous(code: int) -> bool:
    return code == _TATWEEL or "final" in _forms().get(code, {})


def shape_arabic(text: str, drawable: Callable[[int], bool]) -> str:
    """Arabic letters in their joined presentation forms (those ``drawable``),
    lam followed by alef as their ligature; anything else as it is."""
    if not has_rtl(text):  # every report line comes here: most have no Arabic
        return text
    letters = [ord(c) for c in text]
    solid = [i for i, c in enumerate(text) if not _transparent(c)]
    out = list(text)
    skip: set[int] = set()
    for n, i in enumerate(solid):
        if i in skip:
            continue
        code = letters[i]
        before = letters[solid[n - 1]] if n > 0 and solid[n - 1] not in skip else None
        after_at = solid[n + 1] if n + 1 < len(solid) else None
        after = letters[after_at] if after_at is not None else None
        key = code
        if code == _LAM and after in _ALEFS:
            key = _LAM << 16 | after
            assert after_at is not None
            skip.add(after_at)
            after = letters[solid[n + 2]] if n + 2 < len(solid) else None
        forms = _forms().get(key)
        if not forms:
            continue
        joined_before = before is not None and _joins_next(before) and "final" in forms
        joins_after = after is not None and _joins_previous(after) and "initial" in forms
        if key != code:  # the ligature ends on alef, which joins nothing after it
            joins_after = False
        position = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): "isolated",
        }[(joined_before, joins_after)]
        form = forms.get(position) or forms.get("isolated")
        if form is not None and drawable(form):
            out[i] = chr(form)
        elif key != code:
            skip.discard(after_at)  # no ligature to draw: lam and alef stay two letters
    for i in skip:
        out[i] = ""
    return "".join(out)


def _graphemes(text: str) -> list[tuple[int, str]]:
    """Each base character with the marks that follow it (they stay on it when a
    run is reversed), with the index of its base in ``text``."""
    out: list[tuple[int, str]] = []
    for i, c in enumerate(text):
        if out and _transparent(c):
            out[-1] = (out[-1][0], out[-1][1] + c)
        else:
            out.append((i, c))
    return out


def first_strong_is_rtl(text: str) -> bool | None:
    """A paragraph's direction (UAX #9 P2-P3): that of its first letter with a
    direction, None when it has none."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind == "L":
            return False
        if kind in _RTL:
            return True
    return None


def visual(line: str, rtl: bool = False) -> str:
    """One printed line in display order, in a paragraph of the given direction:
    shaping (``shape_arabic``) comes first, on the whole paragraph; here only the
    order changes (a mirrored bracket is as wide as its pair), so the line keeps
    the width reportlab measured when it broke the paragraph."""
    if not rtl and not has_rtl(line):
        return line
    return "".join(g for _, g in display_order(line, rtl))


def display_order(line: str, rtl: bool) -> list[tuple[int, str]]:
    """The line's graphemes in display order, each with the index of its base
    character and as it is drawn (mirrored when right to left): rules L2 and L4
    on the levels ``bidi.levels`` resolves."""
    levels = bidi.levels(line, rtl)
    graphemes = _graphemes(line)
    glyphs = [(i, _MIRROR.get(g, g) if levels[i] % 2 else g) for i, g in graphemes]
    order = list(range(len(graphemes)))
    lowest_odd = min((lv for lv in levels if lv % 2), default=None)
    if lowest_odd is not None:
        for level in range(max(levels), lowest_odd - 1, -1):
            order = _reverse_runs(order, [levels[graphemes[n][0]] >= level for n in order])
    return [glyphs[n] for n in order]


def _reverse_runs(order: list[int], inside: list[bool]) -> list[int]:
    out: list[int] = []
    run: list[int] = []
    for n, is_inside in zip(order, inside, strict=True):
        if is_inside:
            run.append(n)
            continue
        out += reversed(run)
        run = []
        out.append(n)
    return out + run[::-1]
