"""A vault open in two places at once (the app, and a command on the same vault,
as docs/security.md allows): an error that reads as damage in the long-open one
is called damage only when a new connection finds the file damaged. While the
file checks out, the open handle says its view was out of date (another process
changed the vault), closes its connections, marks nothing damaged and reads what
the other wrote at the next try; writing goes on, and its lock is recorded. Real
damage is still damage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import event, text

from app.errors import DatabaseCorrupt, VaultBusy
from app.services.admin import aliases
from app.services.records import sources
from app.vault.vault import Vault
from tests.helpers import factory

PAGE = 4096


def fail_once(vault: Vault, message: str) -> None:
    """The next statement of ``vault`` fails as SQLite fails on a page it cannot
    make sense of (what a view out of step with another process's writes meets)."""
    pending = [message]

    def before(*_args: Any) -> None:
        if pending:
            raise sqlcipher3.DatabaseError(pending.pop())

    event.listen(vault.engine(), "before_cursor_execute", before)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    root = factory.make_vault(tmp_path / "vault")
    app_side = Vault.open(root, factory.PASSPHRASE)
    command_side = Vault.open(root, factory.PASSPHRASE)
    yield app_side, command_side
    for vault in (command_side, app_side):
        vault.close_unrecorded()


@pytest.mark.parametrize(
    "message", ["database disk image is malformed", "file is not a database", "disk I/O error"]
)
def test_a_view_out_of_date_is_not_called_damage(two: tuple[Vault, Vault], message: str) -> None:
    app_side, command_side = two
    runner = aliases.resolve_scope(app_side, "Valk")
    before = sources.list_sources(app_side, runner)
    # The other process writes, then closes (a command: its unlock, the write, its lock).
    factory.source(command_side, aliases.resolve_scope(command_side, "Valk"), "ONYX")
    command_side.lock(reason="cli")

    fail_once(app_side, message)
    with pytest.raises(VaultBusy) as raised:
        sources.list_sources(app_side, runner)
    said = str(raised.value)
    assert not isinstance(raised.value, DatabaseCorrupt)
    assert "damaged" not in said
    assert "another Veldboek process" in said.replace("Another", "another")
    assert "nothing was lost" in said
    assert not app_side.damaged

    # The next try reads what the other process wrote, and writing goes on.
    after = sources.list_sources(app_side, runner)
    assert len(after) == len(before) + 1
    assert "ONYX" in {row.codename for row in after}
    app_side.audit(runner.actor, "test.after_out_of_date")


def test_real_damage_is_still_damage(tmp_path: Path) -> None:
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        runner = aliases.resolve_scope(vault, "Valk")
        for n in range(40):
            factory.source(vault, runner, f"BRON{n:02d}")
    db = root / "vault.db"
    data = bytearray(db.read_bytes())
    last = len(data) // PAGE - 1  # a page of the file past what an unlock reads
    data[last * PAGE + 100] ^= 0xFF
    db.write_bytes(bytes(data))
    # Met by the unlock's own reads or by the next read: damage either way.
    with pytest.raises(DatabaseCorrupt) as raised:
        read_everything(root)
    assert "damaged" in str(raised.value)


def read_everything(root: Path) -> None:
    """Unlock and read every row of every table; the vault must end up damaged."""
    vault = Vault.open(root, factory.PASSPHRASE, record_open=False)
    try:
        with vault.read() as session:
            tables = "SELECT name FROM sqlite_master WHERE type = 'table'"
            for (name,) in session.execute(text(tables)).all():
                session.execute(text(f'SELECT * FROM "{name}"')).all()
    finally:
        assert vault.damaged
        vault.close_unrecorded()
