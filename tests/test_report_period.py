"""A period report covers the meetings in the period: a debrief counts by its
contact's day (UTC), a debrief without a contact by the day it was made. Both
report kinds, and the app's period choice, select through the same service."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from app.clock import utc_now
from app.domain.meeting import met_on
from app.domain.scope import Scope
from app.errors import NotFound
from app.models.reports import IssuedReport
from app.services.records import debriefs
from app.services.reports import Selection
from app.services.reports.internal_report import issue_internal, read_internal_body
from app.services.reports.sanitised_report import _sanitised_selection
from app.vault.vault import Vault
from tests.helpers import factory

NOVEMBER = Selection(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))


def _met(vault: Vault, scope: Scope, source: uuid.UUID, day: int) -> None:
    """A submitted debrief of a meeting on ``day`` November, written today."""
    when = datetime(2026, 11, day, 23, 30, tzinfo=UTC)  # late: a local-time slip shows
    contact = factory.contact(vault, scope, source, occurred_at=when)
    debrief = debriefs.create_draft(vault, scope, source, contact_id=contact)
    content = debriefs.DebriefContent(narrative="Met.", critical_reflection="Keen.")
    debriefs.save_draft(vault, scope, debrief, content)
    debriefs.add_item(vault, scope, debrief, factory.graded_item())
    debriefs.submit(vault, scope, debrief)


@pytest.fixture
def files(vault: Vault, runner: Scope) -> uuid.UUID:
    """PELIKAAN (returned) met on 15, 3 and 10 November; ONYX's one debrief has no
    contact; KIEZEL met in November but has no debrief."""
    pelikaan = factory.source(vault, runner, "PELIKAAN")
    for day in (15, 3, 10):
        _met(vault, runner, pelikaan, day)
    factory.debrief(vault, runner, factory.source(vault, runner, "ONYX"), submit=True)
    factory.contact(vault, runner, factory.source(vault, runner, "KIEZEL"))
    return pelikaan


def _internal(
    vault: Vault, scope: Scope, selection: Selection
) -> tuple[tuple[str, ...], list[str]]:
    """The report's Source line and the day each debrief is headed with."""
    body, _views = read_internal_body(vault, scope, selection)
    return body.codenames, [met_on(d).isoformat() for d in body.debriefs]


@pytest.mark.usefixtures("files")
def test_the_debriefs_of_november_are_its_meetings(vault: Vault, runner: Scope) -> None:
    codenames, heads = _internal(vault, runner, NOVEMBER)
    assert heads == ["2026-11-03", "2026-11-10", "2026-11-15"]  # oldest meeting first
    assert codenames == ("PELIKAAN",)  # not KIEZEL: no debrief of it in the report


@pytest.mark.usefixtures("files")
def test_a_debrief_without_a_contact_counts_by_the_day_it_was_made(
    vault: Vault, runner: Scope
) -> None:
    today = utc_now().date()
    codenames, heads = _internal(vault, runner, Selection(date_from=today, date_to=today))
    assert heads == [today.isoformat()]  # not November's meetings, though written today
    assert codenames == ("ONYX",)


@pytest.mark.usefixtures("files")
def test_the_sanitised_report_covers_the_same_meetings(vault: Vault, runner: Scope) -> None:
    chosen, views = _sanitised_selection(vault, runner, NOVEMBER)
    _codenames, heads = _internal(vault, runner, NOVEMBER)
    assert [d.obtained_on.isoformat() for d in chosen.body.debriefs] == heads
    assert (chosen.body.period_from, chosen.body.period_to) == (
        NOVEMBER.date_from,
        NOVEMBER.date_to,
    )
    assert len(views) == 3


@pytest.mark.usefixtures("files")
def test_a_period_without_meetings_finds_nothing(vault: Vault, runner: Scope) -> None:
    with pytest.raises(NotFound):
        read_internal_body(
            vault, runner, Selection(date_from=date(2026, 10, 1), date_to=date(2026, 11, 2))
        )


def test_the_register_dates_a_source_report_by_its_meetings_as_the_report_does(
    vault: Vault, runner: Scope, files: uuid.UUID
) -> None:
    """Chosen by source, no period: the register's period is the days the report
    heads its debriefs with (the meetings), not the days they were written up."""
    pelikaan = Selection(source_id=files)
    issued = issue_internal(vault, runner, pelikaan)
    _codenames, heads = _internal(vault, runner, pelikaan)
    with vault.read() as session:
        row = session.get(IssuedReport, issued.report_id)
        assert row is not None
        period = (row.period_from, row.period_to)
    assert (
        period
        == (date(2026, 11, 3), date(2026, 11, 15))
        == tuple(date.fromisoformat(heads[i]) for i in (0, -1))
    )
