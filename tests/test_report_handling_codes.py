"""5x5x5 handling code 5 (NIM: no further dissemination, refer to the originator)
keeps an item out of every sanitised report; 1, 2 and 3 let it in."""

from __future__ import annotations

import uuid

import pytest

from app.domain.enums import GradingScheme
from app.domain.grading import Grading, scheme
from app.domain.scope import Scope
from app.reports.labels import Labels
from app.services.records import debriefs
from app.services.reports.sanitise import sanitised_body
from app.vault.vault import Vault
from tests.helpers import factory


def test_code_5_is_not_shareable_and_still_needs_its_conditions() -> None:
    s = scheme(GradingScheme.UK_5X5X5)
    assert s.shareable == frozenset({"1", "2", "3"})
    assert s.label("handling", "5").startswith("No further dissemination: refer to the originator")
    assert not Grading(GradingScheme.UK_5X5X5, "B", "2", "5", "Only via DI Jansen").shareable
    assert Grading(GradingScheme.UK_5X5X5, "B", "2", "5").problems() == ["handling conditions"]
    assert Grading(GradingScheme.UK_5X5X5, "B", "2", "5", "Refer to DI Jansen").problems() == []


def test_the_label_of_code_5_has_dutch() -> None:
    label = scheme(GradingScheme.UK_5X5X5).label("handling", "5")
    assert Labels("nl")(label).startswith("Geen verdere verspreiding")


@pytest.mark.parametrize(
    ("code", "shared"), [("1", True), ("2", True), ("3", True), ("4", False), ("5", False)]
)
def test_only_codes_1_to_3_reach_a_sanitised_report(
    vault: Vault, runner: Scope, code: str, shared: bool
) -> None:
    source_id = factory.source(vault, runner, "KWARTS")
    item = factory.graded_item(
        "Reported",
        sanitised_text="Goods are stored at a garage.",
        scheme=GradingScheme.UK_5X5X5,
        source_evaluation="B",
        intelligence_assessment="2",
        handling_code=code,
        handling_conditions="Refer to the originator." if code == "5" else "",
    )
    first = factory.graded_item("A", sanitised_text="First shareable.")
    debrief_id: uuid.UUID = factory.debrief(
        vault, runner, source_id, items=(first, item), submit=True
    )
    chosen = sanitised_body([debriefs.get_debrief(vault, runner, debrief_id)])
    texts = [i.text for d in chosen.body.debriefs for i in d.items]
    assert texts == (
        ["First shareable.", "Goods are stored at a garage."] if shared else ["First shareable."]
    )
