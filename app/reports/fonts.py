"""The Unicode fonts reports print in, shipped in ``resources/fonts`` with their
licences: DejaVu Sans, so Dutch diacritics (ë, ï, é, ĳ), the euro sign, Arabic
and Hebrew print on any machine; and Droid Sans Fallback for what DejaVu lacks
(Chinese, Japanese, Korean: a quoted message in them prints as it was written;
``glyphs.segments``). reportlab embeds a subset of the glyphs used."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import ReportError
from app.paths import resources_dir
from app.reports import tounicode

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
# One face only: bold text in it prints regular.
FALLBACK = "DroidSansFallback"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"

_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    return resources_dir() / "fonts"


def register() -> None:
    """Register the fonts with reportlab once per process (reports may be built on
    worker threads, hence the lock)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in (*FILES.items(), (FALLBACK, FALLBACK_FILE)):
            path = font_dir() / filename
            if not path.is_file():
                raise ReportError(f"The report font {filename} is missing from resources/fonts.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FALLBACK, bold, italic, FALLBACK)
        # <b> inside a paragraph picks the bold face.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        tounicode.install()  # copied out, Arabic reads as its letters
        _registered = True
