"""What the review of the seventh round found, in words: the meeting's time
after "was het", with "in de avond", or "om negen" before "achter" or "voor de".
The worded forms were widened, no exception was added."""

from __future__ import annotations

import pytest

from app.services.reports.matching import Identifier
from app.services.reports.sanitise import MEETING_TIME, Guard


def _met(at: str) -> Guard:
    return Guard([Identifier(MEETING_TIME, f"S1 {at}")])


def _found(guard: Guard, text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan("S1.1 wording", text)}


def _refused(guard: Guard, text: str) -> bool:
    return {kind for kind, _ in _found(guard, text)} == {"time of day"}


# -- H2: the hour in words --------------------------------------------------------

_WORDS = [
    "Het was negen uur in de avond.",
    "Toen was het negen uur.",
    "Om negen achter het station.",
    "De bron stond om negen voor de deur.",
]


@pytest.mark.parametrize("written", _WORDS)
def test_the_meeting_s_time_in_words_is_refused(written: str) -> None:
    assert _refused(_met("21:00"), written)


@pytest.mark.parametrize("written", _WORDS)
def test_the_same_words_far_from_every_meeting_pass(written: str) -> None:
    assert _found(_met("14:00"), written) == set()


@pytest.mark.parametrize(
    ("at", "written"),
    [
        ("09:00", "Het was negen uur in de ochtend."),
        ("09:00", "Is het negen uur, dan gaan we."),
        ("21:00", "Om negen achter de kerk."),
        ("21:00", "Om negen voor het station."),
    ],
)
def test_other_wordings_near_the_meeting_are_refused(at: str, written: str) -> None:
    assert _refused(_met(at), written)


def test_in_de_avond_reads_the_evening() -> None:
    # A part of the day said settles the clock: nine in the evening is not 9:00.
    assert _found(_met("09:00"), "Het was negen uur in de avond.") == set()
    assert _found(_met("09:00"), "Het was 9.00 in de avond.") == set()
    assert _refused(_met("09:00"), "Om negen in de avondwinkel.")  # no part of the day


@pytest.mark.parametrize(
    "written", ["Het gaat om negen achter elkaar.", "Het gaat om negen voor ons."]
)
def test_om_negen_before_no_place_still_passes(written: str) -> None:
    assert _found(_met("21:00"), written) == set()
