"""Text helpers shared by services, reports, the central system and the command line."""

from __future__ import annotations

import re
import unicodedata


def normalise_name(name: str) -> str:
    """Key for matching subjects across debriefs: case, accents and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().casefold()


def invisible_characters(text: str) -> list[str]:
    """The format characters in ``text`` (Unicode category Cf: zero-width spaces
    and joiners, the soft hyphen, the word joiner, bidi marks, the BOM), each once,
    as ``U+XXXX``. They print as nothing, so they can hide a name inside a word."""
    found = dict.fromkeys(f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cf")
    return list(found)


def counted(n: int, one: str, many: str = "") -> str:
    """``n`` and the noun in the number it takes: ``1 debrief``, ``2 debriefs``,
    ``1 match``, ``3 matches`` (``many``: a plural that is not ``one`` + s). English
    only: the command line's and the logs' words; the GUI counts with Qt's plural forms."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
