"""Ingest under faults: kill -9 at random moments leaves the store consistent with
nothing half-stored; four processes at once store each package exactly once."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import place as places
from app.central import store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers.central_fleet import Fleet

ROOT = Path(__file__).resolve().parents[2]


def _cli(place: Place, *argv: str, passfile: Path) -> list[str]:
    assert place.url is not None
    return [
        sys.executable,
        "-m",
        "app",
        "central",
        *argv,
        "--db",
        place.url,
        "--passphrase-file",
        str(passfile),
    ]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass"
    path.write_text(PASSPHRASE)
    return path


@pytest.fixture
def databases(central_cluster: Cluster) -> Iterator[list[Place]]:
    """Fresh stores made on demand (appended by ``new_store``), dropped after."""
    made: list[Place] = []
    yield made
    engine = places.engine(Place(url=central_cluster.admin_url))
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for place in made:
                name = place.url.rsplit("/", 1)[1].split("?")[0] if place.url else ""
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


def new_store(cluster: Cluster, made: list[Place], fleet: Fleet) -> Place:
    name = f"k_{uuid.uuid4().hex[:16]}"
    engine = places.engine(Place(url=cluster.admin_url))
    try:
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f'CREATE DATABASE "{name}" TEMPLATE "{cluster.template}"')
            )
    finally:
        engine.dispose()
    place = Place(url=cluster.url(name))
    made.append(place)
    fleet.register(place)
    return place


def snapshot(place: Place) -> dict[str, object]:
    """Every package stored and what it holds: its file's pieces (hashed together),
    its versions, its sources and events; and whatever points at no stored package.
    All read in one snapshot (repeatable read): an ingest committing between two of
    the queries must not look like a package half-stored."""
    with store.opened(place) as s, s.connect() as plain:
        conn = plain.execution_options(isolation_level="REPEATABLE READ")
        packages = {
            str(r[0]): (r[1], r[2], r[3])
            for r in conn.execute(text("SELECT id, sha256, size, records FROM central.packages"))
        }
        files: dict[str, hashlib._Hash] = {}
        sizes: dict[str, int] = {}
        for pid, data in conn.execute(
            text("SELECT package_id, data FROM central.package_files ORDER BY package_id, piece")
        ):
            files.setdefault(str(pid), hashlib.sha256()).update(bytes(data))
            sizes[str(pid)] = sizes.get(str(pid), 0) + len(bytes(data))
        versions = {
            str(r[0]): int(r[1])
            for r in conn.execute(
                text(
                    "SELECT package_id, count(*) FROM (SELECT package_id FROM "
                    "central.debrief_versions UNION ALL SELECT package_id FROM "
                    "central.record_versions) v GROUP BY 1"
                )
            )
        }
        orphans = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM central.debriefs d WHERE NOT EXISTS (SELECT 1 FROM "
                "central.debrief_versions v WHERE v.debrief_id = d.id AND v.version = d.latest)) + "
                "(SELECT count(*) FROM central.audit_events e WHERE e.package_id NOT IN "
                "(SELECT id FROM central.packages))"
            )
        ).scalar_one()
    for pid, (sha, size, records) in packages.items():
        assert pid in files, "a package stored without its file"
        assert files[pid].hexdigest() == sha, "a package's file half-stored"
        assert sizes[pid] == size, "a package's file half-stored"
        assert versions.get(pid, 0) == records, "a package's records half-stored"
    assert set(files) <= set(packages)
    assert set(versions) <= set(packages)
    assert orphans == 0
    return {"packages": sorted(packages), "versions": sum(versions.values())}


def _wait_for_the_moment(
    place: Place, proc: subprocess.Popen[bytes], rng: random.Random, whole: float, mid_work: bool
) -> None:
    """Any moment of the run; or (``mid_work``) a moment soon after the first
    package is stored, so that some kills surely land between two packages
    however fast this machine starts the command."""
    if not mid_work:
        time.sleep(rng.uniform(0.2, whole))
        return
    engine = places.engine(place)
    try:
        deadline = time.monotonic() + 4 * whole
        with engine.connect() as conn:
            while proc.poll() is None and time.monotonic() < deadline:
                stored = conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one()
                conn.rollback()
                if stored:
                    break
                time.sleep(0.01)
    finally:
        engine.dispose()
    time.sleep(rng.uniform(0.0, 0.05))


@pytest.mark.slow
def test_kill_minus_9_at_random_moments_leaves_nothing_half_stored(
    central_cluster: Cluster, databases: list[Place], fleet: Fleet, passfile: Path
) -> None:
    files = [*fleet.oost.files, *fleet.noord.files]
    rng = random.Random(19)
    # One whole run first: how long an ingest of these takes here, and what it stores.
    reference = new_store(central_cluster, databases, fleet)
    started = time.monotonic()
    command = _cli(reference, "ingest", *map(str, files), passfile=passfile)
    subprocess.run(command, env=_env(), check=True, capture_output=True)
    whole = time.monotonic() - started
    everything = snapshot(reference)
    assert len(everything["packages"]) == len(files)  # type: ignore[arg-type]
    partial = 0
    for trial in range(12):  # a random moment each; every fourth also ingests again
        place = new_store(central_cluster, databases, fleet)
        proc = subprocess.Popen(
            _cli(place, "ingest", *map(str, files), passfile=passfile),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_the_moment(place, proc, rng, whole, mid_work=trial % 2 == 1)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = snapshot(place)  # consistent, whatever moment the kill came
        if 0 < len(state["packages"]) < len(files):  # type: ignore[arg-type]
            partial += 1
        if trial % 4:
            continue
        # Nothing was lost either: the same files again store the rest, once.
        done = subprocess.run(
            _cli(place, "ingest", *map(str, files), "--json", passfile=passfile),
            env=_env(),
            capture_output=True,
            text=True,
        )
        again = json.loads(done.stdout)
        assert all(r["status"] == "stored" or r["reason"] == "ReplayedPackage" for r in again), (
            done.stderr
        )
        assert snapshot(place) == everything
    assert partial > 0  # the kills did land in the middle of the work


def test_four_ingest_processes_and_four_watchers_store_each_package_once(
    central_cluster: Cluster, databases: list[Place], fleet: Fleet, passfile: Path, tmp_path: Path
) -> None:
    files = [*fleet.oost.files, *fleet.noord.files, *fleet.zuid.files]
    place = new_store(central_cluster, databases, fleet)
    orders = [files, files[::-1], files[3:] + files[:3], files[1::2] + files[::2]]
    procs = [
        subprocess.Popen(
            _cli(place, "ingest", *map(str, order), "--json", passfile=passfile),
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in orders
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), err
        results += json.loads(out)
    stored = [r for r in results if r["status"] == "stored"]
    assert sorted(r["file"] for r in stored) == sorted(p.name for p in files)
    assert {r["reason"] for r in results if r["status"] == "refused"} == {"ReplayedPackage"}
    state = snapshot(place)
    assert len(state["packages"]) == len(files)  # type: ignore[arg-type]

    # One drop folder, four watchers.
    drop = tmp_path / "drop"
    drop.mkdir()
    second = new_store(central_cluster, databases, fleet)
    for path in files:
        shutil.copy(path, drop / path.name)
    watchers = [
        subprocess.Popen(
            _cli(second, "watch", str(drop), "--once", "--settle", "0.5", passfile=passfile),
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    lines = []
    for proc in watchers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        lines += out.splitlines()
    assert sorted(p.name for p in (drop / "done").iterdir()) == sorted(p.name for p in files)
    assert list((drop / "refused").iterdir()) == []
    assert len([line for line in lines if "stored package" in line]) == len(files)
    assert snapshot(second) == state


def _hold_the_second_package(place: Place, *, hold: bool) -> None:
    """A trigger of this test's own database: the second package stored waits inside
    its transaction (as a slow disk would make it), so the server always goes down
    with one package committed and one on its way, however fast the machine."""
    statements = (
        [
            "CREATE SEQUENCE central.test_stored",
            "CREATE FUNCTION central.test_hold() RETURNS trigger LANGUAGE plpgsql "
            "SECURITY DEFINER AS $$ BEGIN IF nextval('central.test_stored') > 1 THEN "
            "PERFORM pg_sleep(600); END IF; RETURN NEW; END $$",
            "CREATE TRIGGER test_hold AFTER INSERT ON central.packages "
            "FOR EACH ROW EXECUTE FUNCTION central.test_hold()",
        ]
        if hold
        else ["DROP TRIGGER test_hold ON central.packages"]
    )
    with store.opened(place) as s, s.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


@pytest.mark.slow
def test_the_database_stopping_mid_ingest_is_one_line_and_loses_nothing(
    central_cluster: Cluster, databases: list[Place], fleet: Fleet, passfile: Path, tmp_path: Path
) -> None:
    from app.central.cluster import embedded

    files = [*fleet.oost.files, *fleet.noord.files]
    place = new_store(central_cluster, databases, fleet)
    _hold_the_second_package(place, hold=True)
    proc = subprocess.Popen(
        _cli(place, "ingest", *map(str, files), passfile=passfile),
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copy(files[0], drop / files[0].name)
    try:
        # Once the first package is in, the server goes down (as in a power cut).
        deadline = time.monotonic() + 120
        while not snapshot(place)["packages"] and time.monotonic() < deadline:
            time.sleep(0.05)
        embedded.stop(central_cluster.root, mode="immediate")
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1
        assert err.count("\n") == 1
        assert "The database cannot be reached" in err
        # A watcher meanwhile: the file stays where it was, not refused.
        watch = subprocess.run(
            _cli(place, "watch", str(drop), "--once", "--settle", "0.1", passfile=passfile),
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert watch.returncode == 1
        assert watch.stderr.count("\n") == 1
    finally:
        embedded.start(central_cluster.root)
    assert (drop / files[0].name).exists()
    assert list(drop.glob("refused/*")) == []
    state = snapshot(place)  # what was committed is whole
    assert len(state["packages"]) == 1  # type: ignore[arg-type]
    _hold_the_second_package(place, hold=False)
    again = subprocess.run(
        _cli(place, "ingest", *map(str, files), "--json", passfile=passfile),
        env=_env(),
        capture_output=True,
        text=True,
    )
    assert len(snapshot(place)["packages"]) == len(files), again.stderr  # type: ignore[arg-type]
