"""A sent package stays in the runner's vault until a receipt confirms it, as its
compressed container and what seals it into the same file again (migration 0009):
written again it is the same file, byte for byte, before and after the schema
steps down to keeping the sealed file itself."""

from __future__ import annotations

import uuid
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.models.packages import OutgoingCopy, PackageLog
from app.services import packages
from app.vault import migrate
from tests.packages.conftest import Pair, submitted_debriefs


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


def test_a_damaged_kept_copy_is_reported_not_written(pair: Pair, tmp_path: Path) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _export(pair)
    with pair.runner.vault.write() as session:
        kept = session.execute(select(OutgoingCopy)).scalar_one()
        plain = bytearray(zlib.decompress(kept.container))
        plain[-1] ^= 1
        kept.container = zlib.compress(bytes(plain))
    with pytest.raises(packages.KeptCopyDamaged, match="damaged"):
        _again(pair, sent.package_id, tmp_path / "c")
    assert not (tmp_path / "c" / sent.path.name).exists()
    assert pair.runner.vault.damaged
