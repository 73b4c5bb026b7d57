"""Management information from a handler's own vault: the same figures as the
central system counts (``app.reports.management_figures``), for the files the
alias may see (its team), counted with SQL aggregates through the scope filter.
One row, "this vault"; deconfliction matches are the central system's, so none."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from app.dal.scope import visible
from app.domain.enums import DebriefStatus, PaymentKind, Role, SourceStatus
from app.domain.grading import codes_of
from app.domain.scope import Scope
from app.domain.working_days import NORM_WORKING_DAYS, working_days_between
from app.errors import AccessDenied, InvalidInput
from app.models import (
    Contact,
    Debrief,
    IntelligenceItem,
    Payment,
    RiskAssessment,
    Source,
)
from app.models.packages import PackageLog
from app.reports import management_figures as mf
from app.vault.vault import Vault

ROW = "this vault"
MAX_DAYS = 366 * 5


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(first, time(), UTC),
        datetime.combine(last + timedelta(days=1), time(), UTC),
    )


def figures(
    vault: Vault, scope: Scope, *, first: date, last: date, today: date | None = None
) -> mf.ManagementFigures:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Management information is made in a team handler's vault.")
    if last < first:
        raise InvalidInput("The period ends before it starts.")
    if (last - first).days > MAX_DAYS:
        raise InvalidInput("A management report covers at most five years.")
    as_of = min(last, today or datetime.now(UTC).date())
    with vault.read() as session:
        return _count(session, scope, first, last, as_of)


def _one(key: str, columns: tuple[str, ...], counts: dict[str, int], **kw: Any) -> mf.CountTable:
    return mf.table(key, (ROW,), columns, {(ROW, c): n for c, n in counts.items()}, **kw)


def _keys(counts: dict[Any, int]) -> dict[str, int]:
    return {str(k): int(n) for k, n in counts.items()}


def _count(
    session: Session, scope: Scope, first: date, last: date, as_of: date
) -> mf.ManagementFigures:
    lo, hi = _bounds(first, last)
    mine = visible(Source.compartment_id, scope, drive=True)
    overdue = _overdue(session, scope, as_of)
    active = dict(
        session.execute(
            select(Source.kind, func.count())
            .where(Source.status == SourceStatus.ACTIVE, mine)
            .group_by(Source.kind)
        ).all()
    )
    month = func.substr(Contact.occurred_at, 1, 7)
    contacts: dict[str, int] = dict(
        session.execute(
            select(month, func.count())
            .where(
                Contact.occurred_at >= lo,
                Contact.occurred_at < hi,
                visible(Contact.compartment_id, scope, drive=True),
            )
            .group_by(month)
        ).all()
    )
    histogram, awaiting = _turnaround(session, scope, lo, hi, as_of)
    turnaround = {"within_norm": 0, "over_norm": 0}
    for d, n in histogram.items():
        turnaround["over_norm" if d > NORM_WORKING_DAYS else "within_norm"] += n
    n_approved = sum(histogram.values())
    median = mf.median_of(histogram)
    payments = _payments(session, scope, first, last)
    return mf.ManagementFigures(
        origin="vault",
        period_from=first,
        period_to=last,
        as_of=as_of,
        rows=(ROW,),
        active_sources=_one("active_sources", mf.SOURCE_KINDS, _keys(active)),
        contacts=_one("contacts", mf.months(first, last), _keys(contacts)),
        turnaround=_one("turnaround", mf.TURNAROUND_COLUMNS, turnaround),
        medians=(mf.Median(ROW, n_approved, median), mf.Median("", n_approved, median)),
        awaiting=_one("awaiting", mf.AWAITING_COLUMNS, awaiting),
        grading=_grading(session, scope, lo, hi),
        overdue=_one("overdue", mf.OVERDUE_COLUMNS, overdue, row_totals=False),
        payments=payments,
        packages=_one("packages", mf.PACKAGE_COLUMNS, _packages(session, lo, hi)),
        matches=None,
        notes=("Figures of the files the alias that made this report may see in this vault.",),
    )


def _turnaround(
    session: Session, scope: Scope, lo: datetime, hi: datetime, as_of: date
) -> tuple[dict[int, int], dict[str, int]]:
    """{working days submitted -> approved: debriefs approved in the period}, and
    the debriefs submitted in the period still waiting at its end, within or over
    the norm. Grouped by the two days in SQL; working days per distinct pair."""
    mine = visible(Debrief.compartment_id, scope, drive=True)
    sday, rday = func.substr(Debrief.submitted_at, 1, 10), func.substr(Debrief.reviewed_at, 1, 10)
    histogram: dict[int, int] = defaultdict(int)
    for s, r, n in session.execute(
        select(sday, rday, func.count())
        .where(
            Debrief.status == DebriefStatus.APPROVED,
            Debrief.reviewed_at >= lo,
            Debrief.reviewed_at < hi,
            Debrief.submitted_at.is_not(None),
            mine,
        )
        .group_by(sday, rday)
    ):
        histogram[working_days_between(date.fromisoformat(s), date.fromisoformat(r))] += n
    waiting: ColumnElement[bool] = (Debrief.status == DebriefStatus.SUBMITTED) | (
        (Debrief.status == DebriefStatus.APPROVED) & (Debrief.reviewed_at >= hi)
    )
    awaiting = {"waiting_within_norm": 0, "waiting_over_norm": 0}
    for s, n in session.execute(
        select(sday, func.count())
        .where(Debrief.submitted_at >= lo, Debrief.submitted_at < hi, waiting, mine)
        .group_by(sday)
    ):
        over = working_days_between(date.fromisoformat(s), as_of) > NORM_WORKING_DAYS
        awaiting["waiting_over_norm" if over else "waiting_within_norm"] += n
    return dict(histogram), awaiting


def _grading(
    session: Session, scope: Scope, lo: datetime, hi: datetime
) -> tuple[mf.GradingScheme, ...]:
    where = (
        Debrief.submitted_at >= lo,
        Debrief.submitted_at < hi,
        visible(Debrief.compartment_id, scope, drive=True),
    )
    found: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    columns = {
        "source_evaluation": IntelligenceItem.source_evaluation,
        "intelligence_assessment": IntelligenceItem.intelligence_assessment,
        "handling": IntelligenceItem.handling_code,
    }
    for axis, column in columns.items():
        for scheme, code, n in session.execute(
            select(IntelligenceItem.scheme, column, func.count())
            .join(Debrief, Debrief.id == IntelligenceItem.debrief_id)
            .where(*where)
            .group_by(IntelligenceItem.scheme, column)
        ):
            found[str(scheme)][axis][str(code)] = n
    out = []
    for name in sorted(found):
        axes = []
        for axis in mf.GRADING_AXES:
            counts = found[name].get(axis, {})
            known = codes_of(name, axis)
            codes = tuple(known) + tuple(sorted(set(counts) - set(known)))
            axes.append(_one(f"grading:{name}:{axis}", codes, counts))
        out.append(mf.GradingScheme(name, tuple(axes)))
    return tuple(out)


def _overdue(session: Session, scope: Scope, as_of: date) -> dict[str, int]:
    active = {
        sid: (contract, suitability)
        for sid, contract, suitability in session.execute(
            select(Source.id, Source.contract_review_on, Source.suitability_review_on).where(
                Source.status == SourceStatus.ACTIVE,
                visible(Source.compartment_id, scope, drive=True),
            )
        )
    }
    newest: dict[Any, tuple[datetime, date]] = {}
    for sid, at, review in session.execute(
        select(
            RiskAssessment.source_id, RiskAssessment.assessed_at, RiskAssessment.review_on
        ).where(
            RiskAssessment.source_id.in_(list(active)),
            visible(RiskAssessment.compartment_id, scope, drive=True),
        )
    ):
        if sid not in newest or at > newest[sid][0]:
            newest[sid] = (at, review)
    out = dict.fromkeys(mf.OVERDUE_COLUMNS, 0)
    for sid, (contract, suitability) in active.items():
        if sid not in newest:
            out["no_risk_assessment"] += 1
        elif newest[sid][1] < as_of:
            out["risk_review_overdue"] += 1
        out["contract_review_overdue"] += contract is not None and contract < as_of
        out["suitability_review_overdue"] += suitability is not None and suitability < as_of
    return out


def _payments(
    session: Session, scope: Scope, first: date, last: date
) -> tuple[mf.AmountTable, ...]:
    """Per month, euros and every other currency together (``mf.OTHER_CURRENCIES``),
    read per source: a figure's sources are counted once, however many currencies
    they were paid in, and a sum's largest share by one source is known
    (``mf.payment_sensitive``)."""
    month = func.substr(Payment.occurred_on, 1, 7)
    group = case(
        (Payment.currency.in_(mf.SUMMED_CURRENCIES), Payment.currency),
        else_=mf.OTHER_CURRENCIES,
    )
    # {group: {month: {source: (payments, cents)}}}
    paid: dict[str, dict[str, dict[Any, tuple[int, int]]]] = defaultdict(lambda: defaultdict(dict))
    for g, m, source, n, cents in session.execute(
        select(group, month, Payment.source_id, func.count(), func.sum(Payment.amount_cents))
        .where(
            Payment.kind != PaymentKind.OFFER,
            Payment.occurred_on >= first,
            Payment.occurred_on <= last,
            visible(Payment.compartment_id, scope, drive=True),
        )
        .group_by(group, month, Payment.source_id)
    ):
        paid[str(g)][str(m)][source] = (int(n), int(cents))
    months = mf.months(first, last)
    return tuple(_amounts(g, paid[g], months) for g in sorted(paid))


def _amounts(
    group: str, paid: dict[str, dict[Any, tuple[int, int]]], months: tuple[str, ...]
) -> mf.AmountTable:
    summed = group != mf.OTHER_CURRENCIES

    def figure(per_source: dict[Any, int], n: int) -> tuple[int, int, bool]:
        cents = sum(per_source.values())
        largest = max(map(abs, per_source.values()), default=0)
        return n, cents, mf.payment_sensitive(len(per_source), largest, cents, summed=summed)

    cells = [
        figure({s: c for s, (_n, c) in paid.get(m, {}).items()},
               sum(n for n, _c in paid.get(m, {}).values()))
        for m in months
    ]  # fmt: skip
    whole: dict[Any, int] = defaultdict(int)
    for per in paid.values():
        for source, (_n, c) in per.items():
            whole[source] += c
    total = figure(dict(whole), sum(c[0] for c in cells))
    counts = mf.CountTable(
        "payments",
        (ROW,),
        months,
        (tuple(c[0] for c in cells),),
        sensitive=(tuple(c[2] for c in cells),),
        sensitive_rows=(total[2],),
    )
    return mf.AmountTable("payments", group, counts, (tuple(c[1] for c in cells),), sums=summed)


def _packages(session: Session, lo: datetime, hi: datetime) -> dict[str, int]:
    """Packages of debriefs received in the period: in order, after a gap, or late
    (filling a gap), by each channel's numbers in the order they were imported."""
    seen: dict[str, set[int]] = defaultdict(set)
    out = dict.fromkeys(mf.PACKAGE_COLUMNS, 0)
    for channel, sequence, at in session.execute(
        select(PackageLog.channel, PackageLog.sequence, PackageLog.processed_at)
        .where(PackageLog.direction == "in", PackageLog.kind == "debriefs")
        .order_by(PackageLog.processed_at, PackageLog.sequence)
    ):
        held = seen[channel]
        expected = max(held, default=0) + 1
        kind = "late" if sequence < expected else "gap" if sequence > expected else "in_order"
        held.add(sequence)
        if lo <= at < hi:
            out[kind] += 1
    return out
