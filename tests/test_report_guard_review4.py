"""What the fourth review found the guard still let through, each with the
ordinary text next to it that must still pass: the source's number with wide
separators or in another country's spelling; meeting times in words (``om
negen``, ``tegen tienen``, ``twintig over negen``, ``half 10``, midnight, noon);
a surname that is a particle after a title; ``Hendrikse`` starting a sentence."""

from __future__ import annotations

import pytest

from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.sanitise import Guard


def _found(guard: Guard, text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan("S1.1 wording", text)}


DUTCH = Guard(identity_identifiers(["06-12345678"]))


@pytest.mark.parametrize(
    "written",
    [
        "bel 06 -  12 34 56 78",
        "bel 06 / / 12345678",
        "bel 06 . - 12 .. 34 56 78",
        "bel 0612 - - 345678",
        "bel 06 -/- 1234 -- 5678",
        "bel 06,  12, 34, 56, 78",
        "06\n  12345678",
    ],
)
def test_the_source_s_number_with_a_run_of_separators_is_refused(written: str) -> None:
    assert _found(DUTCH, written) == {("phone number", "06-12345678")}


@pytest.mark.parametrize(
    "written",
    [
        "zaak 06 en 12345678",  # a word between: two numbers
        "06 ---------- 12345678",  # a run longer than a disguise: layout
        "06-12345679",
    ],
)
def test_numbers_words_apart_are_not_the_source_s_number(written: str) -> None:
    assert ("phone number", "06-12345678") not in _found(DUTCH, written)


def test_a_disguise_as_a_date_that_keeps_the_digits_in_order_is_refused() -> None:
    guard = Guard(identity_identifiers(["06-12202456"]))
    for written in ("06-12-2024-56", "op 06-12-2024, 56", "06-12-2024 / 56"):
        assert ("phone number", "06-12202456") in _found(guard, written)
    assert _found(guard, "op 06-12-2024 om 56 minuten") == set()


@pytest.mark.parametrize(
    "written",
    [
        "+32 6 12345678",
        "0032 6 12345678",
        "+49 (0)6 1234 5678",
        "0049 (0)6-12345678",
        "+31 (0)6 12345678",
        "0031 6 12 34 56 78",
    ],
)
def test_the_source_s_dutch_number_with_another_country_code_is_refused(written: str) -> None:
    assert ("phone number", "06-12345678") in _found(DUTCH, written)


@pytest.mark.parametrize(
    ("on_record", "written"),
    [
        ("+32 470 12 34 56", "0470 12 34 56"),
        ("+32 470 12 34 56", "+32 (0)470 12 34 56"),
        ("+32 470 12 34 56", "0032 470 123 456"),
        ("0032 470 12 34 56", "0470/12.34.56"),
        ("0049 151 23456789", "0151 / 2345 6789"),
        ("+49 (0)151 23456789", "+49 151 23456789"),
        ("+1 212 555 0123", "(212) 555-0123"),
        ("+39 06 1234 5678", "06 1234 5678"),
        ("+352 621 123 456", "621 123 456"),  # Luxembourg: a code of three digits
        ("+32 470 12 34 56", "zijn nummer is 470-12-34-56"),
    ],
)
def test_a_foreign_number_on_record_is_found_in_its_national_form(
    on_record: str, written: str
) -> None:
    assert ("phone number", on_record) in _found(Guard(identity_identifiers([on_record])), written)


def test_a_foreign_number_is_found_once_not_also_as_anyone_s() -> None:
    guard = Guard(identity_identifiers(["+32 470 12 34 56"]))
    assert _found(guard, "bel +32 (0)470 12 34 56") == {("phone number", "+32 470 12 34 56")}


def test_another_number_of_the_same_country_is_not_the_source_s() -> None:
    guard = Guard(identity_identifiers(["+32 470 12 34 56"]))
    assert _found(guard, "bel 0470 65 43 21") == {("phone-number-like text", "0470 65 43 21")}


def test_a_twelve_digit_number_with_a_slash_is_still_phone_number_like() -> None:
    """ "0123 / 4567 8901": twelve digits after a 0, as a German mobile number is
    (``0151 / 2345 6789``), and German writes a slash after the prefix: kept."""
    assert _found(Guard([]), "zaak 0123 / 4567 8901") == {
        ("phone-number-like text", "0123 / 4567 8901")
    }
