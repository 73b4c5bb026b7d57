"""Second-person approval of sanitised reports, the register, verification,
printing and saving: what is enforced and what is audited."""

from __future__ import annotations

import json
import os
import re
import stat
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, NotFound, ReportError, WorkflowError
from app.models import AuditEvent
from app.models.reports import ApprovalStatus, IssuedReport
from app.reports import raster
from app.services import reports
from app.services.admin import aliases
from app.services.records import debriefs, sources
from app.services.reports import Selection, VerifyResult
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_support import pages_text


@pytest.fixture
def shared_source(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    return sources.create_source(
        vault, runner, sources.SourceDraft(codename="ONYX"), share_with=(handler.alias_id,)
    )


@pytest.fixture
def submitted(vault: Vault, runner: Scope, shared_source: uuid.UUID) -> uuid.UUID:
    return factory.debrief(vault, runner, shared_source, submit=True)


def _actions(vault: Vault) -> list[tuple[str, str, str]]:
    with vault.read() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.detail)
            .where(AuditEvent.action.like("report.%"))
            .order_by(AuditEvent.seq)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def _request(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> reports.ApprovalView:
    return reports.request_sanitised(
        vault, scope, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )


def test_sanitised_report_needs_a_second_person_with_the_handler_role(
    vault: Vault, runner: Scope, handler: Scope, submitted: uuid.UUID
) -> None:
    request = _request(vault, runner, submitted)
    assert request.status is ApprovalStatus.PENDING
    # Nothing is released before approval.
    with pytest.raises(WorkflowError):
        reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
    # A runner cannot approve, not even someone else's request.
    with pytest.raises(AccessDenied):
        reports.approve_sanitised(vault, runner, request.id)
    # A handler cannot approve their own request.
    own = _request(vault, handler, submitted)
    # Saying who may: a handler alone in the vault must know to add another alias.
    with pytest.raises(AccessDenied, match="requester: another handler alias, one that sees"):
        reports.approve_sanitised(vault, handler, own.id)
    # A handler other than the requester can.
    approved = reports.approve_sanitised(vault, handler, request.id)
    assert approved.status is ApprovalStatus.APPROVED
    assert approved.decided_by == handler.alias_name
    with pytest.raises(WorkflowError):
        reports.approve_sanitised(vault, handler, request.id)
    issued = reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
    assert issued.kind is reports.ReportKind.SANITISED
    # An approval is used once.
    with pytest.raises(WorkflowError):
        reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
    actions = _actions(vault)
    names = [a for a, _, _ in actions]
    assert names.count("report.sanitised_requested") == 2
    assert ("report.sanitised_approved", handler.alias_name) in {(a, b) for a, b, _ in actions}
    assert ("report.issued", runner.alias_name) in {(a, b) for a, b, _ in actions}
    listed = reports.list_approvals(vault, handler, status=None)
    assert {a.id: a.status for a in listed}[request.id] is ApprovalStatus.ISSUED


def test_the_approver_can_preview_and_the_preview_is_marked_and_not_registered(
    vault: Vault, runner: Scope, handler: Scope, submitted: uuid.UUID
) -> None:
    request = _request(vault, runner, submitted)
    pending = reports.list_approvals(vault, handler)
    assert [a.id for a in pending] == [request.id]
    pdf = reports.preview_approval(vault, handler, request.id)
    texts = pages_text(pdf)
    assert all("AWAITING APPROVAL" in t for t in texts)
    assert reports.verify_pdf(vault, pdf, actor=handler.actor).result is VerifyResult.UNKNOWN
    assert "report.approval_previewed" in [a for a, _, _ in _actions(vault)]
    # It says plainly what it is: no claim of a register, a printer or a check.
    flat = [" ".join(t.split()) for t in texts]
    assert all(
        "preview made on" in t and "not issued, and in no report register" in t for t in flat
    )
    assert not any("of the unit" in t or "Printed on" in t for t in flat)
    assert "Preview, not issued" in flat[-1]
    assert "will not confirm it" in flat[-1]
    assert "Document integrity" not in flat[-1]
    assert "keeps both" not in flat[-1]
    # Its id is random, not the approval's (a UUIDv7 whose first digits are the
    # time of the request).
    shown = re.findall(r"PREVIEW-([0-9a-f]{12})", flat[0])
    assert shown
    assert shown[0] != request.id.hex[:12]
    assert shown[0] not in request.id.hex
    assert raster.metadata(pdf).get("Keywords", "") == ""


def test_the_approver_reads_what_a_request_covers_and_what_it_leaves_out(
    vault: Vault, runner: Scope, handler: Scope, shared_source: uuid.UUID
) -> None:
    """Two requests of one runner on one day: told apart by their sources; the
    shareable items left out for want of a sanitised wording: told to the approver
    too, not only to the requester."""
    other = sources.create_source(
        vault, runner, sources.SourceDraft(codename="JASPIS"), share_with=(handler.alias_id,)
    )
    unworded = factory.graded_item("Seen at the quay.", sanitised_text="")
    first = factory.debrief(
        vault, runner, shared_source, items=(factory.graded_item(), unworded), submit=True
    )
    second = factory.debrief(vault, runner, other, submit=True)
    one, two = _request(vault, runner, first), _request(vault, runner, second)
    listed = {a.id: a for a in reports.list_approvals(vault, handler)}
    assert listed[one.id].sources == ("ONYX",)
    assert listed[two.id].sources == ("JASPIS",)
    assert listed[one.id].withheld_items == 1
    assert listed[two.id].withheld_items == 0
    # A period of both sources: both named, in order.
    both = reports.request_sanitised(
        vault, runner, Selection(date_from=date(2000, 1, 1)), passphrase=factory.PASSPHRASE
    )
    listed = {a.id: a for a in reports.list_approvals(vault, handler)}
    assert listed[both.id].sources == ("JASPIS", "ONYX")


def test_a_rejected_request_cannot_be_issued(
    vault: Vault, runner: Scope, handler: Scope, submitted: uuid.UUID
) -> None:
    request = _request(vault, runner, submitted)
    with pytest.raises(InvalidInput):
        reports.reject_sanitised(vault, handler, request.id, "  ")
    rejected = reports.reject_sanitised(vault, handler, request.id, "Wording too specific.")
    assert rejected.status is ApprovalStatus.REJECTED
    with pytest.raises(WorkflowError):
        reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)


