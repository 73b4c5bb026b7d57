"""Paragraph styles, text helpers and formatting shared by both report kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports import rtl
from app.reports.fonts import BOLD, FALLBACK, REGULAR
from app.reports.glyphs import drawable, segments
from app.reports.paragraph import Paragraph

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm  # room for the marking above the frame
MARGIN_BOTTOM = 26 * mm  # room for the marking and the footer lines
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eeeeee")
MARKING_INK = colors.HexColor("#a00000")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    mono: ParagraphStyle
    centre: ParagraphStyle


def make_styles() -> Styles:
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK, spaceAfter=4
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=2
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=10),
        # Headings are kept with what follows by ``blocks.heading`` (room left on
        # the page), not by keepWithNext, which moves a long text whole.
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=7,
            spaceAfter=2,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        label=ParagraphStyle(
            "label", parent=body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        mono=ParagraphStyle("mono", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        centre=ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
    )


def markup(text: str) -> str:
    """User text as safe paragraph markup: escaped (a '<' in a narrative is text,
    not a tag), with its line breaks kept, what the font cannot draw set in the
    fallback font or named (``glyphs``), and Arabic letters joined (``rtl``). The
    text stays in logical order: ``paragraph.Paragraph`` puts each printed line in
    display order."""
    return "<br/>".join(_line(ln) for ln in text.strip().splitlines())


def _line(text: str) -> str:
    return "".join(
        f'<font name="{FALLBACK}">{escape(piece)}</font>'
        if in_fallback
        else escape(rtl.shape_arabic(piece, drawable))
        for piece, in_fallback in segments(text)
    )


def para(text: str, style: ParagraphStyle, *, empty: str = "—") -> Paragraph:
    return Paragraph(markup(text) if text.strip() else escape(empty), style)


def natural_key(text: str) -> tuple[str | int, ...]:
    """Sorts ``Persoon 2`` before ``Persoon 10``: runs of digits as numbers. The
    split alternates text and number, so two keys compare like with like."""
    parts = re.split(r"(\d+)", text.casefold())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def words(value: str) -> str:
    """A stored code as a word: ``civilian_informant`` -> ``Civilian informant``."""
    return value.replace("_", " ").capitalize()


def utc_minute(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def money(cents: int, currency: str) -> str:
    """Dutch notation: € 1.234,56."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    symbol = "€" if currency.upper() == "EUR" else currency.upper()
    return f"{sign}{symbol} {grouped},{rest:02d}"


def grouped_hex(digest: str, group: int = 8, per_line: int = 4) -> list[str]:
    """A hex digest as lines of space-separated groups, easy to read aloud."""
    groups = [digest[i : i + group] for i in range(0, len(digest), group)]
    return [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
