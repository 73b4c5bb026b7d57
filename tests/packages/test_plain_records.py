"""Records and audit events read for a package are plain JSON by construction, so
export encodes them without walking them again; a fraction where a whole number
belongs (only a damaged vault holds one) stops the export with a clear error."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import func, select, text

from app.export import canonical
from app.models.packages import PackageLog
from app.services.exchange import package_records, packages
from tests.packages.conftest import Pair, rich_debrief


def test_what_export_reads_is_plain_json(pair: Pair) -> None:
    debrief_id = rich_debrief(pair.runner)
    with pair.runner.vault.read() as session:
        records = package_records.serialise(session, [debrief_id])
        sources = package_records.sources(session, [uuid.UUID(records[0]["source_id"])])
        events = package_records.audit_events(session, [debrief_id])
    assert records
    assert events
    for value in (*records, *sources, events):
        canonical.dumps(value)  # the full check finds nothing to refuse
        assert canonical.dumps_plain(value) == canonical.dumps(value)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE intelligence_item SET position = 1.5",
        "UPDATE contact SET duration_minutes = 44.5",
        "UPDATE payment SET amount_cents = 1000.25",
        "UPDATE intelligence_item SET position = 'one'",
    ],
)
def test_a_fraction_in_a_whole_number_stops_the_export(pair: Pair, damage: str) -> None:
    rich_debrief(pair.runner)
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(text(damage))
    with pytest.raises(package_records.StoredNumberDamaged, match="not a whole number"):
        packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )
    assert os.listdir(pair.outbox) == []
    with pair.runner.vault.read() as session:
        assert session.execute(select(func.count()).select_from(PackageLog)).scalar_one() == 0
