"""Arabic and Hebrew in reports: each right-to-left run of a line in display
order, Arabic letters joined (``app.reports.rtl``), checked on the strings and
on the PDF as PDFium reads it back (in reading order, as a reader copies it)."""

from __future__ import annotations

import unicodedata

from app.reports import rtl
from app.reports.glyphs import drawable
from app.reports.render import render
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text


def _all(code: int) -> bool:
    return True


def test_a_hebrew_run_is_reversed_whole_inside_left_to_right_text() -> None:
    assert rtl.visual("naam שלום עליכם klaar", _all) == "naam םכילע םולש klaar"
    assert rtl.visual("no right-to-left here (1, 2)", _all) == "no right-to-left here (1, 2)"


def test_numbers_keep_their_order_and_join_the_run_they_follow() -> None:
    assert rtl.visual("adres שלום 12 klaar", _all) == "adres 12 םולש klaar"
    assert rtl.visual("bedrag שלום 1.250,00 ok", _all) == "bedrag 1.250,00 םולש ok"


def test_brackets_inside_a_run_are_mirrored_and_those_around_it_stay() -> None:
    assert rtl.visual("x (שלום) y", _all) == "x (םולש) y"
    assert rtl.visual("x שלום (עליכם) y", _all) == "x (םכילע) םולש y"


def test_marks_stay_on_their_letter_when_the_run_is_reversed() -> None:
    # shin with its dot, then vav: the dot must stay after (on) the shin
    assert rtl.visual("a \u05e9\u05c1\u05d5 b", _all) == "a \u05d5\u05e9\u05c1 b"


def test_arabic_letters_take_their_joined_forms_and_lam_alef_its_ligature() -> None:
    # meem initial, hah medial, meem medial, dal final
    assert rtl.shape_arabic("محمد", _all) == "\ufee3\ufea4\ufee4\ufeaa"
    assert rtl.shape_arabic("لا", _all) == "\ufefb"
    # alef joins nothing after it; waw (right-joining) ends the word
    assert rtl.shape_arabic("احمد و", _all) == "\ufe8d\ufea3\ufee4\ufeaa \ufeed"
    # a form the font cannot draw: the plain letter stays, lam and alef stay two
    assert rtl.shape_arabic("لا", lambda code: False) == "لا"


def test_a_report_prints_arabic_and_hebrew_names_in_reading_order() -> None:
    narrative = "Ontmoet: محمد بن سلمان en שלום עליכם in شارع 12; لا (نعم) klaar"
    text = unicodedata.normalize(
        "NFKC", " ".join(pages_text(render(_small_internal(narrative)).data))
    )
    for name in ("محمد بن سلمان", "שלום עליכם", "شارع", "لا"):
        assert name in text
    assert all(drawable(ord(c)) for c in rtl.visual(narrative, drawable))
