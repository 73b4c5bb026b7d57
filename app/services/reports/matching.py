"""How the sanitisation guard reads text: what two spellings of one name have in
common, so that a name cannot be hidden from the guard yet print as itself.

``fold`` is the form every identifier and every text is compared in:

* format characters (Unicode category Cf: zero-width spaces and joiners, the soft
  hyphen, the word joiner, bidi marks, the BOM) are dropped: they print as nothing
  (or, a soft hyphen, as nothing inside a line), so ``KW\\u200bARTS`` prints
  ``KWARTS``;
* compatibility forms are unified (NFKD: full-width ``ＫＷＡＲＴＳ``, ligatures,
  mathematical letters), and every combining mark is dropped, with the variation
  selectors (so ``Joëlle`` is ``joelle``);
* letters of other scripts that look like Latin ones are read as those
  (``CONFUSABLES``: Cyrillic ``К`` is ``K``, Greek ``Ο`` is ``O``);
* case is folded;
* the digits of every script are read as ASCII digits (``٢١:٣٠`` is ``21:30``).

``plain`` is the text for the digit patterns (phone numbers, postcodes, e-mail
addresses): format characters dropped, NFKC (full-width and superscript digits
are digits) and the digits of every script as ASCII ones.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DROPPED = frozenset({"Cf", "Mn", "Me"})

# Cyrillic and Greek letters (capital and small) that print like a Latin letter,
# and a few Latin look-alikes NFKD leaves alone. After the marks are dropped, so
# accented forms (Greek ά, Cyrillic ё) are covered by their base letter.
_LOOK_ALIKES = {
    # Cyrillic capitals
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K",
    "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I", "Ԁ": "D", "Ꙇ": "I",
    # Cyrillic small letters
    "а": "a", "в": "b", "с": "c", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k",
    "м": "m", "н": "h", "о": "o", "р": "p", "ѕ": "s", "т": "t", "х": "x", "у": "y",
    "ү": "y", "ԛ": "q", "ԝ": "w", "ԁ": "d", "ӏ": "l", "г": "r", "п": "n", "ь": "b",
    "ɡ": "g", "ո": "n", "ս": "u",
    # Greek capitals
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J",
    # Greek small letters
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "η": "n", "μ": "u", "ϲ": "c", "ϳ": "j",
    # Latin look-alikes
    "ı": "i", "ȷ": "j", "ĸ": "k",
}  # fmt: skip
CONFUSABLES = str.maketrans(_LOOK_ALIKES)


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of another script (Arabic-Indic ``٠٦``,
    Devanagari ``०६``...) as the ASCII digit it is: the number reads the same."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def strip_format(text: str) -> str:
    """``text`` without its format characters (Cf): what prints the same."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def shape(text: str) -> str:
    """``fold`` without folding case: for the guard's rules that read capitals."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in _DROPPED)
    return ascii_digits(kept.translate(CONFUSABLES))


def fold(text: str) -> str:
    """The form the guard compares in: no format characters, no marks, Latin
    look-alikes read as Latin, case folded."""
    return shape(text).casefold()


def plain(text: str) -> str:
    """``text`` for the digit patterns: no format characters, compatibility forms
    unified (full-width digits are digits)."""
    return ascii_digits(unicodedata.normalize("NFKC", strip_format(text)))


@dataclass(frozen=True)
class Identifier:
    # codename | former codename | cover name | location codeword | identity | phone
    # | source id | debrief id | meeting time ("HH:MM")
    kind: str
    text: str
    # A regular expression over folded text, for forms a word match cannot see
    # (dates written out); empty: match ``text`` as words.
    pattern: str = ""
    # With ``pattern``: one over ``shape`` text, for capitals glued to small letters.
    capitals: str = ""
