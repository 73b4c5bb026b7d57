"""What the guard used to miss (guard_shapes, sanitise, worded_times): a name
glued to a letter before it or with a letter doubled or added at its end, the
source's phone number with wide separators, and a meeting's time in words; and
the ordinary text next to each that must still pass."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.domain.scope import Scope
from app.services.records import debriefs, identity, sources
from app.services.reports import Selection, check_sanitised
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import MEETING_TIME, Guard
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory

NAMES = {
    "identity": Guard(identity_identifiers(["Anna de Vries", "Piet Hendriks", "Jan Smit"])),
    "cover name": Guard([Identifier("cover name", "De Vries")]),
    "codename": Guard([Identifier("codename", "De Vries")]),
}
PHONE = Guard(identity_identifiers(["+31 6 1234 5678"]))


def _kinds(guard: Guard, text: str) -> set[str]:
    return {h.kind for h in guard.scan("x", text)}


@pytest.mark.parametrize("kind", list(NAMES))
@pytest.mark.parametrize(
    "written",
    ["xDEVRIES said", "the xdevries file", "DeVriess said", "DEVRIESS", "DeVriesx said"],
)
def test_a_two_part_name_glued_to_a_letter_is_refused(kind: str, written: str) -> None:
    assert kind in _kinds(NAMES[kind], written)


@pytest.mark.parametrize(
    "written",
    ["De Vriess said", "Mr Smitt", "SMITT", "Hendrikss", "Hendriksz said"],
)
def test_a_name_with_its_last_letter_doubled_or_a_letter_added_is_refused(written: str) -> None:
    assert _kinds(NAMES["identity"], written) == {"identity"}


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Vrolijk", "een vrolijke man"),
        ("Stil", "he was still there"),
        ("Smal", "a small car"),
        ("Smal", "een smalle straat"),
    ],
)
def test_a_name_that_is_a_word_does_not_refuse_its_inflections(name: str, written: str) -> None:
    assert _kinds(Guard(identity_identifiers([f"Anna {name}"])), written) == set()


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Vrolijk", "Mr Vrolijkx said"),
        ("Vrolijk", "VROLIJKK"),
        ("Stil", "Mr Still"),
        ("Stil", "STILL"),
    ],
)
def test_those_names_with_a_letter_more_written_as_names_are_refused(
    name: str, written: str
) -> None:
    assert _kinds(Guard(identity_identifiers([f"Anna {name}"])), written) == {"identity"}


@pytest.mark.parametrize("kind", list(NAMES))
def test_ordinary_words_near_the_names_pass(kind: str) -> None:
    text = (
        "Smith put the goods in de vriezer and the diepvries; the Vriesland ferry; "
        "de jonge smid; Annabel and Hanna; Hendrikje; smitten"
    )
    assert _kinds(NAMES[kind], text) == set()


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Anna van den Berg", "Vandenbroucke said"),
        ("Jan uit den Bogaard", "Hij moest het uitdenken."),
        ("Piet van der Wal", "the Vanderbilt hotel"),
    ],
)
def test_a_run_of_particles_only_is_not_a_name(name: str, written: str) -> None:
    assert _kinds(Guard(identity_identifiers([name])), written) == set()


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Anna van den Berg", "VANDENBERG said"),
        ("Anna van den Berg", "the xvandenberg file"),
        ("Jan uit den Bogaard", "UitDenBogaard"),
        ("Piet van der Wal", "vanderwal"),
    ],
)
def test_a_run_with_a_name_part_is_still_found_glued(name: str, written: str) -> None:
    assert _kinds(Guard(identity_identifiers([name])), written) == {"identity"}


@pytest.mark.parametrize(
    "written",
    [
        "bel 06 - 1234 5678",
        "06 – 12 34 56 78",  # an en dash, spaced
        "+31 - 6 - 1234 - 5678",
        "(06) 1234.5678",
        "0031 6 12 34 56 78",
        "+31 (0)6 12345678",
    ],
)
def test_the_source_s_phone_number_with_wide_separators_is_refused(written: str) -> None:
    assert "phone number" in _kinds(PHONE, written)


@pytest.mark.parametrize(
    "written",
    ["paid 1.250,00 euro", "items 12 - 3 - 4", "invoice 2024-11-02", "call 06 - 8765 4321"],
)
def test_other_numbers_are_not_the_source_s_phone_number(written: str) -> None:
    assert "phone number" not in _kinds(PHONE, written)


@pytest.mark.parametrize(
    "written",
    [
        "In de periode 01-02-2024 – 05-02-2024",
        "2024-01-02 - 2024-01-05",
        "zaaknummers 0123 / 4567 / 8901",
        "van 01-02-2024-05-02-2024",
    ],
)
def test_date_ranges_and_case_numbers_are_not_phone_numbers(written: str) -> None:
    assert _kinds(PHONE, written) == set()


@pytest.mark.parametrize("written", ["bel 06-87654321", "bel 020-1234567", "0687654321"])
def test_anyone_s_phone_number_is_still_phone_number_like(written: str) -> None:
    assert _kinds(PHONE, written) == {"phone-number-like text"}


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:30", "Met at half past nine."),
        ("21:30", "Om half tien gesproken."),
        ("21:30", "Around nine thirty."),
        ("09:30", "At half nine in the morning."),
        ("21:10", "Kwart over negen."),
        ("21:05", "Om negen uur."),
        ("21:00", "At nine o'clock."),
        ("21:00", "Negen uur 's avonds."),
        ("21:25", "Vijf voor half tien."),
        ("20:45", "A quarter to nine."),
        ("00:05", "Om twaalf uur."),
    ],
)
def test_a_meeting_s_time_in_words_is_refused(met: str, written: str) -> None:
    guard = Guard([Identifier(MEETING_TIME, met)])
    hits = [(h.kind, h.found) for h in guard.scan("x", written)]
    assert [kind for kind, _ in hits] == ["time of day"]
    assert hits[0][1] in written.casefold()


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:30", "Nine items, een half uur, negen uur gewerkt."),
        ("21:30", "Om drie uur; a quarter past two; half elf."),
        ("21:30", "Om negen uur."),  # half an hour off: another time
        (None, "Met at half past nine."),  # no meeting time recorded
    ],
)
def test_other_times_and_ordinary_words_pass(met: str | None, written: str) -> None:
    guard = Guard([Identifier(MEETING_TIME, met)] if met else [])
    assert _kinds(guard, written) == set()


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("21:00", "Om een uur of negen kwam hij."),  # about nine
        ("21:05", "Rond een uur of negen."),
        ("01:00", "Om één uur."),
        ("13:00", "Hij kwam om één uur binnen."),
        ("01:00", "Om een uur."),
        ("13:00", "Een uur 's middags."),
        ("00:30", "Half een."),
        ("00:45", "Kwart voor een."),
        ("13:15", "Om kwart over een."),
        ("00:55", "Hij kwam om vijf voor een binnen."),
        ("12:55", "Hij kwam vijf voor een."),
        ("21:00", "Nine in the evening."),
    ],
)
def test_dutch_one_and_about_are_read_as_dutch_says_them(met: str, written: str) -> None:
    assert _kinds(Guard([Identifier(MEETING_TIME, met)]), written) == {"time of day"}


@pytest.mark.parametrize(
    ("met", "written"),
    [
        ("13:00", "Om een uur of negen kwam hij."),  # nine, not one
        ("13:00", "Hij bleef tot een uur later."),
        ("13:00", "Hij werkte een uur lang, om een uur per dag."),
        ("12:55", "Hij kocht ze vijf voor een euro."),
        ("12:50", "Hij kreeg tien voor een toets."),
        ("09:00", "Negen uur 's avonds."),  # the evening: 21:00
        ("21:00", "At nine in the morning."),
    ],
)
def test_a_and_the_other_half_of_the_day_pass(met: str, written: str) -> None:
    assert _kinds(Guard([Identifier(MEETING_TIME, met)]), written) == set()


def test_a_debrief_s_text_is_held_to_its_own_and_its_neighbours_meeting_times() -> None:
    """Of a report of many meetings, each text is compared with its own and the
    debriefs' next to it: else most of the clock is near one of them."""
    guard = Guard(
        [
            Identifier(MEETING_TIME, "S1 21:30"),
            Identifier(MEETING_TIME, "S2 14:00"),
            Identifier(MEETING_TIME, "S3 18:00"),
        ]
    )
    assert _hits(guard, "S1.1 wording", "At half past nine.") == {"time of day"}
    assert _hits(guard, "S2.1 wording", "At half past nine.") == {"time of day"}
    assert _hits(guard, "S3.1 wording", "At half past nine.") == set()  # two away
    assert _hits(guard, "S2.1 wording", "Om twee uur.") == {"time of day"}
    assert _hits(guard, "title", "At half past nine.") == {"time of day"}


