"""The embedded cluster's own TLS certificate (``cluster.tls``): named for the
addresses it listens on, so that a client can check the server it reached; and
its memory settings (``embedded.shared_buffers_mb``)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from pathlib import Path

import pytest
from cryptography import x509

from app.central.cluster import embedded, tls


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
