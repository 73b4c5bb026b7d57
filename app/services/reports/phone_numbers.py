"""Phone numbers for the sanitisation guard: the source's own, found by their
digits however they are spaced and in whichever country's spelling, and anyone's,
found by their shape.

The source's own number is compared by its significant digits (``significant``):
without the international prefix (``+``, ``00``), the country code and the trunk
``0`` (also written ``(0)``). Every spelling of one number holds them in order:
``06 12345678``, ``+31 6 12345678``, ``0031 (0)6 12345678``; and a Belgian number
on record as ``+32 470 12 34 56`` is ``0470 12 34 56`` at home. Country codes are
a prefix code (ITU-T E.164), so where one ends is known from its first digits
(``COUNTRY_CODES_ONE``, ``COUNTRY_CODES_TWO``, else three digits); a number on
record without ``+`` or ``00`` is read as national, except ``31`` and eleven
digits or more (Dutch, the prefix left out), as before.

Between the digits of the source's own number, any run of up to
``OWN_SEPARATORS`` characters that are neither letters nor digits (``06 -  12 34
56 78``, ``06 / / 12345678``, ``06-12-2024, 56``): a disguise that keeps the
digits in order is still the number. A letter ends the run, so numbers in
ordinary text, words apart, are never joined. A Dutch mobile number is also
found by its eight subscriber digits as a run of their own (``bel nul zes
12345678``, ``mobiel: 12345678``): the 06 said in words or left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from app.services.reports.matching import Identifier, plain

# E.164 country codes of one and two digits; every other code has three.
COUNTRY_CODES_ONE = frozenset({"1", "7"})
COUNTRY_CODES_TWO = frozenset(
    {
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44",
        "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58",
        "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91",
        "92", "93", "94", "95", "98",
    }
)  # fmt: skip
MIN_SIGNIFICANT = 6  # digits a number on record needs to be looked for
DUTCH_MOBILE_DIGITS = 9  # significant digits of a Dutch mobile number: 6 and eight
OWN_SEPARATORS = 8  # non-alphanumeric characters between two digits of the own number
_OWN_RUN = re.compile(rf"\d(?:[\W_]{{0,{OWN_SEPARATORS}}}\d){{5,}}")
_INTERNATIONAL = re.compile(r"^[^\w+]*\+")

# Anyone's number, narrowly: a wide gap joins date ranges and lists of case
# numbers ("01-02-2024 – 05-02-2024", "0123 / 4567") into phone-like runs. Between
# two digits: up to two spaces, dots, slashes or brackets, or one dash of any kind
# with a space either side ("06 - 1234 5678", "06–12345678"); " / " only after a
# leading 0 and its area or mobile prefix ("06 / 1234 5678"), and with nine digits.
_GAP = r"(?:[ ./()]{0,2}|[ ()]?[\-\u2010-\u2015\u2212]{1,2}[ ()]?)"
# A spaced or long dash between two parts that each hold digits with a separator
# inside is a range of dates, times or weeks, not one number ("08.00 - 12.00",
# "01-02-24 – 05-02-24"); a spaced dash or slash in fewer digits than a Dutch
# number's ten is a case number ("0123 - 45678"), not a phone number.
_RANGE = re.compile(
    r"\d[\-./]\d[\d\-./]*(?: [\-\u2010-\u2015\u2212]{1,2} |\s?[\u2013\u2014]\s?)"
    r"\d[\d\-./]*[\-./]\d"
)
_SPACED = re.compile(r" [\-\u2010-\u2015\u2212/]{1,2} |[\u2013\u2014]")
NATIONAL_DIGITS = 10
_PHONE_LIKE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00|0)\d(?:{_GAP}\d){{7,13}}"
    rf"|(?P<slash>0\d{{1,3}}[ ]?/[ ]?\d(?:{_GAP}\d){{4,12}}))(?!\w)"
)
SLASHED_MIN = 9  # digits of a number with " / " after its prefix
# Dates (dd-mm-yyyy, yyyy-mm-dd), blanked out before numbers are looked for: a
# range "01-02-2024-05-02-2024" is no number, a number after a date still is.
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}([\-./])\d{1,2}\1(?:19|20)\d\d"
    r"|(?:19|20)\d\d([\-./])\d{1,2}\2\d{1,2})(?!\d)"
)


def blank_dates(text: str) -> str:
    """``text`` with its dates blanked out ("#"), each character for one."""
    return _DATE.sub(lambda m: "#" * len(m.group()), text)


def digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def country_code(international: str) -> str:
    """The country code at the start of a number's digits after ``+`` or ``00``."""
    for length, codes in ((1, COUNTRY_CODES_ONE), (2, COUNTRY_CODES_TWO)):
        if international[:length] in codes:
            return international[:length]
    return international[:3]


