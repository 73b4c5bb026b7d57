"""Text helpers shared by services and reports."""

from __future__ import annotations

import re
import unicodedata


def normalise_name(name: str) -> str:
    """Key for matching subjects across debriefs: case, accents and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().casefold()
