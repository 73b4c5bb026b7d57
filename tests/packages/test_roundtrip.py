"""A runner exports submitted debriefs; the handler verifies and imports them;
new versions, gaps, late arrivals and replays behave as a handler relies on."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.domain.enums import DebriefStatus
from app.errors import AccessDenied, InvalidInput, NotFound, StorageFull, WorkflowError
from app.export.errors import NotForThisVault, ReplayedPackage
from app.models import Debrief
from app.models.packages import PackageLog, RecordVersion
from app.services.admin import audit
from app.services.exchange import (
    outgoing_copies,
    package_log,
    package_receive,
    package_records,
    packages,
)
from app.services.records import attachments, debriefs, record_versions, search
from app.vault import atomic
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import (
    PNG,
    Pair,
    debrief_rows,
    rich_debrief,
    submitted_debriefs,
)


def _export(pair: Pair, **kw: object) -> packages.ExportResult:
    if "debrief_ids" not in kw:
        kw["all_new"] = True
    return packages.export_package(
        pair.runner.vault,
        pair.runner.scope,
        to_dir=pair.outbox,
        **kw,  # type: ignore[arg-type]
    )


def _import(pair: Pair, data: bytes) -> package_receive.ImportResult:
    return package_receive.import_package(pair.handler.vault, pair.handler.scope, data)


def test_everything_a_debrief_holds_arrives_in_the_runners_compartment(pair: Pair) -> None:
    debrief_id = rich_debrief(pair.runner)
    result = _export(pair)
    assert (result.debriefs, result.sequence) == (1, 1)
    assert result.recipients == ("Team handler",)
    data = result.path.read_bytes()
    check = package_receive.verify_package(pair.handler.vault, pair.handler.scope, data)
    assert (check.status, check.records, check.files, check.sender) == ("new", 1, 1, "Runner Valk")
    assert debrief_rows(pair.handler) == 0  # verifying changes nothing
    imported = _import(pair, data)
    assert (imported.new, imported.updated) == (1, 0)
    assert imported.audit_events >= 5  # created, saved, items, attachment, submitted
    view = debriefs.get_debrief(pair.handler.vault, pair.handler.scope, debrief_id)
    original = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, debrief_id)
    assert view.codename == "ZWALUW"
    assert view.status is DebriefStatus.SUBMITTED
    for field in (
        "narrative",
        "welfare_observations",
        "security_observations",
        "runner_assessment",
        "critical_reflection",
        "author",
        "compartment_id",
        "source_id",
        "submitted_at",
    ):
        assert getattr(view, field) == getattr(original, field), field
    assert [(i.text, i.sanitised_text, i.grading) for i in view.items] == [
        (i.text, i.sanitised_text, i.grading) for i in original.items
    ]
    assert [s.name for i in view.items for s in i.subjects] == [
        s.name for i in original.items for s in i.subjects
    ]
    assert view.contact is not None
    assert original.contact is not None
    assert view.contact.location_codeword == "KADE-7"
    assert sorted(view.contact.attendees) == sorted(original.contact.attendees)
    assert [t.description for t in view.taskings] == [t.description for t in original.taskings]
    assert [(p.amount_cents, p.witness) for p in view.payments] == [
        (p.amount_cents, p.witness) for p in original.payments
    ]
    files = attachments.list_attachments(pair.handler.vault, pair.handler.scope, debrief_id)
    assert [(f.name, f.media_type) for f in files] == [("foto.png", "image/png")]
    data_back = attachments.attachment_bytes(
        pair.handler.vault, pair.handler.scope, files[0].id, purpose="view"
    )
    assert data_back == PNG
    hits = search.search(pair.handler.vault, pair.handler.scope, "harbour")
    assert [h.debrief_id for h in hits] == [debrief_id]


def test_the_file_is_written_atomically_owner_only_and_names_nothing(pair: Pair) -> None:
    rich_debrief(pair.runner)
    result = _export(pair)
    assert os.listdir(pair.outbox) == [result.path.name]  # no temporary file left
    assert result.path.name == f"veldboek-{result.package_id}.age"
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    data = result.path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> mlkem768x25519 ")
    for clear in (b"ZWALUW", b"harbour", b"Valk", b"Team handler", b"KADE"):
        assert clear not in data


def test_export_is_audited_and_marks_what_it_carried(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 2)
    result = _export(pair)
    for debrief_id in ids:
        assert packages.exported_in(pair.runner.vault, pair.runner.scope, debrief_id) == [
            (1, result.package_id)
        ]
    events = audit.recent_events(pair.runner.vault, pair.runner.scope, limit=5)
    assert any(e.action == "package.exported" for e in events)
    # The same version chosen again: both packages stay named, oldest first.
    again = _export(pair, debrief_ids=[ids[0]])
    assert packages.exported_in(pair.runner.vault, pair.runner.scope, ids[0]) == [
        (1, result.package_id),
        (1, again.package_id),
    ]


def test_import_twice_is_refused_and_changes_nothing(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 2)
    data = _export(pair).path.read_bytes()
    _import(pair, data)
    before = debrief_rows(pair.handler)
    with pytest.raises(ReplayedPackage, match="already imported"):
        _import(pair, data)
    assert debrief_rows(pair.handler) == before
    check = package_receive.verify_package(pair.handler.vault, pair.handler.scope, data)
    assert check.status == "already imported"


def test_a_newer_version_is_kept_beside_the_older_never_silently_replacing_it(
    pair: Pair,
) -> None:
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    _import(pair, _export(pair).path.read_bytes())
    with pytest.raises(InvalidInput, match="nothing new"):
        _export(pair)
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "Later: van seen.")
    second = _export(pair)
    assert second.sequence == 2
    result = _import(pair, second.path.read_bytes())
    assert (result.new, result.updated) == (0, 1)
    view = debriefs.get_debrief(pair.handler.vault, pair.handler.scope, debrief_id)
    assert [a.text for a in view.addenda] == ["Later: van seen."]
    with pair.handler.vault.read() as session:
        versions = session.execute(
            select(RecordVersion.version).where(RecordVersion.record_id == debrief_id)
        ).scalars()
        assert sorted(versions) == [1, 2]
    # Both can be read back as they arrived: the first without the addendum.
    handler, scope = pair.handler.vault, pair.handler.scope
    held = record_versions.versions(handler, scope, debrief_id)
    assert [v.version for v in held] == [1, 2]
    assert held[1].package_id == second.package_id
    first_data = record_versions.version_data(handler, scope, debrief_id, 1)
    second_data = record_versions.version_data(handler, scope, debrief_id, 2)
    assert first_data["addenda"] == []
    assert [a["text"] for a in second_data["addenda"]] == ["Later: van seen."]
    assert package_records.record_hash(first_data) == held[0].sha256
    with pytest.raises(NotFound):
        record_versions.version_data(handler, scope, debrief_id, 3)
    with pytest.raises(NotFound):
        record_versions.versions(handler, scope, uuid.uuid4())


def test_the_handlers_review_survives_a_version_sent_before_the_runner_knew(pair: Pair) -> None:
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    _import(pair, _export(pair).path.read_bytes())
    debriefs.approve(pair.handler.vault, pair.handler.scope, debrief_id, "Good work.")
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "One more detail.")
    _import(pair, _export(pair).path.read_bytes())
    view = debriefs.get_debrief(pair.handler.vault, pair.handler.scope, debrief_id)
    assert view.status is DebriefStatus.APPROVED
    assert view.review_comment == "Good work."
    assert [a.text for a in view.addenda] == ["One more detail."]


def test_a_gap_warns_and_the_late_package_still_imports(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1, "EERSTE")
    first = _export(pair).path.read_bytes()
    submitted_debriefs(pair.runner, 1, "TWEEDE")
    second = _export(pair).path.read_bytes()
    gap = _import(pair, second)
    assert "Package 1 from this sender has not arrived." in gap.warnings
    assert [m.ranges for m in package_log.missing(pair.handler.vault)] == [((1, 1),)]
    late = _import(pair, first)
    assert any("arrived late" in w for w in late.warnings)
    assert late.new == 1
    assert package_log.missing(pair.handler.vault) == []


def test_a_second_package_with_the_same_number_is_refused(pair: Pair, tmp_path: Path) -> None:
    # The runner's vault is put back from a copy taken before the first export
    # (a restored backup): its next package reuses number 1.
    submitted_debriefs(pair.runner, 1)
    pair.runner.vault.lock()
    copy = tmp_path / "runner-copy"
    shutil.copytree(pair.runner.path, copy)
    pair.runner.vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    _import(pair, _export(pair).path.read_bytes())
    pair.runner.vault.lock()
    shutil.rmtree(pair.runner.path)
    shutil.copytree(copy, pair.runner.path)
    pair.runner.vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    again = _export(pair).path.read_bytes()
    before = debrief_rows(pair.handler)
    with pytest.raises(ReplayedPackage, match="same number"):
        _import(pair, again)
    assert debrief_rows(pair.handler) == before


def test_incomplete_debriefs_block_export_and_say_what_is_missing(pair: Pair) -> None:
    ids = submitted_debriefs(pair.runner, 2)
    with pair.runner.vault.write() as session:  # an old record from before the rule
        session.execute(update(Debrief).where(Debrief.id == ids[0]).values(critical_reflection=""))
    plan = packages.plan_export(pair.runner.vault, pair.runner.scope, all_new=True)
    assert [(c.debrief_id, c.missing) for c in plan.blocked] == [(ids[0], ("critical reflection",))]
    with pytest.raises(packages.IncompletePackage) as caught:
        _export(pair)
    assert [c.debrief_id for c in caught.value.blocked] == [ids[0]]
    assert "MEREL" not in str(caught.value)  # messages carry no vault content
    assert os.listdir(pair.outbox) == []
    assert packages.exported_in(pair.runner.vault, pair.runner.scope, ids[1]) == []


def test_drafts_and_returned_debriefs_do_not_leave(pair: Pair) -> None:
    source = factory.source(pair.runner.vault, pair.runner.scope, "KRAAI")
    draft = factory.debrief(pair.runner.vault, pair.runner.scope, source)
    with pytest.raises(WorkflowError, match="draft"):
        _export(pair, debrief_ids=[draft])
    # The source's file goes out (the handler oversees a source from its first
    # day), the draft does not; once that went out, there is nothing new.
    first = _export(pair)
    assert (first.debriefs, first.file_records) == (0, 1)
    imported = _import(pair, first.path.read_bytes())
    assert (imported.new, imported.file_records.new) == (0, 1)
    with pytest.raises(InvalidInput, match="nothing new"):
        _export(pair)


def test_write_again_gives_the_same_bytes(pair: Pair, tmp_path: Path) -> None:
    submitted_debriefs(pair.runner, 1)
    result = _export(pair)
    other = tmp_path / "second-stick"
    other.mkdir()
    path = packages.write_again(pair.runner.vault, pair.runner.scope, result.package_id, other)
    assert path.read_bytes() == result.path.read_bytes()


def test_a_failed_write_keeps_the_package_for_writing_again(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted_debriefs(pair.runner, 1)

    real_write = atomic._write_temp

    def full_disk(tmp: Path, data: bytes, mode: int) -> None:
        real_write(tmp, data[:1000], mode)  # part of it went on before the disk filled
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic, "_write_temp", full_disk)
        with pytest.raises(packages.PackageNotWritten) as caught:
            _export(pair)
    assert "kept in the vault" in str(caught.value)
    assert "is full" in str(caught.value)
    assert os.listdir(pair.outbox) == []  # neither the package nor its temporary file
    # The number is taken: the next attempt is a second writing, not a new package.
    with pytest.raises(InvalidInput, match="nothing new"):
        _export(pair)
    path = packages.write_again(
        pair.runner.vault, pair.runner.scope, caught.value.package_id, pair.outbox
    )
    check = package_receive.verify_package(
        pair.handler.vault, pair.handler.scope, path.read_bytes()
    )
    assert (check.sequence, check.status) == (1, "new")


def test_only_a_handler_imports(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    data = _export(pair).path.read_bytes()
    # Sealed to the handler only: the runner's own vault cannot even open it.
    with pytest.raises(NotForThisVault, match="a runner's vault takes in only a source"):
        package_receive.import_package(pair.runner.vault, pair.runner.scope, data)


def test_attachments_only_while_draft(pair: Pair) -> None:
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    with pytest.raises(WorkflowError):
        attachments.add_attachment(pair.runner.vault, pair.runner.scope, debrief_id, "x.png", PNG)


def test_an_export_the_vault_could_not_record_leaves_no_file(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is written while the vault records the export; if that fails, the
    # half-made file goes too, and the export can simply be tried again.
    submitted_debriefs(pair.runner, 1)

    def vault_fails(*args: object) -> None:
        raise StorageFull("The disk holding the vault is full; nothing was changed.")

    with monkeypatch.context() as patch:
        patch.setattr(outgoing_copies, "keep", vault_fails)
        with pytest.raises(StorageFull):
            _export(pair)
    assert os.listdir(pair.outbox) == []
    with pair.runner.vault.read() as session:
        assert session.execute(select(func.count()).select_from(PackageLog)).scalar_one() == 0
    result = _export(pair)
    assert os.listdir(pair.outbox) == [result.path.name]


def test_an_export_stopped_after_it_was_recorded_leaves_no_hidden_file(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stopped (here by its progress report) after the vault recorded the package but
    # before the file got its name: the temporary file goes, and the recorded
    # package can be written again.
    submitted_debriefs(pair.runner, 1)

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        packages.export_package(
            pair.runner.vault,
            pair.runner.scope,
            to_dir=pair.outbox,
            all_new=True,
            progress=progress,
        )
    assert os.listdir(pair.outbox) == []
    with pair.runner.vault.read() as session:
        (sent,) = session.execute(select(PackageLog)).scalars()
    path = packages.write_again(pair.runner.vault, pair.runner.scope, sent.id, pair.outbox)
    assert os.listdir(pair.outbox) == [path.name]


def test_a_handler_writes_no_package_of_debriefs(pair: Pair) -> None:
    # Every reader takes a package of debriefs from a runner's key only: a handler's
    # would be refused by all of them, so it is not written at all.
    h = pair.handler
    with pytest.raises(AccessDenied, match="written by a runner"):
        packages.export_package(h.vault, h.scope, to_dir=pair.outbox, all_new=True)
    # Nor is the folder swept first (the command line recovers before it exports).
    (pair.outbox / ".veldboek-leftover.tmp").write_bytes(b"")
    with pytest.raises(AccessDenied, match="written by a runner"):
        packages.recover(h.vault, h.scope, pair.outbox)
    assert [p.name for p in pair.outbox.iterdir()] == [".veldboek-leftover.tmp"]