def test_content_that_changed_after_approval_is_not_released(
    vault: Vault, runner: Scope, handler: Scope, submitted: uuid.UUID
) -> None:
    request = _request(vault, runner, submitted)
    reports.approve_sanitised(vault, handler, request.id)
    # The handler returns the debrief meanwhile: it is no longer releasable.
    debriefs.return_to_runner(vault, handler, submitted, "Who else was there?")
    with pytest.raises(WorkflowError, match="changed since"):
        reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)


def test_approvals_are_visible_only_to_aliases_that_see_every_debrief(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    own = factory.source(vault, runner, "PRIVE")  # not shared with the handler
    debrief_id = factory.debrief(vault, runner, own, submit=True)
    request = _request(vault, runner, debrief_id)
    assert reports.list_approvals(vault, handler) == []
    with pytest.raises(NotFound):
        reports.approve_sanitised(vault, handler, request.id)


def test_verify_accepts_an_issued_report_and_refuses_an_altered_or_foreign_one(
    vault: Vault, runner: Scope, submitted: uuid.UUID, tmp_path: Path
) -> None:
    issued = reports.issue_internal(vault, runner, Selection(debrief_id=submitted))
    ok = reports.verify_pdf(vault, issued.pdf, actor=runner.actor)
    assert ok.ok
    assert ok.result is VerifyResult.UNALTERED
    assert ok.report_id == issued.report_id
    assert ok.printed_by == runner.alias_name
    assert "VERIFIED: this vault issued" in ok.message()

    # Flip one bit inside the first content stream: same report id, other bytes.
    start = issued.pdf.index(b"stream") + 200
    altered = issued.pdf[:start] + bytes([issued.pdf[start] ^ 1]) + issued.pdf[start + 1 :]
    bad = reports.verify_pdf(vault, altered, actor=runner.actor)
    assert not bad.ok
    assert bad.result is VerifyResult.ALTERED
    assert bad.report_id == issued.report_id
    assert "altered" in bad.message()

    # A report from another vault is unknown here, though it looks the same.
    other_root = factory.make_vault(tmp_path / "other")
    with Vault.open(other_root, factory.PASSPHRASE) as other:
        scope = aliases.resolve_scope(other, factory.RUNNER)
        sid = factory.source(other, scope, "ONYX")
        foreign = reports.issue_internal(
            other, scope, Selection(debrief_id=factory.debrief(other, scope, sid))
        )
    assert reports.verify_pdf(vault, foreign.pdf, actor=runner.actor).result is VerifyResult.UNKNOWN
    assert reports.verify_pdf(vault, b"not a pdf", actor=runner.actor).result is (
        VerifyResult.UNKNOWN
    )
    results = [json.loads(d)["result"] for a, _, d in _actions(vault) if a == "report.verified"]
    assert results == ["unaltered", "altered", "unknown", "unknown"]


def test_the_register_is_append_only_and_matches_the_audit(
    vault: Vault, runner: Scope, submitted: uuid.UUID
) -> None:
    issued = reports.issue_internal(vault, runner, Selection(debrief_id=submitted))
    with vault.read() as session:
        row = session.get(IssuedReport, issued.report_id)
        assert row is not None
        assert row.pdf_sha256 == issued.pdf_sha256
        assert row.content_sha256 == issued.content_sha256
        assert json.loads(row.debrief_ids) == [submitted.hex]
    for statement in (
        "UPDATE issued_report SET pdf_sha256 = 'x'",
        "DELETE FROM issued_report",
    ):
        with pytest.raises(DBAPIError, match="append-only"), vault.write() as session:
            session.execute(text(statement))
    detail = json.loads(next(d for a, _, d in _actions(vault) if a == "report.issued"))
    assert detail["pdf_sha256"] == issued.pdf_sha256
    assert detail["kind"] == "internal"


def test_saving_is_explicit_owner_only_and_audited_printing_is_audited(
    vault: Vault, runner: Scope, submitted: uuid.UUID, tmp_path: Path
) -> None:
    issued = reports.issue_internal(vault, runner, Selection(debrief_id=submitted))
    assert not list(tmp_path.rglob("*.pdf"))  # issuing writes nothing
    assert "ONYX" not in issued.suggested_name
    target = tmp_path / issued.suggested_name
    reports.save_pdf(vault, runner, issued, target)
    assert target.read_bytes() == issued.pdf
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    reports.record_printed(vault, runner, issued.report_id, pages=issued.page_count, copies=2)
    actions = {a: json.loads(d) for a, _, d in _actions(vault)}
    assert actions["report.saved"]["pdf_sha256"] == issued.pdf_sha256
    assert str(tmp_path) not in json.dumps(actions)  # the path is not recorded
    assert actions["report.printed"] == {"pages": issued.page_count, "copies": 2}
    # Bytes that are not a registered report are not saved under the vault's name.
    forged = reports.IssuedPdf(**{**issued.__dict__, "pdf": issued.pdf + b"%"})
    with pytest.raises(ReportError):
        reports.save_pdf(vault, runner, forged, tmp_path / "forged.pdf")
    assert not (tmp_path / "forged.pdf").exists()


def test_choices_are_checked(vault: Vault, runner: Scope, submitted: uuid.UUID) -> None:
    with pytest.raises(InvalidInput):
        reports.issue_internal(vault, runner, Selection())
    with pytest.raises(InvalidInput):
        reports.issue_internal(
            vault, runner, Selection(debrief_id=submitted, source_id=uuid.uuid4())
        )
    with pytest.raises(InvalidInput):
        reports.issue_internal(vault, runner, Selection(debrief_id=submitted), marking="GEHEIM!")
    from datetime import date

    with pytest.raises(InvalidInput):
        reports.issue_internal(
            vault, runner, Selection(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1))
        )
    with pytest.raises(NotFound):
        reports.issue_internal(vault, runner, Selection(debrief_id=uuid.uuid4()))
    issued = reports.issue_internal(
        vault, runner, Selection(debrief_id=submitted), marking="stg.  geheim"
    )
    assert issued.marking == "STG. GEHEIM"


