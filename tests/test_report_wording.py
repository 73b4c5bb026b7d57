"""What the debrief reports' words must not let a reader misread: the sanitised
report counts its debriefs by the S-references it uses. In English and in Dutch."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.reports.render import render
from app.reports.views import (
    InternalReport,
    SanitisedBody,
    SanitisedDebrief,
    SanitisedItem,
    SanitisedReport,
    SanitisedStamp,
)
from tests.test_report_layout import GRADING
from tests.test_report_support import pages_text

DAY = date(2026, 11, 3)


def _text(report: InternalReport | SanitisedReport) -> str:
    return " ".join(" ".join(pages_text(render(report).data)).split())


def _sanitised(items_per_debrief: tuple[int, ...], language: str) -> SanitisedReport:
    debriefs = tuple(
        SanitisedDebrief(
            f"S{n}",
            DAY,
            tuple(
                SanitisedItem(i, f"Wording {i}.", GRADING, "unchecked", False)
                for i in range(1, k + 1)
            ),
        )
        for n, k in enumerate(items_per_debrief, start=1)
    )
    stamp = SanitisedStamp("r-1", "STG. CONFIDENTIEEL", "PR-AAAA-BBBB", "runner", DAY)
    return SanitisedReport(
        dataclasses.replace(stamp, language=language),
        SanitisedBody("Sanitised intelligence report", DAY, DAY, debriefs),
    )


@pytest.mark.parametrize(
    ("language", "counts", "printed"),
    [
        ("en", (2, 1, 3), "3 debriefs (S1–S3), 6 items"),
        ("en", (1,), "1 debrief (S1), 1 item"),
        ("nl", (2, 1, 3), "3 debriefings (S1–S3), 6 items"),
        ("nl", (1,), "1 debriefing (S1), 1 item"),
    ],
)
def test_the_sanitised_subtitle_counts_debriefs_by_their_references(
    language: str, counts: tuple[int, ...], printed: str
) -> None:
    text = _text(_sanitised(counts, language))
    assert printed in text
    for word in ("report,", "reports,", "rapport,", "rapporten,"):
        assert word not in text
