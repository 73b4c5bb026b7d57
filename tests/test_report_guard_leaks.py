"""What the guard let through after its last change, found in review: anyone's
phone number with a dash or a slash after its prefix, or after a date; a
neighbouring debrief's meeting time; Dutch ``M over een`` mid-sentence, ``een
uurtje of``; a time at night or twelve in the evening; ``Smitts``, ``Hendrikse``;
times in figures after ``om``, ``rond``, ``at``. And the ordinary text next to
each that must still pass."""

from __future__ import annotations

import pytest

from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import MEETING_TIME, Guard

PHONE_LIKE = "phone-number-like text"


def _found(guard: Guard, text: str, where: str = "x") -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan(where, text)}


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("bel 06 - 12345678", "06 - 12345678"),
        ("bel 06 – 12345678", "06 – 12345678"),
        ("bel 06–12345678", "06–12345678"),
        ("bel 06\u201112345678", "06\u201012345678"),  # NFKC reads U+2011 as U+2010
        ("bel 06 — 12 34 56 78", "06 — 12 34 56 78"),
        ("bel +31 (0)6 - 1234 5678", "+31 (0)6 - 1234 5678"),
        ("bel 06 / 1234 5678", "06 / 1234 5678"),
        ("bel 06 1234 - 5678", "06 1234 - 5678"),
        ("bel 020 / 123 4567", "020 / 123 4567"),
    ],
)
def test_anyone_s_number_with_a_dash_or_slash_gap_is_phone_number_like(
    written: str, number: str
) -> None:
    assert _found(Guard([]), written) == {(PHONE_LIKE, number)}


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("06-12-2024 06 1234 5678", "06 1234 5678"),
        ("05-02-2024 06 12345678", "06 12345678"),
        ("06/12/2024 06/1234 5678", "06/1234 5678"),
        ("05.02.2024 0031 6 12345678", "0031 6 12345678"),
        ("2024-02-05-0612345678", "0612345678"),
    ],
)
def test_a_number_after_a_date_is_phone_number_like(written: str, number: str) -> None:
    assert _found(Guard([]), written) == {(PHONE_LIKE, number)}


@pytest.mark.parametrize(
    "written",
    [
        "01-02-2024 – 05-02-2024",
        "2024-01-02 - 2024-01-05",
        "zaaknummers 0123 / 4567 / 8901",
        "zaak 0123 / 4567",
        "van 01-02-2024-05-02-2024",
        "van 01-02-2024 tot 05-02-2024",
        "1-2-3, 4 - 5 - 6",
    ],
)
def test_dates_ranges_and_case_numbers_still_pass(written: str) -> None:
    assert _found(Guard([]), written) == set()


NEIGHBOURS = Guard(
    [
        Identifier(MEETING_TIME, "S1 21:30"),
        Identifier(MEETING_TIME, "S2 14:00"),
        Identifier(MEETING_TIME, "S3 10:00"),
    ]
)


@pytest.mark.parametrize(
    ("where", "written"),
    [
        ("S2.1 wording", "At the previous meeting at half past nine he said so."),  # S1's
        ("S1.1 wording", "Om twee uur."),  # S2's
        ("S2.1 wording", "Om tien uur."),  # S3's
        ("S3.1 wording", "Om twee uur."),  # S2's
        ("title", "At half past nine."),
    ],
)
def test_a_debrief_s_text_is_held_to_its_neighbours_meetings(where: str, written: str) -> None:
    assert {kind for kind, _ in _found(NEIGHBOURS, written, where)} == {"time of day"}


@pytest.mark.parametrize(
    ("where", "written"),
    [
        ("S3.1 wording", "At half past nine."),  # S1's, two debriefs away: a limit
        ("S1.1 wording", "Om tien uur."),  # S3's
        ("S2.1 wording", "Om zes uur."),  # nobody's
    ],
)
def test_a_meeting_two_debriefs_away_is_not_held_to(where: str, written: str) -> None:
    assert _found(NEIGHBOURS, written, where) == set()


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("13:10", "Hij kwam tien over een binnen."),
        ("13:10", "we zagen hem tien over een bij het station"),
        ("13:05", "Vijf over een kwam hij."),
        ("12:55", "Hij kwam vijf voor een binnen"),
        ("12:55", "Vijf voor een en toen ging hij."),
        ("21:00", "Hij kwam om een uurtje of negen."),
        ("18:30", "Half past six at night."),
        ("18:30", "Six thirty at night."),
        ("06:30", "Six thirty at night."),  # night: either reading
        ("00:05", "Om twaalf uur 's avonds."),
        ("00:05", "Twelve in the evening."),
        ("23:45", "Kwart voor twaalf 's avonds."),
    ],
)
def test_times_in_words_now_read_as_said(met: str, written: str) -> None:
    guard = Guard([Identifier(MEETING_TIME, met)])
    assert {kind for kind, _ in _found(guard, written)} == {"time of day"}


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("13:05", "Vijf over een week komt hij terug."),
        ("13:10", "Tien over een paar dagen."),
        ("12:55", "Hij kocht ze vijf voor een euro."),
        ("12:50", "Hij kreeg tien voor een toets."),
        ("12:55", "Vijf voor een of ander ding."),
        ("13:00", "Hij bleef tot een uur later."),
        ("13:00", "Hij werkte een uur lang."),
        ("13:00", "Om een uurtje of negen."),  # nine, not one
        ("06:30", "Half past six in the evening."),  # 18:30
        ("11:30", "Half twaalf 's avonds."),  # 23:30
        ("21:00", "Nine in the morning."),
    ],
)
def test_ordinary_dutch_and_the_other_half_of_the_day_pass(met: str, written: str) -> None:
    assert _found(Guard([Identifier(MEETING_TIME, met)]), written) == set()


NAMES = Guard(identity_identifiers(["Piet Hendriks", "Jan Smit"]))
WORDS = Guard(identity_identifiers(["Anna Vrolijk", "Anna Stil", "Anna Smal"]))


@pytest.mark.parametrize(
    "written",
    ["Smitts auto", "SMITTS AUTO", "met Hendrikse gesproken", "HENDRIKSE", "ik, Hendrikse"],
)
def test_a_name_with_a_genitive_or_an_e_written_as_a_name_is_refused(written: str) -> None:
    assert {kind for kind, _ in _found(NAMES, written)} == {"identity"}


@pytest.mark.parametrize(
    "written",
    ["een vrolijke man", "Vrolijke mensen.", "still", "small", "een smalle straat", "smitts"],
)
def test_names_that_are_words_still_pass_their_inflections(written: str) -> None:
    assert _found(WORDS, written) == set()
    assert _found(NAMES, written) == set()


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("Hij kwam om 21 uur.", "21 uur"),
        ("om 9 uur 's avonds", "9 uur"),
        ("rond 21.30 gezien", "21.30"),
        ("om half 10 binnen", "half 10"),
        ("een uur of 9", "een uur of 9"),
        ("he came at 9.30", "9.30"),
        ("tegen 22 uur", "22 uur"),
    ],
)
def test_a_time_in_figures_after_a_word_that_places_it_is_refused(written: str, time: str) -> None:
    assert _found(Guard([]), written) == {("time of day", time)}


@pytest.mark.parametrize(
    "written",
    [
        "vanaf 12.50 euro",
        "2 uur gewerkt",
        "12.30",
        "een half uur",
        "na 3 uur wachten",
        "at 9.30 euro",
    ],
)
def test_amounts_and_durations_in_figures_pass(written: str) -> None:
    assert _found(Guard([]), written) == set()
