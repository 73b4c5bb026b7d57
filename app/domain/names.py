"""The one rule for names: aliases (cover names), source codenames and key names.

A name is what the runner reads on screen to know whom they act as or whom a
record is about, so it must look like exactly one thing. Every way a name gets
in goes through :func:`clean` (typed in the CLI or the GUI) or :func:`is_clean`
(arriving in a package, receipt or key bundle):

- valid text: no lone surrogates (what Python makes of bytes that are not UTF-8
  in a command-line argument);
- NFC-normalised, whitespace trimmed, each run of spaces made one plain space;
- no control characters (C0, C1, DEL: ESC, CR, LF, tab...), no format characters
  (bidi overrides and isolates, zero-width spaces and joiners, the BOM), no line
  or paragraph separators, no private-use or unassigned code points, and no more
  than a few combining marks on one letter: each of these can make a name look
  like another one, hide part of it, or rewrite the terminal around it;
- 1 to ``kind.limit`` characters.

Two names are the same when their :func:`key` is: NFKC with case folding, so
``Valk``, ``VALK``, ``valk`` and a full-width ``Ｖａｌｋ`` are one name. Where a
kind of name is unique (aliases, codenames), it is unique by this key.

Names already in a vault are never rewritten: a vault made before this rule may
hold one it refuses, and shows it as it is. Lookups (``--alias``, ``--source``)
use :func:`lookup_key`, which only refuses what is not text, so such a name can
still be chosen.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from enum import StrEnum

from app.errors import InvalidName

MAX_COMBINING = 4  # marks on one base letter; NFC leaves at most two in real scripts
LOOKUP_LIMIT = 1000  # anything longer is no name in any vault; refused without echo

# Refused wherever they stand: controls, format characters, separators other
# than the space, surrogates, private use, unassigned.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


class NameKind(StrEnum):
    ALIAS = "alias"  # a cover name: one's own, or a colleague's from a package
    CODENAME = "codename"  # a source's codename (and its earlier codenames)
    KEY = "key"  # the name given to a key this vault exchanges packages with
    COMPARTMENT = "compartment"  # made from a codename, or sent in a package

    @property
    def limit(self) -> int:
        return 120 if self is NameKind.COMPARTMENT else 80


def _too_long_or_empty(kind: NameKind) -> InvalidName:
    n = kind.limit
    if kind is NameKind.ALIAS:
        return InvalidName("An alias needs a name of 1 to {n} characters.", n=n)
    if kind is NameKind.CODENAME:
        return InvalidName("A source needs a codename of 1 to {n} characters.", n=n)
    if kind is NameKind.KEY:
        return InvalidName("A key needs a name of 1 to {n} characters.", n=n)
    return InvalidName("A compartment needs a name of 1 to {n} characters.", n=n)


def _not_text(kind: NameKind) -> InvalidName:
    if kind is NameKind.ALIAS:
        return InvalidName("The alias is not valid text (it holds bytes that are not UTF-8).")
    if kind is NameKind.CODENAME:
        return InvalidName("The codename is not valid text (it holds bytes that are not UTF-8).")
    if kind is NameKind.KEY:
        return InvalidName("The key name is not valid text (it holds bytes that are not UTF-8).")
    return InvalidName("The compartment name is not valid text.")


def _unsafe(kind: NameKind, ch: str) -> InvalidName:
    code = f"U+{ord(ch):04X}"
    if kind is NameKind.ALIAS:
        return InvalidName(
            "The alias holds a character that cannot be shown safely ({code}): control, "
            "invisible and direction-changing characters are not allowed in names.",
            code=code,
        )
    if kind is NameKind.CODENAME:
        return InvalidName(
            "The codename holds a character that cannot be shown safely ({code}): control, "
            "invisible and direction-changing characters are not allowed in names.",
            code=code,
        )
    if kind is NameKind.KEY:
        return InvalidName(
            "The key name holds a character that cannot be shown safely ({code}): control, "
            "invisible and direction-changing characters are not allowed in names.",
            code=code,
        )
    return InvalidName(
        "The compartment name holds a character that cannot be shown safely ({code}).",
        code=code,
    )


_BRACKETS = frozenset("()")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fold_spaces(text: str) -> str:
    """Trimmed, with each run of whitespace one plain space. Only the ends may hold
    other whitespace (a CR from a Windows file, a pasted newline): inside a name a
    line break, tab or separator stays and is refused after this."""
    out: list[str] = []
    for ch in text.strip():
        if unicodedata.category(ch) == "Zs":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _first_unsafe(text: str) -> str | None:
    marks = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category in _REFUSED_CATEGORIES:
            return ch
        if category.startswith("M"):
            marks += 1
            if marks > MAX_COMBINING:
                return ch
        else:
            marks = 0
    return None


# Their letters look alike (Latin A, Cyrillic А, Greek Α): a name mixing them can
# pass for another one (KWАRTS with a Cyrillic А beside a source KWARTS).
_LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def _first_mixed(text: str) -> str | None:
    """The first letter of a second look-alike script within one word of ``text``,
    if any. Word by word: a compartment's name puts a Latin word before a
    Cyrillic or Greek codename ("File АХМЕД"), and a name set apart adds a Latin
    suffix ("АХМЕД (1a2b3c)"); each word in one script is nothing to mistake."""
    if text.isascii():  # Latin only (most names, every time a package is read)
        return None
    for word in text.split():
        first = None
        for ch in word:
            if not ch.isalpha():
                continue
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            if script not in _LOOKALIKE_SCRIPTS:
                continue
            if first is None:
                first = script
            elif script != first:
                return ch
    return None


def clean(text: str, kind: NameKind) -> str:
    """The name as it is stored, or :class:`InvalidName` saying why it is refused.
    The message never repeats the name itself (it may be megabytes long or hold
    escape sequences)."""
    if len(text) > 4 * kind.limit + 64:
        raise _too_long_or_empty(kind)  # before any work on a huge argument
    if _has_surrogate(text):
        raise _not_text(kind)
    name = _fold_spaces(unicodedata.normalize("NFC", text))
    bad = _first_unsafe(name)
    if bad is not None:
        raise _unsafe(kind, bad)
    if not 1 <= len(name) <= kind.limit:
        raise _too_long_or_empty(kind)
    mixed = _first_mixed(name)
    if mixed is not None:
        raise InvalidName(
            "The name mixes Latin, Cyrillic or Greek letters ({code}), which look alike: "
            "it could pass for another name.",
            code=f"U+{ord(mixed):04X}",
        )
    if kind is NameKind.CODENAME and _BRACKETS & set(unicodedata.normalize("NFKC", name)):
        # Brackets set apart sources that share a codename, ``ESPEN (Runner Valk)``
        # (app/dal/source_names.py): a codename of that form would pass for one.
        raise InvalidName(
            "A codename cannot hold brackets: they set apart sources that share a codename."
        )
    return name


@functools.lru_cache(maxsize=4096)
def is_clean(text: str, kind: NameKind) -> bool:
    """True if ``text`` is a name by the rule (trimmed and normalised or not). For
    the package checks, which meet the same few names thousands of times."""
    try:
        clean(text, kind)
    except InvalidName:
        return False
    return True


def key(name: str) -> str:
    """What makes two names the same (unique columns hold it): compatibility
    forms and case folded, so look-alikes that differ only in case or width are
    one name."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return _fold_spaces(folded)


