"""Receipts: the handler confirms what arrived and passes back its reviews; the
runner's vault marks the packages confirmed and purges per its retention rule."""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import func, select

from app.clock import iso_utc, utc_now
from app.domain.enums import DebriefStatus, PeerRole, Role
from app.errors import InvalidInput
from app.export import package
from app.export.errors import MalformedPackage, ReplayedPackage, UnknownSender
from app.export.manifest import Manifest, ReceiptEntry
from app.models import Attachment, Contact, IntelligenceItem, Payment, Subject, Tasking
from app.models.meta import VaultMeta
from app.models.packages import ExportedRecord, OutgoingCopy, PackageLog
from app.services.admin import audit
from app.services.admin import settings as vault_settings
from app.services.exchange import keys, package_log, package_receive, packages, purge, receipts
from app.services.exchange.receipts import UnknownPackage
from app.services.records import debriefs, search, sources
from app.vault import engine, migrate
from app.vault.vault import META_COMPACTION_OWED, Vault, owe_compaction
from tests.helpers import factory
from tests.packages.conftest import (
    Pair,
    Party,
    debrief_rows,
    introduce,
    open_party,
    rich_debrief,
    row_bytes,
    submitted_debriefs,
)


def _send(pair: Pair) -> packages.ExportResult:
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(pair.handler.vault, pair.handler.scope, result.path.read_bytes())
    return result


def _receipt(pair: Pair) -> bytes:
    result = receipts.create_receipt(
        pair.handler.vault, pair.handler.scope, runner="Runner Valk", to_dir=pair.outbox
    )
    return result.path.read_bytes()


def _rule(party: Party, rule: str) -> None:
    current = vault_settings.load(party.vault)
    vault_settings.save(
        party.vault,
        party.scope.actor,
        dataclasses.replace(current, retention_after_receipt=rule),
    )


def _forged_receipt(
    pair: Pair, signer: Party, entry: ReceiptEntry, reviews: list[dict[str, str]] | None = None
) -> bytes:
    """A receipt naming ``entry``, signed by ``signer``'s key and sealed to the
    runner: what an insider holding that key could make."""
    own = keys.private_keys(signer.vault)
    runner_fp = keys.own_fingerprint(pair.runner.vault).hex
    runner_public = keys.own_bundle(pair.runner.vault, "x", PeerRole.RUNNER).recipient_public
    forged = Manifest(
        kind="receipt",
        package_id=uuid.uuid4(),
        created_at=iso_utc(utc_now()),
        schema=migrate.SCHEMA_HEAD,
        sender=own.fingerprint.hex,
        recipients=(runner_fp,),
        sequence=1,
        previous="",
        receipts=(entry,),
    )
    return package.seal(forged, {"reviews": reviews or []}, own.signing, [runner_public])


def _count(party: Party, model: type) -> int:
    with party.vault.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_receipt_confirms_and_the_secure_rule_purges_what_the_handler_holds(
    pair: Pair,
) -> None:
    marker = "MARKERQX7"
    debrief_id = rich_debrief(pair.runner, marker=marker)
    sent = _send(pair)
    assert search.search(pair.runner.vault, pair.runner.scope, marker)
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert (result.confirmed, result.purged, result.retention) == (1, 1, "secure_delete")
    vault = pair.runner.vault
    assert debrief_rows(pair.runner) == 0
    assert search.search(vault, pair.runner.scope, marker) == []
    assert search.search(vault, pair.runner.scope, "bestelbus") == []
    for gone in (IntelligenceItem, Attachment, Subject):
        assert _count(pair.runner, gone) == 0, gone.__name__
    # What the unit's rules keep: the source, its tasking and payment, the contact's
    # date and length (no place, no notes), and the trace of what was sent.
    assert _count(pair.runner, Tasking) == 1
    assert _count(pair.runner, Payment) == 1
    with vault.read() as session:
        contact = session.execute(select(Contact)).scalar_one()
        assert contact.duration_minutes == 45
        assert (contact.location_codeword, contact.reconnaissance_notes) == ("", "")
        trace = session.execute(
            select(ExportedRecord).where(ExportedRecord.record_type == "debrief")
        ).scalar_one()
        assert (trace.record_id, trace.package_id) == (debrief_id, sent.package_id)
        assert trace.purged_at is not None
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        assert log.confirmed_at is not None
        assert log.sealed is None  # the kept copy goes once confirmed
        assert session.get(OutgoingCopy, sent.package_id) is None
    assert sources.list_sources(vault, pair.runner.scope)[0].codename == "ZWALUW"
    with pytest.raises(InvalidInput, match="confirmed"):
        packages.write_again(vault, pair.runner.scope, sent.package_id, pair.outbox)
    assert audit.verify(vault).ok
    # The file itself: rebuilt without free pages, the WAL emptied, and no live row
    # of any table (search index internals included) holding the marker.
    with vault.engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
        tables = (
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            .scalars()
            .all()
        )
        for table in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"'):
                text = repr(tuple(row))
                assert marker not in text, table
                assert marker.encode() not in b"".join(row_bytes(row)), table
    wal = vault.paths.db.with_name(vault.paths.db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_keep_rule_purges_nothing(pair: Pair) -> None:
    _rule(pair.runner, "keep")
    submitted_debriefs(pair.runner, 2)
    _send(pair)
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert (result.confirmed, result.purged) == (1, 0)
    assert debrief_rows(pair.runner) == 2


def test_a_debrief_changed_after_export_is_not_purged(pair: Pair) -> None:
    _rule(pair.runner, "delete")
    _first, second = submitted_debriefs(pair.runner, 2)
    _send(pair)
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, second, "Not sent yet.")
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert result.purged == 1
    remaining = debriefs.list_debriefs(pair.runner.vault, pair.runner.scope).rows
    assert [r.id for r in remaining] == [second]


