"""What the fifth review found: a long narrative that stalled the e-mail search; a
surname that starts with a particle after a title (``de heer Van der Berg``)
refused as the source's ``Van``; hours after a part of the day that are a span
(``die avond 3 uur in de auto``); the source's number on a phone line that holds
a word or two numbers; times in figures no rule saw (``om 9.``, ``om 21u``,
``quarter past 9``); and the worded times, prices, digits and titles after them.
Each finding with the ordinary text next to it that must still pass."""

from __future__ import annotations

import pytest

from app.services.reports import sanitise
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import MEETING_TIME, Guard


def _found(guard: Guard, text: str) -> set[tuple[str, str]]:
    return {(h.kind, h.found) for h in guard.scan("S1.1 wording", text)}


def _met(at: str) -> Guard:
    return Guard([Identifier(MEETING_TIME, f"S1 {at}")])


def _kinds(name: str, written: str) -> set[str]:
    return {kind for kind, _ in _found(Guard(identity_identifiers([name])), written)}


# -- P1: the e-mail search on a long narrative -------------------------------------


def test_an_e_mail_match_starts_only_where_a_run_of_address_characters_starts() -> None:
    """Unanchored, the search retried every position of a long run of digits or
    dots, quadratic (a 100 KB run took 96 s): a denial of service on a narrative."""
    assert sanitise._EMAIL.pattern.startswith(r"(?<![\w.+\-])")
    assert sanitise._EMAIL.search("x7jan@x.nl", 2) is None  # not from inside a run


def test_an_address_after_a_long_run_of_digits_is_still_found() -> None:
    text = "7" * 100_000 + " mail jan.de.vries+x@mail.example.nl of (piet@x.nl)"
    assert _found(Guard([]), text) == {
        ("e-mail address", "jan.de.vries+x@mail.example.nl"),
        ("e-mail address", "piet@x.nl"),
    }


# -- P2, P12: a particle after a title --------------------------------------------


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Jan van Dijk", "De heer Van der Berg kwam ook."),
        ("Jan van Dijk", "mevrouw Van den Broek"),
        ("Jan van Dijk", "meneer Van 't Hek"),
        ("Jan van Dijk", "meneer Van ’t Hek"),
        ("Jan van Dijk", "mevrouw Van de Ven"),
        ("Jan van Dijk", "de heer VAN DAM"),
        ("Jan van Dijk", "dhr. VAN DER MEER"),
        ("Anna de Jong", "mevrouw De la Cruz"),
        ("Anna de Jong", "de heer DE VRIES"),
        ("Jan ter Horst", "de heer TER HAAR"),
        ("Thi Le", "Ms LE PEN"),
        ("Thi Le", "Mevrouw Le-Grand"),
        ("Thi Le", "Mevrouw Le-Grand."),
    ],
)
def test_a_titled_particle_that_starts_another_surname_passes(name: str, written: str) -> None:
    assert _kinds(name, written) == set()


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Jan van Dijk", "de heer Van kwam"),
        ("Jan van Dijk", "De heer Van."),
        ("Jan van Dijk", "Mr Van said"),
        ("Jan van Dijk", "mevrouw Van in de tuin"),  # "in" is no particle here
        ("Jan van Dijk", "Hij gaf de heer Van de sleutel."),  # "de" then a small word
        ("Jan van Dijk", "DE HEER VAN DAM"),  # a title in capitals: all one case
        ("Thi Le", "MEVROUW LE ZEI"),
        ("Thi Le", "mevrouw le zei"),
        # Kept: "le" is no Dutch word, so in small letters the guard cannot tell
        # "le roux" from "le zei".
        ("Thi Le", "mevrouw le roux"),
    ],
)
def test_a_titled_particle_that_is_the_surname_is_still_refused(name: str, written: str) -> None:
    assert _kinds(name, written) == {"identity"}


@pytest.mark.parametrize(
    "written",
    ["Mme Le", "Mlle Le zei", "Frau Le", "juf Le kwam", "zuster Le", "broeder Le.", "Herr Le"],
)
def test_a_particle_after_a_french_german_or_dutch_title_is_refused(written: str) -> None:
    assert _kinds("Thi Le", written) == {"identity"}
