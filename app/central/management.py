"""Management information from the central store: the figures of
``app.reports.management_figures`` counted in PostgreSQL, every one an aggregate
(``GROUP BY`` over the narrow facts tables of schema c0003 and indexed lookups),
never rows loaded into Python. Working days are the domain's
(``app.domain.working_days``), numbered in ``central.working_days`` by the
migration, so a turnaround is a subtraction of two numbers kept beside each
debrief.

Who reads: the administrator's connection sees every team; ``user`` reads as
that staff role (``SET LOCAL ROLE``), and row-level security then counts only
the teams granted to it. Either way the report is written to the access log
first (who, period, team, why), and what came of it after (``reading._reading``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, text

from app.central import access, reading, teams
from app.central.errors import UnknownTeam
from app.central.store import Store
from app.domain.grading import codes_of
from app.domain.working_days import NORM_WORKING_DAYS, day_number
from app.errors import InvalidInput
from app.reports import management_figures as mf
from app.services.reports.choices import check_marking

ADMINISTRATOR = "administrator"
LATE = 100_000  # a day outside central.working_days' years: over any norm


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(first, time(), UTC),
        datetime.combine(last + timedelta(days=1), time(), UTC),
    )


def _teams(conn: Connection, team: str | None) -> dict[int, str]:
    if team is None:
        rows = conn.execute(text("SELECT id, name FROM central.teams ORDER BY name")).all()
        return {int(r[0]): str(r[1]) for r in rows}
    # Whatever its case, as everywhere (``teams.find``): two teams whose names differ
    # only in case are each named exactly, never counted as one.
    chosen = teams.find(conn, team)
    if chosen is None:
        # Another team's name reads exactly like a name that does not exist.
        raise UnknownTeam("There is no team named {name}.", name=teams.team_name(team))
    return {chosen[0]: chosen[1]}


def _pairs(conn: Connection, sql: str, params: dict[str, Any]) -> dict[tuple[Any, Any], int]:
    return {(r[0], r[1]): int(r[2]) for r in conn.execute(text(sql), params)}


def _turnaround(conn: Connection, p: dict[str, Any]) -> dict[int, dict[int, int]]:
    """Per team: {working days from submitted to approved: debriefs}, approved in
    the period: one subtraction of the days' working-day numbers per row."""
    sql = f"""
        SELECT team_id, coalesce(reviewed_wd - submitted_wd, {LATE}), count(*)
        FROM central.debrief_facts
        WHERE status = 'approved' AND reviewed_at >= :lo AND reviewed_at < :hi
          AND submitted_at IS NOT NULL AND team_id = ANY (:teams)
        GROUP BY 1, 2
    """  # noqa: S608  (constants only)
    out: dict[int, dict[int, int]] = defaultdict(dict)
    for team_id, days, n in conn.execute(text(sql), p):
        days = max(0, int(days))
        out[int(team_id)][days] = out[int(team_id)].get(days, 0) + int(n)
    return out


def _awaiting(conn: Connection, p: dict[str, Any]) -> dict[tuple[int, str], int]:
    """Submitted in the period and not approved by its end: waiting within or over
    the norm on the day ``as_of`` (its working-day number: ``as_of_wd``)."""
    sql = f"""
        SELECT team_id,
               CASE WHEN coalesce(:as_of_wd - submitted_wd, {LATE}) > :norm
                    THEN 'waiting_over_norm' ELSE 'waiting_within_norm' END,
               count(*)
        FROM central.debrief_facts
        WHERE submitted_at >= :lo AND submitted_at < :hi AND team_id = ANY (:teams)
          AND (status = 'submitted' OR (status = 'approved' AND reviewed_at >= :hi))
        GROUP BY 1, 2
    """  # noqa: S608
    return _pairs(conn, sql, p)


def _grading(
    conn: Connection, p: dict[str, Any]
) -> dict[str, dict[str, dict[tuple[int, str], int]]]:
    """{scheme: {axis: {(team, code): items}}} of the items of debriefs submitted in
    the period: items counted per team and grade number (two integers), the
    numbers then named and each axis added up here."""
    codes = {
        int(r[0]): (str(r[1]), (str(r[2]), str(r[3]), str(r[4])))
        for r in conn.execute(
            text(
                "SELECT id, scheme, source_evaluation, intelligence_assessment, handling_code "
                "FROM central.grade_codes"
            )
        )
    }
    sql = """
        SELECT team_id, grade, count(*)
        FROM central.item_grades
        WHERE submitted_at >= :lo AND submitted_at < :hi AND team_id = ANY (:teams)
        GROUP BY 1, 2
    """
    out: dict[str, dict[str, dict[tuple[int, str], int]]] = defaultdict(lambda: defaultdict(dict))
    for team_id, grade, n in conn.execute(text(sql), p):
        scheme, axes = codes[int(grade)]
        for axis, code in zip(mf.GRADING_AXES, axes, strict=True):
            cells = out[scheme][axis]
            key = (int(team_id), code)
            cells[key] = cells.get(key, 0) + int(n)
    return out


