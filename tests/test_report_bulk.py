"""Reports read their debriefs in bulk (issue 18): the number of statements a
report takes does not grow with its debriefs, what the bulk reader gives is what
``get_debrief`` gives one by one (so the report is the same), and the scope is
enforced in the reader's own statements."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, select, text

from app.dal import debrief_parts
from app.dal.scope import visible
from app.domain.enums import ContactKind, PaymentKind, SubjectKind
from app.domain.scope import Scope
from app.errors import NotFound
from app.models import Debrief, IntelligenceItem, Source
from app.reports.render import render
from app.reports.views import InternalReport, InternalStamp
from app.services import reports
from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.records import attachments, debrief_bulk, debriefs, sources, tasking
from app.services.records.debriefs import DebriefContent
from app.services.reports import Selection, file_records
from app.services.reports.internal_report import internal_body
from app.services.reports.sanitise import sanitised_body
from app.services.views import DebriefView
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_support import pages_text

STAMP_TIME = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@contextmanager
def counted(vault: Vault) -> Iterator[list[str]]:
    """Every statement this thread sends through the vault's engine (reads and
    writes: the write engine shares its events)."""
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


@dataclass(frozen=True)
class Varied:
    valk: Scope  # a runner: the demo's files assigned to it, and KORAAL
    reiger: Scope  # another runner, with files Valk does not see
    handler: Scope
    koraal: uuid.UUID  # five hand-made debriefs of every kind
    big: uuid.UUID  # a demo source of Valk's with the most debriefs


def _koraal(vault: Vault, valk: Scope, handler: Scope) -> uuid.UUID:
    """Five debriefs with every part a report shows, in every state."""
    kraai = next(a.id for a in aliases.list_cover_names(vault) if a.name == "Kraai")
    source_id = sources.create_source(
        vault, valk, sources.SourceDraft(codename="KORAAL"), share_with=(handler.alias_id,)
    )
    contact_id = factory.contact(
        vault,
        valk,
        source_id,
        kind=ContactKind.MEETING,
        duration_minutes=45,
        attendee_ids=(valk.alias_id, kraai),
        safety_notes="Counter-surveillance route followed.",
    )
    rich = debriefs.create_draft(vault, valk, source_id, contact_id=contact_id)
    debriefs.save_draft(
        vault,
        valk,
        rich,
        DebriefContent(
            narrative="Met at the car wash.",
            welfare_observations="Sleeps badly.",
            security_observations="Came by bus.",
            runner_assessment="Plausible.",
            critical_reflection="Has a grudge.",
        ),
    )
    for item in (
        factory.graded_item(
            "Özdemir keeps cash in a garage box.",
            subjects=(
                (SubjectKind.PERSON, "Joëlle Özdemir"),
                (SubjectKind.PLACE, "garage box"),
                (SubjectKind.PERSON, "Anton Bril"),
            ),
        ),
        factory.graded_item("Bakker was abroad.", exculpatory=True, subjects=()),
        factory.graded_item(
            "Not to be shared.",
            handling_code="C",
            handling_conditions="Investigation team only.",
            sanitised_text="",
        ),
    ):
        debriefs.add_item(vault, valk, rich, item)
    attachments.add_attachment(vault, valk, rich, "photo.png", b"\x89PNG\r\n\x1a\nnot really")
    for reason in ("Meal", "Travel", "Phone"):  # one day: ordered by when recorded
        tasking.record_payment(
            vault,
            valk,
            source_id,
            kind=PaymentKind.EXPENSE,
            amount_cents=1250,
            reason=reason,
            occurred_on=date(2026, 11, 2),
            witness_alias_id=kraai,
            approved_by_alias_id=handler.alias_id,
            debrief_id=rich,
        )
    tasking.add_tasking(vault, valk, source_id, "Who holds the key?", debrief_id=rich)
    tasking.add_tasking(vault, valk, source_id, "And the van?", deadline=date(2026, 12, 1))
    tasking.record_payment(
        vault,
        valk,
        source_id,
        kind=PaymentKind.REWARD,
        amount_cents=5000,
        reason="Outside a debrief",
        occurred_on=date.today(),
        witness_alias_id=kraai,
    )
    debriefs.submit(vault, valk, rich)
    debriefs.approve(vault, handler, rich, "Good detail.")
    debriefs.add_addendum(vault, valk, rich, "The box number is 14.")
    debriefs.add_addendum(vault, handler, rich, "Checked: it is 14.")
    returned = factory.debrief(vault, valk, source_id, submit=True)
    debriefs.return_to_runner(vault, handler, returned, "Say where exactly.")
    debriefs.add_addendum(vault, valk, returned, "Behind the sports park.")
    factory.debrief(vault, valk, source_id, items=())  # a bare draft
    factory.debrief(vault, valk, source_id, submit=True)
    factory.debrief(vault, valk, source_id)
    return source_id


@pytest.fixture
def varied(vault: Vault, runner: Scope, handler: Scope) -> Varied:
    """The demo's files (contacts, attendees, items, subjects, addenda; several
    runners, so compartments Valk does not see) and KORAAL's hand-made ones."""
    demo.generate(vault, sources=4, debriefs=560, seed=4)
    reiger = aliases.resolve_scope(vault, "Reiger")
    koraal = _koraal(vault, runner, handler)
    with vault.read() as session:
        owners = session.execute(
            select(Debrief.source_id).where(
                visible(Debrief.compartment_id, runner), Debrief.source_id != koraal
            )
        ).scalars()
        sizes = Counter(owners)
    big = max(sizes, key=lambda s: sizes[s])
    return Varied(runner, reiger, handler, koraal, big)


