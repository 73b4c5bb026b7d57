"""Migration 0008: a received package's container is kept once, compressed, and
the versions point into it. Stepping down writes the records and audit events
back as loose copies; nothing is lost either way, and versions stay readable."""

from __future__ import annotations

import hashlib
import uuid
import zlib
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from app.export import container
from app.models.packages import PackageEvidence, RecordVersion
from app.services.admin import check
from app.services.exchange import package_evidence
from app.services.records import record_versions
from app.vault import migrate
from tests.helpers import factory
from tests.packages.conftest import Pair, submitted_debriefs
from tests.packages.test_import_tables_migration import kept_events, send


def _versions(pair: Pair, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, object]]:
    h = pair.handler
    return {i: record_versions.version_data(h.vault, h.scope, i, 1) for i in ids}


def test_an_import_keeps_its_container_once_and_no_loose_copies(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 3)
    imported = send(pair)
    with pair.handler.vault.read() as session:
        evidence = session.execute(select(PackageEvidence)).scalar_one()
        versions = session.execute(select(RecordVersion)).scalars().all()
        plain = package_evidence.container(session, imported.package_id)
    assert evidence.package_id == imported.package_id
    assert len(evidence.data) < len(plain)  # compressed
    inner = container.parse(plain)  # the signed container as it came
    assert [r["type"] for r in inner.body["records"]] == ["registration"] + ["debrief"] * 3
    assert len(inner.body["audit"]) == inner.manifest["audit_events"] > 0
    assert all(v.data is None and v.data_offset and v.data_length for v in versions)
    assert kept_events(pair) == []  # the events stay in the container
    got = _versions(pair, ids)
    assert {str(i) for i in ids} == {d["id"] for d in got.values()}
    assert all(
        isinstance(n := d["narrative"], str) and n.startswith("Meeting ") for d in got.values()
    )


def test_the_step_down_writes_records_and_events_back_and_up_keeps_them(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 2)
    imported = send(pair)
    before = _versions(pair, ids)
    with pair.handler.vault.read() as session:
        inner = container.parse(package_evidence.container(session, imported.package_id))
    engine = pair.handler.vault.engine()
    migrate.downgrade(engine, "0007_lean_imports")
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
        loose: dict[str, object] = dict(
            conn.execute(
                text("SELECT record_id, data FROM record_version WHERE record_type = 'debrief'")
            ).all()
        )
    assert "package_evidence" not in tables
    assert sorted(loose) == sorted(i.hex for i in ids)
    events = kept_events(pair)
    assert [e[1] for e in events] == sorted(e["seq"] for e in inner.body["audit"])
    assert {e[-1] for e in events} == {e["hash"] for e in inner.body["audit"]}
    migrate.upgrade(engine)
    assert _versions(pair, ids) == before  # now read from the loose copies
    assert kept_events(pair) == events
    # A later package goes into a kept container again, beside the older copies.
    later = submitted_debriefs(pair.runner, 1, "LATER")
    send(pair)
    assert _versions(pair, later)[later[0]]["id"] == str(later[0])
    assert _versions(pair, ids) == before


def _damage(pair: Pair, change: Callable[[bytes], bytes]) -> None:
    with pair.handler.vault.write() as session:
        evidence = session.execute(select(PackageEvidence)).scalar_one()
        evidence.data = change(evidence.data)


def _flip_last(data: bytes) -> bytes:
    plain = bytearray(zlib.decompress(data))
    plain[-1] ^= 1  # in the padding: still a container, no longer the one kept
    return zlib.compress(bytes(plain))


@pytest.mark.parametrize("change", [_flip_last, lambda _data: b"not zlib"])
def test_a_damaged_container_is_reported_not_read(
    pair: Pair, change: Callable[[bytes], bytes]
) -> None:
    ids = submitted_debriefs(pair.runner, 1)
    send(pair)
    _damage(pair, change)
    with pytest.raises(package_evidence.EvidenceDamaged, match="damaged"):
        _versions(pair, ids)
    assert pair.handler.vault.damaged  # and nothing more is written to it


def _check_line(pair: Pair) -> check.CheckLine:
    pair.handler.vault.lock()
    report = check.check_vault(pair.handler.path, factory.PASSPHRASE)
    return next(line for line in report.lines if line.name == "received packages")


def test_check_verifies_the_signature_of_every_kept_package(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 2)
    send(pair)
    line = _check_line(pair)
    assert line.ok, line.detail
    assert line.detail.startswith("1 kept")


def test_check_finds_a_kept_package_altered_with_its_hash(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    send(pair)
    with pair.handler.vault.write() as session:
        evidence = session.execute(select(PackageEvidence)).scalar_one()
        plain = zlib.decompress(evidence.data)
        # Someone with the vault open edits a record and fixes the stored hash:
        # only the sender's signature still tells.
        altered = plain.replace(b"Meeting 0 narrative.", b"Meeting 0 narrativE.")
        assert altered != plain
        evidence.data = zlib.compress(altered)
        evidence.container_sha256 = hashlib.sha256(altered).hexdigest()
    line = _check_line(pair)
    assert not line.ok
    assert str(evidence.package_id)[:8] in line.detail


def test_a_version_pointing_at_no_kept_package_is_damage(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 1)
    send(pair)
    with pair.handler.vault.write() as session:
        session.execute(text("PRAGMA foreign_keys = OFF"))
        session.execute(text("DELETE FROM package_evidence"))
    with pytest.raises(package_evidence.EvidenceDamaged):
        _versions(pair, ids)
