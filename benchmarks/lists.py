"""List, search and memory benchmarks at 100,000 debriefs (issue 4).

- Debrief list first paint: from asking the debriefs page to load until its
  table has painted its first screen (goal < 150 ms).
- Full-text search p95 over a mix of common and rare queries, scoped to an alias
  that sees every file (goal < 50 ms, and at most 1.3 x the same SQL on a plain
  SQLite copy of the same data built by the same code in the same run).
- Resident memory of a process with the main window open on the debrief list
  (goal < 300 MB), measured in a child process so nothing else is counted.

Run: ``python -m benchmarks.lists [--debriefs N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from app.services import aliases, demo, search
from app.services.search import _SEARCH_SQL, fts_query
from app.vault.vault import Vault
from benchmarks.common import p95, summary, write_results
from benchmarks.vault import PASSPHRASE, PlainVault, _fast_vault

QUERIES = (
    "cocaine",
    "cash",
    "Sprinter",
    "storage unit",
    "weapons stash",
    "Noord crew",
    "marina",
    "shisha lounge",
    "debt dispute",
    "young couriers",
    "Audi",
    "scooter",
    "Bakker",
    "Özdemir",
    "Joëlle",
    "El Amrani",
    "firearms precursor",
    "port shipment",
    "nervous",
    "abroad incident",
    "car wash",
    "Transporter",
    "Hoek",
    "Oost group",
    "cleaning company",
    "supply route",
    "intimidation",
    "stolen phones",
    "weekend",
    "Lelystad",
    "truck stop",
    "garage box",
    "barber",
    "Range Rover",
    "RAV4",
)
RUNS = 5

CHILD = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import psutil
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.services import aliases, vaults
from app.ui.main_window import MainWindow
from app.ui.lock import LockController
from app.ui.clipboard import ClipboardGuard
from app.ui.session import AppSession
from app.ui.workers import TaskRunner
from app.ui.pages.debriefs import DebriefsPage

app = QApplication([])
vault = vaults.unlock(Path(sys.argv[1]), sys.argv[2])
session = AppSession(vault, aliases.resolve_scope(vault, "Havik"))
lock = LockController(ClipboardGuard())
lock.attach(session)
window = MainWindow(session, lock, TaskRunner())
window.show()
app.processEvents()
page = window.page(DebriefsPage)
window.nav.blockSignals(True)
window.nav.setCurrentRow(window.pages.index(page))
window.stack.setCurrentWidget(page)
app.processEvents()
samples = []
for _ in range(7):
    start = time.perf_counter()
    page.reload()
    page.table.viewport().repaint()  # synchronous paint of the first screen
    samples.append(time.perf_counter() - start)
# Scroll through 10,000 rows as a user would, then measure memory.
for _ in range(60):
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
    app.processEvents()
rows = page.model.rowCount()
rss = psutil.Process().memory_info().rss
print(json.dumps({"first_paint_s": samples, "rss_bytes": rss, "rows_loaded": rows,
                  "cached_rows": page.model.cached_rows}))
lock.lock("benchmark")
"""


def _search_times(session_factory: object, alias_id: str) -> list[float]:
    times = []
    for _ in range(RUNS):
        for query in QUERIES:
            with session_factory() as session:  # type: ignore[operator]
                start = time.perf_counter()
                session.execute(
                    _SEARCH_SQL, {"query": fts_query(query), "alias": alias_id, "limit": 50}
                ).all()
                times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=100_000)
    args = parser.parse_args()
    sources = max(10, args.debriefs // 500)
    with tempfile.TemporaryDirectory(prefix="veldboek-bench-") as tmp_name:
        tmp = Path(tmp_name)
        root = tmp / "cipher"
        _fast_vault(root)
        with Vault.open(root, PASSPHRASE) as vault:
            demo.generate(vault, sources=sources, debriefs=args.debriefs, seed=11)
            identity_public = vault.identity_public
        plain = PlainVault(tmp / "plain.db", identity_public)
        demo.generate(plain, sources=sources, debriefs=args.debriefs, seed=11)  # type: ignore[arg-type]

        with Vault.open(root, PASSPHRASE) as vault:
            scope = aliases.resolve_scope(vault, "Havik")
            # Warm both caches the same way, then measure through the service.
            _search_times(vault.read, scope.alias_id.hex)
            service_times = []
            for _ in range(RUNS):
                for query in QUERIES:
                    start = time.perf_counter()
                    search.search(vault, scope, query)
                    service_times.append(time.perf_counter() - start)
            cipher_sql = _search_times(vault.read, scope.alias_id.hex)

        with Session(plain.engine()) as session:
            from sqlalchemy import text

            havik_plain = session.execute(
                text("SELECT id FROM alias WHERE name = 'Havik'")
            ).scalar_one()
        _search_times(lambda: Session(plain.engine()), havik_plain)
        plain_sql = _search_times(lambda: Session(plain.engine()), havik_plain)
        plain.engine().dispose()

        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(root), PASSPHRASE],
            capture_output=True,
            text=True,
            timeout=600,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        if child.returncode != 0:
            raise SystemExit(child.stderr[-3000:])
        gui = json.loads(child.stdout.strip().splitlines()[-1])

    first_paint = summary(gui["first_paint_s"])
    ratio = p95(cipher_sql) / p95(plain_sql)
    results = {
        "debriefs": args.debriefs,
        "first_paint": first_paint,
        "search_service": summary(service_times),
        "search_sql_sqlcipher": summary(cipher_sql),
        "search_sql_plain_sqlite": summary(plain_sql),
        "search_p95_sqlcipher_over_sqlite": round(ratio, 3),
        "rss_mb_main_window_open": round(gui["rss_bytes"] / 2**20, 1),
        "rows_paged_in_after_scrolling": gui["rows_loaded"],
        "rows_held_in_cache": gui["cached_rows"],
        "queries": len(QUERIES),
        "runs_per_query": RUNS,
    }
    goals = {
        "first_paint_median_ms": {"target": "< 150", "met": first_paint["median_ms"] < 150},
        "search_p95_ms": {
            "target": "< 50",
            "met": summary(service_times)["p95_ms"] < 50,
        },
        "search_p95_ratio": {"target": "<= 1.3", "met": ratio <= 1.3},
        "rss_mb": {"target": "< 300", "met": gui["rss_bytes"] / 2**20 < 300},
    }
    write_results("lists", results, goals)


if __name__ == "__main__":
    main()