def _visible_ids(vault: Vault, scope: Scope, source_id: uuid.UUID | None = None) -> list[uuid.UUID]:
    with vault.read() as session:
        query = select(Debrief.id).where(visible(Debrief.compartment_id, scope))
        if source_id is not None:
            query = query.where(Debrief.source_id == source_id)
        return list(session.execute(query.order_by(Debrief.created_at, Debrief.id)).scalars())


def _one_by_one(vault: Vault, scope: Scope, ids: list[uuid.UUID]) -> list[DebriefView]:
    return [debriefs.get_debrief(vault, scope, i) for i in ids]


@pytest.mark.slow
def test_a_report_of_over_200_debriefs_takes_as_many_statements_as_one_of_5(
    vault: Vault, varied: Varied
) -> None:
    big = _visible_ids(vault, varied.valk, varied.big)
    assert len(big) >= 200
    assert len(_visible_ids(vault, varied.valk, varied.koraal)) == 5
    counts = {}
    for source_id in (varied.koraal, varied.big):
        with counted(vault) as seen:
            # Drafts too: every debrief the source has (a report leaves them out unless asked).
            selection = Selection(source_id=source_id, include_drafts=True)
            issued = reports.issue_internal(vault, varied.valk, selection)
        counts[issued.debrief_count] = len(seen)
    assert sorted(counts) == [5, len(big)]
    assert counts[5] == counts[len(big)], counts
    assert counts[5] < 40  # selection, reading, register and audit; not per debrief

    # The sanitised path reads an approval's debriefs by id, the same way.
    reads = []
    for ids in (big[:5], big[:200]):
        with counted(vault) as seen, vault.read() as session:
            assert len(debrief_bulk.read_debriefs(session, varied.valk, ids)) == len(ids)
        reads.append(len(seen))
    assert reads[0] == reads[1] == 10  # BEGIN, eight kinds of part, the cover names


