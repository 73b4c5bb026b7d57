"""Memory of reading a package: ``package inspect``, ``verify`` and ``import`` of a
~200 MB package, each in a process of its own, as a user runs them.

The package carries debriefs with large attachments (random bytes, as photos are:
they do not compress), made by the real export. Each command runs through the CLI
(``app.cli.main``) in a fresh Python process, twice: once plain, for the process's
peak resident memory (``VmHWM``), and once under ``tracemalloc``, for the peak
of what Python allocated (bytes objects, parsed JSON; not SQLite's page cache).
The baseline, measured in the same run, is the same command on a package of one
small debrief: what the process costs whatever the package. Reported per command:
the peaks, the peak above the baseline, and that excess as a multiple of the
package file's size.

``--before DIR`` runs the same commands on the same files with another checkout of
Veldboek (e.g. ``git worktree add /tmp/old main``): a before-and-after in one run.

Run: ``python -m benchmarks.package_memory [--megabytes 200] [--before DIR] [--work DIR]
[--commands inspect verify import]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.crypto.kdf import KdfParams
from app.domain.enums import PeerRole, Role
from app.services.admin import aliases
from app.services.exchange import keys, packages
from app.services.records import attachments, debriefs, sources
from app.services.records.debriefs import DebriefContent, ItemDraft
from app.vault.vault import Vault, create_vault
from benchmarks.common import write_results

PASSPHRASE = "benchmark passphrase long enough"
RUNNER, HANDLER = "Valk", "Havik"
ROOT = Path(__file__).resolve().parent.parent
FILE_BYTES = 18 * 1024 * 1024  # per attachment: under the 25 MB cap, 24 MB as base64
FILES_PER_DEBRIEF = 4
# Goals: inspect reads the header only; verify holds the decrypted container and
# one attached file at a time; import adds the compressed copy it keeps and the
# files SQLite's page cache holds until the commit (``engine.bulk_cache``).
GOAL_INSPECT_EXTRA_MB = 8
GOAL_VERIFY_RATIO = 1.5
GOAL_IMPORT_RATIO = 3.0

# Run in the child: the CLI in-process, then its peaks written as JSON.
CHILD = """
import json, sys, tracemalloc
mode, out, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
if mode == "trace":
    tracemalloc.start()
from app.cli import main
start = __import__("time").perf_counter()
code = main(argv)
seconds = __import__("time").perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if mode == "trace" else None
# VmHWM, not ru_maxrss: Linux carries a parent's peak into ru_maxrss across exec.
with open("/proc/self/status") as status:
    hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
with open(out, "w") as handle:
    json.dump({"exit": code, "seconds": seconds, "tracemalloc_peak": peak,
               "max_rss_kib": hwm}, handle)
"""


def _new_vault(root: Path, alias: str, role: Role) -> None:
    create_vault(
        root, PASSPHRASE, alias_name=alias, role=role, kdf=KdfParams(1024, 1, 1, b"0" * 16)
    )


def _introduce(a: Vault, b: Vault, role_of_b: PeerRole, name: str) -> None:
    bundle = keys.read_bundle(keys.bundle_bytes(b, keys.own_bundle(b, name, role_of_b)))
    scope = aliases.default_scope(a)
    keys.add_peer(a, scope, bundle, role=role_of_b, confirmed_spoken=bundle.fingerprint.spoken)


def _debrief(vault: Vault, source: Any, n: int, files: int, file_bytes: int) -> None:
    scope = aliases.resolve_scope(vault, RUNNER)
    debrief = debriefs.create_draft(vault, scope, source)
    debriefs.save_draft(
        vault,
        scope,
        debrief,
        DebriefContent(
            narrative=f"Meeting {n}: the source handed over photos of documents.",
            critical_reflection="Source may overstate his own role.",
        ),
    )
    debriefs.add_item(
        vault,
        scope,
        debrief,
        ItemDraft(
            "Subject A stores goods at the garage.",
            sanitised_text="Goods are reportedly stored at a garage.",
            source_evaluation="2",
            intelligence_assessment="B",
            handling_code="P",
        ),
    )
    for f in range(files):
        attachments.add_attachment(
            vault, scope, debrief, f"foto-{n}-{f}.jpg", os.urandom(file_bytes)
        )
    debriefs.submit(vault, scope, debrief)


def _package(tmp: Path, name: str, debriefs_count: int, files: int, file_bytes: int = 0) -> Path:
    """A runner's package to the handler (whose vault is ``tmp/handler``)."""
    runner_root = tmp / f"runner-{name}"
    _new_vault(runner_root, RUNNER, Role.RUNNER)
    runner = Vault.open(runner_root, PASSPHRASE)
    handler = Vault.open(tmp / "handler", PASSPHRASE)
    try:
        _introduce(runner, handler, PeerRole.HANDLER, "Team handler")
        _introduce(handler, runner, PeerRole.RUNNER, f"Runner {name}")
        scope = aliases.resolve_scope(runner, RUNNER)
        source = sources.create_source(runner, scope, sources.SourceDraft(codename="MEREL"))
        for n in range(debriefs_count):
            _debrief(runner, source, n, files, file_bytes)
        out = tmp / f"out-{name}"
        out.mkdir()
        result = packages.export_package(runner, scope, to_dir=out, all_new=True)
    finally:
        runner.lock()
        handler.lock()
    shutil.rmtree(runner_root)
    return result.path