# A terminal's escape sequences: CSI (ESC [ or U+009B ... final byte), OSC and the
# other strings (ESC ] P X ^ _ ... BEL or ST), and two-character ones (ESC 7).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)


def visible(name: str) -> str:
    """What a name from before the rule shows as: without escape sequences and the
    characters :func:`clean` refuses (controls, format characters, separators),
    spaces folded. ``Valk\\x1b[2J`` is ``Valk``: the name people knew and type."""
    shown = _ESCAPES.sub("", unicodedata.normalize("NFC", name))
    kept = "".join(c for c in shown if unicodedata.category(c) not in _REFUSED_CATEGORIES)
    return _fold_spaces(kept)


def check_text(text: str, kind: NameKind) -> None:
    """Refuse what is not text at all (before it reaches a query); any length."""
    if _has_surrogate(text):
        raise _not_text(kind)


def lookup_key(text: str, kind: NameKind) -> str:
    """The key of a name typed to find one (``--alias``, ``--source``). Only text
    that cannot be a name at all is refused: a vault from before the rule may hold
    names :func:`clean` would refuse, and they can still be looked up."""
    if len(text) > LOOKUP_LIMIT:
        raise _too_long_or_empty(kind)
    if _has_surrogate(text):
        raise _not_text(kind)
    return key(unicodedata.normalize("NFC", text))


def _candidates(wanted: str, tail: str, kind: NameKind) -> Iterator[str]:
    """``wanted``, then ``wanted (xxxxxx)`` with ever more of ``tail``, then with a
    counter after all of it; each cut to ``kind.limit`` characters."""
    yield wanted[: kind.limit]
    suffixes = [f" ({tail[-n:]})" for n in (6, 8, 12, 16) if n < len(tail)] + [f" ({tail})"]
    for suffix in suffixes:
        yield wanted[: kind.limit - len(suffix)].rstrip() + suffix
    for n in itertools.count(2):
        suffix = f" ({tail} {n})"
        yield wanted[: kind.limit - len(suffix)].rstrip() + suffix


def free_name(wanted: str, tail: str, kind: NameKind, is_taken: Callable[[str], bool]) -> str:
    """``wanted`` if no other holds it, else the first free name made of it and the
    end of ``tail`` (random text, such as a record id in hex: the end of a UUIDv7 is
    random, its start the time it was made, the same for records made together)."""
    for name in _candidates(wanted, tail, kind):
        if not is_taken(name):
            return name
    raise AssertionError("unreachable")  # the candidates never end
