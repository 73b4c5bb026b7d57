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
  in ``s`` (``Hendrikse``: a patronymic's other spelling), starting a sentence too,
  and so from six letters (``Jacobse``).
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

Times of day in figures: ``figure_times``.
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
PATRONYMIC_MIN = 6  # ... a name ending in "s" with "-se" (Jacobs, Jacobse), as a name
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
    seldom a surname; so from six letters (``Jacobse``), though ``Engelse`` is then
    refused for a source named Engels."""
    word = tokens[0] if len(tokens) == 1 else ""
    if not word.isalpha():
        return None
    if DOUBLED_MIN <= len(word) < DOUBLED_ANY_CASE_MIN:
        capital = re.escape(word.capitalize() + word[-1]) + "s?"
        upper = re.escape((word + word[-1]).upper()) + "S?"
    elif (len(word) >= APPENDED_MIN and word[-1] != "e") or (
        len(word) >= PATRONYMIC_MIN and word[-1] == "s"
    ):
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