def test_reviews_come_back_with_the_receipt(pair: Pair) -> None:
    _rule(pair.runner, "keep")
    approved, returned = submitted_debriefs(pair.runner, 2)
    _send(pair)
    debriefs.approve(pair.handler.vault, pair.handler.scope, approved, "Well graded.")
    debriefs.return_to_runner(pair.handler.vault, pair.handler.scope, returned, "Who is Dirk?")
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert result.reviews_applied == 2
    a = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, approved)
    r = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, returned)
    assert (a.status, a.reviewer, a.review_comment) == (
        DebriefStatus.APPROVED,
        "Havik",
        "Well graded.",
    )
    assert (r.status, r.review_comment) == (DebriefStatus.RETURNED, "Who is Dirk?")


def test_a_replayed_receipt_is_refused(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    _send(pair)
    data = _receipt(pair)
    receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    with pytest.raises(ReplayedPackage):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)


def test_nothing_to_confirm_is_said_plainly(pair: Pair) -> None:
    # Before any package came, "already confirmed" would send one looking for it.
    with pytest.raises(InvalidInput, match="imported no package from that runner"):
        _receipt(pair)
    submitted_debriefs(pair.runner, 1)
    _send(pair)
    _receipt(pair)
    with pytest.raises(InvalidInput, match="already confirmed"):
        _receipt(pair)


