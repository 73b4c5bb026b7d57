"""What the sixth review found: leaks the fourth round caught and the fifth
reopened (``started at nine``, ``ging om negen naar de brug``, ``die avond 9 uur
bij de brug``); two numbers on one phone line read as one, and a date on it read
as a number; and ordinary prose refused as a time (counts, votes, heights,
durations, prices, scores). Each finding with the ordinary text next to it that
must still pass, or the refusal accepted for it."""

from __future__ import annotations

import pytest

from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import MEETING_TIME, Guard


def _found(guard: Guard, text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan("S1.1 wording", text)}


def _met(at: str) -> Guard:
    return Guard([Identifier(MEETING_TIME, f"S1 {at}")])


def _refused(guard: Guard, text: str) -> bool:
    return {kind for kind, _ in _found(guard, text)} == {"time of day"}


# -- R1: an English verb of starting or moving before "at nine" --------------------


@pytest.mark.parametrize(
    "written",
    [
        "The meeting started at nine.",
        "The debrief starts at nine.",
        "The source showed up at nine.",
        "He picked me up at nine.",
        "We sat down at nine in the car.",
        "He started at nine in the car park.",
        "prices start at nine.",  # accepted: not told from "the meeting starts at nine"
    ],
)
def test_at_nine_after_start_up_or_down_is_refused_near_the_meeting(written: str) -> None:
    assert _refused(_met("21:00"), written)


@pytest.mark.parametrize("written", ["It went up by nine.", "The price came down by nine."])
def test_up_or_down_by_nine_still_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()


# -- R2: "ging om negen naar de brug" ---------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "De bron ging om negen naar de brug.",
        "We gingen om negen naar binnen.",
        "Hij gaat om negen naar huis.",
        "We gaan om negen bij de brug staan.",
        "'s Ochtends vroeg om negen bij de brug.",
    ],
)
def test_om_negen_and_a_place_after_gaan_or_vroeg_is_refused(written: str) -> None:
    assert _refused(_met("21:00"), written)


@pytest.mark.parametrize(
    "written", ["Het gaat om negen.", "Het ging om negen en een halve kilo.", "Hij vroeg om negen."]
)
def test_om_negen_that_counts_or_asks_still_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()


# -- R3: an hour after a part of the day -------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Die avond 9 uur bij de brug afgesproken.",
        "Deze avond 9 uur bij de brug.",
        "'s avonds 21 uur in de auto.",
        "die avond 21 uur bij de brug.",
        "Zaterdagavond 21 uur met de bron.",
    ],
)
def test_a_part_of_the_day_then_a_placed_or_late_hour_is_refused_whatever_the_meeting(
    written: str,
) -> None:
    for guard in (Guard([]), _met("14:00")):
        assert _refused(guard, written)


@pytest.mark.parametrize(
    "written",
    [
        "'s Avonds 9 uur in de auto van de runner.",
        "'s avonds 9 uur in het park.",
        "Zaterdagavond 9 uur met de bron gesproken.",
        "Gisteravond 9 uur afgesproken bij het station.",
        "Hij sliep die avond 9 uur in de auto.",
    ],
)
def test_a_part_of_the_day_then_an_hour_is_refused_near_the_meeting(written: str) -> None:
    """Accepted with it: "Hij sliep die avond 9 uur in de auto." near nine."""
    assert _refused(_met("21:00"), written)
    assert _found(_met("14:00"), written) == set()  # the hour may be how long


@pytest.mark.parametrize(
    "written",
    [
        "die avond 3 uur in de auto gezeten",
        "Die ochtend 3 uur vertraging",
        "'s avonds 9 uur gewerkt",
    ],
)
def test_a_span_after_a_part_of_the_day_still_passes_away_from_a_meeting(written: str) -> None:
    assert _found(_met("14:00"), written) == set()
    assert _found(Guard([]), written) == set()


# -- F1: figures after rond/tegen, and "en <number>" --------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "De stemming eindigde 12 tegen 9.",
        "Met 12 tegen 9 in de raad aangenomen.",
        "Bron heeft om 9 en 10 euro gevraagd.",
    ],
)
def test_a_count_in_figures_after_rond_or_tegen_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()


