"""Every benchmark still runs (tiny sizes, results to a scratch folder): they are
not part of the test suite's timing, but a broken one must not go unnoticed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Every part of each benchmark runs (every measured part, its child processes, the
# goals, the JSON), with tiny data and one repetition each.
CASES = {
    "vault": [
        "--debriefs", "100", "--repeats", "1", "--memsec-debriefs", "20", "--unlock-runs", "1",
    ],
    "lists": [
        "--debriefs", "200", "--runs", "1", "--queries", "2", "--paints", "1",
        "--click-paints", "1",
    ],
    "reports": ["--debriefs", "3", "--bulk-debriefs", "10", "--runs", "1"],
    "packages": ["--debriefs", "20", "--runs", "1"],
    "unlock_scan": ["--debriefs", "100", "--runs", "1"],
    "package_memory": ["--megabytes", "1", "--commands", "import"],
    "central_management": [
        "--debriefs", "1000", "--payments", "20", "--matches", "20", "--runs", "1",
    ],
    "central": [
        "--sizes", "1000", "--package-debriefs", "20", "--worker-debriefs", "10",
        "--queries", "2", "--workers", "1", "--no-settle",
    ],
    "deconfliction": ["--tokens", "5000", "--evaluations", "1", "--hmacs", "1000"],
}  # fmt: skip


@pytest.fixture
def scratch() -> Iterator[dict[str, str]]:
    """The benchmarks' temporary folders in RAM where there is a tmpfs: initdb, the
    vaults' first commits and PostgreSQL's writes wait on the disk's syncs otherwise,
    which is most of a tiny run (the code run is the same)."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK | os.X_OK)):
        yield {}
        return
    folder = Path(tempfile.mkdtemp(prefix="veldboek-bench-smoke-", dir=shm))
    folder.chmod(0o711)  # the central benchmarks' PostgreSQL user must pass through
    try:
        yield {"TMPDIR": str(folder)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_benchmark_runs_and_writes_its_results(
    name: str, tmp_path: Path, scratch: dict[str, str]
) -> None:
    env = dict(
        os.environ,
        **scratch,
        VELDBOEK_BENCH_RESULTS=str(tmp_path),
        VELDBOEK_BENCH_REFERENCE="tiny",  # the machine's reference figures, tiny as well
        QT_QPA_PLATFORM="offscreen",
    )
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
    assert doc["machine"]["reference_work"].startswith("tiny")
    assert doc["results"]
    assert doc["goals"]
    assert all("met" in goal for goal in doc["goals"].values())