def _overdue(conn: Connection, p: dict[str, Any]) -> dict[tuple[int, str], int]:
    sql = """
        WITH active AS (
            SELECT id, team_id FROM central.sources
            WHERE status = 'active' AND team_id = ANY (:teams)
        ), risk AS (
            SELECT DISTINCT ON (source_id) source_id, (data ->> 'review_on')::date AS review_on
            FROM central.record_versions
            WHERE record_type = 'risk_assessment' AND team_id = ANY (:teams)
            ORDER BY source_id, (data ->> 'assessed_at') DESC, version DESC
        ), reg AS (
            SELECT DISTINCT ON (record_id) record_id AS source_id,
                   (data ->> 'contract_review_on')::date AS contract,
                   (data ->> 'suitability_review_on')::date AS suitability
            FROM central.record_versions
            WHERE record_type = 'registration' AND team_id = ANY (:teams)
            ORDER BY record_id, version DESC
        )
        SELECT a.team_id,
               count(*) FILTER (WHERE risk.review_on < :as_of),
               count(*) FILTER (WHERE risk.source_id IS NULL),
               count(*) FILTER (WHERE reg.contract < :as_of),
               count(*) FILTER (WHERE reg.suitability < :as_of)
        FROM active a
        LEFT JOIN risk ON risk.source_id = a.id
        LEFT JOIN reg ON reg.source_id = a.id
        GROUP BY a.team_id
    """
    out: dict[tuple[int, str], int] = {}
    for row in conn.execute(text(sql), p):
        for column, n in zip(mf.OVERDUE_COLUMNS, row[1:], strict=True):
            out[(int(row[0]), column)] = int(n)
    return out


PAYMENTS_NOTE = (
    "Payments are counted from the payment records of format 3 packages and from the "
    "payments inside the newest version of each format 2 debrief."
)


