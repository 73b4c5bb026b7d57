"""Narrow and broad scopes take different query plans (app.dal.scope.is_narrow);
both must return exactly the same rows."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.dal import scope as scope_module
from app.domain.enums import Role
from app.domain.scope import Scope
from app.models import CompartmentMember, Source
from app.services.admin import aliases
from app.services.records import debriefs, search, sources
from app.vault.vault import Vault
from tests.helpers import factory


def test_narrow_and_broad_plans_agree(
    vault: Vault, runner: Scope, monkeypatch: pytest.MonkeyPatch
) -> None:
    aliases.add_alias(vault, "Mus", role=Role.RUNNER, can_act=True)
    mus = aliases.resolve_scope(vault, "Mus")
    files = [factory.source(vault, runner, f"PLAN{i}") for i in range(4)]
    for n, sid in enumerate(files):
        for k in range(3):
            factory.debrief(vault, runner, sid, narrative=f"harbour crane {n} {k}")
    with vault.write() as session:  # Mus sees one file only
        comp = session.get(Source, files[1]).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=mus.alias_id))
    assert sources.list_sources(vault, mus)[0].codename == "PLAN1"

    def run(share: float) -> tuple[tuple[object, ...], ...]:
        monkeypatch.setattr(scope_module, "NARROW_SHARE", share)
        out: list[Sequence[object]] = []
        for who in (runner, mus):
            with vault.read() as session:
                assert scope_module.is_narrow(session, who) is (share >= 1)
            out += [
                [h.ref_id for h in search.search(vault, who, "harbour crane")],
                [h.ref_id for h in search.search(vault, who, "garage")],
                debriefs.debrief_id_page(vault, who, limit=5).ids,
                [r.id for r in debriefs.list_debriefs(vault, who, limit=5).rows],
            ]
        return tuple(map(tuple, out))

    broad, narrow = run(0.0), run(1.0)
    assert broad == narrow
    assert len(broad[0]) == 12  # the runner sees every file
    assert len(broad[4]) == 3  # Mus: one file's three narratives only