def test_a_draft_cannot_be_disseminated(vault: Vault, runner: Scope) -> None:
    sid = factory.source(vault, runner, "CONCEPT")
    draft = factory.debrief(vault, runner, sid)
    with pytest.raises(WorkflowError, match="Nothing to share"):
        reports.request_sanitised(
            vault, runner, Selection(debrief_id=draft), passphrase=factory.PASSPHRASE
        )
    assert runner.role is Role.RUNNER


def test_the_register_records_the_time_printed_on_the_page(
    vault: Vault,
    runner: Scope,
    handler: Scope,
    submitted: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A clock that moves on a minute at every reading, starting just before
    # midnight: a second reading of it would show on the page as another minute
    # (internal) or another day (sanitised).
    from datetime import UTC, datetime, timedelta

    ticks = iter(
        datetime(2026, 11, 23, 23, 58, 30, tzinfo=UTC) + timedelta(minutes=n) for n in range(99)
    )
    for module in ("internal_report", "sanitised_report"):  # where reports read the clock
        monkeypatch.setattr(f"app.services.reports.{module}.utc_now", lambda: next(ticks))
    issued = reports.issue_internal(vault, runner, Selection(debrief_id=submitted))
    printed = pages_text(issued.pdf)[0]
    verified = reports.verify_pdf(vault, issued.pdf, actor=runner.actor)
    assert verified.printed_at is not None
    assert f"Printed by {runner.alias_name} on {verified.printed_at:%Y-%m-%d %H:%M} UTC" in printed

    request = _request(vault, runner, submitted)
    reports.approve_sanitised(vault, handler, request.id)
    sanitised = reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
    verified = reports.verify_pdf(vault, sanitised.pdf, actor=runner.actor)
    assert verified.printed_at is not None
    assert f"Printed on {verified.printed_at:%Y-%m-%d}" in pages_text(sanitised.pdf)[0]


def test_a_sanitised_report_names_its_printer_by_a_reference_only_the_vault_resolves(
    vault: Vault, runner: Scope, handler: Scope, shared_source: uuid.UUID
) -> None:
    import re

    refs = []
    for _ in range(2):
        debrief_id = factory.debrief(vault, runner, shared_source, submit=True)
        request = _request(vault, runner, debrief_id)
        reports.approve_sanitised(vault, handler, request.id)
        issued = reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
        verified = reports.verify_pdf(vault, issued.pdf, actor=handler.actor)
        ref = verified.printer_reference
        assert re.fullmatch(r"PR-[A-Z2-7]{4}-[A-Z2-7]{4}", ref)
        texts = pages_text(issued.pdf)
        assert all(f"by {ref} (a runner of the unit;" in t for t in texts)
        assert all(runner.alias_name not in t for t in texts)
        # The vault resolves the reference to the alias.
        assert f"printed by {runner.alias_name} (printer reference {ref})" in verified.message()
        assert ref == reports.printer_reference(vault, issued.report_id, runner.alias_name)
        refs.append(ref)
    # One code per report: two reports of one runner are not linked by it.
    assert refs[0] != refs[1]


@pytest.mark.parametrize("stop_at", ["loading", "layout"])
def test_a_cancelled_report_stops_and_leaves_nothing_issued(
    vault: Vault, runner: Scope, shared_source: uuid.UUID, stop_at: str
) -> None:
    from app.errors import ReportCancelled

    for _ in range(4):
        factory.debrief(vault, runner, shared_source, submit=True)
    cancel = reports.Cancel()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        # 4 debriefs: read at once (step 4), then steps 5-8 lay them out.
        if done == (4 if stop_at == "loading" else 6):
            cancel.set()

    with pytest.raises(ReportCancelled, match="nothing was issued"):
        reports.issue_internal(
            vault, runner, Selection(source_id=shared_source), progress=progress, cancel=cancel
        )
    assert max(seen) == (4 if stop_at == "loading" else 6)  # no step after the cancel
    with vault.read() as session:
        assert session.execute(select(IssuedReport)).first() is None
    assert [a for a, _, _ in _actions(vault)] == []
