"""The demo's contacts and debriefs with their items, subjects and addenda, written
in batches, then tied to the taskings and payments they led to."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.domain.enums import ContactKind, Corroboration, DebriefStatus, GradingScheme
from app.models import Alias
from app.models.base import uuid7_hex
from app.services.demo_data import vocabulary as vocab
from app.services.demo_data.bulk import insert
from app.services.demo_data.seeded import Gen, Weighted, ts
from app.services.demo_data.sources import SourcePlan
from app.services.exchange import bulk_columns
from app.vault import search_bulk

_CONTACT_KIND = Weighted(list(ContactKind), [6, 3, 1])
_STATUS_OLD = Weighted([DebriefStatus.APPROVED, DebriefStatus.RETURNED], [19, 1])
_STATUS_RECENT = Weighted([DebriefStatus.SUBMITTED, DebriefStatus.APPROVED], [2, 1])
_STATUS_NEW = Weighted([DebriefStatus.DRAFT, DebriefStatus.SUBMITTED], [1, 1])
_ITEM_COUNT = Weighted((1, 2, 3, 4), (3, 4, 2, 1))
_SCHEME = Weighted(list(GradingScheme), (18, 1, 1))
_CORROBORATION = Weighted([c.value for c in Corroboration], (6, 3, 1))

_CONTACT_COLS = (
    "id",
    "compartment_id",
    "source_id",
    "kind",
    "occurred_at",
    "duration_minutes",
    "location_codeword",
    "reconnaissance_notes",
    "safety_notes",
    "notes",
    "created_by_alias_id",
    "created_at",
    "updated_at",
)


def _narrative(g: Gen, plan: SourcePlan) -> str:
    p1, p2 = g.rng.sample(plan.people, 2)
    sentences = [
        f"{plan.codename} met {p1} at {g.pick(vocab.PLACES)}.",
        f"{p1} said that {g.pick(vocab.TOPICS)} is planned for {g.pick(vocab.TIMEFRAMES)}.",
        f"According to {p2}, the {g.pick(vocab.VEHICLES)} is used to move {g.pick(vocab.GOODS)}.",
        f"{plan.codename} overheard {p2} mention {g.pick(vocab.ORGANISATIONS)} on the phone.",
        f"{p2} appeared nervous and asked twice who else had been at {g.pick(vocab.PLACES)}.",
    ]
    g.rng.shuffle(sentences)
    return " ".join(sentences[: g.rng.randint(3, 5)])


@dataclass
class _Batch:
    """The rows of one batch of debriefs, inserted together."""

    contacts: list[tuple[Any, ...]] = field(default_factory=list)
    attendees: list[tuple[Any, ...]] = field(default_factory=list)
    debriefs: list[tuple[Any, ...]] = field(default_factory=list)
    items: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)
    addenda: list[tuple[Any, ...]] = field(default_factory=list)


def write_debriefs(
    session: Session,
    g: Gen,
    plans: list[SourcePlan],
    owners: Iterable[int],
    offset: int,
    total: int,
    now: datetime,
    runners: list[Alias],
    handler: Alias | None,
    colleagues: list[Alias],
) -> int:
    """Write one batch of debriefs (``owners`` holds each one's plan index) with their
    contacts, items, subject links and addenda; the number of items written. The
    helpers draw from the one stream in a fixed order, which is part of a seed's meaning."""
    batch = _Batch()
    span = 3 * 365 * 24 * 3600
    for n, owner in enumerate(owners):
        plan = plans[owner]
        # Older debriefs first: position in the whole run maps onto three years.
        age = span * (1 - (offset + n + 1) / (total + 1))
        at = now - timedelta(seconds=age + g.rng.randint(0, 3600))
        contact_id, debrief_id = g.uid(at), g.uid(at)
        _contact_rows(g, plan, at, contact_id, colleagues, batch)
        status = _status(g, (now - at).days)
        _debrief_row(g, plan, at, contact_id, debrief_id, status, handler, batch)
        _item_rows(g, plan, at, debrief_id, batch)

        if status is DebriefStatus.APPROVED and g.rng.random() < 0.05:
            batch.addenda.append(
                (
                    g.uid(),
                    plan.compartment_id,
                    debrief_id,
                    "Later observation confirmed the vehicle at the address.",
                    plan.runner_id,
                    ts(at + timedelta(days=5)),
                )
            )
    item_count = len(batch.items)
    _insert_batch(session, batch)  # empties the lists
    return item_count


def _contact_rows(
    g: Gen,
    plan: SourcePlan,
    at: datetime,
    contact_id: str,
    colleagues: list[Alias],
    batch: _Batch,
) -> None:
    kind = _CONTACT_KIND(g.rng)
    batch.contacts.append(
        (
            contact_id,
            plan.compartment_id,
            plan.id,
            kind.value,
            ts(at - timedelta(hours=2)),
            g.rng.choice((15, 30, 45, 60, 90)) if kind is not ContactKind.MESSAGE else None,
            g.pick(vocab.LOCATIONS) if kind is ContactKind.MEETING else "",
            g.pick(vocab.RECON) if kind is ContactKind.MEETING else "",
            g.pick(vocab.SECURITY) if kind is ContactKind.MEETING else "",
            "",
            plan.runner_id,
            ts(at),
            ts(at),
        )
    )
    batch.attendees.append((contact_id, plan.runner_id))
    if kind is ContactKind.MEETING:
        batch.attendees.append((contact_id, colleagues[g.rng.randrange(len(colleagues))].id.hex))


def _status(g: Gen, days_old: int) -> DebriefStatus:
    """Old debriefs are mostly approved, recent ones await review, the newest drafts."""
    draw = _STATUS_OLD if days_old > 30 else _STATUS_RECENT if days_old > 4 else _STATUS_NEW
    status: DebriefStatus = draw(g.rng)
    return status


def _debrief_row(
    g: Gen,
    plan: SourcePlan,
    at: datetime,
    contact_id: str,
    debrief_id: str,
    status: DebriefStatus,
    handler: Alias | None,
    batch: _Batch,
) -> None:
    submitted = status is not DebriefStatus.DRAFT
    reviewed = status in (DebriefStatus.APPROVED, DebriefStatus.RETURNED)
    batch.debriefs.append(
        (
            debrief_id,
            plan.compartment_id,
            plan.id,
            contact_id,
            status.value,
            _narrative(g, plan),
            g.fill(g.pick(vocab.WELFARE), plan.people),
            g.pick(vocab.SECURITY),
            g.pick(
                (
                    "Information is plausible and fits earlier reporting.",
                    "Partly new; needs corroboration by observation.",
                    "Consistent with the source's access.",
                )
            ),
            g.fill(g.pick(vocab.REFLECTIONS), plan.people)
            if submitted or g.rng.random() < 0.5
            else "",
            plan.runner_id,
            ts(at + timedelta(hours=1)) if submitted else None,
            ts(at + timedelta(days=2)) if reviewed else None,
            handler.id.hex if reviewed and handler else None,
            "Clarify who else was present." if status is DebriefStatus.RETURNED else "",
            ts(at),
            ts(at),
        )
    )


def _item_rows(g: Gen, plan: SourcePlan, at: datetime, debrief_id: str, batch: _Batch) -> None:
    """One to four graded items, each tied to a named person and one other subject."""
    for pos in range(_ITEM_COUNT(g.rng)):
        item_id = g.uid(at)
        person = g.pick(plan.people)
        topic = g.pick(vocab.TOPICS)
        scheme = _SCHEME(g.rng)
        if scheme is GradingScheme.UK_3X5X2:
            ev, asmt, handling = g.pick("1223"), g.pick("ABBCCD"), g.pick("PPPC")
        elif scheme is GradingScheme.UK_5X5X5:
            ev, asmt, handling = g.pick("BBCE"), g.pick("2234"), g.pick("1245")
        else:
            ev, asmt, handling = g.pick("BCCF"), g.pick("2336"), g.pick("PPC")
        conditions = (
            "Not to be used as evidence without corroboration." if handling in ("C", "5") else ""
        )
        exculpatory = g.rng.random() < 0.04
        text = (
            f"{person} was abroad during the incident, according to the source."
            if exculpatory
            else f"{person} is involved in {topic}, planned for {g.pick(vocab.TIMEFRAMES)}."
        )
        sanitised = (
            "A person of interest was reportedly abroad at the time of the incident."
            if exculpatory
            else f"A person of interest is reportedly involved in {topic}."
        )
        batch.items.append(
            (
                item_id,
                plan.compartment_id,
                debrief_id,
                pos,
                text,
                sanitised,
                scheme.value,
                ev,
                asmt,
                handling,
                conditions,
                _CORROBORATION(g.rng),
                1 if exculpatory else 0,
                ts(at),
                ts(at),
            )
        )
        person_subject = next(s for s in plan.subjects if s[2] == person)
        batch.links.append((item_id, person_subject[0]))
        other = plan.subjects[g.rng.randrange(6, len(plan.subjects))]
        batch.links.append((item_id, other[0]))


def _insert_batch(session: Session, batch: _Batch) -> None:
    insert(session, "contact", _CONTACT_COLS, batch.contacts)
    insert(session, "contact_attendee", ("contact_id", "alias_id"), batch.attendees)
    raw = session.connection().connection.dbapi_connection
    with search_bulk.bulk_index(raw) as index:  # all new rows: indexed in two statements
        for d in batch.debriefs:
            index.add("debrief", d[_D_ID], d[_D_ID], d[_D_COMPARTMENT], d[_D_NARRATIVE])
        for i in batch.items:
            index.add("intelligence_item", i[_I_ID], i[_I_DEBRIEF], i[_I_COMPARTMENT], i[_I_TEXT])
        for a in batch.addenda:
            index.add("addendum", a[0], a[2], a[1], a[3])
        insert(session, "debrief", bulk_columns.DEBRIEF, batch.debriefs)
        insert(session, "intelligence_item", bulk_columns.ITEM, batch.items)
        insert(session, "item_subject", ("item_id", "subject_id"), sorted(set(batch.links)))
        insert(
            session,
            "addendum",
            ("id", "compartment_id", "debrief_id", "text", "author_alias_id", "created_at"),
            batch.addenda,
        )


_D_ID, _D_COMPARTMENT, _D_NARRATIVE = (
    bulk_columns.DEBRIEF.index(c) for c in ("id", "compartment_id", "narrative")
)
_I_ID, _I_COMPARTMENT, _I_DEBRIEF, _I_TEXT = (
    bulk_columns.ITEM.index(c) for c in ("id", "compartment_id", "debrief_id", "text")
)


_LINK_SQL = """UPDATE {table} SET debrief_id = (
    SELECT d.id FROM debrief d
    WHERE d.source_id = {table}.source_id AND d.status IN ('submitted', 'approved')
      AND substr(d.created_at, 1, 10) <= substr({table}.{day}, 1, 10)
    ORDER BY d.created_at DESC LIMIT 1)
WHERE id = ?"""
_LATER_ADDENDA = (
    "Later observation confirmed the vehicle at the address.",
    "The source called back: the handover mentioned in item 1 was moved a week.",
    "Checked against the registration: the vehicle is leased, not owned.",
)


def link_to_debriefs(session: Session, seed: int, source_ids: list[uuid.UUID]) -> None:
    """Give reports something to show in every section: every other one of this
    run's taskings and payments is tied to the source's latest frozen debrief
    before it (the rest stay on the file, as taskings given outside a meeting do),
    and one approved debrief in eight gets an addendum (from a random stream of its
    own, so the records made before stay as they were)."""
    rng = random.Random(seed * 7919 + 1)
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    marks = ", ".join("?" for _ in source_ids)
    ids = [s.hex for s in source_ids]
    for table, day in (("tasking", "created_at"), ("payment", "occurred_on")):
        rows = raw.execute(
            f"SELECT id, source_id FROM {table} WHERE debrief_id IS NULL "  # noqa: S608 - fixed identifiers
            f"AND source_id IN ({marks}) ORDER BY source_id, {day}, id",
            ids,
        ).fetchall()
        # The first, third... of each file: a file with two has one of each kind.
        position: dict[str, int] = {}
        chosen = []
        for record_id, source_id in rows:
            position[source_id] = position.get(source_id, -1) + 1
            if position[source_id] % 2 == 0:
                chosen.append((record_id,))
        raw.executemany(_LINK_SQL.format(table=table, day=day), chosen)
    approved = raw.execute(
        f"SELECT id, compartment_id, author_alias_id, reviewed_at FROM debrief "  # noqa: S608 - fixed identifiers
        f"WHERE status = 'approved' AND source_id IN ({marks}) ORDER BY id",
        ids,
    ).fetchall()
    addenda = []
    for debrief_id, compartment_id, author, reviewed_at in approved:
        if rng.random() < 0.125:
            at = datetime.fromisoformat(reviewed_at) + timedelta(days=rng.randint(1, 9))
            ms = int(at.timestamp() * 1000)
            addenda.append(
                (
                    uuid7_hex(ms, rng.getrandbits(74)),
                    compartment_id,
                    debrief_id,
                    rng.choice(_LATER_ADDENDA),
                    author,
                    ts(at),
                )
            )
    insert(
        session,
        "addendum",
        ("id", "compartment_id", "debrief_id", "text", "author_alias_id", "created_at"),
        addenda,
    )
