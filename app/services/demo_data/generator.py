"""Deterministic, realistic synthetic data for demos, screenshots and benchmarks.

The same ``seed``, counts and ``today`` give the same records (ids, texts, dates).
Rows are written with bulk DB-API inserts inside the service's own write
transactions (the search index is kept by the same triggers as for hand-typed
records), so 100,000 debriefs take well under a minute.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain import names
from app.domain.enums import (
    AliasKind,
    ContactKind,
    Corroboration,
    DebriefStatus,
    GradingScheme,
    PaymentKind,
    RiskLevel,
    Role,
    SourceKind,
    SourceStatus,
    SubjectKind,
    TaskingStatus,
)
from app.domain.text import normalise_name
from app.errors import InvalidInput
from app.models import Alias, Compartment, Source
from app.models.base import uuid7_hex
from app.services.demo_data import vocabulary as vocab
from app.services.exchange import bulk_columns
from app.services.records.identity import seal_identity
from app.services.views import IdentityFields
from app.vault import audit_chain, search_bulk
from app.vault.audit_chain import SYSTEM
from app.vault.engine import bulk_cache
from app.vault.vault import Vault

# The demo vault's passphrase is public (it is printed in the README): the demo
# holds only synthetic data.
DEMO_PASSPHRASE = "veldboek demo passphrase"  # noqa: S105 - public by design
DEMO_ALIAS = "Valk"
MAX_SOURCES = 10_000
MAX_DEBRIEFS = 1_000_000
BATCH_DEBRIEFS = 5_000

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    sources: int
    debriefs: int
    items: int
    seconds: float


def _ts(moment: datetime) -> str:
    # The generator's times are all UTC: the stored form straight from isoformat
    # (the demo writes several hundred thousand of them).
    if moment.tzinfo is UTC:
        return moment.isoformat(timespec="microseconds")[:-6] + "Z"
    return iso_utc(moment)


class _Weighted:
    """``rng.choices(options, weights)[0]`` with the weights summed once: the same
    draw from the same stream, without the set-up on every call (the demo draws
    millions)."""

    def __init__(self, options: Sequence[Any], weights: Sequence[float]) -> None:
        self.options = tuple(options)
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1] + 0.0
        self.hi = len(self.cum) - 1

    def __call__(self, rng: random.Random) -> Any:
        return self.options[bisect.bisect(self.cum, rng.random() * self.total, 0, self.hi)]


_CONTACT_KIND = _Weighted(list(ContactKind), [6, 3, 1])
_STATUS_OLD = _Weighted([DebriefStatus.APPROVED, DebriefStatus.RETURNED], [19, 1])
_STATUS_RECENT = _Weighted([DebriefStatus.SUBMITTED, DebriefStatus.APPROVED], [2, 1])
_STATUS_NEW = _Weighted([DebriefStatus.DRAFT, DebriefStatus.SUBMITTED], [1, 1])
_ITEM_COUNT = _Weighted((1, 2, 3, 4), (3, 4, 2, 1))
_SCHEME = _Weighted(list(GradingScheme), (18, 1, 1))
_CORROBORATION = _Weighted([c.value for c in Corroboration], (6, 3, 1))


class _Gen:
    """Seeded helpers; every random choice goes through ``self.rng``."""

    def __init__(self, seed: int, epoch: datetime) -> None:
        self.rng = random.Random(seed)
        self.epoch = epoch

    def uid(self, at: datetime | None = None) -> str:
        """A deterministic time-ordered id (see ``uuid7``), dated ``at`` if given."""
        ms = int((at or self.epoch).timestamp() * 1000)
        return uuid7_hex(ms, self.rng.getrandbits(74))

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def person(self) -> str:
        return f"{self.pick(vocab.FIRST_NAMES)} {self.pick(vocab.SURNAMES)}"

    def fill(self, template: str, people: Sequence[str]) -> str:
        return template.format(
            person=self.pick(people),
            place=self.pick(vocab.PLACES),
            vehicle=self.pick(vocab.VEHICLES),
            org=self.pick(vocab.ORGANISATIONS),
            topic=self.pick(vocab.TOPICS),
        )


def _insert(
    session: Session, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    if not rows:
        return
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    marks = ", ".join("?" for _ in columns)
    raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608 - fixed identifiers
    rows.clear()


@contextlib.contextmanager
def _index_in_bulk(vault: Vault) -> Iterator[None]:
    """FTS5 merges its index segments as rows arrive (``automerge``); for a bulk load
    it is cheaper to merge once at the end (``optimize``). The setting is stored in
    the index, so it is put back whatever happens."""
    with vault.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)"
        )
    try:
        yield
    finally:
        with vault.write() as session:
            conn = session.connection()
            conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            conn.exec_driver_sql(
                "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 4)"
            )


def _ensure_aliases(session: Session) -> tuple[list[Alias], Alias | None, list[Alias]]:
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
    return runners, handler, colleagues


@dataclass
class _SourcePlan:
    id: str
    compartment_id: str
    codename: str
    runner_id: str
    people: list[str]
    subjects: list[tuple[str, str, str]]  # (subject id, kind, name)
    created: datetime


def _refuse_if_made_before(session: Session, first: _SourcePlan, seed: int, day: date) -> None:
    """The same seed and day give the same ids: a second run (one after the other,
    or two at once: this runs in the first write transaction, so the second waits
    for the first to commit its sources) finds the first one's and adds nothing."""
    made = (
        session.execute(select(Source.id).where(Source.id == uuid.UUID(hex=first.id))).first()
        or session.execute(
            select(Compartment.id).where(Compartment.id == uuid.UUID(hex=first.compartment_id))
        ).first()
    )
    if made:
        raise InvalidInput(
            "This vault already holds the demo data made with seed {seed} for {day}; nothing "
            "was added. Another seed adds more.",
            seed=seed,
            day=day.isoformat(),
        )


