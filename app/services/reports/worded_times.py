"""Times of day written in words, for the sanitisation guard, over ``fold`` text.

Found, in English: ``half past nine``, ``(a) quarter past/to ten``, ``five past
nine``, ``twenty-five to ten``, ``nine o'clock``, ``half nine`` (9:30, as the
British say it), ``nine thirty``, ``nine fifteen``, ``nine forty-five``, ``nine
pm``, ``nine in the evening``; in Dutch: ``half tien`` (9:30), ``kwart over
negen``, ``kwart voor tien``, ``tien over negen``, ``vijf voor half tien``
(9:25), ``om negen uur`` (also rond, tegen, omstreeks, vanaf, tot),
``negen uur 's avonds``. Hours are one to twelve: on a 12-hour clock.

Unlike a time in figures, which no sanitised text needs, these phrases are
refused only within a quarter of an hour of a meeting's recorded time (``near``,
``SLACK``), a runner's rounding: ``nine`` and ``half``
are ordinary words, and ``a quarter to ten`` may be a score. A duration (``negen
uur gewerkt``, ``een half uur``) is not a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, time

SLACK = 15  # minutes either side of a recorded time a worded time counts as it
_DAY = 12 * 60  # the 12-hour clock, in minutes

_EN_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve")  # fmt: skip
_NL_HOURS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
             "elf", "twaalf")  # fmt: skip
_EN_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20,
               "twenty-five": 25, "twenty five": 25, "half": 30}  # fmt: skip
_NL_MINUTES = {"vijf": 5, "tien": 10, "kwart": 15}
_EN_AFTER = {"fifteen": 15, "thirty": 30, "forty-five": 45, "forty five": 45}


def _words(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


_EN_H = rf"(?P<h>{_words(_EN_HOURS)})"
_NL_H = rf"(?P<h>{_words(_NL_HOURS)})"
_EN_M = rf"(?P<m>{_words(_EN_MINUTES)})"
_NL_M = rf"(?P<m>{_words(_NL_MINUTES)})"
_PARTS_OF_DAY = r"(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"
_DUTCH_PARTS = r"['’]?s\s+(?:ochtends|morgens|middags|avonds|nachts)"
# Each form: its pattern, the words its hour ``h`` is one of, and how it reads
# (``_minutes``).
_FORMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (rf"{_EN_M}\s+(?P<dir>past|to)\s+{_EN_H}", _EN_HOURS, "en minutes"),
    (rf"half\s+{_EN_H}", _EN_HOURS, "en half"),
    (rf"{_EN_H}\s+o['’]?\s?clock", _EN_HOURS, "hour"),
    (rf"{_EN_H}\s+(?P<after>{_words(_EN_AFTER)})", _EN_HOURS, "en after"),
    (rf"{_EN_H}\s*(?:a\.?m|p\.?m)\.?", _EN_HOURS, "hour"),
    (rf"{_EN_H}\s+{_PARTS_OF_DAY}", _EN_HOURS, "hour"),
    (rf"{_NL_M}\s+(?P<dir>over|voor)\s+(?P<half>half\s+)?{_NL_H}", _NL_HOURS, "nl minutes"),
    (rf"half\s+{_NL_H}", _NL_HOURS, "nl half"),
    (rf"(?:om|rond|tegen|omstreeks|vanaf|tot)\s+{_NL_H}\s+uur", _NL_HOURS, "hour"),
    (rf"{_NL_H}\s+uur\s+{_DUTCH_PARTS}", _NL_HOURS, "hour"),
)
_COMPILED = tuple(
    (re.compile(rf"(?<!\w){pattern}(?!\w)"), hours, kind) for pattern, hours, kind in _FORMS
)


def _minutes(match: re.Match[str], hours: tuple[str, ...], kind: str) -> int:
    """The time ``match`` says, in minutes from twelve o'clock."""
    at = (hours.index(match["h"]) + 1) * 60
    if kind == "en minutes":
        m = _EN_MINUTES[match["m"]]
        return at + (m if match["dir"] == "past" else -m)
    if kind == "en half":
        return at + 30  # "half nine": 9:30
    if kind == "en after":
        return at + _EN_AFTER[match["after"]]
    if kind == "nl half":
        return at - 30  # "half tien": 9:30
    if kind == "nl minutes":
        m = _NL_MINUTES[match["m"]]
        at -= 30 if match["half"] else 0
        return at + (m if match["dir"] == "over" else -m)
    return at


def worded_times(folded: str) -> Iterator[tuple[str, int]]:
    """The times of day written in words in ``folded`` text, each with its
    minutes on a 12-hour clock; a phrase inside a longer one (``half tien`` in
    ``vijf over half tien``) is not found again."""
    found = [
        (match.start(), match.end(), match.group(), _minutes(match, hours, kind) % _DAY)
        for pattern, hours, kind in _COMPILED
        for match in pattern.finditer(folded)
    ]
    end = -1
    for _start, stop, text, minutes in sorted(found, key=lambda f: (f[0], -f[1])):
        if stop <= end:
            continue
        end = max(end, stop)
        yield text, minutes


def clock_minutes(moment: datetime | time) -> int:
    """A recorded time's minutes on a 12-hour clock."""
    return (moment.hour % 12) * 60 + moment.minute


def near(minutes: int, recorded: Iterable[int]) -> bool:
    """Whether a worded time is within ``SLACK`` of a recorded one."""
    return any(min((minutes - r) % _DAY, (r - minutes) % _DAY) <= SLACK for r in recorded)