@pytest.mark.parametrize(
    "written",
    [
        "Hij kwam om 9.",
        "Klokslag 9 bij de brug.",
        "rond negen bij de brug",
        "Hij kwam om negen en ging.",
        "Hij kwam rond 9 bij de brug.",
        "We spraken rond 9 af bij de brug.",
        "rond 9 in de avond",
        # accepted (review 7, G9): not told from "de bron kwam rond 9."
        "Er waren er rond 9.",
        "Het aantal dealers ligt rond 9.",
        "De prijs per gram ligt rond 9.",
        "Hij heeft er rond 9 op zak.",
        "Er zaten rond 9 in de auto.",
        "Hij kocht er rond 9 en verkocht er 5.",
    ],
)
def test_om_9_and_rond_negen_that_place_are_still_refused(written: str) -> None:
    assert _refused(_met("21:00"), written)


# -- F4: worded durations ------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "De bron werkt per nacht negen uur.",
    ],
)
def test_a_worded_duration_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:00", "Het was negen uur."),
        ("21:00", "'s avonds negen uur."),
        ("09:00", "zondagmorgen negen uur."),
        # accepted (review 7, G10): not told from "de afspraak is negen uur."
        ("21:00", "De maximale rijtijd per dag is negen uur."),
        ("21:00", "Het tijdsverschil met Suriname is negen uur."),
        ("21:00", "Zijn werkdag is negen uur."),
        ("21:00", "De vertraging was negen uur."),
        ("21:00", "De rit was negen uur."),
        # accepted (review 7, G12): not told from "elkaar elke avond negen uur."
        ("21:00", "Hij slaapt elke nacht negen uur."),
        ("21:00", "Hij werkt elke avond negen uur."),
        # accepted (review 7, G11): not told from "afspraak morgen negen uur."
        ("21:00", "Hij werkt morgen negen uur."),
    ],
)
def test_a_worded_time_after_het_was_or_a_part_of_the_day_is_still_refused(
    met: str, written: str
) -> None:
    assert _refused(_met(met), written)


# -- PH1, PH2: two numbers on a phone line, a date on it ---------------------------


@pytest.mark.parametrize("on_record", ["06-12345678 020-1234567", "06-12345678 - 020-1234567"])
@pytest.mark.parametrize(
    "written", ["bel 06 / / 12345678", "bel nul zes 12345678", "bel 06 -  12 34 56 78"]
)
def test_each_of_two_numbers_with_a_space_or_dash_between_is_the_source_s(
    on_record: str, written: str
) -> None:
    found = _found(Guard(identity_identifiers([on_record])), written)
    assert ("phone number", "06-12345678") in found


def test_the_second_of_two_numbers_with_a_space_between_is_the_source_s() -> None:
    guard = Guard(identity_identifiers(["06-12345678 020-1234567"]))
    assert ("phone number", "020-1234567") in _found(guard, "bel 020 - 123 45 67")


def test_a_date_on_a_phone_line_is_no_phone_number() -> None:
    guard = Guard(identity_identifiers(["06-12345678 (sinds 01-02-2020)"]))
    assert _found(guard, "De overdracht was op 01-02-2020.") == set()
    assert ("phone number", "06-12345678") in _found(guard, "bel 06 12 34 56 78")


# -- F2: "around" and "by" before a count -------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "The gang numbered around nine.",
        "The gang grew to around nine.",
        "Around 9 in 10 dealers use Telegram.",
        "Prices are around 9 to 10 euro.",
        "They were outnumbered by nine to one.",
        "The vote was won by 9 to 4.",
    ],
)
def test_around_or_by_nine_that_counts_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()


