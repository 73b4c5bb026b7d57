"""Working days for the debrief turnaround norm.

The norm (shared/seeds: the Public Prosecution Service reviews a report "met een
uiterste behandeltermijn van 10 werkdagen") counts working days. A working day is
Monday to Friday and not a Dutch public holiday as the Algemene termijnenwet
(General Time Limits Act) counts them for legal deadlines: New Year's Day, Good
Friday, Easter Monday, King's Day (27 April, 26 April when the 27th is a Sunday),
Liberation Day (5 May, every year), Ascension Day, Whit Monday, Christmas Day and
Boxing Day. A deadline counted in working days by the police and the prosecution
skips the same days.

Turnaround from submitted to approved is the number of working days after the
day of submission up to and including the day of approval: submitted on a Monday
and approved the same Monday is 0, approved the next Monday is 5.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

NORM_WORKING_DAYS = 10


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@functools.cache
def holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    kings = date(year, 4, 27)
    if kings.isoweekday() == 7:
        kings = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),
            easter - timedelta(days=2),  # Good Friday
            easter + timedelta(days=1),  # Easter Monday
            kings,
            date(year, 5, 5),
            easter + timedelta(days=39),  # Ascension Day
            easter + timedelta(days=50),  # Whit Monday
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def holidays_between(first: date, last: date) -> list[date]:
    """The holidays from ``first`` to ``last`` (both included), in order."""
    found = {h for y in range(first.year, last.year + 1) for h in holidays(y)}
    return sorted(h for h in found if first <= h <= last)


def is_working_day(day: date) -> bool:
    return day.isoweekday() < 6 and day not in holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if ``end`` is
    not after ``start``)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * 5
    for n in range(1, rest + 1):
        if (start + timedelta(days=n)).isoweekday() < 6:
            count += 1
    count -= sum(1 for h in holidays_between(start + timedelta(days=1), end) if h.isoweekday() < 6)
    return count


# The central store numbers working days (``central.working_days``) over these
# years, so that a turnaround there is one subtraction.
NUMBERED_FROM, NUMBERED_TO = date(2000, 1, 1), date(2100, 12, 31)


def day_number(day: date) -> int:
    """``day``'s number in that count: working days from NUMBERED_FROM up to and
    including ``day``."""
    return working_days_between(NUMBERED_FROM - timedelta(days=1), day)
