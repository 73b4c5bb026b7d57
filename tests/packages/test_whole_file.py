"""The whole source file travels (format version 3): what a handler holds after an
import is what the runner holds, record for record and version for version
(``show source`` prints the same on both sides), newer versions are kept beside
the older ones, the handler's own records are never overwritten, and the true
identity never travels."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.cli import main
from app.domain.enums import PaymentKind, RiskLevel, SourceKind, TaskingStatus
from app.export import package
from app.models.packages import ExportedRecord, RecordVersion
from app.services.admin import aliases
from app.services.exchange import keys, package_json, package_receive, packages, whole_file
from app.services.exchange.package_import import ConflictingRecords
from app.services.records import debriefs, identity, record_versions, sources, tasking, welfare
from app.services.records.sources import SourceDraft
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.packages.conftest import Pair, Party, rich_debrief

IDENTITY_MARKER = "Johanna Ziekenhuisstraat-QX9"


def _export(pair: Pair) -> packages.ExportResult:
    return packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )


def _import(pair: Pair, result: packages.ExportResult) -> package_receive.ImportResult:
    return package_receive.import_package(
        pair.handler.vault, pair.handler.scope, result.path.read_bytes()
    )


def _held(party: Party, source_id: uuid.UUID) -> dict[str, Any]:
    return whole_file.whole_file(party.vault, party.scope, source_id)


def _the_issues_source(pair: Pair) -> uuid.UUID:
    """The file of the issue: registration data, 1 risk assessment, 1 reliability
    review, 1 instruction, 3 payments and 2 taskings, only some of them named by a
    debrief; and a sealed true identity."""
    vault, scope = pair.runner.vault, pair.runner.scope
    debrief_id = rich_debrief(pair.runner, "ZWALUW")  # a tasking and a payment it names
    source = sources.find_source(vault, scope, "ZWALUW")
    sources.update_source(
        vault,
        scope,
        source,
        SourceDraft(
            codename="ZWALUW",
            kind=SourceKind.CIVILIAN_INFORMANT,
            legal_basis="Art. 126v Sv",
            contracted_on=date(2026, 3, 1),
            contract_review_on=date(2027, 3, 1),
            suitability_review_on=date(2026, 9, 1),
            antecedents_checked_on=date(2026, 2, 20),
            antecedents_result="None found.",
            motivation="Money.",
        ),
    )
    welfare.assess_risk(
        vault,
        scope,
        source,
        level=RiskLevel.HIGH,
        review_on=date(2099, 1, 1),
        threats="Seen with an enforcer.",
        welfare_notes="Sleeps badly.",
    )
    welfare.review_reliability(vault, scope, source, "2", "Two reports corroborated.")
    welfare.give_instruction(vault, scope, source, "No contact with the brother.")
    tasking.add_tasking(vault, scope, source, "Who drives the van?", deadline=date(2099, 2, 1))
    witness = aliases.add_alias(vault, "Merel-getuige", role=None, can_act=False)
    for amount, kind in ((5000, PaymentKind.REWARD), (1200, PaymentKind.EXPENSE)):
        tasking.record_payment(
            vault,
            scope,
            source,
            kind=kind,
            amount_cents=amount,
            reason="Meeting costs",
            occurred_on=date(2026, 11, 25),
            witness_alias_id=witness,
        )
    identity.record_identity(
        vault, scope, source, IdentityFields(full_name=IDENTITY_MARKER, notes=IDENTITY_MARKER)
    )
    assert debrief_id
    return source


def test_the_handler_holds_exactly_what_the_runner_sent(pair: Pair) -> None:
    source = _the_issues_source(pair)
    sent = _export(pair)
    assert (sent.debriefs, sent.file_records) == (1, 1 + 1 + 1 + 1 + 2 + 3)
    imported = _import(pair, sent)
    assert (imported.new, imported.file_records.new) == (1, 9)
    runner, handler = _held(pair.runner, source), _held(pair.handler, source)
    counts = {section: len(handler[section]) for section in whole_file.SECTIONS}
    assert counts == {
        "risk_assessments": 1,
        "reliability_reviews": 1,
        "instructions": 1,
        "taskings": 2,
        "payments": 3,
    }
    reg = handler["registration"]["record"]
    assert (reg["legal_basis"], reg["contracted_on"], reg["contract_review_on"]) == (
        "Art. 126v Sv",
        "2026-03-01",
        "2027-03-01",
    )
    assert (reg["antecedents_checked_on"], reg["antecedents_result"]) == (
        "2026-02-20",
        "None found.",
    )
    assert handler["source"]["kind"] == "civilian_informant"
    # Everything, record for record and version for version, as the runner has it.
    assert handler == runner
    assert all(
        entry["versions"] == [{"version": 1, "sha256": entry["versions"][0]["sha256"]}]
        for section in (*whole_file.SECTIONS, "debriefs")
        for entry in handler[section]
    )
    linked = [t["record"]["debrief_id"] for t in handler["taskings"]]
    assert sorted(linked, key=str) == sorted(
        [None, handler["debriefs"][0]["record"]["id"]], key=str
    )


def test_show_source_prints_the_same_file_on_both_vaults(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _the_issues_source(pair)
    _import(pair, _export(pair))
    passphrase = tmp_path / "pass"
    passphrase.write_text(factory.PASSPHRASE)
    shown = {}
    for party, alias, by in (
        (pair.runner, factory.RUNNER, "zwaluw"),  # by codename, any case
        (pair.handler, "Havik", str(source)),  # by id
    ):
        party.vault.lock()
        code = main(
            [
                "show",
                "source",
                by,
                "--vault",
                str(party.path),
                "--passphrase-file",
                str(passphrase),
                "--alias",
                alias,
                "--json",
            ]
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        shown[alias] = json.loads(out)
        assert IDENTITY_MARKER not in out
    assert shown[factory.RUNNER] == shown["Havik"]
    assert len(shown["Havik"]["payments"]) == 3


def test_the_true_identity_and_what_was_typed_beside_it_never_travel(pair: Pair) -> None:
    source = _the_issues_source(pair)
    vault, scope = pair.runner.vault, pair.runner.scope
    identity.reveal_identity(
        vault, scope, source, passphrase=factory.PASSPHRASE, reason=f"Check {IDENTITY_MARKER}"
    )
    sent = _export(pair)
    plain = package.open_package(
        sent.path.read_bytes(), keys.private_keys(pair.handler.vault).receiving_seed
    )
    assert IDENTITY_MARKER.encode() not in bytes(plain.container)
    actions = {e["action"] for e in plain.body["audit"]}
    assert "source.created" in actions  # events about the file do travel
    assert not any(a.startswith("identity.") for a in actions)
    with vault.engine().connect() as conn:
        held = set(conn.execute(text("SELECT action FROM audit_event")).scalars())
    assert {"identity.recorded", "identity.revealed"} <= held


def test_a_newer_version_of_a_file_record_is_kept_beside_the_older(pair: Pair) -> None:
    source = _the_issues_source(pair)
    _import(pair, _export(pair))
    vault, scope = pair.runner.vault, pair.runner.scope
    (open_one,) = [
        t for t in tasking.open_taskings(vault, scope, source) if t.description.startswith("Who")
    ]
    tasking.close_tasking(vault, scope, open_one.id, TaskingStatus.DONE, "Dirk drives it.")
    again = _export(pair)
    assert (again.debriefs, again.file_records) == (0, 1)  # only what changed
    result = _import(pair, again)
    assert (result.file_records.new, result.file_records.updated) == (0, 1)
    handler = _held(pair.handler, source)
    assert handler == _held(pair.runner, source)
    (closed,) = [t for t in handler["taskings"] if t["record"]["id"] == str(open_one.id)]
    assert closed["record"]["status"] == "done"
    assert [v["version"] for v in closed["versions"]] == [1, 2]
    with pair.handler.vault.read() as session:
        held = session.execute(
            select(RecordVersion.version).where(RecordVersion.record_id == open_one.id)
        ).scalars()
        assert sorted(held) == [1, 2]


def test_a_late_older_version_never_replaces_the_newer(pair: Pair) -> None:
    source = _the_issues_source(pair)
    first = _export(pair)
    vault, scope = pair.runner.vault, pair.runner.scope
    (open_one,) = [
        t for t in tasking.open_taskings(vault, scope, source) if t.description.startswith("Who")
    ]
    tasking.close_tasking(vault, scope, open_one.id, TaskingStatus.CANCELLED, "Too risky.")
    second = _export(pair)
    _import(pair, second)  # package 2 first: a gap
    late = _import(pair, first)
    assert late.file_records.older == 1  # the open tasking: history only
    (held,) = [
        t for t in _held(pair.handler, source)["taskings"] if t["record"]["id"] == str(open_one.id)
    ]
    assert held["record"]["status"] == "cancelled"
    assert [v["version"] for v in held["versions"]] == [1, 2]


def test_the_handlers_own_records_are_never_overwritten(pair: Pair) -> None:
    source = _the_issues_source(pair)
    _import(pair, _export(pair))
    # The handler, a member of the runner's compartment, adds an assessment of its own.
    own = welfare.assess_risk(
        pair.handler.vault,
        pair.handler.scope,
        source,
        level=RiskLevel.CRITICAL,
        review_on=date(2099, 1, 2),
        threats="Handler's own view.",
    )
    # The runner's next assessment arrives beside it; the handler's stays as it is.
    welfare.assess_risk(
        pair.runner.vault,
        pair.runner.scope,
        source,
        level=RiskLevel.LOW,
        review_on=date(2099, 3, 1),
    )
    _import(pair, _export(pair))
    levels = {
        r["record"]["id"]: r["record"]["level"]
        for r in _held(pair.handler, source)["risk_assessments"]
    }
    assert levels[str(own)] == "critical"
    assert sorted(levels.values()) == ["critical", "high", "low"]
    # A package that names the handler's own record (an id the runner's vault took
    # over, by accident or on purpose) is refused whole.
    with pair.runner.vault.engine().begin() as conn:
        conn.execute(
            text(
                "UPDATE risk_assessment SET id = :own, threats = 'overwritten' WHERE level = 'low'"
            ),
            {"own": own.hex},
        )
    with pytest.raises(ConflictingRecords):
        _import(pair, _export(pair))
    (mine,) = [
        r for r in _held(pair.handler, source)["risk_assessments"] if r["record"]["id"] == str(own)
    ]
    assert mine["record"]["threats"] == "Handler's own view."


def test_a_debrief_sent_in_a_version_2_package_does_not_go_out_again(pair: Pair) -> None:
    """A vault upgraded from format 2: its exported_record rows hold the version 2
    hash (migration 0011 marks them format 2). The debrief is unchanged, so it is
    neither sent again nor held back from the purge."""
    debrief_id = rich_debrief(pair.runner)
    _export(pair)
    vault = pair.runner.vault
    with vault.read() as session:
        v2 = package_json.debriefs(session, [debrief_id], 2)[0].sha256
    with vault.engine().begin() as conn:
        conn.execute(
            text(
                "UPDATE exported_record SET format = 2, sha256 = :sha WHERE record_type = 'debrief'"
            ),
            {"sha": v2},
        )
    plan = packages.plan_export(vault, pair.runner.scope, all_new=True)
    assert plan.candidates == ()
    with vault.read() as session:
        sent = packages.latest_exports(session, "debrief", [debrief_id])
        now = {debrief_id: package_json.debriefs(session, [debrief_id])[0].sha256}
        assert packages.unchanged_since_sent(session, now, sent, "debrief") == {debrief_id}
        # Compared as format 3, it would look changed: the format is what keeps it.
        as_v3 = {debrief_id: packages.Sent(sent[debrief_id].version, v2, 3)}
        assert packages.unchanged_since_sent(session, now, as_v3, "debrief") == set()
    debriefs.add_addendum(vault, pair.runner.scope, debrief_id, "Later: van seen.")
    (changed,) = packages.plan_export(vault, pair.runner.scope, all_new=True).candidates
    assert changed.version == 2
    with vault.read() as session:
        formats = session.execute(
            select(ExportedRecord.format).where(ExportedRecord.record_id == debrief_id)
        ).scalars()
        assert list(formats) == [2]


def test_a_link_to_a_debrief_the_handler_does_not_hold_is_left_out(pair: Pair) -> None:
    vault, scope = pair.runner.vault, pair.runner.scope
    source = factory.source(vault, scope, "KIEVIT")
    draft = factory.debrief(vault, scope, source)
    tasking.add_tasking(vault, scope, source, "Ask about the harbour.", debrief_id=draft)
    sent = _export(pair)
    assert sent.debriefs == 0
    _import(pair, sent)
    (held,) = _held(pair.handler, source)["taskings"]
    # The draft never left: the record names no debrief until it does.
    assert held["record"]["debrief_id"] is None
    (runner_side,) = _held(pair.runner, source)["taskings"]
    assert runner_side["record"]["debrief_id"] is None
    debriefs.save_draft(
        vault,
        scope,
        draft,
        debriefs.DebriefContent(narrative="Harbour.", critical_reflection="None."),
    )
    debriefs.add_item(vault, scope, draft, factory.graded_item())
    debriefs.submit(vault, scope, draft)
    second = _export(pair)
    assert (second.debriefs, second.file_records) == (1, 1)  # the tasking names it now
    _import(pair, second)
    (held,) = _held(pair.handler, source)["taskings"]
    assert held["record"]["debrief_id"] == str(draft)
    assert record_versions.versions(pair.handler.vault, pair.handler.scope, draft)
