"""The shapes the sanitisation guard looks for, as regular expressions over
``matching.fold`` text (or ``matching.shape`` text, where case matters).

A name (codename, cover name, location codeword, identity) is found:

* as words: its parts joined by spaces, hyphens, dots, slashes or underscores, or
  by nothing (``BRUG-7``: ``brug 7``, ``BRUG7``), except between two numbers;
* spelled out: a name of letters only, three letters or more, with a separator
  between every letter (``P E L I K A A N``, ``P.E.L.I.K.A.A.N``, ``P-E-L-...``);
  one of six letters or more also split anywhere (``PELI KAAN``): a split that
  long is a spelling, not two words that happen to meet;
* with a genitive ``s`` glued on (``Pelikaans broer``, ``Annas``), a name of three
  letters or more not ending in ``s`` (so ``ANKER`` also finds ``ankers``);
* with its last letter doubled (``Smitt``, ``DeVriess``), a name of five letters or
  more in any case; one of four only written with a capital (``Smitt``, ``SMITT``):
  in small letters it is a word (``still``, ``small`` for ``Stil``, ``Smal``), at the
  start of a sentence too, which is refused all the same. With any one letter but
  ``e`` appended (``Hendrikx``), a name of seven letters or more: an ``e`` makes a
  Dutch inflection of a name that is a word (``vrolijke`` for ``Vrolijk``), so it
  is found only with a capital mid-sentence or in capitals, or, for a name ending
  in ``s`` (``Hendrikse``: a patronymic's other spelling), starting a sentence too.
  Shorter, a letter more makes too many ordinary words (``Smith`` is not ``Smit``,
  ``jonge`` not ``Jong``);
* glued to digits (``PELIKAAN1``, ``2ELS``): a name is not bounded by a digit, only
  by a letter, so ``ELS`` still does not hit ``else`` (``Kerkstraat12`` is found,
  ``HAVEN-2`` does not hit ``HAVEN-23``);
* written in capitals glued to small letters (``PELIKAANx``, ``xPELIKAAN``,
  ``ROOSteren``): the capitals set the name apart. A word in one case is a word of
  its own: ``roosteren`` and ``ROOSTEREN`` do not hit ``ROOS``;
* a made-up word (a codename, a location codeword: ``inside``) of six letters or
  more, anywhere inside a word (``PELIKAANTEAM``, ``teampelikaan``): that long, it
  is no accident of spelling. Not a person's name: ``Bakker`` must not refuse
  ``bakkerij``. But a name of two parts or more, its parts glued (``devries`` for
  ``De Vries``), six letters or more, is found inside a word as well
  (``xdevries``, ``DeVriesje``): ordinary words do not glue a name's parts.

An id (a source's, a debrief's) is found by any run of ``ID_RUN`` hex digits of it,
with any separators between them or none, in any case (``37d52b44``, ``…b44cd1``,
``37D5-2B44``, ``37d5 2b44``).

A time of day (``time_of_day``): ``23:30``, ``9:05:10``, ``23.30 uur``, ``23.30 h``,
``om 23.30`` (and ``rond``, ``tegen``, ``omstreeks``, ``vanaf``, ``tot``, ``at``,
``around``; not ``vanaf 12.50 euro``), ``om 21 uur``, ``om half 10``, ``een uur of
9``, ``23u30``, ``23h30``, ``11:30 pm``, ``11 p.m.``, ``2330 hours``, ``2330 uur``,
and ISO's ``T23:30``; hours with a part of the day (``12 uur 's middags``,
``'s avonds 9 uur``, ``zaterdagmiddag 12 uur``). Not times: ``12.30`` alone (an
amount), ``1.250,00``, ``2330`` alone, ``2 uur`` (a duration; ``tot 2 uur`` is
refused).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.services.reports.matching import fold

ID_RUN = 8  # hex digits of an id that point to it
SPELLED_MIN = 3  # letters a name needs to be looked for spelled out
SPLIT_MIN = 6  # letters a name needs to be looked for split anywhere
GENITIVE_MIN = 3  # letters a name needs to be looked for with a genitive "s" glued on
INSIDE_MIN = 6  # letters a made-up word needs to be looked for inside other words
DOUBLED_MIN = 4  # letters a name needs to be looked for with its last letter doubled
DOUBLED_ANY_CASE_MIN = 5  # ... and for that in small letters too ("still" is not "Stil")
APPENDED_MIN = 7  # letters a name needs to be looked for with any one letter appended
_SEP = r"[\s\-_./]"
_GAP = r"[\W_]"  # anything between spelled-out letters: not a letter, not a digit
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_ALNUM_BEFORE = r"(?<![^\W_])"
_NOT_ALNUM_AFTER = r"(?![^\W_])"
# Not where a sentence begins (a text's start, after ". ", "? " or a new line):
# a capital there says nothing, a capital anywhere else marks a name.
_MID_SENTENCE = r"(?<!^)(?<![.!?]\s)(?<![.!?][\s\"'(]{2})(?<!\n)"
# Hex digits with any separators names take between them (``37d5 2b44``, ``37D5_2B44``).
_HEX_RUN = re.compile(rf"[0-9a-f]+(?:{_SEP}+[0-9a-f]+)*")

_H24 = r"(?:[01]?\d|2[0-3])"
_H12 = r"(?:0?[1-9]|1[0-2])"
_MM = r"[0-5]\d"
_CLOCK_WORD = r"(?:uur|u|h|hrs?|hours?)(?!\w)"
_AM_PM = r"(?:a\.?m|p\.?m)(?:\.|(?!\w))"
_TIME = re.compile(
    r"(?:(?<=\dt)|(?<![\w:.,]))(?:"
    rf"{_H24}:{_MM}(?::{_MM})?(?![\d:])"  # 23:30, 9:05:10
    rf"|{_H24}\.{_MM}\s*{_CLOCK_WORD}"  # 23.30 uur, 23.30 h
    rf"|{_H24}[uh]{_MM}(?!\w)"  # 23u30, 9h05
    rf"|{_H12}(?:[:.]{_MM})?\s*{_AM_PM}"  # 11:30 pm, 11 p.m.
    rf"|{_H24}{_MM}\s*{_CLOCK_WORD}"  # 2330 hours
    r")"
)
# After a word that places a time: "om 23.30", "rond 21 uur", "at 9.30", "om
# half 10", and "een uur of 9" (about nine), also at a sentence's or clause's end
# ("om 21.30."). Not an amount, a size or a rate ("vanaf 12.50 euro", "tegen 7.50
# per stuk", "around 1.50 m", "at 2.50 each"), nor hours as a span ("rond 20 uur
# per week", "tot 10 uur taakstraf"), nor a span after a verb of lasting
# ("duurde rond 2 uur", "een uur of 2 gewacht": ``_LASTED``).
_END = r"(?!\d|[.,]\d|,-)"
_UNIT = (
    r"(?:euro|eur|€|\$|usd|dollars?|pounds?|£|procent|percent|%|per|each|a\s+(?:gram|piece|pill)"
    r"|kg|kilos?|g|grams?|gram|km|m|meters?|metres?|cm|mm|liters?|l)(?!\w)"
)
_SPAN_AFTER = (
    r"(?:per|lang|gewerkt|werk|taakstraf|later|eerder|geleden|extra|gewacht|gereden"
    r"|gelopen|rijden|lopen|wachten|werken)(?!\w)"
)
_AT_FIGURES = re.compile(
    r"(?<!\w)(?:(?:om|rond|tegen|omstreeks|vanaf|tot|at|around)\s+"
    rf"(?P<t>{_H24}\.{_MM}{_END}(?!\s*{_UNIT})"
    rf"|{_H24}\s*uur(?!\w)(?!\s+{_SPAN_AFTER})|half\s+{_H12}(?![\w:]){_END})"
    rf"|(?P<about>een\s+uur(?:tje)?\s+of\s+{_H24}(?![\w:]){_END}(?!\s+{_SPAN_AFTER})))"
)
# Hours with a part of the day said before or after them are a time, whatever
# word comes first: "12 uur 's middags", "'s avonds 9 uur", "zaterdagmiddag om 12
# uur", "morgen 9 uur"; not a span ("'s avonds 3 uur gewerkt").
_PART_WORDS = r"(?:ochtend|morgen|middag|avond|nacht)"
_WITH_PART = re.compile(
    rf"(?<![\w:.,]){_H24}\s*uur\s+['’]?s\s+{_PART_WORDS}s(?!\w)"
    rf"|{_PART_WORDS}s?\s+(?:om\s+)?{_H24}\s*uur(?!\w)(?!\s+{_SPAN_AFTER})"
)
_LASTED = re.compile(
    r"(?:duurde|duurt|duren|duurden|wachtte|wachtten|wacht|reed|reden|liep|liepen"
    r"|zat|zaten|werkte|werkten|lasted|took|waited|drove|walked|worked)\s*$"
)


def _tokens(needle: str) -> list[str]:
    return [t for t in re.split(rf"{_SEP}+", fold(needle).strip()) if t]


def _joined(tokens: list[str]) -> str:
    """The tokens as one expression: separators interchangeable and optional,
    except between two numbers ("HAVEN2" is "HAVEN-2", "511990" is not "5-1-1990")."""
    body = re.escape(tokens[0])
    for before, token in itertools.pairwise(tokens):
        both_numbers = before[-1].isdigit() and token[0].isdigit()
        body += (rf"{_SEP}+" if both_numbers else rf"{_SEP}*") + re.escape(token)
    return body


def _bounded(body: str, first: str, last: str) -> str:
    """``body`` as a whole name: not inside a word; a digit bounds it only where the
    name itself ends in a digit."""
    before = _NOT_ALNUM_BEFORE if first.isdigit() else _NOT_LETTER_BEFORE
    after = _NOT_ALNUM_AFTER if last.isdigit() else _NOT_LETTER_AFTER
    return before + body + after


def _spelled(letters: str) -> str | None:
    """A name of letters spelled out: a separator between every letter; and, when
    long, split anywhere."""
    if len(letters) < SPELLED_MIN or not letters.isalpha():
        return None
    every = f"{_GAP}{{1,3}}".join(re.escape(c) for c in letters)
    if len(letters) < SPLIT_MIN:
        return every
    return f"{_GAP}{{0,3}}".join(re.escape(c) for c in letters)


def _ending(letters: str) -> str:
    """What a name may have glued on at its end, in any case: its last letter
    again, any one letter but ``e`` when long, a genitive ``s``."""
    last = letters[-1]
    if not last.isalpha():
        return ""
    if len(letters) >= APPENDED_MIN:
        return rf"(?:[^\W\d_e]|{re.escape(last)})?s?"
    doubled = re.escape(last) + "?" if len(letters) >= DOUBLED_ANY_CASE_MIN else ""
    genitive = "s?" if last != "s" and len(letters) >= GENITIVE_MIN else ""
    return doubled + genitive


def _inside(letters: str, parts: int, made_up: bool) -> str:
    """The name found inside other words too: a long made-up word, or a long run
    of a name's parts glued (``""``: only as a whole word)."""
    if (made_up or parts > 1) and letters.isalpha() and len(letters) >= INSIDE_MIN:
        return "|" + re.escape(letters)
    return ""


