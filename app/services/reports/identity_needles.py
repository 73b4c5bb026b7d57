"""A source's true-identity strings (``identity.identity_strings``) as identifiers
for the sanitisation guard, in the spellings running text uses:

* a name whole, and each of its parts: split on spaces, hyphens and apostrophes
  (``Anna Smit-de Vries``: ``Anna``, ``Smit``, ``Vries``; ``O'Neill``: ``Neill``),
  two-letter parts too (``Li Wu``), always as whole words; name particles
  (van, de, der...) on their own are left out, but found as a surname after a
  title (``mevrouw Le``, ``de heer Van``: ``titled_particles``); and every run
  of parts but one of particles only, so that ``SMITDEVRIES``, ``DeVries`` and
  ``xDEVRIES`` are found (``guard_shapes``) and ``Vanderbilt`` is not;
* a date of birth in ISO, the usual Dutch spellings with a four- or two-digit year
  (``29-02-1984``, ``29/2/84``), American month first (``02/29/1984``), and
  written out with a Dutch or English month name (``29 februari 1984``,
  ``Feb. 29, '84``);
* an address whole, its street name (also abbreviated, ``Kerkstr.``) and postcode;
* phone numbers, by their significant digits (``phone_numbers``), each number on
  a line that holds a word or another number too (``phone_runs``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import accumulate

from app.services.reports.guard_shapes import capitals_pattern, glued_pattern
from app.services.reports.matching import Identifier, fold
from app.services.reports.phone_numbers import blank_dates, digits_of

# Name particles that are identity "parts" but ordinary words in running text.
PARTICLES = frozenset(
    {
        "van", "der", "den", "de", "het", "ter", "ten", "von", "vom", "les", "del",
        "della", "dos", "das", "bin", "ibn", "al", "el", "la", "le", "op", "in", "aan",
        "uit", "bij", "tot",
    }
)  # fmt: skip
# Particles that are no Dutch or English word: after a title, in any case a name.
FOREIGN_PARTICLES = frozenset(
    {"les", "le", "la", "del", "della", "dos", "das", "von", "vom", "ibn", "bin", "el"}
)
MIN_PART = 2  # two-letter name parts (Li, Wu) count, as whole words
# Titles a surname follows (Dutch, English, French, German). A dot only after an
# abbreviation: "een oude mevrouw. De buurman" ends a sentence, "mevr. De" does not.
_TITLE_WORDS = (
    "mevrouw", "meneer", "mijnheer", "juffrouw", "juf", "de heer", "zuster", "broeder",
    "miss", "mister", "madam", "madame", "sir", "frau", "herr",
)  # fmt: skip
_TITLE_SHORT = ("mevr", "mw", "mnr", "dhr", "mr", "mrs", "ms", "dr", "drs", "ir", "mme", "mlle")


def _title(words: Iterable[str], short: Iterable[str]) -> str:
    spoken = "|".join(w.replace(" ", r"\s+") for w in words)
    return rf"(?<!\w)(?:(?:{spoken})\s+|(?:{'|'.join(short)})(?:\.\s*|\s+))"


_TITLE = _title(_TITLE_WORDS, _TITLE_SHORT)
_TITLE_CAPS = _title((w.upper() for w in _TITLE_WORDS), (w.upper() for w in _TITLE_SHORT))
# What follows a particle that is the start of another surname, not one of its own:
# particles and then a capitalised word (``Van der Berg``, ``Van 't Hek``, ``De la
# Cruz``), or a hyphen and a letter (``Le-Grand``). Not ``in``: ``mevrouw Van in
# de tuin`` is Van, in the garden.
_MORE_PARTICLES = r"(?:\s+(?i:der|den|de|het|['’]t|la|le|les|van|von|ter|ten|del|della|da|du|des))*"
_ANOTHER_NAME = rf"(?!{_MORE_PARTICLES}\s+[A-Z][a-z])(?![\-\u2010\u2011][^\W\d_])"
_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011'\u2018\u2019`´]+")
_STREET = re.compile(r"^([^\d,]*[^\d\s,])\s+\d")  # "Kerkstraat 12, Utrecht" -> Kerkstraat
_POSTCODE_ANY_CASE = re.compile(r"(?<!\w)([1-9]\d{3}) ?([A-Za-z]{2})(?!\w)")
# Street-name endings and how they are abbreviated in addresses.
STREET_ABBREVIATIONS = (
    ("straat", "str"),
    ("weg", "wg"),
    ("laan", "ln"),
    ("plein", "pln"),
)
# Month names (Dutch first, then English) and abbreviations, already folded.
MONTHS: tuple[tuple[str, ...], ...] = (
    ("januari", "january", "jan"),
    ("februari", "february", "feb", "febr"),
    ("maart", "march", "mrt", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("augustus", "august", "aug"),
    ("september", "sept", "sep"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def date_variants(born: date) -> list[str]:
    """A stored ISO date of birth also as it is usually written in Dutch text, with
    the year in four digits or two (``17-12-1968``, ``17-12-68``, ``17/12/68``), and
    month first as in American text (``12/17/1968``). Separators are
    interchangeable when matched (``17.12.68``). An American spelling can read as
    another day in Dutch order (``01/05/1990`` is also 1 May): refused all the same."""
    d, m = born.day, born.month
    out = [born.isoformat()]
    for y in (str(born.year), f"{born.year % 100:02d}"):
        out += [f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}"]
        out += [f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}"]
    return out


def _written_date(born: date) -> Identifier:
    """The date of birth written with a month name, day first (Dutch, British) or
    month first (American), the year in four digits or two: ``29 februari 1984``,
    ``29th Feb. 1984``, ``February 29, 1984``, ``29 feb '84``."""
    day = rf"0?{born.day}(?:st|nd|rd|th|e|ste)?"
    month = "(?:" + "|".join(MONTHS[born.month - 1]) + r")\.?"
    year = rf"(?:{born.year}|['’]?{born.year % 100:02d})"
    gap = r"[\s,.\-/]*"
    pattern = rf"(?<!\w)(?:{day}{gap}{month}{gap}{year}|{month}{gap}{day}{gap}{year})(?!\w)"
    return Identifier("identity", f"{born.day} {MONTHS[born.month - 1][0]} {born.year}", pattern)


