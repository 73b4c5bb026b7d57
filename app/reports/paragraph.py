"""reportlab's Paragraph, each printed line in display order and each
right-to-left paragraph aligned right.

The Unicode bidirectional algorithm reorders a paragraph only after it is broken
into lines (UAX #9, L1-L2). reportlab breaks the text as stored, in logical order,
with the font's metrics and the width the paragraph is given; this Paragraph
reorders each line as it is drawn (``rtl.visual``), so a quote longer than a line
starts on the first line. The broken lines themselves stay in logical order: a
paragraph split across pages is broken again from them.

Each piece of text between hard line breaks is a paragraph of its own for the
algorithm: one whose first letter is Arabic or Hebrew is right to left (P2-P3),
its lines reordered as right-to-left lines and, in a left-aligned (or the last
line of a justified) paragraph, moved to the right edge; split over pages, its
part on the next page goes on right to left. A paragraph starting with a Latin
letter, or without Arabic or Hebrew, prints as reportlab prints it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab import platypus
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT

from app.reports import rtl

_OBJECT = "\ufffc"  # stands in for a piece without text (an image, a line break)


class Paragraph(platypus.Paragraph):  # type: ignore[misc]  # reportlab is untyped
    blPara: Any  # noqa: N815  # reportlab's name: the broken lines, set by wrap()
    # the direction of the paragraph its first line goes on (it was split
    # across pages in the middle of one), None at a paragraph's start
    goes_on_rtl: bool | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, rest = parts
            first.goes_on_rtl = self.goes_on_rtl
            last = first.blPara.lines[-1]
            if not getattr(last, "lineBreak", False):
                rest.goes_on_rtl = list(_directions(first.blPara, self.goes_on_rtl))[-1]
        return parts

    def drawPara(self, debug: int = 0) -> None:
        logical = self.blPara
        directions = list(_directions(logical, self.goes_on_rtl))
        if not any(directions) and not _has_rtl(logical):
            super().drawPara(debug)  # left to right throughout: as reportlab draws it
            return
        had_offsets = "_offsets" in self.__dict__
        offsets = list(getattr(self, "_offsets", [0]))
        self._offsets = _right_edge(logical, directions, offsets, self.style.alignment)
        self.blPara = _in_display_order(logical, directions)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical
            if had_offsets:
                self._offsets = offsets
            else:
                del self._offsets


def _texts(broken: Any) -> Iterator[str]:
    for line in broken.lines:
        if isinstance(line, tuple):  # one style: (width left over, its words)
            yield " ".join(line[1])
        else:  # styled pieces (also the first part of a split, until wrapped again)
            yield "".join(_piece_text(piece) for piece in line.words)


def _has_rtl(broken: Any) -> bool:
    return any(rtl.has_rtl(text) for text in _texts(broken))


def _piece_text(piece: Any) -> str:
    text = getattr(piece, "text", "")
    return text if isinstance(text, str) and text and not hasattr(piece, "cbDefn") else _OBJECT


def _directions(broken: Any, goes_on_rtl: bool | None = None) -> Iterator[bool]:
    """Each line's paragraph direction (True: right to left): a paragraph runs
    to the next hard line break, its direction is its first letter's (or, for
    the first, the one it goes on in)."""
    texts = list(_texts(broken))
    start = 0
    for i, line in enumerate(broken.lines):
        if i == len(texts) - 1 or getattr(line, "lineBreak", False):
            direction = rtl.first_strong_is_rtl(" ".join(texts[start : i + 1]))
            if start == 0 and goes_on_rtl is not None:
                direction = goes_on_rtl
            yield from [bool(direction)] * (i + 1 - start)
            start = i + 1


def _right_edge(
    broken: Any, directions: list[bool], offsets: list[float], align: int
) -> list[float]:
    """reportlab's per-line offsets (it draws line i from offsets[i]), with a
    right-to-left line moved by the room left over on it: only where reportlab
    draws it flush left (not a justified line, which fills the width)."""
    out = offsets + [offsets[-1]] * (len(broken.lines) - len(offsets))
    last = len(broken.lines) - 1
    for i, line in enumerate(broken.lines):
        left_over = line[0] if isinstance(line, tuple) else line.extraSpace
        flush = align == TA_LEFT or (
            align == TA_JUSTIFY and (i == last or getattr(line, "lineBreak", False))
        )
        if directions[i] and flush:
            out[i] += max(left_over, 0.0)
    return out


def _in_display_order(broken: Any, directions: list[bool]) -> Any:
    """A copy of reportlab's broken lines with each line's text in display order."""
    if broken.kind == 0:  # one style: each line is (width left over, its words)
        lines = [
            (left, _words(words, r))
            for (left, words), r in zip(broken.lines, directions, strict=True)
        ]
    else:  # each line is a list of styled pieces, each with its text
        lines = [_pieces(line, r) for line, r in zip(broken.lines, directions, strict=True)]
    return broken.clone(lines=lines)


def _words(words: list[str], right_to_left: bool) -> list[str]:
    line = " ".join(words)
    if not right_to_left and not rtl.has_rtl(line):
        return words
    # the line neither starts nor ends with a space: reordered, it has as many
    # words as before
    return rtl.visual(line, right_to_left).split(" ")


def _pieces(line: Any, right_to_left: bool) -> Any:
    """The line's styled pieces in display order: a piece split where a run of
    the other direction crosses it (a bold label inside Arabic text)."""
    pieces = list(line.words)
    owner = [n for n, piece in enumerate(pieces) for _ in _piece_text(piece)]
    text = "".join(_piece_text(piece) for piece in pieces)
    if not right_to_left and not rtl.has_rtl(text):
        return line
    out: list[Any] = []
    run: list[str] = []
    current = -1
    for i, glyphs in [*rtl.display_order(text, right_to_left), (-1, "")]:
        n = owner[i] if i >= 0 else -1
        if n != current and current >= 0:
            piece = pieces[current]
            out.append(piece if _piece_text(piece) == _OBJECT else piece.clone(text="".join(run)))
            run = []
        current = n
        run.append(glyphs)
    return line.clone(words=out)
