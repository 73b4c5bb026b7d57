"""A runner exports submitted debriefs; the handler verifies and imports them."""

from __future__ import annotations

from app.services import debriefs, packages
from tests.packages.conftest import Pair, submitted_debriefs


def test_export_then_import_lands_in_the_runners_compartment(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 3)
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    assert result.debriefs == 3
    assert result.sequence == 1
    data = result.path.read_bytes()
    check = packages.verify_package(pair.handler.vault, pair.handler.scope, data)
    assert check.status == "new"
    assert check.records == 3
    imported = packages.import_package(pair.handler.vault, pair.handler.scope, data)
    assert imported.new == 3
    seen = {d.id for d in debriefs.list_debriefs(pair.handler.vault, pair.handler.scope).rows}
    assert set(ids) <= seen
