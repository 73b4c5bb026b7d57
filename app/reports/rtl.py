"""Arabic and Hebrew in a report: drawn right to left, Arabic letters joined.

reportlab lays text out left to right, glyph by glyph, as stored: a name in
Arabic or Hebrew script came out with its letters backwards and, in Arabic,
unjoined, so the printed name read as another one. Every report paragraph is a
left-to-right one, and its text goes through two steps, as the Unicode
bidirectional algorithm (UAX #9) orders them. First, in logical order, Arabic
letters take their joined forms (initial, medial, final; the lam-alef ligature)
from the Unicode presentation forms, which the report font draws; the table is
read from ``unicodedata``, not written out (``shape_arabic``, in
``styles.markup``). reportlab then breaks the paragraph into lines, and only then
is each printed line put in display order (rules L1-L2: ``visual``, in
``paragraph.Paragraph``): a run of Arabic or Hebrew (with the spaces,
punctuation and numbers between its letters) is reversed as a whole, grapheme by
grapheme, numbers keeping their own order and brackets mirrored, so the lines of
a long quote read from the top down, each from right to left.

What remains: a run ends where the style changes (a bold label beside Arabic
text), as the two are separate pieces of reportlab's line; and a paragraph all
in Arabic or Hebrew is still a left-to-right one, its lines aligned left.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

_RTL = frozenset({"R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
_NUMBER_JOINERS = frozenset({"CS", "ES", "ET"})  # 1.250,00  12-14  5%
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


def _graphemes(text: str) -> list[str]:
    """A base character with the marks that follow it (they stay on it when the
    run is reversed)."""
    out: list[str] = []
    for c in text:
        if out and _transparent(c):
            out[-1] += c
        else:
            out.append(c)
    return out


def _reversed_run(run: str) -> str:
    """A right-to-left run in display order: graphemes reversed, each number
    (digits with their separators) kept in its order, brackets mirrored."""
    pieces: list[str] = []
    for g in _graphemes(run):
        kind = unicodedata.bidirectional(g[0])
        number = kind in _NUMBER or (kind in _NUMBER_JOINERS and pieces and _is_number(pieces[-1]))
        if number and pieces and _is_number(pieces[-1]):
            pieces[-1] += g
        else:
            pieces.append(_MIRROR.get(g, g))
    return "".join(reversed(pieces))


def _is_number(piece: str) -> bool:
    return unicodedata.bidirectional(piece[0]) in _NUMBER


_OPENING = {")": "(", "]": "[", "}": "{", ">": "<", "»": "«", "›": "‹"}


def _closing_brackets(line: str, start: int, end: int) -> int:
    """The run's end moved past the closing brackets right after it whose
    opening bracket is inside the run: the pair is the run's, as the
    bidirectional algorithm pairs brackets."""
    open_inside = [c for c in line[start : end + 1] if c in _OPENING.values()]
    while end + 1 < len(line) and _OPENING.get(line[end + 1]) in open_inside:
        open_inside.remove(_OPENING[line[end + 1]])
        end += 1
    return end


def visual(line: str) -> str:
    """One printed line of a left-to-right paragraph with its right-to-left runs
    in display order (each from its first right-to-left letter to its last letter
    or number before a left-to-right letter). Shaping (``shape_arabic``) comes
    first, on the whole paragraph; here only the order changes (a mirrored
    bracket is as wide as its pair), so the line keeps the width reportlab
    measured when it broke the paragraph."""
    if not has_rtl(line):
        return line
    kinds = [unicodedata.bidirectional(c) for c in line]
    out: list[str] = []
    i = 0
    while i < len(line):
        if kinds[i] not in _RTL:
            out.append(line[i])
            i += 1
            continue
        end = i
        j = i
        while j < len(line) and kinds[j] != "L":
            # numbers after its letters belong to the run; spaces and punctuation
            # only between them
            if kinds[j] in _RTL or kinds[j] in _NUMBER or (_transparent(line[j]) and end == j - 1):
                end = j
            j += 1
        end = _closing_brackets(line, i, end)
        run = line[i : end + 1]
        out.append(_reversed_run(run))
        i = end + 1
    return "".join(out)