def _hits(guard: Guard, where: str, text: str) -> set[str]:
    return {h.kind for h in guard.scan(where, text)}


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's clock in Dutch time."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("amsterdam")
def test_a_request_is_refused_for_the_meeting_s_time_and_the_phone_number_on_record(
    vault: Vault, runner: Scope
) -> None:
    """End to end: the meeting at 20:30 UTC, 21:30 in Amsterdam; the phone number
    from the identity."""
    source_id = sources.create_source(vault, runner, sources.SourceDraft(codename="KWARTS"))
    identity.record_identity(
        vault,
        runner,
        source_id,
        IdentityFields(full_name="Anna de Vries", phone_numbers=("+31 6 1234 5678",)),
    )
    met = datetime(2026, 11, 3, 20, 30, tzinfo=UTC)
    contact = factory.contact(vault, runner, source_id, occurred_at=met)
    debrief_id = debriefs.create_draft(vault, runner, source_id, contact_id=contact)
    wordings = [
        "Goods are reportedly stored at a garage.",
        "The goods came in at half past eight.",  # UTC, as the report prints times
        "De goederen kwamen om half tien.",  # local time
        "Reachable on 06 - 12 34 56 78.",
        "Ask xDEVRIES.",
        "The goods left at half past two.",  # another time: allowed
    ]
    for n, wording in enumerate(wordings):
        debriefs.add_item(
            vault, runner, debrief_id, factory.graded_item(f"R{n}", sanitised_text=wording)
        )
    debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        debriefs.DebriefContent(narrative="Met.", critical_reflection="Ok."),
    )
    debriefs.submit(vault, runner, debrief_id)
    hits = check_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    assert {(h.where, h.kind) for h in hits} == {
        ("S1.2 wording", "time of day"),
        ("S1.3 wording", "time of day"),
        ("S1.4 wording", "phone number"),
        ("S1.5 wording", "identity"),
    }


