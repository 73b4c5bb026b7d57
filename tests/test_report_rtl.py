"""Arabic and Hebrew in reports: each right-to-left run of a printed line in
display order, Arabic letters joined (``app.reports.rtl``, ``app.reports.paragraph``),
checked on the strings, on the drawing, and on the PDF as it reads back (in
reading order, line by line, as a reader copies it)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

import pytest
from reportlab import platypus
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen.canvas import Canvas

from app.reports import fonts, paragraph, rtl, tounicode
from app.reports.glyphs import drawable, printable
from app.reports.paragraph import Paragraph
from app.reports.render import render
from app.reports.styles import make_styles, markup
from app.reports.views import (
    GradingLine,
    Report,
    SanitisedBody,
    SanitisedDebrief,
    SanitisedItem,
    SanitisedReport,
    SanitisedStamp,
)
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text

# Intercepted messages as a runner quotes them: each longer than a line of the
# report, in a narrative and in a sanitised report's narrower table cell.
ARABIC = (
    "قال المصدر إن الشحنة ستصل إلى الميناء يوم الخميس القادم في الساعة العاشرة ليلا "
    "وإن السائق سيكون ابن عم التاجر المعروف في الحي القديم وسيحمل معه رسالة مكتوبة "
    "باليد من الرجل الكبير الذي لا يظهر أبدا في الاجتماعات"
)
HEBREW = (
    "המקור אמר שהמשלוח יגיע לנמל ביום חמישי הבא בשעה עשר בלילה והנהג יהיה בן הדוד "
    "של הסוחר הידוע בשכונה הישנה והוא יביא איתו מכתב בכתב יד מהאיש הגדול שאף פעם "
    "לא מופיע בפגישות"
)
MIXED = "Ontmoet: محمد بن سلمان en שלום עליכם in شارع 12; لا (نعم) klaar"


def _all(code: int) -> bool:
    return True


def test_a_hebrew_run_is_reversed_whole_inside_left_to_right_text() -> None:
    assert rtl.visual("naam שלום עליכם klaar") == "naam םכילע םולש klaar"
    assert rtl.visual("no right-to-left here (1, 2)") == "no right-to-left here (1, 2)"


def test_numbers_keep_their_order_and_join_the_run_they_follow() -> None:
    assert rtl.visual("adres שלום 12 klaar") == "adres 12 םולש klaar"
    assert rtl.visual("bedrag שלום 1.250,00 ok") == "bedrag 1.250,00 םולש ok"


def test_brackets_inside_a_run_are_mirrored_and_those_around_it_stay() -> None:
    assert rtl.visual("x (שלום) y") == "x (םולש) y"
    assert rtl.visual("x שלום (עליכם) y") == "x (םכילע) םולש y"


def test_marks_stay_on_their_letter_when_the_run_is_reversed() -> None:
    # shin with its dot, then vav: the dot must stay after (on) the shin
    assert rtl.visual("a \u05e9\u05c1\u05d5 b") == "a \u05d5\u05e9\u05c1 b"


def test_arabic_letters_take_their_joined_forms_and_lam_alef_its_ligature() -> None:
    # meem initial, hah medial, meem medial, dal final
    assert rtl.shape_arabic("محمد", _all) == "\ufee3\ufea4\ufee4\ufeaa"
    assert rtl.shape_arabic("لا", _all) == "\ufefb"
    # alef joins nothing after it; waw (right-joining) ends the word
    assert rtl.shape_arabic("احمد و", _all) == "\ufe8d\ufea3\ufee4\ufeaa \ufeed"
    # a form the font cannot draw: the plain letter stays, lam and alef stay two
    assert rtl.shape_arabic("لا", lambda code: False) == "لا"


def test_a_report_prints_arabic_and_hebrew_names_in_reading_order() -> None:
    text = unicodedata.normalize("NFKC", " ".join(pages_text(render(_small_internal(MIXED)).data)))
    for name in ("محمد بن سلمان", "שלום עליכם", "شارع", "لا"):
        assert name in text
    assert all(drawable(ord(c)) for c in rtl.shape_arabic(MIXED, drawable))


def _printed_rtl_lines(pdf: bytes) -> list[str]:
    """The printed lines that hold Arabic or Hebrew, top to bottom and page by
    page, each as a reader copies it (NFKC: joined forms back to letters)."""
    lines = "\n".join(pages_text(pdf)).splitlines()
    text = [" ".join(unicodedata.normalize("NFKC", line).split()) for line in lines]
    return [line for line in text if rtl.has_rtl(line)]


def _sanitised(wording: str) -> SanitisedReport:
    today = date(2026, 11, 3)
    grading = GradingLine("3x5x2", "3x5x2 2/B/P", "2", "Untested", "B", "Known", "P", "Ok", "")
    item = SanitisedItem(1, wording, grading, "unchecked", False)
    return SanitisedReport(
        SanitisedStamp("r-1", "STG. CONFIDENTIEEL", "PR-AAAA-BBBB", "runner", today),
        SanitisedBody("Sanitised report", today, today, (SanitisedDebrief("S1", today, (item,)),)),
    )


def _internal(narrative: str) -> Report:
    return _small_internal(f"Bericht van de bron, letterlijk:\n{narrative}\nEinde bericht.")


@pytest.mark.parametrize("quote", [ARABIC, HEBREW], ids=["arabic", "hebrew"])
@pytest.mark.parametrize("make", [_internal, _sanitised], ids=["internal", "sanitised"])
def test_a_quote_longer_than_a_line_prints_from_its_first_words_down(
    quote: str, make: Callable[[str], Report]
) -> None:
    lines = _printed_rtl_lines(render(make(quote)).data)
    assert len(lines) >= 2  # the quote is broken over lines
    first_words = " ".join(quote.split()[:3])
    assert lines[0].startswith(first_words), lines
    assert " ".join(lines) == quote  # each line goes on where the one above ends


def test_a_quote_split_over_pages_goes_on_at_the_top_of_the_next_page() -> None:
    quote = " ".join([ARABIC] * 40)
    rendered = render(_internal(quote))
    assert rendered.page_count > 2
    assert " ".join(_printed_rtl_lines(rendered.data)) == quote


def _drawn(paragraph: Any, width: float = 170 * mm) -> bytes:
    """The PDF of one paragraph laid out in a column of the report's width."""
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    paragraph.wrapOn(canvas, width, 800)
    paragraph.drawOn(canvas, 20 * mm, 20 * mm)
    canvas.save()
    return buffer.getvalue()