def _payments(conn: Connection, p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(team or None, month or None, currency, payments, sources, cents, grouping,
    the most one source received), with the totals per team, per month and in all
    (GROUPING SETS, per source first): a total's sources are counted afresh, not
    added up. Every currency but the summed ones is one, ``other``: its sources
    are counted once over all of them (mf.SUMMED_CURRENCIES)."""
    sql = """
        WITH v3 AS (
            SELECT DISTINCT ON (record_id) record_id AS id, team_id, source_id, data
            FROM central.record_versions
            WHERE record_type = 'payment' AND team_id = ANY (:teams)
            ORDER BY record_id, version DESC
        ), v2 AS (
            -- inside the newest version of a format 2 debrief (c0009's index)
            SELECT DISTINCT ON (p.data ->> 'id') (p.data ->> 'id')::uuid AS id, v.team_id,
                   v.source_id, p.data
            FROM central.debrief_versions v
            CROSS JOIN LATERAL jsonb_array_elements(
                CASE jsonb_typeof(v.data -> 'payments') WHEN 'array' THEN v.data -> 'payments'
                ELSE '[]' END
            ) AS p(data)
            WHERE v.data -> 'payments' <> '[]'::jsonb AND v.team_id = ANY (:teams)
              AND NOT EXISTS (SELECT 1 FROM central.debrief_versions w
                              WHERE w.debrief_id = v.debrief_id AND w.version > v.version)
            ORDER BY p.data ->> 'id', v.updated_at DESC
        ), pay AS (
            SELECT team_id, source_id, data FROM v3
            UNION ALL  -- a payment sent again as a record (format 3) counts once, so
            SELECT team_id, source_id, data FROM v2 WHERE NOT EXISTS (
                SELECT 1 FROM central.record_versions r  -- by its primary key
                WHERE r.record_type = 'payment' AND r.record_id = v2.id
                  AND r.team_id = v2.team_id)
        ), chosen AS (
            SELECT team_id, source_id,
                   CASE WHEN data ->> 'currency' = ANY (:summed) THEN data ->> 'currency'
                        ELSE :other END AS currency,
                   to_char((data ->> 'occurred_on')::date, 'YYYY-MM') AS month,
                   (data ->> 'amount_cents')::bigint AS cents
            FROM pay
            WHERE data ->> 'kind' <> 'offer'
              AND (data ->> 'occurred_on')::date BETWEEN :first AND :last
        ), per_source AS (
            SELECT team_id, month, currency, source_id, count(*) AS n, sum(cents) AS cents,
                   GROUPING(team_id, month) AS bits
            FROM chosen
            GROUP BY GROUPING SETS ((currency, team_id, month, source_id),
                                    (currency, team_id, source_id),
                                    (currency, month, source_id), (currency, source_id))
        )
        SELECT team_id, month, currency, sum(n), count(source_id), sum(cents), bits,
               max(abs(cents))
        FROM per_source
        GROUP BY currency, team_id, month, bits
    """
    asked = {**p, "summed": list(mf.SUMMED_CURRENCIES), "other": mf.OTHER_CURRENCIES}
    return [tuple(r) for r in conn.execute(text(sql), asked)]


def _packages(conn: Connection, p: dict[str, Any]) -> dict[tuple[int, str], int]:
    sql = """
        SELECT team_id, CASE arrival WHEN 'new' THEN 'in_order' ELSE arrival END, count(*)
        FROM central.packages
        WHERE received_at >= :lo AND received_at < :hi AND team_id = ANY (:teams)
        GROUP BY 1, 2
    """
    return _pairs(conn, sql, p)


def _matches(conn: Connection, p: dict[str, Any]) -> dict[tuple[int, str], int]:
    """Per team, its own state of its matches (decided per team, c0015): through the
    view a staff role reads, which masks the other team."""
    sql = """
        SELECT team_id,
               count(*) FILTER (WHERE opened_at >= :lo AND opened_at < :hi),
               count(*) FILTER (WHERE status = 'same'
                                  AND decided_at >= :lo AND decided_at < :hi),
               count(*) FILTER (WHERE status = 'different'
                                  AND decided_at >= :lo AND decided_at < :hi),
               count(*) FILTER (WHERE opened_at < :hi
                                  AND (decided_at IS NULL OR decided_at >= :hi))
        FROM central.match_states
        WHERE team_id = ANY (:teams)
        GROUP BY team_id
    """
    out: dict[tuple[int, str], int] = {}
    for row in conn.execute(text(sql), p):
        for column, n in zip(mf.MATCH_COLUMNS, row[1:], strict=True):
            out[(int(row[0]), column)] = int(n)
    return out


def check_period(first: date, last: date) -> None:
    if last < first:
        raise InvalidInput("The period ends before it starts.")
    if (last - first).days > 366 * 5:
        raise InvalidInput("A management report covers at most five years.")


def figures(
    store: Store,
    *,
    first: date,
    last: date,
    team: str | None = None,
    user: str | None = None,
    why: str = access.NO_REASON,
    marking: str | None = None,
    today: date | None = None,
) -> mf.ManagementFigures:
    """Count the management figures of ``first``..``last`` (days, UTC). ``marking``
    (the PDF's, None without one) is checked with the rest, before anything is read."""
    what = f"report management {first.isoformat()}..{last.isoformat()}"
    asked = what + (f" team {team}" if team is not None else "")
    asked += f" marking {marking}" if marking is not None else ""
    with reading._checked(store, user or ADMINISTRATOR, what=asked, why=why):
        if user is not None:
            access.role_name(user)
        access.reason_text(why)
        if team is not None:
            teams.team_name(team)  # kept in the log's team field: never raw control characters
        check_period(first, last)
        if marking is not None:
            check_marking(marking)
    today = today or datetime.now(UTC).date()
    as_of = min(last, today)
    came = reading.Outcome()
    with reading._reading(
        store, user, what=what, why=why, team=team or "", outcome=came, who=ADMINISTRATOR
    ) as conn:
        ids = _teams(conn, team)
        came.text, came.team = "counted", ", ".join(sorted(ids.values()))
        return _count(conn, ids, first, last, as_of)


def _count(
    conn: Connection, ids: dict[int, str], first: date, last: date, as_of: date
) -> mf.ManagementFigures:
    lo, hi = _bounds(first, last)
    p: dict[str, Any] = {
        "lo": lo,
        "hi": hi,
        "first": first,
        "last": last,
        "as_of": as_of,
        "as_of_wd": day_number(as_of),
        "teams": list(ids),
        "norm": NORM_WORKING_DAYS,
    }
    rows = tuple(ids.values())

    def named(counts: dict[tuple[Any, Any], int]) -> dict[tuple[str, str], int]:
        return {(ids[int(t)], str(c)): n for (t, c), n in counts.items() if int(t) in ids}

    active = _pairs(
        conn,
        "SELECT team_id, kind, count(*) FROM central.sources "
        "WHERE status = 'active' AND team_id = ANY (:teams) GROUP BY 1, 2",
        p,
    )
    contacts = {
        (t, month.strftime("%Y-%m")): n
        for (t, month), n in _pairs(
            conn,
            "SELECT team_id, contact_month, count(*) FROM central.debrief_facts "
            "WHERE contact_at >= :lo AND contact_at < :hi AND team_id = ANY (:teams) "
            "GROUP BY 1, 2",
            p,
        ).items()
    }
    turnaround, medians = _turnaround_table(_turnaround(conn, p), ids)
    return mf.ManagementFigures(
        origin="central",
        period_from=first,
        period_to=last,
        as_of=as_of,
        rows=rows,
        active_sources=mf.table("active_sources", rows, mf.SOURCE_KINDS, named(active)),
        contacts=mf.table("contacts", rows, mf.months(first, last), named(contacts)),
        turnaround=turnaround,
        medians=medians,
        awaiting=mf.table("awaiting", rows, mf.AWAITING_COLUMNS, named(_awaiting(conn, p))),
        grading=_schemes(_grading(conn, p), ids),
        overdue=mf.table(
            "overdue", rows, mf.OVERDUE_COLUMNS, named(_overdue(conn, p)), row_totals=False
        ),
        payments=payment_tables(_payments(conn, p), ids, mf.months(first, last)),
        packages=mf.table("packages", rows, mf.PACKAGE_COLUMNS, named(_packages(conn, p))),
        matches=mf.table(
            "matches",
            rows,
            mf.MATCH_COLUMNS,
            named(_matches(conn, p)),
            row_totals=False,
            column_totals=False,
        ),
        notes=(
            "Central learns of an approval only when a debrief version carrying it arrives.",
            PAYMENTS_NOTE,
        ),
    )


def _turnaround_table(
    days: dict[int, dict[int, int]], ids: dict[int, str]
) -> tuple[mf.CountTable, tuple[mf.Median, ...]]:
    """Within and over the norm per team, and the medians (per team, then all)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    medians: list[mf.Median] = []
    everyone: dict[int, int] = defaultdict(int)
    for team_id, name in ids.items():
        histogram = days.get(team_id, {})
        for d, n in histogram.items():
            counts[(name, "over_norm" if d > NORM_WORKING_DAYS else "within_norm")] += n
            everyone[d] += n
        medians.append(mf.Median(name, sum(histogram.values()), mf.median_of(histogram)))
    medians.append(mf.Median("", sum(everyone.values()), mf.median_of(everyone)))
    rows = tuple(ids.values())
    return mf.table("turnaround", rows, mf.TURNAROUND_COLUMNS, dict(counts)), tuple(medians)


def _schemes(
    grading: dict[str, dict[str, dict[tuple[int, str], int]]], ids: dict[int, str]
) -> tuple[mf.GradingScheme, ...]:
    """One table per axis of each scheme met: the scheme's codes in order, then any other."""
    rows = tuple(ids.values())
    out = []
    for scheme in sorted(grading):
        axes = []
        for axis in mf.GRADING_AXES:
            counts = grading[scheme].get(axis, {})
            known = codes_of(scheme, axis)
            codes = tuple(known) + tuple(sorted({c for _, c in counts} - set(known)))
            named = {(ids[t], c): n for (t, c), n in counts.items() if t in ids}
            axes.append(mf.table(f"grading:{scheme}:{axis}", rows, codes, named))
        out.append(mf.GradingScheme(scheme, tuple(axes)))
    return tuple(out)


def payment_tables(
    rows: list[tuple[Any, ...]], ids: dict[int, str], months: tuple[str, ...]
) -> tuple[mf.AmountTable, ...]:
    """The payments' GROUPING SETS rows as one count and amount table per currency
    (the summed ones, and ``other``); a figure made by fewer than 5 sources, or a
    sum more than 85% of which one source received, is sensitive."""
    names = tuple(ids.values())
    out = []
    for currency in sorted({str(r[2]) for r in rows}):
        summed = currency != mf.OTHER_CURRENCIES
        cell: dict[tuple[str, str], tuple[int, bool, int]] = {}
        by_row: dict[str, bool] = {}
        by_col: dict[str, bool] = {}
        everything = True
        for team_id, month, cur, n, sources, cents, bits, largest in rows:
            if cur != currency:
                continue
            hide = mf.payment_sensitive(int(sources), int(largest), int(cents), summed=summed)
            if bits == 0 and int(team_id) in ids:
                cell[(ids[int(team_id)], str(month))] = (int(n), hide, int(cents))
            elif bits == 1 and int(team_id) in ids:
                by_row[ids[int(team_id)]] = hide
            elif bits == 2:
                by_col[str(month)] = hide
            elif bits == 3:
                everything = hide
        none = (0, True, 0)
        counts = mf.CountTable(
            "payments",
            names,
            months,
            tuple(tuple(cell.get((r, m), none)[0] for m in months) for r in names),
            sensitive=tuple(tuple(cell.get((r, m), none)[1] for m in months) for r in names),
            sensitive_rows=tuple(by_row.get(r, True) for r in names),
            sensitive_columns=tuple(by_col.get(m, True) for m in months),
            sensitive_total=everything,
        )
        cents = tuple(tuple(cell.get((r, m), none)[2] for m in months) for r in names)
        out.append(mf.AmountTable("payments", currency, counts, cents, sums=summed))
    return tuple(out)
