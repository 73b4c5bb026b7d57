"""The embedding levels of one line of text (UAX #9, rules W1-W7, N0-N2, I1-I2
and L1), for text without explicit embeddings or isolates, which report text
never carries (a stray control character among them counts as a neutral).

A level is even for left to right and odd for right to left: in a left-to-right
paragraph (level 0) a run of Arabic or Hebrew is at 1, a number inside it at 2;
in a right-to-left paragraph (level 1) a Latin word or a number is at 2.
``rtl.display_order`` reverses the runs by level (L2).
"""

from __future__ import annotations

import unicodedata

_STRONG = frozenset({"L", "R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
# paired brackets (BidiBrackets.txt): guillemets and quotation marks are not
# among them, they are resolved as any other neutral
_PAIRS = {"(": ")", "[": "]", "{": "}", "\u2045": "\u2046", "\u2329": "\u232a", "\u3008": "\u3009"}
_WHITESPACE = frozenset({"WS", "S", "B", "BN"})


def levels(text: str, rtl: bool) -> list[int]:
    """Each character's resolved level in a paragraph of the given direction."""
    base = 1 if rtl else 0
    edge = "R" if rtl else "L"
    types = _weak_types(text, edge)
    _resolve_brackets(text, types, edge)
    _resolve_neutrals(types, edge)
    out = [_level(kind, base) for kind in types]
    end = len(text)  # L1: whitespace at the end of the line is at the paragraph's level
    while end > 0 and unicodedata.bidirectional(text[end - 1]) in _WHITESPACE:
        end -= 1
        out[end] = base
    return out


def _level(kind: str, base: int) -> int:
    if base == 0:
        return {"L": 0, "R": 1}.get(kind, 2)  # EN and AN
    return 1 if kind == "R" else 2


def _weak_types(text: str, edge: str) -> list[str]:
    """W1-W7: marks take their base's type, numbers after Arabic letters are
    Arabic numbers, separators inside a number join it, numbers after a Latin
    letter are left to right; AL becomes R, other weak types neutral (ON)."""
    types: list[str] = []
    strong = edge
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind == "NSM":
            kind = types[-1] if types else edge
        if kind in _STRONG:
            strong = kind
        elif kind == "EN" and strong == "AL":
            kind = "AN"
        types.append("R" if kind == "AL" else kind)
    for i in range(1, len(types) - 1):  # W4: 1.250,00  12-14
        before, kind, after = types[i - 1], types[i], types[i + 1]
        joins = ("CS", "ES") if before == "EN" else ("CS",)
        if before == after and before in _NUMBER and kind in joins:
            types[i] = before
    _euro_terminators(types)
    strong = edge
    for i, kind in enumerate(types):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"
        elif kind in ("ES", "ET", "CS"):
            types[i] = "ON"
    return types


def _euro_terminators(types: list[str]) -> None:
    """W5: a run of terminators (%, €, #) next to a European number joins it."""
    i = 0
    while i < len(types):
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(types) and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end


def _direction(kind: str) -> str | None:
    if kind == "L":
        return "L"
    if kind == "R" or kind in _NUMBER:
        return "R"
    return None


def _resolve_brackets(text: str, types: list[str], edge: str) -> None:
    """N0: a bracket pair takes the paragraph's direction when the text inside
    has a letter of it; else the other direction when the text inside and the
    text before the opening bracket both have it."""
    for start, end in _bracket_pairs(text, types):
        inside = {_direction(k) for k in types[start + 1 : end]}
        if edge in inside:
            kind = edge
        elif inside - {None}:
            before = next((d for k in reversed(types[:start]) if (d := _direction(k))), edge)
            kind = before
        else:
            continue
        types[start] = types[end] = kind


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: the pairs in order of their opening bracket."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(text):
        if types[i] != "ON":
            continue
        if c in _PAIRS:
            if len(stack) == 63:
                break
            stack.append((_PAIRS[c], i))
        elif c in _PAIRS.values():
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == c:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_neutrals(types: list[str], edge: str) -> None:
    """N1-N2: neutrals between two runs of one direction take it (numbers count
    as right to left); other neutrals take the paragraph's."""
    i = 0
    while i < len(types):
        if _direction(types[i]) is not None:
            i += 1
            continue
        end = i
        while end < len(types) and _direction(types[end]) is None:
            end += 1
        before = _direction(types[i - 1]) if i > 0 else edge
        after = _direction(types[end]) if end < len(types) else edge
        kind = before if before == after else edge
        types[i:end] = [kind or edge] * (end - i)
        i = end
