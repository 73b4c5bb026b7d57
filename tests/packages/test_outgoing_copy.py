"""A sent package stays in the runner's vault until a receipt confirms it, as its
compressed container and what seals it into the same file again (migration 0009):
written again it is the same file, byte for byte, before and after the schema
steps down to keeping the sealed file itself."""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.models.packages import OutgoingCopy, PackageLog
from app.services.exchange import outgoing_copies, package_receive, packages, receipts
from app.services.records import debriefs
from app.vault import migrate
from tests.packages.conftest import Pair, rich_debrief, row_bytes, submitted_debriefs


def _export(pair: Pair) -> packages.ExportResult:
    return packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )


def _again(pair: Pair, package_id: uuid.UUID, folder: Path) -> bytes:
    folder.mkdir(exist_ok=True)
    return packages.write_again(
        pair.runner.vault, pair.runner.scope, package_id, folder
    ).read_bytes()


def test_the_kept_copy_is_the_compressed_container_not_the_sealed_file(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 20)
    sent = _export(pair)
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        kept = session.execute(select(OutgoingCopy)).scalar_one()
    assert log is not None
    assert log.sealed is None
    assert kept.package_id == sent.package_id
    assert len(kept.container) < sent.size // 2
    assert zlib.decompress(kept.container)[:4] == b"VBPK"  # the container, before sealing


def test_written_again_it_is_the_same_file_across_the_step_down_and_up(
    pair: Pair, tmp_path: Path
) -> None:
    submitted_debriefs(pair.runner, 2)
    sent = _export(pair)
    written = sent.path.read_bytes()
    assert _again(pair, sent.package_id, tmp_path / "a") == written
    engine = pair.runner.vault.engine()
    migrate.downgrade(engine, "0008_package_evidence")
    with engine.connect() as conn:
        sealed = conn.execute(text("SELECT sealed FROM package_log")).scalar_one()
        tables = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
    assert sealed == written
    assert "outgoing_copy" not in tables
    migrate.upgrade(engine)
    # Kept as the sealed file now (as before 0009), and written again the same.
    assert _again(pair, sent.package_id, tmp_path / "b") == written


def _flip_last_container_byte(kept: OutgoingCopy) -> None:
    plain = bytearray(zlib.decompress(kept.container))
    plain[-1] ^= 1
    kept.container = zlib.compress(bytes(plain))


def _flip_nonce(kept: OutgoingCopy) -> None:
    kept.nonce = bytes([kept.nonce[0] ^ 1]) + kept.nonce[1:]


@pytest.mark.parametrize("damage", [_flip_last_container_byte, _flip_nonce])
def test_a_damaged_kept_copy_is_reported_not_written(
    pair: Pair, tmp_path: Path, damage: Callable[[OutgoingCopy], None]
) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _export(pair)
    with pair.runner.vault.write() as session:
        damage(session.execute(select(OutgoingCopy)).scalar_one())
    with pytest.raises(outgoing_copies.KeptCopyDamaged, match="damaged"):
        _again(pair, sent.package_id, tmp_path / "c")
    assert not (tmp_path / "c" / sent.path.name).exists()
    assert pair.runner.vault.damaged


def test_a_purged_debrief_leaves_no_readable_copy_in_an_older_package(
    pair: Pair, tmp_path: Path
) -> None:
    """Package 1 is lost on the way; the debrief goes out again (with an addendum)
    in package 2, which the handler confirms. Purging it must not leave its text
    in package 1's kept copy: that copy becomes the sealed file again."""
    marker = "LEKKAGE"
    debrief_id = rich_debrief(pair.runner, marker=marker)
    lost = _export(pair)
    lost_bytes = lost.path.read_bytes()
    lost.path.unlink()
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "One more thing.")
    second = _export(pair)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, second.path.read_bytes())
    receipt = receipts.create_receipt(
        pair.handler.vault, pair.handler.scope, runner="Runner Valk", to_dir=pair.outbox
    )
    taken = receipts.import_receipt(pair.runner.vault, pair.runner.scope, receipt.path.read_bytes())
    assert taken.purged == 1
    with pair.runner.vault.read() as session:
        assert session.execute(select(OutgoingCopy)).scalars().all() == []
        kept = session.get(PackageLog, lost.package_id)
        assert kept is not None
        assert kept.sealed == lost_bytes  # ciphertext only the recipients open
    with pair.runner.vault.engine().connect() as conn:
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        for table in tables.scalars().all():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                assert marker not in repr(tuple(row)), table
                assert marker.encode() not in b"".join(row_bytes(row)), table
    # The lost package can still be written again, byte for byte.
    assert _again(pair, lost.package_id, tmp_path / "again") == lost_bytes