def _address_identifiers(address: str) -> list[Identifier]:
    """An address, its street name (also abbreviated) and its postcode."""
    out = [Identifier("identity", address)]
    street = _STREET.match(address)
    if street is not None and len(street.group(1)) >= 5:
        name = street.group(1)
        out.append(Identifier("identity", name))
        for ending, short in STREET_ABBREVIATIONS:
            if name.casefold().endswith(ending):
                out.append(Identifier("identity", f"{name[: -len(ending)]}{short}."))
    for digits, letters in _POSTCODE_ANY_CASE.findall(address):
        out.append(Identifier("identity", f"{digits} {letters.upper()}"))
    return out


def name_parts(name: str) -> list[str]:
    """The parts of a name a text may use alone: split on spaces, hyphens and
    apostrophes; two letters or more; no particles."""
    parts = [p for p in _NAME_PARTS.split(name.strip()) if p]
    return [p for p in parts if len(p) >= MIN_PART and fold(p) not in PARTICLES]


def name_runs(name: str) -> list[Identifier]:
    """Every run of two or more consecutive parts of a name, particles included
    (``Smit de Vries``, ``de Vries``), found glued (``SMITDEVRIES``, ``DeVries``) or
    spelled out: glued, no single part is a whole word. Written with separators, the
    parts themselves are found. A run of particles only (``van den``) is left out:
    glued, it is inside ordinary words (``Vandenbroucke``, ``uitdenken``)."""
    parts = [p for p in _NAME_PARTS.split(name.strip()) if p]
    runs = [parts[i:j] for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)]
    return [
        Identifier("identity", " ".join(run), glued_pattern(run), capitals_pattern(run) or "")
        for run in runs
        if not all(fold(p) in PARTICLES for p in run)
    ]


