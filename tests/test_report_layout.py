"""Page layout of both report kinds: a long text or item splits across pages
where it starts (no page left half blank before it), a heading stays with the
start of what it heads, and a table's column heads repeat only at the top of a
new page, never twice on one."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.reports.render import render
from app.reports.views import (
    GradingLine,
    InternalItem,
    SanitisedBody,
    SanitisedDebrief,
    SanitisedItem,
    SanitisedReport,
    SanitisedStamp,
)
from tests.test_report_long_texts import LONG, _with
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text

GRADING = GradingLine("3x5x2", "3x5x2 2/B/P", "2", "Untested", "B", "Known", "P", "Ok", "")
HEADS = "Grading and handling"


def _flat(page: str) -> str:
    return " ".join(page.split())


def _sanitised(*texts: str) -> SanitisedReport:
    day = date(2026, 11, 3)
    items = tuple(
        SanitisedItem(n, text, GRADING, "unchecked", False) for n, text in enumerate(texts, 1)
    )
    return SanitisedReport(
        SanitisedStamp("r-1", "STG. CONFIDENTIEEL", "PR-AAAA-BBBB", "runner", day),
        SanitisedBody(
            "Sanitised intelligence report", day, day, (SanitisedDebrief("S1", day, items),)
        ),
    )


def test_a_long_sanitised_item_starts_on_the_first_page() -> None:
    pages = [_flat(p) for p in pages_text(render(_sanitised("Short first.", LONG)).data)]
    assert "S1 — information obtained on 2026-11-03" in pages[0]
    assert "Zin1 over het pand." in pages[0]  # not pushed whole to page 2


def test_a_long_narrative_starts_under_its_heading_on_the_first_page() -> None:
    base = _small_internal()
    debrief = dataclasses.replace(base.body.debriefs[0], narrative=LONG)
    first = _flat(pages_text(render(_with(debrief)).data)[0])
    assert "Narrative Zin1 over het pand." in first


def test_column_heads_repeat_only_at_the_top_of_a_new_page() -> None:
    # Items of about a third of a page each: rows end all over the page.
    texts = [f"Item{n} " + " ".join(["woord"] * (300 + 37 * n)) for n in range(1, 13)]
    pages = [_flat(p) for p in pages_text(render(_sanitised(*texts)).data)]
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert page.count(HEADS) <= 1, f"page {number}"
        if number > 1 and HEADS in page:
            # the heads open the page's content: nothing of the table before them
            assert "woord" not in page.split(HEADS)[0], f"page {number}"


def test_an_item_header_is_printed_once_per_page() -> None:
    base = _small_internal()
    items = tuple(
        InternalItem(
            n, " ".join(["word"] * (250 + 41 * n)), "Safe", GRADING, True, "unchecked", False, ()
        )
        for n in range(1, 11)
    )
    debrief = dataclasses.replace(base.body.debriefs[0], items=items)
    pages = [_flat(p) for p in pages_text(render(_with(debrief)).data)]
    for number, page in enumerate(pages, start=1):
        for n in range(1, 11):
            assert page.count(f"Item {n} 3x5x2") <= 1, f"page {number}, item {n}"


@pytest.mark.parametrize("lines", range(40, 72, 2))
def test_a_heading_never_ends_a_page(lines: int) -> None:
    # Narratives of growing length move "Intelligence items" down to the page's
    # foot and over it; wherever it lands, the first item is on its page.
    base = _small_internal()
    narrative = "\n".join(f"Regel {n}." for n in range(lines))
    debrief = dataclasses.replace(base.body.debriefs[0], narrative=narrative)
    pages = [_flat(p) for p in pages_text(render(_with(debrief)).data)]
    [page] = [p for p in pages if "Intelligence items" in p]
    assert "Intelligence items Item 1" in page
