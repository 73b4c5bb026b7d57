"""Backup and restore with PostgreSQL's own tools (docs/central.md): a store
restored from a ``pg_dump`` gives the same ``status`` and the same search."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.central import place as places
from app.central.cluster import binaries
from app.central.place import Place
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _pg(tool: str, url: str, *args: str) -> None:
    parsed = make_url(url)
    env = dict(os.environ, PGPASSWORD=parsed.password or "")
    subprocess.run(
        [binaries.tool(tool), "-h", str(parsed.query["host"]), "-p", str(parsed.query["port"]),
         "-U", str(parsed.username), *args],
        env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip


def test_a_restored_dump_gives_the_same_status_and_search(
    capsys: pytest.CaptureFixture[str],
    central_cluster: Cluster,
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    assert central_place.url is not None
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    db = ("--db", central_place.url)
    files = [*fleet.noord.files[::2], *fleet.zuid.files]
    assert (
        run(
            capsys, "central", "ingest", *map(str, files), *db, "--passphrase-file", str(passfile)
        ).code
        == 0
    )
    assert (
        run(capsys, "central", "grant", "--team", "Noord", "--user", "restore_reader", *db).code
        == 0
    )
    dump = tmp_path / "central.dump"
    name = make_url(central_place.url).database
    assert name is not None
    _pg("pg_dump", central_place.url, "-Fc", "-f", str(dump), name)

    restored_name = f"r_{uuid.uuid4().hex[:16]}"
    admin = places.engine(Place(url=central_cluster.admin_url))
    try:
        with admin.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f'CREATE DATABASE "{restored_name}" TEMPLATE template0')
            )
        restored = central_cluster.url(restored_name)
        _pg("pg_restore", restored, "-d", restored_name, str(dump))
        rdb = ("--db", restored)
        before = run(capsys, "central", "status", *db, "--json")
        after = run(capsys, "central", "status", *rdb, "--json")
        assert after.code == 0, after.err
        assert json.loads(after.out) == json.loads(before.out)
        query = (
            "central",
            "search",
            "narrative",
            "--user",
            "restore_reader",
            "--reason",
            "r",
            "--json",
        )
        assert json.loads(run(capsys, *query, *rdb).out) == json.loads(run(capsys, *query, *db).out)
        assert run(capsys, "central", "log", "verify", *rdb).code == 0
        assert (
            run(capsys, "central", "keys", "show", *rdb).out
            == run(capsys, "central", "keys", "show", *db).out
        )
    finally:
        with admin.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)')
            )
        admin.dispose()