def _as_before(text: str) -> str:
    """The text as reports gave it to reportlab before: each line put in display
    order before layout, which is right for a line that fits."""
    shaped = [rtl.visual(rtl.shape_arabic(printable(ln), drawable)) for ln in text.splitlines()]
    return "<br/>".join(escape(ln) for ln in shaped)


@pytest.mark.parametrize("label", ["", "<b>Naam:</b> "], ids=["one style", "with a bold label"])
def test_a_short_mixed_line_prints_as_it_did(label: str) -> None:
    body = make_styles().body
    ours = Paragraph(label + markup(MIXED), body)
    before = platypus.Paragraph(label + _as_before(MIXED), body)
    assert _drawn(ours) == _drawn(before)
    assert len(ours.blPara.lines) == 1


LATIN = (
    "De bron zag op 2 november om 21.05 uur (vlak na de wisseling) twee mannen bij het "
    "pand aan de Kade 12-14; één droeg een tas van € 1.250,00 & meer. " * 4
)


@pytest.mark.parametrize(
    ("label", "more"),
    [("", ""), ("<b>Kort:</b> ", ""), ("", "\nTweede regel.")],
    ids=["one style", "with a bold label", "two lines"],
)
def test_left_to_right_paragraphs_print_as_reportlab_prints_them(label: str, more: str) -> None:
    body = make_styles().body
    text = label + markup(LATIN + more)
    ours = Paragraph(text, body)
    assert _drawn(ours) == _drawn(platypus.Paragraph(text, body))
    assert len(ours.blPara.lines) > 3  # wrapped, several lines


def test_a_right_to_left_line_keeps_latin_words_and_numbers_in_their_order() -> None:
    # read from the right: shalom, Rotterdam, alechem 4500
    assert rtl.visual("שלום Rotterdam עליכם 4500", True) == "4500 םכילע Rotterdam םולש"
    assert rtl.visual("שלום (Kade 12)", True) == "(Kade 12) םולש"
    assert rtl.first_strong_is_rtl("12, שלום abc") is True
    assert rtl.first_strong_is_rtl("12, abc שלום") is False
    assert rtl.first_strong_is_rtl("12, -") is None


