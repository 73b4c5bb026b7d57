"""Deterministic, realistic synthetic data for demos, screenshots and benchmarks.

The same ``seed``, counts and ``today`` give the same records (ids, texts, dates).
Rows are written with bulk DB-API inserts inside the service's own write
transactions (the search index is kept by the same triggers as for hand-typed
records), so 100,000 debriefs take well under a minute.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.domain import names
from app.errors import InvalidInput, Notice
from app.models import Alias, AuditEvent, Compartment, Debrief, Source
from app.services.demo_data import vocabulary as vocab
from app.services.demo_data.bulk import audit_row, index_in_bulk
from app.services.demo_data.debriefs import link_to_debriefs, write_debriefs
from app.services.demo_data.seeded import Gen
from app.services.demo_data.sources import (
    Cast,
    SourcePlan,
    ensure_aliases,
    insert_source_rows,
    new_source_rows,
    plan_source,
    source_rows,
)
from app.vault import audit_chain
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


def _refuse_if_made_before(session: Session, plans: list[SourcePlan], seed: int, day: date) -> None:
    """The same seed and day give the same ids: a second run (one after the other,
    or two at once: this runs in the first write transaction, so the second waits
    for the first to commit its sources) finds the first one's and adds nothing.

    Sources are committed first and debriefs in later batches, and only a finished
    run writes its "demo.generated" event: a run killed part-way leaves its sources
    and the batches done so far without it. That is said as it is; the run is not
    finished afterwards (its random stream, codenames and audit chain were drawn
    for the vault as it was then)."""
    first = plans[0]
    made = (
        session.execute(select(Source.id).where(Source.id == uuid.UUID(hex=first.id))).first()
        or session.execute(
            select(Compartment.id).where(Compartment.id == uuid.UUID(hex=first.compartment_id))
        ).first()
    )
    if not made:
        return
    if _finished(session, seed, day):
        raise InvalidInput(
            "This vault already holds the demo data made with seed {seed} for {day}; nothing "
            "was added. Another seed adds more.",
            seed=seed,
            day=day.isoformat(),
        )
    ids = [uuid.UUID(hex=plan.id) for plan in plans]
    sources = session.execute(
        select(func.count()).select_from(Source).where(Source.id.in_(ids))
    ).scalar_one()
    debriefs = session.execute(
        select(func.count()).select_from(Debrief).where(Debrief.source_id.in_(ids))
    ).scalar_one()
    raise InvalidInput(
        "An earlier demo run with seed {seed} for {day} did not finish (it was interrupted, "
        "or is still running): its {sources} and {debriefs} stay in "
        "this vault and nothing was added. Another seed adds more.",
        seed=seed,
        day=day.isoformat(),
        # Each count a notice of its own: the GUI translates it with the sentence.
        sources=Notice("{n} source", n=1) if sources == 1 else Notice("{n} sources", n=sources),
        debriefs=(
            Notice("{n} debrief", n=1) if debriefs == 1 else Notice("{n} debriefs", n=debriefs)
        ),
    )


def _finished(session: Session, seed: int, day: date) -> bool:
    """Whether a run with this seed for this day wrote its closing audit event."""
    for detail in session.execute(
        select(AuditEvent.detail).where(AuditEvent.action == "demo.generated")
    ).scalars():
        done = json.loads(detail or "{}")
        if done.get("seed") == seed and done.get("today", day.isoformat()) == day.isoformat():
            return True
    return False


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
    g = Gen(seed, now - timedelta(days=1200))
    with vault.write() as session:
        cast = ensure_aliases(session)
        if not cast.runners:
            raise InvalidInput("The vault has no runner alias to own the demo files.")
        # By key, as the sources service keeps codenames unique.
        taken = {names.key(c) for c in session.execute(select(Source.codename)).scalars()}
        taken |= {names.key(a) for a in session.execute(select(Alias.name)).scalars()}
        rows = new_source_rows()
        plans = _plan_sources(
            g, vault, sources, taken, audit_chain.chain_tail(session), cast, now, rows
        )
        _refuse_if_made_before(session, plans, seed, day)
        insert_source_rows(session, rows)
    item_total = _write_debrief_batches(vault, g, plans, debriefs, now, cast, progress)
    with vault.write() as session:
        link_to_debriefs(session, seed, [uuid.UUID(hex=plan.id) for plan in plans])
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


def _plan_sources(
    g: Gen,
    vault: Vault,
    count: int,
    taken: set[str],
    tail: Any,
    cast: Cast,
    now: datetime,
    rows: dict[str, list[tuple[Any, ...]]],
) -> list[SourcePlan]:
    """Plan ``count`` source files under free codenames and collect their rows, each
    with its ``source.created`` audit event."""
    plans: list[SourcePlan] = []
    n = 0
    for i in range(count):
        base = vocab.CODENAMES[i % len(vocab.CODENAMES)]
        codename = base if i < len(vocab.CODENAMES) else f"{base}-{i // len(vocab.CODENAMES) + 1}"
        while names.key(codename) in taken:
            n += 1
            codename = f"{base}-X{n}"
        taken.add(names.key(codename))
        plan = plan_source(g, codename, cast.runners, now)
        plans.append(plan)
        source_rows(g, vault, plan, cast.runners, cast.handler, cast.colleagues, now, rows)
        tail_event = audit_chain.build_event(
            tail,
            SYSTEM,
            "source.created",
            record_type="source",
            record_id=plan.id,
            compartment_id=uuid.UUID(hex=plan.compartment_id),
            detail={"demo": True},
        )
        rows["audit"].append(audit_row(tail_event))
    return plans


def _write_debrief_batches(
    vault: Vault,
    g: Gen,
    plans: list[SourcePlan],
    debriefs: int,
    now: datetime,
    cast: Cast,
    progress: ProgressFn | None,
) -> int:
    """Debriefs in batches: bounded memory and WAL size, and visible progress."""
    weights = [g.rng.uniform(0.2, 3.0) for _ in plans]
    owners = g.rng.choices(range(len(plans)), weights=weights, k=debriefs)
    item_total = 0
    with index_in_bulk(vault):
        for start in range(0, debriefs, BATCH_DEBRIEFS):
            batch = owners[start : start + BATCH_DEBRIEFS]
            with vault.write() as session, bulk_cache(session):
                item_total += write_debriefs(session, g, plans, batch, start, debriefs, now, *cast)
            if progress is not None:
                progress(min(start + BATCH_DEBRIEFS, debriefs), debriefs)
    return item_total
