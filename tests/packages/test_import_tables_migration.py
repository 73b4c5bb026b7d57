"""Migration 0007 reshapes the handler's copy of runners' audit events: every kept
event survives the step down and up again, field for field. (Imports keep events
in the package's container since 0008; its step down writes them back as rows.)"""

from __future__ import annotations

from sqlalchemy import text

from app.services.exchange import package_receive, packages
from app.vault import migrate
from tests.packages.conftest import Pair, submitted_debriefs

FIELDS = (
    "sender, seq, package_id, at, actor, actor_alias_id, action, record_type, record_id, "
    "compartment_id, detail, prev_hash, hash"
)


def kept_events(pair: Pair) -> list[tuple[object, ...]]:
    with pair.handler.vault.engine().connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(f"SELECT {FIELDS} FROM imported_audit_event ORDER BY sender, seq")
            )
        ]


def send(pair: Pair) -> package_receive.ImportResult:
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    return package_receive.import_package(
        pair.handler.vault, pair.handler.scope, result.path.read_bytes()
    )


def test_kept_audit_events_survive_the_step_down_and_up(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 2)
    kept = send(pair).audit_events
    engine = pair.handler.vault.engine()
    migrate.downgrade(engine, "0007_lean_imports")
    events = kept_events(pair)
    assert len(events) == kept > 0
    migrate.downgrade(engine, "0006_search_backfill")
    assert kept_events(pair) == events
    with engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM imported_audit_event")).scalars().all()
        assert len(set(ids)) == len(ids) == len(events)
        assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    migrate.upgrade(engine, "0007_lean_imports")
    assert kept_events(pair) == events
