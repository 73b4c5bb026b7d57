"""Details of the internal report's tables: an id breaks only after a dash, never
inside a group; an item's subjects come in natural order ("Persoon 2" before
"Persoon 10"), each with its kind, in the report's language."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from app.domain.enums import SubjectKind
from app.domain.scope import Scope
from app.reports.render import render
from app.reports.views import InternalReport
from app.services.reports import Selection
from app.services.reports.internal_report import read_internal_body
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text


@pytest.mark.parametrize("seed", range(6))
def test_a_source_id_breaks_only_after_a_dash(seed: int) -> None:
    source_id = str(uuid.UUID(int=(seed + 1) * 0x1234_5678_9ABC_DEF0_1357_9BDF_0246_8ACE))
    base = _small_internal()
    debrief = dataclasses.replace(base.body.debriefs[0], source_id=source_id)
    report = dataclasses.replace(base, body=dataclasses.replace(base.body, debriefs=(debrief,)))
    first = pages_text(render(report).data)[0]
    lines = [line.strip() for line in first.splitlines()]
    groups = source_id.split("-")
    printed = "".join(line for line in lines if any(g in line for g in groups))
    for group in groups:
        assert any(group in line for line in lines), group  # whole, on one line
    assert source_id in printed.replace(" ", "")


def _report(vault: Vault, scope: Scope, language: str) -> tuple[InternalReport, str]:
    onyx = factory.source(vault, scope, "ONYX")
    subjects = (
        (SubjectKind.PERSON, "Persoon 10"),
        (SubjectKind.VEHICLE, "XX-123-Y"),
        (SubjectKind.PERSON, "Persoon 2"),
        (SubjectKind.ORGANISATION, "persoon 1 B.V."),
        (SubjectKind.PLACE, "Haven"),
    )
    factory.debrief(vault, scope, onyx, items=(factory.graded_item(subjects=subjects),))
    body, _views = read_internal_body(vault, scope, Selection(source_id=onyx, include_drafts=True))
    base = _small_internal()
    report = InternalReport(dataclasses.replace(base.stamp, language=language), body)
    return report, " ".join(" ".join(pages_text(render(report).data)).split())


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        (
            "en",
            "Haven (place), persoon 1 B.V. (organisation), Persoon 2 (person), "
            "Persoon 10 (person), XX-123-Y (vehicle)",
        ),
        (
            "nl",
            "Haven (plaats), persoon 1 B.V. (organisatie), Persoon 2 (persoon), "
            "Persoon 10 (persoon), XX-123-Y (voertuig)",
        ),
    ],
)
def test_subjects_in_natural_order_with_their_kind(
    vault: Vault, runner: Scope, language: str, printed: str
) -> None:
    report, text = _report(vault, runner, language)
    names = [s.name for s in report.body.debriefs[0].items[0].subjects]
    assert names == ["Haven", "persoon 1 B.V.", "Persoon 2", "Persoon 10", "XX-123-Y"]
    assert printed in text
