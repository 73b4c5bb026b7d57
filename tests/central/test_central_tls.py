"""The embedded cluster's own TLS certificate (``cluster.tls``): named for the
addresses it listens on, so that a client can check the server it reached, and
renewed for the same key (``central tls renew``); and its memory settings
(``embedded.shared_buffers_mb``)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import shutil
import socket
from pathlib import Path

import psycopg
import pytest
from cryptography import x509

from app.central.cluster import embedded, tls
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers.central import init_listening, run


def _names(listen: str) -> set[str]:
    made = x509.load_pem_x509_certificate(tls.make_certificate(listen).cert_pem)
    sans = made.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return {str(n.value) for n in sans}


def test_the_certificate_names_each_address_and_host_name_it_listens_on() -> None:
    assert _names("10.20.30.40,central.unit.local,fd00::5") == {
        "10.20.30.40", "central.unit.local", str(ipaddress.ip_address("fd00::5")),
    }  # fmt: skip
    assert _names("*") == {socket.gethostname(), "localhost", "127.0.0.1", "::1"}


def test_the_certificate_is_its_own_authority_for_five_years_and_its_key_stays_apart() -> None:
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    made = tls.make_certificate("127.0.0.1", now=now)
    cert = x509.load_pem_x509_certificate(made.cert_pem)
    assert cert.issuer == cert.subject
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert cert.not_valid_after_utc - now == dt.timedelta(days=tls.VALID_DAYS)
    assert b"PRIVATE KEY" not in made.cert_pem
    assert made.sha256 == tls.fingerprint(cert)
    assert len(made.sha256.split(":")) == 32


def test_the_servers_cache_is_a_quarter_of_the_memory_a_container_allows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v2, v1 = tmp_path / "memory.max", tmp_path / "memory.limit_in_bytes"
    monkeypatch.setattr(embedded, "_LIMITS", (v2, v1))
    assert embedded.memory_limit() is None  # neither file: no limit
    v2.write_text("max\n")
    v1.write_text(f"{2**63 - 4096}\n")  # v1's "no limit"
    assert embedded.memory_limit() is None
    v2.write_text(f"{2 * 1024**3}\n")
    assert embedded.memory_limit() == 2 * 1024**3
    assert embedded.shared_buffers_mb() == 512
    v2.write_text(f"{256 * 1024**2}\n")
    assert embedded.shared_buffers_mb() == 128  # never below PostgreSQL's default


def test_a_renewed_certificate_keeps_the_key_and_names_and_runs_five_years_on() -> None:
    first = tls.make_certificate(
        "127.0.0.1,central.unit", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    key = tls.load_key(first.key_pem)
    later = dt.datetime(2030, 6, 1, tzinfo=dt.UTC)
    renewed = tls.make_certificate("127.0.0.1,central.unit", now=later, key=key)
    old, new = (x509.load_pem_x509_certificate(c.cert_pem) for c in (first, renewed))
    assert new.public_key() == old.public_key()
    assert tls.info(renewed.cert_pem).names == tls.info(first.cert_pem).names
    assert tls.info(renewed.cert_pem).valid_until == later + dt.timedelta(days=tls.VALID_DAYS)
    assert renewed.sha256 != first.sha256


def _connects(port: int, password: str, cert: Path) -> bool:
    login = f"host=127.0.0.1 port={port} user=veldboek_admin dbname=veldboek"
    try:
        with psycopg.connect(
            login, password=password, sslmode="verify-full", sslrootcert=str(cert)
        ) as conn:
            return conn.pgconn.ssl_in_use
    except psycopg.OperationalError:
        return False


def test_tls_show_and_renew_on_the_command_line(
    capsys: pytest.CaptureFixture[str], reachable_tmp: Path, tmp_path: Path
) -> None:
    data, passfile = reachable_tmp / "central", tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    _made, port = init_listening(capsys, data, passfile)
    try:
        password = (data / "admin.secret").read_text().strip()
        before = tmp_path / "before.crt"  # a client's copy from init
        shutil.copy(data / "server.crt", before)
        shown = run(capsys, "central", "tls", "show", "--data", str(data), "--json")
        assert shown.code == 0, shown.err
        doc = json.loads(shown.out)
        assert doc["sha256"] == tls.fingerprint_of(before)
        assert doc["names"] == ["127.0.0.1"]

        renewed = run(capsys, "central", "tls", "renew", "--data", str(data))
        assert renewed.code == 0, renewed.err
        new_fp = tls.fingerprint_of(data / "server.crt")
        assert new_fp != doc["sha256"]
        assert f"SHA-256 {new_fp}" in renewed.out
        again = json.loads(run(capsys, "central", "tls", "show", "--data", str(data), "--json").out)
        assert again["sha256"] == new_fp  # what the server presents (pgdata)
        assert again["valid_until"] >= doc["valid_until"]
        assert (data / "pgdata" / "server.key").stat().st_mode & 0o777 == 0o600
        # The running server took it (reloaded): a client with the new copy reaches
        # it; one still holding the old copy is refused (a self-signed certificate
        # trusts only itself), as a stranger's is.
        assert _connects(port, password, data / "server.crt")
        assert not _connects(port, password, before)
        stranger = tmp_path / "stranger.crt"
        stranger.write_bytes(tls.make_certificate("127.0.0.1").cert_pem)
        assert not _connects(port, password, stranger)
        # And after a restart.
        assert run(capsys, "central", "stop", "--data", str(data)).code == 0
        assert run(capsys, "central", "start", "--data", str(data)).code == 0
        assert _connects(port, password, data / "server.crt")
    finally:
        run(capsys, "central", "stop", "--data", str(data))


def test_tls_commands_on_a_socket_only_system_say_so_in_one_line(
    capsys: pytest.CaptureFixture[str], central_cluster: Cluster
) -> None:
    for command in ("show", "renew"):
        refused = run(capsys, "central", "tls", command, "--data", str(central_cluster.root))
        assert refused.code == 1
        assert refused.err.count("\n") == 1
        assert "no TLS certificate" in refused.err
    assert not (central_cluster.root / "server.crt").exists()
