"""Times of day in figures, for the sanitisation guard (``times_of_day``, over
``matching.fold`` text). No sanitised text needs one, so they are refused whatever
the meetings' times; times in words are ``worded_times``.

A time of day: ``23:30``, ``21 : 30``, ``9:05:10``, ``23.30 uur``, ``21,30 uur``,
``23.30 h``, ``om 23.30`` (and ``rond``, ``tegen``, ``omstreeks``, ``vanaf``,
``tot``, ``at``, ``around``; not ``vanaf 12.50 euro``), ``om 21,30`` (only after
``om``, ``rond``, ``omstreeks``, ``at``, ``around``: ``vanaf 12,50`` is a price),
``om 21 uur``, ``om 21u``, ``om half 10``, ``een uur of 9``, ``om 2130.`` and ``at
2130`` ending a clause or before a place (``om 2100 bij de brug``; not ``om 2130
euro``), ``om 21-00 uur``, ``om 21 30 uur``, ``21 00 uur``, ``23u30``, ``23h30``, ``21u.``
ending a clause (13 to 23: ``werkte 3u.`` may be how long), ``9 uur 30.`` ending a
clause (not ``8 uur 20 dagen``), ``11:30 pm``, ``11 p.m.``, ``9 o'clock``, ``2330 hours``,
``2330 uur``, and ISO's ``T23:30``; hours with a part of the day (``12 uur 's
middags``, ``9 's avonds``, ``'s avonds 9u``, ``zaterdagmiddag 12 uur``). Not
refused whatever the meetings' times, only held to them (below): ``12.30``,
``2330`` or ``2 uur`` alone (an amount, a number, a duration; ``tot 2 uur`` is
refused), hours after a part of the day that are a span (``die avond 3 uur in de
auto``, ``elke ochtend 2 uur training``). ``per`` makes a rate only before what is
counted (``rond 20 uur per week``; ``om 21.00 per sms`` is refused).

Held to the meetings' times instead (``held_times``, review 8): an hour with
minutes or an hour word that the rules above leave (``Het was 21.00``, ``21,00``,
``21;00``, ``21-00``, ``Om 21 00``, ``2100``, ``Zaterdag 21 uur``, ``21u``, ``21
hrs``, ``'s avonds 9u``, ``21 hundred hours``, ``9 uur 30``, ``om 21 bij de
brug``), refused within a quarter of an hour of a meeting's time as a time in
words is (``worded_times.near``, on its 12- or 24-hour clock), whatever the
context: ``Het kostte 21.00`` near 21:00, ``12.30`` near 12:30 too. Not inside a
longer number or a date, nor a case number (``2100-12345``, ``2100/001``; but
``2100-2130`` is held), nor in a number written in groups on one line (``06 2100
5678``, ``06 12 34 21 00``) unless a date in groups comes first (``14 03 2026
2100``, ``14 3 26 21 00``, ``140326 2100``: held), after a currency sign (``€
21,00``), before a unit or a rate (``2100 km``, ``9u per dag``; not ``21.00 per
sms``), nor before a word that makes a span (``20 uur taakstraf``, ``9 uur
gewacht``, ``2 uur later``; not ``21.00 later``, ``21.00 extra``, ``21 uur
wachten``). Four figures are a year only up to this year and with a year's word
right before them (``in``, ``sinds``, ``van``, ``vanaf``, ``tot``, ``uit``,
``medio``, ``begin``, ``eind``, a season, ``*jaar``, ``year``, ``from``,
``until``, ``the``, a month, ``(``, a date) or after them (``was een``,
``-2020``): ``auto uit 2018``, ``Van 2018 tot 2020`` pass; ``Tijd: 1930``, ``Dat
was 2018`` and ``14 maart 2045`` are held.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from app.clock import utc_now
from app.services.reports.identity_needles import MONTHS
from app.services.reports.worded_times import clock_reading

_H24 = r"(?:[01]?\d|2[0-3])"
_H12 = r"(?:0?[1-9]|1[0-2])"
_MM = r"[0-5]\d"
_CLOCK_WORD = r"(?:uur|u|h|hrs?|hours?|o['’]?\s?clock)(?!\w)"
_AM_PM = r"(?:a\.?m|p\.?m)(?:\.|(?!\w))"
# A clause's end: a stop, comma, colon... not a decimal point; or the text's end.
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)](?!\d)|$))"
_TIME = re.compile(
    r"(?:(?<=\dt)|(?<![\w:.,]))(?:"
    rf"{_H24} ?: ?{_MM}(?::{_MM})?(?![\d:])"  # 23:30, 21 : 30, 9:05:10
    rf"|{_H24}[.,]{_MM}\s*{_CLOCK_WORD}"  # 23.30 uur, 21,30 uur, 23.30 h
    rf"|{_H24}[uh]{_MM}(?!\w)"  # 23u30, 9h05
    rf"|(?:1[3-9]|2[0-3])[uh]{_CLAUSE_END}"  # Afspraak 21u.
    rf"|{_H24}\s*uur\s+{_MM}{_CLAUSE_END}"  # Afspraak 9 uur 30.
    rf"|{_H12}(?:[:.]{_MM})?\s*{_AM_PM}"  # 11:30 pm, 11 p.m.
    rf"|{_H12}\s*o['’]?\s?clock(?!\w)"  # 9 o'clock
    rf"|{_H24}{_MM}\s*{_CLOCK_WORD}"  # 2330 hours
    rf"|{_H24} 00\s*uur(?!\w)"  # 21 00 uur
    r")"
)
# After a word that places a time: "om 23.30", "rond 21 uur", "at 9.30", "om
# half 10", and "een uur of 9" (about nine), also at a sentence's or clause's end
# ("om 21.30."). Not an amount, a size or a rate ("vanaf 12.50 euro", "tegen 7.50
# per stuk", "around 1.50 m", "at 2.50 each"), nor hours as a span ("rond 20 uur
# per week", "tot 10 uur taakstraf"), nor a span after a verb of lasting
# ("duurde rond 2 uur", "een uur of 2 gewacht": ``_LASTED``). A comma only after
# the words that place a time, not a price ("vanaf 12,50", "tegen 7,50").
_END = r"(?!\d|[.,]\d|,-)"
# "per" only before what a rate is counted in ("9u per dag", "7,50 per stuk"): "21.00
# per sms" is an arrangement (review of round 8, second, 2).
_PER = (
    r"(?:per|a|an)\s+(?:dag|day|week|maand|month|jaar|year|nacht|night|keer|time|uur|hour"
    r"|stuk|stuks|piece|gram|kilo|kg|g|persoon|person|pil|pill|zakje|bolletje|liter|km|kilometer"
    r"|minuut|minute|les|dienst|shift|rit|ritje|nummer)(?!\w)"
)
_UNIT = (
    rf"(?:euro|eur|€|\$|usd|dollars?|pounds?|£|procent|percent|%|{_PER}|each"
    r"|kg|kilos?|g|grams?|gram|km|m2|m3|m|meters?|metres?|cm|mm|liters?|l)(?!\w)"
)
_SPAN_AFTER = (
    rf"(?:{_PER}|lang|gewerkt|werk|werkstraf|taakstraf|later|eerder|geleden|extra|gewacht|gereden"
    r"|gelopen|rijden|lopen|wachten|werken)(?!\w)"
)
_HOUR_WORD = r"(?:uur|u|h)(?!\w)"
_PLACE = r"(?:bij|aan|op|voor|achter|naast|tegenover|onder|langs)\s+(?:de|het|een|['’]t)(?!\w)"
# "om 2100 bij de brug", "at 2100 near the bridge": four digits and a place
# (review 6); "om 21-00 uur", "om 21 30 uur" a hyphen or space for the colon (a
# hyphen only before "00": "rond 10-12 uur" is a range).
_THEN_PLACE = rf"(?=\s+(?:{_PLACE}|(?:near|outside|behind|by|at|in)\s+the(?!\w)))"
_AT_FIGURES = re.compile(
    r"(?<!\w)(?:(?:om|rond|tegen|omstreeks|vanaf|tot|at|around)\s+"
    rf"(?P<t>{_H24}\.{_MM}{_END}(?!\s*{_UNIT})"
    rf"|(?<=om\s|at\s)(?:[01]\d|2[0-3]){_MM}(?:{_CLAUSE_END}|{_THEN_PLACE})"  # om 2130.
    rf"|{_H24}(?:-00|\s{_MM})\s*{_HOUR_WORD}(?!\s+{_SPAN_AFTER})"  # om 21-00 uur
    rf"|{_H24}\s*{_HOUR_WORD}(?!\s+{_SPAN_AFTER})|half\s+{_H12}(?![\w:]){_END})"
    rf"|(?:om|rond|omstreeks|at|around)\s+(?P<comma>{_H24},{_MM}{_END}(?!\s*{_UNIT}))"
    rf"|(?P<about>een\s+uur(?:tje)?\s+of\s+{_H24}(?![\w:]){_END}(?!\s+{_SPAN_AFTER})))"
)
# Hours with a part of the day said before or after them are a time, whatever
# word comes first: "12 uur 's middags", "9 's avonds", "'s avonds 9 uur",
# "zaterdagmiddag om 12 uur", "morgen 9 uur." Said first and without "om", only
# where the hour ends a clause or a place or "'s" follows ("'s avonds 9 uur bij
# de brug"): else a span ("'s avonds 3 uur gewerkt", "die avond 3 uur in de auto",
# "Vanmiddag 3 uur verhoord"), and where it ends a clause never after a word
# that makes it one ("elke ochtend 2 uur.", "de hele middag", "per avond"); before
# a place it is a time ("die avond 9 uur bij de brug", "elke avond 9 uur bij de
# brug": review 7, G2). "in de" is not such a place: "'s nachts 8 uur in de haven"
# is how long one works there (near a meeting ``worded_times`` holds it). An hour
# from 13 to 23 after a part of the day is always a time ("'s avonds 21 uur in de
# auto").
_PART_WORDS = r"(?:ochtend|morgen|middag|avond|nacht)"
_NOT_A_SPAN = r"(?<!elke\s)(?<!iedere\s)(?<!hele\s)(?<!per\s)"
_WITH_PART = re.compile(
    rf"(?<![\w:.,]){_H24}(?:\s*{_HOUR_WORD})?\s+['’]?s[\s\-]*{_PART_WORDS}s(?!\w)"
    rf"|(?<![^\W_])\w*?(?P<late>{_PART_WORDS}s?\s+(?:1[3-9]|2[0-3])\s*{_HOUR_WORD})"
    rf"|{_NOT_A_SPAN}(?<![^\W_])\w*?(?P<said>{_PART_WORDS}s?\s+"
    rf"(?:om\s+{_H24}\s*{_HOUR_WORD}(?!\s+{_SPAN_AFTER})|{_H24}\s*{_HOUR_WORD}{_CLAUSE_END}))"
    rf"|(?<![^\W_])\w*?(?P<placed>{_PART_WORDS}s?\s+{_H24}\s*{_HOUR_WORD}"
    rf"(?=\s+(?:{_PLACE}|['’]?s(?!\w))))"
)
# "De uitslag was 21 : 30", "op plek 21 : 30": a score or a place with the colon
# spaced, said so earlier in the clause (review 6, F6); "21 : 30" alone is a time.
# A place or a win only right before it: "de ontmoeting vond plaats 21 : 30 bij de
# brug", "lost his phone, met 21 : 30" are times (review 7, G13).
_SCORE = re.compile(
    r"(?<!\w)(?:(?:uitslag|eindstand|ruststand|stand|score|verhouding|ratio)(?!\w)[^.;:!?]*"
    r"|(?:plek|won|lost|verloor|verloren|gewonnen)(?:\s+(?:met|by|with))?\s*)$"
)
_LASTED = re.compile(
    r"(?:duurde|duurt|duren|duurden|wachtte|wachtten|wacht|reed|reden|liep|liepen"
    r"|zat|zaten|werkte|werkten|lasted|took|waited|drove|walked|worked)\s*$"
)


_SPACED_COLON = re.compile(r"\d+(?: :|: )")
_PLACED_BEFORE = re.compile(r"(?<!\w)(?:om|rond|tegen|omstreeks|vanaf|tot|at|around)\s*$")


def _a_score(folded: str, match: re.Match[str]) -> bool:
    """Whether ``match``, a time with a spaced colon, is a score (``_SCORE``):
    never right after a word that places a time ("om 21 : 30")."""
    if not _SPACED_COLON.match(match.group()):
        return False
    before = folded[max(0, match.start() - 40) : match.start()]
    if _PLACED_BEFORE.search(before):
        return False
    return _SCORE.search(before) is not None


def times_of_day(folded: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """The times of day written in ``folded`` text, each once, with where it was
    found (``held_times`` skips those places)."""
    starts: set[int] = set()
    spans: list[tuple[int, int]] = []
    for match in _TIME.finditer(folded):
        if _a_score(folded, match):
            continue
        starts.add(match.start())
        spans.append(match.span())
        yield match.group().strip(), match.span()
    for match in _AT_FIGURES.finditer(folded):
        if _LASTED.search(folded, max(0, match.start() - 20), match.start()):
            continue  # "het duurde rond 2 uur": how long, not when
        spans.append(match.span())
        found = match["t"] or match["comma"]
        if found is None:
            yield match["about"], match.span()
        elif match.start("t" if match["t"] else "comma") not in starts:  # "om 23.30 uur": once
            yield found, match.span()
    for match in _WITH_PART.finditer(folded):
        if not any(match.start() < end and start < match.end() for start, end in spans):
            # Not "om 12 uur" again in "om 12 uur 's middags".
            yield match["late"] or match["said"] or match["placed"] or match.group(), match.span()


# An hour with minutes or an hour word and no word that places it ("Het was 21.00
# bij de brug", "Om 21 00", "Zaterdag 21 uur", "'s avonds 9u", "21 hundred hours")
# may as well be an amount, a count or how long: held to the meetings' times like
# a time in words (review 8), refused near one whatever the context. Not inside a
# longer number or a date, nor after a currency sign ("€ 21,00"), nor before a
# unit or a word that makes it a span ("2,50 gram", "2100 km", "20 uur
# taakstraf", "9u per dag"). A colon, stop or comma only after a digit: "Tijd:2100"
# is held (review 8, 5).
_LOOSE = r"(?<![\w€$£])(?<!\d[:.,])(?<![€$£]\s)"
# Near a meeting only a word that cannot follow a time makes a span: not "extra",
# "wachten", nor "later" after figures ("21.00 later bij de brug"), but "2 uur
# later" (review of round 8, second, 2).
_HELD_SPAN = r"(?:lang|gewerkt|werk|werkstraf|taakstraf|geleden|gewacht|gereden|gelopen)(?!\w)"
_NO_UNIT = (
    rf"(?!\s*{_UNIT})(?!\s+{_HELD_SPAN})"
    r"(?!(?:(?<=\du)|(?<=\su)|(?<=uur))\s+(?:later|eerder)(?!\w))"
)
_HELD = tuple(
    (re.compile(_LOOSE + pattern + _NO_UNIT), kind)
    for pattern, kind in (
        (rf"(?P<h>{_H24})[.,;](?P<m>{_MM})(?![.,:;]?\d)", "minutes"),  # 21.00, 21,00, 21;00
        # 21-00; not in a number plate ("21-00-XB", "XB-21-00")
        (rf"(?<![\-/])(?P<h>{_H24})-(?P<m>00)(?![\-/]?\w)", "minutes"),
        # 21 00; not a date ("21 01 2024")
        (rf"(?P<h>{_H24}) (?P<m>{_MM})(?![.,:]?\d|\s(?:19|20)\d\d(?!\d))", "spaced"),
        # 2100, 2100-2130; not a date or a number going on ("2024-03-14", "2100/2024",
        # a case number "2100-12345", "2100/001": review of round 8, second, 4)
        (
            rf"(?P<h>[01]\d|2[0-3])(?P<m>{_MM})"
            r"(?![.,:]?\d|[\-/]\d\d?(?!\d)|/(?:19|20)\d\d(?!\d)"
            rf"|[\-/](?!(?:[01]\d|2[0-3]){_MM}(?!\d))\d{{3}})",
            "four",
        ),
        (rf"(?P<h>{_H24})\s?hundred(?:\s+hours?)?(?!\w)", "figures"),  # 21 hundred
        # 21 uur, 9u, 21 hrs, 9 uur 30 (9:00 and 9:30)
        (rf"(?P<h>{_H24})\s?{_CLOCK_WORD}(?:\s(?P<m>{_MM})(?![\d.,:]))?", "hour"),
        # "om 21 bij de brug", "om 21." (review 8, 5)
        (rf"(?<=(?<!\w)om\s)(?P<h>{_H24})(?:{_CLAUSE_END}|(?=\s+{_PLACE}))", "hour"),
    )
)
# Digits in groups: a phone number ("06 2100 5678", "06 12 34 21 00"). A group on
# both sides, or nine digits or more in the run; "14-03 2100", "op 6 3 21 00"
# and "Week 12 2100" are held (review 8, 1). Spaces only: a line break ends the
# run (a table's row "1 2100 3"). A time after a date written in groups is held
# ("14 03 2026 2100", "14 3 26 21 00", "140326 2100"), but not in ten digits that
# begin with 0 ("06 12 34 21 00": a phone number; review of round 8, second, 3).
_GROUPS_BEFORE = re.compile(r"(?:\d+ )+$")
_GROUPS_AFTER = re.compile(r"(?: \d+)+")
_PHONE_DIGITS = 9
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE_BEFORE = re.compile(
    rf"(?<![\d+])(?<!\d )(?:{_DAY} {_MONTH} (?:\d\d|(?:19|20)\d\d)"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:\d\d|(?:19|20)\d\d)"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])) $"
)
# Four figures from 1900 to this year are a year only where a word said of years
# comes right before them ("auto uit 2018", "bouwjaar 2018", "Van 2018 tot 2020",
# "(2018)", "The 2018 case", "maart 2018") or after them ("2018 was een druk jaar",
# "2018-2020"); else a time ("Tijd: 1930", "Ontmoeting 2018 brug", "Dat was
# 2018"). Later ones are never a year: "Tijd: 2045", "14 maart 2045" (review of
# round 8, second, 1).
_YEAR_BEFORE = re.compile(
    r"(?:(?<!\w)(?:in|sinds|since|van|vanaf|tot|uit|medio|begin|eind|zomer|winter|voorjaar"
    r"|najaar|year|from|until|the|"
    + "|".join(name for names in MONTHS for name in names)
    + r")\.?|\w*jaar(?:\s+(?:is|was))?|(?<!\d)\d\d? \d\d?)\s+$"
    r"|(?:\(|(?<!\d)\d\d?[\-/.]\d\d?[\-/.]|(?:19|20)\d\d-)\s*$"
)
_YEAR_AFTER = re.compile(r"\s+was\s+een(?!\w)|\s*-\s*(?:19|20)\d\d(?!\d)")


def _in_groups(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` is digits of a number written in groups."""
    # A window each side: a run of groups is not read to its end every time.
    before = _GROUPS_BEFORE.search(folded, max(0, start - 24), start)
    after = _GROUPS_AFTER.match(folded, end, end + 24)
    run = (before.group() if before else "") + folded[start:end] + (after.group() if after else "")
    digits = sum(c.isdigit() for c in run)
    dated = _DATE_BEFORE.search(folded, max(0, start - 12), start)
    if dated is not None and not (dated.group().startswith("0") and digits == 10):
        return False
    if before is not None and after is not None:
        return True
    return digits >= _PHONE_DIGITS