def capitals_pattern(parts: list[str]) -> str | None:
    """A name in capitals glued to small letters (``xDEVRIES``, ``PELIKAANx``),
    over ``shape`` text; None for a name that does not start and end in a letter."""
    tokens = [t for p in parts for t in _tokens(p)]
    if not tokens or not (tokens[0][0].isalpha() and tokens[-1][-1].isalpha()):
        return None
    body = _joined([t.upper() for t in tokens])
    return rf"(?<=[a-z]){body}|{body}(?=[a-z])"


def glued_pattern(parts: list[str]) -> str:
    """A run of a name's parts with its separators left out (``SMITDEVRIES``) or
    spelled out (``S M I T D E V R I E S``); with them, its parts are found alone."""
    letters = fold("".join(parts))
    forms = [re.escape(letters)]
    if len(letters) >= SPELLED_MIN and letters.isalpha():
        forms.append(f"{_GAP}{{1,3}}".join(re.escape(c) for c in letters))
    body = "(?:" + "|".join(forms) + ")" + _ending(letters)
    return _bounded(body, letters[0], letters[-1]) + _inside(letters, len(parts), False)


def _as_name(tokens: list[str]) -> str | None:
    """A one-word name with a letter more, over ``shape`` text, only as a name is
    written: of four letters, its last letter doubled, with a capital (``Smitt``,
    ``SMITT``, ``Smitts auto``); of seven or more, an ``e`` appended, with a
    capital mid-sentence or in capitals (``met Hendrikse``, ``HENDRIKSE``: Dutch
    inflects a name that is a word so, ``vrolijke``, ``Vrolijke`` starting a
    sentence). A name ending in ``s`` also starting a sentence (``Hendrikse
    kwam``): ``-se`` is the other spelling of a patronymic (Hendriks, Hendrikse;
    Pieters, Pieterse), and the adjectives inflected so name places (``Hollandse``),
    seldom a surname."""
    word = tokens[0] if len(tokens) == 1 else ""
    if not word.isalpha():
        return None
    if DOUBLED_MIN <= len(word) < DOUBLED_ANY_CASE_MIN:
        capital = re.escape(word.capitalize() + word[-1]) + "s?"
        upper = re.escape((word + word[-1]).upper()) + "S?"
    elif len(word) >= APPENDED_MIN and word[-1] != "e":
        where = "" if word[-1] == "s" else _MID_SENTENCE
        capital = where + re.escape(word.capitalize() + "e") + "s?"
        upper = re.escape(word.upper() + "E") + "S?"
    else:
        return None
    return rf"{_NOT_LETTER_BEFORE}(?:{capital}|{upper}){_NOT_LETTER_AFTER}"


