"""``veldboek central report management``: management information counted by the
central system, without identities, every count below 5 hidden (issue 20,
points 4 and 6)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.central import access, management
from app.central.errors import UnknownTeam
from app.central.place import Place
from app.central.store import Store
from app.domain.working_days import (
    NUMBERED_FROM,
    NUMBERED_TO,
    day_number,
    is_working_day,
    working_days_between,
)
from app.services.reports import management as reports_management
from tests.helpers.central import run
from tests.helpers.management_store import SECRETS, Debrief, Team, fill, match
from tests.helpers.pdf_text import pdf_text

FIRST, LAST, TODAY = date(2026, 4, 1), date(2026, 5, 31), date(2026, 6, 10)
G = ("3x5x2", "1", "A", "P")


def _teams() -> list[Team]:
    noord = Team("Noord", "KWARTSNOORD", "Runner Valkenier")
    # 6 working days (Good Friday and Easter Monday skipped), 10 (King's Day and
    # Liberation Day skipped: exactly the norm), 11 (over it).
    noord.debriefs += [Debrief("approved", "2026-04-02", "2026-04-14", "2026-04-01", (G,))] * 5
    noord.debriefs += [Debrief("approved", "2026-04-20", "2026-05-06", "2026-05-18", (G,))] * 5
    noord.debriefs += [Debrief("approved", "2026-04-20", "2026-05-07", "2026-05-19")] * 2
    noord.debriefs += [Debrief("submitted", "2026-05-04", None, "2026-05-03")] * 6
    noord.sources = [("informant", "active")] * 6 + [("civilian_informant", "active")] * 2
    noord.risk_reviews = [*["2026-05-01"] * 3, *["2026-07-01"] * 3]
    noord.payments = [("2026-04-10", 10_000, n) for n in range(6)]
    noord.arrivals = [("2026-04-02", "new")] * 5 + [("2026-04-03", "gap")]
    zuid = Team("Zuid", "ROBIJNZUID", "Runner Uiltje")
    zuid.debriefs += [Debrief("approved", "2026-04-02", "2026-04-14", "2026-04-02")] * 3
    zuid.sources = [("informant", "active")]
    # Six payments, all to one source: a sum that would single that source out.
    zuid.payments = [("2026-04-11", 77_700, 0)] * 6
    zuid.arrivals = [("2026-04-05", "new")]
    return [noord, zuid]


@pytest.fixture
def filled(central_place: Place) -> Iterator[Store]:
    store = Store(central_place)
    with store.begin() as conn:
        ids = fill(conn, _teams())
        match(conn, ids["Noord"], ids["Zuid"], "2026-04-20", "2026-05-02")
        match(conn, ids["Noord"], ids["Zuid"], "2026-05-20")
    yield store
    store.close()


def _report(store: Store, **kw: Any) -> dict[str, Any]:
    figures = management.figures(store, first=FIRST, last=LAST, today=TODAY, **kw)
    return reports_management.as_json(figures)


def _values(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    else:
        yield node


def _figure_values(report: dict[str, Any]) -> list[Any]:
    keep = ("active_sources", "contacts_per_month", "turnaround", "awaiting_approval",
            "grading", "overdue", "payments", "packages", "deconfliction_matches")  # fmt: skip
    out: list[Any] = []
    for key in keep:
        node = dict(report[key] or {})
        node.pop("median_working_days", None)
        node.pop("columns", None)
        out += [v for v in _values(node) if not isinstance(v, str) or v in ("< 5", "withheld")]
    return out


def test_figures_count_working_days_and_hide_every_small_count(filled: Store) -> None:
    report = _report(filled)
    assert report["rows"] == ["Noord", "Zuid"]
    medians = report["turnaround"]["median_working_days"]
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 14)) == 6
    # Noord: 6 x5, 10 x5, 11 x2 -> 10; Zuid has 3 (hidden); all 15 -> 6.
    assert medians == {"Noord": 10.0, "Zuid": None, "total": 6.0}
    noord = report["turnaround"]["rows"][0]
    assert noord["total"] == 12 or noord["total"] == "withheld"
    assert noord["cells"]["over_norm"] == "< 5"  # 2 over the norm (11 working days)
    # No figure anywhere is a number below 5; every hidden one is marked.
    values = _figure_values(report)
    assert values
    assert all(v in ("< 5", "withheld") or v >= 5 for v in values)
    contacts = report["contacts_per_month"]
    # Zuid's small months sit in the same columns as Noord's: Noord's are withheld,
    # or the column totals would give Zuid's away; so is Noord's total (21 - 18 = 3).
    assert contacts["rows"][1]["cells"] == {"2026-04": "< 5", "2026-05": "< 5"}
    assert contacts["rows"][0]["cells"] == {"2026-04": "withheld", "2026-05": "withheld"}
    assert contacts["rows"][0]["total"] == "withheld"
    assert (contacts["column_totals"], contacts["total"]) == ({"2026-04": 8, "2026-05": 13}, 21)
    eur = report["payments"]["EUR"]
    # Zuid's six payments went to one source: neither count nor sum is shown.
    assert eur["payments"]["rows"][1]["cells"]["2026-04"] == "withheld"
    assert eur["amount_cents"]["rows"][1]["cells"]["2026-04"] == "withheld"
    assert 6 * 77_700 not in _values(report)
    assert 77_700 not in _values(report)


def test_the_counts_before_suppression(filled: Store) -> None:
    f = management.figures(filled, first=FIRST, last=LAST, today=TODAY)

    def row(table: Any, name: str) -> dict[str, int]:
        return dict(zip(table.columns, table.cells[table.rows.index(name)], strict=True))

    assert row(f.contacts, "Noord") == {"2026-04": 5, "2026-05": 13}
    assert row(f.turnaround, "Noord") == {"within_norm": 10, "over_norm": 2}
    assert row(f.awaiting, "Noord") == {"waiting_within_norm": 0, "waiting_over_norm": 6}
    assert row(f.active_sources, "Noord")["civilian_informant"] == 2
    assert row(f.overdue, "Noord") == {
        "risk_review_overdue": 3,
        "no_risk_assessment": 2,
        "contract_review_overdue": 0,
        "suitability_review_overdue": 0,
    }
    assert row(f.packages, "Noord") == {"in_order": 5, "gap": 1, "late": 0}
    scheme = f.grading[0]
    assert (scheme.scheme, row(scheme.axes[0], "Noord")) == ("3x5x2", {"1": 10, "2": 0, "3": 0})
    assert row(f.matches, "Zuid") == {
        "opened": 2, "resolved_same": 1, "resolved_different": 0, "open_at_end": 1,
    }  # fmt: skip
    assert row(f.payments[0].counts, "Zuid") == {"2026-04": 6, "2026-05": 0}


def test_no_name_codename_or_token_reaches_the_pdf_or_the_json(filled: Store) -> None:
    figures = management.figures(filled, first=FIRST, last=LAST, today=TODAY)
    dumped = json.dumps(reports_management.as_json(figures), ensure_ascii=False).lower()
    texts = [dumped]
    for language in ("en", "nl"):
        texts.append(pdf_text(reports_management.pdf(figures, language=language)).lower())
    assert "management information" in texts[1]
    assert "managementinformatie" in texts[2]
    for secret in SECRETS:
        assert [secret for t in texts if secret.lower() in t] == []
    # The team names are what the rows are: they are printed.
    assert all("noord" in t for t in texts)


def test_a_staff_user_counts_only_granted_teams_and_is_logged(filled: Store) -> None:
    with filled.begin() as conn:
        access.grant(conn, team="Noord", user="anna", by="test")
    report = _report(filled, user="anna", why="kwartaalcijfers")
    assert report["rows"] == ["Noord"]
    assert report["deconfliction_matches"]["rows"][0]["row"] == "Noord"
    with pytest.raises(UnknownTeam):
        _report(filled, user="anna", team="Zuid", why="kwartaalcijfers")
    with filled.connect() as conn:
        logged = conn.execute(
            text("SELECT who, what, why, team FROM central.access_log "
                 "WHERE what LIKE 'report management%' ORDER BY id")
        ).all()  # fmt: skip
    assert [tuple(r) for r in logged] == [
        ("anna", "report management 2026-04-01..2026-05-31", "kwartaalcijfers", ""),
        ("anna", "report management 2026-04-01..2026-05-31", "kwartaalcijfers", "Zuid"),
    ]


def test_a_newer_version_replaces_the_counted_facts(filled: Store) -> None:
    def graded() -> int:
        f = management.figures(filled, first=FIRST, last=LAST, today=TODAY)
        return f.grading[0].axes[0].cells[0][0]  # Noord, source evaluation 1

    before = graded()
    with filled.begin() as conn:
        row = conn.execute(
            text("SELECT debrief_id, team_id, source_id, package_id, data FROM "
                 "central.debrief_versions WHERE jsonb_array_length(data->'items') = 1 LIMIT 1")
        ).one()  # fmt: skip
        data = dict(row.data)
        data["items"] = []
        conn.execute(
            text("INSERT INTO central.debrief_versions (debrief_id, version, team_id, source_id, "
                 "package_id, sha256, status, updated_at, data, body) VALUES (:d, 2, :t, :s, :p, "
                 "'', 'approved', now(), CAST(:data AS jsonb), '')"),
            {"d": row.debrief_id, "t": row.team_id, "s": row.source_id, "p": row.package_id,
             "data": json.dumps(data)},
        )  # fmt: skip
    assert (before, graded()) == (10, 9)


def test_an_older_version_arriving_late_changes_no_counted_fact(filled: Store) -> None:
    def facts(conn: Any, debrief: Any) -> tuple[Any, ...]:
        return (
            conn.execute(
                text("SELECT version, status FROM central.debrief_facts WHERE debrief_id = :d"),
                {"d": debrief},
            ).one(),
            conn.execute(
                text("SELECT version, item, grade FROM central.item_grades "
                     "WHERE debrief_id = :d ORDER BY item"),
                {"d": debrief},
            ).all(),
        )  # fmt: skip

    insert = text(
        "INSERT INTO central.debrief_versions (debrief_id, version, team_id, source_id, "
        "package_id, sha256, status, updated_at, data, body) VALUES (:d, :v, :t, :s, :p, '', "
        ":status, now(), CAST(:data AS jsonb), '')"
    )
    with filled.begin() as conn:
        row = conn.execute(
            text("SELECT debrief_id, team_id, source_id, package_id, data FROM "
                 "central.debrief_versions WHERE jsonb_array_length(data->'items') = 1 LIMIT 1")
        ).one()  # fmt: skip
        keys = {"d": row.debrief_id, "t": row.team_id, "s": row.source_id, "p": row.package_id}
        conn.execute(insert, {**keys, "v": 5, "status": "approved", "data": json.dumps(row.data)})
        newest = facts(conn, row.debrief_id)
        assert newest[0] == (5, "approved")
        assert [i[:2] for i in newest[1]] == [(5, 1)]  # the items of the newest version only
        late = dict(row.data, items=[])
        conn.execute(insert, {**keys, "v": 4, "status": "returned", "data": json.dumps(late)})
        assert facts(conn, row.debrief_id) == newest


def test_the_command_writes_the_pdf_and_prints_the_same_figures(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert central_place.url is not None
    out = tmp_path / "mi.pdf"
    done = run(capsys, "central", "report", "management", "--db", central_place.url,
               "--from", "2026-04-01", "--to", "2026-05-31", "--team", "Noord",
               "--language", "nl", "--out", str(out), "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert "UNENCRYPTED PDF (STG. CONFIDENTIEEL)" in done.err
    printed = json.loads(done.out)
    assert printed["rows"] == ["Noord"]
    assert "Contacten per maand" in pdf_text(out.read_bytes())
    again = run(capsys, "central", "report", "management", "--db", central_place.url,
                "--from", "2026-04-01", "--to", "2026-05-31", "--out", str(out))  # fmt: skip
    assert again.code != 0
    assert "exists" in again.err


def test_the_stores_working_days_are_the_domains_day_by_day(central_place: Place) -> None:
    store = Store(central_place)
    try:
        with store.connect() as conn:
            rows = conn.execute(
                text("SELECT day, number FROM central.working_days ORDER BY day")
            ).all()
    finally:
        store.close()
    assert (rows[0][0], rows[-1][0]) == (NUMBERED_FROM, NUMBERED_TO)
    count, day, expected = 0, NUMBERED_FROM, []
    while day <= NUMBERED_TO:
        count += is_working_day(day)
        expected.append((day, count))
        day += timedelta(days=1)
    assert [tuple(r) for r in rows] == expected
    assert day_number(date(2026, 4, 14)) - day_number(date(2026, 4, 2)) == 6


def test_payments_inside_format_2_debriefs_are_counted_once(filled: Store) -> None:
    # Format 2 carried a debrief's payments inside it: those of the newest version
    # count (not an offer), and one also sent as a record (format 3) counts once.
    def noord_april() -> tuple[int, int]:
        table = management.figures(filled, first=FIRST, last=LAST, today=TODAY).payments[0]
        at = table.counts.rows.index("Noord")
        return table.counts.cells[at][0], table.cents[at][0]

    before = noord_april()
    insert = text(
        "INSERT INTO central.debrief_versions (debrief_id, version, team_id, source_id, "
        "package_id, sha256, status, updated_at, data, body) VALUES (:d, :v, :t, :s, :p, '', "
        "'approved', now(), CAST(:data AS jsonb), '')"
    )
    with filled.begin() as conn:
        row = conn.execute(
            text("SELECT v.debrief_id, v.team_id, v.source_id, v.package_id, v.data FROM "
                 "central.debrief_versions v JOIN central.teams t ON t.id = v.team_id "
                 "WHERE t.name = 'Noord' LIMIT 1")
        ).one()  # fmt: skip
        sent_as_record = conn.execute(
            text("SELECT record_id::text, data FROM central.record_versions "
                 "WHERE record_type = 'payment' AND team_id = :t LIMIT 1"),
            {"t": row.team_id},
        ).one()  # fmt: skip
        paid = {"kind": "reward", "amount_cents": 5_000, "currency": "EUR",
                "occurred_on": "2026-04-12", "reason": "", "witness": ""}  # fmt: skip
        inside = [
            {**paid, "id": "0b1e1c9e-3d6a-4d2b-9a43-1f6f3e5b2c01"},
            {**paid, "id": "0b1e1c9e-3d6a-4d2b-9a43-1f6f3e5b2c02", "kind": "offer"},
            dict(sent_as_record.data),  # the record's own, sent inside a debrief too
        ]
        keys = {"d": row.debrief_id, "t": row.team_id, "s": row.source_id, "p": row.package_id}
        v2 = dict(row.data, payments=inside)
        conn.execute(insert, {**keys, "v": 2, "data": json.dumps(v2)})
    assert noord_april() == (before[0] + 1, before[1] + 5_000)
    with filled.begin() as conn:  # a newer version without them (format 3): none
        conn.execute(insert, {**keys, "v": 3, "data": json.dumps(row.data)})
    assert noord_april() == before


def test_other_currencies_count_their_sources_once_and_a_dominated_sum_is_withheld(
    central_place: Place,
) -> None:
    """Seven payments to seven sources, each in its own currency: 7 payments to 7
    sources (not fewer than 5 in each currency). Five sources paid €100 each and
    one of them €12,345.67 more: the sum is 96% one source's, withheld with its count."""
    team = Team("Noord", "KWARTSNOORD", "Runner Valkenier")
    team.sources = [("informant", "active")] * 7
    currencies = ("USD", "GBP", "CHF", "SEK", "NOK", "DKK", "JPY")
    team.payments = [("2026-04-10", 500, n, c) for n, c in enumerate(currencies)]
    team.payments += [("2026-04-11", 10_000, n) for n in range(5)]
    team.payments += [("2026-04-12", 1_234_567, 0)]
    store = Store(central_place)
    try:
        with store.begin() as conn:
            fill(conn, [team])
        figures = management.figures(store, first=FIRST, last=date(2026, 4, 30), today=TODAY)
        shown = reports_management.as_json(figures)["payments"]
    finally:
        store.close()
    assert shown["other"]["payments"]["rows"][0]["cells"] == {"2026-04": 7}
    assert shown["other"]["amount_cents"]["rows"][0]["cells"] == {"2026-04": "withheld"}
    assert shown["EUR"]["payments"]["rows"][0]["cells"] == {"2026-04": "withheld"}
    assert shown["EUR"]["amount_cents"]["rows"][0]["cells"] == {"2026-04": "withheld"}