def _run(tree: Path, tmp: Path, mode: str, argv: list[str]) -> dict[str, Any]:
    out = tmp / "child.json"
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(out), *argv],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"{argv[:2]} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(out.read_text())
    out.unlink()
    if result["exit"] != 0:
        raise SystemExit(f"{argv[:2]} exited {result['exit']}: {done.stderr[-2000:]}")
    return result


def _measure(tree: Path, tmp: Path, command: str, package: Path) -> dict[str, Any]:
    """Peak RSS (plain run) and tracemalloc peak (traced run) of one command."""
    passphrase = tmp / "passphrase.txt"
    peaks = {}
    for mode in ("plain", "trace"):
        argv = ["package", command, str(package)]
        vault = tmp / "handler-run"
        if command != "inspect":
            shutil.rmtree(vault, ignore_errors=True)
            shutil.copytree(tmp / "handler", vault)  # import changes it: a fresh copy each time
            argv += ["--vault", str(vault), "--passphrase-file", str(passphrase)]
        peaks[mode] = _run(tree, tmp, mode, argv)
        shutil.rmtree(vault, ignore_errors=True)
    return {
        "max_rss_mb": round(peaks["plain"]["max_rss_kib"] / 1024, 1),
        "tracemalloc_peak_mb": round(peaks["trace"]["tracemalloc_peak"] / 2**20, 1),
        "seconds": round(peaks["plain"]["seconds"], 2),
    }


COMMANDS = ("inspect", "verify", "import")


def measure_tree(
    tree: Path, tmp: Path, big: Path, small: Path, commands: list[str]
) -> dict[str, Any]:
    size_mb = big.stat().st_size / 2**20
    out: dict[str, Any] = {}
    for command in commands:
        base = _measure(tree, tmp, command, small)
        peak = _measure(tree, tmp, command, big)
        extra_rss = peak["max_rss_mb"] - base["max_rss_mb"]
        extra_traced = peak["tracemalloc_peak_mb"] - base["tracemalloc_peak_mb"]
        out[command] = {
            "baseline_small_package": base,
            "large_package": peak,
            "rss_above_baseline_mb": round(extra_rss, 1),
            "rss_above_baseline_per_package_byte": round(extra_rss / size_mb, 2),
            "traced_above_baseline_mb": round(extra_traced, 1),
            "traced_above_baseline_per_package_byte": round(extra_traced / size_mb, 2),
        }
    return out


def _prepared(tmp: Path, megabytes: int) -> tuple[Path, Path, dict[str, Any]]:
    """The handler's vault and the two packages, built once per folder: a second
    run with the same ``--work`` folder measures the same files again."""
    made = tmp / "prepared.json"
    if made.exists():
        facts: dict[str, Any] = json.loads(made.read_text())
        if facts["megabytes"] == megabytes:
            return Path(facts["large"]), Path(facts["small"]), facts["built"]
    for old in tmp.iterdir():
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    # Files of 18 MB, fewer and smaller for a small package (the benchmarks' smoke test).
    file_bytes = min(FILE_BYTES, megabytes * 2**20 * 3 // 4 // FILES_PER_DEBRIEF)
    per_debrief = FILES_PER_DEBRIEF * file_bytes * 4 / 3 / 2**20
    count = max(1, round(megabytes / per_debrief))
    (tmp / "passphrase.txt").write_text(PASSPHRASE + "\n")
    _new_vault(tmp / "handler", HANDLER, Role.HANDLER)
    start = time.perf_counter()
    small = _package(tmp, "small", 1, 0)
    big = _package(tmp, "large", count, FILES_PER_DEBRIEF, file_bytes)
    built = {
        "package_bytes": big.stat().st_size,
        "package_mb": round(big.stat().st_size / 2**20, 1),
        "debriefs": count,
        "attachments": count * FILES_PER_DEBRIEF,
        "attachment_bytes": file_bytes,
        "small_package_bytes": small.stat().st_size,
        "build_seconds": round(time.perf_counter() - start, 1),
    }
    made.write_text(
        json.dumps({"megabytes": megabytes, "large": str(big), "small": str(small), "built": built})
    )
    return big, small, built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=200, help="size of the large package")
    parser.add_argument("--before", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--work", type=Path, help="keep the vault and packages here for reruns")
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="veldboek-bench-") as tmp_name:
        tmp = args.work.resolve() if args.work else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        big, small, built = _prepared(tmp, args.megabytes)
        results: dict[str, Any] = {
            **built,
            "this_tree": measure_tree(ROOT, tmp, big, small, args.commands),
        }
        if args.before is not None:
            before = args.before.resolve()
            results["before"] = measure_tree(before, tmp, big, small, args.commands)
    now = results["this_tree"]
    goals: dict[str, Any] = {}
    if "inspect" in now:
        extra = now["inspect"]["rss_above_baseline_mb"]
        goals["inspect_rss_above_baseline_mb"] = {
            "target": f"< {GOAL_INSPECT_EXTRA_MB}",
            "met": extra < GOAL_INSPECT_EXTRA_MB,
        }
    for command, goal in (("verify", GOAL_VERIFY_RATIO), ("import", GOAL_IMPORT_RATIO)):
        if command in now:
            ratio = now[command]["rss_above_baseline_per_package_byte"]
            goals[f"{command}_rss_above_baseline_per_package_byte"] = {
                "target": f"<= {goal}",
                "met": ratio <= goal,
            }
    write_results("package_memory", results, goals)


if __name__ == "__main__":
    main()