@dataclass(frozen=True)
class NamePatterns:
    folded: re.Pattern[str]  # over ``fold`` text
    capitals: re.Pattern[str] | None  # over ``shape`` text: capitals glued to small letters


def name_patterns(needle: str, min_length: int, *, inside: bool = False) -> NamePatterns | None:
    """How the guard finds the name ``needle`` (see the module's docstring);
    ``inside``: a made-up word, also found inside other words when long."""
    tokens = _tokens(needle)
    if not tokens or sum(len(t) for t in tokens) < min_length:
        return None
    first, last = tokens[0][0], tokens[-1][-1]
    forms = [_joined(tokens)]
    spelled = _spelled("".join(tokens))
    if spelled is not None:
        forms.append(spelled)
    letters = "".join(tokens)
    body = "(?:" + "|".join(forms) + ")" + _ending(letters)
    folded = re.compile(_bounded(body, first, last) + _inside(letters, len(tokens), inside))
    capitals = "|".join(filter(None, (capitals_pattern(tokens), _as_name(tokens))))
    return NamePatterns(folded, re.compile(capitals) if capitals else None)


class IdRuns:
    """Ids (UUIDs) found by any run of ``ID_RUN`` of their hex digits."""

    def __init__(self) -> None:
        self._windows: dict[str, int] = {}
        self.count = 0

    def add(self, hex_digits: str) -> int:
        """Register an id's 32 hex digits; returns its index."""
        index = self.count
        self.count += 1
        for i in range(len(hex_digits) - ID_RUN + 1):
            self._windows.setdefault(hex_digits[i : i + ID_RUN], index)
        return index

    def found(self, folded: str) -> Iterator[int]:
        """The indices of the ids ``folded`` holds a run of, each once."""
        seen: set[int] = set()
        for match in _HEX_RUN.finditer(folded):
            run = re.sub(_SEP, "", match.group())
            for i in range(len(run) - ID_RUN + 1):
                index = self._windows.get(run[i : i + ID_RUN])
                if index is not None and index not in seen:
                    seen.add(index)
                    yield index


def times_of_day(folded: str) -> Iterator[str]:
    """The times of day written in ``folded`` text, each once."""
    starts: set[int] = set()
    spans: list[tuple[int, int]] = []
    for match in _TIME.finditer(folded):
        starts.add(match.start())
        spans.append(match.span())
        yield match.group().strip()
    for match in _AT_FIGURES.finditer(folded):
        if _LASTED.search(folded, max(0, match.start() - 20), match.start()):
            continue  # "het duurde rond 2 uur": how long, not when
        spans.append(match.span())
        if match["t"] is None:
            yield match["about"]
        elif match.start("t") not in starts:  # "om 23.30 uur" is one time
            yield match["t"]
    for match in _WITH_PART.finditer(folded):
        if not any(match.start() < end and start < match.end() for start, end in spans):
            yield match.group()  # not "om 12 uur" again in "om 12 uur 's middags"
