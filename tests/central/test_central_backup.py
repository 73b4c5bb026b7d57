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
from app.central import setup
from app.central.cluster import binaries, embedded
from app.central.place import Place
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers import factory
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


def _folder_beside(cluster: Cluster, folder: Path, *, secret: str, database: str) -> Path:
    """A central system's folder reaching the session's running server (its socket
    linked), with another administrator secret or database: as after a restore."""
    folder.mkdir()
    doc = places.layout(cluster.root)
    doc["database"] = database
    (folder / places.CONFIG).write_text(json.dumps(doc), encoding="utf-8")
    (folder / places.SECRET).write_text(secret + "\n", encoding="ascii")
    (folder / "run").symlink_to(cluster.root / "run")
    return folder


def test_with_data_a_failed_connection_says_what_is_wrong(
    capsys: pytest.CaptureFixture[str], central_cluster: Cluster, tmp_path: Path
) -> None:
    right = (central_cluster.root / places.SECRET).read_text(encoding="ascii").strip()
    wrong = _folder_beside(central_cluster, tmp_path / "a", secret="not the password",
                           database=central_cluster.template)  # fmt: skip
    refused = run(capsys, "central", "status", "--data", str(wrong))
    assert refused.code == 1
    assert "refused the administrator's password" in refused.err
    assert "not running" not in refused.err
    missing = _folder_beside(central_cluster, tmp_path / "b", secret=right, database="gone")
    absent = run(capsys, "central", "status", "--data", str(missing))
    assert absent.code == 1
    assert "holds no database named in its central.json" in absent.err
    stopped = tmp_path / "c"
    stopped.mkdir()
    doc = places.layout(central_cluster.root)
    (stopped / places.CONFIG).write_text(json.dumps(doc), encoding="utf-8")
    (stopped / places.SECRET).write_text(right + "\n", encoding="ascii")
    (stopped / "run").mkdir()
    down = run(capsys, "central", "status", "--data", str(stopped))
    assert down.code == 1
    assert "is not running: start it" in down.err


def test_the_documented_roles_replay_keeps_the_new_systems_password(
    capsys: pytest.CaptureFixture[str],
    central_cluster: Cluster,
    central_place: Place,
    reachable_tmp: Path,
) -> None:
    """docs/central.md: a roles file of an older recipe (with the administrator's
    password) replayed into a new system's cluster, filtered as documented."""
    assert central_place.url is not None
    staff = f"replayed_{uuid.uuid4().hex[:10]}"
    admin = places.engine(Place(url=central_cluster.admin_url))
    try:
        with admin.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f'CREATE ROLE "{staff}" NOLOGIN NOINHERIT')
            )
    finally:
        admin.dispose()
    roles = reachable_tmp / "central-roles.sql"
    url = make_url(central_cluster.admin_url)
    env = dict(os.environ, PGPASSWORD=url.password or "")
    dumped = subprocess.run(
        [binaries.tool("pg_dumpall"), "-h", str(url.query["host"]), "-p", str(url.query["port"]),
         "-U", str(url.username), "--roles-only", "-f", str(roles)],
        env=env, capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert dumped.returncode == 0
    assert "ALTER ROLE veldboek_admin" in roles.read_text()
    assert "PASSWORD" in roles.read_text()

    new = reachable_tmp / "new"
    made = setup.init_embedded(new, PASSPHRASE, factory.fast_kdf(), name="Central")
    assert made.started
    try:
        doc = places.layout(new)
        secret = (new / places.SECRET).read_text(encoding="ascii").strip()
        # The recipe's replay, as docs/central.md writes it.
        replay = subprocess.run(
            ["sh", "-c",
             "grep -v -E '^(CREATE|ALTER) ROLE \"?veldboek_admin\"?[ ;]' \"$1\" | "
             "\"$2\" -h \"$3\" -p \"$4\" -U veldboek_admin -d postgres -q -f -",
             "sh", str(roles), binaries.tool("psql"), str(new / "run"), str(doc["port"])],
            env=dict(os.environ, PGPASSWORD=secret), capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert replay.returncode == 0, replay.stderr
        status = run(capsys, "central", "status", "--data", str(new))
        assert status.code == 0, status.err  # the new system's password still opens it
        check = places.engine(places.Place(data=new))
        try:
            with check.connect() as conn:
                assert (
                    conn.execute(
                        text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": staff}
                    ).scalar_one()
                    == 1
                )
        finally:
            check.dispose()
    finally:
        embedded.stop(new, mode="fast")
