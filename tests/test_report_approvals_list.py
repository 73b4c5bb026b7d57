"""The list of sanitised-report requests (the Reports page's, ``report approvals``):
a few statements for the whole list, not a handful per request, and the same rows,
field for field, as when each request was read on its own."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.dal.scope import visible
from app.dal.source_names import shown_codenames
from app.domain.scope import Scope
from app.models import Alias, AuditEvent, Debrief
from app.models.reports import ReportApproval
from app.services import reports
from app.services.records import sources
from app.services.reports import ApprovalView, Selection
from app.services.reports.approvals import approval_ids
from app.vault.vault import Vault
from tests.helpers import factory


@contextmanager
def counted(vault: Vault) -> Iterator[list[str]]:
    """Every statement this thread sends through the vault's engine."""
    seen: list[str] = []
    me = threading.get_ident()

    def before(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.get_ident() == me:
            seen.append(statement)

    engine = vault.engine()
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def one_by_one(vault: Vault, scope: Scope) -> list[ApprovalView]:
    """The list as it was read before, each request on its own (its visibility,
    names, withheld count and sources): what the batched list must equal."""
    out = []
    with vault.read() as session:
        query = select(ReportApproval).order_by(ReportApproval.requested_at.desc())
        for a in session.execute(query.limit(500)).scalars().all():
            ids = approval_ids(a)
            seen = session.execute(
                select(func.count())
                .select_from(Debrief)
                .where(Debrief.id.in_(ids), visible(Debrief.compartment_id, scope))
            ).scalar_one()
            if seen == len(ids):
                out.append(_view(session, scope, a))
    return out


def _view(session: Session, scope: Scope, a: ReportApproval) -> ApprovalView:
    people = [x for x in (a.requested_by_alias_id, a.decided_by_alias_id) if x]
    names = dict(session.execute(select(Alias.id, Alias.name).where(Alias.id.in_(people))).all())
    detail = session.execute(
        select(AuditEvent.detail).where(
            AuditEvent.record_type == "report_approval",
            AuditEvent.record_id == a.id.hex,
            AuditEvent.action == "report.sanitised_requested",
        )
    ).scalar()
    source_ids = set(
        session.execute(
            select(Debrief.source_id).where(Debrief.id.in_(approval_ids(a))).distinct()
        ).scalars()
    )
    return ApprovalView(
        id=a.id,
        status=a.status,
        marking=a.marking,
        requested_by=names.get(a.requested_by_alias_id, "?"),
        requested_at=a.requested_at,
        decided_by=names.get(a.decided_by_alias_id) if a.decided_by_alias_id else None,
        decided_at=a.decided_at,
        decision_note=a.decision_note,
        debrief_count=len(json.loads(a.debrief_ids)),
        period_from=a.period_from,
        period_to=a.period_to,
        issued_report_id=a.issued_report_id,
        withheld_items=json.loads(detail).get("withheld_items", 0) if detail else 0,
        sources=tuple(sorted(shown_codenames(session, scope, source_ids).values())),
    )


def _request(vault: Vault, scope: Scope, selection: Selection) -> uuid.UUID:
    return reports.request_sanitised(vault, scope, selection, passphrase=factory.PASSPHRASE).id


@pytest.fixture
def requests(vault: Vault, runner: Scope, handler: Scope) -> dict[str, uuid.UUID]:
    """Requests of every state, over one debrief, a source, a period across two
    sources, and the runner's source the handler does not share."""
    share = (handler.alias_id,)
    onyx = sources.create_source(vault, runner, sources.SourceDraft("ONYX"), share_with=share)
    kwarts = sources.create_source(vault, runner, sources.SourceDraft("KWARTS"), share_with=share)
    own = factory.source(vault, runner, "EIGEN")  # the runner's alone
    unworded = factory.graded_item("Seen at the harbour.", sanitised_text="")
    first = factory.debrief(vault, runner, onyx, submit=True)
    factory.debrief(vault, runner, onyx, items=(factory.graded_item(), unworded), submit=True)
    factory.debrief(vault, runner, kwarts, submit=True)
    hidden = factory.debrief(vault, runner, own, submit=True)
    today = date.today()
    made = {
        "one": _request(vault, runner, Selection(debrief_id=first)),
        "source": _request(vault, runner, Selection(source_id=onyx)),
        "period": _request(
            vault,
            runner,
            Selection(date_from=today - timedelta(days=1), date_to=today + timedelta(days=1)),
        ),
        "handler's": _request(vault, handler, Selection(source_id=kwarts)),
        "hidden": _request(vault, runner, Selection(debrief_id=hidden)),
    }
    reports.approve_sanitised(vault, handler, made["one"])
    reports.reject_sanitised(vault, handler, made["source"], "Too close to the source.")
    reports.issue_sanitised(vault, runner, made["one"], passphrase=factory.PASSPHRASE)
    return made


def test_the_list_reads_as_each_request_read_alone(
    vault: Vault, runner: Scope, handler: Scope, requests: dict[str, uuid.UUID]
) -> None:
    for scope in (runner, handler):
        listed = reports.list_approvals(vault, scope, status=None)
        assert listed == one_by_one(vault, scope)
    # What the comparison covers: every state, a withheld item, two sources, the
    # handler not seeing the runner's own source's request.
    by_id = {a.id: a for a in reports.list_approvals(vault, runner, status=None)}
    assert {a.status.value for a in by_id.values()} == {"issued", "rejected", "pending"}
    assert by_id[requests["source"]].withheld_items == 1
    assert by_id[requests["source"]].decided_by == handler.alias_name
    assert by_id[requests["period"]].sources == ("EIGEN", "KWARTS", "ONYX")
    assert by_id[requests["hidden"]].sources == ("EIGEN",)
    handlers = {a.id for a in reports.list_approvals(vault, handler, status=None)}
    assert requests["hidden"] not in handlers
    assert requests["period"] not in handlers  # it covers EIGEN's debrief too
    assert requests["handler's"] in handlers
    pending = reports.list_approvals(vault, handler)
    assert [a.id for a in pending] == [requests["handler's"]]


def test_the_list_takes_a_few_statements_however_many_requests(
    vault: Vault, runner: Scope, handler: Scope, requests: dict[str, uuid.UUID]
) -> None:
    with counted(vault) as statements:
        listed = reports.list_approvals(vault, runner, status=None)
    assert len(listed) == len(requests)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 5
