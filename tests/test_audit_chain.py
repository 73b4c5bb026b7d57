"""Editing, deleting or cutting off audit events is caught by `check`."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from app.clock import parse_iso_utc
from app.crypto.secret import SecretBytes
from app.domain.scope import Scope
from app.services.admin import aliases
from app.services.admin.check import check_vault
from app.vault.engine import connect_raw
from app.vault.vault import Vault
from tests.helpers import factory


def _raw_key(vault_dir: Path) -> SecretBytes:
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    key = SecretBytes(vault._db_key.get())
    vault.lock()
    return key


def _tamper(vault_dir: Path, *statements: str) -> None:
    """What someone holding the key could do with a SQL shell, outside Veldboek:
    drop the guards and edit."""
    conn = connect_raw(vault_dir / "vault.db", _raw_key(vault_dir))
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("DROP TRIGGER audit_event_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.close()


def _failed(vault_dir: Path) -> dict[str, str]:
    report = check_vault(vault_dir, factory.PASSPHRASE)
    assert not report.ok
    return {line.name: line.detail for line in report.lines if not line.ok}


@pytest.fixture
def busy_vault(vault_dir: Path) -> Path:
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope: Scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope)
        factory.debrief(vault, scope, source, submit=True)
    return vault_dir


def test_clean_vault_passes_check(busy_vault: Path) -> None:
    report = check_vault(busy_vault, factory.PASSPHRASE)
    assert report.ok, report.lines
    assert {line.name for line in report.lines} >= {
        "sqlcipher page integrity",
        "sqlite structure",
        "schema version",
        "audit chain",
        "audit anchor",
    }


def test_sql_guards_refuse_edits_and_deletes(vault: Vault) -> None:
    for statement in ("UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"), vault.write() as s:
            s.execute(text(statement))


def test_edited_event_is_detected(busy_vault: Path) -> None:
    _tamper(busy_vault, "UPDATE audit_event SET actor = 'someone else' WHERE seq = 3")
    assert "altered" in _failed(busy_vault)["audit chain"]


def test_deleted_event_is_detected(busy_vault: Path) -> None:
    _tamper(busy_vault, "DELETE FROM audit_event WHERE seq = 4")
    assert "missing" in _failed(busy_vault)["audit chain"]


def test_events_cut_off_the_end_are_detected_by_the_anchor(busy_vault: Path) -> None:
    _tamper(
        busy_vault, "DELETE FROM audit_event WHERE seq >= (SELECT max(seq) - 3 FROM audit_event)"
    )
    problems = _failed(busy_vault)
    assert "audit anchor" in problems
    # Opening and locking again must not bless the shortened log.
    with Vault.open(busy_vault, factory.PASSPHRASE):
        pass
    assert "audit anchor" in _failed(busy_vault)


def test_recomputed_chain_still_fails_the_anchor(busy_vault: Path) -> None:
    # A tamperer who rewrites an event *and* every later hash still does not match
    # the anchor in the header, whose MAC needs a key derived from the database key.
    from app.vault import audit_chain

    conn = connect_raw(busy_vault / "vault.db", _raw_key(busy_vault))
    rows = conn.execute(
        "SELECT seq, at, actor_alias_id, actor, action, record_type, record_id, "
        "compartment_id, detail FROM audit_event ORDER BY seq"
    ).fetchall()
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER audit_event_no_update")
    prev = audit_chain.GENESIS_HASH
    for seq, at, alias_id, actor, action, rtype, rid, comp, detail in rows:
        actor = "forged" if seq == 2 else actor
        digest = audit_chain.event_hash(
            prev_hash=prev,
            seq=seq,
            at=parse_iso_utc(at),
            actor_alias_id=uuid.UUID(hex=alias_id) if alias_id else None,
            actor=actor,
            action=action,
            record_type=rtype,
            record_id=rid,
            compartment_id=uuid.UUID(hex=comp) if comp else None,
            detail=detail,
        )
        conn.execute(
            "UPDATE audit_event SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (actor, prev, digest, seq),
        )
        prev = digest
    conn.execute("COMMIT")
    conn.close()
    problems = _failed(busy_vault)
    assert "audit chain" not in problems  # the chain itself was recomputed consistently
    assert "audit anchor" in problems


def test_rolling_the_database_back_to_an_older_copy_is_detected(busy_vault: Path) -> None:
    old = (busy_vault / "vault.db").read_bytes()
    with Vault.open(busy_vault, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.source(vault, scope)
    (busy_vault / "vault.db").write_bytes(old)
    for suffix in ("-wal", "-shm"):
        (busy_vault / f"vault.db{suffix}").unlink(missing_ok=True)
    assert "audit anchor" in _failed(busy_vault)
