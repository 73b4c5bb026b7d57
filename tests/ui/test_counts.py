"""Counts in words in both languages (Qt's plural forms: English from veldboek_en.qm,
Dutch from veldboek_nl.qm): the counted pieces a sentence with several counts is
made of ("1 package", "3 pakketten"), such a sentence as the Receive tab shows it,
and the notice of text held at the lock (which used to reach no translation)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.records.held_text import PutBack
from app.ui import counts
from app.ui.held_at_lock import say_put_back

PIECES: dict[str, tuple[Callable[[int], str], tuple[str, str], tuple[str, str]]] = {
    "debriefs": (counts.debriefs, ("1 debrief", "3 debriefs"), ("1 debriefing", "3 debriefings")),
    "files": (counts.files, ("1 file", "3 files"), ("1 bestand", "3 bestanden")),
    "packages": (counts.packages, ("1 package", "3 packages"), ("1 pakket", "3 pakketten")),
    "reviews": (counts.reviews, ("1 review", "3 reviews"), ("1 beoordeling", "3 beoordelingen")),
    "newer": (
        counts.newer_versions,
        ("1 newer version", "3 newer versions"),
        ("1 nieuwere versie", "3 nieuwere versies"),
    ),
    "older": (
        counts.older_versions,
        ("1 older version", "3 older versions"),
        ("1 oudere versie", "3 oudere versies"),
    ),
}


@pytest.mark.parametrize("piece", sorted(PIECES))
def test_a_counted_piece_takes_the_number_it_counts(
    qapp: QApplication, language: str, piece: str
) -> None:
    count, english, dutch = PIECES[piece]
    assert (count(1), count(3)) == (english if language == "en" else dutch)


def test_a_sentence_with_three_counts_reads_in_either_language(
    qapp: QApplication, language: str
) -> None:
    template = QCoreApplication.translate(
        "ReceiveTab",
        "Receipt from {sender}: {packages} confirmed, {reviews} taken in, "
        "{debriefs} removed from this vault.",
    )
    text = template.format(
        sender="Havik",
        packages=counts.packages(1),
        reviews=counts.reviews(2),
        debriefs=counts.debriefs(3),
    )
    assert (
        text
        == {
            "en": "Receipt from Havik: 1 package confirmed, 2 reviews taken in, "
            "3 debriefs removed from this vault.",
            "nl": "Ontvangstbewijs van Havik: 1 pakket bevestigd, 2 beoordelingen overgenomen, "
            "3 debriefings uit deze kluis verwijderd.",
        }[language]
    )


def test_the_text_held_at_the_lock_is_counted_in_words(qtbot: QtBot, language: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = say_put_back(parent, PutBack(stored=0, still_held=1, dropped=2))
    said = box.text()
    box.close()
    if language == "en":
        assert said.startswith("1 piece of typed text could still not be saved")
        assert "2 pieces of typed text held from the lock could not be put back" in said
    else:
        assert said.startswith("1 stuk getypte tekst kon nog steeds niet worden opgeslagen")
        assert "2 stukken getypte tekst van de vergrendeling konden niet" in said
    assert "(s)" not in said


def test_the_held_text_notice_says_part_was_saved_when_part_was_not(
    qtbot: QtBot, language: str
) -> None:
    """A new user's trial: "What you typed … is saved now." then "1 piece … could
    still not be saved": when both apply, the first line says only part was saved."""
    parent = QWidget()
    qtbot.addWidget(parent)
    part = {"en": "Part of what you typed", "nl": "Een deel van wat u typte"}[language]
    for back in (
        PutBack(stored=2, still_held=1, dropped=0),
        PutBack(stored=1, still_held=0, dropped=1),
    ):
        box = say_put_back(parent, back)
        said = box.text()
        box.close()
        assert said.startswith(part)
    box = say_put_back(parent, PutBack(stored=2, still_held=0, dropped=0))
    said = box.text()
    box.close()
    assert said.startswith({"en": "What you typed", "nl": "Wat u typte"}[language])
