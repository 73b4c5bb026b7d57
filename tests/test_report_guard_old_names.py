"""A codename or a place's codeword from before the rule of names (an escape
sequence or a bell in it) is refused in a sanitised report as it shows and as
people type it: the guard never meets the raw spelling in a report's text."""

from __future__ import annotations

import uuid

import pytest

from app.domain.scope import Scope
from app.services.reports import Selection, request_sanitised
from app.services.reports.matching import fold
from app.services.reports.sanitise import SanitisationRefused
from app.vault.vault import Vault
from tests.helpers import factory


def _refused_as(
    vault: Vault, scope: Scope, source: uuid.UUID, wording: str
) -> set[tuple[str, str]]:
    item = factory.graded_item("Reported.", sanitised_text=wording)
    debrief = factory.debrief(vault, scope, source, items=(item,), submit=True)
    with pytest.raises(SanitisationRefused) as refused:
        request_sanitised(
            vault, scope, Selection(debrief_id=debrief), passphrase=factory.PASSPHRASE
        )
    return {(h.kind, fold(h.found)) for h in refused.value.hits}


@pytest.mark.parametrize("raw", ["KWARTS\x07", "KWARTS\x1b[0m", "KW\x1b[1mARTS"])
def test_a_codename_from_before_the_rule_is_refused_as_it_shows(
    vault: Vault, runner: Scope, raw: str
) -> None:
    source = factory.source(vault, runner, "KWARTS")
    other = factory.source(vault, runner, "ONYX")
    with vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE source SET codename = ? WHERE codename = 'KWARTS'", (raw,))
    assert ("codename", "kwarts") in _refused_as(
        vault, runner, source, "KWARTS was seen at the shed."
    )
    # Another source's codename the alias may see: refused too, as it shows.
    assert any(
        found == "kwarts" for _kind, found in _refused_as(vault, runner, other, "Met KWARTS.")
    )
