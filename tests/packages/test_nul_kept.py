"""A text holding U+0000 that a vault already keeps (saved before the rule, or
taken from a package as it came: docs/package-format.md, section 5) does not
block later imports and receipts that change other columns of its row. Only
what a flush writes is refused (app/vault/text_guard.py)."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from sqlalchemy import select, text

from app.domain.enums import DebriefStatus, SourceStatus
from app.errors import InvalidInput
from app.models import Debrief, Source
from app.services.admin import settings as vault_settings
from app.services.exchange import package_receive, packages, receipts
from app.services.records import debriefs, sources
from app.services.records.sources import SourceDraft
from tests.helpers import factory
from tests.packages.conftest import Pair, Party

HELD = "Met at the quay,\x00 then north."


def _send(pair: Pair) -> None:
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(pair.handler.vault, pair.handler.scope, sent.path.read_bytes())


def _saved_before_the_rule(party: Party, table: str, column: str, row: uuid.UUID) -> None:
    """Write ``HELD`` past the ORM, as an older vault (or an import) wrote it."""
    with party.vault.write() as session:
        session.execute(
            text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
            {"v": HELD, "i": row.hex},
        )


def test_a_source_whose_notes_hold_a_nul_takes_a_newer_package(pair: Pair) -> None:
    runner = pair.runner
    source = factory.source(runner.vault, runner.scope, "WERK", notes="Met at the quay.")
    _saved_before_the_rule(runner, "source", "notes", source)
    factory.debrief(runner.vault, runner.scope, source, narrative="First.", submit=True)
    _send(pair)
    # The handler holds the source as it came; a newer package about it sets its
    # kind and status (an ORM change of that row) and is taken.
    factory.debrief(runner.vault, runner.scope, source, narrative="Second.", submit=True)
    _send(pair)
    with pair.handler.vault.read() as session:
        held = session.get(Source, source)
        assert held is not None
        assert held.notes == HELD
        assert len(session.execute(select(Debrief.id)).all()) == 2


def test_a_receipt_reviewing_a_debrief_that_holds_a_nul_applies(pair: Pair) -> None:
    runner = pair.runner
    kept = dataclasses.replace(vault_settings.load(runner.vault), retention_after_receipt="keep")
    vault_settings.save(runner.vault, runner.scope.actor, kept)
    source = factory.source(runner.vault, runner.scope, "WERK")
    debrief = factory.debrief(runner.vault, runner.scope, source, narrative="x", submit=True)
    _saved_before_the_rule(runner, "debrief", "narrative", debrief)
    _send(pair)
    debriefs.approve(pair.handler.vault, pair.handler.scope, debrief, "Well graded.")
    receipt = receipts.create_receipt(
        pair.handler.vault, pair.handler.scope, runner="Runner Valk", to_dir=pair.outbox
    )
    result = receipts.import_receipt(runner.vault, runner.scope, receipt.path.read_bytes())
    assert (result.confirmed, result.reviews_applied) == (1, 1)
    seen = debriefs.get_debrief(runner.vault, runner.scope, debrief)
    assert (seen.status, seen.review_comment) == (DebriefStatus.APPROVED, "Well graded.")
    assert seen.narrative == HELD


def test_a_user_edits_a_row_that_holds_a_nul_but_cannot_type_one(pair: Pair) -> None:
    runner = pair.runner
    source = factory.source(runner.vault, runner.scope, "WERK")
    _saved_before_the_rule(runner, "source", "notes", source)
    # The form gives back the notes as held and a new status: saved.
    active = SourceDraft(codename="WERK", status=SourceStatus.ACTIVE, notes=HELD)
    sources.update_source(runner.vault, runner.scope, source, active)
    with pytest.raises(InvalidInput, match="NUL character"):
        sources.update_source(
            runner.vault,
            runner.scope,
            source,
            SourceDraft(codename="WERK", status=SourceStatus.ACTIVE, notes="new\x00"),
        )
    with runner.vault.read() as session:
        held = session.get(Source, source)
        assert held is not None
        assert (held.notes, held.status) == (HELD, SourceStatus.ACTIVE)


def test_a_receipt_whose_review_comment_holds_a_nul_applies(pair: Pair) -> None:
    # The handler's vault saved the comment before the rule; the receipt carries
    # it, and the runner's vault keeps it as it came (section 5).
    runner, handler = pair.runner, pair.handler
    kept = dataclasses.replace(vault_settings.load(runner.vault), retention_after_receipt="keep")
    vault_settings.save(runner.vault, runner.scope.actor, kept)
    source = factory.source(runner.vault, runner.scope, "WERK")
    debrief = factory.debrief(runner.vault, runner.scope, source, narrative="x", submit=True)
    _send(pair)
    debriefs.return_to_runner(handler.vault, handler.scope, debrief, "Who is Dirk?")
    _saved_before_the_rule(handler, "debrief", "review_comment", debrief)
    receipt = receipts.create_receipt(
        handler.vault, handler.scope, runner="Runner Valk", to_dir=pair.outbox
    )
    result = receipts.import_receipt(runner.vault, runner.scope, receipt.path.read_bytes())
    assert (result.confirmed, result.reviews_applied) == (1, 1)
    seen = debriefs.get_debrief(runner.vault, runner.scope, debrief)
    assert (seen.status, seen.review_comment) == (DebriefStatus.RETURNED, HELD)
