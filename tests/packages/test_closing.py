"""Issue 17, point 5: closing a registration records the reason, the day and who
decided, sets closed_at, stops the source's reminders and travels to the handler;
a closed source stays readable and reportable, on both sides."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.clock import utc_now
from app.domain.enums import SourceStatus
from app.domain.scope import Scope
from app.errors import InvalidInput
from app.models import AuditEvent, Source
from app.services import reports
from app.services.admin import aliases
from app.services.exchange import package_receive, packages, whole_file
from app.services.records import closing, reminders, sources, tasking
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import Pair, Party, rich_debrief

REASON = "Source moved abroad; no longer in a position to report."


def _due_soon(party: Party) -> tuple[Source, date]:
    """ZWALUW with a debrief, a contract review and an open tasking both due."""
    today = utc_now().date()
    debrief = rich_debrief(party, "ZWALUW")
    source_id = sources.find_source(party.vault, party.scope, "ZWALUW")
    sources.update_source(
        party.vault,
        party.scope,
        source_id,
        sources.SourceDraft(codename="ZWALUW", contract_review_on=today + timedelta(days=3)),
    )
    tasking.add_tasking(
        party.vault, party.scope, source_id, "Watch the quay.", deadline=today + timedelta(days=2)
    )
    with party.vault.write() as session:  # registered a month ago
        session.execute(
            update(Source)
            .where(Source.id == source_id)
            .values(created_at=utc_now() - timedelta(days=30))
        )
    with party.vault.read() as session:
        source = session.get(Source, source_id)
        assert source is not None
        assert debrief is not None
        return source, today


def _send(party: Party, pair: Pair) -> Path:
    return packages.export_package(party.vault, party.scope, to_dir=pair.outbox, all_new=True).path


def test_closing_records_why_when_and_who_and_stops_the_reminders(pair: Pair) -> None:
    r = pair.runner
    source, today = _due_soon(r)
    due = reminders.reminders(r.vault, r.scope, today)
    assert {x.source_id for x in due} == {source.id}
    assert len(due) >= 2  # the contract review and the tasking deadline
    decided = today - timedelta(days=1)
    closing.close_registration(
        r.vault, r.scope, source.id, reason=f"  {REASON} ", decided_on=decided
    )

    assert reminders.reminders(r.vault, r.scope, today) == []
    [row] = sources.list_sources(r.vault, r.scope)
    assert (row.status, row.next_review_on) == (SourceStatus.CLOSED, None)
    file = sources.source_file(r.vault, r.scope, source.id)  # still readable, in full
    o = file.overview
    assert (o.status, o.close_reason, o.closed_on, o.closed_by) == (
        SourceStatus.CLOSED,
        REASON,
        decided,
        factory.RUNNER,
    )
    assert o.closed_at is not None
    assert abs(o.closed_at - utc_now()) < timedelta(minutes=5)
    assert len(file.debriefs) == 1
    assert len(file.taskings) == 2
    body, views = reports.read_internal_body(
        r.vault, r.scope, reports.Selection(source_id=source.id)
    )
    assert [v.source_id for v in views] == [source.id]  # still reportable
    assert body.codenames == ("ZWALUW",)
    with r.vault.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "source.closed")
        ).scalar_one()
        assert event.record_id == source.id.hex
        assert REASON not in event.detail  # the reason stays in the file, not the log


def test_a_closing_needs_a_reason_a_past_day_and_is_made_once(pair: Pair) -> None:
    r = pair.runner
    source, today = _due_soon(r)
    for reason, day, message in (
        ("   ", None, "Give the reason"),
        (REASON, today + timedelta(days=1), "day still to come"),
        (REASON, source.created_at.date() - timedelta(days=1), "before the source was registered"),
        ("x" * (closing.MAX_REASON_CHARS + 1), None, "at most"),
    ):
        with pytest.raises(InvalidInput, match=message):
            closing.close_registration(r.vault, r.scope, source.id, reason=reason, decided_on=day)
    assert sources.source_file(r.vault, r.scope, source.id).overview.closed_at is None
    with pytest.raises(InvalidInput, match="not by changing its status"):
        sources.update_source(
            r.vault,
            r.scope,
            source.id,
            sources.SourceDraft(codename="ZWALUW", status=SourceStatus.CLOSED),
        )
    with pytest.raises(InvalidInput, match="not by changing its status"):
        factory.source(r.vault, r.scope, "GESLOTEN", status=SourceStatus.CLOSED)
    closing.close_registration(r.vault, r.scope, source.id, reason=REASON)
    with pytest.raises(InvalidInput, match="already closed"):
        closing.close_registration(r.vault, r.scope, source.id, reason="Again.")
    with pytest.raises(InvalidInput, match="stays closed"):
        sources.update_source(
            r.vault,
            r.scope,
            source.id,
            sources.SourceDraft(codename="ZWALUW", status=SourceStatus.ACTIVE),
        )
    # Other fields of a closed file can still be corrected.
    sources.update_source(
        r.vault,
        r.scope,
        source.id,
        sources.SourceDraft(codename="ZWALUW", status=SourceStatus.CLOSED, notes="Archived."),
    )
    assert sources.source_file(r.vault, r.scope, source.id).overview.close_reason == REASON


def test_the_closing_travels_to_the_handler_as_a_new_version(pair: Pair) -> None:
    r, h = pair.runner, pair.handler
    source, today = _due_soon(r)
    package_receive.import_package(h.vault, h.scope, _send(r, pair).read_bytes())
    assert {x.source_id for x in reminders.reminders(h.vault, h.scope, today)} == {source.id}
    # The handler's copy follows the runner: it is not closed there.
    with pytest.raises(InvalidInput, match="its runner closes"):
        closing.close_registration(h.vault, h.scope, source.id, reason="Mine.")

    closing.close_registration(r.vault, r.scope, source.id, reason=REASON)
    result = package_receive.import_package(h.vault, h.scope, _send(r, pair).read_bytes())
    assert result.file_records.updated >= 1
    theirs = sources.source_file(h.vault, h.scope, source.id).overview
    mine = sources.source_file(r.vault, r.scope, source.id).overview
    for field in ("status", "closed_at", "close_reason", "closed_on", "closed_by"):
        assert getattr(theirs, field) == getattr(mine, field), field
    assert theirs.closed_by == factory.RUNNER
    assert reminders.reminders(h.vault, h.scope, today) == []  # the handler's stop too
    held = whole_file.whole_file(h.vault, h.scope, source.id)
    sent = whole_file.whole_file(r.vault, r.scope, source.id)
    assert held["registration"] == sent["registration"]
    record = held["registration"]["record"]
    assert (record["close_reason"], record["closed_by"]) == (REASON, factory.RUNNER)
    assert [v["version"] for v in held["registration"]["versions"]] == [1, 2]
    assert held["source"]["status"] == "closed"
    body, views = reports.read_internal_body(
        h.vault, h.scope, reports.Selection(source_id=source.id)
    )
    assert len(views) == 1
    assert body.codenames == ("ZWALUW",)


def test_the_command_line_closes_by_codename_or_id(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = pair.runner
    source, _ = _due_soon(r)
    other = factory.source(r.vault, r.scope, "MEREL")
    r.vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    where = ["--vault", str(r.path), "--passphrase-file", str(pp), "--alias", factory.RUNNER]
    day = utc_now().date().isoformat()
    assert main(["source", "close", "zwaluw", "--reason", REASON, "--on", day, *where]) == 0
    out, _ = capsys.readouterr()
    assert str(source.id) in out
    assert main(["source", "close", str(other), "--reason", "Never activated.", *where]) == 0
    # Given by id, named by its codename, with who decided and where it goes next.
    assert capsys.readouterr().out == (
        f"Registration of source MEREL (id {other}) closed, decided on {day} by "
        f"{factory.RUNNER}; it goes to the handler with the next package (export).\n"
    )
    assert main(["source", "close", "ZWALUW", "--reason", "Again.", *where]) != 0
    _, err = capsys.readouterr()
    assert err.strip().endswith("This registration is already closed.")
    assert main(["source", "close", "ZWALUW", "--reason", " ", *where]) != 0
    with _opened(r.path) as (vault, scope):
        shown = {s.id: s for s in sources.list_sources(vault, scope)}
        assert {s.status for s in shown.values()} == {SourceStatus.CLOSED}
        closed = sources.source_file(vault, scope, source.id).overview
        assert (closed.close_reason, closed.closed_on) == (REASON, date.fromisoformat(day))


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[Vault, Scope]]:
    vault = Vault.open(path, factory.PASSPHRASE)
    try:
        yield vault, aliases.resolve_scope(vault, factory.RUNNER)
    finally:
        vault.lock()
