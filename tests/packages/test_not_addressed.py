"""A package sealed to other vaults, given to a runner's vault: ``package verify``
and ``package import`` refuse it in the same words, and both put the refusal in
the audit log (every refusal is kept, docs/package-format.md section 9)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.export.errors import NotForThisVault
from app.models import AuditEvent
from app.services.exchange import package_receive, packages
from tests.packages.conftest import Party, Team, rich_debrief


def _refusals(party: Party) -> list[str]:
    with party.vault.read() as session:
        details = session.execute(
            select(AuditEvent.detail).where(AuditEvent.action == "package.refused")
        ).scalars()
        return [json.loads(d)["reason"] for d in details]


def test_a_runner_is_told_alike_by_verify_and_import_and_both_are_audited(team: Team) -> None:
    valk, reiger = team.valk, team.reiger
    rich_debrief(valk, "ESPEN")
    to_handler = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    said = []
    for reader in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(NotForThisVault) as refused:
            reader(reiger.vault, reiger.scope, to_handler.path)
        said.append(str(refused.value))
    assert said[0] == said[1]
    assert "a runner's vault takes in only a source handed over to it" in said[0]
    assert _refusals(reiger) == ["NotForThisVault", "NotForThisVault"]