FIRST_DAY = date(2000, 1, 1)  # the generator dates records up to 1,200 days back
LAST_DAY = date(2999, 12, 31)


def check_day(day: date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(
            "The demo's day must be between {first} and {last}.",
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )


def check_size(sources: int, debriefs: int) -> None:
    """Refuse sizes the generator cannot make (called before any vault is created)."""
    if not 1 <= sources <= MAX_SOURCES:
        raise InvalidInput("--sources must be between 1 and {n}.", n=MAX_SOURCES)
    if not 0 <= debriefs <= MAX_DEBRIEFS:
        raise InvalidInput("--debriefs must be between 0 and {n}.", n=MAX_DEBRIEFS)


def generate(
    vault: Vault,
    *,
    sources: int,
    debriefs: int,
    seed: int = 1729,
    today: date | None = None,
    progress: ProgressFn | None = None,
) -> DemoSummary:
    check_size(sources, debriefs)
    started = time.perf_counter()
    day = today or utc_now().date()
    check_day(day)
    now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    g = _Gen(seed, now - timedelta(days=1200))
    plans: list[_SourcePlan] = []

    with vault.write() as session:
        runners, handler, colleagues = _ensure_aliases(session)
        if not runners:
            raise InvalidInput("The vault has no runner alias to own the demo files.")
        # By key, as the sources service keeps codenames unique.
        taken = {names.key(c) for c in session.execute(select(Source.codename)).scalars()}
        taken |= {names.key(a) for a in session.execute(select(Alias.name)).scalars()}
        tail = audit_chain.chain_tail(session)
        rows: dict[str, list[tuple[Any, ...]]] = {
            k: []
            for k in (
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
        }
        n = 0
        for i in range(sources):
            base = vocab.CODENAMES[i % len(vocab.CODENAMES)]
            codename = (
                base if i < len(vocab.CODENAMES) else f"{base}-{i // len(vocab.CODENAMES) + 1}"
            )
            while names.key(codename) in taken:
                n += 1
                codename = f"{base}-X{n}"
            taken.add(names.key(codename))
            plan = _plan_source(g, codename, runners, now)
            plans.append(plan)
            _source_rows(g, vault, plan, runners, handler, colleagues, now, rows)
            tail_event = audit_chain.build_event(
                tail,
                SYSTEM,
                "source.created",
                record_type="source",
                record_id=plan.id,
                compartment_id=uuid.UUID(hex=plan.compartment_id),
                detail={"demo": True},
            )
            rows["audit"].append(_audit_row(tail_event))
        _refuse_if_made_before(session, plans[0], seed, day)
        _insert(
            session, "compartment", ("id", "name", "description", "created_at"), rows["compartment"]
        )
        _insert(
            session,
            "compartment_member",
            ("compartment_id", "alias_id", "granted_at"),
            rows["member"],
        )
        _insert(session, "source", _SOURCE_COLS, rows["source"])
        _insert(
            session,
            "runner_assignment",
            ("source_id", "alias_id", "is_primary", "assigned_at"),
            rows["assignment"],
        )
        _insert(
            session,
            "true_identity",
            ("id", "source_id", "compartment_id", "sealed", "updated_at"),
            rows["identity"],
        )
        _insert(session, "risk_assessment", _RISK_COLS, rows["risk"])
        _insert(session, "source_instruction", _INSTRUCTION_COLS, rows["instruction"])
        _insert(session, "reliability_review", _RELIABILITY_COLS, rows["reliability"])
        _insert(session, "tasking", _TASKING_COLS, rows["tasking"])
        _insert(session, "payment", bulk_columns.PAYMENT, rows["payment"])
        _insert(
            session,
            "subject",
            ("id", "compartment_id", "kind", "name", "normalised", "notes", "created_at"),
            rows["subject"],
        )
        _insert(session, "audit_event", _AUDIT_COLS, rows["audit"])

    # Debriefs in batches: bounded memory and WAL size, and visible progress.
    weights = [g.rng.uniform(0.2, 3.0) for _ in plans]
    owners = g.rng.choices(range(len(plans)), weights=weights, k=debriefs)
    item_total = 0
    with _index_in_bulk(vault):
        for start in range(0, debriefs, BATCH_DEBRIEFS):
            batch = owners[start : start + BATCH_DEBRIEFS]
            with vault.write() as session, bulk_cache(session):
                item_total += _write_debriefs(
                    session, g, plans, batch, start, debriefs, now, runners, handler, colleagues
                )
            if progress is not None:
                progress(min(start + BATCH_DEBRIEFS, debriefs), debriefs)

    with vault.write() as session:
        _link_to_debriefs(session, seed, [uuid.UUID(hex=plan.id) for plan in plans])
        audit_chain.append(
            session,
            SYSTEM,
            "demo.generated",
            detail={
                "sources": sources,
                "debriefs": debriefs,
                "seed": seed,
                "today": day.isoformat(),
            },
        )
    vault.empty_wal()
    return DemoSummary(len(plans), debriefs, item_total, time.perf_counter() - started)


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
_AUDIT_COLS = (
    "seq",
    "at",
    "actor_alias_id",
    "actor",
    "action",
    "record_type",
    "record_id",
    "compartment_id",
    "detail",
    "prev_hash",
    "hash",
)
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


def _audit_row(e: Any) -> tuple[Any, ...]:
    return (
        e.seq,
        _ts(e.at),
        e.actor_alias_id.hex if e.actor_alias_id else None,
        e.actor,
        e.action,
        e.record_type,
        e.record_id,
        e.compartment_id.hex if e.compartment_id else None,
        e.detail,
        e.prev_hash,
        e.hash,
    )


def _plan_source(g: _Gen, codename: str, runners: list[Alias], now: datetime) -> _SourcePlan:
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
    return _SourcePlan(
        id=g.uid(),
        compartment_id=g.uid(),
        codename=codename,
        runner_id=runners[g.rng.randrange(len(runners))].id.hex,
        people=people,
        subjects=subjects,
        created=now - timedelta(days=g.rng.randint(400, 1100)),
    )


def _source_rows(
    g: _Gen,
    vault: Vault,
    plan: _SourcePlan,
    runners: list[Alias],
    handler: Alias | None,
    colleagues: list[Alias],
    now: datetime,
    rows: dict[str, list[tuple[Any, ...]]],
) -> None:
    created = _ts(plan.created)
    rows["compartment"].append((plan.compartment_id, f"File {plan.codename}", "", created))
    members = {plan.runner_id}
    if handler is not None:
        members.add(handler.id.hex)
    if g.rng.random() < 0.3:
        members.add(runners[g.rng.randrange(len(runners))].id.hex)
    for alias_id in sorted(members):
        rows["member"].append((plan.compartment_id, alias_id, created))
    rows["assignment"].append((plan.id, plan.runner_id, 1, created))

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
            _ts(now) if status is SourceStatus.CLOSED else None,
            "Relationship ended: no longer in a position to report." if closed else "",
            today.isoformat() if closed else None,
            plan.runner_id if closed else None,
            created,
            created,
        )
    )
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
    assessed = now - timedelta(days=g.rng.randint(5, 170))
    rows["risk"].append(
        (
            g.uid(),
            plan.compartment_id,
            plan.id,
            _ts(assessed),
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
            _ts(assessed),
            g.pick(("1", "2", "2", "3")),
            "Earlier reporting partly corroborated by observation.",
            plan.runner_id,
        )
    )
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
                _ts(now - timedelta(days=g.rng.randint(1, 60))),
                None if open_ else _ts(now),
            )
        )
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
    for sid, kind_s, name in plan.subjects:
        rows["subject"].append(
            (sid, plan.compartment_id, kind_s, name, normalise_name(name), "", created)
        )


