"""The numbers of a channel that have not arrived (docs/package-format.md,
section 8), as ranges: a sender's number may be far above the last one held, so
they are never listed one by one."""

from __future__ import annotations

from collections.abc import Iterable

Gap = tuple[int, int]  # first and last missing number
SHOWN = 20  # ranges named in a message; the rest counted


def missing(held: Iterable[int], below: int) -> list[Gap]:
    """The numbers from 1 up to ``below`` (not included) that are not ``held``."""
    gaps: list[Gap] = []
    expected = 1
    for n in sorted(set(held)):
        if n >= below:
            break
        if n > expected:
            gaps.append((expected, n - 1))
        expected = max(expected, n + 1)
    if expected < below:
        gaps.append((expected, below - 1))
    return gaps


def count(gaps: list[Gap] | tuple[Gap, ...]) -> int:
    """How many numbers the ranges hold (a message says "package" or "packages")."""
    return sum(b - a + 1 for a, b in gaps)


def text(gaps: list[Gap] | tuple[Gap, ...]) -> str:
    """``3, 5–9, 12`` (no word to translate); past ``SHOWN`` ranges, ``…`` and how
    many more numbers."""
    shown = [str(a) if a == b else f"{a}–{b}" for a, b in gaps[:SHOWN]]
    rest = count(gaps[SHOWN:])
    return ", ".join(shown) + (f", … (+{rest})" if rest else "")
