"""The normalised forms of a true identity's attributes that blind deconfliction
tokens are made of (app/crypto/blind_tokens.py). Two spellings of one name, phone
number or address give one value; a value too weak to tell people apart gives
none (``None``), so it never makes a token.

The rules (docs/security.md, "Blind deconfliction", says the same in words):

* ``name_dob``: lower case, diacritics dropped (NFKD, combining marks removed),
  letters NFKD keeps whole transliterated (ø o, ł l, æ ae, œ oe, đ and ð d, þ th,
  ß ss, ı i: ``TRANSLITERATION``), every character that is not a letter or digit
  (hyphens, dots, apostrophes, commas) a space, runs of spaces one. "Family,
  Given" (a comma) is read as the family name first; the Dutch particles at the
  end of either part ("Berg, Jan van der", "Berg van der, Jan") go in front of the
  family name, so it gives what "Jan van der Berg" gives. Without a comma the
  words stay in the order written (the family name last). Initials stay single
  letters: "J. van der Berg" matches "J van der Berg", never "Jan van der Berg" (a
  match must point at one person, and an initial would point at every Jan, Johan
  and Joost born that day). Then ``|`` and the birth date as YYYY-MM-DD (written
  so, or day first: 31-12-1980, 31/12/1980, 31.12.1980; ISO-style with slashes or
  dots, 1980/12/31; or with the month's Dutch or English name or abbreviation: 31
  december 1980, 31 dec. 1980, December 31, 1980). No value without a name and a
  real date.
* ``phone``: E.164 digits without the "+". A leading "+" or "00" is the country
  code; a leading single "0" is a Dutch national number (31 in its place); a
  "(0)" after the country code and the trunk 0 of "+31 06..." are dropped.
  Digits with none of these prefixes are a number without its country, taken
  only if they are already "31" and nine more digits. A label before the number
  ("tel. ", "mob: ") and text after it ("06-12345678 (werk)") are ignored, and
  every dash (figure dash, en dash, minus sign, ...) is a hyphen. Fewer than 8 or
  more than 15 digits: none.
* ``address``: a Dutch postcode with the house number and its addition is the
  address ("1234AB|12|A"; no addition: "1234AB|12|"); street and city do not
  count then (they are spelled in many ways, the postcode is not). Without a
  Dutch postcode: street, house number, addition and the rest (city, foreign
  postcode), each normalised like a name: "dorpsstraat|12|A|ede". A postcode
  without a house number, or an address without a number, street or city: none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

# Dutch (and the common Belgian, French and German) family-name particles, as the
# words they are once folded ("'t" is "t", "d'" is "d").
PARTICLES = frozenset(
    {
        "van", "de", "der", "den", "het", "t", "ter", "te", "ten", "in", "op", "aan",
        "bij", "onder", "over", "uit", "voor", "la", "le", "les", "du", "des", "d",
        "l", "von", "vom", "zu", "zum", "zur", "di", "da", "del", "della", "dos",
    }
)  # fmt: skip

MIN_PHONE_DIGITS = 8
MAX_PHONE_DIGITS = 15  # E.164


# Letters that NFKD does not take apart into a base letter and a mark, written as
# the Latin letters they are spelled with where the keyboard lacks them ("Søren
# Østergaard" is "Soren Ostergaard", "Łukasz Wałęsa" is "Lukasz Walesa").
TRANSLITERATION = str.maketrans(
    {
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe",
        "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ß": "ss", "ẞ": "ss", "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t",
        "ŀ": "l", "Ŀ": "l", "ŋ": "n", "Ŋ": "n", "ĸ": "k",
    }
)  # fmt: skip


def _plain(text: str) -> str:
    """Lower case, transliterated, diacritics dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(TRANSLITERATION))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(TRANSLITERATION)


def fold(text: str) -> str:
    """Lower case, no diacritics, only letters and digits between single spaces."""
    return " ".join("".join(c if c.isalnum() else " " for c in _plain(text)).split())


def _trailing_particles(words: list[str]) -> tuple[list[str], list[str]]:
    """``words`` split before the particles they end with (never all of them)."""
    cut = len(words)
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return words[:cut], words[cut:]


def name(full_name: str) -> str:
    """The folded name, given names first ("" if there is none)."""
    if "," in full_name:
        family_text, _, given_text = full_name.partition(",")
        family = fold(family_text).split()
        given = fold(given_text).split()
        if family and given:
            family, moved = _trailing_particles(family)
            given, particles = _trailing_particles(given)
            return " ".join(given + particles + moved + family)
    return fold(full_name.replace(",", " "))


# Every dash a keyboard or a word processor writes, as "-".
DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
)

# Month names and their usual abbreviations, Dutch and English (folded).
MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
    "febr": 2, "maart": 3, "march": 3, "mrt": 3, "mar": 3, "maa": 3, "april": 4,
    "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7,
    "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_ISO_DAY = re.compile(r"\s*([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})\s*")
_DAY_FIRST = re.compile(r"\s*([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\s*")
# On the folded text: "31 december 1980", "31st dec 1980", "31e dec. 1980"
# (folded: no dot), or "december 31 1980" (the comma folded away).
_NAMED_DAY_FIRST = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|e|ste|de)? ([a-z]+) ([0-9]{4})")
_NAMED_MONTH_FIRST = re.compile(r"([a-z]+) ([0-9]{1,2})(?:st|nd|rd|th)? ([0-9]{4})")


