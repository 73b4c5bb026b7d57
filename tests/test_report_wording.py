"""What the debrief reports' words must not let a reader misread: the sanitised
report counts its debriefs by the S-references it uses, an offer (promised, not
paid) never reads as money paid, and an item that may be shared but has no
sanitised wording says, in the internal report, that a sanitised report leaves it
out. In English and in Dutch."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.reports.render import render
from app.reports.views import (
    FileRecords,
    InternalItem,
    InternalReport,
    PaymentPart,
    SanitisedBody,
    SanitisedDebrief,
    SanitisedItem,
    SanitisedReport,
    SanitisedStamp,
)
from tests.test_report_layout import GRADING
from tests.test_report_pdf import _small_internal
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


def _internal(
    payments: tuple[PaymentPart, ...],
    unlinked: tuple[PaymentPart, ...],
    language: str,
    item: InternalItem | None = None,
) -> InternalReport:
    base = _small_internal()
    debrief = base.body.debriefs[0]
    debrief = dataclasses.replace(
        debrief, payments=payments, items=(item,) if item else debrief.items
    )
    body = dataclasses.replace(
        base.body, debriefs=(debrief,), unlinked=(FileRecords("ÉÉNHOORN", (), unlinked),)
    )
    return InternalReport(dataclasses.replace(base.stamp, language=language), body)


def _payment(kind: str, cents: int, reason: str) -> PaymentPart:
    return PaymentPart(kind, cents, "EUR", reason, DAY, None, None)


OFFERS = {
    "en": "Offers to the source (promised, not paid)",
    "nl": "Aanbod aan de bron (toegezegd, niet betaald)",
}
NONE_PAID = {"en": "No money paid.", "nl": "Niets betaald."}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_offers_are_listed_apart_from_money_paid(language: str) -> None:
    linked = (
        _payment("reward", 5000, "Paid reward"),
        _payment("offer", 100000, "Promised bonus"),
        _payment("expense", 1250, "Paid expense"),
    )
    report = _internal(linked, (_payment("offer", 70000, "Loose offer"),), language)
    text = _text(report)
    in_debrief, _, loose = text.partition(
        "Taskings and payments not linked"
        if language == "en"
        else "Opdrachten en betalingen zonder"
    )
    # Money paid first, in its own table; each offer only under the offers' label.
    paid, label, offered = in_debrief.partition(OFFERS[language])
    assert label
    assert "Paid reward" in paid
    assert "Paid expense" in paid
    assert "Promised bonus" not in paid
    assert "€ 1.000,00 Promised bonus" in offered
    # A file with only an offer says it paid nothing, then shows the offer apart.
    nothing, label, offered = loose.partition(OFFERS[language])
    assert label
    assert NONE_PAID[language] in nothing
    assert "Loose offer" not in nothing
    assert "€ 700,00 Loose offer" in offered


@pytest.mark.parametrize("language", ["en", "nl"])
def test_without_offers_there_is_no_offers_table(language: str) -> None:
    text = _text(_internal((_payment("reward", 5000, "Paid reward"),), (), language))
    assert "Paid reward" in text
    assert OFFERS[language] not in text
    assert NONE_PAID[language] not in text


def test_the_dutch_payments_table_head_keeps_its_words_whole() -> None:
    text = _text(_internal((_payment("reward", 5000, "Paid reward"),), (), "nl"))
    assert "Getuige Goedgekeurd door" in text


NOTE = {
    "en": "(shareable, but no sanitised wording: left out of a sanitised report)",
    "nl": "(deelbaar, maar zonder geschoonde tekst: weggelaten uit een geschoond rapport)",
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    ("shareable", "wording", "noted"),
    [(True, "  ", True), (True, "A wording.", False), (False, "", False)],
)
def test_a_shareable_item_without_wording_says_it_is_left_out(
    language: str, shareable: bool, wording: str, noted: bool
) -> None:
    item = InternalItem(1, "Reported.", wording, GRADING, shareable, "unchecked", False, ())
    text = _text(_internal((), (), language, item))
    assert (NOTE[language] in text) is noted