def _met(vault: Vault, runner: Scope, source_id: uuid.UUID, at: datetime, wording: str) -> None:
    """A submitted debrief of a meeting at ``at`` with one item worded so."""
    contact = factory.contact(vault, runner, source_id, occurred_at=at)
    debrief_id = debriefs.create_draft(vault, runner, source_id, contact_id=contact)
    debriefs.add_item(vault, runner, debrief_id, factory.graded_item(sanitised_text=wording))
    debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        debriefs.DebriefContent(narrative="Met.", critical_reflection="Ok."),
    )
    debriefs.submit(vault, runner, debrief_id)


@pytest.mark.usefixtures("amsterdam")
def test_in_a_report_each_debrief_is_held_to_its_own_and_its_neighbours_meetings(
    vault: Vault, runner: Scope
) -> None:
    """S1 met at 20:30 UTC, S2 the next day at 13:00 UTC (14:00 in Amsterdam), S3
    the day after at 9:00 UTC: S1 and S2 name each other's time, refused; S3 names
    S1's, two debriefs away, which passes (a limit, docs/reports.md)."""
    source_id = sources.create_source(vault, runner, sources.SourceDraft(codename="KWARTS"))
    _met(vault, runner, source_id, datetime(2026, 11, 3, 20, 30, tzinfo=UTC), "At two o'clock.")
    _met(vault, runner, source_id, datetime(2026, 11, 4, 13, 0, tzinfo=UTC), "Half past eight.")
    _met(vault, runner, source_id, datetime(2026, 11, 5, 9, 0, tzinfo=UTC), "Half past eight.")
    hits = check_sanitised(
        vault, runner, Selection(source_id=source_id), passphrase=factory.PASSPHRASE
    )
    assert sorted((h.where, h.kind) for h in hits) == [
        ("S1.1 wording", "time of day"),
        ("S2.1 wording", "time of day"),
    ]
