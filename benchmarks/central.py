"""The central system at unit scale: a store of 1,000 runners in 50 teams holding
``--sizes`` debriefs (generated straight into PostgreSQL with COPY), then real
packages on top, from runners' vaults (the demo generator made export-ready as in
benchmarks/packages.py), ingested by the project's own code.

Measured at each size (100,000 then 1,000,000 by default):

1. generation: COPY of the debrief versions (with their generated Dutch+English
   full-text column and its GIN index) in rows per second;
2. ingest of one 10,000-debrief package (``central ingest``'s code, in-process;
   goal < 2 s), and its peak memory as a separate ``veldboek central ingest``
   process (goal < 300 MB);
3. search p95 per team, as a staff role under row-level security, with the access
   log written per read (goal < 100 ms), against the same query as the
   administrator with a plain ``team_id =`` filter and no log: the ratio is RLS's
   (and the log's) cost;
4. sustained ingest with 4 worker processes, each taking its own runner's packages
   (goal >= 20,000 debriefs/s; on 2 cores at least 10,000 per core).

The cluster is a throwaway one made by ``central init``'s code with a light KDF
(the unlock is not measured). Run: ``python -m benchmarks.central [--sizes
100000,1000000] [--package-debriefs 10000] [--worker-debriefs 2500] [--queries 60]``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.central import access, central_keys, ingest, reading, setup, teams
from app.central.cluster import embedded
from app.central.place import Place
from app.central.store import Store
from app.crypto import age, signing
from app.crypto.kdf import KdfParams
from app.domain.enums import PeerRole, Role
from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.exchange import keys, packages
from app.vault.vault import Vault
from benchmarks.common import summary, write_results
from benchmarks.packages import _export_ready, _introduce, _new_vault

PASSPHRASE = "benchmark central passphrase"
TEAMS, RUNNERS = 50, 1000
WORDS = (
    "woning",
    "woningen",
    "kade",
    "haven",
    "bestelbus",
    "loods",
    "transport",
    "zending",
    "contact",
    "ontmoeting",
    "harbour",
    "shipment",
    "van",
    "warehouse",
    "meeting",
    "payment",
    "garage",
    "courier",
    "storage",
    "route",
    "vergadering",
    "betaling",
    "opslag",
    "koerier",
    "garage",
    "route",
    "nacht",
    "ochtend",
    "auto",
    "schip",
)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _copy(store: Store, sql: str, rows: Any) -> None:
    with store.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def make_unit(store: Store) -> list[tuple[int, str]]:
    """50 teams, 1,000 runners (keys of their own), 10 sources each; (team, fp) per runner."""
    runners: list[tuple[int, str]] = []
    with store.begin() as conn:
        for t in range(TEAMS):
            conn.execute(
                text("INSERT INTO central.teams (name) VALUES (:n)"), {"n": f"Team {t:02d}"}
            )
        ids = list(conn.execute(text("SELECT id FROM central.teams ORDER BY id")).scalars())
    rows = []
    for r in range(RUNNERS):
        sk, seed = signing.new_signing_key(), age.new_identity()
        sp, rp = signing.signing_public(sk), age.public_key(seed)
        fp = signing.fingerprint(sp, rp)
        team = ids[r % TEAMS]
        runners.append((team, fp.hex))
        rows.append((fp.hex, team, "runner", f"Runner {r}", sp, rp, fp.spoken, "bench"))
    _copy(
        store,
        "COPY central.senders (fingerprint, team_id, role, name, signing_public, "
        "recipient_public, spoken, added_by) FROM STDIN",
        rows,
    )
    return runners


# A debrief's status and record JSON for its id and day (benchmarks/central_management.py
# gives real ones; the search benchmark needs none).
DebriefData = Callable[[random.Random, str, str], tuple[str, str]]


def _no_data(_rng: random.Random, _did: str, _day: str) -> tuple[str, str]:
    return "submitted", "{}"


def grow(
    store: Store,
    runners: list[tuple[int, str]],
    count: int,
    batch: int,
    rng: random.Random,
    *,
    data: DebriefData = _no_data,
    words: int = 60,
) -> float:
    """``count`` more debriefs (one package row per runner per batch); COPY seconds.
    ``data`` makes each one's status and JSON; ``words``: the searchable text's length."""
    seconds = 0.0
    done = 0
    while done < count:
        n = min(100_000, count - done)
        per_runner = max(1, n // RUNNERS)
        pkgs, sources, debriefs, versions = [], [], [], []
        for r, (team, fp) in enumerate(runners):
            pid, sid = str(uuid.uuid4()), str(uuid.uuid4())
            pkgs.append(
                (
                    pid,
                    uuid.uuid4().hex * 2,
                    team,
                    fp,
                    fp,
                    batch,
                    "",
                    "debriefs",
                    "2026-12-01T00:00:00Z",
                    "bench",
                    1,
                    per_runner,
                    0,
                    "new",
                    "{}",
                )
            )
            sources.append(
                (sid, team, fp, sid, "c", f"BRON-{batch}-{r}", "informant", "active", pid, pid)
            )
            for _ in range(per_runner):
                did = str(uuid.uuid4())
                day = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T12:00:00Z"
                debriefs.append((did, team, fp, sid, 1, day))
                status, record = data(rng, did, day)
                versions.append(
                    (did, 1, team, sid, pid, "0" * 64, status, day, record, _text(rng, words))
                )
        started = time.perf_counter()
        _copy(
            store,
            "COPY central.packages (id, sha256, team_id, sender, channel, sequence, "
            "previous, kind, created_at, file_name, size, records, audit_events, arrival, "
            "manifest) FROM STDIN",
            pkgs,
        )
        _copy(store, "COPY central.sources FROM STDIN", sources)
        _copy(store, "COPY central.debriefs FROM STDIN", debriefs)
        _copy(
            store,
            "COPY central.debrief_versions (debrief_id, version, team_id, source_id, "
            "package_id, sha256, status, updated_at, data, body) FROM STDIN",
            versions,
        )
        seconds += time.perf_counter() - started
        done += len(versions)
        batch += 1
    with store.begin() as conn:
        conn.execute(text("ANALYZE"))
    return seconds


def runner_packages(
    folder: Path, central: keys.KeyBundle, name: str, sizes: list[int], seed: int
) -> tuple[keys.KeyBundle, list[Path]]:
    """A runner's vault sending packages of ``sizes`` debriefs each, sealed to central."""
    _new_vault(folder / name, name, Role.RUNNER)
    _new_vault(folder / f"{name}-handler", "Havik", Role.HANDLER)
    vault = Vault.open(folder / name, "benchmark passphrase long enough")
    handler = Vault.open(folder / f"{name}-handler", "benchmark passphrase long enough")
    try:
        scope = aliases.resolve_scope(vault, name)
        _introduce(vault, scope, handler, PeerRole.HANDLER, "Team handler")
        keys.add_peer(
            vault,
            scope,
            central,
            role=PeerRole.CENTRAL,
            confirmed_spoken=central.fingerprint.spoken,
        )
        files = []
        out = folder / f"{name}-out"
        out.mkdir()
        for n, size in enumerate(sizes):
            demo.generate(vault, sources=max(10, size // 250), debriefs=size, seed=seed + n)
            _export_ready(vault, scope)
            files.append(packages.export_package(vault, scope, to_dir=out, all_new=True).path)
        own = keys.read_bundle(
            keys.bundle_bytes(vault, keys.own_bundle(vault, f"Runner {name}", PeerRole.RUNNER))
        )
        return own, files
    finally:
        vault.lock()
        handler.lock()


def _worker(url: str, paths: list[str], start: Any, out: Any) -> None:
    store = Store(Place(url=url))
    with store.connect() as conn:
        unlocked = central_keys.unlock(conn, PASSPHRASE)
    start.wait()
    began = time.perf_counter()
    debriefs = sum(ingest.ingest_file(store, unlocked, Path(p)).records for p in paths)
    out.put((time.perf_counter() - began, debriefs))
    store.close()


def sustained(url: str, groups: list[list[Path]]) -> dict[str, Any]:
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Barrier(len(groups) + 1), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, [str(p) for p in g], start, out)) for g in groups
    ]
    for p in procs:
        p.start()
    start.wait()
    began = time.perf_counter()
    results = [out.get(timeout=900) for _ in procs]
    wall = time.perf_counter() - began
    for p in procs:
        p.join()
    debriefs = sum(r[1] for r in results)
    return {
        "workers": len(groups),
        "debriefs": debriefs,
        "wall_s": round(wall, 2),
        "debriefs_per_s": round(debriefs / wall),
        "per_core": round(debriefs / wall / (os.cpu_count() or 1)),
    }