def _narrative(g: _Gen, plan: _SourcePlan) -> str:
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


def _write_debriefs(
    session: Session,
    g: _Gen,
    plans: list[_SourcePlan],
    owners: Iterable[int],
    offset: int,
    total: int,
    now: datetime,
    runners: list[Alias],
    handler: Alias | None,
    colleagues: list[Alias],
) -> int:
    contacts: list[tuple[Any, ...]] = []
    attendees: list[tuple[Any, ...]] = []
    debrief_rows: list[tuple[Any, ...]] = []
    items: list[tuple[Any, ...]] = []
    links: list[tuple[Any, ...]] = []
    addenda: list[tuple[Any, ...]] = []
    span = 3 * 365 * 24 * 3600
    item_count = 0
    for n, owner in enumerate(owners):
        plan = plans[owner]
        # Older debriefs first: position in the whole run maps onto three years.
        age = span * (1 - (offset + n + 1) / (total + 1))
        at = now - timedelta(seconds=age + g.rng.randint(0, 3600))
        contact_id, debrief_id = g.uid(at), g.uid(at)
        kind = _CONTACT_KIND(g.rng)
        contacts.append(
            (
                contact_id,
                plan.compartment_id,
                plan.id,
                kind.value,
                _ts(at - timedelta(hours=2)),
                g.rng.choice((15, 30, 45, 60, 90)) if kind is not ContactKind.MESSAGE else None,
                g.pick(vocab.LOCATIONS) if kind is ContactKind.MEETING else "",
                g.pick(vocab.RECON) if kind is ContactKind.MEETING else "",
                g.pick(vocab.SECURITY) if kind is ContactKind.MEETING else "",
                "",
                plan.runner_id,
                _ts(at),
                _ts(at),
            )
        )
        attendees.append((contact_id, plan.runner_id))
        if kind is ContactKind.MEETING:
            attendees.append((contact_id, colleagues[g.rng.randrange(len(colleagues))].id.hex))
        days_old = (now - at).days
        if days_old > 30:
            status = _STATUS_OLD(g.rng)
        elif days_old > 4:
            status = _STATUS_RECENT(g.rng)
        else:
            status = _STATUS_NEW(g.rng)
        submitted = status is not DebriefStatus.DRAFT
        reviewed = status in (DebriefStatus.APPROVED, DebriefStatus.RETURNED)
        debrief_rows.append(
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
                _ts(at + timedelta(hours=1)) if submitted else None,
                _ts(at + timedelta(days=2)) if reviewed else None,
                handler.id.hex if reviewed and handler else None,
                "Clarify who else was present." if status is DebriefStatus.RETURNED else "",
                _ts(at),
                _ts(at),
            )
        )
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
                "Not to be used as evidence without corroboration."
                if handling in ("C", "5")
                else ""
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
            items.append(
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
                    _ts(at),
                    _ts(at),
                )
            )
            person_subject = next(s for s in plan.subjects if s[2] == person)
            links.append((item_id, person_subject[0]))
            other = plan.subjects[g.rng.randrange(6, len(plan.subjects))]
            links.append((item_id, other[0]))
            item_count += 1
        if status is DebriefStatus.APPROVED and g.rng.random() < 0.05:
            addenda.append(
                (
                    g.uid(),
                    plan.compartment_id,
                    debrief_id,
                    "Later observation confirmed the vehicle at the address.",
                    plan.runner_id,
                    _ts(at + timedelta(days=5)),
                )
            )
    _insert(session, "contact", _CONTACT_COLS, contacts)
    _insert(session, "contact_attendee", ("contact_id", "alias_id"), attendees)
    raw = session.connection().connection.dbapi_connection
    with search_bulk.bulk_index(raw) as index:  # all new rows: indexed in two statements
        for d in debrief_rows:
            index.add("debrief", d[_D_ID], d[_D_ID], d[_D_COMPARTMENT], d[_D_NARRATIVE])
        for i in items:
            index.add("intelligence_item", i[_I_ID], i[_I_DEBRIEF], i[_I_COMPARTMENT], i[_I_TEXT])
        for a in addenda:
            index.add("addendum", a[0], a[2], a[1], a[3])
        _insert(session, "debrief", bulk_columns.DEBRIEF, debrief_rows)
        _insert(session, "intelligence_item", bulk_columns.ITEM, items)
        _insert(session, "item_subject", ("item_id", "subject_id"), sorted(set(links)))
        _insert(
            session,
            "addendum",
            ("id", "compartment_id", "debrief_id", "text", "author_alias_id", "created_at"),
            addenda,
        )
    return item_count


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


def _link_to_debriefs(session: Session, seed: int, source_ids: list[uuid.UUID]) -> None:
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
                    _ts(at),
                )
            )
    _insert(
        session,
        "addendum",
        ("id", "compartment_id", "debrief_id", "text", "author_alias_id", "created_at"),
        addenda,
    )
