"""Long texts flow over pages in every part of both report kinds: a table row
that holds one (an item, a tasking, a payment's reason, a sanitised wording) splits
across pages instead of failing the layout (LayoutError), and no word is lost."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime

import pytest

from app.reports.render import render
from app.reports.views import (
    AddendumPart,
    ContactPart,
    GradingLine,
    InternalDebrief,
    InternalReport,
    PaymentPart,
    SanitisedBody,
    SanitisedDebrief,
    SanitisedItem,
    SanitisedReport,
    SanitisedStamp,
    TaskingPart,
)
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text

# About 20,000 characters of numbered sentences: each number must come out once.
SENTENCES = 900
LONG = " ".join(f"Zin{n} over het pand." for n in range(1, SENTENCES + 1))
WORD = re.compile(r"Zin(\d+)")


def _numbers(pdf: bytes) -> list[int]:
    text = " ".join(" ".join(t.split()) for t in pages_text(pdf))
    return [int(n) for n in WORD.findall(text)]


def _with(debrief: InternalDebrief) -> InternalReport:
    base = _small_internal()
    return dataclasses.replace(base, body=dataclasses.replace(base.body, debriefs=(debrief,)))


def _cases() -> dict[str, tuple[InternalDebrief, int]]:
    d = _small_internal().body.debriefs[0]
    item = d.items[0]
    when = datetime(2026, 11, 2, 20, 0, tzinfo=UTC)
    return {
        "item reported text": (
            dataclasses.replace(d, items=(dataclasses.replace(item, text=LONG),)),
            1,
        ),
        "item sanitised wording": (
            dataclasses.replace(d, items=(dataclasses.replace(item, sanitised_text=LONG),)),
            1,
        ),
        "item conditions": (
            dataclasses.replace(
                d,
                items=(
                    dataclasses.replace(
                        item, grading=dataclasses.replace(item.grading, conditions=LONG)
                    ),
                ),
            ),
            1,
        ),
        "narrative": (dataclasses.replace(d, narrative=LONG), 1),
        "tasking": (
            dataclasses.replace(d, taskings=(TaskingPart(LONG, LONG, None, "open", LONG),)),
            3,
        ),
        "payment reason": (
            dataclasses.replace(
                d,
                payments=(
                    PaymentPart("reward", 4500, "EUR", LONG, date(2026, 11, 2), "Kraai", "Havik"),
                ),
            ),
            1,
        ),
        "addendum": (dataclasses.replace(d, addenda=(AddendumPart(LONG, "Valk", when),)), 1),
        "contact notes": (
            dataclasses.replace(
                d, contact=ContactPart("meeting", when, 30, "ANKER", ("Valk",), LONG, LONG, LONG)
            ),
            3,
        ),
        "review comment": (dataclasses.replace(d, review_comment=LONG), 1),
    }


@pytest.mark.parametrize("part", list(_cases()))
def test_a_very_long_text_flows_over_pages_in_an_internal_report(part: str) -> None:
    debrief, times = _cases()[part]
    rendered = render(_with(debrief))
    assert rendered.page_count > 2
    assert sorted(_numbers(rendered.data)) == sorted(list(range(1, SENTENCES + 1)) * times)


@pytest.mark.parametrize("where", ["wording", "conditions"])
def test_a_very_long_text_flows_over_pages_in_a_sanitised_report(where: str) -> None:
    grading = GradingLine(
        "3x5x2",
        "3x5x2 2/B/C",
        "2",
        "Untested",
        "B",
        "Known indirectly to the source but corroborated",
        "C",
        "Lawful sharing permitted with conditions",
        LONG if where == "conditions" else "Ask first.",
    )
    text = LONG if where == "wording" else "Goods are stored at a garage."
    items = (
        SanitisedItem(1, "A short one first.", grading, "unchecked", False),
        SanitisedItem(2, text, grading, "corroborated", True),
    )
    today = date(2026, 11, 3)
    report = SanitisedReport(
        SanitisedStamp("r-1", "STG. CONFIDENTIEEL", "PR-AAAA-BBBB", "runner", today),
        SanitisedBody(
            "Sanitised intelligence report", today, today, (SanitisedDebrief("S1", today, items),)
        ),
    )
    rendered = render(report)
    assert rendered.page_count > 2
    assert sorted(_numbers(rendered.data)) == sorted(
        list(range(1, SENTENCES + 1)) * (2 if where == "conditions" else 1)
    )


@pytest.mark.parametrize("cents", [123456789, 1234567890, -123456789, 4500])
def test_an_amount_stays_on_one_line(cents: int) -> None:
    from app.reports.styles import money

    d = _small_internal().body.debriefs[0]
    payment = PaymentPart("expense", cents, "EUR", "Travel", date(2026, 11, 2), "Kraai", "Havik")
    text = "\n".join(pages_text(render(_with(dataclasses.replace(d, payments=(payment,)))).data))
    # Extracted line by line: a wrapped amount would be split over two lines.
    assert any(money(cents, "EUR") in line for line in text.splitlines())


@pytest.mark.parametrize(("language", "words"), [("en", "in UTC"), ("nl", "in UTC")])
def test_the_sanitised_introduction_says_dates_are_utc_days(language: str, words: str) -> None:
    today = date(2026, 11, 3)
    grading = GradingLine("3x5x2", "3x5x2 2/B/P", "2", "Untested", "B", "Known", "P", "Ok", "")
    report = SanitisedReport(
        SanitisedStamp(
            "r-1", "STG. CONFIDENTIEEL", "PR-AAAA-BBBB", "runner", today, language=language
        ),
        SanitisedBody(
            "Sanitised intelligence report",
            today,
            today,
            (
                SanitisedDebrief(
                    "S1", today, (SanitisedItem(1, "Short.", grading, "unchecked", False),)
                ),
            ),
        ),
    )
    first = " ".join(pages_text(render(report).data)[0].split())
    assert words in first


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_payment_headers_never_break_inside_a_word(language: str) -> None:
    base = _small_internal()
    d = base.body.debriefs[0]
    payment = PaymentPart("expense", 4500, "EUR", "Travel", date(2026, 11, 2), "Kraai", "Havik")
    report = dataclasses.replace(
        _with(dataclasses.replace(d, payments=(payment,))),
        stamp=dataclasses.replace(base.stamp, language=language),
    )
    words = " ".join(" ".join(pages_text(render(report).data)).split())
    # "Goedgekeu / rd door" was printed: every header word must come out whole.
    heads = ("Goedgekeurd door", "Getuige") if language == "nl" else ("Approved by", "Witness")
    for head in heads:
        assert head in words