SEARCH_SQL = """
    WITH q AS MATERIALIZED (SELECT (websearch_to_tsquery('pg_catalog.dutch', :q)
                                    || websearch_to_tsquery('pg_catalog.english', :q)) AS query),
    window_ AS (
        SELECT v.debrief_id, v.version, v.team_id, v.updated_at, v.search
        FROM central.debrief_versions v
        WHERE v.search @@ (SELECT query FROM q) {team}
        ORDER BY v.updated_at DESC LIMIT 1000
    )
    SELECT w.debrief_id, ts_rank(w.search, (SELECT query FROM q)) FROM window_ w
    JOIN central.debriefs d ON d.id = w.debrief_id AND d.latest = w.version
    ORDER BY w.updated_at DESC LIMIT 50
"""


def search_p95(
    store: Store, team_names: list[str], queries: int, rng: random.Random
) -> dict[str, Any]:
    """The search command as a staff role (row-level security, access log entry
    per read); the same SQL as that role without the log; and the same SQL as the
    administrator with a plain ``team_id =`` filter (no RLS, no log)."""
    with store.connect() as conn:
        ids: dict[str, object] = dict(
            conn.execute(text("SELECT name, id FROM central.teams")).tuples().all()
        )
    command, rls_only, plain = [], [], []
    for n in range(queries):
        team = team_names[n % len(team_names)]
        user = f"bench_{team_names.index(team)}"
        words = rng.choice(WORDS)
        started = time.perf_counter()
        reading.search(store, words, user=user, why="benchmark", limit=50)
        command.append(time.perf_counter() - started)
        started = time.perf_counter()
        with store.begin() as conn:
            conn.execute(text(f'SET LOCAL ROLE "{user}"'))
            conn.execute(text(SEARCH_SQL.format(team="")), {"q": words}).all()
        rls_only.append(time.perf_counter() - started)
        started = time.perf_counter()
        with store.connect() as conn:
            sql = SEARCH_SQL.format(team="AND v.team_id = :team")
            conn.execute(text(sql), {"q": words, "team": ids[team]}).all()
        plain.append(time.perf_counter() - started)
    a, r, b = summary(command), summary(rls_only), summary(plain)
    return {
        "command_rls_and_log": a,
        "same_sql_rls": r,
        "same_sql_plain_filter": b,
        "ratio_p95_rls_vs_plain": round(r["p95_ms"] / max(b["p95_ms"], 0.001), 2),
        "ratio_p95_command_vs_plain": round(a["p95_ms"] / max(b["p95_ms"], 0.001), 2),
    }