def significant(number: str) -> str:
    """The digits of a number on record that every spelling of it holds: no
    international prefix, country code or trunk 0."""
    number = plain(number)  # "０６－１２３４５６７８", superscripts: as the text is read
    digits = digits_of(number)
    if _INTERNATIONAL.match(number) or digits.startswith("00"):
        international = digits[2:] if digits.startswith("00") else digits
        digits = international[len(country_code(international)) :]
    elif digits.startswith("31") and len(digits) >= 11:
        digits = digits[2:]  # Dutch, written without "+" or "00"
    return digits.lstrip("0")


def _dutch_mobile(number: str, digits: str) -> bool:
    """Whether a number on record is a Dutch mobile one (06, +31 6): its
    significant digits a 6 and eight more."""
    if len(digits) != DUTCH_MOBILE_DIGITS or not digits.startswith("6"):
        return False
    number = plain(number)
    whole = digits_of(number)
    if _INTERNATIONAL.match(number) or whole.startswith("00"):
        international = whole[2:] if whole.startswith("00") else whole
        return country_code(international) == "31"
    return True


class PhoneNumbers:
    """The source's numbers on record, and how the guard finds them and anyone's."""

    def __init__(self) -> None:
        # Each number: its significant digits, and (a Dutch mobile number) its
        # subscriber digits, found only as a run of their own.
        self._own: list[tuple[Identifier, str, str]] = []

    def add(self, ident: Identifier) -> None:
        digits = significant(ident.text)
        if len(digits) >= MIN_SIGNIFICANT:
            # The 06 said in words or left out: "bel nul zes 12345678", "mobiel:
            # 12345678". Not inside a longer run: a case number may hold them.
            alone = digits[1:] if _dutch_mobile(ident.text, digits) else ""
            self._own.append((ident, digits, alone))

    def found(self, text: str) -> Iterator[tuple[str, str]]:
        """(kind, found) for each number in ``plain`` text: the source's own by
        its significant digits in a run of digits, anyone's by its shape (not
        again where it is the source's)."""
        own: list[tuple[int, int]] = []
        for match in _OWN_RUN.finditer(text):
            run = digits_of(match.group())
            for ident, digits, alone in self._own:
                if digits in run or run == alone:
                    own.append(match.span())
                    yield "phone number", ident.text
        for found in phone_like(text):
            if not _overlaps(found.span(), own):
                yield "phone-number-like text", found.group()


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a phone-like match shares digits with a run that held the source's
    number (it may begin before it, with "+"): then it is that number."""
    return any(span[0] < end and start < span[1] for start, end in spans)


def phone_like(text: str) -> Iterator[re.Match[str]]:
    """Text shaped like anyone's phone number; not a date range, a range of
    times or a case number."""
    undated = blank_dates(text)
    for match in _PHONE_LIKE.finditer(undated):
        if match["slash"] and len(digits_of(match.group())) < SLASHED_MIN:
            continue
        if _RANGE.search(match.group()):
            continue  # "08.00 - 12.00", "01-02-24 – 05-02-24": a range, not a number
        spaced = _SPACED.search(match.group())
        if spaced and len(digits_of(match.group())) < NATIONAL_DIGITS:
            continue  # "0123 - 45678": a case number
        yield match
