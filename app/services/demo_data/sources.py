"""The demo's aliases and source files: one plan per source, and the rows of its
file (compartment, source, sealed identity, risk, instructions, reliability,
taskings, payments, subjects)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import names
from app.domain.enums import (
    AliasKind,
    PaymentKind,
    RiskLevel,
    Role,
    SourceKind,
    SourceStatus,
    SubjectKind,
    TaskingStatus,
)
from app.domain.text import normalise_name
from app.models import Alias
from app.services.demo_data import vocabulary as vocab
from app.services.demo_data.bulk import AUDIT_COLS, insert
from app.services.demo_data.seeded import Gen, ts
from app.services.exchange import bulk_columns
from app.services.records.identity import seal_identity
from app.services.views import IdentityFields
from app.vault.vault import Vault


class Cast(NamedTuple):
    """The aliases the demo's records name: runners own files, the handler reviews,
    colleagues attend meetings and authorise payments."""

    runners: list[Alias]
    handler: Alias | None
    colleagues: list[Alias]


def ensure_aliases(session: Session) -> Cast:
    # By key: a vault made with the alias "valk" already has the demo's "Valk".
    existing: dict[str, Alias] = {}
    for a in session.execute(select(Alias).order_by(Alias.created_at, Alias.id)).scalars():
        existing.setdefault(names.key(a.name), a)
    colours = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
    for i, name in enumerate(vocab.OWN_RUNNERS):
        if names.key(name) not in existing:
            existing[names.key(name)] = Alias(
                name=name,
                kind=AliasKind.COVER_NAME,
                role=Role.RUNNER,
                can_act=True,
                colour=colours[i % len(colours)],
            )
            session.add(existing[names.key(name)])
    handler_key = names.key(vocab.OWN_HANDLER)
    if handler_key not in existing:
        existing[handler_key] = Alias(
            name=vocab.OWN_HANDLER,
            kind=AliasKind.COVER_NAME,
            role=Role.HANDLER,
            can_act=True,
            colour="#E69F00",
        )
        session.add(existing[handler_key])
    for name in vocab.COLLEAGUES:
        if names.key(name) not in existing:
            existing[names.key(name)] = Alias(
                name=name, kind=AliasKind.COVER_NAME, can_act=False, colour="#999999"
            )
            session.add(existing[names.key(name)])
    session.flush()
    own = [a for a in existing.values() if a.can_act and a.kind is AliasKind.COVER_NAME]
    runners = sorted((a for a in own if a.role is Role.RUNNER), key=lambda a: a.name)
    handler = existing.get(handler_key)
    colleagues = [existing[names.key(n)] for n in vocab.COLLEAGUES]
    return Cast(runners, handler, colleagues)


@dataclass
class SourcePlan:
    id: str
    compartment_id: str
    codename: str
    runner_id: str
    people: list[str]
    subjects: list[tuple[str, str, str]]  # (subject id, kind, name)
    created: datetime


_SOURCE_COLS = (
    "id",
    "compartment_id",
    "codename",
    "codename_key",
    "kind",
    "status",
    "motivation",
    "information_position",
    "legal_basis",
    "contracted_on",
    "contract_review_on",
    "suitability_review_on",
    "antecedents_checked_on",
    "antecedents_result",
    "notes",
    "closed_at",
    "close_reason",
    "closed_on",
    "closed_by_alias_id",
    "created_at",
    "updated_at",
)
_RISK_COLS = (
    "id",
    "compartment_id",
    "source_id",
    "assessed_at",
    "level",
    "threats",
    "mitigations",
    "welfare_notes",
    "review_on",
    "assessed_by_alias_id",
)
_INSTRUCTION_COLS = (
    "id",
    "compartment_id",
    "source_id",
    "text",
    "given_at",
    "given_by_alias_id",
    "acknowledged_at",
)
_RELIABILITY_COLS = (
    "id",
    "compartment_id",
    "source_id",
    "reviewed_at",
    "evaluation",
    "rationale",
    "reviewed_by_alias_id",
)
_TASKING_COLS = (
    "id",
    "compartment_id",
    "source_id",
    "debrief_id",
    "description",
    "limits",
    "deadline",
    "status",
    "outcome",
    "created_by_alias_id",
    "created_at",
    "closed_at",
)


def plan_source(g: Gen, codename: str, runners: list[Alias], now: datetime) -> SourcePlan:
    people: list[str] = []
    while len(people) < 6:
        name = g.person()
        if name not in people:
            people.append(name)
    subjects: list[tuple[str, str, str]] = [(g.uid(), SubjectKind.PERSON.value, p) for p in people]
    subjects += [(g.uid(), SubjectKind.PLACE.value, p) for p in g.rng.sample(vocab.PLACES, 3)]
    subjects += [(g.uid(), SubjectKind.VEHICLE.value, v) for v in g.rng.sample(vocab.VEHICLES, 2)]
    subjects += [
        (g.uid(), SubjectKind.ORGANISATION.value, o) for o in g.rng.sample(vocab.ORGANISATIONS, 2)
    ]
    return SourcePlan(
        id=g.uid(),
        compartment_id=g.uid(),
        codename=codename,
        runner_id=runners[g.rng.randrange(len(runners))].id.hex,
        people=people,
        subjects=subjects,
        created=now - timedelta(days=g.rng.randint(400, 1100)),
    )


def source_rows(
    g: Gen,
    vault: Vault,
    plan: SourcePlan,
    runners: list[Alias],
    handler: Alias | None,
    colleagues: list[Alias],
    now: datetime,
    rows: dict[str, list[tuple[Any, ...]]],
) -> None:
    """Collect every row of one source's file. The helpers run in a fixed order: each
    draws from the one stream, so the order is part of what a seed means."""
    created = ts(plan.created)
    _file_rows(g, plan, runners, handler, created, rows)
    _source_row(g, plan, now, created, rows)
    _identity_row(g, vault, plan, created, rows)
    _assessment_rows(g, plan, now, created, rows)
    _tasking_rows(g, plan, now, rows)
    _payment_rows(g, plan, now, handler, colleagues, created, rows)

    for sid, kind_s, name in plan.subjects:
        rows["subject"].append(
            (sid, plan.compartment_id, kind_s, name, normalise_name(name), "", created)
        )


def _file_rows(
    g: Gen,
    plan: SourcePlan,
    runners: list[Alias],
    handler: Alias | None,
    created: str,
    rows: dict[str, list[tuple[Any, ...]]],
) -> None:
    """The compartment, its members and the primary runner."""
    rows["compartment"].append((plan.compartment_id, f"File {plan.codename}", "", created))
    members = {plan.runner_id}
    if handler is not None:
        members.add(handler.id.hex)
    if g.rng.random() < 0.3:
        members.add(runners[g.rng.randrange(len(runners))].id.hex)
    for alias_id in sorted(members):
        rows["member"].append((plan.compartment_id, alias_id, created))
    rows["assignment"].append((plan.id, plan.runner_id, 1, created))


def _source_row(
    g: Gen, plan: SourcePlan, now: datetime, created: str, rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    kind = g.rng.choices(list(SourceKind), weights=[6, 3, 2])[0]
    status = g.rng.choices(list(SourceStatus), weights=[1, 1, 8, 1, 1])[0]
    contracted = kind is SourceKind.CIVILIAN_INFORMANT and status is SourceStatus.ACTIVE
    closed = status is SourceStatus.CLOSED
    today = now.date()
    rows["source"].append(
        (
            plan.id,
            plan.compartment_id,
            plan.codename,
            names.key(plan.codename),
            kind.value,
            status.value,
            g.pick(vocab.MOTIVATIONS),
            g.fill(g.pick(vocab.POSITIONS), plan.people),
            "art. 126v Sv" if contracted else "",
            (plan.created.date() + timedelta(days=60)).isoformat() if contracted else None,
            (today + timedelta(days=g.rng.randint(-5, 90))).isoformat() if contracted else None,
            (today + timedelta(days=g.rng.randint(-10, 180))).isoformat(),
            (plan.created.date() + timedelta(days=7)).isoformat(),
            g.pick(
                (
                    "No relevant antecedents.",
                    "Minor antecedents (theft, 2019); no violence.",
                    "Antecedents for possession; assessed as acceptable.",
                )
            ),
            "",
            ts(now) if status is SourceStatus.CLOSED else None,
            "Relationship ended: no longer in a position to report." if closed else "",
            today.isoformat() if closed else None,
            plan.runner_id if closed else None,
            created,
            created,
        )
    )


def _identity_row(
    g: Gen, vault: Vault, plan: SourcePlan, created: str, rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    """An invented true identity, sealed as a real one is."""
    identity = IdentityFields(
        full_name=g.person(),
        date_of_birth=date(
            g.rng.randint(1965, 2003), g.rng.randint(1, 12), g.rng.randint(1, 28)
        ).isoformat(),
        addresses=(f"{g.pick(vocab.STREETS)} {g.rng.randint(1, 180)}",),
        phone_numbers=(f"06-{g.rng.randint(10000000, 99999999)}",),
    )
    sealed = seal_identity(vault, uuid.UUID(hex=plan.id), identity)
    rows["identity"].append((g.uid(), plan.id, plan.compartment_id, sealed, created))


def _assessment_rows(
    g: Gen, plan: SourcePlan, now: datetime, created: str, rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    """A risk assessment, the standing instruction and a reliability review."""
    today = now.date()
    assessed = now - timedelta(days=g.rng.randint(5, 170))
    rows["risk"].append(
        (
            g.uid(),
            plan.compartment_id,
            plan.id,
            ts(assessed),
            g.rng.choices(list(RiskLevel), weights=[3, 4, 2, 1])[0].value,
            g.fill("Exposure to {person} if meetings are noticed.", plan.people),
            "Vary meeting places; no phone contact on known numbers.",
            g.fill(g.pick(vocab.WELFARE), plan.people),
            (today + timedelta(days=g.rng.randint(-7, 60))).isoformat(),
            plan.runner_id,
        )
    )
    rows["instruction"].append(
        (
            g.uid(),
            plan.compartment_id,
            plan.id,
            "Do not commit or incite offences; report immediately if asked to carry goods.",
            created,
            plan.runner_id,
            created,
        )
    )
    rows["reliability"].append(
        (
            g.uid(),
            plan.compartment_id,
            plan.id,
            ts(assessed),
            g.pick(("1", "2", "2", "3")),
            "Earlier reporting partly corroborated by observation.",
            plan.runner_id,
        )
    )


def _tasking_rows(
    g: Gen, plan: SourcePlan, now: datetime, rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    today = now.date()
    for _ in range(g.rng.randint(1, 3)):
        open_ = g.rng.random() < 0.6
        rows["tasking"].append(
            (
                g.uid(),
                plan.compartment_id,
                plan.id,
                None,
                g.fill(g.pick(vocab.TASKINGS), plan.people),
                g.pick(vocab.LIMITS),
                (today + timedelta(days=g.rng.randint(-3, 45))).isoformat(),
                TaskingStatus.OPEN.value if open_ else TaskingStatus.DONE.value,
                "" if open_ else "Reported at the following meeting.",
                plan.runner_id,
                ts(now - timedelta(days=g.rng.randint(1, 60))),
                None if open_ else ts(now),
            )
        )


def _payment_rows(
    g: Gen,
    plan: SourcePlan,
    now: datetime,
    handler: Alias | None,
    colleagues: list[Alias],
    created: str,
    rows: dict[str, list[tuple[Any, ...]]],
) -> None:
    today = now.date()
    for _ in range(g.rng.randint(0, 3)):
        kind_p = g.rng.choices(list(PaymentKind), weights=[3, 5, 1])[0]
        rows["payment"].append(
            (
                g.uid(),
                plan.compartment_id,
                plan.id,
                None,
                kind_p.value,
                g.rng.choice((2500, 5000, 7500, 15000, 25000, 50000)),
                "EUR",
                g.pick(
                    (
                        "Travel expenses",
                        "Reward for information leading to a seizure",
                        "Phone credit",
                        "Meal during meeting",
                    )
                ),
                (today - timedelta(days=g.rng.randint(1, 300))).isoformat(),
                colleagues[g.rng.randrange(len(colleagues))].id.hex,
                handler.id.hex if handler else None,
                created,
            )
        )


_ROW_KINDS = (
    "compartment",
    "member",
    "source",
    "assignment",
    "identity",
    "risk",
    "instruction",
    "reliability",
    "tasking",
    "payment",
    "subject",
    "audit",
)


def new_source_rows() -> dict[str, list[tuple[Any, ...]]]:
    """Empty row lists, one per table a source file fills (and its audit events)."""
    return {k: [] for k in _ROW_KINDS}


def insert_source_rows(session: Session, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Insert the collected rows, parents before children, audit events last."""
    insert(session, "compartment", ("id", "name", "description", "created_at"), rows["compartment"])
    insert(
        session, "compartment_member", ("compartment_id", "alias_id", "granted_at"), rows["member"]
    )
    insert(session, "source", _SOURCE_COLS, rows["source"])
    insert(
        session,
        "runner_assignment",
        ("source_id", "alias_id", "is_primary", "assigned_at"),
        rows["assignment"],
    )
    insert(
        session,
        "true_identity",
        ("id", "source_id", "compartment_id", "sealed", "updated_at"),
        rows["identity"],
    )
    insert(session, "risk_assessment", _RISK_COLS, rows["risk"])
    insert(session, "source_instruction", _INSTRUCTION_COLS, rows["instruction"])
    insert(session, "reliability_review", _RELIABILITY_COLS, rows["reliability"])
    insert(session, "tasking", _TASKING_COLS, rows["tasking"])
    insert(session, "payment", bulk_columns.PAYMENT, rows["payment"])
    insert(
        session,
        "subject",
        ("id", "compartment_id", "kind", "name", "normalised", "notes", "created_at"),
        rows["subject"],
    )
    insert(session, "audit_event", AUDIT_COLS, rows["audit"])
