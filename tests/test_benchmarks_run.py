"""Every benchmark still runs (tiny sizes, results to a scratch folder): they are
not part of the test suite's timing, but a broken one must not go unnoticed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "vault": ["--debriefs", "300", "--repeats", "1"],
    "lists": ["--debriefs", "400", "--runs", "1"],
    "reports": ["--debriefs", "3", "--bulk-debriefs", "20"],
    "packages": ["--debriefs", "60", "--runs", "1"],
    "unlock_scan": ["--debriefs", "300"],
    "package_memory": ["--megabytes", "2", "--commands", "verify"],
    "central_management": ["--debriefs", "2000", "--payments", "100", "--runs", "1"],
    "central": [
        "--sizes",
        "2000",
        "--package-debriefs",
        "100",
        "--worker-debriefs",
        "50",
        "--queries",
        "3",
    ],
    "deconfliction": ["--tokens", "20000", "--evaluations", "2"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_benchmark_runs_and_writes_its_results(name: str, tmp_path: Path) -> None:
    env = dict(os.environ, VELDBOEK_BENCH_RESULTS=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}", *CASES[name]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    doc = json.loads((tmp_path / f"{name}.json").read_text())
    assert doc["benchmark"] == name
    assert doc["results"]
    assert doc["goals"]
    assert all("met" in goal for goal in doc["goals"].values())
