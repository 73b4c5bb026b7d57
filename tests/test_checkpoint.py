"""The WAL is moved into the database file by the vault's background checkpointer,
not inside the commit that grew it; locking leaves no WAL behind."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent
from app.vault import audit_chain
from app.vault.audit_chain import SYSTEM
from app.vault.vault import Vault
from tests import factory


def _big_write(vault: Vault, events: int = 1500) -> None:
    with vault.write() as session:
        for n in range(events):
            audit_chain.append(session, SYSTEM, "test.filler", detail={"n": n, "pad": "x" * 3000})


def _wal(vault_dir: Path) -> Path:
    return vault_dir / "vault.db-wal"


def test_commit_leaves_the_checkpoint_to_the_background(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        nudges: list[None] = []
        real_nudge = vault.checkpointer.nudge
        monkeypatch.setattr(vault.checkpointer, "nudge", lambda: nudges.append(None))
        db_before = (vault_dir / "vault.db").stat().st_size
        _big_write(vault)
        # The commit returned with the pages still only in the WAL: SQLite's own
        # automatic checkpoint (past 1,000 pages) did not run inside it.
        assert nudges, "a committed write nudges the checkpointer"
        assert _wal(vault_dir).stat().st_size > 1000 * 4096
        assert (vault_dir / "vault.db").stat().st_size == db_before
        real_nudge()
        assert vault.checkpointer.wait_idle(timeout=30)
        assert (vault_dir / "vault.db").stat().st_size > db_before + 4 * 1024 * 1024
    finally:
        vault.lock()
    assert not _wal(vault_dir).exists()
    again = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        with again.read() as session:
            filler = session.execute(
                select(func.count()).where(AuditEvent.action == "test.filler")
            ).scalar_one()
        assert filler == 1500
    finally:
        again.lock()


def test_a_failing_checkpoint_loses_nothing(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    try:

        def no_connection() -> None:
            raise OSError("No space left on device")

        monkeypatch.setattr(vault.checkpointer, "_connect", no_connection)
        with caplog.at_level(logging.WARNING, logger="app.vault.checkpoint"):
            _big_write(vault)
            assert vault.checkpointer.wait_idle(timeout=30)
        assert "background checkpoint failed (OSError)" in caplog.text
        assert "No space" not in caplog.text  # the reason's text may carry a path
        _big_write(vault, events=10)  # the vault goes on writing
    finally:
        vault.lock()
    assert not _wal(vault_dir).exists()  # the close checkpointed it after all
    again = Vault.open(vault_dir, factory.PASSPHRASE)
    again.lock()
