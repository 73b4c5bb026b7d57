"""Who may hand a source over or close it: the alias that runs it (its primary
runner), not any alias with access to its file (``app.dal.source_runner``). With
real vaults: Valk runs a source whose file Uil, another alias of the same vault,
may read and add to."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import Role, SourceStatus
from app.domain.scope import Scope
from app.errors import AccessDenied
from app.models import Source
from app.services.admin import aliases
from app.services.exchange import handover, package_receive, receipts
from app.services.records import closing, sources
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import Party, Team

SHARED = "Uil"


def _shared_source(party: Party, codename: str) -> tuple[uuid.UUID, Scope]:
    """A source Valk registers with Uil in its compartment, and Uil's scope."""
    vault = party.vault
    if SHARED not in {a.name for a in aliases.list_own_aliases(vault)}:
        aliases.add_alias(vault, SHARED, role=Role.RUNNER, can_act=True)
    uil = aliases.resolve_scope(vault, SHARED)
    draft = sources.SourceDraft(codename=codename)
    return sources.create_source(vault, party.scope, draft, share_with=(uil.alias_id,)), uil


def _hand_over(party: Party, scope: Scope, source: uuid.UUID, to: str, stick: Path) -> Path:
    return handover.hand_over(
        party.vault,
        scope,
        source,
        passphrase=factory.PASSPHRASE,
        to_runner=to,
        to_dir=stick,
    ).path


def _status(vault: Vault, source: uuid.UUID) -> SourceStatus:
    with vault.read() as session:
        return session.execute(select(Source.status).where(Source.id == source)).scalar_one()


def test_only_the_alias_that_runs_a_source_hands_it_over_or_closes_it(team: Team) -> None:
    valk = team.valk
    source, uil = _shared_source(valk, "MEREL")
    # Uil may read the file and add to it ...
    factory.contact(valk.vault, uil, source)
    shown = sources.source_file(valk.vault, uil, source).overview
    assert (shown.runs_it, shown.run_by) == (False, factory.RUNNER)
    # ... not give the source away or end it.
    with pytest.raises(
        AccessDenied, match=r"^Only Valk, the alias that runs this source, may close"
    ):
        closing.close_registration(valk.vault, uil, source, reason="Not mine to decide.")
    with pytest.raises(
        AccessDenied, match=r"^Only Valk, the alias that runs this source, may hand"
    ):
        _hand_over(valk, uil, source, "Runner Reiger", team.stick)
    assert list(team.stick.iterdir()) == []
    assert _status(valk.vault, source) is not SourceStatus.CLOSED

    own = sources.source_file(valk.vault, valk.scope, source).overview
    assert (own.runs_it, own.run_by) == (True, factory.RUNNER)
    closing.close_registration(valk.vault, valk.scope, source, reason="Moved abroad.")
    assert _status(valk.vault, source) is SourceStatus.CLOSED
    other, _ = _shared_source(valk, "SPREEUW")
    assert _hand_over(valk, valk.scope, other, "Runner Reiger", team.stick).exists()


def test_a_source_handed_back_to_another_alias_is_run_by_that_alias(team: Team) -> None:
    """Valk hands MEREL to Reiger, who hands it back to Valk's vault, where Uil takes
    it on: Uil runs it now, and Valk, who gave it away, no longer does."""
    valk, reiger = team.valk, team.reiger
    source, uil = _shared_source(valk, "MEREL")
    there = _hand_over(valk, valk.scope, source, "Runner Reiger", team.stick)
    package_receive.import_package(reiger.vault, reiger.scope, there)
    made = receipts.create_receipt(
        reiger.vault, reiger.scope, runner="Runner Valk", to_dir=team.stick
    )
    receipts.import_receipt(valk.vault, valk.scope, made.path)
    back = _hand_over(reiger, reiger.scope, source, "Runner Valk", team.stick)
    package_receive.import_package(valk.vault, uil, back)

    with pytest.raises(AccessDenied, match=r"^Only Uil, the alias that runs this source"):
        closing.close_registration(valk.vault, valk.scope, source, reason="Not Valk's now.")
    closing.close_registration(valk.vault, uil, source, reason="Ended by its runner.")
    assert _status(valk.vault, source) is SourceStatus.CLOSED