def test_a_quote_mark_between_a_right_to_left_run_and_latin_text_is_latin() -> None:
    # guillemets are no bracket pair: the closing one, between Hebrew and the
    # Latin text after it, takes the paragraph's direction (not mirrored, not
    # moved into the run); the opening one, between two Hebrew words, is Hebrew's
    assert rtl.visual("quote «שלום» end") == "quote «םולש» end"
    assert rtl.visual("x שלום «עליכם» y") == "x םכילע» םולש» y"
    assert rtl.visual("x שלום (עליכם) y") == "x (םכילע) םולש y"  # a real pair


def _right(style: Any) -> Any:
    return ParagraphStyle(style.name + "-right", parent=style, alignment=TA_RIGHT)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (markup("שלום Rotterdam עליכם 4500"), "4500 םכילע Rotterdam םולש"),
        # the bold label, first in reading order, is drawn rightmost
        ("<b>שם:</b> " + markup("שלום Rotterdam"), "Rotterdam םולש <b>:םש</b>"),
    ],
    ids=["one style", "with a bold label"],
)
def test_a_paragraph_starting_in_hebrew_prints_right_to_left_aligned_right(
    text: str, shown: str
) -> None:
    body = make_styles().body
    assert _drawn(Paragraph(text, body)) == _drawn(platypus.Paragraph(shown, _right(body)))


def test_a_right_to_left_paragraph_is_aligned_right_in_a_narrow_cell() -> None:
    cell = make_styles().cell
    ours = Paragraph(markup("שלום Rotterdam"), cell)
    plain = platypus.Paragraph("Rotterdam םולש", _right(cell))
    assert _drawn(ours, 40 * mm) == _drawn(plain, 40 * mm)


def test_only_the_right_to_left_paragraph_moves_to_the_right() -> None:
    body = make_styles().body
    ours = Paragraph(markup("שלום Rotterdam\nKade 12 שלום"), body)
    ours.wrap(170 * mm, 800)
    directions = list(paragraph._directions(ours.blPara))
    assert directions == [True, False]
    offsets = paragraph._right_edge(ours.blPara, directions, [0], body.alignment)
    assert offsets[0] == pytest.approx(ours.blPara.lines[0].extraSpace)
    assert offsets[1] == 0


def test_copied_out_arabic_reads_as_its_letters_and_a_drawn_emoji_as_itself() -> None:
    assert drawable(0x1F600)  # the font draws this one: it prints, not its name
    text = " ".join(pages_text(render(_internal("Bron: قال المصدر 😀 klaar")).data))
    assert "المصدر" in text  # as a reader searches for it: plain letters
    assert "😀" in text
    assert not any(0xFE70 <= ord(c) <= 0xFEFF for c in text)


@pytest.mark.parametrize("change", ["gone", "other arguments"])
def test_a_reportlab_without_the_map_maker_tounicode_wraps_is_refused_at_once(
    monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Not a report whose copied Arabic reads as presentation forms."""
    if change == "gone":
        monkeypatch.delattr(ttfonts, "makeToUnicodeCMap")
    else:
        monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", lambda fontname, subset, more: "")
    with pytest.raises(tounicode.ReportlabChanged, match=r"makeToUnicodeCMap\(fontname, subset\)"):
        tounicode.install()


def test_a_right_to_left_paragraph_split_over_pages_goes_on_right_to_left() -> None:
    # one word a line: the part on the next page starts with the Latin word
    body = make_styles().body
    ours = Paragraph(markup("שלום עליכם שלום עליכם Rotterdam עליכם"), body)
    ours.wrap(25 * mm, 800)
    first, rest = ours.split(25 * mm, body.leading * 2.5)
    assert [len(first.blPara.lines), rest.goes_on_rtl] == [2, True]
    rest.wrap(25 * mm, 800)
    assert list(paragraph._directions(rest.blPara, rest.goes_on_rtl)) == [True, True]
    # a paragraph starting with the Latin word is left to right
    latin = Paragraph(markup("Rotterdam עליכם"), body)
    latin.wrap(25 * mm, 800)
    assert list(paragraph._directions(latin.blPara, latin.goes_on_rtl)) == [False, False]
