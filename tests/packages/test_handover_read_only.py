"""A source handed over from this vault is the new runner's: until their receipt
purges it (or for good, under the keep rule) its file here is read only, so no
work is added that would never leave the laptop and go with the purge. Reading
stays possible; a source handed back is writable again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.domain.enums import ContactKind, RiskLevel
from app.errors import WorkflowError
from app.models import AuditEvent, Debrief
from app.services.exchange import handover, package_receive, receipts
from app.services.records import (
    closing,
    contacts,
    debrief_workflow,
    debriefs,
    identity,
    sources,
    tasking,
    welfare,
)
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.packages.conftest import Party, Team, rich_debrief

HANDED = "was handed over to Runner Reiger on"


def _events(party: Party) -> int:
    with party.vault.read() as session:
        return int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def _setup(team: Team) -> tuple[uuid.UUID, uuid.UUID]:
    """A source with a submitted debrief, handed to Reiger: (source, debrief)."""
    valk = team.valk
    submitted = rich_debrief(valk, "ZWALUW")
    with valk.vault.read() as session:
        source = session.execute(select(Debrief.source_id)).scalar_one()
    identity.record_identity(
        valk.vault,
        valk.scope,
        source,
        IdentityFields("Johanna Vlug", "1980-02-03", ("Kade 7",), (), b"", ""),
    )
    handover.hand_over(
        valk.vault,
        valk.scope,
        source,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Reiger",
        to_dir=team.stick,
    )
    return source, submitted


def _changes(source: uuid.UUID, submitted: uuid.UUID) -> dict[str, Callable[[Party], object]]:
    fields = IdentityFields("Someone Else", "1970-01-01", (), (), b"", "")
    return {
        "edit the source": lambda p: sources.update_source(
            p.vault, p.scope, source, sources.SourceDraft("ZWALUW", notes="More notes.")
        ),
        "close the registration": lambda p: closing.close_registration(
            p.vault, p.scope, source, reason="Stopped cooperating"
        ),
        "assess the risk": lambda p: welfare.assess_risk(
            p.vault, p.scope, source, level=RiskLevel.HIGH, review_on=date(2099, 1, 1)
        ),
        "give an instruction": lambda p: welfare.give_instruction(
            p.vault, p.scope, source, "Stay away from the harbour."
        ),
        "review reliability": lambda p: welfare.review_reliability(
            p.vault, p.scope, source, "2", "Mostly right."
        ),
        "add a tasking": lambda p: tasking.add_tasking(p.vault, p.scope, source, "Find out more."),
        "record a contact": lambda p: contacts.record_contact(
            p.vault,
            p.scope,
            source,
            contacts.ContactDraft(
                kind=ContactKind.MEETING, occurred_at=datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
            ),
        ),
        "start a debrief": lambda p: debriefs.create_draft(p.vault, p.scope, source),
        "add an addendum": lambda p: debrief_workflow.add_addendum(
            p.vault, p.scope, submitted, "Something I forgot."
        ),
        "record the identity": lambda p: identity.record_identity(p.vault, p.scope, source, fields),
    }


def test_every_change_to_a_handed_over_file_is_refused_and_nothing_changes(team: Team) -> None:
    valk = team.valk
    source, submitted = _setup(team)
    before = _events(valk)
    for what, change in _changes(source, submitted).items():
        with pytest.raises(WorkflowError, match=HANDED) as refused:
            change(valk)
        assert "read only in this vault" in str(refused.value), what
    assert _events(valk) == before  # not one write, not even an audit event
    with valk.vault.read() as session:
        assert session.execute(select(func.count()).select_from(Debrief)).scalar_one() == 1
    # Reading stays: the file, and the identity on purpose.
    assert sources.source_file(valk.vault, valk.scope, source).overview.id == source
    revealed = identity.reveal_identity(
        valk.vault, valk.scope, source, passphrase=factory.PASSPHRASE, reason="Checking the file"
    )
    assert revealed.full_name == "Johanna Vlug"


def test_the_file_is_writable_again_once_handed_back(team: Team) -> None:
    valk, reiger = team.valk, team.reiger
    source, _submitted = _setup(team)
    there = next(team.stick.glob("*.age"))
    package_receive.import_package(reiger.vault, reiger.scope, there)
    made = receipts.create_receipt(
        reiger.vault, reiger.scope, runner="Runner Valk", to_dir=team.stick
    )
    receipts.import_receipt(valk.vault, valk.scope, made.path)
    back = handover.hand_over(
        reiger.vault,
        reiger.scope,
        source,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk",
        to_dir=team.stick,
    )
    package_receive.import_package(valk.vault, valk.scope, back.path)
    given = welfare.give_instruction(valk.vault, valk.scope, source, "Welcome back.")
    texts = [i.text for i in sources.source_file(valk.vault, valk.scope, source).instructions]
    assert given
    assert "Welcome back." in texts
