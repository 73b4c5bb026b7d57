"""A full disk at the database server: ingest says so in one line, stores nothing
of the package it was writing, keeps what was stored before, and leaves the file
where it was (a drop folder's file is not refused: it is tried again)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import place as places
from app.central.cluster import embedded
from app.central.place import Place
from tests.central.conftest import PASSPHRASE, Cluster
from tests.central.test_central_races import ROOT, snapshot
from tests.helpers.central_fleet import Fleet

SIZE = "1200k"  # room for the first of Oost's packages (about 720 KB), not the second


@pytest.fixture
def small_disk(central_cluster: Cluster) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a small filesystem for the server needs root to mount (CI runs as root)")
    mount = Path(f"/tmp/veldboek-full-{uuid.uuid4().hex[:8]}")
    mount.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0700", "tmpfs", str(mount)], check=True
    )
    try:
        user = embedded.service_user()
        if user.uid is not None:
            os.chown(mount, user.uid, user.gid or -1)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)


def test_a_full_disk_is_one_line_and_half_stores_nothing(
    central_cluster: Cluster, fleet: Fleet, small_disk: Path, tmp_path: Path
) -> None:
    name, space = f"f_{uuid.uuid4().hex[:12]}", f"full_{uuid.uuid4().hex[:8]}"
    admin = places.engine(Place(url=central_cluster.admin_url))
    try:
        with admin.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            auto.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{central_cluster.template}"'))
            auto.execute(text(f"CREATE TABLESPACE {space} LOCATION '{small_disk}'"))
        place = Place(url=central_cluster.url(name))
        engine = places.engine(place)
        with engine.begin() as conn:  # the sealed files go to the small disk
            conn.execute(text(f"ALTER TABLE central.package_files SET TABLESPACE {space}"))
        engine.dispose()
        fleet.register(place)
        passfile = tmp_path / "pass"
        passfile.write_text(PASSPHRASE)
        assert place.url is not None
        files = fleet.oost.files[:3]
        done = subprocess.run(
            [sys.executable, "-m", "app", "central", "ingest", *map(str, files), "--db", place.url,
             "--passphrase-file", str(passfile), "--json"],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 1
        assert done.stderr == "veldboek: The database server's disk is full; nothing was stored.\n"
        state = snapshot(place)  # consistent: whole packages only
        assert len(state["packages"]) == 1  # type: ignore[arg-type]
        assert all(f.exists() for f in files)
    finally:
        with admin.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            auto.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            auto.execute(text(f"DROP TABLESPACE IF EXISTS {space}"))
        admin.dispose()
