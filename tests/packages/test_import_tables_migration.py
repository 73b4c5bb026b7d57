"""Migration 0007 reshapes the handler's copy of runners' audit events: every kept
event survives the step down and up again, field for field."""

from __future__ import annotations

from sqlalchemy import text

from app.services import package_receive, packages
from app.vault import migrate
from tests.packages.conftest import Pair, submitted_debriefs

_FIELDS = (
    "sender, seq, package_id, at, actor, actor_alias_id, action, record_type, record_id, "
    "compartment_id, detail, prev_hash, hash"
)


def _events(pair: Pair) -> list[tuple[object, ...]]:
    with pair.handler.vault.engine().connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(f"SELECT {_FIELDS} FROM imported_audit_event ORDER BY sender, seq")
            )
        ]


def _send(pair: Pair) -> package_receive.ImportResult:
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    return package_receive.import_package(
        pair.handler.vault, pair.handler.scope, result.path.read_bytes()
    )


def test_kept_audit_events_survive_the_step_down_and_up(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 2)
    kept = _send(pair).audit_events
    events = _events(pair)
    assert len(events) == kept > 0
    engine = pair.handler.vault.engine()
    migrate.downgrade(engine, "0006_search_backfill")
    assert _events(pair) == events
    with engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM imported_audit_event")).scalars().all()
        assert len(set(ids)) == len(ids) == len(events)
        assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    migrate.upgrade(engine)
    assert _events(pair) == events
    # And the reshaped table takes the next package's events, none of them twice.
    submitted_debriefs(pair.runner, 1, "LATER")
    assert _send(pair).audit_events > 0
    again = _events(pair)
    assert set(events) < set(again)
    assert len({(e[0], e[1]) for e in again}) == len(again)
