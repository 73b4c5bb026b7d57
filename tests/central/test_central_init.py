"""``veldboek central init|start|stop|keys``: a private PostgreSQL cluster with
data checksums, SCRAM logins and no TCP unless asked; the schema up and down; the
central key pair sealed under the passphrase; its bundle taken in by a vault."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from app.central import access, central_keys, store
from app.central.cluster import binaries, embedded, tls
from app.central.place import Place
from app.central.schema import migrate
from app.errors import WrongPassphrase
from app.services.exchange import keys
from app.vault.vault import Vault
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers import factory
from tests.helpers.central import init_listening, run


def test_session_cluster_is_socket_only_with_checksums_and_scram(
    central_cluster: Cluster, central_place: Place
) -> None:
    with store.opened(central_place) as s, s.connect() as conn:
        settings = {
            name: conn.execute(text(f"SHOW {name}")).scalar_one()
            for name in (
                "data_checksums",
                "listen_addresses",
                "password_encryption",
                "log_statement",
                "wal_compression",
                "max_wal_size",
                "shared_buffers",
            )
        }
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = current_user")
        ).scalar_one()
    assert settings == {
        "data_checksums": "on",
        "listen_addresses": "",
        "password_encryption": "scram-sha-256",
        "log_statement": "none",
        # sized for a unit server's store (docs/central.md, "Measured")
        "wal_compression": binaries.wal_compression(),
        "max_wal_size": "4GB",
        "shared_buffers": f"{embedded.shared_buffers_mb()}MB"
        if embedded.shared_buffers_mb() % 1024
        else f"{embedded.shared_buffers_mb() // 1024}GB",
    }
    assert settings["wal_compression"] == "lz4"  # Debian's PostgreSQL has it
    assert stored.startswith("SCRAM-SHA-256$")
    hba = (central_cluster.root / "pgdata" / "pg_hba.conf").read_text()
    rules = [line.split() for line in hba.splitlines() if line and not line.startswith("#")]
    assert rules
    assert all(rule[0] == "local" and rule[-1] == "scram-sha-256" for rule in rules)
    # No password, no login (not even for the administrator, on the socket).
    socket_dir = central_cluster.root / "run"
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host=str(socket_dir), user="veldboek_admin", dbname="postgres", password="")
    if os.geteuid() == 0:  # PostgreSQL refuses root: the cluster is the service user's
        assert (central_cluster.root / "pgdata").stat().st_uid != 0


def _export_with_a_relative_data(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, spoken: str
) -> None:
    """A relative --data, from the folder above: the same cluster."""
    out = tmp_path / "relative.veldboek-key"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(data.parent)
        done = run(capsys, "central", "keys", "export", "--data", data.name, "--out", str(out))
    assert done.code == 0, done.err
    assert keys.read_bundle_file(out).fingerprint.spoken == spoken


def test_init_start_stop_keys_on_the_command_line(
    capsys: pytest.CaptureFixture[str], reachable_tmp: Path, tmp_path: Path
) -> None:
    data = reachable_tmp / "central"
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n")
    made, port = init_listening(capsys, data, passfile)
    try:
        shown = run(capsys, "central", "keys", "show", "--data", str(data), "--json")
        assert shown.code == 0, shown.err
        doc = json.loads(shown.out)
        assert doc["spoken"] in made.out
        out = tmp_path / "central.veldboek-key"
        exported = run(capsys, "central", "keys", "export", "--data", str(data), "--out", str(out))
        assert exported.code == 0, exported.err
        assert out.read_text("utf-8").strip() == doc["bundle"]  # show and export: one bundle
        bundle = keys.read_bundle_file(out)
        assert (bundle.role.value, bundle.fingerprint.spoken) == ("central", doc["spoken"])
        _export_with_a_relative_data(capsys, data, tmp_path, doc["spoken"])
        # Never into the central system's own folder.
        inside = run(
            capsys, "central", "keys", "export", "--data", str(data), "--out", str(data / "k")
        )
        assert inside.code == 1
        assert not (data / "k").exists()

        # A vault takes the bundle in as its central system, with the spoken fingerprint.
        vault_dir = factory.make_vault(tmp_path / "vault")
        vault_pass = tmp_path / "vault-pass"
        vault_pass.write_text(factory.PASSPHRASE)
        taken = run(
            capsys, "keys", "import", str(out), "--vault", str(vault_dir), "--passphrase-file",
            str(vault_pass), "--role", "central", "--fingerprint", doc["spoken"],
        )  # fmt: skip
        assert taken.code == 0, taken.err
        with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
            peers = keys.list_peers(vault)
        assert [(p.role.value, p.spoken) for p in peers] == [("central", doc["spoken"])]

        # --listen: TCP too, only with TLS (checked against the certificate init
        # wrote for clients, whose fingerprint it printed) and the password (SCRAM).
        password = (data / "admin.secret").read_text().strip()
        cert = data / "server.crt"
        assert f"SHA-256 {tls.fingerprint_of(cert)}" in made.out
        assert (data / "pgdata" / "server.key").stat().st_mode & 0o777 == 0o600
        login = f"host=127.0.0.1 port={port} user=veldboek_admin dbname=veldboek"
        with psycopg.connect(
            login, password=password, sslmode="verify-full", sslrootcert=str(cert)
        ) as conn:
            assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            assert conn.pgconn.ssl_in_use
            assert conn.execute(
                "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
            ).fetchone() == ("TLSv1.3",)
        with pytest.raises(psycopg.OperationalError, match="no encryption"):
            psycopg.connect(login, password=password, sslmode="disable")
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(login, password="x", sslmode="verify-full", sslrootcert=str(cert))
        other = tls.make_certificate("127.0.0.1")  # a server claiming to be this one
        stranger = tmp_path / "other.crt"
        stranger.write_bytes(other.cert_pem)
        with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
            psycopg.connect(
                login, password=password, sslmode="verify-full", sslrootcert=str(stranger)
            )

        assert run(capsys, "central", "stop", "--data", str(data)).out.strip() == "Stopped."
        stopped = run(capsys, "central", "keys", "show", "--data", str(data))
        assert stopped.code == 1
        assert stopped.err.count("\n") == 1
        assert "central start --data" in stopped.err
        assert run(capsys, "central", "start", "--data", str(data)).out.strip() == "Started."
        assert run(capsys, "central", "keys", "show", "--data", str(data)).code == 0
        again = run(
            capsys, "central", "init", "--data", str(data), "--passphrase-file", str(passfile),
            "--kdf-target-ms", "1",
        )  # fmt: skip
        assert again.code == 1
        assert "not an empty folder" in again.err
    finally:
        run(capsys, "central", "stop", "--data", str(data))


def test_private_keys_are_sealed_under_the_passphrase(central_place: Place) -> None:
    with store.opened(central_place) as s, s.connect() as conn:
        unlocked = central_keys.unlock(conn, PASSPHRASE)
        public = central_keys.public(conn)
        row = conn.execute(text("SELECT * FROM central.keys")).mappings().one()
        with pytest.raises(WrongPassphrase):
            central_keys.unlock(conn, PASSPHRASE + "x")
    assert unlocked.fingerprint == public.fingerprint
    stored = b"".join(bytes(v) for v in row.values() if isinstance(v, bytes | memoryview))
    assert unlocked.signing not in stored
    assert unlocked.receiving_seed not in stored


def test_init_on_an_existing_database_then_refused_twice(
    capsys: pytest.CaptureFixture[str], empty_database: Place, tmp_path: Path
) -> None:
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    assert empty_database.url is not None
    argv = (
        "central",
        "init",
        "--db",
        empty_database.url,
        "--passphrase-file",
        str(passfile),
        "--kdf-target-ms",
        "1",
    )
    first = run(capsys, *argv)
    assert first.code == 0, first.err
    assert "Fingerprint:" in first.out
    second = run(capsys, *argv)
    assert second.code == 1
    assert "already holds a central system" in second.err
    shown = run(capsys, "central", "keys", "show", "--db", empty_database.url, "--json")
    assert json.loads(shown.out)["spoken"] in first.out


def test_schema_walks_up_and_down(empty_database: Place) -> None:
    s = store.Store(empty_database)
    try:
        migrate.upgrade(s.engine)
        with s.connect() as conn:
            assert migrate.current_revision(conn) == migrate.script_head() == migrate.SCHEMA_HEAD
            tables = set(conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'central'"
            )).scalars())  # fmt: skip
            assert {"packages", "debrief_versions", "access_log", "keys"} <= tables
            forced = conn.execute(text(
                "SELECT relname FROM pg_class WHERE relnamespace = 'central'::regnamespace "
                "AND relkind = 'r' AND NOT relrowsecurity"
            )).scalars().all()  # fmt: skip
            # Every table a staff role may read is under row-level security; the rest
            # (keys, senders, refusals, access log, receipts) staff get no right to.
            assert set(forced) <= {"keys", "senders", "refusals", "access_log", "receipts"}
            assert not set(forced) & set(access.READABLE)
        migrate.downgrade(s.engine, "base")
        with s.connect() as conn:
            assert migrate.current_revision(conn) is None
            assert conn.execute(text(
                "SELECT count(*) FROM pg_namespace WHERE nspname = 'central'"
            )).scalar_one() == 0  # fmt: skip
        migrate.upgrade(s.engine)
        with s.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
    finally:
        s.close()


def test_a_place_is_named_exactly_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    neither = run(capsys, "central", "keys", "show")
    both = run(
        capsys, "central", "keys", "show", "--data", str(tmp_path), "--db", "postgresql://x@/y"
    )
    nothing_there = run(capsys, "central", "keys", "show", "--data", str(tmp_path))
    bad_url = run(capsys, "central", "keys", "show", "--db", "mysql://x@h/y")
    unclosed = run(capsys, "central", "status", "--db", "postgresql://a:secretpw@[::1/d")
    no_port = run(capsys, "central", "status", "--db", "postgresql://a:secretpw@h:abc/d")
    injected = run(
        capsys, "central", "init", "--data", str(tmp_path / "c"), "--passphrase-file", "-",
        "--listen", "*'\nssl = off\n#",
    )  # fmt: skip
    for result in (neither, both, nothing_there, bad_url, injected, unclosed, no_port):
        assert result.code == 1, result
        assert result.err.count("\n") == 1, result
        assert "secretpw" not in result.err
    assert "central init" in nothing_there.err
    assert "--listen takes" in injected.err
    assert not (tmp_path / "c").exists()