def _numbers(text: str) -> tuple[str, str, str] | None:
    """(year, month, day) of a date written in digits, ISO-style or day first."""
    text = text.translate(DASHES)
    if m := _ISO_DAY.fullmatch(text):
        return m.group(1), m.group(3), m.group(4)
    if m := _DAY_FIRST.fullmatch(text):
        day, month, year = m.groups()
        return year, month, day
    folded = fold(text)
    if m := _NAMED_DAY_FIRST.fullmatch(folded):
        day, month_name, year = m.groups()
    elif m := _NAMED_MONTH_FIRST.fullmatch(folded):
        month_name, day, year = m.groups()
    else:
        return None
    month = MONTHS.get(month_name)
    return None if month is None else (year, str(month), day)


def birth_date(text: str) -> str | None:
    """YYYY-MM-DD of a real day written ISO-style (1980-12-31, 1980/12/31), day
    first (31-12-1980, 31/12/1980, 31.12.1980), or with the month's name in Dutch
    or English (31 december 1980, 31 dec. 1980, December 31, 1980), else None."""
    found = _numbers(text)
    if found is None:
        return None
    year, month, day = found
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def name_dob(full_name: str, date_of_birth: str) -> str | None:
    folded, day = name(full_name), birth_date(date_of_birth)
    if not folded or day is None:
        return None
    return f"{folded}|{day}"


_PHONE_PART = re.compile(r"\s*(\+?[0-9 ().\-/]*)")
# A label before the number: "tel. ", "mob: ", "Telefoon: ", "gsm/whatsapp ".
_PHONE_LABEL = re.compile(r"\s*(?:[^\W\d_]+\s*[.:/]*\s*)*")


def phone(text: str) -> str | None:
    """E.164 digits without "+", or None."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES)
    label = _PHONE_LABEL.match(text)
    m = _PHONE_PART.match(text, label.end() if label else 0)
    number = m.group(1).strip() if m else ""
    number = re.sub(r"\(\s*0\s*\)", "", number)  # +31 (0)6 ...: the (0) is never dialled
    digits = re.sub(r"[^0-9]", "", number)
    if number.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    elif digits.startswith("0"):
        international = "31" + digits[1:]
    elif len(digits) == 11 and digits.startswith("31"):
        international = digits
    else:
        return None
    if international.startswith("310"):  # +31 06...: the Dutch trunk 0 again
        international = "31" + international[3:]
    if international.startswith("0"):
        return None
    if not MIN_PHONE_DIGITS <= len(international) <= MAX_PHONE_DIGITS:
        return None
    return international


_POSTCODE = re.compile(r"(?<![0-9a-z])([1-9][0-9]{3}) ?([a-z]{2})(?![0-9a-z])")
# A house number and its addition: letters written onto it (12a, 12bis), anything
# after a hyphen or slash (12-a, 12-2, 12/3), or after a space only one letter, a
# Roman floor number or "hs"/"bis" (so "12 Ede" keeps its city).
_NUMBER = re.compile(
    r"(?<![0-9a-z])([0-9]{1,5})"
    r"(?:([a-z]{1,4})|\s?[-/]\s?([a-z0-9]{1,4})|\s([a-z]|i{1,3}|iv|hs|bis|bg|huis|boven))?"
    r"(?![0-9a-z])"
)


def _folded_address(text: str) -> str:
    # Hyphens and slashes say where an addition starts: kept through the fold.
    plain = _plain(text.translate(DASHES))
    kept = "".join(c if c.isalnum() or c in "-/" else " " for c in plain)
    return " ".join(kept.split())


def _number(match: re.Match[str]) -> tuple[str, str]:
    addition = next((g for g in match.groups()[1:] if g), "")
    return str(int(match.group(1))), addition.upper()


def address(text: str) -> str | None:
    """ "1234AB|12|A" for a Dutch postcode and number, "street|12|A|city" without
    one, or None."""
    folded = _folded_address(text)
    postcode = _POSTCODE.search(folded)
    if postcode is not None:
        code = postcode.group(1) + postcode.group(2).upper()
        after = folded[postcode.end() :]
        before = folded[: postcode.start()]
        found = _NUMBER.match(after.lstrip()) or _last(_NUMBER.finditer(before))
        if found is None:
            return None
        number, addition = _number(found)
        return f"{code}|{number}|{addition}"
    # The first number with a street before it ("2e Hugo de Grootstraat 12": 12).
    found = next((m for m in _NUMBER.finditer(folded) if m.start() > 0), None)
    if found is None:
        return None
    street = " ".join(folded[: found.start()].replace("-", " ").replace("/", " ").split())
    rest = " ".join(folded[found.end() :].replace("-", " ").replace("/", " ").split())
    if not street or not rest or int(found.group(1)) == 0:
        return None
    number, addition = _number(found)
    return f"{street}|{number}|{addition}|{rest}"


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def attributes(
    full_name: str, date_of_birth: str, phones: tuple[str, ...], addresses: tuple[str, ...]
) -> list[tuple[str, str]]:
    """Every (kind, normalised value) of an identity, each once, sorted."""
    out: set[tuple[str, str]] = set()
    if (value := name_dob(full_name, date_of_birth)) is not None:
        out.add(("name_dob", value))
    for text in phones:
        if (value := phone(text)) is not None:
            out.add(("phone", value))
    for text in addresses:
        if (value := address(text)) is not None:
            out.add(("address", value))
    return sorted(out)