@pytest.mark.parametrize(
    "written",
    [
        "We met around nine in the car.",
        "We moved the meeting to around nine.",
        "It was around nine when he came.",
        "There were around nine.",  # accepted: a count or the hour, at a clause's end
        # accepted (review 7, G8): not told from "we were around nine at the station"
        "There were around nine in the car.",
        "There were around nine at the party.",
        "The total came to around nine.",  # accepted (review 7, G8): "came to around nine, met"
        "He finished at nine with the others.",  # accepted: "met at nine with him"
        "Be there by nine.",
    ],
)
def test_around_or_by_nine_that_places_is_still_refused(written: str) -> None:
    assert _refused(_met("21:00"), written)


# -- F3: "ten" after an hour that is a count or a height ---------------------------


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:10", "He bought nine ten-gram bags."),
        ("21:10", "He had nine ten euro notes on him."),
        ("21:50", "He paid with nine fifty-euro notes."),
        ("17:10", "He is five-ten with short hair."),
        ("13:10", "He had one ten-euro note."),
    ],
)
def test_an_hour_and_ten_that_counts_or_measures_passes(met: str, written: str) -> None:
    assert _found(_met(met), written) == set()


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:10", "We met at nine ten."),
        ("17:10", "We met at five ten."),
        ("17:10", "It was five ten."),
        # accepted (review 7, G6): not told from "the handover is about five ten"
        ("17:10", "The suspect is about five ten, slim build."),
    ],
)
def test_an_hour_and_ten_that_is_a_time_is_still_refused(met: str, written: str) -> None:
    assert _refused(_met(met), written)


# -- F5: a price with the hour in figures ---------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Hij kwam tien voor 9.",
        "vijf voor 9",
        "Hij verkocht er tien voor negen.",
        # accepted (review 7, G1): a price not told from "hij was er tien voor 9"
        "Hij verkocht er tien voor 9.",
        "Hij verkoopt ze vijf voor 9.",
    ],
)
def test_minutes_before_an_hour_otherwise_are_still_refused(written: str) -> None:
    assert _refused(_met("20:55"), written)


# -- F6: a spaced colon in a score -------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["De uitslag was 21 : 30 voor de thuisploeg.", "Hij staat op plek 21 : 30 in de rij."],
)
def test_a_score_or_place_with_a_spaced_colon_passes(written: str) -> None:
    assert _found(_met("21:30"), written) == set()


@pytest.mark.parametrize(
    "written", ["21 : 30", "Op de plek om 21 : 30.", "De uitslag was 21:30 voor de thuisploeg."]
)
def test_a_spaced_colon_otherwise_and_an_unspaced_one_are_still_refused(written: str) -> None:
    assert _refused(Guard([]), written)


# -- Gaps round 4 also let through ---------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "at 2100 near the bridge",
        "om 2100 bij de brug",
        "die avond 21u bij de brug",
        "9 uur 's-avonds bij de brug",
        "Om 21-00 uur",
        "om 21 30 uur",
        "21 00 uur.",
    ],
)
def test_these_times_in_figures_are_now_refused_whatever_the_meeting(written: str) -> None:
    for guard in (Guard([]), _met("14:00")):
        assert _refused(guard, written)


@pytest.mark.parametrize(
    "written",
    [
        "Hij werkt 20-30 uur per week.",
        "rond 10-12 uur",
        "Hij vroeg om 2100 euro.",
        "om 1500 in totaal",
    ],
)
def test_ranges_and_amounts_like_them_pass(written: str) -> None:
    assert _found(Guard([]), written) == set()


@pytest.mark.parametrize(
    "written",
    [
        "Om eenentwintig uur",
        "We met at twenty-one hundred.",
        "at twenty one hundred",
        "twenty-one hundred hours",
        "negen uur 's-avonds",
    ],
)
def test_these_worded_times_are_now_refused_near_the_meeting(written: str) -> None:
    assert _refused(_met("21:00"), written)


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("09:00", "Om eenentwintig uur"),  # the 24-hour clock: not nine in the morning
        ("20:00", "Hij werkte rond twintig uur per week."),
        ("20:00", "tot twintig uur later"),
    ],
)
def test_hours_past_twelve_in_words_that_are_no_meeting_s_time_pass(met: str, written: str) -> None:
    assert _found(_met(met), written) == set()
