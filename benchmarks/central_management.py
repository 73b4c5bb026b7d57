"""The management report at unit scale: a year of 1,000,000 debriefs from 1,000
runners in 50 teams (the central benchmark's COPY generator, ``benchmarks.central``,
given debrief records with contact, submission, approval and graded items), plus
payments, risk assessments and registrations of every source and deconfliction
matches. Measured (goal: the whole report for a year under 5 s):

1. the figures as the administrator (every team): ``app.central.management.figures``;
2. the figures as a staff user of one team, under row-level security;
3. the suppression and the PDF alone, and the command's whole work (figures, PDF, JSON);

against two baselines measured in the same run: a plain ``count(*)`` of the debrief
versions (what reading the big table costs at all), and the contacts-per-month
aggregate computed from the versions' JSON instead of the facts table (what the
report would cost without schema c0003). The load average is recorded beside.

Run: ``python -m benchmarks.central_management [--debriefs 1000000] [--payments 50000]
[--matches 2000] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.central import access, management, setup
from app.central import place as places
from app.central.cluster import embedded
from app.central.place import Place
from app.central.store import Store
from app.crypto.kdf import KdfParams
from app.services.reports import management as reports_management
from benchmarks.central import PASSPHRASE
from benchmarks.central_unit import Vectors, copy, grow, make_unit
from benchmarks.common import summary, write_results

YEAR = 2026
CODES = {
    "3x5x2": (("1", "2", "3"), tuple("ABCDE"), ("P", "C")),
    "5x5x5": (tuple("ABCDE"), ("1", "2", "3", "4", "5"), ("1", "2", "3", "4", "5")),
}


def debrief_record(rng: random.Random, did: str, day: str) -> tuple[str, str]:
    """A debrief as a package carries it: contact, submission, review, 1-4 items."""
    submitted = datetime.fromisoformat(day.replace("Z", "+00:00"))
    status = rng.choices(("approved", "submitted", "returned"), (80, 15, 5))[0]
    reviewed = submitted + timedelta(days=rng.randint(0, 20), hours=3)
    items = []
    for n in range(rng.randint(1, 4)):
        scheme = "3x5x2" if rng.random() < 0.9 else "5x5x5"
        se, ia, hc = (rng.choice(axis) for axis in CODES[scheme])
        items.append({"position": n, "scheme": scheme, "source_evaluation": se,
                      "intelligence_assessment": ia, "handling_code": hc,
                      "text": "Goederen opgeslagen in de loods."})  # fmt: skip
    record = {
        "id": did,
        "status": status,
        "narrative": "Ontmoeting op de gebruikelijke plek; bron meldt transport.",
        "submitted_at": day,
        "reviewed_at": reviewed.isoformat().replace("+00:00", "Z")
        if status != "submitted"
        else None,
        "contact": {"occurred_at": (submitted - timedelta(hours=20)).isoformat()},
        "items": items,
    }
    return status, json.dumps(record)


def file_records(store: Store, rng: random.Random, payments: int, matches: int) -> dict[str, int]:
    """Every source's registration and risk assessment; ``payments`` payments; ``matches``
    deconfliction matches."""
    with store.connect() as conn:
        sources = conn.execute(
            text("SELECT id, team_id, sender, first_package FROM central.sources")
        ).all()
    rows = []
    data: dict[str, Any]
    for sid, team, fp, pid in sources:
        review = date(YEAR, 1, 1) + timedelta(days=rng.randint(0, 500))
        for kind, data in (
            ("registration", {"id": str(sid), "contract_review_on": review.isoformat(),
                              "suitability_review_on": None}),
            ("risk_assessment", {"id": str(uuid.uuid4()), "source_id": str(sid),
                                 "assessed_at": f"{YEAR}-01-02T10:00:00Z",
                                 "review_on": review.isoformat(), "level": "medium"}),
        ):  # fmt: skip
            rid = data["id"]
            rows.append((kind, rid, 1, team, fp, sid, pid, "0" * 64, json.dumps(data)))
    for _ in range(payments):
        sid, team, fp, pid = rng.choice(sources)
        rid = str(uuid.uuid4())
        day = date(YEAR, rng.randint(1, 12), rng.randint(1, 28))
        data = {"id": rid, "source_id": str(sid), "kind": rng.choice(("reward", "expense")),
                "amount_cents": rng.randint(1_000, 100_000), "currency": "EUR",
                "occurred_on": day.isoformat()}  # fmt: skip
        rows.append(("payment", rid, 1, team, fp, sid, pid, "0" * 64, json.dumps(data)))
    copy(store, "COPY central.record_versions (record_type, record_id, version, team_id, "
          "sender, source_id, package_id, sha256, data) FROM STDIN", rows)  # fmt: skip
    with store.begin() as conn:
        conn.execute(text("INSERT INTO central.deconfliction_keys (key_id, params, sealed) "
                          "VALUES ('bench', '{}', '')"))  # fmt: skip
        teams = [int(t) for t in conn.execute(text("SELECT id FROM central.teams")).scalars()]
        for _ in range(matches):
            a, b = sorted((str(uuid.uuid4()), str(uuid.uuid4())))
            opened = datetime(YEAR, rng.randint(1, 12), rng.randint(1, 28))
            resolved = opened + timedelta(days=rng.randint(1, 60)) if rng.random() < 0.7 else None
            mid, ta, tb = str(uuid.uuid4()), rng.choice(teams), rng.choice(teams)
            conn.execute(
                text("INSERT INTO central.deconfliction_matches (id, kind, key_id, team_a, "
                     "source_a, team_b, source_b, opened_at) VALUES "
                     "(:id, 'phone', 'bench', :ta, :a, :tb, :b, :o)"),
                {"id": mid, "ta": ta, "a": a, "tb": tb, "b": b, "o": opened},
            )  # fmt: skip
            if resolved:  # decided per team (c0015): here by one user granted both
                conn.execute(
                    text("INSERT INTO central.deconfliction_decisions (match_id, at, decided_by, "
                         "resolution, why, teams) VALUES (:id, :at, 'bench', :r, 'bench', "
                         "CAST(:teams AS integer[]))"),
                    {"id": mid, "at": resolved, "r": rng.choice(("same", "different")),
                     "teams": sorted({ta, tb})},
                )  # fmt: skip
    return {"sources": len(sources), "file_records": len(rows), "matches": matches}


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _open(root: Path) -> Store:
    setup.init_embedded(root, PASSPHRASE, KdfParams(1024, 1, 1, b"0" * 16), name="Central")
    doc = places.layout(root)
    password = (root / places.SECRET).read_text().strip()
    url = (
        f"postgresql://{doc['admin']}:{password}@/{doc['database']}"
        f"?host={embedded.Layout(root).socket_dir}&port={doc['port']}"
    )
    return Store(Place(url=url))


def _generate(
    store: Store, debriefs: int, payments: int, matches: int, rng: random.Random
) -> dict[str, Any]:
    unit = make_unit(store)
    started = time.perf_counter()
    copy_s = grow(store, unit, debriefs, 1, rng, Vectors(store), data=debrief_record, words=8)
    out: dict[str, Any] = {"generated": file_records(store, rng, payments, matches)}
    with store.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("VACUUM ANALYZE"))
        out["rows"] = {
            t: int(conn.execute(text(f"SELECT count(*) FROM central.{t}")).scalar_one())
            for t in ("debrief_versions", "debrief_facts", "item_grades", "record_versions")
        }
    out["generation_s"] = {
        "copy": round(copy_s, 1),
        "total": round(time.perf_counter() - started, 1),
    }
    with store.begin() as conn:
        team = str(conn.execute(text("SELECT name FROM central.teams ORDER BY id")).scalar())
        access.grant(conn, team=team, user="bench_mi", by="bench")
    return out


def _count_all(store: Store) -> None:
    with store.connect() as conn:
        conn.execute(text("SELECT count(*) FROM central.debrief_versions")).scalar()


def _contacts_from_json(store: Store) -> None:
    """The contacts per month as they would be counted without schema c0003."""
    with store.connect() as conn:
        conn.execute(
            text(
                "SELECT v.team_id, to_char((v.data #>> '{contact,occurred_at}')"
                "::timestamptz, 'YYYY-MM'), count(*) FROM central.debrief_versions v "
                "JOIN central.debriefs d ON d.id = v.debrief_id AND d.latest = v.version "
                "WHERE (v.data #>> '{contact,occurred_at}')::timestamptz "
                ">= :lo AND (v.data #>> '{contact,occurred_at}')::timestamptz < :hi "
                "GROUP BY 1, 2"
            ),
            {"lo": datetime(YEAR, 1, 1), "hi": datetime(YEAR + 1, 1, 1)},
        ).all()


def _measure(store: Store, runs: int) -> dict[str, Any]:
    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)

    def timed(fn: Callable[[], object]) -> list[float]:
        out = []
        for _ in range(runs):
            began = time.perf_counter()
            fn()
            out.append(time.perf_counter() - began)
        return out

    def figures(**kw: Any) -> Any:
        return management.figures(store, first=first, last=last, **kw)

    def whole_report() -> None:
        made = figures()
        reports_management.pdf(made, language="nl")
        reports_management.as_json(made)

    made = figures()
    load_before = _loadavg()
    samples = {
        "baseline_count_versions": timed(lambda: _count_all(store)),
        "baseline_contacts_from_json": timed(lambda: _contacts_from_json(store)),
        "figures_administrator": timed(figures),
        "figures_staff_one_team_rls": timed(lambda: figures(user="bench_mi")),
        "suppress_and_pdf_only": timed(lambda: reports_management.pdf(made, language="nl")),
        "whole_report_figures_pdf_json": timed(whole_report),
    }
    out: dict[str, Any] = {"load_average": {"before": load_before, "after": _loadavg()}}
    out["timings"] = {k: summary(v) for k, v in samples.items()}
    base = out["timings"]["baseline_count_versions"]["median_ms"]
    whole = out["timings"]["whole_report_figures_pdf_json"]["median_ms"]
    out["ratio_whole_report_vs_count"] = round(whole / max(base, 0.001), 2)
    out["report_pdf_bytes"] = len(reports_management.pdf(made, language="en"))
    with store.connect() as conn:
        out["database_mb"] = round(
            conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 1e6
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=1_000_000)
    parser.add_argument("--payments", type=int, default=50_000)
    parser.add_argument("--matches", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veldboek-mi-bench-"))
    tmp.chmod(0o711)
    root = tmp / "central"
    results: dict[str, Any] = {"debriefs": args.debriefs, "cpus": os.cpu_count()}
    try:
        store = _open(root)
        results |= _generate(store, args.debriefs, args.payments, args.matches, random.Random(20))
        results |= _measure(store, args.runs)
        store.close()
    finally:
        embedded.stop(root, mode="immediate")
        shutil.rmtree(tmp, ignore_errors=True)
    whole = results["timings"]["whole_report_figures_pdf_json"]
    goals = {
        "whole_report_for_a_year_s": {
            "target": "< 5 (median; p95 beside)",
            "met": whole["median_ms"] < 5_000,
            "p95_met": whole["p95_ms"] < 5_000,
        }
    }
    write_results("central_management", results, goals)


if __name__ == "__main__":
    main()
