"""The demo generator indexes its debriefs in bulk (app/vault/search_bulk.py): the
index must hold exactly what the triggers would have made, and the triggers must
be back for the writes that follow."""

from __future__ import annotations

from pathlib import Path

from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.records import search
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.search_index import index_state, triggers


def test_the_demo_index_is_what_the_triggers_make(tmp_path: Path) -> None:
    root = factory.make_vault(tmp_path / "plain")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        before = triggers(vault)
    root = factory.make_vault(tmp_path / "demo")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        demo.generate(vault, sources=5, debriefs=600, seed=3)
        expected, indexed, docs = index_state(vault)
        assert len(expected) > 1200  # narratives, items, subjects, addenda
        assert indexed == expected
        assert docs == len(expected)
        assert triggers(vault) == before
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, "NIEUW")
        factory.debrief(vault, scope, source, narrative="Windmill meeting afterwards.")
        assert [h.kind for h in search.search(vault, scope, "windmill")] == ["narrative"]
