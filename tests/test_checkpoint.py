"""The WAL is moved into the database file by the vault's background checkpointer,
not inside the commit that grew it; locking leaves no WAL behind."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent
from app.vault import audit_chain
from app.vault.audit_chain import SYSTEM
from app.vault.checkpoint import THRESHOLD_BYTES
from app.vault.vault import Vault
from tests.helpers import factory


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


def test_emptying_the_wal_waits_for_a_background_checkpoint(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # compact() ends with a TRUNCATE checkpoint, straight after the purge's commit
    # nudged the background one. SQLite answers a TRUNCATE that meets another
    # checkpoint with "busy" and leaves every page in the WAL, so it must wait.
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    moments: list[tuple[str, float]] = []
    real_connect = vault.checkpointer._connect

    class Slow:
        """The checkpointer's connection, with a checkpoint that takes 0.5 s."""

        def __init__(self) -> None:
            self.conn = real_connect()

        def execute(self, sql: str) -> object:
            moments.append(("checkpoint started", time.monotonic()))
            result = self.conn.execute(sql)
            time.sleep(0.5)
            moments.append(("checkpoint done", time.monotonic()))
            return result

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(vault.checkpointer, "_connect", Slow)
    try:
        _big_write(vault)
        deadline = time.monotonic() + 10
        while not moments and time.monotonic() < deadline:
            time.sleep(0.01)
        assert moments, "the commit started a background checkpoint"
        vault.empty_wal()
        moments.append(("emptied", time.monotonic()))
        assert [m[0] for m in moments] == ["checkpoint started", "checkpoint done", "emptied"]
        assert _wal(vault_dir).stat().st_size == 0
        vault.compact()
        assert _wal(vault_dir).stat().st_size == 0
    finally:
        vault.lock()


def test_only_a_grown_wal_wakes_the_checkpointer(vault_dir: Path) -> None:
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        _big_write(vault)
        assert vault.checkpointer.wait_idle(timeout=30)
        _big_write(vault, events=1)  # the first write after a full checkpoint
        # journal_size_limit cut the WAL file back, so this commit asked for nothing
        assert _wal(vault_dir).stat().st_size <= THRESHOLD_BYTES
        assert vault.checkpointer.wait_idle(timeout=0)
    finally:
        vault.lock()