def _a_year(folded: str, start: int, end: int) -> bool:
    """Whether four figures 19xx or 20xx at ``start`` are a year (``_YEAR_BEFORE``)."""
    if int(folded[start:end]) > utc_now().year:
        return False
    if _YEAR_BEFORE.search(folded, max(0, start - 24), start):
        return True
    return _YEAR_AFTER.match(folded, end) is not None


def _found(folded: str, kind: str, match: re.Match[str]) -> bool:
    """Whether ``match`` of a ``_HELD`` pattern of ``kind`` may be a time."""
    start, end = match.span()
    if kind in ("spaced", "four") and _in_groups(folded, start, end):
        return False
    return not (kind == "four" and match["h"] in ("19", "20") and _a_year(folded, start, end))


def held_times(folded: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[str, int, bool]]:
    """The hours in figures of ``folded`` text that ``times_of_day`` leaves
    (outside ``spans``), each with its minutes and whether on the 24-hour clock
    (``worded_times.near``): an hour from 13, 0 or with a leading 0 always, four
    figures always, else when a part of the day is said (``clock_reading``)."""
    taken = bytearray(len(folded) + 1)  # linear, however many times the text holds
    for begin, stop in spans:
        taken[begin:stop] = b"\x01" * (stop - begin)
    for pattern, kind in _HELD:
        # Overlapping: "op 6 3 21 00" is "3 21" then "21 00".
        match = pattern.search(folded)
        while match is not None:
            if not any(taken[match.start() : match.end()]) and _found(folded, kind, match):
                yield from _readings(folded, kind, match)
            match = pattern.search(folded, match.start() + 1)


def _readings(folded: str, kind: str, match: re.Match[str]) -> Iterator[tuple[str, int, bool]]:
    """The times ``match`` of a ``_HELD`` pattern of ``kind`` may say."""
    h = match["h"]
    at = int(h) * 60
    m = match.groupdict().get("m")
    readings = (at, at + int(m)) if kind == "hour" and m else (at + int(m or 0),)
    for minutes in readings:
        if kind in ("four", "figures") or not 0 < int(h) < 13 or h.startswith("0"):
            yield match.group(), minutes, True
        else:
            yield (match.group(), *clock_reading(folded, match, minutes))
