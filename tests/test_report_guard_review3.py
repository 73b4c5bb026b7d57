"""What the guard's last change still refused or let through, found in review:
prices, sizes, rates and spans after a placing word read as times; ranges and
case numbers read as phone numbers; a time at a sentence's end missed; anyone's
number next to a bracket or a double dash missed; a disguised name after a
bracket or a quote missed. Each case both ways."""

from __future__ import annotations

import pytest

from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.sanitise import Guard


def _found(guard: Guard, text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan("x", text)}


@pytest.mark.parametrize(
    "written",
    [
        "sells pills at 2.50 each",
        "priced at 10.50 pounds",
        "verkoopt tegen 12.50 per gram",
        "pillen vanaf 2.50 per stuk",
        "He is around 1.50 m tall",
        "Het is rond 1.40 meter hoog",
        "around 10.30 percent",
        "werkt rond 20 uur per week",
        "Hij kreeg tot 10 uur taakstraf",
        "Het gesprek duurde rond 2 uur.",
        "een uur of 2 gewacht",
        "vanaf 12.50,- per stuk",
    ],
)
def test_an_amount_a_size_a_rate_or_a_span_is_not_a_time(written: str) -> None:
    assert _found(Guard([]), written) == set()


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("Afspraak om 21.30.", "21.30"),
        ("at 9.30, he left", "9.30"),
        ("om half 10.", "half 10"),
        ("rond een uur of 9.", "een uur of 9"),
        ("een uurtje of 9, zei hij", "een uurtje of 9"),
    ],
)
def test_a_time_at_a_sentence_s_or_clause_s_end_is_caught(written: str, time: str) -> None:
    assert _found(Guard([]), written) == {("time of day", time)}


@pytest.mark.parametrize(
    "written",
    [
        "van 01-02-24 - 05-02-24",
        "van 01-02-24 – 05-02-24",
        "01.02.24 - 05.02.24",
        "08.00 - 12.00 - 16.00",
        "zaak 0123 - 45678",
        "zaak 0123 / 45678",
    ],
)
def test_a_range_or_a_case_number_is_not_a_phone_number(written: str) -> None:
    assert _found(Guard([]), written) == set()


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("bel +31(0)-612345678", "+31(0)-612345678"),
        ("bel 06-(1234)5678", "06-(1234)5678"),
        ("bel 06--12345678", "06--12345678"),
        ("bel 06 - 12-34-56-78", "06 - 12-34-56-78"),
    ],
)
def test_a_number_next_to_a_bracket_or_a_double_dash_is_caught(written: str, number: str) -> None:
    assert _found(Guard([]), written) == {("phone-number-like text", number)}


NAMES = Guard(identity_identifiers(["Piet Hendriks"]))


@pytest.mark.parametrize(
    "written", ["(Hendrikse)", '"Hendrikse" zei het', "met  Hendrikse", "S1 Hendrikse"]
)
def test_a_capitalised_disguise_after_a_bracket_or_a_quote_is_caught(written: str) -> None:
    assert _found(NAMES, written)


WORDS = Guard(identity_identifiers(["Anna Vrolijk"]))


@pytest.mark.parametrize("written", ["Vrolijke mensen", "Zo ging het. Vrolijke mensen"])
def test_a_capital_where_a_sentence_begins_says_nothing(written: str) -> None:
    # Of a name ending in "s" it does: "Hendrikse kwam" (test_report_guard_review4).
    assert _found(WORDS, written) == set()