@pytest.mark.slow
def test_bulk_views_and_the_report_are_those_read_one_by_one(vault: Vault, varied: Varied) -> None:
    for scope in (varied.valk, varied.handler):
        ids = _visible_ids(vault, scope)
        assert len(ids) > 200
        with vault.read() as session:
            bulk = debrief_bulk.read_debriefs(session, scope, ids)
        assert bulk == _one_by_one(vault, scope, ids)
    kinds = {
        "contact": any(v.contact is not None for v in bulk),
        "attendees": any(v.contact and v.contact.attendees for v in bulk),
        "subjects": any(len(i.subjects) > 1 for v in bulk for i in v.items),
        "addenda": any(len(v.addenda) > 1 for v in bulk),
        "taskings": any(v.taskings for v in bulk),
        "payments": any(len(v.payments) > 2 for v in bulk),
        "reviewed": any(v.reviewer for v in bulk),
    }
    assert all(kinds.values()), kinds  # the vault has every kind of part

    # The report as issued (read in bulk) against one laid out from the views
    # read one by one, with the same stamp: the same PDF, byte for byte.
    selection = Selection(source_id=varied.koraal)
    body, views = reports.read_internal_body(vault, varied.valk, selection)
    ids = [v.id for v in views]
    old_views = _one_by_one(vault, varied.valk, ids)
    with vault.read() as session:
        unlinked = file_records.unlinked_records(
            session,
            varied.valk,
            source_id=varied.koraal,
            date_from=None,
            date_to=None,
            files={"KORAAL": varied.koraal},
        )
    assert [f.codename for f in unlinked] == ["KORAAL"]
    assert unlinked[0].taskings
    assert unlinked[0].payments
    drafts = reports.drafts_in(vault, varied.valk, selection)  # read on their own
    old_body = internal_body(old_views, selection, unlinked, drafts)
    assert body == old_body
    stamp = InternalStamp(str(uuid.uuid4()), "STG. GEHEIM", "Valk", STAMP_TIME)
    new_pdf = render(InternalReport(stamp, body)).data
    assert new_pdf == render(InternalReport(stamp, old_body)).data
    text = "\n".join(pages_text(new_pdf))
    for expected in ("Joëlle Özdemir", "Kraai", "The box number is 14.", "Outside a debrief"):
        assert expected in text
    # The sanitised content from either read is the same too.
    assert sanitised_body(views) == sanitised_body(old_views)


def test_a_debrief_of_another_compartment_never_appears(vault: Vault, varied: Varied) -> None:
    mine = set(_visible_ids(vault, varied.valk))
    theirs = [i for i in _visible_ids(vault, varied.reiger) if i not in mine]
    assert theirs
    with vault.read() as session:
        other_codenames = set(
            session.execute(
                select(Source.codename)
                .join(Debrief, Debrief.source_id == Source.id)
                .where(Debrief.id.in_(theirs))
            ).scalars()
        )
        # A part filed under another compartment inside one of Valk's debriefs
        # (a damaged or tampered vault) is not read either: every statement
        # filters its own rows.
        planted = (
            session.execute(
                select(IntelligenceItem.id).where(IntelligenceItem.debrief_id.in_(list(mine)))
            )
            .scalars()
            .first()
        )
        their_compartment = session.execute(
            select(Debrief.compartment_id).where(Debrief.id == theirs[0])
        ).scalar_one()
    with vault.write() as session:
        session.execute(
            text("UPDATE intelligence_item SET compartment_id = :c WHERE id = :i"),
            {"c": their_compartment.hex, "i": planted.hex if planted else ""},
        )
    assert planted is not None

    # A report over every day holds Valk's debriefs only.
    body, views = reports.read_internal_body(
        vault, varied.valk, Selection(date_from=date(2000, 1, 1), date_to=date(2100, 1, 1))
    )
    assert {v.id for v in views} <= mine
    assert not set(body.codenames) & other_codenames
    assert planted not in {i.id for v in views for i in v.items}

    # Asked for by id, in a list with Valk's own: refused as not found, and the
    # reader itself returns no row of theirs, of any kind.
    mixed = _visible_ids(vault, varied.valk, varied.koraal) + sorted(mine)[:50] + theirs[:50]
    with vault.read() as session:
        with pytest.raises(NotFound):
            debrief_bulk.read_debriefs(session, varied.valk, mixed)
        parts = debrief_parts.read(session, varied.valk, mixed, attachments=True)
        their_items = set(
            session.execute(
                select(IntelligenceItem.id).where(IntelligenceItem.debrief_id.in_(theirs))
            ).scalars()
        )
    # Parts come as stored: ids as hex.
    mine_stored = {i.hex for i in mine}
    assert {d.id for d in parts.debriefs} <= mine_stored
    for kind in (parts.items, parts.addenda, parts.taskings, parts.payments, parts.attachments):
        assert {row.debrief_id for row in kind} <= mine_stored
    excluded = {i.hex for i in their_items} | {planted.hex}
    assert {row.item_id for row in parts.subjects}.isdisjoint(excluded)
    assert planted.hex not in {row.id for row in parts.items}
    own_contacts = {d.contact_id for d in parts.debriefs}
    assert {c.id for c in parts.contacts} <= own_contacts
    assert {a.contact_id for a in parts.attendees} <= own_contacts
    assert parts.taskings
    assert parts.payments
    assert parts.addenda
    assert {a.name for a in parts.attachments} == {"photo.png"}
