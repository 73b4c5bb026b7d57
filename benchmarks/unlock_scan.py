"""What unlock's look for zeroed pages costs (issue 15, point 10).

Unlock reads the whole database file once for pages of 4,096 zero bytes
(``app.vault.zeroed_pages``), so that a vault with a zeroed page is refused before
anything is written to it. On the 100,000-debrief demo vault this measures:

1. the scan alone (median of several runs; the file is in the OS cache after the
   first, as it is for an unlock shortly after the last lock);
2. with ``--cold``: the scan with the OS cache dropped first, where the OS allows
   it (root on Linux; it slows everything else on the machine for a moment), which
   is the first unlock after a boot;
3. unlock time beyond the KDF, which now includes the scan (as in
   benchmarks/vault.py, same goal).

Run: ``python -m benchmarks.unlock_scan [--debriefs N] [--runs N] [--cold]`` (default
100,000 debriefs, 7 runs of the scan and of the unlock).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from app.services.demo_data import generator as demo
from app.vault.vault import Vault
from app.vault.zeroed_pages import zeroed_pages
from benchmarks.common import write_results
from benchmarks.vault import PASSPHRASE, _fast_vault, unlock_beyond_kdf

RUNS = 7


def _drop_caches() -> bool:
    if not Path("/proc/sys/vm/drop_caches").exists() or os.geteuid() != 0:
        return False
    subprocess.run(["sync"], check=False)
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def _scan_seconds(db: Path) -> float:
    start = time.perf_counter()
    assert zeroed_pages(db) == []
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=RUNS, help="of the scan and of the unlock")
    parser.add_argument("--cold", action="store_true", help="also time a scan after a cache drop")
    args = parser.parse_args()
    runs = max(1, args.runs)
    sources = max(10, args.debriefs // 500)
    with tempfile.TemporaryDirectory(prefix="veldboek-bench-") as tmp_name:
        root = Path(tmp_name) / "vault"
        _fast_vault(root)
        with Vault.open(root, PASSPHRASE) as vault:
            demo.generate(vault, sources=sources, debriefs=args.debriefs, today=None, seed=7)
        db = root / "vault.db"
        size = db.stat().st_size
        cold = _scan_seconds(db) if args.cold and _drop_caches() else None
        warm = [_scan_seconds(db) for _ in range(runs)]
        unlock = unlock_beyond_kdf(root, runs)
    scan_ms = statistics.median(warm) * 1000
    results = {
        "debriefs": args.debriefs,
        "database_mib": round(size / 2**20, 1),
        "scan_runs": runs,
        "zeroed_page_scan_median_ms": round(scan_ms, 1),
        "zeroed_page_scan_max_ms": round(max(warm) * 1000, 1),
        "zeroed_page_scan_cold_ms": None if cold is None else round(cold * 1000, 1),
        "scan_mib_per_second": round(size / 2**20 / statistics.median(warm), 0),
        **unlock,
    }
    goals = {
        "unlock_beyond_kdf_median_ms": {
            "target": "< 200 (as benchmarks/vault.py), the scan included",
            "met": unlock["unlock_beyond_kdf_median_ms"] < 200,
        },
    }
    write_results("unlock_scan", results, goals)


if __name__ == "__main__":
    main()