def titled_particles(name: str) -> list[Identifier]:
    """Each particle of a name (``Le`` of ``Thi Le``, ``Van`` of ``Chen Van``) as a
    surname after a title: ``mevrouw Le``, ``de heer Van``, ``Mrs. LE``. Alone it is
    an ordinary word and left out; after a title and written with a capital, and
    not starting another name (``_ANOTHER_NAME``: ``de heer Van Dijk``, ``Van der
    Berg``, ``mevrouw Le-Grand``; after a title not in capitals, ``de heer VAN
    DAM``), it is a surname, and which part of a name is the surname the guard
    cannot tell (``Le Thi Hoa`` puts it first). In small letters
    only where it ends a clause (``mevrouw le.``), or where it is no Dutch or
    English word (``FOREIGN_PARTICLES``: ``mevrouw le zei``, not ``meneer de
    agent``)."""
    out: list[Identifier] = []
    for part in dict.fromkeys(fold(p) for p in _NAME_PARTS.split(name.strip()) if p):
        if part not in PARTICLES:
            continue
        word = re.escape(part)
        folded = (
            rf"{_TITLE}{word}(?![^\W\d_])(?=\s*(?:[^\w\s]|$))"
            r"(?!\s*['’]t(?!\w))(?![\-\u2010\u2011]\w)"  # "Van 't Hek", "Le-Grand"
        )
        written = f"(?:{re.escape(part.capitalize())}|{re.escape(part.upper())})"
        if part in FOREIGN_PARTICLES:
            written = f"(?i:{word})"
        named = rf"{written}(?![^\W\d_]){_ANOTHER_NAME}"
        # A word in capitals after it starts another name (``de heer VAN DAM``),
        # unless the title is in capitals too (``MEVROUW LE ZEI``).
        capitals = rf"{_TITLE_CAPS}{named}|(?i:{_TITLE}){named}(?!\s+[A-Z]{{2,}}(?![^\W\d_]))"
        out.append(Identifier("identity", part.capitalize(), folded, capitals))
    return out


# The numbers on a line that holds a word or two numbers ("06-12345678 (werk)",
# "Tel: 06-12345678", "06-12345678 / 020-1234567"): each run of digits, split at
# a list's separators; eight digits from "+", "(" or "0", else nine, so a house
# number with a postcode ("12 3511") is not taken for one. A date on the line is
# no number ("06-12345678 (sinds 01-02-2020)"); two numbers with only a space or
# " - " between are split where the next starts with "0" or "+" (review 6, PH1).
_PHONE_LIST = re.compile(r"[,;|]|\s/\s")
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d\s\-./()]*\d")
_NEXT_NUMBER = re.compile(r"\s+(?:[\-\u2013]\s+)?(?=\+|\(?0)")
_RUN_DIGITS = 9
_PREFIXED_RUN_DIGITS = 8


def _split_run(run: str) -> Iterator[str]:
    """``run`` split between two numbers of eight digits or more each."""
    # Digits before each position, counted once: linear on a long field.
    counted = list(accumulate((c.isdigit() for c in run), initial=0))
    start = 0
    for gap in _NEXT_NUMBER.finditer(run):
        before = counted[gap.start()] - counted[start]
        if before >= 8 and counted[-1] - counted[gap.end()] >= 8:
            yield run[start : gap.start()]
            start = gap.end()
    yield run[start:]


def phone_runs(line: str) -> list[str]:
    """The phone numbers in a line of text, each as written."""
    runs = [
        part
        for piece in _PHONE_LIST.split(blank_dates(line))
        for m in _DIGIT_RUN.finditer(piece)
        for part in _split_run(m.group())
    ]
    return [
        run
        for run in runs
        if len(digits_of(run)) >= _RUN_DIGITS
        or (len(digits_of(run)) >= _PREFIXED_RUN_DIGITS and run[0] in "+(0")
    ]


def _looks_like_phone(text: str) -> bool:
    digits = digits_of(text)
    return len(digits) >= 6 and not any(c.isalpha() for c in text)


def _looks_like_name(text: str) -> bool:
    return not any(c.isdigit() for c in text) and "," not in text


def identity_identifiers(strings: Iterable[str]) -> list[Identifier]:
    """Turn ``identity.identity_strings`` output into identifiers: dates of birth in
    their usual spellings, phone numbers by digits, addresses also by street name,
    names also by each part; name particles (van, de...) left out."""
    out: list[Identifier] = []
    for raw in strings:
        text = raw.strip()
        born = _iso_date(text)
        if born is not None:
            out += [Identifier("identity", v) for v in date_variants(born)]
            out.append(_written_date(born))
            continue
        # Each number on a line that holds more (a word, another number) on its own.
        out += [Identifier("phone", run) for run in phone_runs(text) if run != text]
        if _looks_like_phone(text):
            out.append(Identifier("phone", text))
        elif text and fold(text) in PARTICLES:
            out += titled_particles(text)  # a surname on record alone ("Le")
        elif text:
            out += _address_identifiers(text)
            if _looks_like_name(text):
                out += [Identifier("identity", part) for part in name_parts(text)]
                out += name_runs(text)
                out += titled_particles(text)
    return out
