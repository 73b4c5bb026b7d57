"""reportlab's Paragraph, each printed line with its right-to-left runs in
display order.

The Unicode bidirectional algorithm reorders a paragraph only after it is broken
into lines (UAX #9, L1-L2). reportlab breaks the text as stored, in logical order,
with the font's metrics and the width the paragraph is given; this Paragraph
reorders each line as it is drawn (``rtl.visual``), so a quote longer than a line
starts on the first line. The broken lines themselves stay in logical order: a
paragraph split across pages is broken again from them.
"""

from __future__ import annotations

from typing import Any

from reportlab import platypus

from app.reports import rtl


class Paragraph(platypus.Paragraph):  # type: ignore[misc]  # reportlab is untyped
    blPara: Any  # noqa: N815  # reportlab's name: the broken lines, set by wrap()

    def drawPara(self, debug: int = 0) -> None:
        logical = self.blPara
        self.blPara = _in_display_order(logical)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


def _in_display_order(broken: Any) -> Any:
    """A copy of reportlab's broken lines with each line's text in display order."""
    if broken.kind == 0:  # one style: each line is (width left over, its words)
        lines = [(left, _words(words)) for left, words in broken.lines]
    else:  # each line is a list of styled pieces, each with its text
        lines = [_pieces(line) for line in broken.lines]
    return broken.clone(lines=lines)


def _words(words: list[str]) -> list[str]:
    line = " ".join(words)
    if not rtl.has_rtl(line):
        return words
    # a run starts and ends on a letter or number, never on the space between
    # words: the line has as many words as before, only reordered
    return rtl.visual(line).split(" ")


def _pieces(line: Any) -> Any:
    pieces = list(line.words)
    changed = False
    for i, piece in enumerate(pieces):
        text = getattr(piece, "text", "")
        if isinstance(text, str) and rtl.has_rtl(text):
            pieces[i] = piece.clone(text=rtl.visual(text))
            changed = True
    return line.clone(words=pieces) if changed else line
