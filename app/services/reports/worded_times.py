"""Times of day written in words, for the sanitisation guard (``times_text``).

Found, in English: ``half past nine``, ``(a) quarter past/to/after/of ten``,
``five past nine``, ``ten after nine``, ``twenty-five to ten``, ``nine o'clock``,
``half nine`` (9:30, as the British say it), ``nine thirty``, ``nine-fifteen``,
``nine forty``, ``nine oh five``, ``nine pm``, ``nine in the evening``; in Dutch:
``half tien`` (9:30), ``kwart over negen``, ``kwart voor tien``, ``tien over
negen``, ``vijf voor half tien`` (9:25), ``twintig over negen``, ``om negen uur``
(also rond, tegen, omstreeks, vanaf, tot, klokslag; ``om precies negen uur``),
``het was negen uur.`` (or before a place: ``bij de brug``), ``toen was het (al)
negen uur.``, ``het werd negen uur.``, ``'s avonds negen uur.``, ``negen uur 's
avonds`` (or ``savonds``, ``in de (late) avond``, ``op de avond``, ``in de
avonduren``), ``een uur of negen`` (about nine, also ``een uurtje of negen``),
``tegen tienen``, ``om zessen``; ``om negen`` and ``at nine`` (also ``around``,
``at about``, ``by``, ``until``) without
``uur`` only where nothing follows that they count (a clause's end, a particle,
preposition or conjunction, ``in het``, ``achter``, ``voor``, ``naast``,
``tegenover`` or ``onder`` and an article or ``zijn``/``haar``, a part of the
day, ``vanavond``, a verb of meeting: ``kwam om negen binnen``, ``om
negen voor de deur``, ``Om negen ontmoette``, ``at nine near the bridge``; not
``het gaat om negen getuigen``), not after ``tot`` or ``vanaf`` nor a verb that
counts or asks (``het gaat om negen``, ``hij vroeg om negen``, ``stood at nine``);
the hour in figures in these forms too (``om 9.``, ``at 9.``, ``quarter past 9``,
``tien over 9``, ``half 10``, read both ways: 9:30 in Dutch, 10:30 as the British
say it); not a price or a range (``vijf voor tien euro``, ``five to ten people``,
``from five to ten``), nor a vote, a count or a height (``12 tegen 9``, ``by nine
to one``, ``nine ten-gram bags``, ``he is five ten``); ``midnight``,
``middernacht`` (0:00), ``noon``, ``midday``, ``het middaguur`` (12:00), on the
24-hour clock. Hours are one to twelve: on a 12-hour clock, unless a part of the
day follows (``pm``, ``in the evening``, ``'s avonds``, ``in de avond``...): then
on the 24-hour clock (``nine in the evening`` is 21:00, not 9:00). Night (``at
night``, ``'s nachts``: ``half past six at night``) and twelve in the evening
(midnight) stay on the 12-hour clock: both readings.

Dutch ``een`` is mostly "a", and ``één`` "one": the text is folded (accents
dropped) only after ``één`` is marked (``_ONE``), so ``om één uur`` is one o'clock
and ``een`` is read as one only in fixed forms: ``half een``, ``kwart over/voor
een``, ``tien over een`` but before a span (``week``, ``paar``...), ``vijf voor een``
after ``om`` (rond, tegen...), ending a clause or before a particle, preposition
or conjunction (``kwam vijf voor een binnen``), ``om een uur`` not followed by
``of``, ``later``, ``na``, ``per``, ``lang``... (``tot een uur later``), ``een uur
's nachts/'s middags``. So ``vijf voor een euro``, ``tien voor een toets`` and
``vijf over een week`` pass.

Unlike a time in figures, which no sanitised text needs, these phrases are
refused only within a quarter of an hour of a meeting's recorded time (``near``,
``SLACK``), a runner's rounding: ``nine`` and ``half`` are ordinary words, and ``a
quarter to ten`` may be a score. A duration (``negen uur gewerkt``, ``een half
uur``) is not a time. Which meetings count is the guard's (``sanitise``): a
debrief's text is held to its own meeting and its neighbours', so a report of
many meetings does not make most of the clock "near".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import datetime, time

from app.services.reports.matching import fold, strip_format

SLACK = 15  # minutes either side of a recorded time a worded time counts as it
_HALF_DAY = 12 * 60  # the 12-hour clock, in minutes
_DAY = 24 * 60
_ONE = "\ue000"  # "één" (one), marked before folding makes it "een" (a)
_ONE_WRITTEN = re.compile(r"(?<!\w)(?:één|eén|éen|èèn)(?!\w)", re.IGNORECASE)

_EN_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve")  # fmt: skip
_NL_HOURS = (_ONE, "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
             "elf", "twaalf")  # fmt: skip
# Hours 13 to 23 said on the 24-hour clock: "om eenentwintig uur", "at twenty-one
# hundred" (review 6); in a tuple where an hour's place is its number less one.
_NL_LATE = ("dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
            "negentien", "twintig", "eenentwintig", "tweeentwintig", "drieentwintig")  # fmt: skip
_EN_LATE = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three")  # fmt: skip
_EEN_HOURS = ("een",)  # "een" as one: only in the fixed forms below
# The hours as Dutch says them after a placing word, "tegen tienen", "om zessen"
# (not "met z'n vieren": that is no hour). Folded: "tweeën" is "tweeen".
_NL_HOURS_EN = ("enen", "tweeen", "drieen", "vieren", "vijven", "zessen", "zevenen",
                "achten", "negenen", "tienen", "elven", "twaalven")  # fmt: skip
_EN_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20,
               "twenty-five": 25, "twenty five": 25, "half": 30}  # fmt: skip
_NL_MINUTES = {"vijf": 5, "tien": 10, "kwart": 15, "twintig": 20}
# Minutes said after the hour ("nine forty", "nine-thirty", "nine oh five"),
# spaces and hyphens alike ("twenty five" is "twenty-five").
_OH = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_AFTER = {"ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
             "thirty-five": 35, "forty": 40, "forty-five": 45, "fifty": 50, "fifty-five": 55,
             **{f"oh-{w}": n for n, w in enumerate(_OH, 1)}}  # fmt: skip


def _words(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


_EN_H = rf"(?P<h>{_words(_EN_HOURS)})"
_NL_H = rf"(?P<h>{_words(_NL_HOURS)})"
_EEN = r"(?P<h>een)"
_NL_H_EN = rf"(?P<h>{_words(_NL_HOURS_EN)})"
# An hour in figures, 1 to 12, not part of a longer number ("half 10", not "half 10.5").
_DIGITS = r"(?:0?[1-9]|1[0-2])(?![.,:]\d)"
_DIGIT_H = rf"(?P<h>{_DIGITS})"
# An hour in words or in figures: "tien over 9", "quarter past 9", "om 9.", "at 9."
_EN_HD = rf"(?P<h>{_words(_EN_HOURS)}|{_DIGITS})"
_NL_HD = rf"(?P<h>{_words(_NL_HOURS)}|{_DIGITS})"
_NL_LATE_H = rf"(?P<h>{_words(_NL_LATE)})"
_EN_LATE_H = rf"(?P<h>{_words(_EN_LATE)})".replace("\\-", r"[\s\-]+")
_EN_M = rf"(?P<m>{_words(_EN_MINUTES)})"
_EN_AFTER_WORDS = _words(_EN_AFTER).replace("\\-", r"[\s\-]+")
_NL_M = rf"(?P<m>{_words(_NL_MINUTES)})"
_NL_DIR = r"(?P<dir>over|voor)\s+(?P<half>half\s+)?"
_AT = r"(?:om|rond|tegen|omstreeks|vanaf|tot|klokslag)"
# Before a bare hour, no "uur": not "tot" or "vanaf", which count ("telde tot
# negen", "kinderen vanaf negen").
# Nor, where the clause ends or a conjunction follows, after a verb that counts
# or asks with them ("het gaat om negen", "hij vroeg om negen"): "ging om negen
# naar de brug" goes somewhere at nine (review 6, R2). "gaat" counts only with
# "het": "de bron gaat om negen" is when she goes (review 7, G3).
_COUNTING_VERB = (
    r"(?<!het\sgaat\s)(?<!het\sging\s)(?<!gaat\shet\s)(?<!ging\shet\s)"
    r"(?<!vroeg\s)(?<!vraagt\s)(?<!vroegen\s)"
)
# "The meeting started at nine", "showed up at nine" are times (review 6, R1):
# "prices start at nine" is refused with them. "up"/"down" count only before "by".
# "were around nine at the station", "came to around nine, met" are times too
# (review 7, G8): "There were around nine." is refused with them.
_EN_AT_BARE = (
    r"(?<!stood\s)(?<!stands\s)(?<!ranked\s)"
    r"(?<!priced\s)(?<!counted\s)(?<!divided\s)(?<!multiplied\s)(?<!increased\s)"
    r"(?<!decreased\s)(?<!reduced\s)(?<!grew\s)(?<!rose\s)(?<!fell\s)"
    r"(?:(?:at\s+(?:about|around)|at)(?P<at>)|(?<!numbered\s)(?<!totalled\s)(?<!totaled\s)"
    r"(?<!grew\sto\s)(?<!rose\sto\s)(?<!fell\sto\s)(?<!up\sto\s)"
    r"around|(?<!up\s)(?<!down\s)by|until|till)(?!\w)"
)
# "by nine to one", "around 9 in 10 dealers" count (review 6, F2); never after
# "at" ("met at nine in two cars", "at nine to one side") and "in" only before
# ten or more ("nine in ten"), not "around nine in one of the garages" (review 7, G7).
_EN_NOT_RATIO = (
    rf"(?(at)|(?!\s+(?:(?:to|out\s+of)\s+(?:\d+|{_words(_EN_HOURS)})|in\s+(?:ten|\d\d+))(?!\w)))"
)
# "was het al negen uur", "Het was toen negen uur" (review 8, 5).
_ALREADY = r"(?:\s+(?:al|bijna|precies|ongeveer|toen|pas|net|nu))?"
# "om precies negen uur", "om ongeveer negen".
_ROUGHLY = r"(?:\s+(?:precies|stipt|ongeveer|circa|ca\.|rond))?"
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)]|$))"
# "een uur" followed by these is a duration or "about" (een uur of negen).
_NOT_ONE = r"(?!\s+(?:of|later|eerder|na|per|lang|langer|geleden|daarna|extra|te)(?!\w))"
# "tien over een week": a span, not ten past one.
_NOT_SPAN = (
    r"(?!\s+(?:week|weken|maand|maanden|jaar|jaren|dag|dagen|paar|uur|uurtje|kwartier"
    r"|minuut|minuten|tijdje|keer|nacht|avond|ochtend|middag)(?!\w))"
)
# "kwam vijf voor een binnen": a particle, preposition or conjunction after "voor
# een" ends the time; a noun ("vijf voor een euro") makes it a price or a mark,
# and so may "in" ("vijf voor een in de maand").
_THEN = (
    r"(?=\s+(?:binnen|buiten|aan|op|bij|naar|langs|thuis|weg|terug|mee|af|uit|door"
    r"|en|maar|want|dus|toen|['’]?s)(?!\w))"
)
# After "om negen" (not after "voor een"): "in" with an article, a day's part
# ("vanavond"), or a verb of meeting where a sentence starts "Om negen ontmoette".
_HOUR_THEN = (
    r"(?=\s+(?:in\s+(?:de|het|een|['’]t)|vanavond|vanochtend|vanmorgen|vanmiddag|vannacht"
    r"|gisteravond|gisterochtend|gistermiddag|gisternacht|morgenavond|morgenochtend"
    r"|ontmoette|ontmoetten|kwam|kwamen|zag|zagen|sprak|spraken|belde|belden|vertrok"
    r"|arriveerde)(?!\w))"
)
_PARTS_OF_DAY = r"(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"
_DUTCH_PARTS = r"['’]?s[\s\-]*(?:ochtends|morgens|middags|avonds|nachts)"  # "savonds" too
# "negen uur in de avond", "in de late avond", "op de avond", "in de avonduren"
# (review of round 8); not "in de avond-/nachtploeg".
_IN_DE = r"(?:in|op)\s+de\s+(?:(?:late|vroege)\s+)?"
_PART_END = r"(?:uren)?(?![\w\-])"
_IN_DE_PART = rf"{_IN_DE}(?:ochtend|morgen|middag|avond|nacht){_PART_END}"
# Bare "morgen" too: "afspraak morgen negen uur" (review 7, G11), so "werkt morgen
# negen uur" is refused with it; and after "elke": "elkaar elke avond negen uur"
# is when they meet (review 7, G12), "werkt elke nacht negen uur" is refused.
# Only "per nacht negen uur" is how long, each time (review 6, F4).
_DUTCH_DAY_PART = rf"(?:{_DUTCH_PARTS}|\w*(?:ochtend|middag|avond|nacht|morgen))"
_HOW_LONG = (
    r"(?!\s+(?:per|lang|gewerkt|werk|taakstraf|later|eerder|geleden|extra|gewacht"
    r"|gereden|gelopen|rijden|lopen|wachten|werken|geslapen|slapen)(?!\w))"
)
# "om negen" without "uur" is a time only where nothing follows that it counts
# ("het gaat om negen getuigen"): a clause's end, a particle, preposition or
# conjunction (``_THEN``), or a part of the day. English "at nine" alike.
# A verb that counts (``_COUNTING_VERB``) rules out only the clause end and a
# conjunction; "en" before a number adds one ("om 9 en 10 euro").
# "achter", "voor", "naast", "tegenover" and "onder" only before an article or
# "zijn", "haar", a place ("om negen voor de deur", "om negen voor zijn huis",
# review 8): "het gaat om negen achter elkaar" counts.
_HOUR_PLACED = (
    r"(?=\s+(?:binnen|buiten|aan|op|bij|naar|langs|thuis|weg|terug|mee|af|uit|door"
    r"|['’]?s|(?:achter|voor|naast|tegenover|onder)\s+(?:de|het|een|['’]t|zijn|haar|hun))(?!\w))"
    rf"|{_HOUR_THEN}|(?=\s+{_DUTCH_PARTS})"
)
_HOUR_ENDS = (
    rf"(?:{_CLAUSE_END}|(?=\s+(?:en(?!\s+(?:\d|{_words(_NL_HOURS)}))|maar|want|dus|toen)(?!\w)))"
)
# The hour in figures too: "de bron kwam rond 9." is a time (review 7, G9), so
# "Er waren er rond 9." is refused with it; only "12 tegen 9", a vote, is not
# (the conditional group).
_AT_BARE_HD = (
    rf"(?:(?<=\d\s)tegen(?P<vote>)|om|klokslag|rond|(?<!\d\s)tegen|omstreeks){_ROUGHLY}\s+"
    rf"(?(vote)(?!\d)){_NL_HD}"
)
_EN_THEN = (
    r"(?=\s+(?:sharp|exactly|and(?!\s+the\s+same)|but|when|then|in|at|near|on|outside"
    r"|behind|with|to|tonight)(?!\w))"
)
# "He is (about) five ten": a height, not 5:10 (review 6, F3); only after "he is"
# or "she is": "the meet is five ten" is a time (review 7, G6). "nine ten-gram
# bags", "nine ten euro notes" are counts (``_COUNTED``, a unit after).
_NOT_HEIGHT = (
    r"(?:(?<!he\sis\s)(?<!he\sis\sabout\s)(?<!she\sis\s)(?<!she\sis\sabout\s)"
    r"|(?!four|five|six))"
)
# "five to ten euro", "vijf voor tien mensen": a price or a range, not a time.
_COUNT_UNITS = (
    r"(?:euro|eur|dollars?|pounds?|cents?|procent|percent|people|persons?|men|mensen|man"
    r"|personen|stuks?|keer|times|kilo|grams?|gram|pills?|pillen|bolletjes|zakken)(?!\w)"
)
_SPAN_UNITS = r"(?:minutes?|minuten|mins?|hours?|uur|days?|dagen|weeks?|weken|years?|jaar)(?!\w)"
_COUNTED = rf"(?!\s+(?:{_COUNT_UNITS}|{_SPAN_UNITS}))"
# "nine fifteen minutes after he called" is 9:15 (review 7, G4): after "nine
# fifteen" only a count; a hyphen only before a unit ("nine ten-gram bags", not
# "nine ten-ish", review 7, G5).
_EN_AFTER_COUNTED = rf"(?!\s+{_COUNT_UNITS})(?![\-\u2010](?:{_COUNT_UNITS}|{_SPAN_UNITS}))"
_EN_HOUR_ENDS = rf"(?:{_CLAUSE_END}|{_EN_THEN})"
# Each form: its pattern, the words its hour ``h`` is one of, and how it reads
# (``_minutes``).
_FORMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        rf"(?<!from\s)(?<!between\s)(?!half\s+(?:after|of))"
        rf"{_EN_M}\s+(?P<dir>past|to|after|of)\s+{_EN_HD}{_COUNTED}",
        _EN_HOURS,
        "en minutes",
    ),
    (rf"half\s+{_EN_H}", _EN_HOURS, "en half"),
    (rf"{_EN_H}\s+o['’]?\s?clock", _EN_HOURS, "hour"),
    (
        rf"{_NOT_HEIGHT}{_EN_H}[\s\-]+(?P<after>{_EN_AFTER_WORDS}){_EN_AFTER_COUNTED}",
        _EN_HOURS,
        "en after",
    ),
    (rf"{_EN_H}\s*(?:a\.?m|p\.?m)\.?", _EN_HOURS, "hour"),
    (rf"{_EN_H}\s+{_PARTS_OF_DAY}", _EN_HOURS, "hour"),
    (rf"{_NL_M}\s+{_NL_DIR}{_NL_HD}{_COUNTED}", _NL_HOURS, "nl minutes"),
    (rf"half\s+{_NL_H}", _NL_HOURS, "nl half"),
    (rf"{_AT}{_ROUGHLY}\s+{_NL_H}\s+uur", _NL_HOURS, "hour"),
    # Ending a clause or before a place or "toen": "was het negen uur bij de brug"
    # (review of round 8); not "het is negen uur rijden".
    (
        rf"(?:was|is|werd)(?:\s+het|\s+['’]t)?{_ALREADY}\s+{_NL_H}\s+uur"
        rf"(?:{_HOUR_ENDS}|{_HOUR_PLACED})",
        _NL_HOURS,
        "hour",
    ),
    # "'s avonds 9 uur in de auto": near a meeting a time, whatever follows (R3).
    (rf"(?<!per\s){_DUTCH_DAY_PART}\s+{_NL_HD}\s+uur{_HOW_LONG}", _NL_HOURS, "hour"),
    (rf"{_NL_H}\s+uur,?\s+(?:{_DUTCH_PARTS}|{_IN_DE_PART})", _NL_HOURS, "hour"),
    (rf"(?:(?:om|rond|tegen|omstreeks)\s+)?een\s+uur(?:tje)?\s+of\s+{_NL_H}", _NL_HOURS, "hour"),
    (rf"{_AT}\s+{_NL_M}\s+{_NL_DIR}{_EEN}", _EEN_HOURS, "nl minutes"),
    (rf"(?P<m>kwart)\s+{_NL_DIR}{_EEN}", _EEN_HOURS, "nl minutes"),
    (rf"{_NL_M}\s+(?P<dir>over)\s+(?P<half>half\s+)?{_EEN}{_NOT_SPAN}", _EEN_HOURS, "nl minutes"),
    (rf"{_NL_M}\s+{_NL_DIR}{_EEN}(?:{_CLAUSE_END}|{_THEN})", _EEN_HOURS, "nl minutes"),
    (rf"half\s+{_EEN}", _EEN_HOURS, "nl half"),
    (rf"{_AT}\s+{_EEN}\s+uur{_NOT_ONE}", _EEN_HOURS, "hour"),
    (rf"{_EEN}\s+uur\s+['’]?s\s+(?:nachts|middags)", _EEN_HOURS, "hour"),
    (rf"{_AT_BARE_HD}(?:{_HOUR_PLACED})", _NL_HOURS, "hour"),
    (rf"{_COUNTING_VERB}{_AT_BARE_HD}{_HOUR_ENDS}", _NL_HOURS, "hour"),
    (rf"{_EN_AT_BARE}\s+{_EN_HD}{_EN_NOT_RATIO}{_EN_HOUR_ENDS}", _EN_HOURS, "hour"),
    (rf"{_AT}\s+{_NL_H_EN}", _NL_HOURS_EN, "hour"),
    (rf"{_AT}{_ROUGHLY}\s+{_NL_LATE_H}\s+uur{_HOW_LONG}", ("",) * 12 + _NL_LATE, "late"),
    (rf"(?:at|by|around|until|till)\s+{_EN_LATE_H}\s+hundred", ("",) * 12 + _EN_LATE, "late"),
    (rf"{_EN_LATE_H}\s+hundred\s+hours", ("",) * 12 + _EN_LATE, "late"),
    # "half 10": 9:30 in Dutch, 10:30 as the British say it; both readings.
    (rf"half\s+{_DIGIT_H}{_NOT_SPAN}{_COUNTED}", (), "digit half"),  # not "half 10 jaar"
    (r"(?:midnight|middernacht)", (), "midnight"),
    (
        r"(?:(?:twelve\s+)?noon|midday|(?:het\s+)?middaguur)(?!\s+(?:street|st|road|lane))",
        (),
        "noon",
    ),
)
# Times of the 24-hour clock a word names: midnight, noon.
_FIXED = {"midnight": 0, "noon": _HALF_DAY}
_COMPILED = tuple(
    (re.compile(rf"(?<!\w){pattern}(?!\w)"), hours, kind) for pattern, hours, kind in _FORMS
)
# A part of the day in or right after a phrase: morning (am), afternoon (pm),
# evening (pm, but twelve is midnight), night (either: "half past six at night").
_PART = re.compile(
    r",?\s*(?:(?P<am>a\.?m\b|in\s+the\s+morning|['’]?s[\s\-]*(?:ochtends|morgens)"
    rf"|{_IN_DE}(?:ochtend|morgen){_PART_END})"
    r"|(?P<pm>p\.?m\b|in\s+the\s+afternoon|['’]?s[\s\-]*middags"
    rf"|{_IN_DE}middag{_PART_END})"
    rf"|(?P<evening>in\s+the\s+evening|['’]?s[\s\-]*avonds|{_IN_DE}avond{_PART_END})"
    rf"|(?P<night>at\s+night|['’]?s[\s\-]*nachts|{_IN_DE}nacht{_PART_END}))"
)


def times_text(text: str) -> str:
    """``text`` as worded times are read: ``fold``, with ``één`` marked first."""
    return fold(_ONE_WRITTEN.sub(_ONE, unicodedata.normalize("NFC", strip_format(text))))


def _minutes(match: re.Match[str], hours: tuple[str, ...], kind: str) -> tuple[int, ...]:
    """The times ``match`` may say, in minutes from twelve o'clock (``_FIXED``:
    on the 24-hour clock)."""
    if kind in _FIXED:
        return (_FIXED[kind],)
    h = re.sub(r"[\s\-]+", "-", match["h"])
    at = (int(h) if h.isdigit() else hours.index(h) + 1) * 60
    if kind == "digit half":
        return at - 30, at + 30
    return (_reading(match, at, kind),)


def _reading(match: re.Match[str], at: int, kind: str) -> int:
    """The one time a phrase of ``kind`` says, its hour at ``at`` minutes."""
    if kind == "en minutes":
        m = _EN_MINUTES[match["m"]]
        return at + (m if match["dir"] in ("past", "after") else -m)
    if kind == "en half":
        return at + 30  # "half nine": 9:30
    if kind == "en after":
        return at + _EN_AFTER[re.sub(r"[\s\-]+", "-", match["after"])]
    if kind == "nl half":
        return at - 30  # "half tien": 9:30
    if kind == "nl minutes":
        m = _NL_MINUTES[match["m"]]
        at -= 30 if match["half"] else 0
        return at + (m if match["dir"] == "over" else -m)
    return at


def _part_of_day(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """The part of the day a phrase states: in it (``nine pm``) or right after it
    (``half past nine in the evening``)."""
    after = _PART.match(text, match.end())
    if after is not None:
        return after
    return next(_PART.finditer(match.group()), None)


def _on_clock(minutes: int, part: re.Match[str] | None) -> tuple[int, bool]:
    """Minutes on the 24-hour clock when a part of the day settles it, else on
    the 12-hour one; and which. At night, or in the evening in the hour after
    twelve (``twaalf uur 's avonds`` is midnight), the 12-hour clock: both
    readings."""
    minutes %= _HALF_DAY
    if part is None or part["night"] is not None:
        return minutes, False
    if part["evening"] is not None and minutes < 60:
        return minutes, False
    return minutes + (0 if part["am"] is not None else _HALF_DAY), True


def clock_reading(text: str, match: re.Match[str], minutes: int) -> tuple[int, bool]:
    """``minutes`` of an hour from one to twelve that ``match`` in ``text`` says,
    read as ``worded_times`` reads them: on the 24-hour clock when a part of the
    day is said in or right after it, else on the 12-hour one; and which."""
    return _on_clock(minutes, _part_of_day(text, match))


def worded_times(text: str) -> Iterator[tuple[str, int, bool, tuple[int, int]]]:
    """The times of day written in words in ``times_text`` text, each with its
    minutes, whether on the 24-hour clock (else the 12-hour one), and where it is
    in ``fold`` text (``één`` unmarked); a phrase inside a longer one (``half
    tien`` in ``vijf over half tien``) is not found again."""
    found = [
        (match.start(), match.end(), match, kind, _minutes(match, hours, kind))
        for pattern, hours, kind in _COMPILED
        for match in pattern.finditer(text)
    ]
    ones = [at for at, c in enumerate(text) if c == _ONE] if _ONE in text else []
    end = -1
    for start, stop, match, kind, readings in sorted(found, key=lambda f: (f[0], -f[1])):
        if stop <= end:
            continue
        end = max(end, stop)
        # A marked "één" is three letters folded.
        span = (start + 2 * bisect_left(ones, start), stop + 2 * bisect_left(ones, stop))
        for minutes in readings:
            at, whole_day = (
                (minutes, True)
                if kind in _FIXED or kind == "late"
                else clock_reading(text, match, minutes)
            )
            yield match.group().replace(_ONE, "één"), at, whole_day, span


def day_minutes(moment: datetime | time) -> int:
    """A recorded time's minutes on the 24-hour clock."""
    return moment.hour * 60 + moment.minute


def near(minutes: int, whole_day: bool, recorded: Iterable[int]) -> bool:
    """Whether a worded time is within ``SLACK`` of a recorded one (24-hour
    minutes): on the 24-hour clock if it states a part of the day."""
    clock = _DAY if whole_day else _HALF_DAY
    return any(min((minutes - r) % clock, (r - minutes) % clock) <= SLACK for r in recorded)