def ingest_memory(url: str, path: Path, passfile: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "central",
            "ingest",
            str(path),
            "--db",
            url,
            "--passphrase-file",
            str(passfile),
        ],
        check=True,
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1])),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(before, after) / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--package-debriefs", type=int, default=10_000)
    parser.add_argument("--worker-debriefs", type=int, default=2_500)
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(19)
    tmp = Path(tempfile.mkdtemp(prefix="veldboek-central-bench-"))
    tmp.chmod(0o711)
    root = tmp / "central"
    results: dict[str, Any] = {
        "teams": TEAMS,
        "runners": RUNNERS,
        "cpus": os.cpu_count(),
        "sizes": {},
    }
    try:
        created = setup.init_embedded(
            root, PASSPHRASE, KdfParams(1024, 1, 1, b"0" * 16), name="Central"
        )
        central = keys.read_bundle(created.keys.bundle)
        from app.central import place as places

        doc = places.layout(root)
        password = (root / places.SECRET).read_text().strip()
        url = (
            f"postgresql://{doc['admin']}:{password}@/{doc['database']}"
            f"?host={embedded.Layout(root).socket_dir}&port={doc['port']}"
        )
        store = Store(Place(url=url))
        passfile = tmp / "pass"
        passfile.write_text(PASSPHRASE)

        started = time.perf_counter()
        big_runner, big = runner_packages(
            tmp, central, "Valk", [args.package_debriefs] * len(sizes), 7
        )
        workers = [
            runner_packages(tmp, central, f"W{n}", [args.worker_debriefs] * 2, 100 + 10 * n)
            for n in range(4)
        ]
        results["packages_made_s"] = round(time.perf_counter() - started, 1)

        unit = make_unit(store)
        with store.begin() as conn:
            for bundle in (big_runner, *(w[0] for w in workers)):
                teams.register(
                    conn,
                    bundle,
                    role=PeerRole.RUNNER,
                    team="Team 00",
                    confirmed_spoken=bundle.fingerprint.spoken,
                    by="bench",
                )
            names = list(
                conn.execute(text("SELECT name FROM central.teams ORDER BY id")).scalars()
            )[:TEAMS]
            for n, team in enumerate(names):
                access.grant(conn, team=team, user=f"bench_{n}", by="bench")
        with store.connect() as conn:
            unlocked = central_keys.unlock(conn, PASSPHRASE)

        have, batch = 0, 1
        for n, size in enumerate(sizes):
            copy_s = grow(store, unit, size - have, batch, rng)
            batch += 1 + (size - have) // 100_000
            have = size
            row: dict[str, Any] = {
                "copy_s": round(copy_s, 1),
                "copy_rows_per_s": round((size - (sizes[n - 1] if n else 0)) / copy_s),
            }
            started = time.perf_counter()
            stored = ingest.ingest_file(store, unlocked, big[n])
            row["ingest_10k_package_s"] = round(time.perf_counter() - started, 3)
            row["ingest_10k_package_debriefs"] = stored.records
            row["search"] = search_p95(store, names, args.queries, rng)
            with store.connect() as conn:
                row["database_mb"] = round(
                    conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
                    / 1e6
                )
            results["sizes"][str(size)] = row
        results["ingest_worker_peak_rss_mb"] = ingest_memory(url, workers[0][1][0], passfile)
        results["sustained"] = sustained(
            url, [w[1][1:] if i == 0 else w[1] for i, w in enumerate(workers)]
        )
        store.close()
    finally:
        embedded.stop(root, mode="immediate")
        shutil.rmtree(tmp, ignore_errors=True)
    last = results["sizes"][str(sizes[-1])]
    cores = os.cpu_count() or 1
    goals = {
        "ingest_10k_package_s": {"target": "< 2", "met": last["ingest_10k_package_s"] < 2},
        "search_p95_ms": {
            "target": "< 100",
            "met": last["search"]["command_rls_and_log"]["p95_ms"] < 100,
        },
        "sustained_debriefs_per_s": {
            "target": ">= 20000, or >= 10000 per core where the cores bound it",
            "met": results["sustained"]["debriefs_per_s"] >= min(20_000, 10_000 * cores),
        },
        "ingest_worker_peak_rss_mb": {
            "target": "< 300",
            "met": results["ingest_worker_peak_rss_mb"] < 300,
        },
    }
    write_results("central", results, goals)


if __name__ == "__main__":
    main()