def test_a_receipt_for_a_package_never_sent_is_refused(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    data = _forged_receipt(pair, pair.handler, ReceiptEntry(sent.package_id, "0" * 64))
    with pytest.raises(UnknownPackage):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert debrief_rows(pair.runner) == 1
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        assert log.confirmed_at is None


def test_a_receipt_from_a_runner_key_is_refused(pair: Pair, tmp_path: Path) -> None:
    # A receipt must come from a handler or the central system, never a runner.
    submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    data = _forged_receipt(pair, pair.runner, ReceiptEntry(sent.package_id, "0" * 64))
    with pytest.raises(UnknownSender):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert package_log.missing(pair.runner.vault) == []


def test_an_approval_in_the_receipt_does_not_keep_the_debrief_from_purge(pair: Pair) -> None:
    # The approval changes the runner's copy only by what the handler holds; a
    # returned debrief stays, for the runner to answer.
    _rule(pair.runner, "delete")
    approved, returned, untouched = submitted_debriefs(pair.runner, 3)
    _send(pair)
    debriefs.approve(pair.handler.vault, pair.handler.scope, approved, "Well graded.")
    debriefs.return_to_runner(pair.handler.vault, pair.handler.scope, returned, "Who is Dirk?")
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert (result.reviews_applied, result.purged) == (2, 2)
    remaining = debriefs.list_debriefs(pair.runner.vault, pair.runner.scope).rows
    assert [(r.id, r.status) for r in remaining] == [(returned, DebriefStatus.RETURNED)]
    assert untouched not in {r.id for r in remaining}


def test_a_receipt_from_a_key_the_package_was_not_sealed_to_is_refused(
    pair: Pair, tmp_path: Path
) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    # A second handler, known to the runner only after the package went out, who
    # saw the file (and so knows its hash) but could never open it.
    later = open_party(tmp_path / "later", "Buizerd", Role.HANDLER)
    introduce(pair.runner, later, PeerRole.HANDLER, "Second handler")
    file_hash = hashlib.sha256(sent.path.read_bytes()).hexdigest()
    data = _forged_receipt(pair, later, ReceiptEntry(sent.package_id, file_hash))
    with pytest.raises(UnknownPackage, match="not sealed to"):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert debrief_rows(pair.runner) == 1
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        assert log.confirmed_at is None
    later.vault.lock()


def test_a_receipt_is_taken_in_with_its_purge_or_not_at_all(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A purge that fails (here: the disk, as the chunk is written) must not leave the
    # receipt imported without it: its second import would be refused as a replay,
    # and the confirmed debriefs would stay on the laptop.
    _rule(pair.runner, "delete")
    submitted_debriefs(pair.runner, 2)
    sent = _send(pair)
    data = _receipt(pair)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(purge, "_purge_chunk", full_disk)
        with pytest.raises(OSError, match="No space"):
            receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        assert log.confirmed_at is None
    assert debrief_rows(pair.runner) == 2
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert (result.confirmed, result.purged) == (1, 2)
    assert debrief_rows(pair.runner) == 0
    assert audit.verify(pair.runner.vault).ok


def _owed(vault: Vault) -> bool:
    with vault.read() as session:
        return session.get(VaultMeta, META_COMPACTION_OWED) is not None


def _marked_and_confirmed(pair: Pair, marker: str) -> bytes:
    """The receipt for a package carrying a debrief with ``marker`` in its text."""
    rich_debrief(pair.runner, marker=marker)
    _send(pair)
    return _receipt(pair)


def _nothing_left_of(vault: Vault, marker: str) -> None:
    with vault.engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
        tables = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        for table in tables.scalars().all():
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"'):
                assert marker.encode() not in b"".join(row_bytes(row)), table


def test_a_rebuild_that_fails_after_a_secure_purge_is_made_up_at_the_next_unlock(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = "MARKERZK4"
    data = _marked_and_confirmed(pair, marker)
    # A real failure of the rebuild: another writer holds the vault (SQLite's
    # "database is locked"), with a short busy timeout so the test need not wait.
    pair.runner.vault.lock()
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.2)
    pair.runner.vault = vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    real_compact = vault.compact

    def compact_while_another_writes() -> None:
        blocker = vault.engine().raw_connection()
        driver = blocker.driver_connection
        assert driver is not None
        try:
            driver.execute("BEGIN IMMEDIATE")
            real_compact()
        finally:
            driver.execute("ROLLBACK")
            blocker.close()

    monkeypatch.setattr(vault, "compact", compact_while_another_writes)
    result = receipts.import_receipt(vault, pair.runner.scope, data)
    # Taken in and purged; the user is told the rebuild is still to come.
    assert (result.confirmed, result.purged, result.retention) == (1, 1, "secure_delete")
    assert any("rebuilt at the next unlock" in w for w in result.warnings)
    assert debrief_rows(pair.runner) == 0
    assert _owed(vault)
    vault.lock()
    monkeypatch.undo()
    pair.runner.vault = vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    assert not _owed(vault)
    _nothing_left_of(vault, marker)
    assert audit.recent_events(vault, pair.runner.scope, limit=1)[0].action == "vault.rebuilt"
    assert vault.compact_if_owed() is False  # made up once
    assert audit.verify(vault).ok


def test_a_rebuild_that_fails_at_unlock_does_not_stop_the_unlock(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = "MARKERQ2W"
    data = _marked_and_confirmed(pair, marker)

    def disk_full(self: Vault) -> bool:
        raise sqlcipher3.OperationalError("database or disk is full")

    with monkeypatch.context() as m:
        m.setattr(Vault, "empty_wal", disk_full)  # inside compact(): the raw error it meets
        result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
        assert any("rebuilt at the next unlock" in w for w in result.warnings)
        pair.runner.vault.lock()
        vault = Vault.open(pair.runner.path, factory.PASSPHRASE)  # unlocks all the same
        assert _owed(vault)
        vault.lock()
    pair.runner.vault = vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    assert not _owed(vault)
    _nothing_left_of(vault, marker)


def test_a_reader_holding_the_wal_keeps_the_rebuild_owed(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair.runner.vault.lock()
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.2)  # the checkpoint waits no longer
    pair.runner.vault = vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    with vault.write() as session:
        owe_compaction(session)
    reader = vault.engine().raw_connection()
    driver = reader.driver_connection
    assert driver is not None
    try:
        driver.execute("BEGIN")
        driver.execute("SELECT count(*) FROM debrief").fetchone()
        with vault.write() as session:  # a frame the reader's snapshot keeps in the WAL
            owe_compaction(session)
        assert vault.compact_if_owed() is False
        assert _owed(vault)
    finally:
        driver.execute("ROLLBACK")
        reader.close()
    assert vault.compact_if_owed() is True
    assert not _owed(vault)


def test_a_receipt_reviewing_a_debrief_twice_is_refused(pair: Pair) -> None:
    # A return followed by an approval of the same debrief must not let the returned
    # record be purged: such a receipt is refused whole.
    _rule(pair.runner, "delete")
    (returned,) = submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    with pair.runner.vault.read() as session:
        log = session.get(PackageLog, sent.package_id)
        assert log is not None
        entry = ReceiptEntry(sent.package_id, log.sha256)
    at = iso_utc(utc_now())
    reviews = [
        {
            "debrief_id": str(returned),
            "status": s,
            "reviewer": "Havik",
            "comment": c,
            "reviewed_at": at,
        }
        for s, c in (("returned", "Who is Dirk?"), ("approved", "Fine."))
    ]
    data = _forged_receipt(pair, pair.handler, entry, reviews=reviews)
    with pytest.raises(MalformedPackage, match="twice"):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert debrief_rows(pair.runner) == 1


def test_a_secure_purge_that_rebuilds_leaves_nothing_owed(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    _send(pair)
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
    assert (result.purged, result.warnings) == (1, ())
    with pair.runner.vault.read() as session:
        assert session.get(VaultMeta, META_COMPACTION_OWED) is None


def test_centrals_receipt_keeps_the_copy_the_handler_has_not_confirmed(
    pair: Pair, tmp_path: Path
) -> None:
    # A package sealed to the handler and to central: central's receipt lets the
    # runner purge what central holds, but the copy stays, to be written again for
    # the handler (a lost stick), until the handler's own receipt.
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    try:
        introduce(pair.runner, central, PeerRole.CENTRAL, "Central system")
        introduce(central, pair.runner, PeerRole.RUNNER, "Runner Valk")
        submitted_debriefs(pair.runner, 2)
        sent = packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )
        data = sent.path.read_bytes()
        package_receive.import_package(central.vault, central.scope, data)
        from_central = receipts.create_receipt(
            central.vault, central.scope, runner="Runner Valk", to_dir=tmp_path
        ).path.read_bytes()
        taken = receipts.import_receipt(pair.runner.vault, pair.runner.scope, from_central)
        assert taken.confirmed == 1
        again = tmp_path / "again"
        again.mkdir()
        written = packages.write_again(pair.runner.vault, pair.runner.scope, sent.package_id, again)
        assert written.read_bytes() == data  # for the handler, byte for byte
        package_receive.import_package(pair.handler.vault, pair.handler.scope, data)
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
        with pytest.raises(InvalidInput, match="its copy is no longer kept"):
            packages.write_again(pair.runner.vault, pair.runner.scope, sent.package_id, again)
    finally:
        central.vault.lock()


def test_a_return_of_a_debrief_centrals_receipt_deleted_is_said_not_lost(
    pair: Pair, tmp_path: Path
) -> None:
    # Central's receipt deletes what central holds before the handler has read it;
    # the handler's return that follows cannot apply, and the runner must hear of it
    # (by id: the comment stays with the handler, out of the warnings).
    _rule(pair.runner, "delete")
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    try:
        introduce(pair.runner, central, PeerRole.CENTRAL, "Central system")
        introduce(central, pair.runner, PeerRole.RUNNER, "Runner Valk")
        returned, approved = submitted_debriefs(pair.runner, 2)
        sent = packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )
        data = sent.path.read_bytes()
        package_receive.import_package(central.vault, central.scope, data)
        from_central = receipts.create_receipt(
            central.vault, central.scope, runner="Runner Valk", to_dir=tmp_path
        ).path.read_bytes()
        assert receipts.import_receipt(pair.runner.vault, pair.runner.scope, from_central).purged
        package_receive.import_package(pair.handler.vault, pair.handler.scope, data)
        debriefs.return_to_runner(pair.handler.vault, pair.handler.scope, returned, "Who is Dirk?")
        debriefs.approve(pair.handler.vault, pair.handler.scope, approved, "Well graded.")
        taken = receipts.import_receipt(pair.runner.vault, pair.runner.scope, _receipt(pair))
        assert taken.reviews_applied == 0
        [notice] = taken.warnings
        assert notice.startswith(f"The handler returned debrief {returned}, which this vault")
        assert str(approved) not in notice
        assert "Who is Dirk?" not in notice
    finally:
        central.vault.lock()
